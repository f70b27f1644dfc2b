/**
 * The commitments list pages through the collection's indexes: the same letters, in the same order, as
 * reading every letter, filtering and sorting in memory (`list`), for every filter and order the list
 * page offers; counting stops at a cap and says "more". A profile written before the list's indexes
 * (schema version 0) opens with every letter intact.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CommitmentLists } from '../../renderer/commitments/listQueries.ts';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import { commitmentJsonSchema } from '../../shared/commitments/model.ts';
import type { CommitmentPageQuery, CommitmentRepository } from '../../renderer/commitments/repository.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { acceptedCommitment, openCommitments } from './commitmentHarness.ts';
import {
  enterpriseInput,
  missingMaterialsLetter,
  openProfile,
  type Profile,
  practitionerInput,
  registerSubject,
} from './creditHarness.ts';

let profile: Profile;
afterEach(async () => {
  await profile.close();
});

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The read-everything answer: most recently updated first, the later id first among equals; by name,
 * the earlier id first among equals; the follow-up filters earliest deadline first.
 */
async function expected(commitments: CommitmentRepository, query: CommitmentPageQuery) {
  const { offset = 0, limit, decided, order, ...filters } = query;
  const all = (await commitments.list(filters))
    .filter((c) => !decided || (c.outcome.result !== '' && c.status !== 'breachProposed'))
    .sort((a, b) =>
      filters.followUp
        ? byCodeUnits(a.materialsDeadline, b.materialsDeadline) || byCodeUnits(a.id, b.id)
        : order === 'name'
          ? byCodeUnits(a.subjectName, b.subjectName) || byCodeUnits(a.id, b.id)
          : byCodeUnits(b.updatedAt, a.updatedAt) || byCodeUnits(b.id, a.id),
    );
  return { total: all.length, numbers: all.slice(offset, offset + limit).map((c) => c.number) };
}

const numbersOf = (page: { total: number; more: boolean; items: CommitmentDocument[] }) => ({
  total: page.total,
  numbers: page.items.map((c) => c.number),
});

describe('the commitments list', () => {
  it('pages newest change first, and filters as reading every letter would', async () => {
    profile = await openProfile('2026-03-06T02:00:00.000Z');
    const enterprise = await registerSubject(profile, enterpriseInput());
    const person = await registerSubject(profile, practitionerInput());
    const { commitments } = openCommitments(profile);
    // Nine letters, one minute apart, the last two at the same instant; every third accepted, deadlines spread.
    for (let index = 0; index < 9; index++) {
      profile.setNow(`2026-03-06T02:${String(Math.min(index, 7)).padStart(2, '0')}:00.000Z`);
      const fields = {
        ...missingMaterialsLetter(index % 2 === 0 ? enterprise.id : person.id),
        materialsDeadline: index < 4 ? '2026-03-09' : '2026-03-20',
        ...(index === 5
          ? { type: 'certification' as const, missingMaterials: [], materialsDeadline: '' }
          : {}),
      };
      if (index % 3 === 0) await acceptedCommitment(commitments, fields);
      else {
        const created = await commitments.create(fields);
        if (!created.ok) throw new Error(JSON.stringify(created.issues));
      }
    }
    profile.setNow('2026-03-06T03:00:00.000Z');

    const first = await commitments.page({ limit: 4 });
    expect(first.total).toBe(9);
    expect(first.items.map((c) => c.updatedAt)).toEqual([
      '2026-03-06T02:07:00.000Z',
      '2026-03-06T02:07:00.000Z',
      '2026-03-06T02:06:00.000Z',
      '2026-03-06T02:05:00.000Z',
    ]);
    const queries: CommitmentPageQuery[] = [
      { limit: 4 },
      { limit: 4, offset: 4 },
      { limit: 4, offset: 8 },
      { limit: 50, type: 'certification' },
      { limit: 50, status: 'accepted' },
      { limit: 2, open: true },
      { limit: 50, open: true, offset: 2 },
      { limit: 50, text: enterprise.name.slice(0, 4) },
      { limit: 50, text: ' 0003 ' },
      { limit: 50, followUp: 'dueSoon' },
      { limit: 50, followUp: 'overdue' },
      { limit: 50, decided: true },
      { limit: 50, subjectId: person.id, open: true },
      { limit: 4, order: 'name' },
      { limit: 4, offset: 4, order: 'name' },
      { limit: 50, status: 'draft', order: 'name' },
      { limit: 50, type: 'missingMaterials', open: true },
      { limit: 50, status: 'accepted', followUp: 'overdue' },
    ];
    for (const query of queries) {
      const page = await commitments.page(query);
      expect(numbersOf(page), JSON.stringify(query)).toEqual(await expected(commitments, query));
      expect(page.more, JSON.stringify(query)).toBe(false);
    }
    // Name order is the party's name, not the change order.
    expect((await commitments.page({ limit: 50, order: 'name' })).items.map((c) => c.subjectName)).toEqual(
      [...Array(4).fill(person.name), ...Array(5).fill(enterprise.name)].sort(byCodeUnits),
    );

    // Counting stops at the cap and says "more"; turning further counts on to the page's end.
    const capped = new CommitmentLists(profile.db.commitments, profile.local, profile.subjects, {
      today: () => commitments.today(),
      calendar: () => profile.reference.calendar(),
      counted: { keys: 3, matches: 2 },
    });
    const all = await expected(commitments, { limit: 50 });
    const open = await expected(commitments, { limit: 50, open: true });
    const cases: [CommitmentPageQuery, number, boolean, string[]][] = [
      [{ limit: 2 }, 3, true, all.numbers.slice(0, 2)],
      [{ limit: 2, offset: 2 }, 4, true, all.numbers.slice(2, 4)],
      [{ limit: 4, offset: 6 }, 9, false, all.numbers.slice(6)],
      [{ limit: 1, open: true }, 2, true, open.numbers.slice(0, 1)],
      [{ limit: 2, offset: 2, open: true }, open.total, false, open.numbers.slice(2)],
    ];
    for (const [query, total, more, numbers] of cases) {
      const page = await capped.page(query);
      expect({ ...numbersOf(page), more: page.more }, JSON.stringify(query)).toEqual({
        total,
        numbers,
        more,
      });
    }
    expect((await commitments.page({ limit: 50, status: 'accepted' })).total).toBe(3);
    expect((await commitments.page({ limit: 50, text: enterprise.name.slice(0, 4) })).total).toBe(5);
  });
});

describe('a profile written before the list indexes', () => {
  it('opens with every letter intact, and pages them through the new indexes', async () => {
    profile = await openProfile('2026-03-06T02:00:00.000Z');
    const enterprise = await registerSubject(profile, enterpriseInput());
    const { commitments } = openCommitments(profile);
    for (let index = 0; index < 3; index++) {
      profile.setNow(`2026-03-06T02:0${index}:00.000Z`);
      await acceptedCommitment(commitments, missingMaterialsLetter(enterprise.id));
    }
    const written = (await profile.db.commitments.find().exec()).map((doc) => doc.toJSON());
    // RxDB's open edition holds few collections at once: the first profile closes before the next opens.
    await profile.close();
    const name = `test-commitments-v0-${Date.now()}`;
    const version0 = {
      ...commitmentJsonSchema,
      version: 0,
      indexes: ['updatedAt', ['subjectId', 'signingDate'], ['status', 'materialsDeadline'], 'number'],
    } as unknown as RxJsonSchema<CommitmentDocument>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    await old.addCollections({ commitments: { schema: version0 } });
    await old.commitments.bulkInsert(written as CommitmentDocument[]);
    await old.close();

    profile = await openProfile('2026-03-06T04:00:00.000Z', name);
    // As the app does once the data key is there (personal fields are sealed again on the way).
    await migratePersonalCollections(profile.db);
    const stored = (await profile.db.commitments.find({ sort: [{ updatedAt: 'desc' }] }).exec()).map((doc) =>
      doc.toJSON(),
    );
    expect(stored).toEqual([...written].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
    const reopened = openCommitments(profile).commitments;
    const page = await reopened.page({ limit: 2, status: 'accepted' });
    expect(page.items.map((c) => c.id)).toEqual(stored.slice(0, 2).map((c) => c.id));
    expect((await reopened.page({ limit: 50, order: 'name' })).total).toBe(3);
  });
});
