import { describe, expect, test } from 'vitest';
import { encodeArgon2Phc, defaultArgon2Params } from '../base/security/argon2.ts';
import { appendEntry } from '../base/security/auditChain.ts';
import { documentValidators } from './documentValidators.ts';
import { bootstrapAdministrators, checkWritePermission, type KnownUser } from './writePermissions.ts';

const users = new Map<string, KnownUser>([
  ['clerk', { id: 'clerk', roles: ['clerk'], status: 'active' }],
  ['reviewer', { id: 'reviewer', roles: ['reviewer'], status: 'active' }],
  ['gone', { id: 'gone', roles: ['clerk'], status: 'disabled' }],
  ['admin', { id: 'admin', roles: ['countyAdmin'], status: 'active' }],
  ['both', { id: 'both', roles: ['clerk', 'reviewer'], status: 'active' }],
]);
const lookup = (id: string) => users.get(id);
const codes = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field} ${i.code}`);

describe('write permissions', () => {
  test("users: a new account already given its own password arrives on its creator's authority", () => {
    const account = (createdBy: string) => ({
      id: 'new-user',
      createdBy,
      updatedBy: 'new-user',
      roles: ['clerk'],
    });
    expect(checkWritePermission('users', account('admin'), null, lookup)).toEqual([]);
    expect(codes(checkWritePermission('users', account('clerk'), null, lookup))).toEqual([
      'createdBy permission.denied',
    ]);
    expect(codes(checkWritePermission('users', account('nobody'), null, lookup))).toEqual([
      'createdBy permission.unknownUser',
    ]);
  });

  test('subjects: created by clerks, not by reviewers, disabled or unknown users', () => {
    const subject = (by: string) => ({ id: 's', createdBy: by, updatedBy: by });
    expect(checkWritePermission('subjects', subject('clerk'), null, lookup)).toEqual([]);
    expect(codes(checkWritePermission('subjects', subject('reviewer'), null, lookup))).toEqual([
      'createdBy permission.denied',
    ]);
    expect(codes(checkWritePermission('subjects', subject('gone'), null, lookup))).toEqual([
      'createdBy permission.userDisabled',
    ]);
    expect(codes(checkWritePermission('subjects', subject('nobody'), null, lookup))).toEqual([
      'createdBy permission.unknownUser',
    ]);
  });

  test('credit records: each step judged against its actor; the author and the submitter may not approve', () => {
    const at = '2026-01-06T02:00:00.000Z';
    const draft = {
      id: 'r',
      createdBy: 'clerk',
      updatedBy: 'clerk',
      status: 'draft',
      workflow: [],
      title: 'a',
    };
    const submitted = {
      ...draft,
      status: 'submitted',
      workflow: [{ action: 'submit', by: 'clerk', at, note: '' }],
    };
    const approved = {
      ...submitted,
      updatedBy: 'reviewer',
      status: 'approved',
      workflow: [...submitted.workflow, { action: 'approve', by: 'reviewer', at, note: '' }],
    };
    expect(checkWritePermission('creditRecords', submitted, draft, lookup)).toEqual([]);
    expect(checkWritePermission('creditRecords', approved, submitted, lookup)).toEqual([]);
    const revokedWithoutNote = {
      ...approved,
      status: 'revoked',
      workflow: [...approved.workflow, { action: 'revoke', by: 'reviewer', at, note: '' }],
    };
    expect(codes(checkWritePermission('creditRecords', revokedWithoutNote, approved, lookup))).toEqual([
      'workflow.2.note workflow.noteRequired',
    ]);

    // Four-eyes: whoever submitted may not approve, even when someone else wrote the record.
    const submittedByBoth = {
      ...draft,
      status: 'submitted',
      workflow: [{ action: 'submit', by: 'both', at, note: '' }],
    };
    const approvedBySubmitter = {
      ...submittedByBoth,
      updatedBy: 'both',
      status: 'approved',
      workflow: [...submittedByBoth.workflow, { action: 'approve', by: 'both', at, note: '' }],
    };
    expect(checkWritePermission('creditRecords', submittedByBoth, draft, lookup)).toEqual([]);
    expect(
      codes(checkWritePermission('creditRecords', approvedBySubmitter, submittedByBoth, lookup)),
    ).toEqual(['workflow.1.by permission.ownWork']);
    // Nor may the author, when someone else submitted.
    const ownDraft = { ...draft, createdBy: 'both', updatedBy: 'both' };
    const approvedByAuthor = {
      ...ownDraft,
      updatedBy: 'both',
      status: 'approved',
      workflow: [
        { action: 'submit', by: 'clerk', at, note: '' },
        { action: 'approve', by: 'both', at, note: '' },
      ],
    };
    expect(codes(checkWritePermission('creditRecords', approvedByAuthor, ownDraft, lookup))).toEqual([
      'workflow.1.by permission.ownWork',
    ]);

    // An approved record's content changes only by an amend step, and only in the amendable fields.
    const amend = (by: string, note = '异议成立') => [
      ...approved.workflow,
      { action: 'amend', by, at, note },
    ];
    const corrected = { ...approved, title: 'b', workflow: amend('reviewer') };
    expect(checkWritePermission('creditRecords', corrected, approved, lookup)).toEqual([]);
    expect(
      codes(checkWritePermission('creditRecords', { ...approved, title: 'b' }, approved, lookup)),
    ).toEqual(['status permission.notDraft']);
    expect(
      codes(checkWritePermission('creditRecords', { ...corrected, subjectId: 'other' }, approved, lookup)),
    ).toEqual(['status permission.notDraft']);
    expect(
      codes(
        checkWritePermission(
          'creditRecords',
          { ...corrected, workflow: amend('reviewer', '') },
          approved,
          lookup,
        ),
      ),
    ).toEqual(['workflow.2.note workflow.noteRequired']);
    // Four-eyes: the record's author may not correct it.
    const ownApproved = { ...approved, createdBy: 'both' };
    expect(
      codes(
        checkWritePermission(
          'creditRecords',
          { ...ownApproved, title: 'b', workflow: amend('both') },
          ownApproved,
          lookup,
        ),
      ),
    ).toEqual(['workflow.2.by permission.ownWork']);
  });

  test('disclosures: created by clerks only, edited with the draft right, by active users only', () => {
    const decision = (createdBy: string, updatedBy = createdBy) => ({
      id: 'd',
      kind: 'licence',
      createdBy,
      updatedBy,
      documentNumber: 'X1',
    });
    expect(checkWritePermission('disclosures', decision('clerk'), null, lookup)).toEqual([]);
    expect(codes(checkWritePermission('disclosures', decision('reviewer'), null, lookup))).toEqual([
      'createdBy permission.denied',
    ]);
    expect(codes(checkWritePermission('disclosures', decision('gone'), null, lookup))).toEqual([
      'createdBy permission.userDisabled',
    ]);
    expect(codes(checkWritePermission('disclosures', decision('nobody'), null, lookup))).toEqual([
      'createdBy permission.unknownUser',
    ]);
    const edited = { ...decision('clerk', 'reviewer'), documentNumber: 'X2' };
    expect(codes(checkWritePermission('disclosures', edited, decision('clerk'), lookup))).toEqual([
      'updatedBy permission.denied',
    ]);
    expect(checkWritePermission('disclosures', decision('clerk'), decision('clerk'), lookup)).toEqual([]);
  });

  test('disclosures: a reviewer may amend only the fields an objection corrects, on penalties only', () => {
    const penalty = {
      id: 'd',
      kind: 'penalty',
      createdBy: 'clerk',
      updatedBy: 'clerk',
      documentNumber: 'X1',
      violationFacts: 'a',
      partyName: 'P',
      reportedAt: '2026-03-09',
    };
    const byReviewer = (change: object) => ({ ...penalty, updatedBy: 'reviewer', ...change });
    expect(
      checkWritePermission(
        'disclosures',
        byReviewer({ violationFacts: 'b', documentNumber: 'X2' }),
        penalty,
        lookup,
      ),
    ).toEqual([]);
    expect(
      codes(checkWritePermission('disclosures', byReviewer({ partyName: 'Q' }), penalty, lookup)),
    ).toEqual(['updatedBy permission.denied']);
    const licence = { ...penalty, kind: 'licence' };
    expect(
      codes(
        checkWritePermission(
          'disclosures',
          { ...licence, updatedBy: 'reviewer', documentNumber: 'X2' },
          licence,
          lookup,
        ),
      ),
    ).toEqual(['updatedBy permission.denied']);
  });

  test("disclosures: reporting, correcting and withdrawing the report are the reporting workflow's steps", () => {
    const decision = {
      id: 'd',
      createdBy: 'clerk',
      updatedBy: 'clerk',
      decisionDate: '2026-03-05',
      reportedAt: '',
    };
    const reported = { ...decision, reportedAt: '2026-03-09' };
    expect(checkWritePermission('disclosures', reported, decision, lookup)).toEqual([]);
    expect(
      checkWritePermission('disclosures', { ...reported, reportedAt: '2026-03-08' }, reported, lookup),
    ).toEqual([]);
    expect(checkWritePermission('disclosures', decision, reported, lookup)).toEqual([]);
    expect(
      codes(checkWritePermission('disclosures', { ...reported, reportedAt: '2026-03-04' }, decision, lookup)),
    ).toEqual(['reportedAt disclosure.reportedBeforeDecision']);
    const byAdmin = { ...reported, updatedBy: 'admin' };
    expect(codes(checkWritePermission('disclosures', byAdmin, decision, lookup))).toEqual([
      'updatedBy permission.denied',
    ]);
  });

  test('bootstrap administrators create themselves', () => {
    const admin = { id: 'a', createdBy: 'a', updatedBy: 'a', roles: ['countyAdmin'], status: 'active' };
    expect(bootstrapAdministrators([admin, { ...admin, id: 'b' }]).map((user) => user.id)).toEqual(['a']);
  });
});

describe('users and auditLog validators', () => {
  const context = { today: '2026-06-30' };
  test('a user document carries a verifier, never a password', () => {
    const user = {
      id: '0190a000-0000-7000-8000-000000000001',
      county: '410526',
      createdAt: '2026-05-01T08:00:00.000Z',
      updatedAt: '2026-05-01T08:00:00.000Z',
      createdBy: 'a',
      updatedBy: 'a',
      username: 'clerk.one',
      displayName: '录入员',
      roles: ['clerk'],
      status: 'active',
      passwordVerifier: encodeArgon2Phc({
        params: defaultArgon2Params,
        salt: new Uint8Array(16),
        hash: new Uint8Array(32),
      }),
      mustChangePassword: false,
    };
    expect(documentValidators.users!(user, context)).toEqual([]);
    expect(
      codes(documentValidators.users!({ ...user, passwordVerifier: 'secret-password' }, context)),
    ).toEqual(['passwordVerifier user.passwordVerifier']);
    expect(codes(documentValidators.users!({ ...user, password: 'x' }, context))).toEqual([
      'password unknownField',
    ]);
  });

  test('audit entries are checked for shape; deleting one is never valid', async () => {
    const entry = await appendEntry(null, {
      county: '410526',
      deviceId: 'device-1',
      at: '2026-05-01T08:00:00.000Z',
      userId: '',
      action: 'signInFailed',
      collectionName: '',
      documentId: '',
    });
    expect(documentValidators.auditLog!({ ...entry, _deleted: false }, context)).toEqual([]);
    expect(codes(documentValidators.auditLog!({ ...entry, _deleted: true }, context))).toEqual([
      '_deleted auditLog.appendOnly',
    ]);
    expect(codes(documentValidators.auditLog!({ ...entry, action: 'update' }, context))).toEqual([
      'userId auditEntry.invalidField',
    ]);
  });
});
