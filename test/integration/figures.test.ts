/**
 * Dashboard figures on a real profile (RxDB on fake-indexeddb): records in force, in total and by
 * category in the period, from the kept totals and through the indexes before those are loaded;
 * commitments by status, credit checks of the period from the audit trail, and subjects by industry and
 * grade from the grade cache.
 */
import { openListingProfile } from './cityListHarness.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardFigures, cellKey } from '../../shared/reports/figures.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { ListingRepository } from '../../renderer/lists/listings.ts';
import { FiguresService } from '../../renderer/reports/figuresService.ts';
import { ReportService } from '../../renderer/reports/reportService.ts';
import type { SyncService } from '../../renderer/kernel/sync/syncService.ts';
import { VerificationService } from '../../renderer/verification/verificationService.ts';
import {
  codes,
  enterpriseInput,
  type Profile,
  recordFields,
  registerSubject,
  reportDependencies,
  users,
} from './creditHarness.ts';

let profile: Profile;
let enterprise: SubjectDocument;
let listings: ListingRepository;
let figures: FiguresService;

beforeEach(async () => {
  ({ profile, subject: enterprise, listings } = await openListingProfile('2026-03-06T02:00:00.000Z'));
  figures = new FiguresService({
    db: profile.db,
    creditRecords: profile.records,
    subjects: profile.subjects,
    listings,
    reference: profile.reference,
    audit: profile.context.audit,
  });
});

afterEach(async () => {
  await profile.close();
});

async function record(overrides: Parameters<typeof recordFields>[1], approve: boolean) {
  profile.signIn(users.clerk);
  const created = await profile.records.create(recordFields(enterprise.id, overrides));
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  if (!approve) return;
  await profile.records.act(created.value.id, 'submit');
  profile.signIn(users.reviewer);
  const approved = await profile.records.act(created.value.id, 'approve');
  if (!approved.ok) throw new Error(JSON.stringify(approved.issues));
  profile.signIn(users.clerk);
}

describe('dashboard figures on a profile', () => {
  it('count records in force, in total and by category in the period, and checks of the period', async () => {
    const person = await registerSubject(profile, {
      ...enterpriseInput(),
      kind: 'practitioner',
      name: '赵六',
      code: codes.practitioner,
      legalRepresentative: '',
      division: '',
      industry: 'propertyServices',
    });
    await record({ decisionDate: '2026-03-02' }, true);
    await record({ decisionDate: '2026-03-03', documentNumber: '武建罚字〔2026〕第4号' }, true);
    await record({ decisionDate: '2026-02-20', documentNumber: '武建罚字〔2026〕第5号' }, true);
    await record({ decisionDate: '2026-03-04', documentNumber: '武建罚字〔2026〕第6号' }, false);
    // Approved, then revoked: no longer in force, so counted nowhere (like the draft above).
    await record({ decisionDate: '2026-03-05', documentNumber: '武建罚字〔2026〕第7号' }, true);
    const [revoked] = await profile.db.creditRecords
      .find({ selector: { documentNumber: '武建罚字〔2026〕第7号' } })
      .exec();
    profile.signIn(users.reviewer);
    const revoking = await profile.records.act(revoked!.id, 'revoke', '认定文书已被撤销');
    if (!revoking.ok) throw new Error(JSON.stringify(revoking.issues));
    profile.signIn(users.clerk);

    const deps = reportDependencies(profile, listings, {
      status: { enrollment: null, lastSyncedAt: null },
    } as unknown as SyncService);
    const verification = new VerificationService(deps, new ReportService(deps, async () => new Uint8Array()));
    for (const measure of ['enhancedReview', 'none'] as const) {
      const checked = await verification.check({ subjectId: enterprise.id }, 'tender');
      if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
      await verification.save(checked.result, measure, '');
    }

    const period = { from: '2026-03-01', to: '2026-03-31' };
    // Counted through the indexes first, then from the kept totals: the same figures.
    expect(profile.records.inForce.ready).toBe(false);
    const counted = await figures.counts(period);
    await profile.records.loadCounts();
    expect(profile.records.inForce.ready).toBe(true);
    const counts = await figures.counts(period);
    expect(counts).toEqual(counted);
    expect(counts).toMatchObject({
      subjects: 2,
      enterprises: 1,
      records: 3,
      recordsByCategory: { generalDishonest: 2, enhancing: 0 },
      inspectionsDone: 0,
      checks: 2,
      measures: 1,
      rewards: 0,
    });
    // Subjects are counted from the totals their repository keeps by kind and status.
    await profile.subjects.counts.load();
    expect([profile.subjects.counts.count(), profile.subjects.counts.count('enterprise')]).toEqual([2, 1]);
    const result = dashboardFigures(counts, period, figures.categories());
    expect(result.recordsPerSubject).toBe(1.5);
    expect(result.recordsByCategory.find((row) => row.category === 'generalDishonest')!.count).toBe(2);
    const february = await figures.counts({ from: '2026-02-01', to: '2026-02-28' });
    expect(february).toMatchObject({ recordsByCategory: { generalDishonest: 1 }, checks: 0 });
    // Over a period holding every decision, the categories add up to the records per subject's total.
    const always = await figures.counts({ from: '2000-01-01', to: '2099-12-31' });
    const byCategory = Object.values(always.recordsByCategory).reduce((a: number, b) => a + (b ?? 0), 0);
    expect(byCategory).toBe(always.records);

    const table = await figures.industryGrade();
    const gradeOf = (id: string) => listings.grades.gradeOf(id)!.grade;
    expect(table.cells.get(cellKey('construction', gradeOf(enterprise.id)))).toEqual([enterprise.id]);
    expect(table.cells.get(cellKey('propertyServices', gradeOf(person.id)))).toEqual([person.id]);
  });
});
