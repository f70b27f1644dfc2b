import { firstValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoSubjects } from '../../../shared/demo/subjects.ts';
import type { SubjectDocument } from '../../../shared/subjects/model.ts';
import { SubjectRepository } from '../../subjects/repository.ts';
import { sessionOf } from '../security/session.ts';
import { openTestProfile, type TestProfile } from '../security/testSupport.ts';
import { RecordStateTracker } from './recordStates.ts';
import { SyncStore } from './syncStore.ts';

let test: TestProfile;
let store: SyncStore;
let tracker: RecordStateTracker;
let subjects: SubjectRepository;
let profile = 0;

beforeEach(async () => {
  profile++;
  test = await openTestProfile(`test-record-states-${profile}`);
  const first = await test.users.createFirstAdministrator('410823', {
    username: 'admin',
    displayName: '周管理',
    password: 'Record-States-2026',
  });
  if (!first.ok) throw new Error('setup');
  test.actAs(sessionOf(first.value));
  const clerk = await test.users.create({
    username: 'clerk',
    displayName: '张敏',
    roles: ['clerk'],
    password: 'Record-States-2026',
  });
  if (!clerk.ok) throw new Error('setup');
  test.actAs(sessionOf(clerk.value));
  subjects = await SubjectRepository.open(test.db.subjects, test.local, test.context);
  store = new SyncStore(test.name);
  tracker = new RecordStateTracker(store);
});

afterEach(async () => {
  tracker.close();
  await store.close();
  await test.close();
});

/** Five subjects: three the platform holds as they are, one it holds otherwise, one it never had. */
async function fiveSubjects(): Promise<SubjectDocument[]> {
  const made = await subjects.createMany(generateDemoSubjects({ seed: 5, count: 5, division: '410823' }));
  const docs = made.created;
  if (docs.length !== 5) throw new Error('setup');
  const held = docs.slice(0, 3).map((doc) => ({ ...doc, _deleted: false }));
  await store.putShadows('subjects', [...held, { ...docs[3]!, name: '平台上的旧名称', _deleted: false }]);
  return docs;
}

const states = async (ids: string[]) => [...(await firstValueFrom(tracker.watch('subjects', ids))).values()];

describe('record sync states', () => {
  it('answers for the records a list shows before the whole collection is counted', async () => {
    const docs = await fiveSubjects();
    void tracker.track('subjects', test.db.subjects);
    expect(await states(docs.map((doc) => doc.id))).toEqual([
      'synced',
      'synced',
      'synced',
      'pending',
      'local',
    ]);
  });

  it('counts what waits for upload once every record is read, and says until then that it is counting', async () => {
    const docs = await fiveSubjects();
    const tracking = tracker.track('subjects', test.db.subjects);
    // Changed while its state is being read: the change is newer than what the reading finds.
    const { id, county, createdAt, createdBy, updatedAt, updatedBy, ...input } = docs[0]!;
    const edited = await subjects.update(id, { ...input, name: `${input.name}（变更）` });
    if (!edited.ok) throw new Error('setup');
    await tracking;
    await tracker.loaded('subjects');
    expect(tracker.isCounted('subjects')).toBe(true);
    expect(tracker.pendingCount('subjects')).toBe(3);
    expect(tracker.stateOf('subjects', docs[0]!.id)).toBe('pending');
    expect(tracker.stateOf('subjects', docs[1]!.id)).toBe('synced');

    // Accepted by the platform: no longer waiting.
    await store.putShadows('subjects', [{ ...edited.value, _deleted: false }]);
    expect(tracker.pendingCount('subjects')).toBe(2);
    expect(tracker.stateOf('subjects', docs[0]!.id)).toBe('synced');
  });

  it('leaves refused records out of what waits for upload', async () => {
    const docs = await fiveSubjects();
    await tracker.track('subjects', test.db.subjects);
    await tracker.loaded('subjects');
    await store.putRefusals([
      {
        collection: 'subjects',
        docId: docs[4]!.id,
        localState: { ...docs[4]!, _deleted: false },
        baseState: null,
        issues: [],
        refusedAt: '2026-11-21T08:00:00.000Z',
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(tracker.stateOf('subjects', docs[4]!.id)).toBe('refused');
    expect(tracker.pendingCount('subjects')).toBe(1);
  });
});
