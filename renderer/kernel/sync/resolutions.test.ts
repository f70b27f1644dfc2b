import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoSubjects } from '../../../shared/demo/subjects.ts';
import type { SubjectDocument } from '../../../shared/subjects/model.ts';
import type { Role } from '../../../shared/base/security/permissions.ts';
import { Writer } from '../db/writer.ts';
import { SubjectRepository } from '../../subjects/repository.ts';
import { type SignedInSession, sessionOf } from '../security/session.ts';
import { openTestProfile, type TestProfile } from '../security/testSupport.ts';
import { syncRegistration } from './registration.ts';
import { SyncResolutions } from './resolutions.ts';
import { SyncStore } from './syncStore.ts';

let test: TestProfile;
let store: SyncStore;
let resolutions: SyncResolutions;
let subjects: SubjectRepository;
let clerk: SignedInSession;
let admin: SignedInSession;
const password = 'Resolutions-Test-2026';
let profile = 0;

const [input, other] = generateDemoSubjects({ seed: 11, count: 2, division: '410823' });

beforeEach(async () => {
  profile++;
  test = await openTestProfile(`test-resolutions-${profile}`);
  const first = await test.users.createFirstAdministrator('410823', {
    username: 'admin',
    displayName: '周管理',
    password,
  });
  if (!first.ok) throw new Error('setup');
  admin = sessionOf(first.value);
  test.actAs(admin);
  clerk = await userOf('clerk', '张敏', 'clerk');
  test.actAs(clerk);
  subjects = await SubjectRepository.open(test.db.subjects, test.local, test.context);
  store = new SyncStore(test.name);
  resolutions = new SyncResolutions({
    store,
    registrations: new Map([['subjects', syncRegistration('subjects', test.db.subjects)]]),
    session: () => clerk,
    clock: test.context.clock,
    writer: new Writer(test.db, test.local, test.context),
  });
});

afterEach(async () => {
  await store.close();
  await test.close();
});

/** A new user of the county, made by the signed-in administrator, as she would sign in. */
async function userOf(username: string, displayName: string, role: Role): Promise<SignedInSession> {
  const made = await test.users.create({ username, displayName, roles: [role], password });
  if (!made.ok) throw new Error('setup');
  return sessionOf(made.value);
}

async function created(): Promise<SubjectDocument> {
  const result = await subjects.create(input!);
  if (!result.ok) throw new Error('setup');
  return result.value;
}

async function conflictOn(doc: SubjectDocument, fields: Record<string, unknown>): Promise<number> {
  const local = { ...doc, ...fields, _deleted: false };
  return store.addConflict({
    collection: 'subjects',
    docId: doc.id,
    localState: local,
    platformState: { ...doc, _deleted: false },
    baseState: null,
    fields: Object.keys(fields),
    reason: 'bothChanged',
    issues: [],
    detectedAt: test.now.value.toISOString(),
  });
}

describe('conflict resolutions through the writer', () => {
  it('writes the kept local values stamped, keeps the replaced version and audits the change', async () => {
    const doc = await created();
    const id = await conflictOn(doc, { name: '武陟县宏达建筑有限公司（本地）' });
    test.now.value = new Date('2026-11-21T08:00:00Z');
    expect(await resolutions.resolveConflict(id, { keep: 'local' })).toEqual({ ok: true });
    expect(await subjects.get(doc.id)).toMatchObject({
      name: '武陟县宏达建筑有限公司（本地）',
      updatedAt: '2026-11-21T08:00:00.000Z',
      updatedBy: clerk.userId,
    });
    expect((await subjects.history(doc.id)).map((entry) => entry.snapshot.name)).toEqual([doc.name]);
    const [entry] = await test.audit.search({ documentId: doc.id });
    expect([entry?.action, entry?.after]).toEqual(['update', { name: '武陟县宏达建筑有限公司（本地）' }]);
    expect((await store.getConflict(id))?.status).toBe('resolved');
  });

  it('refuses merged values the platform would refuse, writing nothing and leaving the conflict open', async () => {
    const doc = await created();
    const id = await conflictOn(doc, { name: '改名' });
    const refused = await resolutions.resolveConflict(id, {
      keep: 'merged',
      values: { code: other!.code, name: '' },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.map((found) => found.field)).toContain('name');
    expect(await subjects.get(doc.id)).toEqual(doc);
    expect((await store.getConflict(id))?.status).toBe('open');
  });

  it('refuses a resolution by a user whose role may not change the document', async () => {
    const doc = await created();
    const id = await conflictOn(doc, { name: '改名' });
    test.actAs(admin);
    test.actAs(await userOf('auditor', '钱审计', 'auditor'));
    const refused = await resolutions.resolveConflict(id, { keep: 'local' });
    expect(refused).toMatchObject({ ok: false, issues: [{ code: 'permission.denied' }] });
    expect(await subjects.get(doc.id)).toEqual(doc);
  });

  it('brings back a document deleted here when the local values are kept', async () => {
    const doc = await created();
    const id = await conflictOn(doc, { name: '武陟县宏达建筑有限公司（恢复）' });
    await (await test.db.subjects.findOne(doc.id).exec())!.remove();
    expect(await resolutions.resolveConflict(id, { keep: 'local' })).toEqual({ ok: true });
    expect(await subjects.get(doc.id)).toMatchObject({ id: doc.id, name: '武陟县宏达建筑有限公司（恢复）' });
    expect(await test.local.historyOf('subjects', doc.id)).toHaveLength(1);
  });

  it('removes a discarded creation the platform never accepted, kept in the history and audited', async () => {
    const doc = await created();
    await store.putRefusals([
      {
        collection: 'subjects',
        docId: doc.id,
        localState: { ...doc, _deleted: false },
        baseState: null,
        issues: [],
        refusedAt: test.now.value.toISOString(),
      },
    ]);
    await resolutions.discardRefusal('subjects', doc.id);
    expect(await subjects.get(doc.id)).toBeNull();
    expect((await test.local.historyOf('subjects', doc.id)).map((entry) => entry.snapshot.id)).toEqual([
      doc.id,
    ]);
    const [entry] = await test.audit.search({ documentId: doc.id });
    expect([entry?.action, entry?.userId, entry?.after]).toEqual(['update', clerk.userId, { removed: true }]);
  });
});
