import { describe, expect, it } from 'vitest';
import type { CreditRecordStatus, WorkflowAction, WorkflowEntry } from './model.ts';
import {
  applyWorkflowAction,
  availableWorkflowActions,
  checkWorkflowAction,
  type WorkflowActor,
} from './workflow.ts';

const clerk: WorkflowActor = { userId: 'clerk-1', canApprove: false };
const otherClerk: WorkflowActor = { userId: 'clerk-2', canApprove: false };
const reviewer: WorkflowActor = { userId: 'reviewer-1', canApprove: true };
const at = '2026-03-10T08:00:00.000Z';

interface Subject {
  status: CreditRecordStatus;
  workflow: WorkflowEntry[];
  createdBy: string;
}

const draft: Subject = { status: 'draft', workflow: [], createdBy: 'clerk-1' };

function codes(record: Subject, action: WorkflowAction, actor: WorkflowActor, note = ''): string[] {
  return checkWorkflowAction(record, action, actor, note).map((i) => i.code);
}

describe('credit record workflow', () => {
  it('runs draft → submitted → approved → expired, recording each step', () => {
    const submitted = applyWorkflowAction(draft, 'submit', clerk, at);
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    const approved = applyWorkflowAction(submitted.value, 'approve', reviewer, '2026-03-11T09:00:00.000Z');
    expect(approved.ok).toBe(true);
    if (!approved.ok) return;
    const expired = applyWorkflowAction(
      approved.value,
      'expire',
      { userId: 'system', canApprove: false },
      at,
    );
    expect(expired.ok && expired.value.status).toBe('expired');
    expect(expired.ok && expired.value.workflow).toEqual([
      { action: 'submit', by: 'clerk-1', at, note: '' },
      { action: 'approve', by: 'reviewer-1', at: '2026-03-11T09:00:00.000Z', note: '' },
      { action: 'expire', by: 'system', at, note: '' },
    ]);
    expect(draft.workflow).toEqual([]);
  });

  it('returns a submitted record to draft with a reason', () => {
    const submitted: Subject = { ...draft, status: 'submitted' };
    expect(codes(submitted, 'return', reviewer)).toEqual(['workflow.noteRequired']);
    const returned = applyWorkflowAction(submitted, 'return', reviewer, at, '  缺少处罚决定书附件 ');
    expect(returned.ok && returned.value).toMatchObject({
      status: 'draft',
      workflow: [{ action: 'return', by: 'reviewer-1', note: '缺少处罚决定书附件' }],
    });
  });

  it.each([
    ['draft', 'approve'],
    ['draft', 'expire'],
    ['submitted', 'submit'],
    ['approved', 'submit'],
    ['approved', 'return'],
    ['expired', 'revoke'],
    ['revoked', 'repair'],
    ['repaired', 'approve'],
  ] as const)('refuses %s → %s', (status, action) => {
    const result = applyWorkflowAction({ ...draft, status }, action, reviewer, at, 'reason');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toContainEqual({
        field: 'status',
        code: 'workflow.illegalTransition',
        params: { from: status, action },
      });
    }
  });

  it('needs the approver right to approve, return, repair and revoke', () => {
    const submitted: Subject = { ...draft, status: 'submitted', createdBy: 'clerk-2' };
    expect(codes(submitted, 'approve', clerk)).toEqual(['workflow.notPermitted']);
    expect(codes(submitted, 'return', clerk, 'x')).toEqual(['workflow.notPermitted']);
    const approved: Subject = { ...submitted, status: 'approved' };
    expect(codes(approved, 'revoke', clerk, 'x')).toEqual(['workflow.notPermitted']);
    expect(codes(approved, 'repair', clerk, 'x')).toEqual(['workflow.notPermitted']);
  });

  it('keeps four eyes: no approving a record one wrote or submitted', () => {
    const ownRecord: Subject = { status: 'submitted', workflow: [], createdBy: 'reviewer-1' };
    expect(codes(ownRecord, 'approve', reviewer)).toEqual(['workflow.fourEyes']);
    const submittedByReviewer: Subject = {
      status: 'submitted',
      createdBy: 'clerk-1',
      workflow: [{ action: 'submit', by: 'reviewer-1', at, note: '' }],
    };
    expect(codes(submittedByReviewer, 'approve', reviewer)).toEqual(['workflow.fourEyes']);
    const approvedOwn: Subject = { ...ownRecord, status: 'approved' };
    expect(codes(approvedOwn, 'revoke', reviewer, '处罚决定已撤销')).toEqual(['workflow.fourEyes']);
    expect(codes({ ...ownRecord, createdBy: 'clerk-2' }, 'approve', reviewer)).toEqual([]);
  });

  it('requires an acting user and a reason for revoking and repairing', () => {
    expect(codes(draft, 'submit', { userId: '', canApprove: false })).toEqual(['workflow.actorRequired']);
    const approved: Subject = { ...draft, status: 'approved' };
    expect(codes(approved, 'revoke', reviewer)).toEqual(['workflow.noteRequired']);
    expect(codes(approved, 'repair', reviewer, ' ')).toEqual(['workflow.noteRequired']);
  });

  it('lists the steps an actor may take now', () => {
    expect(availableWorkflowActions(draft, clerk)).toEqual(['submit']);
    expect(availableWorkflowActions(draft, otherClerk)).toEqual(['submit']);
    const submitted: Subject = { ...draft, status: 'submitted' };
    expect(availableWorkflowActions(submitted, reviewer)).toEqual(['return', 'approve']);
    expect(availableWorkflowActions(submitted, clerk)).toEqual([]);
    expect(availableWorkflowActions({ ...draft, status: 'approved' }, reviewer)).toEqual([
      'repair',
      'revoke',
      'amend',
    ]);
    expect(availableWorkflowActions({ ...draft, status: 'expired' }, reviewer)).toEqual([]);
  });
});
