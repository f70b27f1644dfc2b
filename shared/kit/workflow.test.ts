import { describe, expect, it } from 'vitest';
import { creditRecordWorkflow, judgeCreditRecordStep } from '../creditRecords/workflow.ts';
import type { CreditRecordStatus, WorkflowEntry } from '../creditRecords/model.ts';
import type { Role } from '../base/security/permissions.ts';
import {
  availableSteps,
  judgeStep,
  replaySteps,
  type StepActor,
  stepTakers,
  transition,
  type WorkflowTable,
} from './workflow.ts';

const at = '2026-03-10T08:00:00.000Z';
const clerk: StepActor = { userId: 'clerk-1', roles: ['clerk'] };
const otherClerk: StepActor = { userId: 'clerk-2', roles: ['clerk'] };
const reviewer: StepActor = { userId: 'reviewer-1', roles: ['reviewer'] };
/** One person holding both roles: the case four-eyes exists for. */
const clerkReviewer: StepActor = { userId: 'both-1', roles: ['clerk', 'reviewer'] };

function record(status: CreditRecordStatus, createdBy: string, workflow: WorkflowEntry[] = []) {
  return { status, createdBy, workflow };
}
const submitStep = (by: string): WorkflowEntry => ({ action: 'submit', by, at, note: '' });
const codes = (issues: { code: string }[]) => issues.map((found) => found.code);

describe('the workflow engine on the credit-record table', () => {
  it('refuses a reviewer who is the author (four-eyes)', () => {
    const own = record('submitted', clerkReviewer.userId, [submitStep('clerk-2')]);
    expect(codes(judgeCreditRecordStep(own, 'approve', clerkReviewer))).toEqual(['workflow.fourEyes']);
    expect(codes(judgeCreditRecordStep(own, 'approve', reviewer))).toEqual([]);
  });

  it('refuses a reviewer who is the submitter (four-eyes), also for repair and revoke', () => {
    const submitted = record('submitted', 'clerk-2', [submitStep(clerkReviewer.userId)]);
    expect(codes(judgeCreditRecordStep(submitted, 'approve', clerkReviewer))).toEqual(['workflow.fourEyes']);
    const approved = { ...submitted, status: 'approved' as const };
    expect(codes(judgeCreditRecordStep(approved, 'revoke', clerkReviewer, '处罚决定已撤销'))).toEqual([
      'workflow.fourEyes',
    ]);
    expect(codes(judgeCreditRecordStep(approved, 'repair', clerkReviewer, '已整改'))).toEqual([
      'workflow.fourEyes',
    ]);
  });

  it('lets only the submitter withdraw a submission, and only before review', () => {
    const submitted = record('submitted', 'clerk-2', [submitStep(clerk.userId)]);
    expect(codes(judgeCreditRecordStep(submitted, 'withdraw', clerk))).toEqual([]);
    // The author who did not submit it may not, nor may a reviewer.
    expect(codes(judgeCreditRecordStep(submitted, 'withdraw', otherClerk))).toEqual([
      'workflow.onlySubmitter',
    ]);
    expect(codes(judgeCreditRecordStep(submitted, 'withdraw', reviewer))).toEqual([
      'workflow.notPermitted',
      'workflow.onlySubmitter',
    ]);
    const approved = { ...submitted, status: 'approved' as const };
    expect(codes(judgeCreditRecordStep(approved, 'withdraw', clerk))).toEqual(['workflow.illegalTransition']);
  });

  it('requires the return reason (the opinion), leaves the approval opinion optional', () => {
    const submitted = record('submitted', 'clerk-1', [submitStep('clerk-1')]);
    expect(codes(judgeCreditRecordStep(submitted, 'return', reviewer, '  '))).toEqual([
      'workflow.noteRequired',
    ]);
    expect(codes(judgeCreditRecordStep(submitted, 'return', reviewer, '缺少决定书'))).toEqual([]);
    expect(codes(judgeCreditRecordStep(submitted, 'approve', reviewer))).toEqual([]);
    expect(creditRecordWorkflow.transitions.approve.text).toEqual({ kind: 'opinion', required: false });
    expect(creditRecordWorkflow.transitions.return.text).toEqual({ kind: 'opinion', required: true });
  });

  it('judges repair with the case decision right and revoke with the revocation right', () => {
    expect(creditRecordWorkflow.transitions.repair.permission).toBe('case.decide');
    expect(creditRecordWorkflow.transitions.revoke.permission).toBe('record.revoke');
    const approved = record('approved', 'clerk-2', [submitStep('clerk-2')]);
    expect(judgeCreditRecordStep(approved, 'repair', clerk, '已整改')).toEqual([
      { field: 'actor', code: 'workflow.notPermitted', params: { action: 'repair' } },
    ]);
  });

  it('lists the steps an actor may take, without automatic ones', () => {
    const document = (status: CreditRecordStatus) => ({
      state: status,
      author: 'clerk-1',
      steps: [submitStep('clerk-1')],
    });
    expect(availableSteps(creditRecordWorkflow, document('draft'), clerk)).toEqual(['submit']);
    expect(availableSteps(creditRecordWorkflow, document('submitted'), clerk)).toEqual(['withdraw']);
    expect(availableSteps(creditRecordWorkflow, document('submitted'), reviewer)).toEqual([
      'return',
      'approve',
    ]);
    expect(availableSteps(creditRecordWorkflow, document('approved'), reviewer)).toEqual([
      'repair',
      'revoke',
      'amend',
    ]);
    expect(availableSteps(creditRecordWorkflow, document('expired'), reviewer)).toEqual([]);
  });
});

describe('the workflow engine on any table', () => {
  type State = 'open' | 'decided';
  const table: WorkflowTable<State, 'decide' | 'close'> = {
    namespace: 'test',
    states: ['open', 'decided'],
    submitStep: null,
    transitions: {
      decide: transition({
        from: 'open',
        to: 'decided',
        permission: 'case.decide',
        date: true,
        decisionDocument: true,
        attachments: true,
      }),
      close: transition({ from: 'decided', to: 'decided', permission: null }),
    },
  };
  const open = {
    state: 'open',
    author: 'clerk-1',
    steps: [],
    documentNumber: '住建罚〔2026〕1号',
    attachmentCount: 1,
    dateBounds: { notBefore: '2026-03-01', notAfter: '2026-03-10' },
  };

  it('requires a real date inside the bounds', () => {
    const judge = (date?: string) =>
      codes(judgeStep(table, open, { action: 'decide', ...(date === undefined ? {} : { date }) }, reviewer));
    expect(judge()).toEqual(['workflow.dateRequired']);
    expect(judge('2026-02-30')).toEqual(['dateFormat']);
    expect(judge('2026-03-11')).toEqual(['dateInFuture']);
    expect(judge('2026-02-28')).toEqual(['workflow.dateBeforeDecision']);
    expect(judge('2026-03-01')).toEqual([]);
    expect(judge('2026-03-10')).toEqual([]);
  });

  it('requires the decision document and an attachment when the table says so', () => {
    const bare = { ...open, documentNumber: ' ', attachmentCount: 0 };
    expect(codes(judgeStep(table, bare, { action: 'decide', date: '2026-03-05' }, reviewer))).toEqual([
      'workflow.documentNumberRequired',
      'workflow.attachmentRequired',
    ]);
  });

  it('refuses unknown steps, missing actors and steps from the wrong state', () => {
    expect(codes(judgeStep(table, open, { action: 'toString' as 'close' }, reviewer))).toEqual(['oneOf']);
    expect(codes(judgeStep(table, open, { action: 'close' }, { userId: '', roles: [] }))).toEqual([
      'workflow.actorRequired',
      'workflow.illegalTransition',
    ]);
    expect(availableSteps(table, open, reviewer)).toEqual(['decide']);
  });
});

describe('the one replay of pushed steps', () => {
  type State = 'draft' | 'submitted' | 'approved';
  type Step = 'submit' | 'approve' | 'expire';
  const table: WorkflowTable<State, Step> = {
    namespace: 'test',
    states: ['draft', 'submitted', 'approved'],
    submitStep: 'submit',
    transitions: {
      submit: transition({ from: 'draft', to: 'submitted', permission: 'record.submit' }),
      approve: transition({
        from: 'submitted',
        to: 'approved',
        permission: 'record.approve',
        fourEyes: true,
        text: { kind: 'opinion', required: true },
      }),
      expire: transition({ from: 'approved', to: 'approved', permission: null }),
    },
  };
  const users: Record<string, { roles: readonly Role[]; status: string }> = {
    clerk: { roles: ['clerk'], status: 'active' },
    reviewer: { roles: ['reviewer'], status: 'active' },
    gone: { roles: ['reviewer'], status: 'disabled' },
  };
  const replay = {
    table,
    fields: { steps: 'workflow', state: 'status' },
    takerOf: stepTakers((id) => users[id]),
  };
  const step = (action: Step, by: string, note = '') => ({ action, by, note });
  const held = { state: 'submitted' as State, author: 'clerk', steps: [step('submit', 'clerk')] };
  const push = (state: State, ...added: ReturnType<typeof step>[]) => ({
    ...held,
    state,
    steps: [...held.steps, ...added],
  });

  it('accepts steps the table allows their takers, automatic ones taken by the system', () => {
    const replayed = replaySteps(
      replay,
      held,
      push('approved', step('approve', 'reviewer', '同意'), step('expire', 'system')),
    );
    expect(replayed.issues).toEqual([]);
    expect(replayed.added.map(({ to }) => to)).toEqual(['approved', 'approved']);
    expect(replayed.flow.state).toBe('approved');
  });

  it('keeps the history and the author as they were', () => {
    const rewritten = [{ field: 'workflow', code: 'permission.historyRewritten' }];
    expect(replaySteps(replay, held, { ...held, steps: [] }).issues).toEqual(rewritten);
    expect(replaySteps(replay, held, { ...held, author: 'reviewer' }).issues).toEqual(rewritten);
    const edited = { ...held, steps: [step('submit', 'reviewer')] };
    expect(replaySteps(replay, held, edited).issues).toEqual(rewritten);
  });

  it('judges each new step as its taker and answers in the permission vocabulary at the step', () => {
    const issuesOf = (...added: ReturnType<typeof step>[]) =>
      replaySteps(replay, held, push('approved', ...added)).issues.map(
        (found) => `${found.field} ${found.code}`,
      );
    expect(issuesOf(step('approve', 'clerk', 'ok'))).toEqual(['workflow.1.by permission.denied']);
    expect(issuesOf(step('approve', 'stranger', 'ok'))).toEqual(['workflow.1.by permission.unknownUser']);
    expect(issuesOf(step('approve', 'gone', 'ok'))).toEqual(['workflow.1.by permission.userDisabled']);
    expect(issuesOf(step('approve', 'reviewer'))).toEqual(['workflow.1.note workflow.noteRequired']);
    const ownWork = replaySteps(
      replay,
      { ...held, author: 'reviewer' },
      {
        ...push('approved', step('approve', 'reviewer', 'ok')),
        author: 'reviewer',
      },
    );
    expect(ownWork.issues).toEqual([
      {
        field: 'workflow.1.by',
        code: 'permission.ownWork',
        params: { action: 'record.approve', userId: 'reviewer' },
      },
    ]);
  });

  it('refuses a state the steps do not lead to', () => {
    expect(replaySteps(replay, held, push('draft', step('approve', 'reviewer', 'ok'))).issues).toEqual([
      { field: 'status', code: 'permission.statusMismatch', params: { expected: 'approved' } },
    ]);
  });
});
