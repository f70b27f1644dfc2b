import { type ValidationIssue, issue } from '../../../shared/base/validation.ts';
import { type Action, assertCan, checkFourEyes } from '../../../shared/base/security/permissions.ts';
import type { SignedInSession } from './session.ts';

/**
 * Permission checks for repositories: every write asks first and refuses with the issue (nothing is
 * written). The UI hides what a user may not do, but these checks are what holds.
 */

/** Null when the session's roles allow the action, else a `permission.denied` issue naming it. */
export function requirePermission(session: SignedInSession | null, action: Action): ValidationIssue | null {
  if (!session) return issue('action', 'permission.denied', { action });
  return assertCan(session.roles, action);
}

/** The session when it may perform the action, else the refusal in the shape repositories return. */
export function authorize(
  session: SignedInSession | null,
  action: Action,
): { ok: true; session: SignedInSession } | { ok: false; issues: ValidationIssue[] } {
  const denied = requirePermission(session, action);
  return denied || !session
    ? { ok: false, issues: [denied ?? issue('action', 'permission.denied')] }
    : { ok: true, session };
}

/** The stamps that make someone an author of a document for the four-eyes rule. */
export interface Authored {
  createdBy: string;
  updatedBy: string;
}

/**
 * For approvals, decisions and revocations: the session must hold the permission for `action` and must
 * not have created or last changed the document. Returns the first broken rule, or null.
 */
export function requireFourEyes(
  session: SignedInSession | null,
  action: Action,
  document: Authored,
): ValidationIssue | null {
  return (
    requirePermission(session, action) ??
    checkFourEyes([document.createdBy, document.updatedBy], session?.userId ?? '')
  );
}
