import { describe, expect, it } from 'vitest';
import { assignmentIssues } from './assignment.ts';

const plan = {
  state: 'drawn' as const,
  plan: {
    draw: {
      assignments: [{ subjectId: 's1', bucket: 'ungraded', inspectors: ['a', 'b'] as [string, string] }],
    },
  },
} as Parameters<typeof assignmentIssues>[2];
const visit = { planId: 'p1', subjectId: 's1', inspectors: ['b', 'a'] };
const codes = (found: { code: string }[]) => found.map((issue) => issue.code);

describe('an inspection under a plan', () => {
  it('is the drawn subject visited by its drawn pair, in either order', () => {
    expect(assignmentIssues(visit, null, plan)).toEqual([]);
    expect(assignmentIssues({ ...visit, planId: '' }, null, null)).toEqual([]);
  });

  it('refuses another subject, another pair, a third inspector and a plan not drawn', () => {
    expect(codes(assignmentIssues({ ...visit, subjectId: 's2' }, null, plan))).toEqual([
      'inspection.plan.subjectNotDrawn',
    ]);
    expect(codes(assignmentIssues({ ...visit, inspectors: ['a', 'c'] }, null, plan))).toEqual([
      'inspection.plan.inspectorsNotDrawn',
    ]);
    expect(codes(assignmentIssues({ ...visit, inspectors: ['a', 'b', 'c'] }, null, plan))).toEqual([
      'inspection.plan.inspectorsNotDrawn',
    ]);
    expect(codes(assignmentIssues(visit, null, null))).toEqual(['inspection.plan.unknown']);
    expect(codes(assignmentIssues(visit, null, { ...plan!, state: 'draft' }))).toEqual([
      'inspection.plan.unknown',
    ]);
  });

  it('is judged again only when its plan, subject or inspectors change', () => {
    expect(assignmentIssues(visit, visit, null)).toEqual([]);
    expect(codes(assignmentIssues({ ...visit, inspectors: ['a', 'c'] }, visit, plan))).toEqual([
      'inspection.plan.inspectorsNotDrawn',
    ]);
  });
});
