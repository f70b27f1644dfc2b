import { describe, expect, it } from 'vitest';
import { addDays } from '../base/calendar/dates.ts';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import type { InspectionDocument, StoredOrder } from './document.ts';
import { indexFieldIssues, indexFieldsOf, latestLateClosing, withIndexFields } from './indexFields.ts';
import { isPublicityLate } from './publicity.ts';

const { calendar } = buildWorkdayCalendar();
const step = (action: 'close' | 'publish' | 'submit', at: string, date = '') => ({
  action,
  by: 'r',
  at,
  note: action === 'publish' ? '门户网站' : '',
  date,
});
const order = (deadline: string, state: StoredOrder['state'] = 'open') =>
  ({ findingId: deadline, deadline, state }) as StoredOrder;

function inspection(overrides: Partial<InspectionDocument>): InspectionDocument {
  return {
    kind: 'inspection',
    state: 'closed',
    endedAt: '2026-10-30T03:00:00.000Z',
    // 17:00 UTC on 10-31 is already 11-01 in China.
    steps: [step('submit', '2026-10-30T04:00:00.000Z'), step('close', '2026-10-31T17:00:00.000Z')],
    rectifications: [],
    ...overrides,
  } as InspectionDocument;
}

describe('the derived index fields', () => {
  it('take the earliest open and earliest of all deadlines, the month done and the unpublished closing day', () => {
    const doc = inspection({
      rectifications: [order('2026-11-20'), order('2026-11-05', 'rectified'), order('2026-11-12')],
    });
    expect(indexFieldsOf(doc)).toEqual({
      openDeadline: '2026-11-12',
      firstDeadline: '2026-11-05',
      doneMonth: '2026-10',
      unpublishedSince: '2026-11-01',
    });
  });

  it('are empty for what has none: no orders, every order closed, a draft, a published result', () => {
    expect(indexFieldsOf(inspection({}))).toMatchObject({ openDeadline: '', firstDeadline: '' });
    expect(indexFieldsOf(inspection({ rectifications: [order('2026-11-05', 'escalated')] }))).toMatchObject({
      openDeadline: '',
      firstDeadline: '2026-11-05',
    });
    expect(indexFieldsOf(inspection({ state: 'draft', steps: [] }))).toEqual({
      openDeadline: '',
      firstDeadline: '',
      doneMonth: '',
      unpublishedSince: '',
    });
    const published = inspection({});
    published.steps = [...published.steps, step('publish', '2026-11-03T02:00:00.000Z', '2026-11-03')];
    expect(indexFieldsOf(published).unpublishedSince).toBe('');
    expect(indexFieldsOf(inspection({ state: 'submitted', steps: [] }))).toMatchObject({
      doneMonth: '2026-10',
      unpublishedSince: '',
    });
  });

  it('are empty for the other kinds of the collection', () => {
    expect(indexFieldsOf({ kind: 'plan', state: 'closed' } as never)).toEqual({
      openDeadline: '',
      firstDeadline: '',
      doneMonth: '',
      unpublishedSince: '',
    });
  });

  it('are judged against the content: a field that disagrees is named with the value it should have', () => {
    const doc = withIndexFields(inspection({ rectifications: [order('2026-11-12')] }));
    expect(indexFieldIssues(doc as never)).toEqual([]);
    expect(indexFieldIssues({ ...doc, openDeadline: '2099-01-01' } as never)).toEqual([
      {
        field: 'openDeadline',
        code: 'inspection.indexField',
        params: { field: 'openDeadline', expected: '2026-11-12' },
      },
    ]);
    expect(indexFieldIssues({ ...doc, unpublishedSince: '' } as never).map((found) => found.field)).toEqual([
      'unpublishedSince',
    ]);
  });
});

describe('the latest late closing day', () => {
  it('splits closing days exactly as isPublicityLate does, over holidays and for several deadlines', () => {
    for (const today of ['2026-10-09', '2026-11-20', '2027-01-04', '2026-02-24']) {
      for (const days of [1, 5, 20, 60]) {
        const cutoff = latestLateClosing(today, calendar, days);
        for (let back = 0; back < 140; back++) {
          const closed = addDays(today, -back);
          const doc = inspection({ steps: [step('close', `${closed}T02:00:00.000Z`)] });
          expect(closed <= cutoff, `${today} ${days} ${closed}`).toBe(
            isPublicityLate(doc, today, calendar, days),
          );
        }
      }
    }
  });
});
