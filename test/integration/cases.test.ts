/**
 * Credit repair and objections on a real profile (RxDB on fake-indexeddb, the write journal, the audit
 * trail): repair approval ends the record's publicity in one journal run with the case; an objection
 * flags the record while it is reviewed and unflags it when decided; four-eyes on the device and on the
 * platform's replay of the pushed case.
 */
import { firstValueFrom } from 'rxjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openCaseRepository, type CaseFields, emptyCaseFields } from '../../renderer/cases/repository.ts';
import { AttachmentStore } from '../../renderer/kernel/attachments.ts';
import { checkWritePermission, type KnownUser } from '../../shared/sync/writePermissions.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { type CommitmentRepository, emptyCommitmentFields } from '../../renderer/commitments/repository.ts';
import { acceptedCommitment, openCommitments } from './commitmentHarness.ts';
import { eachProfileWithEnterprise, recordFields, recordPenalty, users } from './creditHarness.ts';

const each = eachProfileWithEnterprise('2026-09-07T02:00:00.000Z');
let cases: ReturnType<typeof openCaseRepository>;
let commitments: CommitmentRepository;

beforeEach(() => {
  const { profile } = each;
  ({ commitments } = openCommitments(profile));
  cases = openCaseRepository(
    profile.db.cases,
    profile.local,
    profile.context,
    {
      creditRecords: profile.records,
      disclosures: profile.disclosures,
      reference: profile.reference,
      journal: profile.journal,
      attachments: new AttachmentStore(profile.local, profile.context.personalData, profile.context.clock),
    },
    commitments,
  );
});

const pdf = (name: string) => ({ name, data: new TextEncoder().encode(`%PDF-1.4 ${name}`) });

/** A serious-dishonesty record decided 2026-03-06, entered by the clerk and approved by the reviewer. */
async function publishedRecord(overrides = {}): Promise<CreditRecordDocument> {
  each.profile.signIn(users.clerk);
  const created = await each.profile.records.create(
    recordFields(each.enterprise.id, {
      catalogCode: 'JZ-YZ-01',
      title: '出借资质被列入严重失信主体名单',
      publicityEnd: '2029-03-06',
      ...overrides,
    }),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  await each.profile.records.act(created.value.id, 'submit');
  each.profile.signIn(users.reviewer);
  const approved = await each.profile.records.act(created.value.id, 'approve');
  if (!approved.ok) throw new Error(JSON.stringify(approved.issues));
  return approved.value;
}

function repairFields(record: CreditRecordDocument, today: string, overrides: Partial<CaseFields> = {}) {
  return {
    ...emptyCaseFields('repair', record.id, today),
    applicant: '王伟',
    statement: '罚款已缴清，已停止出借资质并整改',
    obligationsPerformed: true,
    commitmentText: '本单位承诺守法经营，如违反承诺自愿接受惩戒',
    commitmentSignatory: '王伟',
    commitmentScans: [pdf('承诺书.pdf')],
    proofs: [pdf('缴款凭证.pdf')],
    ...overrides,
  };
}

const codesOf = (result: { ok: boolean; issues?: { code: string }[] }) =>
  result.ok ? [] : (result.issues ?? []).map((found) => found.code);

describe('credit repair', () => {
  it('refuses a repair requested too early, naming the first day it can be requested', async () => {
    const record = await publishedRecord();
    each.profile.signIn(users.clerk);
    const refused = await cases.registerWithNewCommitment(repairFields(record, '2026-09-07'));
    expect(refused).toEqual({
      ok: false,
      issues: [{ field: 'applicationDate', code: 'repair.tooEarly', params: { date: '2027-03-06' } }],
    });
    expect((await cases.page({ queue: 'all', limit: 10 })).items).toEqual([]);
    // Nothing is kept of a refused application: no commitment letter, not even its files.
    expect(await commitments.all()).toEqual([]);
    expect(await each.profile.records.attachments.pendingCount()).toBe(0);
  });

  it('refuses a repair without the commitment, and for information that is not dishonest', async () => {
    each.profile.setNow('2027-03-08T02:00:00.000Z');
    const record = await publishedRecord();
    each.profile.signIn(users.clerk);
    expect(codesOf(await cases.register(repairFields(record, '2027-03-08')))).toEqual([
      'repair.commitmentRequired',
    ]);
    expect(
      codesOf(
        await cases.registerWithNewCommitment(repairFields(record, '2027-03-08', { commitmentScans: [] })),
      ),
    ).toEqual(['repair.commitmentRequired']);
    expect(await commitments.all()).toEqual([]);
    const basic = await publishedRecord({
      catalogCode: 'JZ-JC-01',
      title: '资质证书',
      publicityEnd: '',
    });
    each.profile.signIn(users.clerk);
    expect(codesOf(await cases.register(repairFields(basic, '2027-03-08')))).toContain('repair.notDishonest');
  });

  it('takes the applicant’s standing letter for the record, and refuses one that does not fit, naming the rule', async () => {
    each.profile.setNow('2027-03-08T02:00:00.000Z');
    const record = await publishedRecord();
    const other = await publishedRecord({ title: '另一条失信记录' });
    each.profile.signIn(users.clerk);
    const letterFor = (repairedRecordId: string) => ({
      ...emptyCommitmentFields(each.enterprise.id),
      type: 'creditRepair' as const,
      matterCode: 'XY-XF',
      reason: '申请信用修复',
      content: '本单位承诺已纠正失信行为，今后诚信经营。',
      liability: '如违背承诺，原失信信息按最长期限重新公示。',
      signatory: '王伟',
      signingDate: '2027-03-08',
      repairedRecordId,
    });
    const unsigned = await acceptedCommitment(commitments, letterFor(record.id));
    const register = (commitmentId: string) =>
      cases.register({ ...repairFields(record, '2027-03-08'), commitmentId, commitmentScans: [] });
    expect(codesOf(await register(unsigned.id))).toEqual(['cases.commitmentUnsigned']);
    const forOther = await acceptedCommitment(commitments, letterFor(other.id));
    expect(codesOf(await register(forOther.id))).toEqual(['cases.commitmentNotForRecord']);
    const draft = await commitments.create(letterFor(record.id));
    if (!draft.ok) throw new Error(JSON.stringify(draft.issues));
    expect(await register(draft.value.id)).toMatchObject({
      ok: false,
      issues: [{ field: 'commitmentId', code: 'cases.commitmentNotAccepted', params: { status: 'draft' } }],
    });
    expect((await cases.page({ queue: 'all', limit: 10 })).items).toEqual([]);

    const signed = await commitments.attach(unsigned.id, [pdf('签字承诺书.pdf')]);
    if (!signed.ok) throw new Error(JSON.stringify(signed.issues));
    expect((await cases.repairCommitments(record.id)).map((letter) => letter.id)).toEqual([unsigned.id]);
    const registered = await register(unsigned.id);
    if (!registered.ok) throw new Error(JSON.stringify(registered.issues));
    expect(registered.value).toMatchObject({
      commitmentId: unsigned.id,
      commitmentText: signed.value.content,
      commitmentSignatory: '王伟',
      commitmentDate: '2027-03-08',
      commitmentScans: signed.value.attachments,
    });
    expect(await commitments.all()).toHaveLength(3);
  });

  it('approval by a second user ends the publicity of the record, in one run with the case, keeping history', async () => {
    each.profile.setNow('2027-03-08T02:00:00.000Z');
    const record = await publishedRecord();
    expect(each.profile.records.isPublic(record)).toBe(true);
    each.profile.signIn(users.clerk);
    // No letter yet: the credit-repair commitment is made, signed and accepted with the application.
    const registered = await cases.registerWithNewCommitment(repairFields(record, '2027-03-08'));
    if (!registered.ok) throw new Error(JSON.stringify(registered.issues));
    expect(registered.value).toMatchObject({ status: 'applied', recordEnteredBy: [users.clerk.userId] });
    const [letter] = await commitments.all();
    expect(letter).toMatchObject({
      id: registered.value.commitmentId,
      type: 'creditRepair',
      status: 'accepted',
      repairedRecordId: record.id,
      subjectId: record.subjectId,
      signatory: '王伟',
    });
    expect(registered.value.commitmentScans).toEqual(letter!.attachments);
    expect(registered.value.commitmentScans).toHaveLength(1);
    expect(await firstValueFrom(cases.watchByCommitment(letter!.id))).toEqual([registered.value]);
    expect(await each.profile.records.attachments.pendingCount()).toBe(2);

    // The clerk who entered the application (and the record) cannot decide it, even as a reviewer.
    each.profile.signIn({ ...users.clerk, roles: ['clerk', 'reviewer'] });
    expect(cases.availableSteps(registered.value)).toEqual([]);
    expect(await cases.act(registered.value.id, 'accept')).toEqual({
      ok: false,
      issues: [{ field: 'decidedBy', code: 'permission.ownWork' }],
    });

    each.profile.signIn(users.reviewer);
    expect(cases.availableSteps(registered.value)).toEqual(['accept', 'notAccept']);
    expect((await cases.act(registered.value.id, 'accept')).ok).toBe(true);
    expect((await cases.act(registered.value.id, 'review', '材料齐全，义务已履行')).ok).toBe(true);
    expect(codesOf(await cases.act(registered.value.id, 'approve', ' '))).toEqual(['workflow.noteRequired']);
    const approved = await cases.act(registered.value.id, 'approve', '符合信用修复条件');
    if (!approved.ok) throw new Error(JSON.stringify(approved.issues));

    const repaired = (await each.profile.records.get(record.id))!;
    expect(repaired.status).toBe('repaired');
    expect(repaired.workflow.at(-1)).toMatchObject({
      action: 'repair',
      by: users.reviewer.userId,
      note: '符合信用修复条件',
    });
    expect(each.profile.records.isPublic(repaired)).toBe(false);
    expect((await each.profile.records.history(record.id))[0]!.snapshot).toMatchObject({
      status: 'approved',
    });
    expect((await cases.get(registered.value.id))!.status).toBe('approved');
    expect(await each.profile.journal.unfinished()).toBe(0);
  });

  it('writes nothing when the record refuses its step (the reviewer entered the record)', async () => {
    each.profile.setNow('2027-03-08T02:00:00.000Z');
    each.profile.signIn(users.clerkReviewer);
    const created = await each.profile.records.create(
      recordFields(each.enterprise.id, { catalogCode: 'JZ-YZ-01', publicityEnd: '2029-03-06' }),
    );
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    await each.profile.records.act(created.value.id, 'submit');
    each.profile.signIn(users.reviewer);
    const record = await each.profile.records.act(created.value.id, 'approve');
    if (!record.ok) throw new Error(JSON.stringify(record.issues));
    each.profile.signIn(users.clerk);
    const registered = await cases.registerWithNewCommitment(repairFields(record.value, '2027-03-08'));
    if (!registered.ok) throw new Error(JSON.stringify(registered.issues));
    // The clerk-reviewer entered the record: the case refuses her.
    each.profile.signIn(users.clerkReviewer);
    expect(codesOf(await cases.act(registered.value.id, 'accept'))).toEqual(['permission.ownWork']);
    expect((await cases.get(registered.value.id))!.status).toBe('applied');
  });

  it('is refused on the record itself: repair is decided on an application', async () => {
    each.profile.setNow('2027-03-08T02:00:00.000Z');
    const record = await publishedRecord();
    each.profile.signIn({ ...users.reviewer, userId: 'reviewer-2' });
    expect(each.profile.records.availableActions(record)).toEqual(['revoke']);
    expect(await each.profile.records.act(record.id, 'repair', '已整改')).toEqual({
      ok: false,
      issues: [{ field: 'action', code: 'cases.repairThroughCase' }],
    });
    expect((await each.profile.records.get(record.id))!.status).toBe('approved');
  });
});

describe('objections', () => {
  it('flag the record while reviewed and unflag it when upheld', async () => {
    const record = await publishedRecord();
    each.profile.signIn(users.clerk);
    const raised = await cases.register({
      ...emptyCaseFields('objection', record.id, '2026-09-07'),
      applicant: '王伟',
      statement: '决定书载明的项目名称有误',
    });
    if (!raised.ok) throw new Error(JSON.stringify(raised.issues));
    expect(await firstValueFrom(cases.watchRecordsUnderObjection())).toEqual(new Set([record.id]));
    expect(
      codesOf(
        await cases.register({
          ...emptyCaseFields('objection', record.id, '2026-09-07'),
          applicant: 'a',
          statement: 'b',
        }),
      ),
    ).toEqual(['cases.openCaseExists']);

    each.profile.signIn(users.reviewer);
    expect((await cases.act(raised.value.id, 'review', '已调取原始文书')).ok).toBe(true);
    expect(await firstValueFrom(cases.watchRecordsUnderObjection())).toEqual(new Set([record.id]));
    expect((await cases.act(raised.value.id, 'uphold', '文书记载无误')).ok).toBe(true);
    expect(await firstValueFrom(cases.watchRecordsUnderObjection())).toEqual(new Set());
    expect((await each.profile.records.get(record.id))!.status).toBe('approved');
  });

  it('revoking a reported penalty’s record withdraws its publicity and asks to withdraw the report within 3 working days', async () => {
    const { penalty, derived, raised } = await reviewedPenaltyObjection('处罚决定已被复议机关撤销');
    each.profile.setNow('2026-03-10T02:00:00.000Z');
    const revoked = await cases.act(raised.value.id, 'revoke', '处罚决定已被撤销');
    if (!revoked.ok) throw new Error(JSON.stringify(revoked.issues));
    expect((await each.profile.records.get(derived.id))!.status).toBe('revoked');

    each.profile.signIn(users.clerk);
    // Decided Tuesday 2026-03-10: the report is withdrawn by Friday 03-13.
    expect(await cases.todos()).toEqual([
      {
        kind: 'withdrawPublication',
        to: `/credit/disclosures/${penalty.id}`,
        caseKind: 'objection',
        name: penalty.documentNumber,
        date: '2026-03-13',
      },
    ]);
    const withdrawn = await each.profile.disclosures.withdrawReport(penalty.id, '处罚决定已被撤销');
    expect(withdrawn.ok).toBe(true);
    expect(await cases.todos()).toEqual([]);
  });
});

/** A reported penalty whose approved record an objection disputes, registered by the clerk, reviewed. */
async function reviewedPenaltyObjection(statement: string) {
  each.profile.setNow('2026-03-09T02:00:00.000Z');
  each.profile.signIn(users.clerk);
  const penalty = await recordPenalty(each.profile, each.enterprise);
  const reported = await each.profile.disclosures.markReported(penalty.id, '2026-03-09');
  if (!reported.ok) throw new Error(JSON.stringify(reported.issues));
  const derived = (await each.profile.records.get(penalty.derivedRecordId))!;
  await each.profile.records.act(derived.id, 'submit');
  each.profile.signIn(users.reviewer);
  await each.profile.records.act(derived.id, 'approve');
  each.profile.signIn(users.clerk);
  const raised = await cases.register({
    ...emptyCaseFields('objection', derived.id, '2026-03-09'),
    applicant: '王伟',
    statement,
  });
  if (!raised.ok) throw new Error(JSON.stringify(raised.issues));
  each.profile.signIn(users.reviewer);
  await cases.act(raised.value.id, 'review', '已核实');
  return { penalty, reported: reported.value, derived, raised };
}

/** An objection to a published record, registered by the clerk and reviewed by the reviewer. */
async function reviewedObjection(statement: string) {
  const record = await publishedRecord();
  each.profile.signIn(users.clerk);
  const raised = await cases.register({
    ...emptyCaseFields('objection', record.id, '2026-09-07'),
    applicant: '王伟',
    statement,
  });
  if (!raised.ok) throw new Error(JSON.stringify(raised.issues));
  each.profile.signIn(users.reviewer);
  expect((await cases.act(raised.value.id, 'review', '已调取原始文书')).ok).toBe(true);
  return { record, raised };
}

describe('the objection outcome "corrected"', () => {
  it('amends the record in one run with the case: still published, corrected fields, before and after in history', async () => {
    const { record, raised } = await reviewedObjection('决定书载明的项目名称有误');

    // Nothing changed, or a broken correction: refused naming the rule, nothing written.
    expect(codesOf(await cases.act(raised.value.id, 'correct', '项目名称有误', {}))).toEqual([
      'cases.nothingCorrected',
    ]);
    expect(
      codesOf(
        await cases.act(raised.value.id, 'correct', '项目名称有误', {
          title: 'x',
          decisionDate: '2026-02-30',
        }),
      ),
    ).toContain('dateFormat');
    expect((await cases.get(raised.value.id))!.status).toBe('reviewed');
    expect((await each.profile.records.get(record.id))!.title).toBe(record.title);

    const title = '出借资质（项目名称更正为“城东安置房”）被列入严重失信主体名单';
    const corrected = await cases.act(raised.value.id, 'correct', '项目名称有误，按原始文书更正', { title });
    if (!corrected.ok) throw new Error(JSON.stringify(corrected.issues));
    expect(corrected.value.status).toBe('corrected');
    const after = (await each.profile.records.get(record.id))!;
    expect(after).toMatchObject({ status: 'approved', title, publicityEnd: record.publicityEnd });
    expect(after.workflow.at(-1)).toMatchObject({
      action: 'amend',
      by: users.reviewer.userId,
      note: '项目名称有误，按原始文书更正',
    });
    const [before] = await each.profile.records.history(record.id);
    expect(before!.snapshot).toMatchObject({ title: record.title, status: 'approved' });
    expect(await firstValueFrom(cases.watchRecordsUnderObjection())).toEqual(new Set());

    // The platform accepts the pushed correction from the deciding reviewer.
    const known = new Map<string, KnownUser>([
      [record.createdBy, { id: record.createdBy, roles: ['clerk'], status: 'active' }],
      [users.reviewer.userId, { id: users.reviewer.userId, roles: ['reviewer'], status: 'active' }],
    ]);
    expect(
      checkWritePermission('creditRecords', after as never, record as never, (id) => known.get(id)),
    ).toEqual([]);
  });

  it('amends the reported 双公示 penalty decision with its record, recorded, and asks no withdrawal', async () => {
    const { penalty, reported, derived, raised } = await reviewedPenaltyObjection('决定书文号记载有误');

    // A correction the decision cannot take is refused with its rule, nothing written.
    expect(
      codesOf(await cases.act(raised.value.id, 'correct', '文号有误', { documentNumber: 'x'.repeat(200) })),
    ).toContain('tooLong');
    expect((await each.profile.disclosures.get(penalty.id))!.documentNumber).toBe(penalty.documentNumber);

    const documentNumber = `${penalty.documentNumber}（更正）`;
    const corrected = await cases.act(raised.value.id, 'correct', '文号有误，按原始文书更正', {
      documentNumber,
    });
    if (!corrected.ok) throw new Error(JSON.stringify(corrected.issues));
    expect((await each.profile.records.get(derived.id))!).toMatchObject({
      status: 'approved',
      documentNumber,
    });
    const amended = (await each.profile.disclosures.get(penalty.id))!;
    expect(amended).toMatchObject({
      documentNumber,
      reportedAt: '2026-03-09',
      updatedBy: users.reviewer.userId,
    });
    const [before] = await each.profile.disclosures.history(penalty.id);
    expect(before!.snapshot).toMatchObject({ documentNumber: penalty.documentNumber });
    expect(await each.profile.journal.unfinished()).toBe(0);

    // Still published, amended: nothing to withdraw.
    each.profile.signIn(users.clerk);
    expect(await cases.todos()).toEqual([]);

    // The platform accepts the amended decision from the deciding reviewer.
    const known = new Map<string, KnownUser>([
      [users.reviewer.userId, { id: users.reviewer.userId, roles: ['reviewer'], status: 'active' }],
    ]);
    expect(
      checkWritePermission('disclosures', amended as never, reported as never, (id) => known.get(id)),
    ).toEqual([]);
  });

  it('refuses the correction by the user who entered the record (four-eyes)', async () => {
    const { record, raised } = await reviewedObjection('事实有误');
    each.profile.signIn({ ...users.reviewer, userId: record.createdBy });
    expect(codesOf(await cases.act(raised.value.id, 'correct', '更正', { title: 'x' }))).toEqual([
      'permission.ownWork',
    ]);
    expect((await each.profile.records.get(record.id))!.title).toBe(record.title);
  });
});

describe('four-eyes on the platform', () => {
  it('refuses a pushed decision by the user who entered the record, accepts another reviewer’s', async () => {
    each.profile.setNow('2027-03-08T02:00:00.000Z');
    const record = await publishedRecord();
    each.profile.signIn(users.clerk);
    const registered = await cases.registerWithNewCommitment(repairFields(record, '2027-03-08'));
    if (!registered.ok) throw new Error(JSON.stringify(registered.issues));
    // The clerk who entered the record also holds the reviewer role on the platform.
    const known = new Map<string, KnownUser>([
      ['clerk-1', { id: 'clerk-1', roles: ['clerk', 'reviewer'], status: 'active' }],
      [users.reviewer.userId, { id: users.reviewer.userId, roles: ['reviewer'], status: 'active' }],
    ]);
    const lookup = (id: string) => known.get(id);
    const at = '2027-03-08T03:00:00.000Z';
    const pushedBy = (userId: string) => ({
      ...registered.value,
      status: 'accepted',
      updatedBy: userId,
      workflow: [{ action: 'accept', by: userId, at, note: '' }],
    });
    expect(checkWritePermission('cases', pushedBy('clerk-1'), registered.value as never, lookup)).toEqual([
      {
        field: 'workflow.0.by',
        code: 'permission.ownWork',
        params: { action: 'case.decide', userId: 'clerk-1' },
      },
    ]);
    expect(
      checkWritePermission('cases', pushedBy(users.reviewer.userId), registered.value as never, lookup),
    ).toEqual([]);
  });
});
