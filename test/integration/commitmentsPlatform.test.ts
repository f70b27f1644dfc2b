/**
 * The platform replays every step a pushed commitment carries through the commitment workflow table: a
 * transition the table forbids, a step by a role it does not allow, a breach confirmed by its own
 * proposer or a finding taken back to pending is refused; the allowed rest is stored.
 */
import { describe, expect, it } from 'vitest';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { finding, pushedCommitment } from '../../shared/commitments/testFixtures.ts';
import { countyStaff } from '../../server/fixtures/users.ts';
import { createRows, refusals, updateRow, usePlatform } from '../../server/test/harness.ts';

const at = '2026-10-20T03:00:00.000Z';

describe('the platform judges pushed commitments by the workflow table', () => {
  const env = usePlatform('pglite');

  it('stores allowed steps and refuses forbidden transitions and roles', async () => {
    const county = await env.newCounty();
    const staff = countyStaff(county);
    const device = await env.enroll(county);
    let serial = 0;
    const accepted = (): CommitmentDocument => pushedCommitment(county, staff.clerk, ++serial, at);
    const step = (action: string, by: string, note = '') => ({ action, by, at, note });
    const documents = [accepted(), accepted(), accepted(), accepted()];
    const created = await device.push('commitments', createRows(documents));
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });
    const [toFinding, skipped, byClerk, proposed] = documents as [
      CommitmentDocument,
      CommitmentDocument,
      CommitmentDocument,
      CommitmentDocument,
    ];

    // A breach proposed by the clerk: allowed.
    const breach = finding();
    const proposal: CommitmentDocument = {
      ...proposed,
      status: 'breachProposed',
      outcome: breach,
      workflow: [...proposed.workflow, step('proposeBreach', staff.clerk)],
    };
    // Straight from accepted to a confirmed finding, skipping the proposal: the table forbids it.
    const skipping: CommitmentDocument = {
      ...skipped,
      status: 'notFulfilled',
      outcome: breach,
      updatedBy: staff.reviewer,
      workflow: [...skipped.workflow, step('confirmNotFulfilled', staff.reviewer)],
    };
    // The clerk confirming a breach: the role does not allow it.
    const confirmedByClerk: CommitmentDocument = {
      ...byClerk,
      status: 'notFulfilled',
      outcome: breach,
      workflow: [
        ...byClerk.workflow,
        step('proposeBreach', staff.clerk),
        step('confirmNotFulfilled', staff.clerk),
      ],
    };
    const fulfilled: CommitmentDocument = {
      ...toFinding,
      status: 'fulfilled',
      outcome: finding({ result: 'fulfilled', facts: '', unfulfilledContent: '', actionTaken: '' }),
      workflow: [...toFinding.workflow, step('fulfil', staff.clerk)],
      updatedBy: staff.clerk,
    };
    const pushed = await device.push('commitments', [
      updateRow(proposed, proposal),
      updateRow(skipped, skipping),
      updateRow(byClerk, confirmedByClerk),
      updateRow(toFinding, fulfilled),
    ]);
    expect(pushed.body.conflicts).toEqual([]);
    expect(refusals(pushed.body.rejected)).toEqual({
      [skipped.id]: ['workflow.1.status commitment.illegalTransition'],
      [byClerk.id]: ['workflow.2.actor permission.denied'],
    });

    // Back from a finding to pending: no step leads there.
    const reopened: CommitmentDocument = {
      ...fulfilled,
      status: 'accepted',
      outcome: finding({ result: '', decisionDate: '', decidingUnit: '', facts: '' }),
      workflow: [...fulfilled.workflow, step('accept', staff.clerk)],
      updatedBy: staff.clerk,
    };
    // A reviewer, neither author nor proposer, confirms the breach proposed: allowed.
    const confirmation: CommitmentDocument = {
      ...proposal,
      status: 'notFulfilled',
      workflow: [...proposal.workflow, step('confirmNotFulfilled', staff.reviewer)],
      updatedBy: staff.reviewer,
    };
    const second = await device.push('commitments', [
      updateRow(fulfilled, reopened),
      updateRow(proposal, confirmation),
    ]);
    expect(refusals(second.body.rejected)).toEqual({
      [toFinding.id]: expect.arrayContaining(['workflow.2.status commitment.illegalTransition']),
    });

    // A number given twice (two devices sharing a serial block) is refused for the second letter.
    const twin = { ...accepted(), number: toFinding.number };
    expect(refusals((await device.push('commitments', createRows([twin]))).body.rejected)).toEqual({
      [twin.id]: ['number duplicateCode'],
    });

    const stored = new Map((await device.pullAll('commitments')).map((doc) => [doc.id, doc.status]));
    expect(Object.fromEntries(stored)).toEqual({
      [toFinding.id]: 'fulfilled',
      [skipped.id]: 'accepted',
      [byClerk.id]: 'accepted',
      [proposed.id]: 'notFulfilled',
    });
  });
});
