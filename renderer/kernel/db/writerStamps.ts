import { withoutStamps } from '../../../shared/base/document.ts';
import { capabilities } from '../../../shared/capabilities.ts';
import { issue, type ValidationIssue } from '../../../shared/base/validation.ts';
import { canonicalJson } from '../../../shared/base/security/canonicalJson.ts';
import type { Action } from '../../../shared/base/security/permissions.ts';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import { authorize } from '../security/permissions.ts';
import type { RepositoryContext } from '../security/repositoryContext.ts';
import type {
  JournalAuthor,
  JournalCollection,
  JournalDocument,
  JournalStep,
  StepAudit,
} from './writerJournal.ts';

/**
 * The writer's first two stages: who may write (permission) and the stamps every document carries (id,
 * county, created and updated at and by), with the fields its capability derives from the content.
 */

export function authorOf(session: JournalAuthor): JournalAuthor {
  return { userId: session.userId, userName: session.userName };
}

/** What a caller hands the writer to stamp: the content, with stamps only where it sets its own (ids). */
export type Content = Record<string, unknown>;

/** A new document to stamp and create, or the next content of `before` to stamp and write. */
export type Change =
  | { kind: 'new'; collection: JournalCollection; content: Content }
  | {
      kind: 'next';
      collection: JournalCollection;
      before: JournalDocument;
      content: Content;
      audit?: StepAudit;
      /** `before` was deleted here: the next version brings it back. */
      revive?: true;
    };

/**
 * Who may write: an action the signed-in user's roles must allow; `platformRule`, the platform's own
 * write-permission rule for each document against the users this device knows (sync resolutions, which
 * write values of any field); or `judged` with the author, where a rule judged the actor already (a
 * workflow step through the workflow engine, automatic steps, a user's own password, the first
 * administrator).
 */
export type WritePermission = Action | 'platformRule' | { judged: JournalAuthor & { county?: string } };

/** A permitted writer: the author the stamps name and the county new documents belong to. */
export interface Permitted {
  author: JournalAuthor;
  county: string;
}

/** The author and county of a write the permission allows; the refusal otherwise. */
export function permit(
  permission: WritePermission,
  context: RepositoryContext,
): ({ ok: true } & Permitted) | { ok: false; issues: ValidationIssue[] } {
  if (typeof permission === 'object') {
    return { ok: true, author: authorOf(permission.judged), county: permission.judged.county ?? '' };
  }
  const session = context.session();
  const authorized =
    permission === 'platformRule'
      ? session
        ? { ok: true as const, session }
        : { ok: false as const, issues: [issue('action', 'permission.denied')] }
      : authorize(session, permission);
  if (!authorized.ok) return authorized;
  return { ok: true, author: authorOf(authorized.session), county: authorized.session.county };
}

/** The stamped step of a change; null when the next content changes nothing (nothing is written). */
export function stampChange(change: Change, permitted: Permitted, now: string): JournalStep | null {
  if (change.kind === 'new') {
    return {
      kind: 'create',
      collection: change.collection,
      docs: [stampNew(change.collection, change.content, permitted, now)],
    };
  }
  const content = derived(change.collection, change.content);
  const unchanged = canonicalJson(withoutStamps(content)) === canonicalJson(withoutStamps(change.before));
  if (unchanged && !change.revive) return null;
  const { id, county, createdAt, createdBy } = change.before as Record<string, unknown>;
  const after = {
    ...content,
    id,
    county,
    createdAt,
    createdBy,
    updatedAt: now,
    updatedBy: permitted.author.userId,
  } as JournalDocument;
  return {
    kind: 'update',
    collection: change.collection,
    before: change.before,
    after,
    ...(change.audit ? { audit: change.audit } : {}),
    ...(change.revive ? { revive: true as const } : {}),
  };
}

/** A new document's stamps; an id or county the content sets stands (seeded city data, first users). */
export function stampNew(
  collection: JournalCollection,
  content: Content,
  permitted: Permitted,
  now: string,
): JournalDocument {
  const { userId } = permitted.author;
  return {
    ...derived(collection, content),
    id: content.id ?? uuidv7(Date.parse(now)),
    county: content.county ?? permitted.county,
    createdAt: now,
    updatedAt: now,
    createdBy: userId,
    updatedBy: userId,
  } as unknown as JournalDocument;
}

/** The content with the fields its capability derives from it (a capability's `derive`). */
function derived(collection: JournalCollection, content: Content): Content {
  return capabilities.get(collection).derive?.(content) ?? content;
}
