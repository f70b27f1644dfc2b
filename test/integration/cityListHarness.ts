/** A city-wide serious-dishonesty list entry naming a subject of this county, as another county decided it. */
import { cityOf } from '../../renderer/reference/repository.ts';
import type { CityBlackListEntry } from '../../shared/lists/cityBlackList.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { GradingModel } from '../../shared/grading/model.ts';
import { ruleSetId } from '../../shared/grading/ruleSet.ts';
import { ListingRepository } from '../../renderer/lists/listings.ts';
import { enterpriseInput, openProfile, type Profile, registerSubject } from './creditHarness.ts';

export function cityEntryFor(
  subject: Pick<SubjectDocument, 'county' | 'code' | 'name'>,
  start: string,
  end: string,
): CityBlackListEntry {
  return {
    id: uuidv7(),
    county: cityOf(subject.county),
    createdAt: `${start}T00:00:00.000Z`,
    updatedAt: `${start}T00:00:00.000Z`,
    createdBy: 'platform',
    updatedBy: 'platform',
    kind: 'cityBlackList',
    subjectKey: `uscc:${subject.code}`,
    subjectName: subject.name,
    list: 'seriousDishonesty',
    sourceCounty: '410822',
    sourceListing: uuidv7(),
    basis: ['《建筑市场信用管理暂行办法》'],
    measures: [],
    decisionNumber: '博建信〔2026〕2号',
    start,
    end,
    exitedOn: '',
  };
}

/** The stamps of a rule-set version the city published, as the sync writes it into a county profile. */
export function cityRuleSetStamps(subject: Pick<SubjectDocument, 'county'>) {
  return {
    county: cityOf(subject.county),
    createdAt: '2026-03-09T00:00:00.000Z',
    updatedAt: '2026-03-09T00:00:00.000Z',
    createdBy: 'city-admin',
    updatedBy: 'city-admin',
    kind: 'ruleSet',
  };
}

/** A county profile at `start` with one enterprise registered and the listing repository graded and ready. */
export async function openListingProfile(
  start = '2026-03-10T02:00:00.000Z',
): Promise<{ profile: Profile; subject: SubjectDocument; listings: ListingRepository }> {
  const profile = await openProfile(start);
  const subject = await registerSubject(profile, enterpriseInput());
  const listings = await ListingRepository.open(
    profile.db,
    profile.context,
    profile.journal,
    profile.subjects,
    async () => null,
  );
  await listings.grades.ready;
  return { profile, subject, listings };
}

/** Writes a scoring model version the city published into the profile, as the sync writes pulled documents. */
export async function publishScoringModel(
  profile: Profile,
  subject: Pick<SubjectDocument, 'county'>,
  model: GradingModel,
): Promise<void> {
  await profile.db.reference.insert({
    ...cityRuleSetStamps(subject),
    id: await ruleSetId('scoringModel', model.code, model.version),
    ruleSet: 'scoringModel',
    code: model.code,
    version: model.version,
    validFrom: model.validFrom,
    model,
  } as never);
}
