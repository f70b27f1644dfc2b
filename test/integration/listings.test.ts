/**
 * Listings on a real local profile (RxDB on fake-indexeddb, write journal, audit trail): a subject with
 * a serious penalty is suggested for the black list, enters it when a second user approves, and then
 * holds the lowest grade (one-vote veto); the proposer cannot decide; a city-list entry pulled from
 * another county flags a subject here.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultGradingModel } from '../../shared/grading/publishedModels.ts';
import { ruleSetId } from '../../shared/grading/ruleSet.ts';
import { subjectKeyOf } from '../../shared/lists/cityBlackList.ts';
import { defaultListRules } from '../../shared/lists/rules.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { withUsccCheck } from '../../shared/creditRecords/testFixtures.ts';
import { GradeCache } from '../../renderer/lists/gradeCache.ts';
import { GradePublication } from '../../renderer/lists/gradePublication.ts';
import { ListingRepository, unenrolledMatchingKey } from '../../renderer/lists/listings.ts';
import { cityEntryFor, cityRuleSetStamps, publishScoringModel } from './cityListHarness.ts';
import {
  codes,
  enterpriseInput,
  openProfile,
  practitionerInput,
  type Profile,
  recordFields,
  registerSubject,
  users,
} from './creditHarness.ts';

let profile: Profile;
let listings: ListingRepository;
let subject: SubjectDocument;
/** The city's matching key as the profile holds it; null while not enrolled. */
let cityKey: string | null;

beforeEach(async () => {
  profile = await openProfile('2026-03-10T02:00:00.000Z');
  subject = await registerSubject(profile, enterpriseInput());
  cityKey = null;
  listings = await ListingRepository.open(
    profile.db,
    profile.context,
    profile.journal,
    profile.subjects,
    async () => cityKey,
  );
  await listings.grades.ready;
});

describe('matching practitioners across counties', () => {
  it('hashes the ID number under the city key the platform handed over, never the built-in one', async () => {
    const person = await registerSubject(profile, practitionerInput());
    const unenrolled = await listings.subjectKeyOf(person);
    expect(unenrolled).toBe(await subjectKeyOf('practitioner', codes.practitioner, unenrolledMatchingKey));
    cityKey = 'q7Yk3v0Jr9cL2mXwP4tN8sB1fH6dZ5gA0eU3iO7yR2k';
    const keyed = await listings.subjectKeyOf(person);
    expect(keyed).toBe(await subjectKeyOf('practitioner', codes.practitioner, cityKey));
    expect(keyed).toMatch(/^idh:[0-9a-f]{64}$/);
    expect(keyed).not.toBe(unenrolled);
    expect(keyed).not.toContain(codes.practitioner);
    // An enterprise is matched by its USCC whatever the key.
    expect(await listings.subjectKeyOf(subject)).toBe(`uscc:${subject.code}`);
  });
});

afterEach(async () => {
  await profile.close();
});

/** A serious construction penalty record, approved by the reviewer. */
async function approvedSeriousRecord(): Promise<string> {
  profile.signIn(users.clerk);
  const created = await profile.records.create(
    recordFields(subject.id, {
      catalogCode: 'JZ-YZ-02',
      title: '责令停业整顿',
      publicityStart: '2026-03-06',
      publicityEnd: '2027-03-06',
    }),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  expect((await profile.records.act(created.value.id, 'submit')).ok).toBe(true);
  profile.signIn(users.reviewer);
  expect((await profile.records.act(created.value.id, 'approve', '同意')).ok).toBe(true);
  return created.value.id;
}

describe('the black list on a county computer', () => {
  it('suggests a subject with a serious penalty, lists it on a second user’s approval, and vetoes its grade', async () => {
    // A clean subject graded A is suggested for the red list only.
    expect(listings.suggestionsFor(subject).map((found) => found.list)).toEqual(['red']);
    const recordId = await approvedSeriousRecord();
    const before = listings.grades.gradeOf(subject.id)!;
    expect(before.vetoedBy).toBe('');

    const [suggestion] = listings.suggestionsFor(subject);
    expect(suggestion).toMatchObject({ rule: 'constructionBlackList', triggeredBy: [recordId] });
    profile.signIn(users.clerk);
    const proposed = await listings.propose(subject, suggestion!);
    if (!proposed.ok) throw new Error(JSON.stringify(proposed.issues));
    expect(proposed.value).toMatchObject({ status: 'proposed', subjectKey: `uscc:${subject.code}` });
    // Proposed once: not suggested again while it waits; no longer a red-list candidate either.
    expect(listings.suggestionsFor(subject)).toEqual([]);

    // Without the decision document, refused naming the rule.
    profile.signIn(users.reviewer);
    const bare = await listings.act(proposed.value.id, 'approve', { note: '同意', decisionNumber: '' });
    expect(bare.ok || bare.issues.map((found) => found.code)).toEqual(['workflow.documentNumberRequired']);

    const approved = await listings.act(proposed.value.id, 'approve', {
      note: '同意列入',
      decisionNumber: '武建信〔2026〕1号',
    });
    expect(approved.ok && approved.value.status).toBe('listed');
    const after = listings.grades.gradeOf(subject.id)!;
    expect(after.grade).toBe('D');
    expect(after.vetoedBy).toBe(proposed.value.id);
    // The grade of a day before the entry is still reproducible.
    expect(listings.grades.gradeOf(subject.id, '2026-03-05')!.vetoedBy).toBe('');

    const history = await profile.local.historyOf('listings', proposed.value.id);
    expect(history.length).toBeGreaterThan(0);
  });

  it('refuses a decision by the user who proposed the entry, naming the four-eyes rule', async () => {
    await approvedSeriousRecord();
    profile.signIn(users.clerkReviewer);
    const [suggestion] = listings.suggestionsFor(subject);
    const proposed = await listings.propose(subject, suggestion!);
    if (!proposed.ok) throw new Error(JSON.stringify(proposed.issues));
    const own = await listings.act(proposed.value.id, 'approve', { note: '同意', decisionNumber: 'X-1' });
    expect(own.ok || own.issues.map((found) => found.code)).toEqual(['permission.ownWork']);
    expect(listings.availableActions(proposed.value)).toEqual([]);
    profile.signIn(users.reviewer);
    expect(listings.availableActions(proposed.value)).toEqual(['approve', 'reject']);
  });

  it('refuses an entry without basis, naming the rule', async () => {
    const recordId = await approvedSeriousRecord();
    profile.signIn(users.clerk);
    const refused = await listings.propose(subject, {
      rule: 'constructionBlackList',
      list: 'seriousDishonesty',
      basis: [],
      triggeredBy: [recordId],
      start: '2026-03-10',
      end: '2027-03-10',
    });
    expect(refused.ok || refused.issues.map((found) => found.code)).toEqual(['lists.basisRequired']);
    expect(await profile.db.listings.count().exec()).toBe(0);
  });

  it('flags a subject another county put on the city-wide list, and forces its lowest grade', async () => {
    expect(listings.onCityBlackList(subject.id)).toEqual([]);
    expect(listings.supervisionOf(subject.id)).toMatchObject({
      onCityBlackList: false,
      toleranceAcceptance: true,
    });
    const entry = cityEntryFor(subject, '2026-03-08', '2027-03-08');
    // As the sync writes a pulled document.
    await profile.db.reference.insert(entry as never);
    await expect.poll(() => listings.onCityBlackList(subject.id).length).toBe(1);
    expect(listings.grades.gradeOf(subject.id)!.grade).toBe('D');
    expect(listings.supervisionOf(subject.id)).toEqual({
      grade: 'D',
      inspectionRatio: 1,
      toleranceAcceptance: false,
      onCityBlackList: true,
    });
  });

  it('grades under the scoring model and list rules the city publishes, keeping earlier grades reproducible', async () => {
    const recordId = await approvedSeriousRecord();
    expect(listings.grades.gradeOf(subject.id)).toMatchObject({
      modelCode: 'default-construction',
      score: 70,
    });
    const stamps = cityRuleSetStamps(subject);
    const model = {
      ...defaultGradingModel('construction'),
      code: 'city-construction',
      version: 2,
      validFrom: '2026-03-09',
      baseScore: 100,
    };
    const scoring = {
      ...stamps,
      id: await ruleSetId('scoringModel', model.code, 2),
      ruleSet: 'scoringModel',
    };
    // As the sync writes pulled documents.
    await profile.db.reference.insert({
      ...scoring,
      code: model.code,
      version: 2,
      validFrom: model.validFrom,
      model,
    } as never);
    await expect.poll(() => listings.grades.gradeOf(subject.id)?.modelVersion).toBe(2);
    expect(listings.grades.gradeOf(subject.id)).toMatchObject({ modelCode: 'city-construction', score: 80 });
    // Before the version's start (and before the record's approval): the default model.
    expect(listings.grades.gradeOf(subject.id, '2026-03-08')).toMatchObject({
      modelCode: 'default-construction',
      score: 90,
    });

    // Rules without the construction black list: nothing to suggest; the default rules suggested it.
    expect(listings.suggestionsFor(subject).map((found) => found.triggeredBy)).toEqual([[recordId]]);
    const rules = defaultListRules.filter((rule) => rule.code !== 'constructionBlackList');
    await profile.db.reference.insert({
      ...stamps,
      id: await ruleSetId('listRules', 'city', 1),
      ruleSet: 'listRules',
      code: 'city',
      version: 1,
      validFrom: '2026-03-01',
      listRules: rules,
    } as never);
    await expect.poll(() => listings.rules.length).toBe(rules.length);
    expect(listings.suggestionsFor(subject)).toEqual([]);
  });

  it('publishes the year’s grades in chunks, idempotently, approved by a second user, and keeps them on a model change', async () => {
    const others = [];
    for (const n of [1, 2, 3]) {
      const code = withUsccCheck(`91410823MA0R${n}D4E5`);
      others.push(await registerSubject(profile, enterpriseInput({ name: `武陟县第${n}建筑公司`, code })));
    }
    const publication = new GradePublication(
      profile.db.listings,
      profile.context,
      profile.journal,
      listings.grades,
    );
    const scope = { year: 2026, industry: null };
    expect(await publication.counts(scope)).toEqual({ toPropose: 4, proposed: 0, published: 0 });

    profile.signIn(users.reviewer);
    expect(issueCodes(await publication.proposeYear(scope))).toEqual(['permission.denied']);
    profile.signIn(users.clerkReviewer);
    expect(issueCodes(await publication.proposeYear({ year: 2027, industry: null }))).toEqual([
      'lists.yearNotBegun',
    ]);
    const progress: number[] = [];
    const proposed = await publication.proposeYear(scope, (done) => progress.push(done));
    expect(proposed).toEqual({ ok: true, value: 4 });
    expect(progress).toEqual([4]);
    // Again: nothing left to propose.
    expect(await publication.proposeYear(scope)).toEqual({ ok: true, value: 0 });
    expect(await publication.counts(scope)).toEqual({ toPropose: 0, proposed: 4, published: 0 });

    // Four-eyes: the proposer may not approve; nothing is written.
    const decision = { decisionNumber: '武建信〔2026〕30号', note: '同意公布' };
    expect(issueCodes(await publication.approveYear(scope, decision))).toEqual(['permission.ownWork']);
    expect(await publication.counts(scope)).toMatchObject({ proposed: 4, published: 0 });
    profile.signIn(users.reviewer);
    expect(await publication.approveYear(scope, decision)).toEqual({ ok: true, value: 4 });
    expect(await publication.approveYear(scope, decision)).toEqual({ ok: true, value: 0 });
    const published = (await profile.db.listings.find({ selector: { kind: 'grade' } }).exec()).map((doc) =>
      doc.toJSON(),
    );
    expect(
      published.map((listing) => [listing.status, listing.grade, listing.modelVersion, listing.start]),
    ).toEqual(Array.from({ length: 4 }, () => ['listed', 'A', 1, '2026-03-10']));
    expect(await profile.local.historyOf('listings', published[0]!.id)).toHaveLength(1);

    // A new model version regrades locally but leaves the published year as it is.
    const model = {
      ...defaultGradingModel('construction'),
      code: 'city-construction',
      version: 2,
      baseScore: 70,
    };
    await publishScoringModel(profile, subject, model);
    await expect.poll(() => listings.grades.gradeOf(subject.id)?.grade).toBe('C');
    profile.signIn(users.clerk);
    expect(await publication.proposeYear(scope)).toEqual({ ok: true, value: 0 });
    expect(await profile.db.listings.count({ selector: { kind: 'grade', status: 'listed' } }).exec()).toBe(4);
  });
});

describe('the grade cache and the start-up path', () => {
  it('opens without grading, says so, and grades after the first screen in slices, changes included', async () => {
    const second = await registerSubject(
      profile,
      enterpriseInput({ name: '武陟县长安建材有限公司', code: codes.otherEnterprise }),
    );
    let deferred: (() => void) | null = null;
    const opened = await ListingRepository.open(
      profile.db,
      profile.context,
      profile.journal,
      profile.subjects,
      async () => null,
      (work) => {
        deferred = work;
      },
    );
    // Open returned with nothing graded: no grade is shown as if it were the answer.
    expect(opened.grades.loaded).toBe(false);
    expect(opened.grades.gradeOf(subject.id)).toBeUndefined();
    expect(opened.supervisionOf(subject.id)).toBeUndefined();
    expect(opened.grades.byGrade().size).toBe(0);
    // A serious penalty approved before the grading starts still counts.
    await approvedSeriousRecord();
    expect(deferred).not.toBeNull();
    deferred!();
    await opened.grades.ready;
    expect(opened.grades.loaded).toBe(true);
    expect(opened.grades.gradeOf(subject.id)).toEqual(listings.grades.gradeOf(subject.id));
    expect(opened.grades.gradeOf(subject.id)!.score).toBeLessThan(opened.grades.gradeOf(second.id)!.score);
  });

  it('grades every subject a slice at a time, pausing between slices', async () => {
    const cache = new GradeCache(() => '2026-03-10');
    let pauses = 0;
    const subjects = Array.from({ length: 25 }, (_, n) => ({
      subjectId: `s${n}`,
      industry: 'construction' as const,
      subjectKey: '',
    }));
    await cache.loadGradually(
      async (take) => take({ subjects }),
      10,
      async () => {
        pauses++;
        expect(cache.loaded).toBe(false);
      },
    );
    expect(pauses).toBe(2);
    expect([...cache.byGrade().values()].flat()).toHaveLength(25);
  });
});

const issueCodes = (result: { ok: boolean; issues?: { code: string }[] }) =>
  result.ok ? [] : (result.issues ?? []).map((found) => found.code);
