/**
 * How the platform judges a pushed case: created by a clerk allowed to register cases, its content fixed
 * once entered, the steps it already holds kept as they were, each new step replayed through the same
 * table and function the device judged it with (workflow.ts) as the user who took it, and its status
 * where the steps lead.
 */
import { replaySteps, stepTakers } from '../kit/workflow.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import { canonicalJson } from '../base/security/canonicalJson.ts';
import { can, type Role } from '../base/security/permissions.ts';
import { type CaseDocument, type CaseStatus, initialCaseStatus } from './model.ts';
import { caseWorkflowOf, judgeCaseStep } from './workflow.ts';

/** A county user as the platform knows her, or undefined. */
export type CaseUserLookup = (id: string) => { roles: readonly Role[]; status: string } | undefined;

/** Fields a step or a write stamp changes; everything else is fixed once the case is entered. */
const movingFields = new Set(['status', 'workflow', 'updatedAt', 'updatedBy']);

function actorIssues(users: CaseUserLookup, userId: string, field: string): ValidationIssue[] {
  const user = users(userId);
  if (!user) return [issue(field, 'permission.unknownUser', { userId })];
  if (user.status !== 'active') return [issue(field, 'permission.userDisabled', { userId })];
  return [];
}

export function checkCaseWrite(
  next: CaseDocument,
  previous: CaseDocument | null,
  users: CaseUserLookup,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const workflow = next.workflow ?? [];
  const before = previous?.workflow ?? [];
  if (!previous) {
    const creator = actorIssues(users, next.createdBy, 'createdBy');
    issues.push(...creator);
    if (creator.length === 0 && !can(users(next.createdBy)!.roles, 'case.register'))
      issues.push(
        issue('createdBy', 'permission.denied', { action: 'case.register', userId: next.createdBy }),
      );
  }
  const flow = (status: CaseStatus, author: string, steps: CaseDocument['workflow']) => ({
    state: status,
    author,
    steps,
  });
  const replayed = replaySteps(
    {
      table: caseWorkflowOf(next.kind),
      fields: { steps: 'workflow', state: 'status' },
      takerOf: stepTakers(users),
      judge: (held, step, actor) =>
        judgeCaseStep(
          { ...next, status: held.state, workflow: [...held.steps] },
          step.action,
          actor,
          step.note,
        ),
    },
    flow(previous?.status ?? initialCaseStatus(next.kind), previous?.createdBy ?? next.createdBy, before),
    flow(next.status, next.createdBy, workflow),
  );
  if (replayed.issues.some((found) => found.code === 'permission.historyRewritten')) {
    return [...issues, ...replayed.issues];
  }
  if (previous) {
    const keys = new Set([...Object.keys(next), ...Object.keys(previous)]);
    const changed = [...keys].filter(
      (key) =>
        !movingFields.has(key) &&
        canonicalJson((next as unknown as Record<string, unknown>)[key] ?? null) !==
          canonicalJson((previous as unknown as Record<string, unknown>)[key] ?? null),
    );
    if (changed.length > 0)
      issues.push(issue(changed[0]!, 'permission.notDraft', { status: previous.status }));
  }
  issues.push(...replayed.issues);
  if (!issues.some((found) => found.field === 'updatedBy'))
    issues.push(...actorIssues(users, next.updatedBy, 'updatedBy'));
  return issues;
}
