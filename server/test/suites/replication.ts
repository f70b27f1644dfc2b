/** Pull and push semantics: round trip, idempotent re-push, conflicts, refusals, pagination, ordering. */
import { expect, test } from 'vitest';
import type { SubjectDocument } from '../../../shared/subjects/model.ts';
import { canonicalJson } from '../../../shared/base/security/canonicalJson.ts';
import { documentContent } from '../../../shared/sync/documentContent.ts';
import type { PushRow, SyncCheckpoint, SyncDocument } from '../../../shared/sync/protocol.ts';
import { sha256Hex } from '../../auth/secrets.ts';
import { toNumber } from '../../db/database.ts';
import { documentUniqueFields, documentValidators } from '../../../shared/sync/documentValidators.ts';
import { syntheticSubject } from '../../fixtures/subjects.ts';
import { countyStaff } from '../../fixtures/users.ts';
import { pushDocumentsWithin } from '../../sync/documentStore.ts';
import { createRows, type TestPlatform } from '../harness.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function state(subject: SubjectDocument, deleted = false): SyncDocument {
  return { ...subject, _deleted: deleted };
}

export function defineReplicationTests(env: TestPlatform): void {
  test('pushed documents come back from a pull of another device, in write order', async () => {
    const county = await env.newCounty();
    const writer = await env.enroll(county);
    const reader = await env.enroll(county);
    const subjects = [syntheticSubject(county), syntheticSubject(county), syntheticSubject(county)];
    const pushed = await writer.push('subjects', createRows(subjects));
    expect(pushed.status).toBe(200);
    expect(pushed.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });

    const pulled = await reader.pull('subjects');
    expect(pulled.status).toBe(200);
    expect(pulled.body.documents).toEqual(subjects.map((subject) => state(subject)));
    const checkpoint = pulled.body.checkpoint!;
    expect(checkpoint.sequence).toBeGreaterThan(0);

    const again = await reader.pull('subjects', checkpoint);
    expect(again.body).toEqual({ documents: [], checkpoint, epoch: 1 });
  });

  test('an empty feed pulled from the beginning answers a null checkpoint', async () => {
    const device = await env.enroll(await env.newCounty());
    expect((await device.pull('subjects')).body).toEqual({ documents: [], checkpoint: null, epoch: 1 });
    const bare = await device.request(`/sync/v1/subjects/pull?checkpoint=0`, {
      headers: device.headers('subjects'),
    });
    expect(bare.body).toEqual({ documents: [], checkpoint: { sequence: 0, epoch: 1 }, epoch: 1 });
  });

  test('re-pushing a batch whose response was lost creates no duplicate and no false conflict', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const subjects = [syntheticSubject(county), syntheticSubject(county)];
    const rows = createRows(subjects);
    expect((await device.push('subjects', rows)).body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
    expect((await device.push('subjects', rows)).body).toEqual({ conflicts: [], rejected: [], epoch: 1 });

    // An update re-sent with the assumed state it had before the first attempt committed.
    const updated = {
      ...subjects[0]!,
      name: '示范建设工程有限公司（更名）',
      updatedAt: new Date().toISOString(),
    };
    const updateRow: PushRow = { newDocumentState: state(updated), assumedMasterState: state(subjects[0]!) };
    expect((await device.push('subjects', [updateRow])).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    expect((await device.push('subjects', [updateRow])).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });

    const all = await device.pullAll('subjects');
    expect(all).toEqual([state(subjects[1]!), state(updated)]);
    const log = await env.platform.database.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM write_log WHERE document_id = ANY($1::text[])',
      [subjects.map((subject) => subject.id)],
    );
    expect(toNumber(log.rows[0]!.n)).toBe(3);
  });

  test('a stale assumed master state is a conflict answered with the current master state', async () => {
    const county = await env.newCounty();
    const first = await env.enroll(county);
    const second = await env.enroll(county);
    const base = syntheticSubject(county);
    await first.push('subjects', createRows([base]));

    const mine = { ...base, phone: '13800000001' };
    const theirs = { ...base, phone: '13800000002' };
    expect(
      (await first.push('subjects', [{ newDocumentState: state(mine), assumedMasterState: state(base) }]))
        .body,
    ).toEqual({ conflicts: [], rejected: [], epoch: 1 });
    const conflicted = await second.push('subjects', [
      { newDocumentState: state(theirs), assumedMasterState: state(base) },
    ]);
    expect(conflicted.body).toEqual({ conflicts: [state(mine)], rejected: [], epoch: 1 });

    // Creating a document that already exists is a conflict too.
    const recreated = await second.push('subjects', createRows([theirs]));
    expect(recreated.body.conflicts).toEqual([state(mine)]);

    // Resolved against the real master, the write goes through.
    const resolved = await second.push('subjects', [
      { newDocumentState: state(theirs), assumedMasterState: state(mine) },
    ]);
    expect(resolved.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
    expect(await first.pullAll('subjects')).toEqual([state(theirs)]);
  });

  test('key order and local RxDB metadata never cause a conflict', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const base = syntheticSubject(county);
    await device.push('subjects', createRows([base]));
    const reordered = Object.fromEntries(Object.entries(state(base)).reverse()) as SyncDocument;
    const withMeta = { ...reordered, _meta: { lwt: 1 }, _rev: '1-abc', _attachments: {} };
    const next = { ...base, address: '示范县新址路2号' };
    const pushed = await device.push('subjects', [
      {
        newDocumentState: { ...state(next), _rev: '2-def', _meta: { lwt: 2 } },
        assumedMasterState: withMeta,
      },
    ]);
    expect(pushed.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
    // Local metadata is not stored.
    expect(await device.pullAll('subjects')).toEqual([state(next)]);
  });

  test('a deletion travels as _deleted and frees the code for a new subject', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const subject = syntheticSubject(county);
    await device.push('subjects', createRows([subject]));
    const deleted = await device.push('subjects', [
      { newDocumentState: state(subject, true), assumedMasterState: state(subject) },
    ]);
    expect(deleted.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
    const successor = syntheticSubject(county, { code: subject.code });
    expect((await device.push('subjects', createRows([successor]))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    expect(await device.pullAll('subjects')).toEqual([state(subject, true), state(successor)]);
  });

  test('invalid documents are refused one by one with reasons while the rest of the batch is written', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const valid = syntheticSubject(county);
    const badCheck = syntheticSubject(county);
    badCheck.code = `${badCheck.code.slice(0, 17)}${badCheck.code[17] === '0' ? '1' : '0'}`;
    const otherCounty = syntheticSubject(county === '410526' ? '410527' : '410526');
    const extraField = { ...syntheticSubject(county), remark: 'not in the schema' };
    const badId = { ...syntheticSubject(county), id: 'not-a-uuid' };
    const wrongType = { ...syntheticSubject(county), name: 42 };
    const response = await device.push(
      'subjects',
      createRows([valid, badCheck, otherCounty, extraField, badId, wrongType]),
    );
    expect(response.status).toBe(200);
    expect(response.body.conflicts).toEqual([]);
    const reasons = Object.fromEntries(
      response.body.rejected.map((entry) => [
        entry.id,
        entry.issues.map((item) => `${item.field}:${item.code}`),
      ]),
    );
    expect(reasons).toEqual({
      [badCheck.id]: ['code:uscc.checkChar'],
      [otherCounty.id]: ['county:foreignCounty'],
      [extraField.id]: ['remark:unknownField'],
      'not-a-uuid': ['id:uuid'],
      [wrongType.id]: ['name:type'],
    });
    const foreign = response.body.rejected.find((entry) => entry.id === otherCounty.id)!;
    expect(foreign.issues[0]!.params).toEqual({ county });
    expect(await device.pullAll('subjects')).toEqual([state(valid)]);
  });

  test('values that are not in normal form (padded, full-width) are refused', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const subject = syntheticSubject(county);
    const padded = { ...subject, name: ` ${subject.name} `, code: `\uFF19${subject.code.slice(1)}` };
    const response = await device.push('subjects', createRows([padded]));
    expect(response.body.rejected).toEqual([
      {
        id: subject.id,
        issues: [
          { field: 'name', code: 'notNormalized' },
          { field: 'code', code: 'notNormalized' },
        ],
      },
    ]);
  });

  test('a second live subject with the same code is refused, even from another offline device', async () => {
    const county = await env.newCounty();
    const first = await env.enroll(county);
    const second = await env.enroll(county);
    const original = syntheticSubject(county);
    await first.push('subjects', createRows([original]));
    const duplicate = syntheticSubject(county, { code: original.code });
    const refused = await second.push('subjects', createRows([duplicate]));
    expect(refused.body.rejected).toEqual([
      {
        id: duplicate.id,
        issues: [{ field: 'code', code: 'duplicateCode', params: { existingId: original.id } }],
      },
    ]);

    // Within one batch the first one wins.
    const a = syntheticSubject(county);
    const b = syntheticSubject(county, { code: a.code });
    const batch = await second.push('subjects', createRows([a, b]));
    expect(batch.body.rejected.map((entry) => [entry.id, entry.issues[0]!.params])).toEqual([
      [b.id, { existingId: a.id }],
    ]);

    // Another county may hold the same code.
    const elsewhere = await env.enroll(await env.newCounty());
    const sameCode = syntheticSubject(elsewhere.county, { code: original.code });
    expect((await elsewhere.push('subjects', createRows([sameCode]))).body.rejected).toEqual([]);
  });

  test('a document may take over a code its previous holder gave up in the same batch', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const holder = syntheticSubject(county);
    await device.push('subjects', createRows([holder]));
    const renamed = { ...holder, code: syntheticSubject(county).code };
    const taker = syntheticSubject(county, { code: holder.code });
    const response = await device.push('subjects', [
      { newDocumentState: state(renamed), assumedMasterState: state(holder) },
      ...createRows([taker]),
    ]);
    expect(response.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
  });

  test('every accepted write is logged with device, user, time and content hash', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const subject = syntheticSubject(county);
    const before = Date.now();
    await device.push('subjects', createRows([subject]));
    const { rows } = await env.platform.database.query<{
      device_id: string;
      user_id: string;
      content_hash: string;
      written_at: Date;
      sequence: unknown;
    }>(
      'SELECT device_id, user_id, content_hash, written_at, sequence FROM write_log WHERE document_id = $1',
      [subject.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      device_id: device.deviceId,
      user_id: countyStaff(county).clerk,
      content_hash: sha256Hex(canonicalJson(documentContent(state(subject)))),
    });
    expect(rows[0]!.written_at.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    const pulled = await device.pull('subjects');
    expect(toNumber(rows[0]!.sequence)).toBe(pulled.body.checkpoint!.sequence);
  });

  test('pulls page through the feed by checkpoint without gaps or repeats', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const subjects = Array.from({ length: 25 }, () => syntheticSubject(county));
    await device.push('subjects', createRows(subjects.slice(0, 12)));
    await device.push('subjects', createRows(subjects.slice(12)));
    const pages: number[] = [];
    const seen: string[] = [];
    const sequences: number[] = [];
    let checkpoint: SyncCheckpoint | null = null;
    for (;;) {
      const page = await device.pull('subjects', checkpoint, 10);
      pages.push(page.body.documents.length);
      seen.push(...page.body.documents.map((document) => document.id));
      if (page.body.checkpoint) sequences.push(page.body.checkpoint.sequence);
      checkpoint = page.body.checkpoint;
      if (page.body.documents.length < 10) break;
    }
    expect(pages).toEqual([10, 10, 5]);
    expect(seen).toEqual(subjects.map((subject) => subject.id));
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
  });

  test('a write that commits after a later one would be pullable is never skipped', async () => {
    const county = await env.newCounty();
    const writer = await env.enroll(county);
    const follower = await env.enroll(county);
    const early = syntheticSubject(county);
    const late = syntheticSubject(county);
    const rules = { validate: documentValidators.subjects!, uniqueField: documentUniqueFields.subjects };
    let sequenceDrawn!: () => void;
    const drawn = new Promise<void>((resolve) => {
      sequenceDrawn = resolve;
    });
    // The early write draws its sequence, then its transaction stays open for a while.
    const slowWrite = env.platform.database.transaction(async (tx) => {
      const outcome = await pushDocumentsWithin(tx, rules, {
        collection: 'subjects',
        county,
        deviceId: writer.deviceId,
        rows: createRows([early]),
        context: { today: '2026-01-01' },
      });
      sequenceDrawn();
      await sleep(400);
      return outcome;
    });
    await drawn;
    const latePush = writer.push('subjects', createRows([late]));
    await sleep(150);
    const first = await follower.pull('subjects');
    await Promise.all([slowWrite, latePush]);
    const second = await follower.pull('subjects', first.body.checkpoint);
    const seen = [...first.body.documents, ...second.body.documents].map((document) => document.id);
    expect(seen).toEqual([early.id, late.id]);
  });

  test('a puller following the feed during concurrent pushes misses nothing', async () => {
    const county = await env.newCounty();
    const writers = await Promise.all(Array.from({ length: 8 }, () => env.enroll(county)));
    const reader = await env.enroll(county);
    const written = new Set<string>();
    let writing = true;
    const writes = Promise.all(
      writers.map(async (writer) => {
        for (let batch = 0; batch < 10; batch++) {
          const subjects = Array.from({ length: 6 }, () => syntheticSubject(county));
          const response = await writer.push('subjects', createRows(subjects));
          expect(response.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
          for (const subject of subjects) written.add(subject.id);
        }
      }),
    ).finally(() => {
      writing = false;
    });

    const received: string[] = [];
    let lastSequence = 0;
    let checkpoint: SyncCheckpoint | null = null;
    const follow = async () => {
      for (;;) {
        const done = !writing;
        const page = await reader.pull('subjects', checkpoint, 7);
        received.push(...page.body.documents.map((document) => document.id));
        if (page.body.checkpoint) {
          expect(page.body.checkpoint.sequence).toBeGreaterThanOrEqual(lastSequence);
          lastSequence = page.body.checkpoint.sequence;
        }
        checkpoint = page.body.checkpoint;
        // Only a short page pulled after the writers finished proves the follower caught up.
        if (done && page.body.documents.length < 7) return;
      }
    };
    await Promise.all([writes, follow()]);
    expect(received).toHaveLength(written.size);
    expect(new Set(received)).toEqual(written);
  });
}
