import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settingState } from './countySetting.ts';
import {
  type DeclarationFacts,
  declarationStates,
  declaredConflicts,
  declarerIssues,
  ignoredDeclarations,
  inForceAt,
  validateDeclaration,
} from './declarations.ts';
import { drawPlan, maxSeed } from './draw.ts';
import { candidateOf, planStates } from './plan.ts';
import { projectState } from './project.ts';
import { inspectionStates } from './workflows.ts';

const inspectors = ['i0', 'i1', 'i2', 'i3', 'i4'];
const codes = (found: { field: string; code: string }[]) => found.map((x) => `${x.field}:${x.code}`);

function declaration(subjectId: string, inspectorId: string, at: string, withdrawnAt = ''): DeclarationFacts {
  return {
    subjectId,
    state: withdrawnAt ? 'withdrawn' : 'declared',
    startedAt: at,
    conflict: { inspectorId, reason: '配偶任该公司项目经理' },
    steps: withdrawnAt ? [{ action: 'withdraw', at: withdrawnAt }] : [],
  };
}

describe('a declared conflict of interest', () => {
  it('needs a subject, an inspector and a reason, and is declared once', () => {
    expect(validateDeclaration({ subjectId: 's1', inspectorId: 'i1', reason: ' 亲属关系 ' })).toEqual({
      ok: true,
      value: { subjectId: 's1', inspectorId: 'i1', reason: '亲属关系' },
    });
    const empty = validateDeclaration({ subjectId: '', inspectorId: '', reason: '  ' });
    expect(empty.ok ? [] : codes(empty.issues)).toEqual([
      'subjectId:required',
      'inspectorId:required',
      'reason:required',
    ]);
    const twice = validateDeclaration({ subjectId: 's1', inspectorId: 'i1', reason: '亲属' }, [
      { subjectId: 's1', inspectorId: 'i1' },
    ]);
    expect(twice.ok ? [] : codes(twice.issues)).toEqual(['inspectorId:inspection.conflict.alreadyDeclared']);
  });

  it('has states no other kind of the inspections collection has (its list pages by state alone)', () => {
    const others = [...inspectionStates, ...planStates, projectState, settingState];
    expect(declarationStates.filter((state) => (others as string[]).includes(state))).toEqual([]);
  });

  it('is declared by the inspector himself or by an administrator', () => {
    expect(declarerIssues('i1', { userId: 'i1', roles: ['inspector'] })).toEqual([]);
    expect(declarerIssues('i1', { userId: 'a1', roles: ['countyAdmin'] })).toEqual([]);
    expect(codes(declarerIssues('i1', { userId: 'i2', roles: ['inspector'] }))).toEqual([
      'inspectorId:inspection.conflict.forOthers',
    ]);
  });

  it('is in force from its declaration until its withdrawal', () => {
    const withdrawn = declaration('s1', 'i1', '2026-03-01T00:00:00Z', '2026-03-10T00:00:00Z');
    expect(inForceAt(withdrawn, '2026-02-28T00:00:00Z')).toBe(false);
    expect(inForceAt(withdrawn, '2026-03-05T00:00:00Z')).toBe(true);
    expect(inForceAt(withdrawn, '2026-03-11T00:00:00Z')).toBe(false);
    const all = [withdrawn, declaration('s1', 'i2', '2026-03-02T00:00:00Z')];
    expect(declaredConflicts(all, '2026-03-05T00:00:00Z').get('s1')).toEqual(['i1', 'i2']);
    expect(declaredConflicts(all, '2026-03-11T00:00:00Z').get('s1')).toEqual(['i2']);
  });

  it('keeps the declared inspector out of the draw, and the platform refuses a draw that did not', () => {
    const subject = fc.record({
      id: fc.uuid(),
      declared: fc.subarray(inspectors),
      contacts: fc.subarray(inspectors, { maxLength: 1 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(subject, { selector: (s) => s.id, minLength: 1, maxLength: 30 }),
        fc.subarray(inspectors, { minLength: 2 }),
        fc.integer({ min: 0, max: maxSeed }),
        (subjects, pool, seed) => {
          const declarations = subjects.flatMap((s) =>
            s.declared.map((inspector) => declaration(s.id, inspector, '2026-03-01T00:00:00Z')),
          );
          const inForce = declaredConflicts(declarations, '2026-03-05T00:00:00Z');
          const candidates = subjects.map((s) =>
            candidateOf({
              subject: { id: s.id, industry: 'construction', status: 'active' },
              projectIds: [],
              grade: null,
              raised: false,
              declared: inForce.get(s.id) ?? [],
              contacts: s.contacts,
              lastInspectors: [],
            }),
          );
          const plan = {
            scope: { industries: ['construction' as const], statuses: [], projectIds: [] },
            ratios: { grades: {}, ungraded: 100, raised: 100 },
            inspectorPool: pool,
            seed,
          };
          const { assignments, unstaffed } = drawPlan(plan, candidates);
          for (const assignment of assignments) {
            const declared = subjects.find((s) => s.id === assignment.subjectId)!.declared;
            expect(assignment.inspectors.filter((inspector) => declared.includes(inspector))).toEqual([]);
          }
          expect(assignments.length + unstaffed.length).toBe(subjects.length);
          expect(ignoredDeclarations(candidates, declarations, '2026-03-05T00:00:00Z')).toEqual([]);
          const forgetful = candidates.map((candidate) => ({ ...candidate, conflicts: [] }));
          const ignored = ignoredDeclarations(forgetful, declarations, '2026-03-05T00:00:00Z');
          expect(ignored.length).toBe(subjects.filter((s) => s.declared.length > 0).length);
          // Declarations made after the draw do not count against it.
          expect(ignoredDeclarations(forgetful, declarations, '2026-02-01T00:00:00Z')).toEqual([]);
        },
      ),
    );
  });
});
