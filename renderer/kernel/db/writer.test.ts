import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDemoSubjects } from '../../../shared/demo/subjects.ts';
import type { SubjectDocument, SubjectInput } from '../../../shared/subjects/model.ts';
import { bulkCreationOf } from '../../../shared/base/security/auditChain.ts';
import type { SignedInSession } from '../security/session.ts';
import { openTestProfile, type TestProfile, testSession } from '../security/testSupport.ts';
import type { InspectionDocument } from '../../../shared/inspections/document.ts';
import type { InspectionIndexFields } from '../../../shared/inspections/indexFields.ts';
import { storedInspection, withoutIndexFields } from '../../../shared/inspections/testFixtures.ts';
import { Writer } from './writer.ts';

let test: TestProfile;
let writer: Writer;
let session: SignedInSession | null;
let profile = 0;

/** Two valid subjects. */
const [first, other] = generateDemoSubjects({ seed: 9, count: 2, division: '410823' }) as [
  SubjectInput,
  SubjectInput,
];
const enterprise = (overrides: Partial<SubjectInput> = {}): SubjectInput => ({ ...first, ...overrides });

beforeEach(async () => {
  profile++;
  test = await openTestProfile(`test-writer-${profile}`);
  session = { ...testSession(['clerk'], 'user-1'), userName: '张敏' };
  writer = new Writer(test.db, test.local, { ...test.context, session: () => session });
});

afterEach(async () => {
  await test.close();
});

async function stored(): Promise<SubjectDocument[]> {
  return (await test.db.subjects.find().exec()).map((doc) => doc.toJSON() as SubjectDocument);
}

async function create(input = enterprise()): Promise<SubjectDocument> {
  const written = await writer.write({
    permission: 'subject.create',
    changes: [{ kind: 'new', collection: 'subjects', content: { ...input } }],
  });
  if (!written.ok) throw new Error(JSON.stringify(written.issues));
  return written.value[0] as SubjectDocument;
}

describe('the writer', () => {
  it('stamps a new document from the session and the clock, writes it and audits it', async () => {
    const created = await create();
    expect(created).toMatchObject({
      county: '410823',
      createdAt: '2026-11-20T08:00:00.000Z',
      updatedAt: '2026-11-20T08:00:00.000Z',
      createdBy: 'user-1',
      updatedBy: 'user-1',
    });
    expect(await stored()).toEqual([created]);
    const trail = await test.audit.search({ documentId: created.id });
    expect(trail.map((entry) => [entry.action, entry.userId])).toEqual([['create', 'user-1']]);
    expect(await test.local.journal.count()).toBe(0);
  });

  it('refuses a write the role does not allow, writing and auditing nothing', async () => {
    session = testSession(['auditor']);
    const written = await writer.write({
      permission: 'subject.create',
      changes: [{ kind: 'new', collection: 'subjects', content: { ...enterprise() } }],
    });
    expect(written).toEqual({
      ok: false,
      issues: [{ field: 'action', code: 'permission.denied', params: { action: 'subject.create' } }],
    });
    expect(await stored()).toEqual([]);
    expect(await test.audit.search()).toEqual([]);
  });

  it("refuses a document the capability's validator refuses, before anything is written", async () => {
    const written = await writer.write({
      permission: 'subject.create',
      changes: [
        { kind: 'new', collection: 'subjects', content: { ...enterprise() } },
        {
          kind: 'new',
          collection: 'subjects',
          content: {
            ...enterprise({ code: `${first.code.slice(0, -1)}${first.code.endsWith('0') ? '1' : '0'}` }),
          },
        },
      ],
    });
    expect(written.ok).toBe(false);
    if (!written.ok) expect(written.issues.map((found) => found.field)).toEqual(['code']);
    expect(await stored()).toEqual([]);
    expect(await test.audit.search()).toEqual([]);
    expect(await test.local.journal.count()).toBe(0);
  });

  it('keeps the replaced version in the history and audits the change; an unchanged one is not written', async () => {
    const created = await create();
    test.now.value = new Date('2026-11-21T08:00:00Z');
    const content = { ...enterprise({ name: '武陟县广厦置业有限公司' }) };
    const next = { kind: 'next' as const, collection: 'subjects' as const, before: created, content };
    const written = await writer.write({ permission: 'subject.update', changes: [next] });
    if (!written.ok) throw new Error('setup');
    const after = written.value[0] as SubjectDocument;
    expect(after).toMatchObject({
      ...created,
      name: '武陟县广厦置业有限公司',
      updatedAt: '2026-11-21T08:00:00.000Z',
    });
    const history = await test.local.historyOf('subjects', created.id);
    expect(history.map((entry) => [entry.snapshot.name, entry.replacedBy])).toEqual([[first.name, 'user-1']]);
    const unchanged = await writer.write({
      permission: 'subject.update',
      changes: [{ ...next, before: after }],
    });
    expect(unchanged).toEqual({ ok: true, value: [after] });
    expect(await test.local.historyOf('subjects', created.id)).toHaveLength(1);
    expect((await test.audit.search({ documentId: created.id })).map((entry) => entry.action)).toEqual([
      'update',
      'create',
    ]);
  });

  it('creates in bulk: refused contents reported by position, the rest written and audited as bulk creations', async () => {
    const inputs = generateDemoSubjects({ seed: 3, count: 6, division: '410823' });
    const contents = inputs.map((input, index) => (index === 2 ? { ...input, code: 'bad' } : { ...input }));
    const result = await writer.bulkCreate<SubjectDocument>({
      permission: 'subject.create',
      collection: 'subjects',
      contents,
      refuse: (doc) =>
        (doc as SubjectDocument).name === inputs[4]!.name ? [{ field: 'code', code: 'duplicate' }] : null,
    });
    expect(result.rejected.map((found) => found.index)).toEqual([2, 4]);
    expect(result.created.map((doc) => doc.name)).toEqual([0, 1, 3, 5].map((index) => inputs[index]!.name));
    const [entry] = await test.audit.search({ action: 'create' });
    expect(bulkCreationOf(entry!)?.documents).toEqual(result.created.map((doc) => doc.id));
    expect(await test.local.journal.count()).toBe(0);
  });

  it('creates in bulk over several chunks: every chunk written in order, audited once, refusals by position', async () => {
    const inputs = generateDemoSubjects({ seed: 4, count: 10_002, division: '410823' });
    const contents = inputs.map((input, index) =>
      index === 7_000 ? { ...input, code: 'bad' } : { ...input },
    );
    const result = await writer.bulkCreate<SubjectDocument>({
      permission: 'subject.create',
      collection: 'subjects',
      contents,
    });
    expect(result.rejected.map((found) => found.index)).toEqual([7_000]);
    expect(result.created.map((doc) => doc.name)).toEqual(
      inputs.filter((_, i) => i !== 7_000).map((s) => s.name),
    );
    expect(await test.db.subjects.count().exec()).toBe(10_001);
    const listed = (await test.audit.search({ action: 'create' })).flatMap(
      (entry) => bulkCreationOf(entry)?.documents ?? [],
    );
    // The trail lists the chunks in the order they were written, though a chunk is written while the
    // one before it is audited.
    const inTrailOrder = (await test.audit.search({ action: 'create' }))
      .sort((a, b) => a.seq - b.seq)
      .flatMap((entry) => bulkCreationOf(entry)?.documents ?? []);
    expect(inTrailOrder).toEqual(result.created.map((doc) => doc.id));
    expect(listed).toHaveLength(10_001);
    expect(await test.local.journal.count()).toBe(0);
  }, 120_000);

  it('stops a bulk creation at a chunk the database refuses in part: what it saved is audited, no later chunk is written', async () => {
    const existing = await create();
    const inputs = generateDemoSubjects({ seed: 5, count: 10_002, division: '410823' });
    // Content 6,000 names the id of a subject already stored: the second chunk's write fails there.
    const contents = inputs.map((input, index) =>
      index === 6_000 ? { ...input, id: existing.id } : { ...input },
    );
    await expect(
      writer.bulkCreate<SubjectDocument>({ permission: 'subject.create', collection: 'subjects', contents }),
    ).rejects.toThrow(/Saving subjects failed/);
    // The subject before, the first chunk and the second but its refused document; not the third chunk.
    expect(await test.db.subjects.count().exec()).toBe(1 + 5_000 + 4_999);
    const listed = (await test.audit.search({ action: 'create' })).flatMap(
      (entry) => bulkCreationOf(entry)?.documents ?? [],
    );
    expect(listed).toHaveLength(5_000 + 4_999);
    expect(listed).not.toContain(existing.id);
    expect(await test.local.journal.count()).toBe(0);
  }, 120_000);

  it('finishes an interrupted bulk creation at the next replay: what was written is audited once', async () => {
    const docs = (await Promise.all([create(), create({ ...other, name: '二号' })])).map((doc) => ({
      ...doc,
      id: doc.id,
    }));
    const entriesBefore = (await test.audit.search()).length;
    // A window closed after the write, before its audit: the journal keeps the group by ids.
    await test.local.journal.add({
      userId: 'user-1',
      userName: '张敏',
      startedAt: '2026-11-20T08:00:00.000Z',
      steps: [{ kind: 'bulkCreate', collection: 'subjects', ids: docs.map((doc) => doc.id) }],
      done: 0,
      written: true,
    });
    expect(await writer.replay()).toEqual({ finished: 1, failed: 0 });
    const trail = await test.audit.search();
    expect(trail).toHaveLength(entriesBefore + 1);
    expect(bulkCreationOf(trail[0]!)?.documents).toEqual(docs.map((doc) => doc.id));
    expect(await test.local.journal.count()).toBe(0);
  });

  it('leaves for later a group touching a collection this window did not open, without reporting a failure', async () => {
    const partial = await openTestProfile(`test-writer-partial-${profile}`, {
      only: ['subjects', 'users', 'auditLog'],
    });
    try {
      const partialWriter = new Writer(partial.db, partial.local, {
        ...partial.context,
        session: () => session,
      });
      await partial.local.journal.add({
        userId: 'user-1',
        userName: '张敏',
        startedAt: '2026-11-20T08:00:00.000Z',
        steps: [
          { kind: 'bulkCreate', collection: 'creditRecords', ids: ['0190aaaa-0000-7000-8000-000000000000'] },
        ],
        done: 0,
        written: true,
      });
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect(await partialWriter.replay()).toEqual({ finished: 0, failed: 0 });
        expect(errors).not.toHaveBeenCalled();
      } finally {
        errors.mockRestore();
      }
      // Kept for a window that opens every collection.
      expect(await partial.local.journal.count()).toBe(1);
    } finally {
      await partial.close();
    }
  });

  it('throws on a stamped step its validator refuses (run), writing nothing', async () => {
    const created = await create();
    const broken = { ...created, name: '', updatedAt: '2026-11-20T09:00:00.000Z' };
    await expect(
      writer.run({ userId: 'user-1', userName: '张敏' }, [
        { kind: 'update', collection: 'subjects', before: created, after: broken },
      ]),
    ).rejects.toThrow('name required');
    expect(await stored()).toEqual([created]);
  });

  it("judges `platformRule` writes by the platform's write rule, as the platform will", async () => {
    const created = await create();
    session = testSession(['auditor'], 'user-2');
    const written = await writer.write({
      permission: 'platformRule',
      changes: [
        { kind: 'next', collection: 'subjects', before: created, content: { ...enterprise({ name: '改' }) } },
      ],
    });
    // An auditor may not change subjects: the platform would refuse the pushed version, so the device does.
    expect(written.ok).toBe(false);
    if (!written.ok) expect(written.issues.map((found) => found.code)).toEqual(['permission.denied']);
    expect(await stored()).toEqual([created]);
  });

  it('removes a document: the history keeps it and the trail records the removal', async () => {
    const created = await create();
    const removed = await writer.write({
      permission: 'platformRule',
      steps: [{ kind: 'remove', collection: 'subjects', before: created }],
    });
    expect(removed.ok).toBe(true);
    expect(await stored()).toEqual([]);
    expect((await test.local.historyOf('subjects', created.id)).map((entry) => entry.snapshot.name)).toEqual([
      created.name,
    ]);
    const [entry] = await test.audit.search({ documentId: created.id });
    expect([entry?.action, entry?.after]).toEqual(['update', { removed: true }]);
  });

  it('restores: the newer version wins, the replaced one goes to the history, one summary entry audits it', async () => {
    const created = await create();
    const newer = { ...created, name: '武陟县广厦置业有限公司', updatedAt: '2026-11-22T08:00:00.000Z' };
    const older = { ...(await create({ ...other, name: '二号' })) };
    const stale = { ...older, name: '旧名', updatedAt: '2026-11-01T08:00:00.000Z' };
    const before = (await test.audit.search()).length;
    const restored = await writer.write({
      permission: 'backup.restore',
      steps: [{ kind: 'restore', collection: 'subjects', docs: [newer, stale] }],
      summary: { action: 'backupRestore', after: { written: { subjects: 1 } }, reason: '硬盘损坏' },
    });
    expect(restored.ok).toBe(false);
    session = testSession(['countyAdmin'], 'admin-1');
    const done = await writer.write({
      permission: 'backup.restore',
      steps: [{ kind: 'restore', collection: 'subjects', docs: [newer, stale] }],
      summary: { action: 'backupRestore', after: { written: { subjects: 1 } }, reason: '硬盘损坏' },
    });
    expect(done.ok).toBe(true);
    expect((await stored()).map((doc) => doc.name).sort()).toEqual(['二号', '武陟县广厦置业有限公司'].sort());
    expect((await test.local.historyOf('subjects', created.id)).map((entry) => entry.snapshot.name)).toEqual([
      created.name,
    ]);
    const trail = await test.audit.search();
    expect(trail.length).toBe(before + 1);
    expect([trail[0]?.action, trail[0]?.userId]).toEqual(['backupRestore', 'admin-1']);
  });

  it('sets the fields a capability derives from the content, whatever the caller sent (a conflict resolution too)', async () => {
    const draft = storedInspection({
      at: '2026-11-10T08:00:00.000Z',
      by: 'user-1',
      subjectId: '019a0000-0000-7000-8000-000000000001',
      state: 'draft',
      steps: [],
      orders: [],
      finding: '',
    });
    const stale = { doneMonth: '2026-11', firstDeadline: '2026-01-01' };
    const judged = { judged: session! };
    const created = await writer.write({
      permission: judged,
      changes: [
        { kind: 'new', collection: 'inspections', content: { ...withoutIndexFields(draft), ...stale } },
      ],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const [doc] = created.value as (InspectionDocument & InspectionIndexFields)[];
    expect([doc!.doneMonth, doc!.firstDeadline]).toEqual(['', '']);

    const next = await writer.write({
      permission: judged,
      changes: [
        {
          kind: 'next',
          collection: 'inspections',
          before: doc!,
          content: { ...doc!, adHocNote: '复查', ...stale },
        },
      ],
    });
    if (!next.ok) throw new Error(JSON.stringify(next.issues));
    const stored = (await test.db.inspections.findOne(doc!.id).exec())?.toJSON() as InspectionDocument &
      InspectionIndexFields;
    expect([stored.adHocNote, stored.doneMonth, stored.firstDeadline]).toEqual(['复查', '', '']);
  });
});
