import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDemoSubjects } from '../../shared/demo/subjects.ts';
import { emptySubjectInput, type SubjectInput } from '../../shared/subjects/model.ts';
import { bulkCreationOf } from '../../shared/base/security/auditChain.ts';
import { canonicalHash } from '../../shared/base/security/canonicalJson.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { CreditDeskDatabase } from '../kernel/db/database.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import { maskPersonalData } from '../kernel/security/personalData.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import {
  memorySecretStore,
  openTestProfile,
  type TestProfile,
  testSession,
} from '../kernel/security/testSupport.ts';
import { readStoredIndex } from './subjectIndexStore.ts';
import { SubjectRepository } from './repository.ts';

let test: TestProfile;
let db: CreditDeskDatabase;
let local: LocalStore;
let repository: SubjectRepository;
let now: Date;
let session: SignedInSession;
let secrets: ReturnType<typeof memorySecretStore>;
let profile = 0;

const enterprise = (overrides: Partial<SubjectInput> = {}): SubjectInput => ({
  ...emptySubjectInput('enterprise'),
  name: '武陟县宏达建筑工程有限公司',
  code: '91350100M000100Y43',
  legalRepresentative: '王伟',
  division: '410823',
  ...overrides,
});

async function openProfile(
  name: string,
  options: { countUpTo?: number; storeDelayMs?: number } = {},
): Promise<void> {
  const clock = {
    get value() {
      return now;
    },
  };
  test = await openTestProfile(name, { secrets, now: clock });
  db = test.db;
  local = test.local;
  repository = await SubjectRepository.open(
    db.subjects,
    local,
    { ...test.context, session: () => session },
    { storeDelayMs: 50, ...options },
  );
}

beforeEach(async () => {
  now = new Date('2026-11-20T08:00:00Z');
  session = { ...testSession(['clerk'], 'user-1'), userName: '张敏' };
  secrets = memorySecretStore();
  profile++;
  await openProfile(`test-subjects-${profile}`);
});

afterEach(async () => {
  await test.close();
});

describe('subject repository', () => {
  it('creates a subject stamped from the session and clock, not from the input', async () => {
    const result = await repository.create(enterprise());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      county: '410823',
      createdBy: 'user-1',
      updatedBy: 'user-1',
      createdAt: '2026-11-20T08:00:00.000Z',
    });
    expect(await repository.get(result.value.id)).toEqual(result.value);
  });

  it('writes nothing when validation fails', async () => {
    const result = await repository.create(enterprise({ code: '91350100M000100Y44' }));
    expect(result).toEqual({
      ok: false,
      issues: [{ field: 'code', code: 'uscc.checkChar', params: { expected: '3' } }],
    });
    expect(await db.subjects.count().exec()).toBe(0);
  });

  it('refuses a duplicate code and names the existing subject', async () => {
    const first = await repository.create(enterprise());
    if (!first.ok) throw new Error('setup');
    const second = await repository.create(enterprise({ name: '另一家公司', code: '91350100m000100y43' }));
    expect(second).toEqual({
      ok: false,
      issues: [{ field: 'code', code: 'duplicate', params: { id: first.value.id, name: first.value.name } }],
    });
    expect(await db.subjects.count().exec()).toBe(1);
  });

  it('refuses writes the role does not allow and writes nothing', async () => {
    session = testSession(['auditor'], 'user-auditor');
    expect(await repository.create(enterprise())).toEqual({
      ok: false,
      issues: [{ field: 'action', code: 'permission.denied', params: { action: 'subject.create' } }],
    });
    const bulk = await repository.createMany([enterprise()]);
    expect(bulk).toEqual({
      created: [],
      rejected: [
        {
          index: 0,
          issues: [{ field: 'action', code: 'permission.denied', params: { action: 'subject.create' } }],
        },
      ],
    });
    expect(await db.subjects.count().exec()).toBe(0);

    session = testSession(['clerk'], 'user-clerk');
    const created = await repository.create(enterprise());
    if (!created.ok) throw new Error('setup');
    for (const roles of [['reviewer'], ['inspector'], ['countyAdmin']] as const) {
      session = testSession(roles);
      const refused = await repository.update(created.value.id, enterprise({ name: '改名企业' }));
      expect(refused).toEqual({
        ok: false,
        issues: [{ field: 'action', code: 'permission.denied', params: { action: 'subject.update' } }],
      });
    }
    expect((await repository.get(created.value.id))?.name).toBe(created.value.name);
    expect(await repository.history(created.value.id)).toEqual([]);
    const trail = await test.audit.search();
    expect(trail.map((entry) => [entry.action, entry.userId])).toEqual([['create', 'user-clerk']]);
  });

  it('audits creations and changes with personal values masked, never in clear', async () => {
    const practitioner: SubjectInput = {
      ...emptySubjectInput('practitioner'),
      name: '李秀英',
      code: '11010519491231002X',
      phone: '13812345678',
    };
    const created = await repository.create(practitioner);
    if (!created.ok) throw new Error(`setup: ${JSON.stringify(created.issues)}`);
    now = new Date('2026-11-21T09:00:00Z');
    await repository.update(created.value.id, { ...practitioner, phone: '13987654321', status: 'suspended' });
    const [update, create] = await test.audit.search({ documentId: created.value.id });
    expect(create).toMatchObject({
      action: 'create',
      userId: 'user-1',
      collectionName: 'subjects',
      before: null,
      after: { name: '李秀英', code: '110105********002X', phone: '138****5678' },
    });
    expect(update).toMatchObject({
      action: 'update',
      at: '2026-11-21T09:00:00.000Z',
      before: { phone: '138****5678', status: 'active' },
      after: { phone: '139****4321', status: 'suspended' },
    });
    expect(Object.keys(update!.after ?? {}).sort()).toEqual(['phone', 'status']);
    const stored = JSON.stringify(await test.audit.search());
    for (const clear of ['11010519491231002X', '13812345678', '13987654321'])
      expect(stored).not.toContain(clear);
  });

  it('keeps the previous version in the history on every change', async () => {
    const created = await repository.create(enterprise());
    if (!created.ok) throw new Error('setup');
    now = new Date('2026-11-21T09:00:00Z');
    session = { ...session, userId: 'user-2' };
    const updated = await repository.update(created.value.id, enterprise({ status: 'suspended' }));
    expect(updated).toMatchObject({
      ok: true,
      value: { status: 'suspended', updatedBy: 'user-2', createdBy: 'user-1' },
    });
    await repository.update(created.value.id, enterprise({ status: 'suspended' }));
    const history = await repository.history(created.value.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      replacedBy: 'user-2',
      snapshot: { status: 'active', updatedBy: 'user-1' },
    });
  });

  it('allows an update that keeps its own code', async () => {
    const created = await repository.create(enterprise());
    if (!created.ok) throw new Error('setup');
    const result = await repository.update(
      created.value.id,
      enterprise({ name: '武陟县宏达建设集团有限公司' }),
    );
    expect(result.ok).toBe(true);
  });

  it('finds subjects by Chinese name fragment and by code prefix, with filters and paging', async () => {
    const subjects = generateDemoSubjects({ seed: 3, count: 120, division: '410823' });
    for (const subject of subjects) {
      const result = await repository.create(subject);
      expect(result.ok).toBe(true);
      now = new Date(now.getTime() + 1000);
    }
    const fragment = '建筑';
    const byName = await repository.list({ text: fragment, limit: 500 });
    const expectedNames = subjects
      .filter((s) => s.name.includes(fragment))
      .map((s) => s.code)
      .sort();
    expect(byName.items.map((s) => s.code).sort()).toEqual(expectedNames);
    expect(byName.total).toBe(expectedNames.length);

    const prefix = subjects[0]!.code.slice(0, 10);
    const byCode = await repository.list({ text: prefix.toLowerCase() });
    expect(byCode.items.map((s) => s.code)).toContain(subjects[0]!.code);
    expect(
      byCode.items.every((s) => s.code.startsWith(prefix) || s.name.toUpperCase().includes(prefix)),
    ).toBe(true);

    const practitioners = await repository.list({
      kind: 'practitioner',
      status: 'active',
      offset: 5,
      limit: 10,
    });
    const expected = subjects.filter((s) => s.kind === 'practitioner' && s.status === 'active');
    expect(practitioners.total).toBe(expected.length);
    expect(practitioners.items).toHaveLength(Math.min(10, expected.length - 5));
    expect(practitioners.items.every((s) => s.kind === 'practitioner' && s.status === 'active')).toBe(true);

    const newestFirst = await repository.list({ limit: 3 });
    expect(newestFirst.items.map((s) => s.code)).toEqual(
      subjects
        .slice(-3)
        .reverse()
        .map((s) => s.code),
    );
    const byNameOrder = await repository.list({ sort: 'name', limit: 1000 });
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    const names = byNameOrder.items.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b)));
  });

  it('creates many subjects at once, refusing invalid inputs and duplicates within and across batches', async () => {
    const existing = await repository.create(enterprise());
    if (!existing.ok) throw new Error('setup');
    const generated = generateDemoSubjects({ seed: 11, count: 1500, division: '410823' });
    const inputs = [
      ...generated,
      enterprise({ name: '重复企业' }),
      generated[3]!,
      enterprise({ code: '123' }),
    ];
    const result = await repository.createMany(inputs);
    expect(result.created).toHaveLength(1500);
    expect(result.rejected).toEqual([
      {
        index: 1500,
        issues: [
          { field: 'code', code: 'duplicate', params: { id: existing.value.id, name: existing.value.name } },
        ],
      },
      {
        index: 1501,
        issues: [
          {
            field: 'code',
            code: 'duplicate',
            params: { id: result.created[3]!.id, name: generated[3]!.name },
          },
        ],
      },
      { index: 1502, issues: [{ field: 'code', code: 'uscc.length', params: { length: 3 } }] },
    ]);
    expect(await db.subjects.count().exec()).toBe(1501);
    expect((await repository.list({ text: generated[1000]!.code })).items.map((s) => s.name)).toEqual([
      generated[1000]!.name,
    ]);

    // The trail accounts for every created subject once, by its creator, in entries that verify.
    const bulk = (await test.audit.search({ userId: 'user-1', action: 'create' })).filter(bulkCreationOf);
    const listed = bulk.reverse().flatMap((entry) => bulkCreationOf(entry)!.documents);
    expect(listed).toEqual(result.created.map((doc) => doc.id));
    const first = bulkCreationOf(bulk[0]!)!;
    const recorded = result.created
      .slice(0, first.documents.length)
      .map((d) => maskPersonalData('subjects', d));
    expect(first.digest).toBe(await canonicalHash(recorded));
    expect((await test.audit.verify())[0]?.verdict.ok).toBe(true);
    const trail = await test.audit.search({ documentId: result.created[1000]!.id });
    expect(trail.map((entry) => [entry.action, entry.userId])).toEqual([['create', 'user-1']]);
    const stored = JSON.stringify(await test.audit.search());
    const practitioner = result.created.find((doc) => doc.kind === 'practitioner' && doc.phone !== '')!;
    for (const clear of [practitioner.code, practitioner.phone]) expect(stored).not.toContain(clear);
  });

  it('audits and indexes the subjects a failed bulk write did save, then reports the failure', async () => {
    const [taken, saved, alsoSaved] = generateDemoSubjects({ seed: 5, count: 3, division: '410823' });
    const fixedRandom = { getRandomValues: <T extends Uint8Array>(bytes: T) => bytes.fill(7) };
    const collidingId = uuidv7(now.getTime(), fixedRandom);
    const other = enterprise();
    await db.subjects.insert({
      ...other,
      id: collidingId,
      county: '410823',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      createdBy: 'user-0',
      updatedBy: 'user-0',
    });
    // The first subject of the batch gets the id already taken, so the database refuses that one.
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementationOnce((bytes) =>
      bytes instanceof Uint8Array ? fixedRandom.getRandomValues(bytes) : bytes,
    );
    await expect(repository.createMany([taken!, saved!, alsoSaved!])).rejects.toThrow(
      'Saving subjects failed: 409',
    );
    vi.restoreAllMocks();

    expect((await repository.get(collidingId))?.name).toBe(other.name);
    const written = await db.subjects.find({ selector: { id: { $ne: collidingId } } }).exec();
    expect(written.map((doc) => doc.name).sort()).toEqual([saved!.name, alsoSaved!.name].sort());
    const [entry] = await test.audit.search({ action: 'create' });
    expect(bulkCreationOf(entry!)?.documents.sort()).toEqual(written.map((doc) => doc.id).sort());
    expect((await repository.list({ text: saved!.code })).items.map((s) => s.name)).toEqual([saved!.name]);
    expect((await repository.list({ text: taken!.code })).total).toBe(0);
  });

  it('keeps the search index current after an edit and after a restart', async () => {
    const created = await repository.create(enterprise());
    if (!created.ok) throw new Error('setup');
    await repository.list({ sort: 'name' });
    await repository.update(created.value.id, enterprise({ name: '博爱县广厦置业有限公司' }));
    expect((await repository.list({ text: '宏达' })).total).toBe(0);
    expect((await repository.list({ text: '广厦' })).total).toBe(1);
    expect((await repository.list({ sort: 'name' })).items.map((s) => s.name)).toEqual([
      '博爱县广厦置业有限公司',
    ]);

    await test.close();
    await openProfile(`test-subjects-${profile}`);
    await repository.indexed;
    expect((await repository.list({ text: '广厦' })).items.map((s) => s.id)).toEqual([created.value.id]);
    expect(await repository.history(created.value.id)).toHaveLength(1);
  });
});

describe('the subject list while the search index loads', () => {
  const practitioner = (): SubjectInput => ({
    ...emptySubjectInput('practitioner'),
    name: '李秀英',
    code: '11010519491231002X',
    phone: '13812345678',
  });

  async function threeSubjects(): Promise<string[]> {
    const ids: string[] = [];
    for (const input of [
      enterprise(),
      enterprise({ name: '博爱县广厦置业有限公司', code: '91410822MA45B0XQ3C' }),
      practitioner(),
    ]) {
      now = new Date(now.getTime() + 60_000);
      const created = await repository.create(input);
      if (!created.ok) throw new Error(JSON.stringify(created.issues));
      ids.push(created.value.id);
    }
    return ids;
  }

  it('pages through the database, matching name and enterprise-code beginnings, until the index is ready', async () => {
    const [hongda, guangsha, person] = await threeSubjects();
    await test.close();
    await openProfile(`test-subjects-${profile}`);

    const listing = Promise.all([
      repository.list({}),
      repository.list({ text: '博爱' }),
      repository.list({ text: '913501' }),
      repository.list({ kind: 'practitioner' }),
      repository.list({ text: '广厦' }),
      repository.list({ sort: 'name', descending: true, limit: 1 }),
    ]);
    const [all, byName, byCode, people, fragment, lastByName] = await listing;
    expect(all.items.map((s) => s.id)).toEqual([person, guangsha, hongda]);
    expect(all.total).toBe(3);
    expect(byName.items.map((s) => s.id)).toEqual([guangsha]);
    expect(byCode.items.map((s) => s.id)).toEqual([hongda]);
    expect(people.items).toMatchObject([{ id: person, code: '11010519491231002X' }]);
    expect(fragment.total).toBe(0);
    expect(lastByName.total).toBe(3);

    await repository.indexed;
    expect((await repository.list({ text: '广厦' })).items.map((s) => s.id)).toEqual([guangsha]);
    expect((await repository.list({ text: '110105' })).items.map((s) => s.id)).toEqual([person]);
  });

  it('answers a beginning most subjects share without counting its whole range: "more than" the cap', async () => {
    const inputs = generateDemoSubjects({ seed: 5, count: 60, division: '410823', practitionerShare: 0 });
    expect((await repository.createMany(inputs)).created).toHaveLength(60);
    await test.close();
    await openProfile(`test-subjects-${profile}`, { countUpTo: 20 });
    await repository.counts.load();
    // Cursor steps and index counts of IndexedDB, while only the database answers.
    const steps = vi.spyOn(IDBCursor.prototype, 'continue');
    const counts = vi.spyOn(IDBIndex.prototype, 'count');
    const [byCode, active, pastCap] = await Promise.all([
      repository.list({ text: '91410823', limit: 5 }),
      repository.list({ text: '91410823', status: 'active', limit: 5 }),
      repository.list({ text: '91410823', offset: 20, limit: 10 }),
    ]);
    // Steps through the code index (the search index, loading meanwhile, reads others).
    const codeSteps = steps.mock.contexts.filter((cursor) =>
      String((cursor as IDBCursor).source.name).includes('+code+'),
    ).length;
    const countsBeforeIndex = counts.mock.calls.length;
    steps.mockRestore();
    counts.mockRestore();
    expect([byCode.total, byCode.more, byCode.items.length]).toEqual([20, true, 5]);
    expect([active.total, active.more, active.items.length]).toEqual([20, true, 5]);
    // A page past the cap is counted to its end.
    expect([pastCap.total, pastCap.more, pastCap.items.length]).toEqual([30, true, 10]);
    // The filtered search stepped through the entries up to its 21st active match (a few inactive ones
    // among them), not all 60.
    expect(codeSteps).toBeGreaterThan(20);
    expect(codeSteps).toBeLessThan(30);
    expect(countsBeforeIndex).toBe(0);

    await repository.indexed;
    const exact = await repository.list({ text: '91410823', limit: 5 });
    expect([exact.total, exact.more]).toEqual([60, undefined]);
  });

  it("takes a first page's total from the counts kept per kind and status, not from counting the database", async () => {
    await threeSubjects();
    const kept = async () =>
      (await local.caches.get('subjectTally'))?.value as { counts: unknown[][] } | undefined;
    await vi.waitFor(
      async () =>
        expect((await kept())?.counts).toEqual([
          ['enterprise', 'active', 2],
          ['practitioner', 'active', 1],
        ]),
      {
        timeout: 5000,
        interval: 100,
      },
    );
    // A doctored copy (nothing changed since it was stored) shows where the totals come from.
    const stored = (await local.caches.get('subjectTally'))!;
    await local.caches.put({
      ...stored,
      value: {
        ...(await kept())!,
        counts: [
          ['enterprise', 'active', 20],
          ['practitioner', 'active', 7],
        ],
      },
    });
    await test.close();
    await openProfile(`test-subjects-${profile}`);
    const [all, people] = await Promise.all([repository.list({}), repository.list({ kind: 'practitioner' })]);
    expect([all.total, all.items.length, people.total, people.items.length]).toEqual([27, 3, 7, 1]);
  });

  it('reopens from its stored copy and takes in what changed after it was stored', async () => {
    const [hongda] = await threeSubjects();
    await vi.waitFor(
      async () =>
        expect((await readStoredIndex(local, test.context.personalData))?.snapshot.summaries).toHaveLength(3),
      { timeout: 5000, interval: 100 },
    );
    now = new Date(now.getTime() + 60_000);
    const renamed = await repository.update(hongda!, enterprise({ name: '武陟县新宏达建设集团有限公司' }));
    if (!renamed.ok) throw new Error('setup');
    // Closed before the next copy is stored: the reopened index must read the rename from the database.
    await test.close();
    await openProfile(`test-subjects-${profile}`);
    await repository.indexed;

    expect((await repository.list({ text: '新宏达' })).items.map((s) => s.id)).toEqual([hongda]);
    expect((await repository.list({ sort: 'name' })).items.map((s) => s.name)).toEqual([
      '博爱县广厦置业有限公司',
      '李秀英',
      '武陟县新宏达建设集团有限公司',
    ]);
    expect((await repository.findByCode('11010519491231002X'))?.name).toBe('李秀英');
  });

  it('catches up a stored copy by reading only the subjects written after its checkpoint', async () => {
    const inputs = generateDemoSubjects({ seed: 6, count: 40, division: '410823', practitionerShare: 0 });
    const { created } = await repository.createMany(inputs);
    await vi.waitFor(
      async () =>
        expect((await readStoredIndex(local, test.context.personalData))?.snapshot.summaries).toHaveLength(
          40,
        ),
      { timeout: 5000, interval: 100 },
    );
    // The stored copy's checkpoint set to the newest write exactly (it is normally a few seconds behind).
    const written = await db.subjects.storageInstance.findDocumentsById(
      created.map((s) => s.id),
      false,
    );
    const newest = written
      .map((doc) => ({ id: doc.id, lwt: doc._meta.lwt }))
      .reduce((a, b) => (b.lwt > a.lwt || (b.lwt === a.lwt && b.id > a.id) ? b : a));
    const stored = (await local.caches.get('subjectIndex'))!;
    await local.caches.put({ ...stored, value: { ...(stored.value as object), checkpoint: newest } });
    await test.close();
    // Three later writes, closed before another copy is stored.
    await openProfile(`test-subjects-${profile}`, { storeDelayMs: 60_000 });
    await repository.indexed;
    const [renamed, removed] = [created[3]!, created[7]!];
    now = new Date(now.getTime() + 60_000);
    const update = await repository.update(renamed.id, {
      ...inputs[3]!,
      name: '武陟县新宏达建设集团有限公司',
    });
    if (!update.ok) throw new Error('setup');
    await db.subjects.findOne(removed.id).remove();
    const added = await repository.create(enterprise());
    if (!added.ok) throw new Error('setup');
    await test.close();

    await openProfile(`test-subjects-${profile}`);
    const steps = vi.spyOn(IDBCursor.prototype, 'continue');
    const read = vi.spyOn(db.subjects.storageInstance, 'findDocumentsById');
    const queried = vi.spyOn(db.subjects.storageInstance, 'query');
    await repository.indexed;
    // Steps through the change-order index: the three changes, not the 41 entries (RxDB's changes-since
    // query stepped through all of them).
    const changeSteps = steps.mock.contexts.filter((cursor) =>
      String((cursor as IDBCursor).source.name).startsWith('[_meta.lwt+'),
    ).length;
    steps.mockRestore();
    expect(changeSteps).toBeLessThan(10);
    const idsRead = read.mock.calls.flatMap(([ids]) => ids);
    expect(new Set(idsRead)).toEqual(new Set([renamed.id, removed.id, added.value.id]));
    expect(queried).not.toHaveBeenCalled();
    expect(repository.index.size).toBe(40);
    expect((await repository.list({ text: '新宏达' })).items.map((s) => s.id)).toEqual([renamed.id]);
    expect(await repository.findByCode(removed.code)).toBeNull();
    expect((await repository.findByCode(added.value.code))?.id).toBe(added.value.id);
  });

  it('is built again from the database when the stored copy no longer matches it', async () => {
    const [, , person] = await threeSubjects();
    await vi.waitFor(
      async () =>
        expect((await readStoredIndex(local, test.context.personalData))?.snapshot.summaries).toHaveLength(3),
      { timeout: 5000, interval: 100 },
    );
    const stored = await local.caches.get('subjectIndex');
    await test.close();
    await openProfile(`test-subjects-${profile}`);
    await repository.indexed;
    await db.subjects.findOne(person!).remove();
    await test.close();
    // The copy from before the removal comes back, its checkpoint past it: the removal is not among the
    // changes it would read, as when a profile is replaced by a restored one.
    await openProfile(`test-subjects-${profile}`);
    await vi.waitFor(
      async () =>
        expect((await readStoredIndex(local, test.context.personalData))?.snapshot.summaries).toHaveLength(2),
      { timeout: 5000, interval: 100 },
    );
    const value = stored!.value as { checkpoint: { lwt: number } };
    await local.caches.put({
      ...stored!,
      value: { ...value, checkpoint: { id: '', lwt: Date.now() + 86_400_000 } },
    });
    await test.close();
    await openProfile(`test-subjects-${profile}`);
    await repository.indexed;
    expect(repository.index.size).toBe(2);
    expect(await repository.findByCode('11010519491231002X')).toBeNull();
  });
});
