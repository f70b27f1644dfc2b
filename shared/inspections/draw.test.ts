import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  conflictsOf,
  type DrawCandidate,
  type DrawPlan,
  defaultDrawRatios,
  drawPlan,
  inScope,
  maxSeed,
  sampleSize,
  validateDrawPlan,
} from './draw.ts';

const inspectors = ['i0', 'i1', 'i2', 'i3', 'i4'];
const grades = ['AAA', 'AA', 'A', 'B', 'C', 'D'];

const candidate = fc.record({
  subjectId: fc.uuid(),
  industry: fc.constantFrom('construction', 'propertyServices'),
  status: fc.constantFrom('active', 'suspended'),
  projectIds: fc.subarray(['p1', 'p2']),
  grade: fc.option(fc.constantFrom(...grades), { nil: null }),
  raised: fc.boolean(),
  conflicts: fc.subarray(inspectors),
}) as fc.Arbitrary<DrawCandidate>;

/** Random ratios per grade (one grade name the plan does not know), raised at least as high as any. */
const percent = fc.integer({ min: 0, max: 100 });
const ratios = fc
  .record({
    grades: fc.record({ AAA: percent, AA: percent, A: percent, B: percent, C: percent }),
    ungraded: percent,
  })
  .chain(({ grades, ungraded }) =>
    fc
      .integer({ min: Math.max(ungraded, ...Object.values(grades)), max: 100 })
      .map((raised) => ({ grades, ungraded, raised })),
  );

const plan = fc.record({
  scope: fc.record({
    industries: fc.subarray(['construction', 'propertyServices'] as const, { minLength: 1 }),
    statuses: fc.subarray(['active', 'suspended'] as const),
    projectIds: fc.subarray(['p1', 'p2']),
  }),
  ratios: ratios,
  inspectorPool: fc.subarray(inspectors, { minLength: 2 }),
  seed: fc.integer({ min: 0, max: maxSeed }),
}) as fc.Arbitrary<DrawPlan>;

const subjects = fc.uniqueArray(candidate, { selector: (c) => c.subjectId, maxLength: 40 });

describe('the 双随机 draw', () => {
  it('gives the same result from the same seed and inputs, whatever their order', () => {
    fc.assert(
      fc.property(plan, subjects, (p, list) => {
        const again = drawPlan({ ...p, inspectorPool: [...p.inspectorPool].reverse() }, [...list].reverse());
        expect(again).toEqual(drawPlan(p, list));
      }),
    );
  });

  it('draws ceil(population × percent / 100) of each bucket, only subjects in scope', () => {
    fc.assert(
      fc.property(plan, subjects, (p, list) => {
        const result = drawPlan(p, list);
        const inside = list.filter((c) => inScope(p.scope, c));
        for (const { bucket, population, drawn } of result.buckets) {
          const members = inside.filter((c) => bucketOf(p.ratios, c) === bucket);
          expect(population).toBe(members.length);
          const percent =
            bucket === 'raised'
              ? p.ratios.raised
              : bucket === 'ungraded'
                ? p.ratios.ungraded
                : p.ratios.grades[bucket]!;
          expect(drawn).toBe(sampleSize(members.length, percent));
        }
        const drawnIds = [...result.assignments.map((a) => a.subjectId), ...result.unstaffed];
        expect(new Set(drawnIds).size).toBe(drawnIds.length);
        for (const id of drawnIds) expect(inside.some((c) => c.subjectId === id)).toBe(true);
      }),
    );
  });

  it('sends two different inspectors from the pool, neither with a conflict', () => {
    fc.assert(
      fc.property(plan, subjects, (p, list) => {
        const result = drawPlan(p, list);
        for (const {
          subjectId,
          inspectors: [a, b],
        } of result.assignments) {
          const subject = list.find((c) => c.subjectId === subjectId)!;
          expect(a).not.toBe(b);
          expect(p.inspectorPool).toContain(a);
          expect(p.inspectorPool).toContain(b);
          expect(subject.conflicts).not.toContain(a);
          expect(subject.conflicts).not.toContain(b);
        }
        for (const subjectId of result.unstaffed) {
          const subject = list.find((c) => c.subjectId === subjectId)!;
          const free = new Set(p.inspectorPool.filter((i) => !subject.conflicts.includes(i)));
          expect(free.size).toBeLessThan(2);
        }
      }),
    );
  });

  it('draws differently from another seed', () => {
    const many: DrawCandidate[] = Array.from({ length: 100 }, (_, n) => ({
      subjectId: `s${String(n).padStart(3, '0')}`,
      industry: 'construction',
      status: 'active',
      projectIds: [],
      grade: null,
      raised: false,
      conflicts: [],
    }));
    const base: DrawPlan = {
      scope: { industries: ['construction'], statuses: [], projectIds: [] },
      ratios: defaultDrawRatios,
      inspectorPool: inspectors,
      seed: 1,
    };
    const one = drawPlan(base, many);
    expect(one.assignments).toHaveLength(20);
    expect(drawPlan({ ...base, seed: 2 }, many).assignments).not.toEqual(one.assignments);
  });

  it('rounds up, so a small bucket is still inspected', () => {
    expect(sampleSize(3, 5)).toBe(1);
    expect(sampleSize(0, 50)).toBe(0);
    expect(sampleSize(10, 0)).toBe(0);
    expect(sampleSize(40, 15)).toBe(6);
  });

  it('puts raised subjects in their own bucket and unknown grades with the ungraded', () => {
    const c = { grade: 'A', raised: true } as DrawCandidate;
    expect(bucketOf(defaultDrawRatios, c)).toBe('raised');
    expect(bucketOf(defaultDrawRatios, { ...c, raised: false })).toBe('A');
    expect(bucketOf(defaultDrawRatios, { ...c, raised: false, grade: 'D' })).toBe('ungraded');
  });

  it('refuses a plan it cannot draw, with a code per problem', () => {
    const bad: DrawPlan = {
      scope: { industries: [], statuses: [], projectIds: [] },
      ratios: { grades: { A: 120 }, ungraded: 30, raised: 20 },
      inspectorPool: ['i1', 'i1'],
      seed: -1,
    };
    expect(validateDrawPlan(bad).map((found) => found.code)).toEqual([
      'inspection.plan.scopeEmpty',
      'inspection.plan.ratio',
      'inspection.plan.raisedBelowGrade',
      'inspection.plan.poolTooSmall',
      'inspection.plan.seed',
    ]);
    expect(() => drawPlan(bad, [])).toThrow(RangeError);
  });

  it('excludes declared conflicts, the subject’s contacts and its last inspectors', () => {
    const conflicts = conflictsOf({ declared: ['i3'], contacts: ['i0', 'i3'], lastInspectors: ['i1'] });
    expect(conflicts).toEqual(['i0', 'i1', 'i3']);
    const subject: DrawCandidate = {
      subjectId: 's1',
      industry: 'construction',
      status: 'active',
      projectIds: [],
      grade: null,
      raised: true,
      conflicts,
    };
    const result = drawPlan(
      {
        scope: { industries: ['construction'], statuses: [], projectIds: [] },
        ratios: defaultDrawRatios,
        inspectorPool: inspectors,
        seed: 7,
      },
      [subject],
    );
    expect(result.assignments[0]?.inspectors.slice().sort()).toEqual(['i2', 'i4']);
  });
});
