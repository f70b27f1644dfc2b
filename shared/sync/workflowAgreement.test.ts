/**
 * The device and the platform decide every workflow step alike: the device judges a step before taking
 * it (`takeCreditRecordStep`, what CreditRecordRepository.act calls), the platform judges the pushed
 * document that carries it (`checkWritePermission`). Documents are reached by random walks of accepted
 * steps; actors are users with random roles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeReportingStep, reportedAtAfter, reportingStepBetween } from '../disclosures/reporting.ts';
import { judgeCreditRecordStep, takeCreditRecordStep } from '../creditRecords/workflow.ts';
import {
  type CreditRecordStatus,
  type WorkflowAction,
  type WorkflowEntry,
  workflowActions,
} from '../creditRecords/model.ts';
import { type Role, roles } from '../base/security/permissions.ts';
import { checkWritePermission, type KnownUser } from './writePermissions.ts';

const at = '2026-03-10T08:00:00.000Z';
const userIds = ['u0', 'u1', 'u2', 'u3'] as const;

const attempt = fc.record({
  action: fc.constantFrom(...workflowActions),
  actor: fc.integer({ min: 0, max: userIds.length - 1 }),
  note: fc.constantFrom('', '  ', '理由'),
});

const scenario = fc.record({
  roles: fc.tuple(...userIds.map(() => fc.subarray<Role>([...roles], { minLength: 1 }))),
  author: fc.integer({ min: 0, max: userIds.length - 1 }),
  walk: fc.array(attempt, { maxLength: 8 }),
  last: attempt,
});

type RecordDoc = {
  id: string;
  createdBy: string;
  updatedBy: string;
  status: CreditRecordStatus;
  workflow: WorkflowEntry[];
  title: string;
};

describe('device and platform agree on workflow steps', () => {
  it('accept and refuse the same steps for any document, actor and step', () => {
    fc.assert(
      fc.property(scenario, ({ roles: held, author, walk, last }) => {
        const known = new Map<string, KnownUser>(
          userIds.map((id, index) => [id, { id, roles: held[index]!, status: 'active' }]),
        );
        const actorOf = (index: number) => ({ userId: userIds[index]!, roles: held[index]! });
        let record: RecordDoc = {
          id: 'r',
          createdBy: userIds[author]!,
          updatedBy: userIds[author]!,
          status: 'draft',
          workflow: [],
          title: 'a',
        };
        // Reach a document by the steps the device accepts.
        for (const step of walk) {
          const taken = takeCreditRecordStep(record, step.action, actorOf(step.actor), at, step.note);
          if (taken.ok) record = { ...taken.value, updatedBy: userIds[step.actor]! };
        }

        const actor = actorOf(last.actor);
        const device = judgeCreditRecordStep(record, last.action, actor, last.note);
        // The document the device would push had it taken the step, refused or not.
        const to = takeCreditRecordStep(record, last.action, actor, at, last.note);
        const pushed: RecordDoc = {
          ...record,
          // An amend carries the corrected content with it.
          title: last.action === 'amend' ? 'corrected' : record.title,
          updatedBy: actor.userId,
          status: to.ok ? to.value.status : forcedStatus(last.action),
          workflow: [
            ...record.workflow,
            { action: last.action, by: actor.userId, at, note: last.note.trim() },
          ],
        };
        const platform = checkWritePermission('creditRecords', pushed, record, (id) => known.get(id));
        expect(platform.length === 0).toBe(device.length === 0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('device and platform agree on reporting steps of 双公示 decisions', () => {
  // The platform sees neither the reason (it travels in the audit entry) nor the device's day, so the
  // generated steps always carry a reason and dates up to today; everything else is judged by both.
  const today = '2026-03-20';
  const day = fc.integer({ min: 1, max: 20 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);

  it('accept and refuse the same changes of the reporting date', () => {
    fc.assert(
      fc.property(
        fc.subarray<Role>([...roles], { minLength: 1 }),
        fc.option(day, { nil: '' }),
        day,
        fc.option(day, { nil: '' }),
        (held, reportedAt, decisionDate, after) => {
          // The document carries no step name: the step is the one that makes this change.
          const step = reportingStepBetween(reportedAt, after);
          if (!step) return;
          const actor = { userId: 'u1', roles: held };
          const decision = { id: 'd', createdBy: 'u0', updatedBy: 'u0', decisionDate, reportedAt };
          const request = { step, reason: '理由', ...(after === '' ? {} : { date: after }) };
          expect(reportedAtAfter(request)).toBe(after);
          const device = judgeReportingStep(decision, request, actor, today);
          const known = new Map<string, KnownUser>([
            ['u0', { id: 'u0', roles: ['clerk'], status: 'active' }],
            ['u1', { id: 'u1', roles: held, status: 'active' }],
          ]);
          const pushed = { ...decision, updatedBy: actor.userId, reportedAt: after };
          const platform = checkWritePermission('disclosures', pushed, decision, (id) => known.get(id));
          // Any change of a decision needs the editor's right on the platform too; clerks hold both.
          const editor = held.includes('clerk');
          expect(platform.length === 0).toBe(device.length === 0 && editor);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/** Where a refused step would have led: a forged document claims the table's target state. */
function forcedStatus(action: WorkflowAction): CreditRecordStatus {
  const targets: Record<WorkflowAction, CreditRecordStatus> = {
    submit: 'submitted',
    withdraw: 'draft',
    return: 'draft',
    approve: 'approved',
    expire: 'expired',
    repair: 'repaired',
    revoke: 'revoked',
    republish: 'approved',
    amend: 'approved',
  };
  return targets[action];
}
