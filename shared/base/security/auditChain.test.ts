import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuditEntry, auditTextLimits, genesisHash, validateAuditEntry } from '../auditEntry.ts';
import {
  type AuditEvent,
  AuditEntryError,
  appendEntry,
  auditSnapshot,
  bulkCreation,
  bulkCreationLimit,
  bulkCreationOf,
  changedFields,
  entryHash,
  verifyChain,
  verifyContinuation,
} from './auditChain.ts';
import { canonicalHash } from './canonicalJson.ts';

const device = 'device-a';
const county = '410823';

function event(n: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    county,
    deviceId: device,
    at: new Date(Date.UTC(2026, 2, 2, 8, 0, n)).toISOString(),
    userId: 'user-clerk',
    action: 'update',
    collectionName: 'subjects',
    documentId: `subject-${n}`,
    before: { name: `旧名称 ${n}` },
    after: { name: `新名称 ${n}` },
    ...overrides,
  };
}

async function chain(length: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let n = 1; n <= length; n++) entries.push(await appendEntry(entries.at(-1) ?? null, event(n)));
  return entries;
}

const codesAndSeqs = (verdict: Awaited<ReturnType<typeof verifyChain>>) =>
  verdict.ok ? [] : verdict.problems.map((p) => [p.code, p.seq]);

describe('appending', () => {
  it('numbers entries from 1 and links each to the previous hash', async () => {
    const [first, second] = await chain(2);
    expect(first).toMatchObject({ seq: 1, prevHash: genesisHash, deviceId: device, county });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash });
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first!.id).not.toBe(second!.id);
  });

  it('hashes the canonical JSON of the entry without its hash', async () => {
    const [first] = await chain(1);
    const { hash, ...rest } = first!;
    expect(hash).toBe(await canonicalHash(rest));
    const asStored = { ...first!, _rev: '1-a', _meta: { lwt: 1 } };
    expect(await entryHash(asStored)).toBe(hash);
  });

  it('requires a reason for sensitive actions', async () => {
    const reveal = event(1, { action: 'revealPersonalData', before: null, after: { field: 'code' } });
    await expect(appendEntry(null, reveal)).rejects.toThrow(AuditEntryError);
    await expect(appendEntry(null, { ...reveal, reason: '   ' })).rejects.toMatchObject({
      issues: [{ field: 'reason', code: 'auditEntry.reasonRequired' }],
    });
    const entry = await appendEntry(null, { ...reveal, reason: ' 核对身份 ' });
    expect(entry.reason).toBe('核对身份');
  });

  it('refuses to continue another device’s or county’s chain', async () => {
    const [first] = await chain(1);
    await expect(appendEntry(first!, event(2, { deviceId: 'device-b' }))).rejects.toMatchObject({
      issues: [{ field: 'deviceId', code: 'auditEntry.invalidField' }],
    });
    await expect(appendEntry(first!, event(2, { county: '410100' }))).rejects.toMatchObject({
      issues: [{ field: 'county', code: 'auditEntry.invalidField' }],
    });
  });

  it('keeps large fields as SHA-256 digests', async () => {
    const template = 'x'.repeat(3000);
    const entry = await appendEntry(null, event(1, { before: null, after: { name: 'short', template } }));
    expect(entry.after).toEqual({
      name: 'short',
      template: { omitted: 'sha256', hash: await canonicalHash(template), bytes: 3002 },
    });
    expect(await auditSnapshot({ template }, 4000)).toEqual({ template });
  });

  it('keeps only the changed fields of an update', () => {
    expect(
      changedFields(
        { name: 'A', phone: '1', tags: ['x'], removed: 1 },
        { name: 'B', phone: '1', tags: ['x'], added: { a: 1 } },
      ),
    ).toEqual({ before: { name: 'A', removed: 1 }, after: { name: 'B', added: { a: 1 } } });
    expect(changedFields(null, { name: 'B' })).toEqual({ before: null, after: { name: 'B' } });
  });
});

describe('verifying a chain', () => {
  it('accepts an intact chain and reports its head', async () => {
    const entries = await chain(5);
    expect(await verifyChain(entries)).toEqual({
      ok: true,
      head: { deviceId: device, county, seq: 5, hash: entries[4]!.hash },
    });
    expect(await verifyChain([])).toEqual({ ok: true, head: null });
  });

  it('detects an altered entry', async () => {
    const entries = await chain(5);
    entries[2] = { ...entries[2]!, after: { name: '篡改' } };
    expect(codesAndSeqs(await verifyChain(entries))).toEqual([['auditChain.altered', 3]]);
  });

  it('detects an entry rewritten with a recomputed hash at the link after it', async () => {
    const entries = await chain(5);
    const rewritten = { ...entries[2]!, userId: 'user-other' };
    entries[2] = { ...rewritten, hash: await entryHash(rewritten) };
    expect(codesAndSeqs(await verifyChain(entries))).toEqual([['auditChain.linkBroken', 4]]);
  });

  it('detects a removed entry, in the middle and at the start', async () => {
    const entries = await chain(6);
    expect(await verifyChain([...entries.slice(0, 2), ...entries.slice(4)])).toMatchObject({
      ok: false,
      problems: [{ code: 'auditChain.removed', seq: 3, params: { seq: 3, count: 2 } }],
    });
    expect(codesAndSeqs(await verifyChain(entries.slice(1)))).toEqual([['auditChain.removed', 1]]);
  });

  it('detects reordered entries', async () => {
    const entries = await chain(4);
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!];
    expect(codesAndSeqs(await verifyChain(swapped))).toEqual([['auditChain.reordered', 2]]);
  });

  it('detects swapped sequence numbers as alterations', async () => {
    const entries = await chain(3);
    const swapped = [entries[0]!, { ...entries[2]!, seq: 2 }, { ...entries[1]!, seq: 3 }];
    expect(codesAndSeqs(await verifyChain(swapped))).toEqual([
      ['auditChain.altered', 2],
      ['auditChain.linkBroken', 2],
      ['auditChain.altered', 3],
      ['auditChain.linkBroken', 3],
    ]);
  });

  it('detects a duplicated sequence number, identical or forked', async () => {
    const entries = await chain(3);
    expect(codesAndSeqs(await verifyChain([...entries.slice(0, 2), entries[1]!, entries[2]!]))).toEqual([
      ['auditChain.duplicated', 2],
    ]);
    const fork = await appendEntry(entries[0]!, event(9));
    expect(codesAndSeqs(await verifyChain([...entries, fork]))).toEqual([['auditChain.duplicated', 2]]);
  });

  it('detects entries of another device or county', async () => {
    const entries = await chain(3);
    const foreign = await appendEntry(null, event(1, { deviceId: 'device-b' }));
    expect(await verifyChain([...entries, foreign])).toMatchObject({
      ok: false,
      problems: [{ code: 'auditChain.wrongDevice', seq: 1, params: { deviceId: 'device-b' } }],
    });
    expect(codesAndSeqs(await verifyChain(entries, { deviceId: 'device-b' }))).toEqual([
      ['auditChain.wrongDevice', 1],
      ['auditChain.wrongDevice', 2],
      ['auditChain.wrongDevice', 3],
    ]);
    const otherCounty = await chain(2);
    expect(codesAndSeqs(await verifyChain(otherCounty, { county: '410100' }))).toEqual([
      ['auditChain.wrongCounty', 1],
      ['auditChain.wrongCounty', 2],
    ]);
  });

  it('treats an entry holding data that cannot be hashed as altered', async () => {
    const entries = await chain(2);
    entries[1] = { ...entries[1]!, after: { when: new Date(0) } };
    expect(codesAndSeqs(await verifyChain(entries))).toEqual([['auditChain.altered', 2]]);
  });
});

describe('bulk creations', () => {
  const recorded = (n: number, idLength = 36) =>
    Array.from({ length: n }, (_, i) => ({
      id: String(i).padStart(idLength, '0'),
      name: `企业 ${i}`,
      phone: '138****5678',
    }));

  it('lists the documents in order and digests them as recorded', async () => {
    const documents = recorded(3);
    const created = await bulkCreation(documents);
    expect(created.documents).toEqual(documents.map((doc) => doc.id));
    expect(created.digest).toBe(await canonicalHash(documents));
    const changed = [documents[0]!, { ...documents[1]!, name: '改名' }, documents[2]!];
    expect((await bulkCreation(changed)).digest).not.toBe(created.digest);
    expect((await bulkCreation([...documents].reverse())).digest).not.toBe(created.digest);
    await expect(bulkCreation(recorded(bulkCreationLimit + 1))).rejects.toThrow(RangeError);
  });

  it('digests any documents exactly as canonical JSON hashing does (property)', async () => {
    const value = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.jsonValue(),
      fc.date(),
    );
    const document = fc
      .record({ id: fc.uuid() })
      .chain((doc) => fc.dictionary(fc.string(), value).map((fields) => ({ ...fields, ...doc })));
    await fc.assert(
      fc.asyncProperty(fc.array(document, { maxLength: 5 }), async (documents) => {
        const expected = await canonicalHash(documents).catch((error: unknown) => error);
        const actual = await bulkCreation(documents).then(
          (created) => created.digest,
          (error: unknown) => error,
        );
        if (expected instanceof Error) expect(actual).toBeInstanceOf(TypeError);
        else expect(actual).toBe(expected);
      }),
    );
  });

  it('fits the most documents with the longest ids in one valid entry that verifies', async () => {
    const documents = recorded(bulkCreationLimit, auditTextLimits.documentId);
    const entry = await appendEntry(
      null,
      event(1, {
        action: 'create',
        documentId: '',
        before: null,
        after: { ...(await bulkCreation(documents)) },
      }),
      { largeFieldBytes: auditTextLimits.snapshotBytes },
    );
    expect(validateAuditEntry(entry).ok).toBe(true);
    expect(bulkCreationOf(entry)?.documents).toEqual(documents.map((doc) => doc.id));
    expect(await verifyChain([entry])).toMatchObject({ ok: true });
    const tampered = { ...entry, after: { ...entry.after, documents: documents.slice(1).map((d) => d.id) } };
    expect(codesAndSeqs(await verifyChain([tampered]))).toEqual([['auditChain.altered', 1]]);
  });

  it('tells bulk creations from other entries', async () => {
    const [single] = await chain(1);
    expect(bulkCreationOf(single!)).toBeNull();
    expect(bulkCreationOf({ ...single!, action: 'create' })).toBeNull();
    const listing = { documents: ['a'], digest: '0'.repeat(64) };
    expect(bulkCreationOf({ ...single!, action: 'create', documentId: '', after: listing })).toEqual(listing);
    expect(bulkCreationOf({ ...single!, action: 'update', documentId: '', after: listing })).toBeNull();
  });
});

describe('verifying continuations', () => {
  it('accepts new entries that follow the last known one and moves the head', async () => {
    const entries = await chain(6);
    const first = await verifyChain(entries.slice(0, 3));
    if (!first.ok) throw new Error('expected ok');
    expect(await verifyContinuation(first.head, entries.slice(3))).toEqual({
      ok: true,
      head: { deviceId: device, county, seq: 6, hash: entries[5]!.hash },
    });
    expect(await verifyContinuation(first.head, [])).toEqual({ ok: true, head: first.head });
    expect(await verifyContinuation(null, entries)).toMatchObject({ ok: true });
  });

  it('detects a gap after the last known entry', async () => {
    const entries = await chain(6);
    const head = { deviceId: device, county, seq: 3, hash: entries[2]!.hash };
    expect(codesAndSeqs(await verifyContinuation(head, entries.slice(4)))).toEqual([
      ['auditChain.removed', 4],
    ]);
  });

  it('detects a rewritten history behind the last known entry', async () => {
    const entries = await chain(4);
    const head = { deviceId: device, county, seq: 3, hash: entries[2]!.hash };
    const rewritten = await chain(2);
    const forged = await appendEntry(rewritten[1]!, event(3));
    const next = await appendEntry(forged, event(4));
    expect(codesAndSeqs(await verifyContinuation(head, [next]))).toEqual([['auditChain.linkBroken', 4]]);
  });

  it('reports resent known entries as duplicated', async () => {
    const entries = await chain(4);
    const head = { deviceId: device, county, seq: 3, hash: entries[2]!.hash };
    expect(codesAndSeqs(await verifyContinuation(head, entries.slice(2)))).toEqual([
      ['auditChain.duplicated', 3],
    ]);
  });

  it('pins the device and county of the last known entry', async () => {
    const entries = await chain(2);
    const head = { deviceId: 'device-b', county, seq: 1, hash: entries[0]!.hash };
    expect(codesAndSeqs(await verifyContinuation(head, entries.slice(1)))).toEqual([
      ['auditChain.wrongDevice', 2],
    ]);
  });
});
