/**
 * The credit-record totals kept by category and status (renderer/kernel/db/collectionTally.ts) against
 * a count of the database itself, after every kind of write: the writer's create, update, workflow step,
 * removal and restore, documents arriving by sync, and a reopening with and without changes made while
 * the counts were not watching.
 */
import type { MangoQuerySelector } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { creditRecordStatuses } from '../../shared/creditRecords/model.ts';
import { openDatabase } from '../../renderer/kernel/db/database.ts';
import { Writer } from '../../renderer/kernel/db/writer.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import {
  creditFileCollections,
  enrolledForCreditRecords,
  enterpriseInput,
  openProfile,
  platformClerk,
  type Profile,
  recordFields,
  registerSubject,
  users,
} from './creditHarness.ts';
import { eventually, platformForTests } from './harness.ts';

let opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.reverse()) await item.close();
  opened = [];
});

async function profileNamed(name?: string, session: SignedInSession = users.clerk): Promise<Profile> {
  const profile = await openProfile(undefined, name, creditFileCollections);
  opened.push(profile);
  profile.signIn(session);
  await profile.records.tally.load();
  return profile;
}

/** Every total the lists show, from the kept counts and from the database, side by side. */
async function totals(profile: Profile): Promise<{ kept: unknown[]; counted: unknown[] }> {
  const categories = ['', ...new Set(profile.reference.catalog().map((item) => item.category))];
  const kept: unknown[] = [];
  const counted: unknown[] = [];
  for (const category of categories) {
    for (const status of ['', ...creditRecordStatuses]) {
      const selector = {
        ...(category ? { category } : {}),
        ...(status ? { status } : {}),
      } as MangoQuerySelector<CreditRecordDocument>;
      kept.push([category, status, profile.records.tally.count(category || undefined, status || undefined)]);
      counted.push([category, status, await profile.db.creditRecords.count({ selector }).exec()]);
    }
  }
  return { kept, counted };
}

async function expectExact(profile: Profile, total: number): Promise<void> {
  const { kept, counted } = await totals(profile);
  expect(kept).toEqual(counted);
  expect(profile.records.tally.count()).toBe(total);
  expect((await profile.records.list({ limit: 1 })).total).toBe(total);
}

async function created(profile: Profile, subjectId: string, catalogCode = 'JZ-YB-01') {
  const saved = await profile.records.create(recordFields(subjectId, { catalogCode }));
  if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
  return saved.value;
}

describe('credit-record totals kept by category and status', () => {
  it('stay exact across create, update, a workflow step, removal and restore', async () => {
    const profile = await profileNamed();
    expect(profile.records.tally.ready).toBe(true);
    await expectExact(profile, 0);
    const subject = await registerSubject(profile, enterpriseInput());
    const codes = [...new Set(profile.reference.catalog().map((item) => item.code))].slice(0, 3);
    const records: CreditRecordDocument[] = [];
    for (const code of codes) records.push(await created(profile, subject.id, code));
    await expectExact(profile, 3);

    // A draft moved to another catalog item changes category.
    const moved = await profile.records.updateDraft(
      records[0]!.id,
      recordFields(subject.id, { catalogCode: codes[2] }),
    );
    expect(moved.ok).toBe(true);
    expect((await profile.records.act(records[1]!.id, 'submit')).ok).toBe(true);
    await expectExact(profile, 3);

    const writer = new Writer(profile.db, profile.local, profile.context);
    const removed = await writer.write({
      permission: 'record.create',
      steps: [
        { kind: 'remove', collection: 'creditRecords', before: (await profile.records.get(records[2]!.id))! },
      ],
    });
    expect(removed.ok).toBe(true);
    await expectExact(profile, 2);

    // A restore brings back the removed record and one this computer never had.
    const restored = await writer.write({
      permission: 'record.create',
      steps: [
        {
          kind: 'restore',
          collection: 'creditRecords',
          docs: [records[2]!, { ...records[2]!, id: '00000000-0000-7000-8000-00000000abcd' }],
        },
      ],
    });
    expect(restored.ok).toBe(true);
    await expectExact(profile, 4);
  });

  it('are kept for the next session, and counted again when the database changed unseen', async () => {
    const name = `test-credit-counts-${Date.now()}`;
    const first = await profileNamed(name);
    const subject = await registerSubject(first, enterpriseInput());
    const a = await created(first, subject.id);
    await created(first, subject.id);
    await first.records.act(a.id, 'submit');
    await first.records.tally.flush();
    await first.close();
    opened = opened.filter((item) => item !== first);

    const second = await profileNamed(name);
    await expectExact(second, 2);
    await second.records.tally.flush();
    await second.close();
    opened = opened.filter((item) => item !== second);

    // Written while no counts watched (another program on the profile): the checkpoint no longer matches.
    const db = await openDatabase({
      name,
      multiInstance: false,
      personalData: second.context.personalData,
      only: ['creditRecords'],
    });
    await db.creditRecords.bulkInsert([
      { ...a, id: '00000000-0000-7000-8000-00000000beef', status: 'approved' },
    ]);
    await db.close();

    const third = await profileNamed(name);
    await expectExact(third, 3);
  });
});

describe('credit-record totals and sync', () => {
  const platform = platformForTests();

  it('follow records pulled from the platform, new and changed', async () => {
    const first = await profileNamed(undefined, platformClerk);
    const subject = await registerSubject(first, enterpriseInput());
    const a = await created(first, subject.id);
    await created(first, subject.id);
    const firstSync = await enrolledForCreditRecords(first, platform.current, opened);
    await firstSync.awaitInSync();

    const second = await profileNamed(undefined, platformClerk);
    await enrolledForCreditRecords(second, platform.current, opened);
    await eventually(async () => (await second.db.creditRecords.count().exec()) === 2);
    await expectExact(second, 2);

    expect((await first.records.act(a.id, 'submit')).ok).toBe(true);
    await firstSync.awaitInSync();
    await eventually(async () => (await second.records.get(a.id))?.status === 'submitted');
    await expectExact(second, 2);
    expect(second.records.tally.count(undefined, 'submitted')).toBe(1);
  });
});
