// Grading benchmark (not a test): `npx node bench/grading.ts` [BENCH_GRADING_SUBJECTS=100000]
// [BENCH_GRADING_RECORDS_PER_SUBJECT=10]. Measures the app's grade cache (renderer/lists/gradeCache.ts):
// loading every subject's credit file and grading all of them (full recomputation), then one record
// repaired arriving as a change (incremental: only its subject is regraded). The baseline, measured in the
// same run, is one plain pass over the same records summing category points: the least work any full
// recomputation must do.
import { addDays } from '../shared/base/calendar/dates.ts';
import type { CreditFile, GradedRecord } from '../shared/grading/grade.ts';
import { defaultGradingModel } from '../shared/grading/publishedModels.ts';
import type { CreditRecordDocument, WorkflowEntry } from '../shared/creditRecords/model.ts';
import { GradeCache } from '../renderer/lists/gradeCache.ts';

const subjects = Number(process.env.BENCH_GRADING_SUBJECTS ?? 100_000);
const perSubject = Number(process.env.BENCH_GRADING_RECORDS_PER_SUBJECT ?? 10);
const fullTargetMs = 30_000;
const incrementalTargetMs = 50;
const asOf = '2026-12-01';
const model = defaultGradingModel('construction');
const categories = [
  'enhancing',
  'generalDishonest',
  'generalDishonest',
  'seriousDishonest',
  'riskWarning',
  'basic',
];

/** Deterministic pseudo-random numbers (mulberry32), so every run grades the same files. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Records of one publicity start share one (immutable) workflow, as records keep theirs unchanged.
const workflows = new Map<string, WorkflowEntry[]>();
function approvedOn(date: string): WorkflowEntry[] {
  let workflow = workflows.get(date);
  if (!workflow) {
    workflow = [
      { action: 'submit', by: 'clerk', at: `${date}T01:00:00Z`, note: '' },
      { action: 'approve', by: 'reviewer', at: `${date}T02:00:00Z`, note: '' },
    ];
    workflows.set(date, workflow);
  }
  return workflow;
}

const next = random(14);
const files: CreditFile[] = [];
let generated = 0;
for (let s = 0; s < subjects; s++) {
  const records: GradedRecord[] = [];
  for (let r = 0; r < perSubject; r++) {
    const start = addDays('2024-01-01', Math.floor(next() * 1_060));
    records.push({
      id: `r${generated++}`,
      catalogCode: '',
      category: categories[Math.floor(next() * categories.length)]!,
      status: 'approved',
      decisionDate: start,
      publicityStart: start,
      publicityEnd: addDays(start, 90 + Math.floor(next() * 1_000)),
      workflow: approvedOn(start),
    });
  }
  files.push({ subjectId: `s${s}`, enrolled: true, records });
}
/** The cache holds stored records; the fields grading does not read are left out here. */
const stored = (record: GradedRecord, subjectId: string) =>
  ({ ...record, subjectId }) as unknown as CreditRecordDocument;
const allRecords = files.flatMap((file) => file.records.map((record) => stored(record, file.subjectId)));
const cache = new GradeCache(() => asOf, [model]);

const points = new Map<string, number>(
  model.items.filter((item) => item.category).map((item) => [item.category!, item.points]),
);
let start = performance.now();
let checksum = 0;
for (const file of files) {
  let score = model.baseScore;
  for (const record of file.records) score += points.get(record.category) ?? 0;
  checksum += score;
}
const baselineMs = performance.now() - start;

start = performance.now();
// The app's own path: everything taken in one batch, graded in slices without pauses.
await cache.loadGradually(
  async (take) =>
    take({
      subjects: files.map((file) => ({
        subjectId: file.subjectId,
        industry: 'construction',
        subjectKey: '',
      })),
      records: allRecords,
      listings: [],
      city: [],
    }),
  Number.POSITIVE_INFINITY,
);
const fullMs = performance.now() - start;

// One record of one subject is repaired today and arrives as a change: only its subject is regraded.
const changedId = `s${Math.floor(subjects / 2)}`;
const target = files[Math.floor(subjects / 2)]!.records[0]!;
const before = cache.gradeOf(changedId)!.score;
start = performance.now();
cache.putRecord(
  stored(
    {
      ...target,
      status: 'repaired',
      workflow: [...target.workflow, { action: 'repair', by: 'reviewer', at: `${asOf}T02:00:00Z`, note: '' }],
    },
    changedId,
  ),
);
const after = cache.gradeOf(changedId)!.score;
const incrementalMs = performance.now() - start;

const distribution = Object.fromEntries(
  [...cache.byGrade()].map(([grade, members]) => [grade, members.length]),
);
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
console.log(
  `${subjects.toLocaleString('en')} subjects, ${generated.toLocaleString('en')} records (checksum ${checksum})`,
);
console.log(`grades: ${JSON.stringify(distribution)}; repaired subject ${before} → ${after} points`);
console.log(`baseline pass:            ${ms(baselineMs)}`);
console.log(
  `full recomputation:       ${ms(fullMs)} (${(fullMs / baselineMs).toFixed(1)}× baseline; target < ${ms(fullTargetMs)}) ${fullMs < fullTargetMs ? 'ok' : 'MISSED'}`,
);
console.log(
  `incremental, one record:  ${ms(incrementalMs)} (${(incrementalMs / (fullMs / subjects)).toFixed(1)}× one subject of the full pass; target < ${ms(incrementalTargetMs)}) ${incrementalMs < incrementalTargetMs ? 'ok' : 'MISSED'}`,
);
