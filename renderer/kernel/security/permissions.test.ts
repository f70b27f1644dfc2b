import { describe, expect, it } from 'vitest';
import { actions, can, roles } from '../../../shared/base/security/permissions.ts';
import { authorize, requireFourEyes, requirePermission } from './permissions.ts';
import { testSession } from './testSupport.ts';

describe('repository permission helpers', () => {
  it('follow the shared permission table for every role and action', () => {
    for (const role of roles) {
      const session = testSession([role]);
      for (const action of actions) {
        const refused = requirePermission(session, action);
        expect({ role, action, allowed: refused === null }).toEqual({
          role,
          action,
          allowed: can(role, action),
        });
        if (refused)
          expect(refused).toEqual({ field: 'action', code: 'permission.denied', params: { action } });
        expect(authorize(session, action).ok).toBe(can(role, action));
      }
    }
  });

  it('refuse everything when nobody is signed in', () => {
    for (const action of actions) {
      expect(requirePermission(null, action)?.code).toBe('permission.denied');
      expect(authorize(null, action)).toEqual({
        ok: false,
        issues: [{ field: 'action', code: 'permission.denied', params: { action } }],
      });
    }
  });

  it('let a clerk never approve, and a reviewer approve only what others wrote (four eyes)', () => {
    const clerk = testSession(['clerk'], 'clerk-1');
    const reviewer = testSession(['reviewer'], 'reviewer-1');
    const byClerk = { createdBy: 'clerk-1', updatedBy: 'clerk-1' };
    expect(requireFourEyes(clerk, 'record.approve', byClerk)?.code).toBe('permission.denied');
    expect(requireFourEyes(reviewer, 'record.approve', byClerk)).toBeNull();
    expect(
      requireFourEyes(reviewer, 'record.approve', { createdBy: 'reviewer-1', updatedBy: 'clerk-1' }),
    ).toEqual({
      field: 'approvedBy',
      code: 'permission.ownWork',
    });
    expect(
      requireFourEyes(reviewer, 'list.approve', { createdBy: 'clerk-1', updatedBy: 'reviewer-1' })?.code,
    ).toBe('permission.ownWork');
    // A reviewer who is also a clerk still cannot approve her own draft.
    const both = testSession(['clerk', 'reviewer'], 'both-1');
    expect(
      requireFourEyes(both, 'disclosure.approve', { createdBy: 'both-1', updatedBy: 'both-1' })?.code,
    ).toBe('permission.ownWork');
    expect(requireFourEyes(null, 'record.approve', byClerk)?.code).toBe('permission.denied');
  });
});
