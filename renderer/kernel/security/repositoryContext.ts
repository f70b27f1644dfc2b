import type { AuditSnapshot } from '../../../shared/base/auditEntry.ts';
import type { CollectionName } from '../../../shared/base/collections.ts';
import { issue, type ValidationIssue } from '../../../shared/base/validation.ts';
import type { Action } from '../../../shared/base/security/permissions.ts';
import { changedFields } from '../../../shared/base/security/auditChain.ts';
import type { Clock } from '../session/session.ts';
import type { AuditService } from './audit.ts';
import { requirePermission } from './permissions.ts';
import { maskPersonalData, type PersonalDataCipher } from './personalData.ts';
import type { SignedInSession } from './session.ts';

/**
 * What every repository gets to write: who is acting (never a form field), the clock, the audit trail
 * and the cipher for personal data kept outside RxDB (e.g. edit history). Repositories check
 * `requirePermission(context.session(), action)` before writing and call `auditWrite` after.
 */
export interface RepositoryContext {
  /** The signed-in user; null when nobody is (every write is then refused). */
  session: () => SignedInSession | null;
  clock: Clock;
  audit: AuditService;
  personalData: PersonalDataCipher;
}

type Doc = object;

/** Fields the audit entry carries itself (who, when, which document) or that never change. */
const entryOwnFields = new Set(['id', 'county', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

function withoutOwnFields(doc: Doc, extra: ReadonlySet<string>): AuditSnapshot {
  return Object.fromEntries(
    Object.entries(doc as AuditSnapshot).filter(([field]) => !entryOwnFields.has(field) && !extra.has(field)),
  );
}

/**
 * The before/after of a create (before null) or an update, as the audit trail keeps it: only the
 * changed fields, personal values masked, never in clear. `omit` leaves out fields such as password
 * verifiers.
 */
export function auditChange(
  collection: CollectionName,
  before: Doc | null,
  after: Doc,
  omit: readonly string[] = [],
): { before: AuditSnapshot | null; after: AuditSnapshot } {
  const skip = new Set(omit);
  const masked = (doc: Doc) => withoutOwnFields(maskPersonalData(collection, doc), skip);
  const changed = changedFields(before && masked(before), masked(after));
  return { before: changed.before, after: changed.after ?? {} };
}

/** Appends the audit entry of a created (before null) or changed document for the signed-in user. */
export async function auditWrite(
  context: RepositoryContext,
  collection: CollectionName,
  before: Doc | null,
  after: Doc & { id: string },
  omit: readonly string[] = [],
): Promise<void> {
  await context.audit.append(actingUserId(context), {
    action: before ? 'update' : 'create',
    collectionName: collection,
    documentId: after.id,
    ...auditChange(collection, before, after, omit),
  });
}

/** One audit entry per created document, in one write (bulk creation). */
export async function auditCreations(
  context: RepositoryContext,
  collection: CollectionName,
  created: readonly (Doc & { id: string })[],
): Promise<void> {
  await context.audit.appendMany(
    actingUserId(context),
    created.map((doc) => ({
      action: 'create' as const,
      collectionName: collection,
      documentId: doc.id,
      ...auditChange(collection, null, doc),
    })),
  );
}

function actingUserId(context: RepositoryContext): string {
  const session = context.session();
  if (!session) throw new Error('No signed-in user to record in the audit trail');
  return session.userId;
}

/**
 * Records that the signed-in user is shown a record's personal values in clear. Refused (nothing shown)
 * without `personalData.reveal` or without a reason; resolves once the audit entry is stored.
 */
export async function revealPersonalData(
  context: RepositoryContext,
  request: { collection: CollectionName; documentId: string; fields: readonly string[]; reason: string },
): Promise<ValidationIssue | null> {
  const session = context.session();
  const denied = requirePermission(session, 'personalData.reveal');
  if (denied || !session) return denied;
  if (request.reason.trim() === '') return issue('reason', 'auditEntry.reasonRequired');
  await context.audit.append(session.userId, {
    action: 'revealPersonalData',
    collectionName: request.collection,
    documentId: request.documentId,
    after: { fields: [...request.fields] },
    reason: request.reason,
  });
  return null;
}

export type Acting = { ok: true; session: SignedInSession } | { ok: false; issues: ValidationIssue[] };

/** The signed-in user when her roles allow the action, else the issue that refuses it. */
export function actingUser(context: RepositoryContext, action: Action): Acting {
  const session = context.session();
  const denied = requirePermission(session, action);
  if (denied || !session) return { ok: false, issues: [denied ?? issue('action', 'permission.denied')] };
  return { ok: true, session };
}

/** Whether the signed-in user's roles allow the action (for showing or hiding buttons). */
export function mayAct(context: RepositoryContext, action: Action): boolean {
  return requirePermission(context.session(), action) === null;
}
