/**
 * Rectification orders as an inspection keeps them (`rectifications`, one per finding): issued when the
 * reviewer closes the inspection, from the findings the representative signed for (the visit day, the
 * finding's deadline, the failed item's catalog mapping); then re-inspected once — rectified, or
 * escalated with a reason, which proposes a credit record for review (`escalationRecord`).
 *
 * The device takes the re-inspection with `reinspect`; the platform judges a pushed inspection's orders
 * with `checkOrderChanges`: the same orders rebuilt from the findings on closing, fixed fields never
 * changed, each new step replayed through the rectification table as its actor.
 */
import { addDays, chinaDateOf } from '../base/calendar/dates.ts';
import {
  defaultPublicityEnd,
  effectivePublicityRule,
  type PublicityConfig,
} from '../creditRecords/publicity.ts';
import type { StepActor } from '../kit/workflow.ts';
import type { CatalogItem } from '../creditRecords/catalog.ts';
import type { CreditRecordInput } from '../creditRecords/model.ts';
import { issue, prefixIssues, type Validated, type ValidationIssue } from '../base/validation.ts';
import { canonicalJson } from '../base/security/canonicalJson.ts';
import { defaultTemplateFor } from './checklists.ts';
import type { InspectionDocument, StoredOrder } from './document.ts';
import { escalationProposal, isOverdue, type RectificationOrder } from './rectification.ts';
import {
  type RectificationStep,
  type RolesOf,
  rectificationWorkflow,
  replayFlow,
  takeStep,
} from './workflows.ts';

type Closing = Pick<InspectionDocument, 'findings' | 'startedAt' | 'templateIndustry' | 'createdBy'>;

/** The orders an inspection gets when it closes: one open order per finding, in the findings' order. */
export function ordersOnClose(doc: Closing): StoredOrder[] {
  const template = defaultTemplateFor(doc.templateIndustry);
  return (doc.findings ?? []).map((finding) => ({
    findingId: finding.id,
    itemCode: finding.itemCode,
    catalogCode: template.items.find((item) => item.code === finding.itemCode)?.catalogCode ?? '',
    issuedOn: chinaDateOf(doc.startedAt),
    deadline: finding.rectifyBy,
    state: 'open',
    createdBy: doc.createdBy,
    steps: [],
    proposedRecordId: '',
  }));
}

/** What a re-inspection found: rectified, or not (escalated, with the reason it must carry). */
export interface Reinspection {
  rectified: boolean;
  /** The re-inspection's day (YYYY-MM-DD): not before the order was issued, not after today. */
  date: string;
  note: string;
}

/**
 * The order after its re-inspection, judged by the rectification table for the actor: the step's date
 * between the issue day and `today`, a reason when it escalates. Issue codes: the engine's.
 */
export function reinspect(
  order: StoredOrder,
  found: Reinspection,
  actor: StepActor,
  at: string,
  today: string,
): Validated<StoredOrder> {
  const action: RectificationStep = found.rectified ? 'confirm' : 'escalate';
  const bounded = { ...order, dateBounds: { notBefore: order.issuedOn, notAfter: today } };
  const taken = takeStep(
    rectificationWorkflow,
    bounded,
    { action, note: found.note, date: found.date },
    actor,
    at,
  );
  if (!taken.ok) return taken;
  const { dateBounds: _bounds, ...next } = taken.value;
  return { ok: true, value: next };
}

/** The order as the rules of rectification.ts read it. */
export function orderView(
  doc: Pick<InspectionDocument, 'id' | 'subjectId'>,
  order: StoredOrder,
): RectificationOrder {
  return {
    ...order,
    id: order.findingId,
    inspectionId: doc.id,
    subjectId: doc.subjectId,
    workingDays: 0,
  };
}

/**
 * The credit record an escalated order proposes: a draft for a clerk to complete and submit and a
 * reviewer to approve, decided on the re-inspection day by this office, published by the catalog item's
 * rule, pointing back at the inspection. Issue codes: those of `escalationProposal`,
 * `inspection.rectification.unknownFinding`.
 */
export function escalationRecord(
  doc: Pick<InspectionDocument, 'id' | 'subjectId' | 'findings'>,
  order: StoredOrder,
  catalog: readonly CatalogItem[],
  authority: string,
  publicity?: PublicityConfig,
): Validated<CreditRecordInput> {
  const finding = doc.findings.find((candidate) => candidate.id === order.findingId);
  if (!finding) return { ok: false, issues: [issue('findingId', 'inspection.rectification.unknownFinding')] };
  const proposal = escalationProposal(orderView(doc, order), finding, catalog);
  if (!proposal.ok) return proposal;
  const item = catalog.find((candidate) => candidate.code === order.catalogCode)!;
  const decided = order.steps.findLast((step) => step.action === 'escalate')?.date ?? order.issuedOn;
  const { rule } = effectivePublicityRule(item, publicity);
  return {
    ok: true,
    value: {
      ...proposal.value.record,
      documentNumber: '',
      decisionDate: decided,
      authority,
      disclosure: item.disclosure,
      publicityStart: decided,
      publicityEnd: defaultPublicityEnd(decided, rule),
      attachments: [...finding.photos],
      workflow: [],
    },
  };
}

/** Orders still open, and those of them past their deadline on `today`. */
export function openOrders(doc: Pick<InspectionDocument, 'rectifications'>, today: string) {
  const open = doc.rectifications.filter((order) => order.state === 'open');
  return { open, overdue: open.filter((order) => isOverdue(order, today)) };
}

/** How the list of rectification orders is filtered: open ones, due soon, overdue, or every order. */
export const orderFilters = ['open', 'dueSoon', 'overdue', 'all'] as const;
export type OrderFilter = (typeof orderFilters)[number];
/** An open order is due soon from this many days before its deadline. */
export const dueSoonDays = 3;

type Ordered = Pick<InspectionDocument, 'id' | 'subjectId' | 'rectifications'>;

export interface OrderRow<Doc extends Pick<InspectionDocument, 'id' | 'subjectId'> = Ordered> {
  inspection: Doc;
  order: StoredOrder;
  overdue: boolean;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The orders of the inspections that pass the filter, the nearest deadline first; on one deadline, by
 * inspection id (the order of the indexes) and then as the inspection lists them.
 */
export function orderRows<Doc extends Ordered>(
  inspections: readonly Doc[],
  today: string,
  filter: OrderFilter,
): OrderRow<Doc>[] {
  const soon = addDays(today, dueSoonDays);
  const passes = (order: StoredOrder, overdue: boolean) =>
    filter === 'all' ||
    (order.state === 'open' &&
      (filter === 'open' || (filter === 'overdue' ? overdue : !overdue && order.deadline <= soon)));
  return inspections
    .flatMap((inspection) =>
      inspection.rectifications.map((order) => ({ inspection, order, overdue: isOverdue(order, today) })),
    )
    .filter((row) => passes(row.order, row.overdue))
    .sort((a, b) => byText(a.order.deadline, b.order.deadline) || byText(a.inspection.id, b.inspection.id));
}

/**
 * Where the orders a filter shows lie in the indexes of indexFields.ts: the derived field whose index
 * orders the inspections (each order's deadline is on or after its inspection's value) and the range of
 * it that holds every inspection with such an order.
 */
export function orderScan(
  filter: OrderFilter,
  today: string,
): { field: 'openDeadline' | 'firstDeadline'; to?: string } {
  if (filter === 'all') return { field: 'firstDeadline' };
  if (filter === 'overdue') return { field: 'openDeadline', to: addDays(today, -1) };
  if (filter === 'dueSoon') return { field: 'openDeadline', to: addDays(today, dueSoonDays) };
  return { field: 'openDeadline' };
}

/**
 * The rows of `orderRows` that are final once the inspections up to one whose index value is `reached`
 * have been read in index order: those due before it (any later inspection's orders are due on or after).
 */
export function settledRows<Row extends OrderRow>(rows: readonly Row[], reached: string): Row[] {
  return rows.filter((row) => row.order.deadline < reached);
}

/** The fields an order keeps from its issue on. */
function fixedPart(order: StoredOrder) {
  const { state: _state, steps: _steps, proposedRecordId: _proposed, ...fixed } = order;
  return fixed;
}

/**
 * The platform's judgement of a pushed inspection's orders. Issue codes:
 * `inspection.rectification.beforeClose` (orders on an inspection not closed),
 * `inspection.rectification.ordersAltered` (orders other than the findings give, or a fixed field or
 * proposed record changed), `inspection.rectification.notEscalated`, and those of `replayFlow`.
 */
export function checkOrderChanges(
  previous: Pick<InspectionDocument, 'state' | 'rectifications'> | null,
  next: Closing & Pick<InspectionDocument, 'state' | 'rectifications'>,
  rolesOf: RolesOf,
): ValidationIssue[] {
  const orders = next.rectifications ?? [];
  if (next.state !== 'closed') {
    return orders.length > 0 ? [issue('rectifications', 'inspection.rectification.beforeClose')] : [];
  }
  const closing = previous?.state !== 'closed';
  const base = closing ? ordersOnClose(next) : (previous?.rectifications ?? []);
  if (
    orders.length !== base.length ||
    orders.some((order, index) => canonicalJson(fixedPart(order)) !== canonicalJson(fixedPart(base[index]!)))
  ) {
    return [issue('rectifications', 'inspection.rectification.ordersAltered')];
  }
  const issues: ValidationIssue[] = [];
  orders.forEach((order, index) => {
    const before = base[index]!;
    const field = `rectifications.${index}`;
    const last = order.steps.at(-1);
    const bounds = { notBefore: before.issuedOn, ...(last ? { notAfter: chinaDateOf(last.at) } : {}) };
    const bounded = { ...before, dateBounds: bounds };
    issues.push(...prefixIssues(replayFlow(rectificationWorkflow, bounded, order, rolesOf), field));
    if (before.proposedRecordId !== '' && order.proposedRecordId !== before.proposedRecordId) {
      issues.push(issue(`${field}.proposedRecordId`, 'inspection.rectification.ordersAltered'));
    } else if (order.proposedRecordId !== '' && order.state !== 'escalated') {
      issues.push(issue(`${field}.proposedRecordId`, 'inspection.rectification.notEscalated'));
    }
  });
  return issues;
}
