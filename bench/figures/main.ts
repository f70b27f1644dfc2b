// The dashboard figures at scale, in Chromium (run by bench/dashboardFigures.ts): subjects and credit
// records are written straight into a profile (as a sync or an import would, unseen by any running app),
// then the profile opens once and the app counts its kept totals of records in force (once per device,
// after changes it did not see), and closes. Then start-up as a clerk sees it: the profile opens again
// and the figures are read (renderer/reports/figuresService.ts), checked against reading every stored
// record in the same run. Then one record changes: its change event adjusts the figures as the page does.
import { generateDemoSubjects } from '../../shared/demo/subjects.ts';
import { type CreditRecordDocument, inForceStatus } from '../../shared/creditRecords/model.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import {
  type CountedRecord,
  dashboardFigures,
  type FigureCounts,
  withRecordChange,
} from '../../shared/reports/figures.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { AttachmentStore } from '../../renderer/kernel/attachments.ts';
import { dexieTableOf } from '../../renderer/kernel/db/indexedPages.ts';
import { WriteJournal } from '../../renderer/kernel/db/writeJournal.ts';
import { CreditRecordRepository } from '../../renderer/creditRecords/repository.ts';
import { ListingRepository } from '../../renderer/lists/listings.ts';
import { FiguresService } from '../../renderer/reports/figuresService.ts';
import { ReferenceRepository } from '../../renderer/reference/repository.ts';
import { SubjectRepository } from '../../renderer/subjects/repository.ts';
import { readStoredIndex } from '../../renderer/subjects/subjectIndexStore.ts';
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

/** The app's credit-record repository on a profile (its kept totals count and keep records in force). */
function creditRecordsOf(profile: Awaited<ReturnType<typeof open>>, reference: ReferenceRepository) {
  return new CreditRecordRepository(profile.db.creditRecords, profile.local, reference, profile.context, {
    attachments: new AttachmentStore(profile.local, profile.context.personalData, profile.context.clock),
    journal: new WriteJournal(profile.db, profile.local, profile.context),
  });
}

/** Every stored record read once (no index, no kept total): records in force, and by category in the period. */
async function readEveryRecord(profile: Awaited<ReturnType<typeof open>>) {
  const table = await dexieTableOf(profile.db.creditRecords);
  const byCategory: Record<string, number> = {};
  let records = 0;
  await table.each((stored) => {
    // RxDB stores `_deleted` as '0' / '1' in IndexedDB.
    const record = stored as unknown as CreditRecordDocument & { _deleted: string };
    if (record._deleted !== '0' || record.status !== inForceStatus) return;
    records++;
    if (record.decisionDate >= period.from && record.decisionDate <= period.to) {
      byCategory[record.category] = (byCategory[record.category] ?? 0) + 1;
    }
  });
  return { records, byCategory };
}

function sameRecordCounts(
  counts: FigureCounts,
  read: { records: number; byCategory: Record<string, number> },
) {
  if (counts.records !== read.records)
    throw new Error(`records in force: ${counts.records} ≠ ${read.records}`);
  for (const [category, count] of Object.entries(counts.recordsByCategory)) {
    if ((read.byCategory[category] ?? 0) !== count) {
      throw new Error(`${category}: ${count} ≠ ${read.byCategory[category] ?? 0}`);
    }
  }
}

async function run(): Promise<Record<string, number>> {
  const generated = await generate();

  // Once per device after changes it did not see: the kept totals are counted and stored.
  const counting = await open();
  const countingReference = await ReferenceRepository.open(counting.db.reference);
  const counted = creditRecordsOf(counting, countingReference);
  const [, keptCountMs] = await timed(() => counted.loadCounts());
  await Promise.all([counted.tally.flush(), counted.inForce.flush()]);
  // The subject index is built and stored too, as the app does in its first session.
  const indexing = await SubjectRepository.open(counting.db.subjects, counting.local, counting.context);
  const [, subjectIndexMs] = await timed(() => indexing.indexed);
  const [, subjectCountMs] = await timed(() => indexing.counts.load());
  await indexing.counts.flush();
  while (!(await readStoredIndex(counting.local, counting.context.personalData))) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await counting.close();

  // Start-up: the profile, the subject and credit-record repositories open; the figures are read.
  const startup = performance.now();
  const profile = await open();
  const reference = await ReferenceRepository.open(profile.db.reference);
  const subjects = await SubjectRepository.open(profile.db.subjects, profile.local, profile.context);
  const creditRecords = creditRecordsOf(profile, reference);
  await creditRecords.loadCounts();
  const openMs = performance.now() - startup;
  if (!creditRecords.inForce.ready) throw new Error('the kept totals were not restored');
  const pending = { listings: null as ListingRepository | null };
  const figures = new FiguresService({
    db: profile.db,
    creditRecords,
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
  const [, inForceMs] = await timed(() => figures.records());
  const [, categoryMs] = await timed(() => figures.recordsByCategory(period));
  const [, subjectListMs] = await timed(() => subjects.list({ limit: 0 }));
  const [, againMs] = await timed(() => figures.counts(period));

  // With BENCH_FIGURES_GRADES=1: the grade cache (every subject graded once, the lists' own start-up
  // work; minutes at 10,000 subjects on a busy machine) and the industry table it feeds.
  let gradeCacheMs = Number.NaN;
  let industryGradeMs = Number.NaN;
  if (parameters.get('grades') === '1') {
    const [listings, cacheMs] = await timed(async () => {
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
    gradeCacheMs = cacheMs;
    [, industryGradeMs] = await timed(() => figures.industryGrade());
  }

  // Baseline: read every stored record and count in memory; the figures must agree with it.
  const [baseline, baselineMs] = await timed(() => readEveryRecord(profile));
  sameRecordCounts(counts, baseline);

  // One record in force in the period is revoked: its change event adjusts the figures (the page's path).
  const [one] = await profile.db.creditRecords
    .find({
      selector: { status: inForceStatus, decisionDate: { $gte: period.from, $lte: period.to } },
      limit: 1,
    })
    .exec();
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
  const category = one!.category;
  sameRecordCounts(updated, {
    records: baseline.records - 1,
    byCategory: { ...baseline.byCategory, [category]: (baseline.byCategory[category] ?? 0) - 1 },
  });
  const [reread, rereadMs] = await timed(() => figures.counts(period));
  sameRecordCounts(reread, {
    records: updated.records,
    byCategory: updated.recordsByCategory as Record<string, number>,
  });
  await profile.close();
  return {
    ...generated,
    subjects: subjectCount,
    records: recordCount,
    inForce: counts.records,
    keptCountMs,
    subjectIndexMs,
    subjectCountMs,
    openMs,
    countsMs,
    firstFiguresMs,
    inForceMs,
    categoryMs,
    subjectListMs,
    againMs,
    gradeCacheMs,
    industryGradeMs,
    baselineMs,
    incrementalMs,
    rereadMs,
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
