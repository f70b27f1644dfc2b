/**
 * The steps the workflow engine added or changed, taken through the repositories on a real profile:
 * withdrawing a submission, the reviewer's opinion, repair's permission, and correcting or withdrawing
 * the reporting of a 双公示 decision.
 */
import { describe, expect, it } from 'vitest';
import { eachProfileWithEnterprise, penaltyInput, recordFields, users } from './creditHarness.ts';

const each = eachProfileWithEnterprise();

async function submitted() {
  each.profile.signIn(users.clerk);
  const created = await each.profile.records.create(recordFields(each.enterprise.id));
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const result = await each.profile.records.act(created.value.id, 'submit');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

async function auditOf(documentId: string) {
  const entries = await each.profile.db.auditLog
    .find({ selector: { documentId }, sort: [{ seq: 'asc' }] })
    .exec();
  return entries.map((entry) => ({ action: entry.action, reason: entry.reason }));
}

describe('withdrawing a submission', () => {
  it('is offered to and taken by the submitter only, back to draft with who and when', async () => {
    const record = await submitted();
    each.profile.signIn(users.secondClerk);
    expect(each.profile.records.availableActions(record)).toEqual([]);
    expect(await each.profile.records.act(record.id, 'withdraw')).toEqual({
      ok: false,
      issues: [{ field: 'actor', code: 'workflow.onlySubmitter', params: { action: 'withdraw' } }],
    });

    each.profile.signIn(users.clerk);
    expect(each.profile.records.availableActions(record)).toEqual(['withdraw']);
    each.profile.setNow('2026-03-06T05:00:00.000Z');
    const withdrawn = await each.profile.records.act(record.id, 'withdraw');
    if (!withdrawn.ok) throw new Error(JSON.stringify(withdrawn.issues));
    expect(withdrawn.value.status).toBe('draft');
    expect(withdrawn.value.workflow.at(-1)).toEqual({
      action: 'withdraw',
      by: users.clerk.userId,
      at: '2026-03-06T05:00:00.000Z',
      note: '',
    });
    expect((await each.profile.records.get(record.id))!.status).toBe('draft');
    expect((await auditOf(record.id)).map((entry) => entry.action)).toEqual([
      'create',
      'statusChange',
      'statusChange',
    ]);
  });

  it('is refused once a reviewer has acted', async () => {
    const record = await submitted();
    each.profile.signIn(users.reviewer);
    expect((await each.profile.records.act(record.id, 'approve', '材料齐全')).ok).toBe(true);
    each.profile.signIn(users.clerk);
    expect(await each.profile.records.act(record.id, 'withdraw')).toMatchObject({
      ok: false,
      issues: [{ code: 'workflow.illegalTransition' }],
    });
  });
});

describe('the review opinion', () => {
  it('is kept on the approval step and required on a return', async () => {
    const record = await submitted();
    each.profile.signIn(users.reviewer);
    expect(await each.profile.records.act(record.id, 'return', ' ')).toMatchObject({
      ok: false,
      issues: [{ field: 'note', code: 'workflow.noteRequired' }],
    });
    const approved = await each.profile.records.act(record.id, 'approve', ' 材料齐全，同意公示 ');
    if (!approved.ok) throw new Error(JSON.stringify(approved.issues));
    expect(approved.value.workflow.at(-1)).toMatchObject({ action: 'approve', note: '材料齐全，同意公示' });
  });
});

describe('repair', () => {
  it('needs the case decision right, as the platform judges it', async () => {
    const record = await submitted();
    each.profile.signIn(users.reviewer);
    expect((await each.profile.records.act(record.id, 'approve')).ok).toBe(true);
    each.profile.signIn(users.secondClerk);
    expect(await each.profile.records.act(record.id, 'repair', '已整改')).toEqual({
      ok: false,
      issues: [{ field: 'action', code: 'permission.denied', params: { action: 'case.decide' } }],
    });
  });
});

describe('reporting a 双公示 decision', () => {
  async function penalty() {
    const saved = await each.profile.disclosures.create(await penaltyInput(each.profile, each.enterprise));
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    return saved.value.disclosure;
  }

  it('takes the actual date, neither after today nor before the decision', async () => {
    const decision = await penalty();
    each.profile.setNow('2026-03-10T02:00:00.000Z');
    expect(await each.profile.disclosures.markReported(decision.id, '2026-03-11')).toMatchObject({
      ok: false,
      issues: [{ field: 'reportedAt', code: 'dateInFuture' }],
    });
    expect(await each.profile.disclosures.markReported(decision.id, '2026-03-05')).toMatchObject({
      ok: false,
      issues: [{ field: 'reportedAt', code: 'disclosure.reportedBeforeDecision' }],
    });
    expect((await each.profile.disclosures.markReported(decision.id, '2026-03-09')).ok).toBe(true);
    expect(await each.profile.disclosures.markReported(decision.id, '2026-03-09')).toEqual({
      ok: false,
      issues: [{ field: 'reportedAt', code: 'disclosure.alreadyReported' }],
    });
  });

  it("counts today by China's calendar on a computer set to another time zone, as the platform does", async () => {
    const decision = await penalty();
    const zone = process.env.TZ;
    process.env.TZ = 'UTC';
    try {
      // 01:00 on 11 March in China, still 10 March on the computer's clock.
      each.profile.setNow('2026-03-10T17:00:00.000Z');
      expect((await each.profile.disclosures.markReported(decision.id, '2026-03-11')).ok).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('corrects and withdraws the report only with a reason, each change recorded', async () => {
    const decision = await penalty();
    each.profile.setNow('2026-03-10T02:00:00.000Z');
    expect((await each.profile.disclosures.markReported(decision.id, '2026-03-09')).ok).toBe(true);

    expect(await each.profile.disclosures.correctReport(decision.id, '2026-03-08', ' ')).toMatchObject({
      ok: false,
      issues: [{ field: 'note', code: 'workflow.noteRequired' }],
    });
    const corrected = await each.profile.disclosures.correctReport(decision.id, '2026-03-08', '上报日期录错');
    expect(corrected.ok && corrected.value.reportedAt).toBe('2026-03-08');

    expect(await each.profile.disclosures.withdrawReport(decision.id, '')).toMatchObject({ ok: false });
    const withdrawn = await each.profile.disclosures.withdrawReport(decision.id, '平台退回，需重新上报');
    expect(withdrawn.ok && withdrawn.value.reportedAt).toBe('');
    expect((await each.profile.disclosures.get(decision.id))!.reportedAt).toBe('');

    expect(await auditOf(decision.id)).toEqual([
      { action: 'create', reason: '' },
      { action: 'update', reason: '' },
      { action: 'statusChange', reason: '上报日期录错' },
      { action: 'statusChange', reason: '平台退回，需重新上报' },
    ]);
    const history = await each.profile.disclosures.history(decision.id);
    expect(history.map((entry) => (entry.snapshot as { reportedAt: string }).reportedAt)).toEqual([
      '2026-03-08',
      '2026-03-09',
      '',
    ]);
  });

  it('refuses a user without the right to report', async () => {
    const decision = await penalty();
    each.profile.signIn(users.reviewer);
    expect(await each.profile.disclosures.markReported(decision.id)).toEqual({
      ok: false,
      issues: [{ field: 'action', code: 'permission.denied', params: { action: 'disclosure.submit' } }],
    });
  });
});
