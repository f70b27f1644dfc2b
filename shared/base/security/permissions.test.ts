import { describe, expect, it } from 'vitest';
import {
  type Action,
  actionLabelKey,
  actions,
  allowedActions,
  assertCan,
  can,
  checkFourEyes,
  isAction,
  isRole,
  type Role,
  roles,
} from './permissions.ts';

const reads: Action[] = [
  'subject.read',
  'record.read',
  'disclosure.read',
  'commitment.read',
  'inspection.read',
  'list.read',
  'case.read',
];

/** What each role may do, written out per role (the table is written per action). */
const expected: Record<Role, Action[]> = {
  clerk: [
    ...reads,
    'subject.create',
    'subject.update',
    'record.create',
    'record.editDraft',
    'record.submit',
    'disclosure.create',
    'disclosure.editDraft',
    'disclosure.submit',
    'commitment.create',
    'commitment.update',
    'commitment.recordFulfilment',
    'list.propose',
    'case.register',
    'report.print',
    'verification.query',
    'export.spreadsheet',
    'sync.run',
  ],
  inspector: [
    ...reads,
    'inspection.record',
    'inspection.conflict',
    'report.print',
    'verification.query',
    'sync.run',
  ],
  reviewer: [
    ...reads,
    'record.approve',
    'record.revoke',
    'inspection.plan',
    'disclosure.approve',
    'disclosure.revoke',
    'list.approve',
    'case.decide',
    'report.print',
    'verification.query',
    'export.spreadsheet',
    'export.publication',
    'personalData.reveal',
    'sync.run',
  ],
  countyAdmin: [
    ...reads,
    'inspection.conflict',
    'user.manage',
    'device.manage',
    'settings.manage',
    'catalog.manage',
    'template.manage',
    'inspection.plan',
    'personalData.reveal',
    'audit.read',
    'backup.export',
    'backup.restore',
    'sync.run',
  ],
  auditor: [...reads, 'audit.read', 'audit.export'],
};

describe('permission table', () => {
  it('matches the expectation for every role × action', () => {
    for (const role of roles) {
      for (const action of actions) {
        expect({ role, action, allowed: can(role, action) }).toEqual({
          role,
          action,
          allowed: expected[role].includes(action),
        });
      }
    }
  });

  it('names only actions of the table in the expectation', () => {
    for (const role of roles) {
      for (const action of expected[role]) expect(isAction(action), action).toBe(true);
    }
    expect(allowedActions('auditor')).toEqual(actions.filter((a) => expected.auditor.includes(a)));
  });

  it('gives every action to at least one role and every role something beyond reading', () => {
    for (const action of actions)
      expect(
        roles.some((role) => can(role, action)),
        action,
      ).toBe(true);
    for (const role of roles)
      expect(
        allowedActions(role).some((a) => !reads.includes(a)),
        role,
      ).toBe(true);
  });

  it('keeps drafting and approving apart', () => {
    expect(can('clerk', 'record.approve')).toBe(false);
    expect(can('reviewer', 'record.editDraft')).toBe(false);
    expect(can('countyAdmin', 'record.approve')).toBe(false);
    expect(can('auditor', 'subject.update')).toBe(false);
  });

  it('combines roles: any held role grants', () => {
    expect(can(['clerk', 'reviewer'], 'record.approve')).toBe(true);
    expect(can(['clerk', 'reviewer'], 'record.create')).toBe(true);
    expect(can(['clerk', 'inspector'], 'user.manage')).toBe(false);
    expect(can([], 'subject.read')).toBe(false);
  });

  it('assertCan returns a machine-readable issue naming the action', () => {
    expect(assertCan('reviewer', 'record.approve')).toBeNull();
    expect(assertCan('clerk', 'record.approve')).toEqual({
      field: 'action',
      code: 'permission.denied',
      params: { action: 'record.approve' },
    });
    expect(assertCan(['auditor'], 'backup.restore')?.code).toBe('permission.denied');
  });

  it('recognizes roles, actions and label keys', () => {
    expect(isRole('reviewer')).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isAction('record.approve')).toBe(true);
    expect(isAction('record.delete')).toBe(false);
    expect(isAction('toString')).toBe(false);
    expect(actionLabelKey('record.approve')).toBe('security.action.record.approve');
  });
});

describe('four-eyes rule', () => {
  it('lets a reviewer approve someone else’s record', () => {
    expect(checkFourEyes('user-clerk', 'user-reviewer')).toBeNull();
    expect(checkFourEyes(['user-clerk', 'user-clerk-2'], 'user-reviewer')).toBeNull();
  });

  it('refuses her own record, whether she created it or last changed it', () => {
    const own = { field: 'approvedBy', code: 'permission.ownWork' };
    expect(checkFourEyes('user-reviewer', 'user-reviewer')).toEqual(own);
    expect(checkFourEyes(['user-clerk', 'user-reviewer'], 'user-reviewer')).toEqual(own);
  });

  it('refuses an unknown approver', () => {
    expect(checkFourEyes('user-clerk', '')?.code).toBe('permission.ownWork');
  });
});
