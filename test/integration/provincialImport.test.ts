/**
 * The import of the province's comprehensive credit evaluations on a real local profile (RxDB on
 * fake-indexeddb, write journal, audit trail): a file with a bad row writes nothing; USCCs of no subject
 * here are reported and skipped; a second import of a newer evaluation supersedes the first for grading
 * while the first stays in the history; a published model's points and cap apply; the platform's rules
 * accept the recorded documents and refuse a `record` step on a black-list entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeCsv } from '../../shared/base/io/csv.ts';
import { defaultGradingModel } from '../../shared/grading/publishedModels.ts';
import { type ListingDocument, validateListingInput } from '../../shared/lists/listing.ts';
import { replayListing } from '../../shared/lists/workflow.ts';
import { defaultListRules } from '../../shared/lists/rules.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { ListingRepository } from '../../renderer/lists/listings.ts';
import type { ProvincialImportPlan } from '../../renderer/lists/provincialImport.ts';
import { openListingProfile, publishScoringModel } from './cityListHarness.ts';
import { type Profile, users } from './creditHarness.ts';

let profile: Profile;
let listings: ListingRepository;
let subject: SubjectDocument;

const header = ['统一社会信用代码', '评价等级', '评价日期', '评价分数'];
const elsewhere = '91310110666007217T';

beforeEach(async () => {
  ({ profile, subject, listings } = await openListingProfile());
});

afterEach(async () => {
  await profile.close();
});

async function planOf(rows: string[][]): Promise<ProvincialImportPlan> {
  const planned = await listings.provincial.plan(encodeCsv([header, ...rows]));
  if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
  return planned.value;
}

async function provincialListings(): Promise<ListingDocument[]> {
  const docs = await profile.db.listings.find({ selector: { kind: 'provincial' } }).exec();
  return docs.map((doc) => doc.toJSON() as ListingDocument).sort((a, b) => a.start.localeCompare(b.start));
}

async function publishModelWithProvincialRule(): Promise<void> {
  const model = {
    ...defaultGradingModel('construction'),
    code: 'city-construction',
    version: 2,
    validFrom: '2026-01-01',
    provincial: { points: { A: 5, D: -20 }, gradeCaps: { D: 'C' }, months: 24 },
  };
  await publishScoringModel(profile, subject, model);
  await expect.poll(() => listings.grades.gradeOf(subject.id)?.modelVersion).toBe(2);
}

describe('importing provincial evaluations', () => {
  it('refuses a file with a bad row as a whole, naming the rows; unmatched USCCs are reported and skipped', async () => {
    const bad = await planOf([
      [subject.code, '差', '2026-01-15'],
      [elsewhere, 'A', '2026-01-15'],
      [subject.code, 'B', '2026-01-16'],
      ['', 'A', '2026-01-15'],
      [elsewhere, 'Z', '2026-01-15'],
    ]);
    expect(bad.problems).toEqual([
      { row: 4, code: 'duplicate', value: subject.code },
      { row: 5, code: 'uscc', value: '' },
      { row: 6, code: 'level', value: 'Z' },
    ]);
    expect(bad.unmatched).toEqual([{ row: 3, code: 'unmatched', value: elsewhere }]);
    const refused = await listings.provincial.record(bad);
    expect(refused.ok || refused.issues.map((found) => found.code)).toEqual(['lists.provincialFileRefused']);
    expect(await provincialListings()).toEqual([]);

    const good = await planOf([
      [subject.code, '差', '2026-01-15', '55'],
      [elsewhere, 'A', '2026-01-15'],
    ]);
    expect([good.problems, good.unmatched.map((found) => found.row), good.toRecord.length]).toEqual([
      [],
      [3],
      1,
    ]);
    expect(await listings.provincial.record(good)).toEqual({ ok: true, value: 1 });
    expect(await provincialListings()).toMatchObject([
      {
        subjectId: subject.id,
        subjectKey: `uscc:${subject.code}`,
        grade: 'D',
        score: 55,
        start: '2026-01-15',
        status: 'listed',
      },
    ]);
    // The same file again changes nothing.
    const again = await planOf([[subject.code, 'D', '2026-01-15', '55']]);
    expect([again.unchanged, again.toRecord.length]).toEqual([1, 0]);
    // The same day with another level contradicts the record: refused.
    const contradicting = await planOf([[subject.code, 'A', '2026-01-15']]);
    expect(contradicting.problems).toEqual([{ row: 2, code: 'conflict', value: subject.code }]);
  });

  it('a newer evaluation supersedes the earlier one in the grade; the earlier stays for past dates', async () => {
    await publishModelWithProvincialRule();
    expect(listings.grades.gradeOf(subject.id)).toMatchObject({ score: 90, grade: 'A', provincial: null });

    expect((await listings.provincial.record(await planOf([[subject.code, 'D', '2026-01-15']]))).ok).toBe(
      true,
    );
    await expect.poll(() => listings.grades.gradeOf(subject.id)?.provincial?.level).toBe('D');
    expect(listings.grades.gradeOf(subject.id)).toMatchObject({ score: 70, grade: 'C' });
    expect(listings.grades.gradeOf(subject.id)?.contributions).toMatchObject([
      { item: 'provincial', points: -20, validFrom: '2026-01-15' },
    ]);

    profile.setNow('2026-03-20T02:00:00.000Z');
    expect((await listings.provincial.record(await planOf([[subject.code, '优', '2026-03-18']]))).ok).toBe(
      true,
    );
    await expect.poll(() => listings.grades.gradeOf(subject.id, '2026-03-20')?.provincial?.level).toBe('A');
    expect(listings.grades.gradeOf(subject.id, '2026-03-20')).toMatchObject({ score: 95, grade: 'A' });
    expect(listings.grades.gradeOf(subject.id, '2026-03-17')).toMatchObject({ score: 70, grade: 'C' });
    expect((await provincialListings()).map((found) => found.grade)).toEqual(['D', 'A']);
    // Provincial evaluations are not list entries: the lists pages do not show them.
    const shown = await new Promise<ListingDocument[]>((resolve) => {
      const subscription = listings.watchBySubject(subject.id).subscribe((found) => {
        resolve(found);
        queueMicrotask(() => subscription.unsubscribe());
      });
    });
    expect(shown).toEqual([]);
  });

  it('only a clerk imports; the platform accepts the recorded document and refuses a record step elsewhere', async () => {
    profile.signIn(users.reviewer);
    const denied = await listings.provincial.plan(encodeCsv([header, [subject.code, 'A', '2026-01-15']]));
    expect(denied.ok || denied.issues.map((found) => found.code)).toEqual(['permission.denied']);

    profile.signIn(users.clerk);
    const plan = await planOf([[subject.code, 'A', '2026-01-15']]);
    const [recorded] = plan.toRecord;
    const rolesOf = (id: string) => (id === users.clerk.userId ? (['clerk'] as const) : null);
    expect(replayListing(null, recorded!, rolesOf)).toEqual([]);
    expect(validateListingInput(recorded!, defaultListRules)).toEqual([]);
    // A reviewer's record step, or a record step on a black-list entry, is refused.
    expect(replayListing(null, recorded!, () => ['reviewer']).map((found) => found.code)).toEqual([
      'permission.denied',
    ]);
    const blackList = { ...recorded!, kind: 'blackList' as const, list: 'seriousDishonesty' as const };
    expect(validateListingInput(blackList, defaultListRules).map((found) => found.code)).toContain(
      'lists.provincialRecordedOnly',
    );
  });
});
