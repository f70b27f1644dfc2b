import { describe, expect, it } from 'vitest';
import { buildWorkdayCalendar } from '../base/calendar/workdays.ts';
import { caseDeadline, deadlineFromApplication, withdrawalDeadline } from './deadlines.ts';
import type { CaseStep } from './model.ts';
import { sampleObjectionCase, sampleRepairCase } from './testFixtures.ts';
import { availableCaseSteps, judgeCaseStep, takeCaseStep } from './workflow.ts';

const reviewer = { userId: 'reviewer-1', roles: ['reviewer'] as const };
const at = '2026-06-10T02:00:00.000Z';
const codes = (issues: { code: string }[]) => issues.map((found) => found.code);

function walk<T extends ReturnType<typeof sampleRepairCase>>(doc: T, steps: [CaseStep, string][]): T {
  let current = doc;
  for (const [action, note] of steps) {
    const taken = takeCaseStep(current, action, reviewer, at, note);
    if (!taken.ok) throw new Error(`${action}: ${JSON.stringify(taken.issues)}`);
    current = taken.value;
  }
  return current;
}

describe('repair workflow', () => {
  it('runs applied → accepted → reviewed → approved, each step recorded with who, when and why', () => {
    const done = walk(sampleRepairCase(), [
      ['accept', ''],
      ['review', '材料齐全，已履行义务'],
      ['approve', '符合修复条件'],
    ]);
    expect(done.status).toBe('approved');
    expect(done.workflow.map((entry) => [entry.action, entry.by, entry.note])).toEqual([
      ['accept', 'reviewer-1', ''],
      ['review', 'reviewer-1', '材料齐全，已履行义务'],
      ['approve', 'reviewer-1', '符合修复条件'],
    ]);
  });

  it('refuses a decision by the clerk who entered the application (four-eyes)', () => {
    const clerkReviewer = { userId: 'clerk-1', roles: ['clerk', 'reviewer'] as const };
    expect(codes(judgeCaseStep(sampleRepairCase(), 'accept', clerkReviewer))).toEqual(['workflow.fourEyes']);
  });

  it('refuses a decision by whoever entered or submitted the record concerned', () => {
    const recordAuthor = { userId: 'clerk-2', roles: ['clerk', 'reviewer'] as const };
    expect(codes(judgeCaseStep(sampleRepairCase(), 'accept', recordAuthor))).toEqual(['workflow.fourEyes']);
    expect(availableCaseSteps(sampleRepairCase(), recordAuthor)).toEqual([]);
  });

  it('refuses a clerk (no case.decide) and a decision without its reason', () => {
    expect(
      codes(judgeCaseStep(sampleRepairCase(), 'accept', { userId: 'clerk-3', roles: ['clerk'] })),
    ).toEqual(['workflow.notPermitted']);
    const reviewed = walk(sampleRepairCase(), [
      ['accept', ''],
      ['review', '意见'],
    ]);
    expect(codes(judgeCaseStep(reviewed, 'approve', reviewer, '  '))).toEqual(['workflow.noteRequired']);
    expect(codes(judgeCaseStep(reviewed, 'accept', reviewer))).toEqual(['workflow.illegalTransition']);
  });

  it('records a national-channel decision only with its reference', () => {
    const national = sampleRepairCase({ channel: 'national', nationalReference: '' });
    expect(codes(judgeCaseStep(national, 'recordNational', reviewer, '信用中国已修复'))).toEqual([
      'workflow.documentNumberRequired',
    ]);
    const referenced = { ...national, nationalReference: 'XYZG-2026-000123' };
    expect(walk(referenced, [['recordNational', '信用中国已修复']]).status).toBe('approved');
  });
});

describe('objection workflow', () => {
  it.each([
    ['correct', 'corrected'],
    ['uphold', 'upheld'],
    ['revoke', 'revoked'],
  ] as const)('reviews, then %s leads to %s with its reason', (action, status) => {
    const done = walk(sampleObjectionCase(), [
      ['review', '已核查原始文书'],
      [action, '理由'],
    ]);
    expect(done.status).toBe(status);
    expect(codes(judgeCaseStep(sampleObjectionCase(), 'approve', reviewer, '理由'))).toEqual(['oneOf']);
  });
});

describe('case deadlines (working days on the holiday calendar)', () => {
  const { calendar } = buildWorkdayCalendar();

  it('gives 3 working days to accept, then 10 working days from acceptance to decide', () => {
    // Applied on Friday 2026-06-05: accept by Wednesday 06-10.
    const applied = sampleRepairCase({ applicationDate: '2026-06-05' });
    expect(caseDeadline(applied, calendar)?.date).toBe('2026-06-10');
    const accepted = walk(applied, [['accept', '']]);
    // Accepted Wednesday 2026-06-10: ten working days, the Dragon Boat Festival (Friday 06-19) left out.
    expect(caseDeadline(accepted, calendar)?.date).toBe('2026-06-25');
    const reviewed = walk(accepted, [['review', '意见']]);
    expect(caseDeadline(reviewed, calendar)?.date).toBe('2026-06-25');
    expect(caseDeadline(walk(reviewed, [['approve', '理由']]), calendar)).toBeNull();
  });

  it('skips the Labour Day holiday (1–5 May 2026)', () => {
    expect(caseDeadline(sampleRepairCase({ applicationDate: '2026-04-30' }), calendar)?.date).toBe(
      '2026-05-08',
    );
  });

  it('reads a deadline off the application date exactly when the clock starts there, else its earliest', () => {
    const applied = sampleRepairCase({ applicationDate: '2026-06-05' });
    expect(deadlineFromApplication('repair', 'applied', '2026-06-05', calendar)).toEqual({
      date: caseDeadline(applied, calendar)?.date,
      exact: true,
    });
    const reviewed = walk(sampleObjectionCase({ applicationDate: '2026-06-05' }), [['review', '意见']]);
    expect(deadlineFromApplication('objection', 'reviewed', '2026-06-05', calendar)).toEqual({
      date: caseDeadline(reviewed, calendar)?.date,
      exact: true,
    });
    // Accepted on 06-10, after the application: the real deadline is later than the earliest one.
    const accepted = walk(applied, [['accept', '']]);
    const earliest = deadlineFromApplication('repair', 'accepted', '2026-06-05', calendar);
    expect(earliest).toEqual({ date: '2026-06-22', exact: false });
    expect(earliest!.date < caseDeadline(accepted, calendar)!.date).toBe(true);
    expect(deadlineFromApplication('repair', 'approved', '2026-06-05', calendar)).toBeNull();
  });

  it('asks a revoked objection, and only a revoked one, to withdraw the publication within 3 working days', () => {
    const reviewed = walk(sampleObjectionCase(), [['review', '意见']]);
    expect(withdrawalDeadline(reviewed, calendar)).toBeNull();
    expect(withdrawalDeadline(walk(reviewed, [['uphold', '理由']]), calendar)).toBeNull();
    // Decided Wednesday 2026-06-10: withdraw by Monday 06-15.
    expect(withdrawalDeadline(walk(reviewed, [['revoke', '理由']]), calendar)?.date).toBe('2026-06-15');
    // A corrected penalty stays published, amended: nothing to withdraw.
    expect(withdrawalDeadline(walk(reviewed, [['correct', '理由']]), calendar)).toBeNull();
  });
});
