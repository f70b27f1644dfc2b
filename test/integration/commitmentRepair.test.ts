/**
 * Breaching a credit-repair commitment on a real profile (RxDB on fake-indexeddb, the write journal): the
 * confirmed breach puts the repaired record back into publicity for its item's maximum period, through the
 * record's own reviewed step, in the confirmation's journal run; the platform's replay accepts that step
 * and refuses the same change without it; a breach without facts changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type CommitmentFields,
  type CommitmentRepository,
  emptyCommitmentFields,
} from '../../renderer/commitments/repository.ts';
import { authorOf, type JournalStep } from '../../renderer/kernel/db/writeJournal.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { checkWritePermission, type KnownUser } from '../../shared/sync/writePermissions.ts';
import { acceptedCommitment, openCommitments } from './commitmentHarness.ts';
import { eachProfileWithEnterprise, recordFields, users } from './creditHarness.ts';

const each = eachProfileWithEnterprise('2026-09-07T02:00:00.000Z');
let commitments: CommitmentRepository;
let runs: JournalStep[][];

beforeEach(() => {
  ({ commitments, runs } = openCommitments(each.profile));
});

/** A general penalty record published 2026-03-06 to 2026-12-06, repaired on 2026-09-07 by the reviewer. */
async function repairedRecord(): Promise<CreditRecordDocument> {
  const { profile, enterprise } = each;
  profile.signIn(users.clerk);
  const created = await profile.records.create(recordFields(enterprise.id, { publicityEnd: '2026-12-06' }));
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  await profile.records.act(created.value.id, 'submit');
  profile.signIn(users.reviewer);
  await profile.records.act(created.value.id, 'approve');
  const repair = await profile.records.prepareStep(created.value.id, 'repair', '已整改并履行义务');
  if (!repair.ok) throw new Error(JSON.stringify(repair.issues));
  await profile.journal.run(authorOf(repair.value.session), [repair.value.step]);
  const repaired = await profile.records.get(created.value.id);
  expect(repaired?.status).toBe('repaired');
  return repaired!;
}

async function acceptedRepairCommitment(record: CreditRecordDocument) {
  each.profile.signIn(users.clerk);
  const fields: CommitmentFields = {
    ...emptyCommitmentFields(each.enterprise.id),
    type: 'creditRepair',
    matterCode: 'XY-XF',
    reason: '申请信用修复',
    content: '本单位承诺守法经营，不再发生同类违法行为。',
    liability: '如违反承诺，原失信信息按最长期限公示。',
    signatory: '王伟',
    signingDate: '2026-09-07',
    repairedRecordId: record.id,
  };
  return acceptedCommitment(commitments, fields);
}

const breach = {
  result: 'notFulfilled' as const,
  facts: '修复后再次发生未取得施工许可擅自施工的行为。',
  unfulfilledContent: '不再发生同类违法行为',
  actionTaken: '原处罚信息恢复公示',
};

describe('a breached credit-repair commitment', () => {
  it('publishes the repaired record again for its maximum period, in the confirmation’s run', async () => {
    const record = await repairedRecord();
    const commitment = await acceptedRepairCommitment(record);
    each.profile.setNow('2026-10-08T02:00:00.000Z');
    const proposed = await commitments.act(commitment.id, 'proposeBreach', { finding: breach });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed.issues));
    // The proposal alone changes nothing of the repaired record.
    expect((await each.profile.records.get(record.id))?.status).toBe('repaired');

    each.profile.signIn(users.reviewer);
    const confirmed = await commitments.act(commitment.id, 'confirmNotFulfilled', { note: '事实清楚' });
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.issues));
    const written = runs.at(-1)!;
    expect(written.map((step) => [step.collection, step.kind])).toEqual([
      ['creditRecords', 'update'],
      ['creditRecords', 'update'],
      ['commitments', 'update'],
    ]);
    const republished = await each.profile.records.get(record.id);
    // JZ-YB-01 is published for at most one year from its start.
    expect(republished).toMatchObject({ status: 'approved', publicityEnd: '2027-03-06' });
    expect(republished?.workflow.at(-1)).toEqual({
      action: 'republish',
      by: users.reviewer.userId,
      at: '2026-10-08T02:00:00.000Z',
      note: `违背信用修复承诺（承诺书编号 ${commitment.number}），按最长公示期限公示`,
    });
    expect(each.profile.records.isPublic(republished!)).toBe(true);
    expect(await each.profile.journal.unfinished()).toBe(0);

    // The platform replays the step as the reviewer; the same change without it is refused.
    const known = new Map<string, KnownUser>([
      [users.clerk.userId, { id: users.clerk.userId, roles: ['clerk'], status: 'active' }],
      [users.reviewer.userId, { id: users.reviewer.userId, roles: ['reviewer'], status: 'active' }],
    ]);
    const lookup = (id: string) => known.get(id);
    expect(checkWritePermission('creditRecords', republished as never, record as never, lookup)).toEqual([]);
    const quietly = { ...record, publicityEnd: '2027-03-06', updatedBy: users.reviewer.userId };
    expect(checkWritePermission('creditRecords', quietly as never, record as never, lookup)).toEqual([
      { field: 'status', code: 'permission.notDraft', params: { status: 'repaired' } },
    ]);
    // Nor may the clerk take it: republishing is a reviewer's step.
    const byClerk = {
      ...republished!,
      workflow: [...record.workflow, { ...republished!.workflow.at(-1)!, by: users.clerk.userId }],
    };
    expect(checkWritePermission('creditRecords', byClerk as never, record as never, lookup)).toContainEqual(
      expect.objectContaining({ field: `workflow.${record.workflow.length}.by`, code: 'permission.denied' }),
    );
  });

  it('is refused without facts: the commitment stays accepted and the record repaired', async () => {
    const record = await repairedRecord();
    const commitment = await acceptedRepairCommitment(record);
    const before = runs.length;
    const refused = await commitments.act(commitment.id, 'proposeBreach', {
      finding: { ...breach, facts: '  ' },
    });
    expect(refused).toMatchObject({ ok: false, issues: [{ code: 'commitment.breachWithoutFacts' }] });
    expect(runs.length).toBe(before);
    expect((await commitments.get(commitment.id))?.status).toBe('accepted');
    expect((await each.profile.records.get(record.id))?.status).toBe('repaired');
  });

  it('cannot be republished by hand from the record', async () => {
    const record = await repairedRecord();
    each.profile.signIn(users.reviewer);
    expect(each.profile.records.availableActions(record)).toEqual([]);
    expect(await each.profile.records.act(record.id, 'republish', '手工恢复')).toEqual({
      ok: false,
      issues: [{ field: 'action', code: 'commitment.republishThroughBreach' }],
    });
  });
});
