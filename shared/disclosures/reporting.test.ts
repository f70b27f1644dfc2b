import { describe, expect, it } from 'vitest';
import type { StepActor } from '../kit/workflow.ts';
import { judgeReportingStep, reportedAtAfter, reportingStepBetween } from './reporting.ts';

const clerk: StepActor = { userId: 'clerk-1', roles: ['clerk'] };
const reviewer: StepActor = { userId: 'reviewer-1', roles: ['reviewer'] };
const today = '2026-03-20';
const unreported = { reportedAt: '', decisionDate: '2026-03-05', createdBy: 'clerk-1' };
const reported = { ...unreported, reportedAt: '2026-03-10' };
const codes = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field} ${i.code}`);

describe('reporting a 双公示 decision', () => {
  it('takes the actual reporting date: not after today, not before the decision', () => {
    const report = (date: string) =>
      codes(judgeReportingStep(unreported, { step: 'report', date }, clerk, today));
    expect(report('2026-03-20')).toEqual([]);
    expect(report('2026-03-05')).toEqual([]);
    expect(report('2026-03-21')).toEqual(['reportedAt dateInFuture']);
    expect(report('2026-03-04')).toEqual(['reportedAt disclosure.reportedBeforeDecision']);
    expect(report('')).toEqual(['reportedAt workflow.dateRequired']);
  });

  it('needs the right to report, and reports once', () => {
    expect(codes(judgeReportingStep(unreported, { step: 'report', date: today }, reviewer, today))).toEqual([
      'actor workflow.notPermitted',
    ]);
    expect(codes(judgeReportingStep(reported, { step: 'report', date: today }, clerk, today))).toEqual([
      'status workflow.illegalTransition',
    ]);
  });

  it('corrects the date or withdraws the report only with a reason', () => {
    const correct = { step: 'correctReport' as const, date: '2026-03-12' };
    expect(codes(judgeReportingStep(reported, correct, clerk, today))).toEqual([
      'note workflow.noteRequired',
    ]);
    expect(judgeReportingStep(reported, { ...correct, reason: '上报日期录错' }, clerk, today)).toEqual([]);
    const withdraw = { step: 'withdrawReport' as const };
    expect(codes(judgeReportingStep(reported, withdraw, clerk, today))).toEqual([
      'note workflow.noteRequired',
    ]);
    expect(judgeReportingStep(reported, { ...withdraw, reason: '平台退回' }, clerk, today)).toEqual([]);
    expect(codes(judgeReportingStep(unreported, { ...withdraw, reason: 'x' }, clerk, today))).toEqual([
      'status workflow.illegalTransition',
    ]);
  });

  it('names the step between two reporting dates, and the date after a step', () => {
    expect(reportingStepBetween('', '')).toBeNull();
    expect(reportingStepBetween('', '2026-03-10')).toBe('report');
    expect(reportingStepBetween('2026-03-10', '2026-03-11')).toBe('correctReport');
    expect(reportingStepBetween('2026-03-10', '')).toBe('withdrawReport');
    expect(reportedAtAfter({ step: 'withdrawReport', reason: 'x' })).toBe('');
    expect(reportedAtAfter({ step: 'correctReport', date: '2026-03-11' })).toBe('2026-03-11');
  });
});
