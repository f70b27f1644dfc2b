import { describe, expect, it } from 'vitest';
import type { WorkflowEntry } from './model.ts';
import { creditRecordTodos, disclosureTodos, type TodoActor } from './todo.ts';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';

const { calendar } = buildWorkdayCalendar();
const clerk: TodoActor = { userId: 'clerk-1', canReview: false, canEnter: true };
const reviewer: TodoActor = { userId: 'reviewer-1', canReview: true, canEnter: false };
const step = (action: WorkflowEntry['action'], by: string, at: string): WorkflowEntry => ({
  action,
  by,
  at,
  note: '',
});

function record(id: string, overrides: Partial<Parameters<typeof creditRecordTodos>[0][number]>) {
  return {
    id,
    title: `记录 ${id}`,
    status: 'draft' as const,
    workflow: [],
    createdBy: 'clerk-1',
    publicityEnd: '',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('a clerk’s to-do list', () => {
  const records = [
    record('submitted', {
      status: 'submitted',
      workflow: [step('submit', 'clerk-1', '2026-03-02T08:00:00.000Z')],
    }),
    record('returned', {
      workflow: [
        step('submit', 'clerk-1', '2026-03-02T08:00:00Z'),
        step('return', 'reviewer-1', '2026-03-03T08:00:00Z'),
      ],
    }),
    record('othersReturned', {
      createdBy: 'clerk-2',
      workflow: [step('return', 'reviewer-1', '2026-03-03T08:00:00Z')],
    }),
    record('plainDraft', {}),
    record('ending', { status: 'approved', publicityEnd: '2026-04-05' }),
    record('endingLater', { status: 'approved', publicityEnd: '2026-04-06' }),
    record('ended', { status: 'approved', publicityEnd: '2026-03-05' }),
  ];

  it('gives the reviewer what awaits her review, never her own submission', () => {
    const ids = (actor: TodoActor) =>
      creditRecordTodos(records, actor, '2026-03-06')
        .filter((item) => item.kind === 'awaitingReview')
        .map((item) => item.id);
    expect(ids(reviewer)).toEqual(['submitted']);
    expect(ids({ ...reviewer, userId: 'clerk-1' })).toEqual([]);
    expect(ids(clerk)).toEqual([]);
  });

  it('gives the clerk her returned drafts and everyone publicity ending within 30 days', () => {
    const items = creditRecordTodos(records, clerk, '2026-03-06');
    expect(items.map((item) => [item.kind, item.id, item.date])).toEqual([
      ['publicityEnding', 'ending', '2026-04-05'],
      ['returnedDraft', 'returned', '2026-03-03'],
    ]);
  });

  it('lists overdue decisions whatever their month, and those due within 3 working days', () => {
    const decision = (id: string, decisionDate: string, reportedAt = '') => ({
      id,
      documentNumber: `武建罚字〔2026〕第${id}号`,
      decisionDate,
      reportedAt,
    });
    // Deadlines: 7 working days after the decision. On Friday 2026-03-13:
    const items = disclosureTodos(
      [
        decision('1', '2026-02-02'), // a decision of last month, overdue since 2026-02-11
        decision('2', '2026-03-06'), // due Tuesday 2026-03-17: 2 working days away
        decision('3', '2026-03-09'), // due Wednesday 2026-03-18: 3 working days away
        decision('4', '2026-03-10'), // due Thursday 2026-03-19: 4 working days away
        decision('5', '2026-02-02', '2026-02-05'), // reported
      ],
      calendar,
      '2026-03-13',
    );
    expect(items.map((item) => [item.kind, item.id])).toEqual([
      ['reportOverdue', '1'],
      ['reportDue', '2'],
      ['reportDue', '3'],
    ]);
  });
});
