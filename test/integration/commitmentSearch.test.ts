/**
 * The commitments list's search box through the word index: the same letters, totals and order as the
 * read-everything search (`list`), for words of letter numbers, enterprise and person names and other
 * words, alone and with the list's other filters, in both orders, after edits and after a reopened profile
 * took the stored entries. A person's name never enters the stored entries.
 */
import { pinStoredCheckpoint } from './wordIndexSupport.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommitmentPageQuery, CommitmentRepository } from '../../renderer/commitments/repository.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { finding, pushedCommitment } from '../../shared/commitments/testFixtures.ts';
import { type CommitmentStatus, commitmentTypes } from '../../shared/commitments/types.ts';
import { withIdCheck, withUsccCheck } from '../../shared/creditRecords/testFixtures.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { dexieTableOf } from '../../renderer/kernel/db/indexedPages.ts';
import { defaultCountCaps } from '../../renderer/kernel/db/listCounts.ts';
import { SubjectRepository } from '../../renderer/subjects/repository.ts';
import { openCommitments } from './commitmentHarness.ts';
import {
  codes,
  enterpriseInput,
  openProfile,
  type Profile,
  practitionerInput,
  registerSubject,
} from './creditHarness.ts';

let profile: Profile | null = null;
afterEach(async () => {
  await profile?.close();
  profile = null;
});

const statuses: CommitmentStatus[] = ['draft', 'accepted', 'breachProposed', 'fulfilled', 'notFulfilled'];
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Three enterprises and two persons, registered; letters of them with varied numbers, types and outcomes. */
async function seeded(): Promise<{ all: CommitmentDocument[]; parties: SubjectDocument[] }> {
  profile = await openProfile('2026-03-06T02:00:00.000Z');
  const parties = [
    await registerSubject(profile, enterpriseInput()),
    await registerSubject(
      profile,
      enterpriseInput({ name: '武陟县长安建材有限公司', code: codes.otherEnterprise }),
    ),
    await registerSubject(
      profile,
      enterpriseInput({ name: 'Huarun Building Materials Co.', code: withUsccCheck('91410823MA0R5K6L4') }),
    ),
    await registerSubject(profile, practitionerInput()),
    await registerSubject(profile, {
      ...practitionerInput(),
      name: '王建华',
      code: withIdCheck('41082319900101123'),
    }),
  ];
  const all = Array.from({ length: 120 }, (_, n) => {
    const party = parties[n % parties.length]!;
    const status = statuses[n % statuses.length]!;
    return pushedCommitment('410823', 'clerk-1', n * 37, instantOf(n), {
      number: `4108232026${String(300 + (n % 9)).padStart(4, '0')}${String(n * 37).padStart(6, '0')}`,
      subjectId: party.id,
      subjectKind: party.kind,
      subjectName: party.name,
      subjectCode: party.code,
      type: commitmentTypes[n % commitmentTypes.length]!,
      matterCode: n % 2 === 0 ? 'SG-XK' : 'ZZ-SQ',
      status,
      ...(status === 'fulfilled' ? { outcome: finding({ result: 'fulfilled' }) } : {}),
      ...(status === 'notFulfilled' || status === 'breachProposed' ? { outcome: finding() } : {}),
    });
  });
  // Letters in their stored shape, as a sync pull writes them.
  await profile.db.commitments.bulkInsert(all);
  await profile.subjects.indexed;
  return { all, parties };
}

/** Changed at spread instants, some at the same one (ties go by id). */
function instantOf(n: number): string {
  return new Date(Date.UTC(2026, 2, 1) + ((n * 7919) % 100) * 60_000).toISOString();
}

/** The read-everything answer, in the list's order. */
async function expected(commitments: CommitmentRepository, query: CommitmentPageQuery) {
  const { offset = 0, limit, decided, order, ...filters } = query;
  const all = (await commitments.list(filters))
    .filter((c) => !decided || (c.outcome.result !== '' && c.status !== 'breachProposed'))
    .sort((a, b) =>
      order === 'name'
        ? byCodeUnits(a.subjectName, b.subjectName) || byCodeUnits(a.id, b.id)
        : byCodeUnits(b.updatedAt, a.updatedAt) || byCodeUnits(b.id, a.id),
    );
  return { total: all.length, ids: all.slice(offset, offset + limit).map((c) => c.id) };
}

function queries(parties: SubjectDocument[]): CommitmentPageQuery[] {
  const [hongda, , , , wang] = parties as [SubjectDocument, ...SubjectDocument[]];
  const words = [
    '4108232026', // every number
    '0303', // part of some numbers
    '000370', // a serial
    '宏达', // an enterprise's name
    ' 有限公司 ', // many names, spaces around
    'HUARUN', // ASCII, any case
    'building m',
    '赵六', // a person's name
    '建', // one character: in names of both kinds
    '王', // a person's surname
    '施工许可', // a matter's name: in no number or name
    '没有这样的词',
  ];
  const filters: Omit<CommitmentPageQuery, 'text' | 'limit'>[] = [
    {},
    { status: 'accepted' },
    { type: 'missingMaterials' },
    { status: 'fulfilled', type: commitmentTypes[3]! },
    { open: true },
    { decided: true },
    { subjectId: hongda.id },
    { subjectId: wang!.id, open: true },
    { order: 'name' },
    { order: 'name', status: 'notFulfilled' },
  ];
  return words.flatMap((text) => filters.map((filter) => ({ ...filter, text, limit: 10 })));
}

/**
 * Every query's pages as reading every letter gives them; `countedUpTo`: the cap a search without the
 * word index counts to (then it says "more").
 */
async function expectSameAsReadingEveryLetter(
  commitments: CommitmentRepository,
  parties: SubjectDocument[],
  countedUpTo = Number.POSITIVE_INFINITY,
) {
  let found = 0;
  for (const query of queries(parties)) {
    for (const offset of [0, 10]) {
      const want = await expected(commitments, { ...query, offset });
      const page = await commitments.page({ ...query, offset });
      expect(
        { total: page.total, more: page.more, ids: page.items.map((c) => c.id) },
        JSON.stringify(query),
      ).toEqual({ ...want, total: Math.min(want.total, countedUpTo), more: want.total > countedUpTo });
      found += want.ids.length;
    }
  }
  // Most cases find letters, and pages of them.
  expect(found).toBeGreaterThan(500);
}

/** Watches the walks of the collection's IndexedDB indexes (the search without the word index is one). */
async function indexWalks() {
  return vi.spyOn(await dexieTableOf(profile!.db.commitments), 'where');
}

describe('the commitments list’s search through the word index', () => {
  it('finds what reading every letter finds, in the same order and counts, and follows edits', async () => {
    const { all, parties } = await seeded();
    const { commitments } = openCommitments(profile!);
    await commitments.words.build();
    expect(commitments.words.ready).toBe(true);
    const walks = await indexWalks();
    await commitments.page({ text: '宏达', limit: 10 });
    await commitments.page({ text: '赵六', status: 'accepted', offset: 10, limit: 10 });
    await commitments.page({ text: '建', order: 'name', limit: 10 });
    expect(walks).not.toHaveBeenCalled();
    walks.mockRestore();
    await expectSameAsReadingEveryLetter(commitments, parties);

    // Edits after the index was built: a party renamed on a letter, a letter removed, one added.
    await profile!.db.commitments.upsert({
      ...all[0]!,
      subjectName: '武陟县新名建筑有限公司',
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    await profile!.db.commitments.findOne(all[3]!.id).remove();
    await profile!.db.commitments.insert(
      pushedCommitment('410823', 'clerk-1', 999_999, '2026-04-02T00:00:00.000Z', {
        subjectId: parties[0]!.id,
        subjectName: parties[0]!.name,
      }),
    );
    await expectSameAsReadingEveryLetter(commitments, parties);
    expect((await commitments.page({ text: '新名', limit: 10 })).items.map((c) => c.id)).toEqual([
      all[0]!.id,
    ]);
  });

  it('sorts the matches by name without reading letters but persons’ (whose names it never keeps)', async () => {
    const { all, parties } = await seeded();
    const { commitments } = openCommitments(profile!);
    await commitments.words.build();
    const persons = new Set(all.filter((c) => c.subjectKind === 'practitioner').map((c) => c.id));
    const read = vi.spyOn(profile!.db.commitments.storageInstance, 'findDocumentsById');
    const walks = await indexWalks();
    for (const query of queries(parties).filter((q) => q.order === 'name')) {
      for (const offset of [0, 10]) {
        read.mockClear();
        const page = await commitments.page({ ...query, offset });
        const ids = page.items.map((c) => c.id);
        expect({ total: page.total, ids }, JSON.stringify(query)).toEqual(
          await expected(commitments, { ...query, offset }),
        );
        const pageIds = new Set(ids);
        const others = read.mock.calls.flatMap(([read]) => read).filter((id) => !pageIds.has(id));
        expect(
          others.filter((id) => !persons.has(id)),
          JSON.stringify(query),
        ).toEqual([]);
      }
    }
    expect(walks).not.toHaveBeenCalled();
  });

  it('keeps no person’s name in the stored entries; the next session’s index reads only the letters written since', async () => {
    const { all, parties } = await seeded();
    const { commitments } = openCommitments(profile!);
    await commitments.words.build();
    await commitments.words.flush();
    const stored = (await profile!.local.caches.get('commitmentWords'))!;
    expect(JSON.stringify(stored.value)).toContain('宏达');
    for (const person of parties.filter((party) => party.kind === 'practitioner'))
      expect(JSON.stringify(stored.value)).not.toContain(person.name);
    await pinStoredCheckpoint(
      profile!.db.commitments,
      profile!.local,
      'commitmentWords',
      all.map((c) => c.id),
    );
    const changed = { ...all[5]!, status: 'withdrawn' as const, updatedAt: '2026-04-01T00:00:00.000Z' };
    await profile!.db.commitments.upsert(changed);

    // A new repository's index, as the next session makes it (this profile's data key stays, for the subjects).
    const next = openCommitments(profile!).commitments;
    const read = vi.spyOn(profile!.db.commitments.storageInstance, 'findDocumentsById');
    await next.words.build();
    expect(next.words.ready).toBe(true);
    expect(new Set(read.mock.calls.flatMap(([ids]) => ids))).toEqual(new Set([changed.id]));
    read.mockRestore();
    await expectSameAsReadingEveryLetter(next, parties);
  });

  it('reads the letters while the word index or the subjects’ index is not ready, with the same results', async () => {
    const { parties } = await seeded();
    const { commitments } = openCommitments(profile!);
    expect(commitments.words.ready).toBe(false);
    let walks = await indexWalks();
    expect((await commitments.page({ text: '赵六', limit: 10 })).total).toBe(24);
    expect(walks).toHaveBeenCalled();
    walks.mockRestore();
    await expectSameAsReadingEveryLetter(commitments, parties, defaultCountCaps.matches);

    // The word index ready, the subjects' index of a newly opened repository not yet loaded.
    const subjects = await SubjectRepository.open(profile!.db.subjects, profile!.local, profile!.context);
    const early = openCommitments(profile!, { subjects }).commitments;
    await early.words.build();
    expect(subjects.indexLoaded).toBe(false);
    walks = await indexWalks();
    expect((await early.page({ text: '赵六', limit: 10 })).total).toBe(24);
    expect(walks).toHaveBeenCalled();
  });
});
