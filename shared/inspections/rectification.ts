/**
 * Rectification (整改): a non-compliant finding gets an order to rectify within a number of working days
 * (the office's working-day calendar, shared/base/calendar/workdays.ts). A re-inspection closes the order
 * (rectified) or escalates it; an escalated order proposes a credit record for review — a risk warning or
 * a dishonesty record, as the failed checklist item's catalog mapping says — linked to the finding.
 */
import { type CalendarWarning, addWorkingDays, type WorkdayCalendar } from '../base/calendar/workdays.ts';
import { isRealDate } from '../base/identifiers.ts';
import type { CatalogItem } from '../creditRecords/catalog.ts';
import type { CreditRecordInput } from '../creditRecords/model.ts';
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import type { ChecklistTemplate } from './checklists.ts';
import type { Finding, FindingSeverity } from './record.ts';
import type { FlowDocument, RectificationState, RectificationStep } from './workflows.ts';

/** Working days to rectify, by severity, unless the inspector sets another number within the limits. */
export const defaultRectificationDays: Readonly<Record<FindingSeverity, number>> = {
  minor: 15,
  major: 10,
  critical: 3,
};
export const rectificationDayLimits = { min: 1, max: 60 } as const;

export interface RectificationOrder extends FlowDocument<RectificationState, RectificationStep> {
  id: string;
  inspectionId: string;
  findingId: string;
  subjectId: string;
  /** The failed checklist item and the catalog item its failure maps to. */
  itemCode: string;
  catalogCode: string;
  issuedOn: string;
  workingDays: number;
  deadline: string;
}

/**
 * The deadline `workingDays` working days after `issuedOn` (the issue day does not count). Issue codes:
 * `dateFormat`, `inspection.rectification.days`.
 */
export function rectificationDeadline(
  issuedOn: string,
  workingDays: number,
  calendar: WorkdayCalendar,
): Validated<{ date: string; warnings: CalendarWarning[] }> {
  const issues: ValidationIssue[] = [];
  if (!isRealDate(issuedOn)) issues.push(issue('issuedOn', 'dateFormat'));
  const { min, max } = rectificationDayLimits;
  if (!Number.isInteger(workingDays) || workingDays < min || workingDays > max) {
    issues.push(issue('workingDays', 'inspection.rectification.days', { min, max }));
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: addWorkingDays(issuedOn, workingDays, calendar) };
}

/**
 * The order for a finding, issued on `issuedOn` with the severity's default days unless `workingDays` is
 * given. Issue codes: those of `rectificationDeadline`, `inspection.rectification.unknownItem`.
 */
export function orderFor(
  input: { id: string; inspectionId: string; subjectId: string; createdBy: string },
  finding: Finding,
  template: ChecklistTemplate,
  issuedOn: string,
  calendar: WorkdayCalendar,
  workingDays: number = defaultRectificationDays[finding.severity],
): Validated<{ order: RectificationOrder; warnings: CalendarWarning[] }> {
  const item = template.items.find((candidate) => candidate.code === finding.itemCode);
  if (!item) {
    return {
      ok: false,
      issues: [issue('itemCode', 'inspection.rectification.unknownItem', { code: finding.itemCode })],
    };
  }
  const deadline = rectificationDeadline(issuedOn, workingDays, calendar);
  if (!deadline.ok) return deadline;
  const order: RectificationOrder = {
    ...input,
    findingId: finding.id,
    itemCode: item.code,
    catalogCode: item.catalogCode,
    issuedOn,
    workingDays,
    deadline: deadline.value.date,
    state: 'open',
    steps: [],
  };
  return { ok: true, value: { order, warnings: deadline.value.warnings } };
}

/** An open order past its deadline: it raises the subject's draw ratio and checklist depth. */
export function isOverdue(order: Pick<RectificationOrder, 'state' | 'deadline'>, today: string): boolean {
  return order.state === 'open' && today > order.deadline;
}

/**
 * Whether a subject's credit state raises its draw ratio and checklist depth: an approved risk warning
 * still within its publicity, or an open rectification order past its deadline.
 */
export function hasRaisedRisk(
  records: readonly Pick<CreditRecordInput, 'category' | 'status' | 'publicityEnd'>[],
  orders: readonly Pick<RectificationOrder, 'state' | 'deadline'>[],
  today: string,
): boolean {
  const openWarning = records.some(
    (record) =>
      record.category === 'riskWarning' &&
      record.status === 'approved' &&
      (record.publicityEnd === '' || record.publicityEnd >= today),
  );
  return openWarning || orders.some((order) => isOverdue(order, today));
}

/** The bounds of a re-inspection's date: not before the order was issued, not after today. */
export function withReinspectionBounds(order: RectificationOrder, today: string): RectificationOrder {
  return { ...order, dateBounds: { notBefore: order.issuedOn, notAfter: today } };
}

/** The re-inspection step: rectified closes the order, anything else escalates it. */
export function reinspectionStep(rectified: boolean): RectificationStep {
  return rectified ? 'confirm' : 'escalate';
}

export type ProposalKind = 'riskWarning' | 'dishonest';

export interface CreditRecordProposal {
  kind: ProposalKind;
  /** The finding the proposal comes from. */
  findingId: string;
  record: Pick<
    CreditRecordInput,
    | 'subjectId'
    | 'catalogCode'
    | 'category'
    | 'title'
    | 'facts'
    | 'legalBasis'
    | 'source'
    | 'sourceId'
    | 'status'
  >;
}

const dishonestCategories = ['generalDishonest', 'seriousDishonest'];

/**
 * The credit record an escalated order proposes, as a draft for review. Issue codes:
 * `inspection.rectification.notEscalated`, `inspection.rectification.unknownCatalogItem`,
 * `inspection.rectification.notNegative` (the mapped catalog item is neither a warning nor dishonest).
 */
export function escalationProposal(
  order: RectificationOrder,
  finding: Finding,
  catalog: readonly CatalogItem[],
): Validated<CreditRecordProposal> {
  if (order.state !== 'escalated')
    return { ok: false, issues: [issue('state', 'inspection.rectification.notEscalated')] };
  const item = catalog.find((candidate) => candidate.code === order.catalogCode);
  if (!item) {
    return {
      ok: false,
      issues: [
        issue('catalogCode', 'inspection.rectification.unknownCatalogItem', { code: order.catalogCode }),
      ],
    };
  }
  const kind: ProposalKind | null =
    item.category === 'riskWarning'
      ? 'riskWarning'
      : dishonestCategories.includes(item.category)
        ? 'dishonest'
        : null;
  if (!kind) return { ok: false, issues: [issue('catalogCode', 'inspection.rectification.notNegative')] };
  const escalation = order.steps.findLast((step) => step.action === 'escalate');
  return {
    ok: true,
    value: {
      kind,
      findingId: finding.id,
      record: {
        subjectId: order.subjectId,
        catalogCode: item.code,
        category: item.category,
        title: item.name.zh,
        facts: [finding.description, escalation?.note ?? ''].filter((part) => part.trim() !== '').join('\n'),
        legalBasis: item.basis.join('、'),
        source: 'inspection',
        sourceId: order.inspectionId,
        status: 'draft',
      },
    },
  };
}
