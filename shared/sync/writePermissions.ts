/**
 * Who may write a pushed document: the platform judges every county document against the county's users
 * as it knows them and the shared permission table (shared/base/security/permissions.ts). A device pushes
 * only the latest state of a document, so several offline steps may arrive at once: each workflow step
 * is judged against the user who took it (`workflow[n].by`), the creation against `createdBy`, and the
 * last change against `updatedBy`.
 */
import type { CaseDocument } from '../cases/model.ts';
import { penaltyCorrectionFields } from '../cases/penaltyCorrection.ts';
import { checkCaseWrite } from '../cases/replay.ts';
import type { CommitmentDocument } from '../commitments/model.ts';
import { replayCommitmentSteps } from '../commitments/replay.ts';
import { type ConflictDocument, type InspectionDocument, indexFieldNames } from '../inspections/document.ts';
import { editorIssues } from '../inspections/editors.ts';
import { checkOrderChanges } from '../inspections/orders.ts';
import { type PlanState, type PlanStep, planWorkflow } from '../inspections/plan.ts';
import {
  type DeclarationState,
  type DeclarationStep,
  declarationWorkflow,
  declarerIssues,
} from '../inspections/declarations.ts';
import { type FlowDocument, inspectionWorkflow, replayFlow } from '../inspections/workflows.ts';
import { creditRecordWorkflow, judgeCreditRecordStep } from '../creditRecords/workflow.ts';
import { judgeReportingStep, reportingStepBetween } from '../disclosures/reporting.ts';
import type { ListingDocument } from '../lists/listing.ts';
import { replayListing } from '../lists/workflow.ts';
import { permissionCodeOf, replaySteps, stepTakers } from '../kit/workflow.ts';
import type { CollectionName } from '../base/collections.ts';
import {
  amendableCreditRecordFields,
  type CreditRecordStatus,
  type WorkflowEntry,
} from '../creditRecords/model.ts';
import type { UserStatus } from '../base/user.ts';
import { issue, uniqueIssues, type ValidationIssue } from '../base/validation.ts';
import { type Action, can, type Role } from '../base/security/permissions.ts';
import { canonicalJson } from '../base/security/canonicalJson.ts';

/** What the platform knows of a county user. */
export interface KnownUser {
  id: string;
  roles: readonly Role[];
  status: UserStatus;
}

export type UserLookup = (id: string) => KnownUser | undefined;

export const writePermissionIssueCodes = [
  'permission.denied',
  'permission.ownWork',
  'permission.unknownUser',
  'permission.userDisabled',
  'permission.historyRewritten',
  'permission.statusMismatch',
  'permission.notDraft',
] as const;

type Doc = Readonly<Record<string, unknown>>;

/** Fields every document carries that say who wrote it when; they change with every write. */
const stampFields = new Set(['updatedAt', 'updatedBy']);
/** A user may change these of her own document without `user.manage`. */
const ownPasswordFields = new Set(['passwordVerifier', 'mustChangePassword']);
/** Fields of a credit record that only workflow steps change. */
const workflowFields = new Set(['status', 'workflow']);
/** Fields an amend step may correct. */
const amendable: ReadonlySet<string> = new Set(amendableCreditRecordFields);

function text(doc: Doc, field: string): string {
  const value = doc[field];
  return typeof value === 'string' ? value : '';
}

/** Top-level fields whose values differ (compared as canonical JSON, a missing field as null; `_deleted` included). */
function changedFields(next: Doc, previous: Doc | null): Set<string> {
  const fields = new Set<string>();
  const keys = new Set([...Object.keys(next), ...Object.keys(previous ?? {})]);
  for (const key of keys) {
    if (canonicalJson(next[key] ?? null) !== canonicalJson(previous?.[key] ?? null)) fields.add(key);
  }
  return fields;
}

/** Issues when the user is not an active user of the county or her roles do not allow the action. */
function checkActor(
  users: UserLookup,
  userId: string,
  action: Action | null,
  field: string,
): ValidationIssue[] {
  const user = users(userId);
  if (!user) return [issue(field, 'permission.unknownUser', { userId })];
  if (user.status !== 'active') return [issue(field, 'permission.userDisabled', { userId })];
  if (action && !can(user.roles, action)) return [issue(field, 'permission.denied', { action, userId })];
  return [];
}

/** Every reason the pushed state may not be written by its authors; empty when it may. */
export function checkWritePermission(
  collection: CollectionName,
  next: Doc,
  previous: Doc | null,
  users: UserLookup,
): ValidationIssue[] {
  switch (collection) {
    case 'auditLog':
      // Entries carry no author stamp; they are checked as a hash chain instead.
      return [];
    case 'subjects':
      return checkCreateOrEdit(next, previous, users, 'subject.create', 'subject.update');
    case 'disclosures':
      return uniqueIssues([
        ...(isPenaltyCorrection(next, previous, users)
          ? checkActor(users, text(next, 'updatedBy'), 'case.decide', 'updatedBy')
          : checkCreateOrEdit(next, previous, users, 'disclosure.create', 'disclosure.editDraft')),
        ...checkReportingWrite(next, previous, users),
      ]);
    case 'users':
      return checkUserWrite(next, previous, users);
    case 'creditRecords':
      return checkCreditRecordWrite(next, previous, users);
    case 'listings':
      return checkListingWrite(next, previous, users);
    case 'cases':
      return uniqueIssues(
        checkCaseWrite(next as unknown as CaseDocument, previous as unknown as CaseDocument | null, users),
      );
    case 'commitments':
      return checkCommitmentWrite(next, previous, users);
    case 'inspections':
      if (next.kind === 'setting')
        return checkCreateOrEdit(next, previous, users, 'settings.manage', 'settings.manage');
      return next.kind === 'project'
        ? checkCreateOrEdit(next, previous, users, 'subject.create', 'subject.update')
        : checkInspectionWrite(next, previous, users);
    default:
      return [
        issue('updatedBy', 'permission.denied', {
          action: 'settings.manage',
          userId: text(next, 'updatedBy'),
        }),
      ];
  }
}

function checkCreateOrEdit(
  next: Doc,
  previous: Doc | null,
  users: UserLookup,
  create: Action,
  edit: Action,
): ValidationIssue[] {
  const author = text(next, 'updatedBy');
  if (previous) return checkActor(users, author, edit, 'updatedBy');
  const creator = text(next, 'createdBy');
  const issues = checkActor(users, creator, create, 'createdBy');
  if (author !== creator) issues.push(...checkActor(users, author, edit, 'updatedBy'));
  return issues;
}

const correctable: ReadonlySet<string> = new Set(penaltyCorrectionFields);

/**
 * A penalty decision amended by a reviewer deciding an objection "corrected" (shared/cases/
 * penaltyCorrection.ts): only the fields a correction amends change and the author may decide cases, so
 * that right stands in for the draft-editing one (a clerk's edit is judged as every edit is).
 */
function isPenaltyCorrection(next: Doc, previous: Doc | null, users: UserLookup): boolean {
  if (!previous || text(previous, 'kind') !== 'penalty') return false;
  const author = users(text(next, 'updatedBy'));
  if (!author || !can(author.roles, 'case.decide')) return false;
  const changed = [...changedFields(next, previous)].filter((field) => !stampFields.has(field));
  return changed.length > 0 && changed.every((field) => correctable.has(field));
}

/**
 * A changed `reportedAt` is a reporting step of the last author, judged by the reporting workflow. The
 * reason of a correction or withdrawal travels in the audit entry, not in the document, so the text rule
 * is the device's alone; the day bound is the validators' (the platform does not know the device's day).
 */
function checkReportingWrite(next: Doc, previous: Doc | null, users: UserLookup): ValidationIssue[] {
  const before = previous ? text(previous, 'reportedAt') : '';
  const step = reportingStepBetween(before, text(next, 'reportedAt'));
  if (!step) return [];
  const author = text(next, 'updatedBy');
  if (!users(author)) return [];
  const disclosure = {
    reportedAt: before,
    decisionDate: text(next, 'decisionDate'),
    createdBy: text(next, 'createdBy'),
  };
  const request = { step, date: text(next, 'reportedAt'), reason: '' };
  return judgeReportingStep(disclosure, request, { userId: author, roles: users(author)!.roles }, null)
    .filter((found) => found.code !== 'workflow.noteRequired')
    .map((found) =>
      permissionCodeOf(found.code)
        ? issue('updatedBy', 'permission.denied', { action: 'disclosure.submit', userId: author })
        : found,
    );
}

function checkUserWrite(next: Doc, previous: Doc | null, users: UserLookup): ValidationIssue[] {
  const author = text(next, 'updatedBy');
  // Created by an administrator and then given its owner's own password, both before the first push: the
  // creation is what needs authority, and the owner becomes known through this very document.
  if (previous === null && author === next.id && text(next, 'createdBy') !== next.id) {
    return checkActor(users, text(next, 'createdBy'), 'user.manage', 'createdBy');
  }
  const changed = [...changedFields(next, previous)].filter((field) => !stampFields.has(field));
  const ownPassword =
    previous !== null && author === next.id && changed.every((field) => ownPasswordFields.has(field));
  return checkActor(users, author, ownPassword ? null : 'user.manage', 'updatedBy');
}

function checkCreditRecordWrite(next: Doc, previous: Doc | null, users: UserLookup): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nextWorkflow = (next.workflow ?? []) as WorkflowEntry[];
  const previousWorkflow = (previous?.workflow ?? []) as WorkflowEntry[];
  const createdBy = text(next, 'createdBy');
  // An inspector's escalated rectification order proposes its record as a draft (inspections/orders.ts).
  const creation = text(next, 'source') === 'inspection' ? 'inspection.record' : 'record.create';
  if (!previous) issues.push(...checkActor(users, createdBy, creation, 'createdBy'));

  // Each new step replayed through the table the device judged it with (shared/creditRecords/workflow.ts).
  const replayed = replaySteps(
    {
      table: creditRecordWorkflow,
      fields: { steps: 'workflow', state: 'status' },
      takerOf: stepTakers(users),
      judge: (held, step, actor) =>
        judgeCreditRecordStep(
          { status: held.state, createdBy: held.author, workflow: [...held.steps] },
          step.action,
          actor,
          step.note,
        ),
    },
    {
      state: previous ? (previous.status as CreditRecordStatus) : 'draft',
      author: previous ? text(previous, 'createdBy') : createdBy,
      steps: previousWorkflow,
    },
    { state: next.status as CreditRecordStatus, author: createdBy, steps: nextWorkflow },
  );
  issues.push(...replayed.issues);
  if (replayed.issues.some((found) => found.code === 'permission.historyRewritten')) return issues;
  // Content may change while the record is a draft: before the push's steps or after a return.
  const draftSeen =
    (previous ? previous.status : 'draft') === 'draft' || replayed.added.some(({ to }) => to === 'draft');
  const contentEditor =
    replayed.added.findLast(({ step }) => step.action === 'submit')?.step.by ?? text(next, 'updatedBy');

  // An objection's correction (amend step) may change the amendable fields of an approved record.
  const amendedBy = replayed.added.findLast(({ step }) => step.action === 'amend')?.step.by ?? '';
  // Republishing a repaired record sets its new publicity end (shared/creditRecords/workflow.ts).
  const republished = replayed.added.some(({ step }) => step.action === 'republish');
  const changedContent = previous
    ? [...changedFields(next, previous)].filter(
        (field) =>
          !stampFields.has(field) && !workflowFields.has(field) && !(republished && field === 'publicityEnd'),
      )
    : [];
  const amended = amendedBy !== '' && changedContent.every((field) => amendable.has(field));
  if (previous && changedContent.length > 0 && !amended) {
    if (!draftSeen) issues.push(issue('status', 'permission.notDraft', { status: text(previous, 'status') }));
    else issues.push(...checkActor(users, contentEditor, 'record.editDraft', 'updatedBy'));
  }
  // Whoever stamped the last change must be an active user of the county, whatever the change.
  if (!issues.some((found) => found.field === 'updatedBy')) {
    issues.push(...checkActor(users, text(next, 'updatedBy'), null, 'updatedBy'));
  }
  return uniqueIssues(issues);
}

/** A listing: created by a user who may propose, every new step replayed (shared/lists/workflow.ts). */
function checkListingWrite(next: Doc, previous: Doc | null, users: UserLookup): ValidationIssue[] {
  const issues = previous ? [] : checkActor(users, text(next, 'createdBy'), 'list.propose', 'createdBy');
  const rolesOf = (id: string) => {
    const user = users(id);
    return user && user.status === 'active' ? user.roles : null;
  };
  issues.push(
    ...replayListing(previous as ListingDocument | null, next as unknown as ListingDocument, rolesOf),
  );
  if (!issues.some((found) => found.field === 'updatedBy')) {
    issues.push(...checkActor(users, text(next, 'updatedBy'), null, 'updatedBy'));
  }
  return uniqueIssues(issues);
}

/**
 * An inspection: created by an inspector; each new step replayed through the inspection workflow as its
 * actor (shared/inspections/workflows.ts, the table the device judged it with); content changed only
 * while the record is a draft, by an inspector. A plan likewise, by `inspection.plan` (a reviewer or
 * administrator) through the plan workflow (shared/inspections/plan.ts); a declared conflict by
 * `inspection.conflict` through the declaration workflow, its content never changed after it is
 * declared (shared/inspections/declarations.ts); a kind never changes.
 */
function checkInspectionWrite(next: Doc, previous: Doc | null, users: UserLookup): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const createdBy = text(next, 'createdBy');
  const plan = next.kind === 'plan';
  const conflict = next.kind === 'conflict';
  const action = plan ? 'inspection.plan' : conflict ? 'inspection.conflict' : 'inspection.record';
  if (previous && previous.kind !== next.kind) issues.push(issue('kind', 'permission.historyRewritten'));
  if (!previous) issues.push(...checkActor(users, createdBy, action, 'createdBy'));
  const initial = conflict ? 'declared' : 'draft';
  const flow = (doc: Doc | null) => ({
    state: doc ? ((doc as unknown as InspectionDocument).state ?? initial) : initial,
    createdBy: doc ? text(doc, 'createdBy') : createdBy,
    steps: doc ? ((doc as unknown as InspectionDocument).steps ?? []) : [],
  });
  const rolesOf = (userId: string) => {
    const user = users(userId);
    return user?.status === 'active' ? user.roles : undefined;
  };
  if (plan) {
    const planFlow = (doc: Doc | null) => flow(doc) as unknown as PlanFlow;
    issues.push(...replayFlow(planWorkflow, planFlow(previous), planFlow(next), rolesOf));
  } else if (conflict) {
    const declarationFlow = (doc: Doc | null) => flow(doc) as unknown as DeclarationFlow;
    issues.push(
      ...replayFlow(declarationWorkflow, declarationFlow(previous), declarationFlow(next), rolesOf),
    );
    const declared = (next as unknown as ConflictDocument).conflict;
    if (!previous && declared) {
      issues.push(
        ...declarerIssues(declared.inspectorId, { userId: createdBy, roles: rolesOf(createdBy) ?? [] }),
      );
    }
  } else {
    issues.push(...replayFlow(inspectionWorkflow, flow(previous), flow(next), rolesOf));
    const inspection = next as unknown as InspectionDocument;
    issues.push(...checkOrderChanges(previous as unknown as InspectionDocument | null, inspection, rolesOf));
  }
  // The derived index fields follow the steps and orders (the validator holds them to it).
  const contentChanged =
    previous !== null &&
    [...changedFields(next, previous)].some(
      (field) =>
        !stampFields.has(field) && !['state', 'steps', 'rectifications', ...indexFieldNames].includes(field),
    );
  const wasDraft = previous === null || previous.state === 'draft' || next.state === 'draft';
  if (contentChanged && !wasDraft) {
    issues.push(issue('state', 'permission.notDraft', { status: text(previous, 'state') }));
  } else if (contentChanged) {
    issues.push(...checkActor(users, text(next, 'updatedBy'), action, 'updatedBy'));
  }
  const editors = (previous ?? next) as unknown as InspectionDocument;
  const editor = previous ? text(next, 'updatedBy') : createdBy;
  if (!plan && !conflict && (contentChanged || !previous)) {
    issues.push(...editorIssues(editors, editor, previous ? 'updatedBy' : 'createdBy'));
  }
  if (!issues.some((found) => found.field === 'updatedBy')) {
    issues.push(...checkActor(users, text(next, 'updatedBy'), null, 'updatedBy'));
  }
  return uniqueIssues(issues);
}

type PlanFlow = FlowDocument<PlanState, PlanStep>;
type DeclarationFlow = FlowDocument<DeclarationState, DeclarationStep>;

/**
 * A commitment's creation needs `commitment.create`; each step it carries is replayed through the
 * commitment workflow table as the user who took it (shared/commitments/replay.ts), so the platform
 * refuses a transition the table forbids; a change without a step is an edit (`commitment.update`).
 */
type Steps = CommitmentDocument['workflow'];

function checkCommitmentWrite(next: Doc, previous: Doc | null, users: UserLookup): ValidationIssue[] {
  const createdBy = text(next, 'createdBy');
  const issues = previous ? [] : checkActor(users, createdBy, 'commitment.create', 'createdBy');
  if (previous && text(previous, 'createdBy') !== createdBy) {
    return [issue('createdBy', 'permission.historyRewritten')];
  }
  const workflowOf = (doc: Doc) => (Array.isArray(doc.workflow) ? doc.workflow : []) as Steps;
  const steps = workflowOf(next);
  const newSteps = steps.slice(previous ? workflowOf(previous).length : 0);
  newSteps.forEach((step, offset) => {
    issues.push(
      ...checkActor(users, step.by, null, `workflow.${steps.length - newSteps.length + offset}.by`),
    );
  });
  const rolesOf = (id: string) => {
    const user = users(id);
    return user?.status === 'active' ? user.roles : null;
  };
  const state = (doc: Doc) => ({
    status: text(doc, 'status') as CommitmentDocument['status'],
    createdBy,
    workflow: workflowOf(doc),
  });
  issues.push(...replayCommitmentSteps(previous && state(previous), state(next), rolesOf));
  const edit = previous !== null && newSteps.length === 0;
  issues.push(...checkActor(users, text(next, 'updatedBy'), edit ? 'commitment.update' : null, 'updatedBy'));
  return uniqueIssues(issues);
}

/**
 * A county with no users yet: its first administrator reaches the platform with the first `users` push.
 * Such a push may create administrators who stamp themselves as author (active countyAdmin documents
 * whose id, createdBy and updatedBy are equal); they count as known users for the rest of that push.
 */
export function bootstrapAdministrators(documents: readonly Doc[]): KnownUser[] {
  return documents
    .filter(
      (doc) =>
        doc._deleted !== true &&
        doc.status === 'active' &&
        Array.isArray(doc.roles) &&
        doc.roles.includes('countyAdmin') &&
        typeof doc.id === 'string' &&
        doc.createdBy === doc.id &&
        doc.updatedBy === doc.id,
    )
    .map((doc) => knownUserOf(doc)!);
}

/** The user a stored `users` document describes; undefined for a deleted or malformed one. */
export function knownUserOf(doc: Doc): KnownUser | undefined {
  if (doc._deleted === true || typeof doc.id !== 'string' || !Array.isArray(doc.roles)) return undefined;
  return { id: doc.id, roles: doc.roles as Role[], status: doc.status === 'active' ? 'active' : 'disabled' };
}
