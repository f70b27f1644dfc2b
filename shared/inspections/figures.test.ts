import { describe, expect, it } from 'vitest';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import type { InspectionDocument, PlanDocument } from './document.ts';
import { inspectionFigures, isDrawnThisMonth, planAssignments } from './figures.ts';
import { ordersOnClose } from './orders.ts';

const { calendar } = buildWorkdayCalendar();
const closeStep = (at: string) => ({ action: 'close' as const, by: 'r', at, note: '', date: '' });

function inspection(overrides: Partial<InspectionDocument>): InspectionDocument {
  return {
    state: 'closed',
    endedAt: '2026-09-30T03:00:00.000Z',
    steps: [closeStep('2026-09-30T08:00:00.000Z')],
    rectifications: [],
    ...overrides,
  } as InspectionDocument;
}

describe('inspection figures', () => {
  it('count plans drawn this month (China time) and their assignments done', () => {
    const plan = (id: string, at: string, subjects: string[]) =>
      ({
        id,
        state: 'drawn',
        steps: [{ action: 'draw', by: 'r', at, note: '', date: '' }],
        plan: { draw: { assignments: subjects.map((subjectId) => ({ subjectId, inspectors: ['a', 'b'] })) } },
      }) as unknown as PlanDocument;
    // 16:30 UTC on 10-31 is already November in China.
    const november = plan('p1', '2026-10-31T16:30:00.000Z', ['s1', 's2', 's3']);
    const october = plan('p2', '2026-10-30T08:00:00.000Z', ['s1']);
    expect(isDrawnThisMonth(november, '2026-11-20')).toBe(true);
    expect(isDrawnThisMonth(october, '2026-11-20')).toBe(false);
    expect(isDrawnThisMonth({ ...november, state: 'draft' }, '2026-11-20')).toBe(false);
    const visits = [
      { planId: 'p1', subjectId: 's1', state: 'closed' },
      { planId: 'p1', subjectId: 's2', state: 'draft' },
      { planId: 'p2', subjectId: 's3', state: 'submitted' },
    ] as const;
    expect(planAssignments([november], visits)).toEqual({ assigned: 3, done: 1 });
    expect(planAssignments([november, october], visits)).toEqual({ assigned: 4, done: 1 });
  });

  it('count this month’s inspections, open and overdue orders and late publicity', () => {
    const findings = [
      {
        id: 'f1',
        itemCode: 'SG-03',
        severity: 'critical',
        description: 'x',
        rectifyBy: '2026-10-13',
        photos: [],
      },
      {
        id: 'f2',
        itemCode: 'SG-01',
        severity: 'minor',
        description: 'y',
        rectifyBy: '2026-11-30',
        photos: [],
      },
    ] as InspectionDocument['findings'];
    const withOrders = inspection({
      endedAt: '2026-11-02T03:00:00.000Z',
      steps: [closeStep('2026-11-03T08:00:00.000Z')],
    });
    withOrders.rectifications = ordersOnClose({
      ...withOrders,
      findings,
      startedAt: '2026-11-02T01:00:00.000Z',
      templateIndustry: 'construction',
      createdBy: 'i',
    });
    const docs = [
      withOrders,
      inspection({}),
      inspection({ state: 'draft', endedAt: '2026-11-04T03:00:00.000Z', steps: [] }),
    ];
    expect(inspectionFigures(docs, [], '2026-11-20', calendar)).toEqual({
      plansDrawn: 0,
      assigned: 0,
      assignedDone: 0,
      doneThisMonth: 1,
      openRectifications: 2,
      overdueRectifications: 1,
      latePublicity: 1,
    });
  });
});
