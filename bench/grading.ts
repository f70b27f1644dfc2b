// Grading benchmark (not a test): `npx node bench/grading.ts` [BENCH_GRADING_SUBJECTS=100000]
// [BENCH_GRADING_RECORDS_PER_SUBJECT=10]. Grades every subject from its credit file (full recomputation),
// then recomputes one subject after one of its records is repaired (incremental). The baseline, measured
// in the same run, is one plain pass over the same records summing category points: the least work any
// full recomputation must do.
import { addDays } from '../shared/domain/credit/dates.ts';
import { type CreditFile, type GradedRecord, gradeSubject } from '../shared/grading/grade.ts';
import { defaultGradingModel } from '../shared/grading/publishedModels.ts';
import type { WorkflowEntry } from '../shared/model/creditRecord.ts';

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
const byId = new Map(files.map((file) => [file.subjectId, file]));

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
const grades = new Map<string, string>();
for (const file of files) grades.set(file.subjectId, gradeSubject(file, model, asOf).grade);
const fullMs = performance.now() - start;

// One record of one subject is repaired today: only that subject's grade is recomputed.
start = performance.now();
const changed = byId.get(`s${Math.floor(subjects / 2)}`)!;
const target = changed.records[0]!;
const repaired: GradedRecord = {
  ...target,
  status: 'repaired',
  workflow: [...target.workflow, { action: 'repair', by: 'reviewer', at: `${asOf}T02:00:00Z`, note: '' }],
};
const updated = { ...changed, records: [repaired, ...changed.records.slice(1)] };
byId.set(updated.subjectId, updated);
grades.set(updated.subjectId, gradeSubject(updated, model, asOf).grade);
const incrementalMs = performance.now() - start;

const distribution = [...grades.values()].reduce<Record<string, number>>((counts, grade) => {
  counts[grade] = (counts[grade] ?? 0) + 1;
  return counts;
}, {});
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
console.log(
  `${subjects.toLocaleString('en')} subjects, ${generated.toLocaleString('en')} records (checksum ${checksum})`,
);
console.log(`grades: ${JSON.stringify(distribution)}`);
console.log(`baseline pass:            ${ms(baselineMs)}`);
console.log(
  `full recomputation:       ${ms(fullMs)} (${(fullMs / baselineMs).toFixed(1)}× baseline; target < ${ms(fullTargetMs)}) ${fullMs < fullTargetMs ? 'ok' : 'MISSED'}`,
);
console.log(
  `incremental, one record:  ${ms(incrementalMs)} (${(incrementalMs / (fullMs / subjects)).toFixed(1)}× one subject of the full pass; target < ${ms(incrementalTargetMs)}) ${incrementalMs < incrementalTargetMs ? 'ok' : 'MISSED'}`,
);
