/**
 * The commitments list pages through the `updatedAt` index: the same letters, in the same order, as
 * reading every letter and filtering in memory (`list`), for every filter the list page offers.
 */
import { afterEach, describe, expect, it } from 'vitest';
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

/** The read-everything answer: most recently updated first, the later id first among equals. */
async function expected(commitments: CommitmentRepository, query: CommitmentPageQuery) {
  const { offset = 0, limit, decided, ...filters } = query;
  const all = (await commitments.list(filters))
    .filter((c) => !decided || (c.outcome.result !== '' && c.status !== 'breachProposed'))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
  return { total: all.length, numbers: all.slice(offset, offset + limit).map((c) => c.number) };
}

const numbersOf = (page: { total: number; items: CommitmentDocument[] }) => ({
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
    ];
    for (const query of queries) {
      expect(numbersOf(await commitments.page(query)), JSON.stringify(query)).toEqual(
        await expected(commitments, query),
      );
    }
    expect((await commitments.page({ limit: 50, status: 'accepted' })).total).toBe(3);
    expect((await commitments.page({ limit: 50, text: enterprise.name.slice(0, 4) })).total).toBe(5);
  });
});
