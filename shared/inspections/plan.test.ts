import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeStep } from '../kit/workflow.ts';
import { type Role, roles } from '../base/security/permissions.ts';
import { checkWritePermission, type KnownUser } from '../sync/writePermissions.ts';
import { type DrawCandidate, defaultDrawRatios, drawPlan } from './draw.ts';
import {
  assignmentsOf,
  drawInputOf,
  type PlanContent,
  planProgress,
  planWorkflow,
  redrawMatches,
  validatePlan,
} from './plan.ts';
import { takeStep } from './workflows.ts';

const candidates: DrawCandidate[] = Array.from({ length: 12 }, (_, index) => ({
  subjectId: `s${String(index).padStart(2, '0')}`,
  industry: 'construction',
  status: 'active',
  projectIds: [],
  grade: null,
  raised: index < 2,
  conflicts: index === 0 ? ['i1'] : [],
}));

function draft(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    name: '2026 年第一季度建筑施工随机抽查',
    scope: { industries: ['construction'], statuses: [], projectIds: [] },
    ratios: defaultDrawRatios,
    inspectorPool: ['i1', 'i2', 'i3'],
    seed: 20260310,
    candidates: [],
    draw: null,
    ...overrides,
  };
}

function drawn(plan: PlanContent): PlanContent {
  return { ...plan, candidates, draw: drawPlan(drawInputOf(plan), candidates) };
}

describe('inspection plans', () => {
  it('accepts a draft and its draw, and re-running the draw gives the same result', () => {
    expect(validatePlan(draft(), 'draft').ok).toBe(true);
    const plan = drawn(draft());
    expect(validatePlan(plan, 'drawn').ok).toBe(true);
    expect(redrawMatches(plan)).toBe(true);
    expect(plan.draw?.assignments.find((a) => a.subjectId === 's00')?.inspectors).not.toContain('i1');
  });

  it('refuses a plan without a pool, with a ratio above 100 % or without a name', () => {
    const bad = validatePlan(
      draft({ name: ' ', inspectorPool: [], ratios: { ...defaultDrawRatios, ungraded: 120 } }),
      'draft',
    );
    expect(bad.ok ? [] : bad.issues.map((found) => `${found.field}:${found.code}`).sort()).toEqual([
      'plan.inspectorPool:inspection.plan.poolTooSmall',
      'plan.name:required',
      'plan.ratios.raised:inspection.plan.raisedBelowGrade',
      'plan.ratios.ungraded:inspection.plan.ratio',
    ]);
  });

  it('refuses a drawn plan whose result differs from what its seed and inputs give', () => {
    const plan = drawn(draft());
    const tampered = { ...plan, seed: plan.seed + 1 };
    expect(redrawMatches(tampered)).toBe(false);
    const checked = validatePlan(tampered, 'drawn');
    expect(checked.ok ? [] : checked.issues.map((found) => found.code)).toEqual([
      'inspection.plan.drawMismatch',
    ]);
    expect(validatePlan({ ...plan, draw: null }, 'drawn').ok).toBe(false);
    expect(validatePlan(plan, 'draft').ok).toBe(false);
  });

  it('counts progress from the inspections that name the plan, and lists an inspector’s assignments', () => {
    const plan = drawn(draft());
    const [first, second] = plan.draw?.assignments ?? [];
    const progress = planProgress('p', plan, [
      { planId: 'p', subjectId: first!.subjectId, state: 'closed' },
      { planId: 'p', subjectId: second!.subjectId, state: 'draft' },
      { planId: 'other', subjectId: 's11', state: 'closed' },
    ]);
    expect(progress).toEqual({ assigned: plan.draw?.assignments.length, started: 2, closed: 1 });
    for (const assignment of assignmentsOf(plan, 'i2')) expect(assignment.inspectors).toContain('i2');
  });
});

describe('device and platform agree on drawing a plan', () => {
  const userIds = ['u0', 'u1', 'u2'] as const;
  it('accept and refuse the same draw for any actor', () => {
    fc.assert(
      fc.property(
        fc.tuple(...userIds.map(() => fc.subarray<Role>([...roles], { minLength: 1 }))),
        fc.integer({ min: 0, max: userIds.length - 1 }),
        fc.integer({ min: 0, max: userIds.length - 1 }),
        fc.boolean(),
        (held, author, actorIndex, drawnAlready) => {
          const known = new Map<string, KnownUser>(
            userIds.map((id, index) => [id, { id, roles: held[index]!, status: 'active' }]),
          );
          const actor = { userId: userIds[actorIndex]!, roles: held[actorIndex]! };
          const at = '2026-03-10T08:00:00.000Z';
          const doc = {
            id: 'p',
            kind: 'plan',
            createdBy: userIds[author]!,
            updatedBy: userIds[author]!,
            state: drawnAlready ? ('drawn' as const) : ('draft' as const),
            steps: drawnAlready
              ? [{ action: 'draw' as const, by: userIds[author]!, at, note: '', date: '' }]
              : [],
          };
          const device = judgeStep(
            planWorkflow,
            { state: doc.state, author: doc.createdBy, steps: doc.steps },
            { action: 'draw', text: '' },
            actor,
          );
          const taken = takeStep(planWorkflow, doc, { action: 'draw' }, actor, at);
          expect(taken.ok).toBe(device.length === 0);
          const pushed = {
            ...doc,
            updatedBy: actor.userId,
            state: 'drawn',
            steps: [...doc.steps, { action: 'draw', by: actor.userId, at, note: '', date: '' }],
          };
          const platform = checkWritePermission('inspections', pushed, doc, (id) => known.get(id));
          expect(platform.length === 0).toBe(device.length === 0);
          if (held[actorIndex]!.every((role) => role === 'inspector'))
            expect(device.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
