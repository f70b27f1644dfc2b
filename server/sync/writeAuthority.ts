/**
 * The platform's author check of pushed documents: the county's users as the platform holds them (its
 * `users` documents), judged with the shared rules in shared/sync/writePermissions.ts.
 */
import type { CollectionName } from '../../shared/base/collections.ts';
import {
  bootstrapAdministrators,
  checkWritePermission,
  type KnownUser,
  knownUserOf,
} from '../../shared/sync/writePermissions.ts';
import { assignmentIssues } from '../../shared/inspections/assignment.ts';
import { conflictedUsers, conflictIssues } from '../../shared/inspections/conflicts.ts';
import {
  type DeclarationFacts,
  declaredConflicts,
  ignoredDeclarations,
} from '../../shared/inspections/declarations.ts';
import type { InspectionDocument, PlanDocument } from '../../shared/inspections/document.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { CaseDocument } from '../../shared/cases/model.ts';
import { type RepairCommitment, repairCommitmentIssues } from '../../shared/cases/repairCommitment.ts';
import type { Queryable } from '../db/database.ts';
import { documentsByIds } from '../query/documents.ts';
import type { WriteAuthority } from './documentStore.ts';

/**
 * Loads the county's users and returns the check for one push of `collection`. A county that has never
 * had a user accepts, as its first `users` push, administrators who create themselves (see
 * `bootstrapAdministrators`): that is how the administrator made on a device's first start arrives.
 */
export async function loadWriteAuthority(
  tx: Queryable,
  county: string,
  collection: CollectionName,
  documents: readonly Record<string, unknown>[],
): Promise<WriteAuthority> {
  const { rows } = await tx.query<{ deleted: boolean; body: Record<string, unknown> }>(
    `SELECT deleted, body FROM documents WHERE collection = 'users' AND feed = $1`,
    [county],
  );
  const users = new Map<string, KnownUser>();
  for (const row of rows) {
    const user = knownUserOf({ ...row.body, _deleted: row.deleted });
    if (user) users.set(user.id, user);
  }
  if (rows.length === 0 && collection === 'users') {
    for (const admin of bootstrapAdministrators(documents)) users.set(admin.id, admin);
  }
  const lookup = (id: string) => users.get(id);
  const declarations = collection === 'inspections' ? await loadDeclarations(tx, county) : null;
  const conflicts = declarations ? await loadConflicts(tx, county, rows, documents, declarations) : null;
  const plans = collection === 'inspections' ? await loadPlans(tx, county, documents) : null;
  const commitments = collection === 'cases' ? await loadRepairCommitments(tx, county, documents) : null;
  return {
    judge: (next, previous) => [
      ...checkWritePermission(collection, next, previous, lookup),
      ...(conflicts?.(next, previous) ?? []),
      ...(commitments?.(next, previous) ?? []),
      ...(plans?.judge(next, previous) ?? []),
      ...(declarations ? drawIssues(next, previous, [...declarations.values()]) : []),
    ],
    accept(next) {
      plans?.accept(next);
      if (declarations && next.kind === 'conflict' && typeof next.id === 'string') {
        declarations.set(next.id, next as unknown as DeclarationFacts);
      }
      if (collection !== 'users' || typeof next.id !== 'string') return;
      const user = knownUserOf(next);
      if (user) users.set(user.id, user);
      else users.delete(next.id);
    },
  };
}

/**
 * The conflict-of-interest check of pushed inspections (shared/inspections/conflicts.ts), against the
 * inspected subjects, the county's users and the conflicts declared when each inspection started, as the
 * platform holds them.
 */
async function loadConflicts(
  tx: Queryable,
  county: string,
  userRows: readonly { deleted: boolean; body: Record<string, unknown> }[],
  documents: readonly Record<string, unknown>[],
  declarations: ReadonlyMap<string, DeclarationFacts>,
) {
  const subjectIds = [...new Set(documents.map((doc) => String(doc.subjectId ?? '')))];
  const subjects = new Map(
    (await documentsByIds(tx, 'subjects', subjectIds, county)).map((row) => [row.id, row.body]),
  );
  const people = userRows
    .filter((row) => !row.deleted)
    .map((row) => ({ id: String(row.body.id ?? ''), displayName: String(row.body.displayName ?? '') }));
  return (next: Record<string, unknown>, previous: Record<string, unknown> | null) => {
    if (next.kind !== 'inspection') return [];
    const subjectId = String(next.subjectId ?? '');
    const party = subjects.get(subjectId) as SubjectDocument | undefined;
    const declared = declaredConflicts([...declarations.values()], String(next.startedAt ?? ''));
    return conflictIssues(
      next as unknown as InspectionDocument,
      previous as unknown as InspectionDocument | null,
      [...conflictedUsers(party, people), ...(declared.get(subjectId) ?? [])],
    );
  };
}

/**
 * The commitment rule of pushed cases (shared/cases/repairCommitment.ts): a repair arrives with the
 * applicant's standing credit-repair letter, as the platform holds it (a device pushes its letters first:
 * shared/sync/pushOrder.ts).
 * Judged when the case first arrives; its later steps do not change the link.
 */
async function loadRepairCommitments(
  tx: Queryable,
  county: string,
  documents: readonly Record<string, unknown>[],
) {
  const ids = [...new Set(documents.map((doc) => String(doc.commitmentId ?? '')).filter((id) => id !== ''))];
  const letters = new Map(
    (await documentsByIds(tx, 'commitments', ids, county))
      .filter((row) => !row.deleted)
      .map((row) => [row.id, row.body as unknown as RepairCommitment]),
  );
  return (next: Record<string, unknown>, previous: Record<string, unknown> | null) => {
    if (previous) return [];
    const pushed = next as unknown as CaseDocument;
    return repairCommitmentIssues(pushed, letters.get(pushed.commitmentId ?? ''));
  };
}

/**
 * The plan-assignment check of pushed inspections (shared/inspections/assignment.ts), against the plans the
 * platform holds and those accepted earlier in the same push.
 */
async function loadPlans(tx: Queryable, county: string, documents: readonly Record<string, unknown>[]) {
  const planIds = [...new Set(documents.map((doc) => String(doc.planId ?? '')).filter((id) => id !== ''))];
  const plans = new Map(
    (await documentsByIds(tx, 'inspections', planIds, county))
      .filter((row) => !row.deleted && row.body.kind === 'plan')
      .map((row) => [row.id, row.body as unknown as PlanDocument]),
  );
  return {
    judge(next: Record<string, unknown>, previous: Record<string, unknown> | null) {
      if (next.kind !== 'inspection' || next._deleted === true) return [];
      const inspection = next as unknown as InspectionDocument;
      return assignmentIssues(
        inspection,
        previous as unknown as InspectionDocument | null,
        plans.get(inspection.planId) ?? null,
      );
    },
    accept(next: Record<string, unknown>) {
      if (next.kind === 'plan' && typeof next.id === 'string') {
        plans.set(next.id, next as unknown as PlanDocument);
      }
    },
  };
}

/** The county's declared conflicts of interest (kind `conflict` of inspections), by id. */
async function loadDeclarations(tx: Queryable, county: string): Promise<Map<string, DeclarationFacts>> {
  const { rows } = await tx.query<{ id: string; body: DeclarationFacts }>(
    `SELECT id, body FROM documents
     WHERE collection = 'inspections' AND feed = $1 AND NOT deleted AND body ->> 'kind' = 'conflict'`,
    [county],
  );
  return new Map(rows.map((row) => [row.id, row.body]));
}

/**
 * A plan pushed as drawn (newly, or with another draw): its candidates must keep every conflict declared
 * when it was drawn, so the draw the platform re-runs honours them (shared/inspections/declarations.ts).
 */
function drawIssues(
  next: Record<string, unknown>,
  previous: Record<string, unknown> | null,
  declarations: readonly DeclarationFacts[],
) {
  if (next.kind !== 'plan' || next.state !== 'drawn' || next._deleted === true) return [];
  const plan = next as unknown as PlanDocument;
  if (previous && JSON.stringify(previous.plan) === JSON.stringify(plan.plan)) return [];
  const drawnAt = plan.steps.find((step) => step.action === 'draw')?.at ?? plan.startedAt;
  return ignoredDeclarations(plan.plan.candidates, declarations, drawnAt);
}
