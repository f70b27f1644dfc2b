import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import { defaultTemplateFor } from './checklists.ts';
import {
  escalationProposal,
  hasRaisedRisk,
  isOverdue,
  orderFor,
  type RectificationOrder,
  rectificationDeadline,
  reinspectionStep,
  withReinspectionBounds,
} from './rectification.ts';
import type { Finding } from './record.ts';
import { rectificationWorkflow, takeStep } from './workflows.ts';

const { calendar } = buildWorkdayCalendar();
const inspector = { userId: 'i1', roles: ['inspector'] as const };
const at = '2026-10-20T08:00:00.000Z';

const finding: Finding = {
  id: 'f1',
  itemCode: 'SG-03',
  severity: 'critical',
  description: '高支模未按专项方案搭设',
  rectifyBy: '2026-10-10',
  photos: [],
};
const ids = { id: 'o1', inspectionId: 'ins1', subjectId: 's1', createdBy: 'i1' };

function issued(): RectificationOrder {
  const made = orderFor(ids, finding, defaultTemplateFor('construction'), '2026-09-30', calendar);
  if (!made.ok) throw new Error('order refused');
  return made.value.order;
}

describe('rectification deadlines', () => {
  it('count working days over the National Day holiday, make-up Saturday included', () => {
    // Critical: 3 working days. 10-01…10-07 are holidays; Saturday 10-10 is a make-up working day.
    expect(issued().deadline).toBe('2026-10-10');
    expect(issued().catalogCode).toBe('JZ-FX-02');
  });

  it('refuse a number of days outside the limits and a malformed date', () => {
    const result = rectificationDeadline('2026-13-01', 0, calendar);
    expect(result.ok ? [] : result.issues.map((found) => found.code)).toEqual([
      'dateFormat',
      'inspection.rectification.days',
    ]);
  });

  it('make an open order overdue after its deadline only', () => {
    const order = issued();
    expect(isOverdue(order, '2026-10-10')).toBe(false);
    expect(isOverdue(order, '2026-10-11')).toBe(true);
    expect(isOverdue({ ...order, state: 'rectified' }, '2026-10-11')).toBe(false);
  });
});

describe('re-inspection and escalation', () => {
  it('closes a rectified order', () => {
    const order = withReinspectionBounds(issued(), '2026-10-20');
    const done = takeStep(
      rectificationWorkflow,
      order,
      { action: reinspectionStep(true), date: '2026-10-12' },
      inspector,
      at,
    );
    expect(done.ok && done.value.state).toBe('rectified');
  });

  it('refuses a re-inspection dated in the future or before the order', () => {
    const order = withReinspectionBounds(issued(), '2026-10-20');
    for (const date of ['2026-10-21', '2026-09-29']) {
      const step = takeStep(rectificationWorkflow, order, { action: 'confirm', date }, inspector, at);
      expect(step.ok).toBe(false);
    }
  });

  it('escalates with a reason and proposes the credit record the item maps to, linked to the finding', () => {
    const order = withReinspectionBounds(issued(), '2026-10-20');
    expect(
      takeStep(rectificationWorkflow, order, { action: 'escalate', date: '2026-10-12' }, inspector, at).ok,
    ).toBe(false);
    const escalated = takeStep(
      rectificationWorkflow,
      order,
      { action: reinspectionStep(false), date: '2026-10-12', note: '复查仍未整改' },
      inspector,
      at,
    );
    if (!escalated.ok) throw new Error('escalation refused');
    const proposal = escalationProposal(escalated.value, finding, defaultCatalog);
    expect(proposal).toEqual({
      ok: true,
      value: {
        kind: 'riskWarning',
        findingId: 'f1',
        record: expect.objectContaining({
          subjectId: 's1',
          catalogCode: 'JZ-FX-02',
          category: 'riskWarning',
          source: 'inspection',
          sourceId: 'ins1',
          status: 'draft',
          facts: '高支模未按专项方案搭设\n复查仍未整改',
        }),
      },
    });
  });

  it('proposes a dishonesty record when the item maps to one, and nothing for an open order', () => {
    const order = { ...issued(), catalogCode: 'JZ-YB-01', state: 'escalated' as const };
    const proposal = escalationProposal(order, finding, defaultCatalog);
    expect(proposal.ok && proposal.value.kind).toBe('dishonest');
    const open = escalationProposal(issued(), finding, defaultCatalog);
    expect(open.ok ? [] : open.issues.map((found) => found.code)).toEqual([
      'inspection.rectification.notEscalated',
    ]);
    const positive = escalationProposal({ ...order, catalogCode: 'JZ-ZX-01' }, finding, defaultCatalog);
    expect(positive.ok ? [] : positive.issues.map((found) => found.code)).toEqual([
      'inspection.rectification.notNegative',
    ]);
  });
});

describe('raised risk', () => {
  const warning = { category: 'riskWarning', status: 'approved' as const, publicityEnd: '2026-10-31' };
  it('counts an approved risk warning still public, or an overdue open order', () => {
    expect(hasRaisedRisk([warning], [], '2026-10-31')).toBe(true);
    expect(hasRaisedRisk([{ ...warning, publicityEnd: '2026-10-30' }], [], '2026-10-31')).toBe(false);
    expect(hasRaisedRisk([{ ...warning, status: 'draft' }], [], '2026-10-01')).toBe(false);
    expect(hasRaisedRisk([{ ...warning, category: 'generalDishonest' }], [], '2026-10-01')).toBe(false);
    expect(hasRaisedRisk([], [issued()], '2026-10-11')).toBe(true);
    expect(hasRaisedRisk([], [issued()], '2026-10-10')).toBe(false);
  });
});
