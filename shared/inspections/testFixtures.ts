/** A stored inspection for tests and benchmarks, in the shape a sync pull writes, its derived fields set. */
import { uuidv7 } from '../base/uuid.ts';
import { type InspectionDocument, indexFieldNames, noSignature, type StoredOrder } from './document.ts';
import { withIndexFields } from './indexFields.ts';

/**
 * An ad hoc construction inspection started at `at` (and ended then unless a draft), by `by`, with a
 * finding for each order and the given state and steps.
 */
export function storedInspection(input: {
  at: string;
  by: string;
  subjectId: string;
  state: InspectionDocument['state'];
  steps: InspectionDocument['steps'];
  orders: StoredOrder[];
  finding: string;
}): InspectionDocument {
  const { at, by, state, orders } = input;
  return withIndexFields({
    id: uuidv7(Date.parse(at)),
    county: '410823',
    createdAt: at,
    updatedAt: at,
    createdBy: by,
    updatedBy: by,
    kind: 'inspection',
    subjectId: input.subjectId,
    projectId: '',
    planId: '',
    adHocReason: 'complaint',
    adHocNote: '投诉',
    inspectors: [by, 'u-partner'],
    startedAt: at,
    endedAt: state === 'draft' ? '' : at,
    gradeBefore: '',
    raisedBefore: false,
    templateIndustry: 'construction',
    templateVersion: 1,
    depth: 'standard',
    items: [],
    findings: orders.map((order) => ({
      id: order.findingId,
      itemCode: order.itemCode,
      severity: 'minor' as const,
      description: input.finding,
      rectifyBy: order.deadline,
      photos: [],
    })),
    representative: '',
    representativeIdNumber: '',
    signature: { ...noSignature },
    conclusion: '',
    state,
    steps: input.steps,
    rectifications: orders,
  });
}

/** An order issued on `issuedOn`, due on `deadline`, in `state`, not re-inspected. */
export function storedOrder(
  findingId: string,
  issuedOn: string,
  deadline: string,
  state: StoredOrder['state'],
): StoredOrder {
  return {
    findingId,
    itemCode: 'JZ-01',
    catalogCode: 'JZ-FX-02',
    issuedOn,
    deadline,
    state,
    createdBy: 'u-inspector',
    steps: [],
    proposedRecordId: '',
  };
}

/** A closed, unpublished inspection with one open rectification order due on `deadline`. */
export function closedWithOpenOrder(at: string, deadline: string): InspectionDocument {
  const step = (action: 'submit' | 'close') => ({ action, by: 'u-reviewer', at, note: '', date: '' });
  return storedInspection({
    at,
    by: 'u-inspector',
    subjectId: '019a0000-0000-7000-8000-000000000001',
    state: 'closed',
    steps: [step('submit'), step('close')],
    orders: [storedOrder('f-1', at.slice(0, 10), deadline, 'open')],
    finding: '脚手架未设防护网',
  });
}

/** The document as devices of schema version 4 wrote it: without the derived index fields. */
export function withoutIndexFields(doc: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc };
  for (const field of indexFieldNames) delete copy[field];
  return copy;
}
