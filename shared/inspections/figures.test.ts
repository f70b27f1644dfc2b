import { describe, expect, it } from 'vitest';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import type { InspectionDocument } from './document.ts';
import { inspectionFigures, isPublicityLate } from './figures.ts';
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
  it('find the publication late 20 working days after closing, counting the National Day holiday', () => {
    const closed = inspection({});
    // 09-30 + 20 working days, the National Day week not counted: due by 11-03.
    expect(isPublicityLate(closed, '', '2026-11-03', calendar)).toBe(false);
    expect(isPublicityLate(closed, '', '2026-11-04', calendar)).toBe(true);
    expect(isPublicityLate(closed, '2026-10-20', '2026-11-04', calendar)).toBe(false);
    expect(isPublicityLate({ ...closed, state: 'submitted' }, '', '2026-12-31', calendar)).toBe(false);
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
    expect(inspectionFigures(docs, '2026-11-20', calendar)).toEqual({
      doneThisMonth: 1,
      openRectifications: 2,
      overdueRectifications: 1,
      latePublicity: 1,
    });
  });
});
