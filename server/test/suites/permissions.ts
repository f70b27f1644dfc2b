/** The author check of pushed documents: roles, four-eyes, disabled users, the first administrator. */
import { expect, test } from 'vitest';
import type { CreditRecordDocument, WorkflowEntry } from '../../../shared/creditRecords/model.ts';
import type { UserDocument } from '../../../shared/base/user.ts';
import { publishCityDocuments } from '../../sync/documentStore.ts';
import { documentValidators } from '../../../shared/sync/documentValidators.ts';
import { syntheticCatalogItemDocument, syntheticCreditRecord } from '../../fixtures/creditRecords.ts';
import { syntheticSubject } from '../../fixtures/subjects.ts';
import { sampleLicence } from '../../../shared/creditRecords/testFixtures.ts';
import type { DisclosureDocument } from '../../../shared/disclosures/model.ts';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import { countyStaff, syntheticUser, syntheticUserId } from '../../fixtures/users.ts';
import { createRows, refusals, type TestPlatform, updateRow } from '../harness.ts';

const at = '2026-01-06T02:00:00.000Z';

function step(action: WorkflowEntry['action'], by: string, note = ''): WorkflowEntry {
  return { action, by, at, note };
}

export function definePermissionTests(env: TestPlatform): void {
  test('documents whose authors lack the permission are refused, the allowed rest of the batch written', async () => {
    const county = await env.newCounty();
    const staff = countyStaff(county);
    const device = await env.enroll(county);

    // Users: the administrator may create one, a clerk may not.
    const clerkReviewer = syntheticUser(county, { roles: ['clerk', 'reviewer'] });
    const byClerk = syntheticUser(county, { createdBy: staff.clerk, updatedBy: staff.clerk });
    const users = await device.push('users', createRows([clerkReviewer, byClerk]));
    expect(users.status).toBe(200);
    expect(users.body.conflicts).toEqual([]);
    expect(users.body.rejected).toEqual([
      {
        id: byClerk.id,
        issues: [
          {
            field: 'updatedBy',
            code: 'permission.denied',
            params: { action: 'user.manage', userId: staff.clerk },
          },
        ],
      },
    ]);

    // Subjects: created by a clerk only, by known users only.
    const subjects = [
      syntheticSubject(county),
      syntheticSubject(county, { createdBy: staff.reviewer, updatedBy: staff.reviewer }),
      syntheticSubject(county, {
        createdBy: syntheticUserId(county, 999),
        updatedBy: syntheticUserId(county, 999),
      }),
    ];
    const pushedSubjects = await device.push('subjects', createRows(subjects));
    expect(refusals(pushedSubjects.body.rejected)).toEqual({
      [subjects[1]!.id]: ['createdBy permission.denied'],
      [subjects[2]!.id]: ['createdBy permission.unknownUser'],
    });

    // Credit records: a clerk's approval and an approval of one's own record are refused.
    const ownDraft = syntheticCreditRecord(county, {
      createdBy: clerkReviewer.id,
      updatedBy: clerkReviewer.id,
    });
    const draft = syntheticCreditRecord(county);
    expect((await device.push('creditRecords', createRows([draft, ownDraft]))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    const approvedByClerk: CreditRecordDocument = {
      ...draft,
      status: 'approved',
      workflow: [step('submit', staff.clerk), step('approve', staff.clerk)],
    };
    const approvedByAuthor: CreditRecordDocument = {
      ...ownDraft,
      status: 'approved',
      workflow: [step('submit', clerkReviewer.id), step('approve', clerkReviewer.id)],
    };
    const approvedByReviewer = syntheticCreditRecord(county, {
      status: 'approved',
      updatedBy: staff.reviewer,
      workflow: [step('submit', staff.clerk), step('approve', staff.reviewer)],
    });
    const statusWithoutStep = syntheticCreditRecord(county, { status: 'approved' });
    const records = await device.push('creditRecords', [
      updateRow(draft, approvedByClerk),
      updateRow(ownDraft, approvedByAuthor),
      ...createRows([approvedByReviewer, statusWithoutStep]),
    ]);
    expect(refusals(records.body.rejected)).toEqual({
      [draft.id]: ['workflow.1.by permission.denied'],
      [ownDraft.id]: ['workflow.1.by permission.ownWork'],
      [statusWithoutStep.id]: ['status permission.statusMismatch'],
    });
    const denied = records.body.rejected.find((found) => found.id === draft.id)!;
    expect(denied.issues[0]!.params).toEqual({ action: 'record.approve', userId: staff.clerk });
    const stored = await device.pullAll('creditRecords');
    expect(stored.map((doc) => [doc.id, doc.status]).sort()).toEqual(
      [
        [draft.id, 'draft'],
        [ownDraft.id, 'draft'],
        [approvedByReviewer.id, 'approved'],
      ].sort(),
    );

    // An approved record is no longer edited, and its history is never rewritten.
    const edited = { ...approvedByReviewer, title: '改动后的标题', updatedBy: staff.clerk };
    const rewritten = {
      ...approvedByReviewer,
      workflow: [step('submit', staff.clerk)],
      status: 'submitted' as const,
    };
    const tampering = await device.push('creditRecords', [updateRow(approvedByReviewer, edited)]);
    expect(refusals(tampering.body.rejected)).toEqual({
      [approvedByReviewer.id]: ['status permission.notDraft'],
    });
    const rewriting = await device.push('creditRecords', [updateRow(approvedByReviewer, rewritten)]);
    expect(refusals(rewriting.body.rejected)).toEqual({
      [approvedByReviewer.id]: ['workflow permission.historyRewritten'],
    });
  });

  test('a user changes her own password without user.manage, but not her roles', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const [clerk] = (await device.pullAll('users')).filter((doc) => doc.id === countyStaff(county).clerk) as
      | (UserDocument & { _deleted: boolean })[]
      | [];
    const { _deleted, ...current } = clerk!;
    const ownPassword = {
      ...current,
      passwordVerifier: current.passwordVerifier.replace(/A{4}/, 'BBBB'),
      updatedBy: current.id,
    };
    expect(ownPassword.passwordVerifier).not.toBe(current.passwordVerifier);
    expect((await device.push('users', [updateRow(current, ownPassword)])).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    const promoted = { ...ownPassword, roles: ['clerk', 'reviewer'] as UserDocument['roles'] };
    const refused = await device.push('users', [updateRow(ownPassword, promoted)]);
    expect(refusals(refused.body.rejected)).toEqual({ [current.id]: ['updatedBy permission.denied'] });
  });

  test("a county's first administrator arrives with its first users push; then only known users write", async () => {
    const county = await env.newCounty({ staffed: false });
    const device = await env.enroll(county);
    const adminId = syntheticUserId(county, 1);
    const admin = syntheticUser(county, {
      id: adminId,
      createdBy: adminId,
      updatedBy: adminId,
      roles: ['countyAdmin'],
    });
    const clerk = syntheticUser(county, { createdBy: adminId, updatedBy: adminId });
    const subject = syntheticSubject(county, { createdBy: clerk.id, updatedBy: clerk.id });

    // Before any user: nothing but a self-made administrator is accepted.
    expect(refusals((await device.push('subjects', createRows([subject]))).body.rejected)).toEqual({
      [subject.id]: ['createdBy permission.unknownUser'],
    });
    const selfMadeClerk = syntheticUser(county, { roles: ['clerk'] });
    const selfMade = { ...selfMadeClerk, createdBy: selfMadeClerk.id, updatedBy: selfMadeClerk.id };
    expect(refusals((await device.push('users', createRows([selfMade]))).body.rejected)).toEqual({
      [selfMade.id]: ['updatedBy permission.unknownUser'],
    });

    // The clerk comes before her administrator in the batch: both are written.
    expect((await device.push('users', createRows([clerk, admin]))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    expect((await device.push('subjects', createRows([subject]))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });

    // The county has users now: another self-made administrator is a stranger.
    const intruderId = syntheticUserId(county, 2);
    const intruder = syntheticUser(county, {
      id: intruderId,
      createdBy: intruderId,
      updatedBy: intruderId,
      roles: ['countyAdmin'],
    });
    expect(refusals((await device.push('users', createRows([intruder]))).body.rejected)).toEqual({
      [intruderId]: ['updatedBy permission.unknownUser'],
    });
  });

  test("a disabled user's writes are refused", async () => {
    const county = await env.newCounty();
    const staff = countyStaff(county);
    const device = await env.enroll(county);
    const clerk = (await device.pullAll('users')).find((doc) => doc.id === staff.clerk)!;
    const disabled = { ...clerk, status: 'disabled', updatedBy: staff.admin };
    expect(
      (await device.push('users', [{ newDocumentState: disabled, assumedMasterState: clerk }])).body,
    ).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    const subject = syntheticSubject(county);
    expect(refusals((await device.push('subjects', createRows([subject]))).body.rejected)).toEqual({
      [subject.id]: ['createdBy permission.userDisabled'],
    });
  });

  test('credit records are checked against the catalog the city published', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const code = `JZ-CS-${county.slice(-2)}`;
    const record = syntheticCreditRecord(county, { catalogCode: code });
    const before = await device.push('creditRecords', createRows([record]));
    expect(refusals(before.body.rejected)).toEqual({
      [record.id]: ['catalogCode creditRecord.unknownCatalogItem'],
    });
    const published = await publishCityDocuments(
      env.platform.database,
      { validate: documentValidators.reference! },
      'reference',
      [{ ...syntheticCatalogItemDocument(code), _deleted: false }],
      { today: '2026-01-01' },
    );
    expect(published.rejected).toEqual([]);
    expect((await device.push('creditRecords', createRows([record]))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
  });
}

/** A licence of `county` as a device pushes it, written by `by`. */
function licenceDocument(county: string, by: string, documentNumber: string): DisclosureDocument {
  const now = new Date().toISOString();
  return {
    ...sampleLicence({ documentNumber }),
    id: uuidv7(),
    county,
    createdAt: now,
    updatedAt: now,
    createdBy: by,
    updatedBy: by,
  };
}

/** Needs the platform's real `disclosures` validator (the main suite serves a stand-in). */
export function defineDisclosurePermissionTests(env: TestPlatform): void {
  test('licences and penalties: written by clerks, refused from reviewers, disabled or unknown users', async () => {
    const county = await env.newCounty();
    const staff = countyStaff(county);
    const device = await env.enroll(county);
    const byClerk = licenceDocument(county, staff.clerk, '许可〔2026〕1号');
    const byReviewer = licenceDocument(county, staff.reviewer, '许可〔2026〕2号');
    const byStranger = licenceDocument(county, syntheticUserId(county, 999), '许可〔2026〕3号');
    const pushed = await device.push('disclosures', createRows([byClerk, byReviewer, byStranger]));
    expect(pushed.status).toBe(200);
    expect(refusals(pushed.body.rejected)).toEqual({
      [byReviewer.id]: ['createdBy permission.denied'],
      [byStranger.id]: ['createdBy permission.unknownUser'],
    });
    const editedByReviewer = { ...byClerk, content: '改动后的许可内容', updatedBy: staff.reviewer };
    const edit = await device.push('disclosures', [updateRow(byClerk, editedByReviewer)]);
    expect(refusals(edit.body.rejected)).toEqual({ [byClerk.id]: ['updatedBy permission.denied'] });
    const stored = await device.pullAll('disclosures');
    expect(stored.map((doc) => [doc.id, doc.content])).toEqual([[byClerk.id, byClerk.content]]);
  });
}
