/**
 * The acceptance check on a real profile reads the subject's lists and grade (the grade cache over the
 * listings and the city-wide list): a subject another county put on the city-wide serious-dishonesty list
 * is refused 容缺受理, the check naming the list entry and the grade that excludes it; nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type CommitmentFields,
  type CommitmentRepository,
  emptyCommitmentFields,
} from '../../renderer/commitments/repository.ts';
import type { JournalStep } from '../../renderer/kernel/db/writeJournal.ts';
import type { ListingRepository } from '../../renderer/lists/listings.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { cityEntryFor, openListingProfile } from './cityListHarness.ts';
import { acceptedCommitment, openCommitments } from './commitmentHarness.ts';
import type { Profile } from './creditHarness.ts';

let profile: Profile;
let subject: SubjectDocument;
let listings: ListingRepository;
let commitments: CommitmentRepository;
let runs: JournalStep[][];

beforeEach(async () => {
  ({ profile, subject, listings } = await openListingProfile('2026-03-10T02:00:00.000Z'));
  ({ commitments, runs } = openCommitments(profile, { standing: listings.grades }));
});

afterEach(async () => {
  await profile.close();
});

function fields(type: CommitmentFields['type']): CommitmentFields {
  const common = {
    ...emptyCommitmentFields(subject.id),
    reason: '申请办理建筑工程施工许可',
    content: '承诺所填信息真实。',
    liability: '如违反承诺，愿意承担相应法律责任。',
    signatory: '王伟',
    signingDate: '2026-03-10',
  };
  return type === 'missingMaterials'
    ? {
        ...common,
        type,
        matterCode: 'SG-XK',
        missingMaterials: ['施工图设计文件审查合格书'],
        materialsDeadline: '2026-03-17',
      }
    : { ...common, type, matterCode: 'HY-ZL' };
}

describe('the acceptance check', () => {
  it('refuses 容缺受理 for a subject on the city-wide list, naming the entry and the grade', async () => {
    const clean = await commitments.acceptanceCheck(subject.id, 'missingMaterials');
    expect(clean).toMatchObject({ eligible: true, findings: [] });

    const entry = cityEntryFor(subject, '2026-03-08', '2027-03-08');
    // As the sync writes a pulled document.
    await profile.db.reference.insert(entry as never);
    await expect.poll(() => listings.grades.gradeOf(subject.id)?.grade).toBe('D');

    const check = await commitments.acceptanceCheck(subject.id, 'missingMaterials');
    expect(check).toEqual({
      checkedAt: '2026-03-10T02:00:00.000Z',
      eligible: false,
      findings: [
        { rule: 'seriousDishonestList', effect: 'excludes', refs: [entry.id] },
        { rule: 'gradeNotEligible', effect: 'excludes', refs: ['D'] },
      ],
    });

    const created = await commitments.create(fields('missingMaterials'));
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const written = runs.length;
    expect(await commitments.act(created.value.id, 'accept')).toEqual({
      ok: false,
      issues: [
        { field: 'acceptanceCheck', code: 'commitment.excluded.seriousDishonestList' },
        { field: 'acceptanceCheck', code: 'commitment.excluded.gradeNotEligible', params: { grade: 'D' } },
      ],
    });
    expect(runs.length).toBe(written);
    expect((await commitments.get(created.value.id))?.status).toBe('draft');

    // A self-discipline letter is not accepted in place of an approval condition: no check applies.
    const discipline = await acceptedCommitment(commitments, fields('industrySelfDiscipline'));
    expect(discipline).toMatchObject({ status: 'accepted', acceptanceCheck: null });
  });
});
