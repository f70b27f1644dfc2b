// The dashboard figures at scale, in Chromium (run by bench/dashboardFigures.ts): subjects and credit
// records are written straight into a profile, the profile is closed and opened again, and then the
// figures are counted through the indexes (renderer/reports/figuresService.ts) and, as the baseline in the
// same run, by reading every record and counting in memory. Then one record changes: its change event
// adjusts the counts as the page does, checked against a recount.
import { generateDemoSubjects } from '../../shared/demo/subjects.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import {
  type CountedRecord,
  confirmedRecordStatuses,
  dashboardFigures,
  type FigureCounts,
  withRecordChange,
} from '../../shared/reports/figures.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { WriteJournal } from '../../renderer/kernel/db/writeJournal.ts';
import { ListingRepository } from '../../renderer/lists/listings.ts';
import { FiguresService } from '../../renderer/reports/figuresService.ts';
import { ReferenceRepository } from '../../renderer/reference/repository.ts';
import { SubjectRepository } from '../../renderer/subjects/repository.ts';
import {
  memorySecretStore,
  openTestProfile,
  testSession,
} from '../../renderer/kernel/security/testSupport.ts';
import { generateRecords } from '../browser/creditLists.ts';

const parameters = new URLSearchParams(location.search);
const subjectCount = Number(parameters.get('subjects') ?? 100_000);
const recordCount = Number(parameters.get('records') ?? 1_000_000);
const secrets = memorySecretStore();
const now = { value: new Date('2026-11-20T08:00:00Z') };
const name = 'bench-figures';
const period = { from: '2025-01-01', to: '2025-12-31' };
const chunk = 10_000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

async function open() {
  const profile = await openTestProfile(name, { secrets, now });
  profile.actAs(testSession(['clerk']));
  return profile;
}

async function generate(): Promise<Record<string, number>> {
  const profile = await open();
  const reference = await ReferenceRepository.open(profile.db.reference);
  await reference.seedDefaultCatalog('410823', new WriteJournal(profile.db, profile.local, profile.context));
  const start = performance.now();
  const inputs = generateDemoSubjects({ seed: 7, count: subjectCount, division: '410823' });
  const ids: string[] = [];
  for (let from = 0; from < inputs.length; from += chunk) {
    const stamp = now.value.toISOString();
    const docs = inputs.slice(from, from + chunk).map((input) => {
      const id = uuidv7();
      ids.push(id);
      return {
        ...input,
        id,
        county: '410823',
        createdAt: stamp,
        updatedAt: stamp,
        createdBy: 'bench',
        updatedBy: 'bench',
      } as SubjectDocument;
    });
    await profile.db.subjects.bulkInsert(docs);
  }
  const subjectsMs = performance.now() - start;
  const recordsMs = await generateRecords(profile.db.creditRecords, ids, recordCount);
  await profile.close();
  return { subjectsMs, recordsMs };
}

async function run(): Promise<Record<string, number>> {
  const generated = await generate();

  // Start-up: the profile and the subject repository open; the figures are counted.
  const startup = performance.now();
  const profile = await open();
  const reference = await ReferenceRepository.open(profile.db.reference);
  const subjects = await SubjectRepository.open(profile.db.subjects, profile.local, profile.context);
  const openMs = performance.now() - startup;
  const pending = { listings: null as ListingRepository | null };
  const figures = new FiguresService({
    db: profile.db,
    subjects,
    reference,
    audit: profile.context.audit,
    get listings() {
      return pending.listings!;
    },
  });
  const [counts, countsMs] = await timed(() => figures.counts(period));
  const firstFiguresMs = performance.now() - startup;
  const shown = dashboardFigures(counts, period, figures.categories());

  // Each part again, warm: where the time goes.
  const [, statusMs] = await timed(() => figures.recordsByStatus());
  const [, categoryMs] = await timed(() => figures.recordsByCategory(period));
  const [, subjectListMs] = await timed(() => subjects.list({ limit: 0 }));
  const [, againMs] = await timed(() => figures.counts(period));

  // The grade cache (every subject graded once, the app's own start-up work) and the industry table.
  const [listings, gradeCacheMs] = await timed(async () => {
    const opened = await ListingRepository.open(
      profile.db,
      profile.context,
      new WriteJournal(profile.db, profile.local, profile.context),
      subjects,
      async () => null,
    );
    await opened.grades.ready;
    return opened;
  });
  pending.listings = listings;
  const [, industryGradeMs] = await timed(() => figures.industryGrade());

  // Baseline: read every record and count in memory.
  const [baseline, baselineMs] = await timed(async () => {
    const all = await profile.db.creditRecords.find().exec();
    const byCategory: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    for (const doc of all) {
      const record = doc.toJSON() as CreditRecordDocument;
      byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
      if (record.decisionDate >= period.from && record.decisionDate <= period.to) {
        byCategory[record.category] = (byCategory[record.category] ?? 0) + 1;
      }
    }
    return { byCategory, byStatus };
  });
  for (const [category, count] of Object.entries(baseline.byCategory)) {
    if (counts.recordsByCategory[category] !== count) throw new Error(`${category}: ${count} ≠ index count`);
  }
  for (const status of confirmedRecordStatuses) {
    if ((baseline.byStatus[status] ?? 0) !== counts.recordsByStatus[status]) {
      throw new Error(`${status}: index count differs`);
    }
  }

  // One record changes: its change event adjusts the counts (the page's path), checked against a recount.
  const [one] = await profile.db.creditRecords.find({ selector: { status: 'approved' }, limit: 1 }).exec();
  const start = performance.now();
  const adjusted = new Promise<FigureCounts>((resolve) => {
    const subscription = profile.db.creditRecords.$.subscribe((event) => {
      subscription.unsubscribe();
      resolve(
        withRecordChange(
          counts,
          period,
          event.previousDocumentData as CountedRecord | undefined,
          event.documentData as CountedRecord,
        ),
      );
    });
  });
  await one!.incrementalPatch({ status: 'revoked', updatedAt: new Date().toISOString() });
  const updated = await adjusted;
  const incrementalMs = performance.now() - start;
  const [recounted, recountMs] = await timed(() =>
    Promise.all([figures.recordsByStatus(), figures.recordsByCategory(period)]),
  );
  if (JSON.stringify(recounted) !== JSON.stringify([updated.recordsByStatus, updated.recordsByCategory])) {
    throw new Error('the adjusted counts differ from a recount');
  }
  await profile.close();
  return {
    ...generated,
    subjects: subjectCount,
    records: recordCount,
    openMs,
    countsMs,
    firstFiguresMs,
    statusMs,
    categoryMs,
    subjectListMs,
    againMs,
    gradeCacheMs,
    industryGradeMs,
    baselineMs,
    incrementalMs,
    recountMs,
    recordsPerSubject: shown.recordsPerSubject ?? 0,
  };
}

const out = document.getElementById('out')!;
run()
  .then((result) => {
    out.textContent = JSON.stringify(result);
  })
  .catch((error: unknown) => {
    out.textContent = `ERROR ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  });
