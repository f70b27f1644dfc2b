import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import { validateCreditRecordInput } from '../creditRecords/model.ts';
import { type Role, roles } from '../base/security/permissions.ts';
import { checkWritePermission, type KnownUser } from '../sync/writePermissions.ts';
import type { InspectionDocument, StoredOrder } from './document.ts';
import {
  checkOrderChanges,
  escalationRecord,
  openOrders,
  orderRows,
  ordersOnClose,
  reinspect,
} from './orders.ts';

const inspector = { userId: 'u-insp', roles: ['inspector'] as Role[] };
const at = '2026-10-20T02:00:00.000Z';

function closedInspection(): InspectionDocument {
  const findings = [
    {
      id: 'f-1',
      itemCode: 'SG-03',
      severity: 'critical' as const,
      description: '高支模未按专项方案搭设',
      rectifyBy: '2026-10-13',
      photos: [],
    },
    {
      id: 'f-2',
      itemCode: 'SG-01',
      severity: 'minor' as const,
      description: '施工许可证未公示',
      rectifyBy: '2026-10-30',
      photos: [],
    },
  ];
  const doc = {
    id: '019a0000-0000-7000-8000-000000000001',
    subjectId: '019a0000-0000-7000-8000-000000000002',
    createdBy: inspector.userId,
    startedAt: '2026-09-30T01:00:00.000Z',
    templateIndustry: 'construction',
    findings,
    state: 'closed',
    inspectors: [inspector.userId, 'u-partner'],
  } as unknown as InspectionDocument;
  return { ...doc, rectifications: ordersOnClose(doc) };
}

describe('rectification orders', () => {
  it('are issued on closing, one per finding, from the visit day to the finding’s deadline', () => {
    const orders = closedInspection().rectifications;
    expect(
      orders.map((order) => [order.findingId, order.catalogCode, order.issuedOn, order.deadline]),
    ).toEqual([
      ['f-1', 'JZ-FX-02', '2026-09-30', '2026-10-13'],
      ['f-2', 'JZ-YB-01', '2026-09-30', '2026-10-30'],
    ]);
    expect(orders.every((order) => order.state === 'open' && order.proposedRecordId === '')).toBe(true);
    expect(openOrders(closedInspection(), '2026-10-14').overdue.map((order) => order.findingId)).toEqual([
      'f-1',
    ]);
  });

  it('take a re-inspection dated between the issue day and today, and escalate only with a reason', () => {
    const [order] = closedInspection().rectifications;
    const found = (date: string, note: string, rectified = false) => ({ rectified, date, note });
    const refused = (result: ReturnType<typeof reinspect>) =>
      result.ok ? [] : result.issues.map((i) => i.code);
    expect(refused(reinspect(order!, found('2026-09-29', '未整改'), inspector, at, '2026-10-20'))).toEqual([
      'workflow.dateBeforeDecision',
    ]);
    expect(refused(reinspect(order!, found('2026-10-21', '未整改'), inspector, at, '2026-10-20'))).toEqual([
      'dateInFuture',
    ]);
    expect(refused(reinspect(order!, found('2026-10-20', ' '), inspector, at, '2026-10-20'))).toContain(
      'workflow.noteRequired',
    );
    const clerk = { userId: 'u-clerk', roles: ['clerk'] as Role[] };
    expect(refused(reinspect(order!, found('2026-10-20', '已整改', true), clerk, at, '2026-10-20'))).toEqual([
      'workflow.notPermitted',
    ]);
    const escalated = reinspect(order!, found('2026-10-20', '复查仍未整改'), inspector, at, '2026-10-20');
    expect(escalated.ok && escalated.value.state).toBe('escalated');
    expect(escalated.ok && 'dateBounds' in escalated.value).toBe(false);
  });

  it('propose, when escalated, a draft record of the item’s catalog category that the rules accept', () => {
    const doc = closedInspection();
    const taken = reinspect(
      doc.rectifications[0]!,
      { rectified: false, date: '2026-10-20', note: '复查时仍未按方案整改' },
      inspector,
      at,
      '2026-10-20',
    );
    if (!taken.ok) throw new Error(JSON.stringify(taken.issues));
    const record = escalationRecord(doc, taken.value, defaultCatalog, '示范县住房和城乡建设局');
    if (!record.ok) throw new Error(JSON.stringify(record.issues));
    expect(record.value).toMatchObject({
      subjectId: doc.subjectId,
      catalogCode: 'JZ-FX-02',
      category: 'riskWarning',
      source: 'inspection',
      sourceId: doc.id,
      status: 'draft',
      decisionDate: '2026-10-20',
      publicityStart: '2026-10-20',
    });
    expect(record.value.facts).toContain('复查时仍未按方案整改');
    expect(validateCreditRecordInput(record.value, { catalog: defaultCatalog, today: '2026-10-20' }).ok).toBe(
      true,
    );
    const open = escalationRecord(doc, doc.rectifications[1]!, defaultCatalog, '示范县住房和城乡建设局');
    expect(open.ok ? '' : open.issues[0]!.code).toBe('inspection.rectification.notEscalated');
  });
});

describe('the list of orders', () => {
  it('filters open, due soon and overdue orders, the nearest deadline first', () => {
    const doc = closedInspection();
    const [first, second] = doc.rectifications;
    const done = { ...doc, rectifications: [first!, { ...second!, state: 'rectified' as const }] };
    const ids = (filter: Parameters<typeof orderRows>[2], today: string, docs = [doc]) =>
      orderRows(docs, today, filter).map((row) => row.order.findingId);
    expect(ids('open', '2026-10-01')).toEqual(['f-1', 'f-2']);
    expect(ids('dueSoon', '2026-10-10')).toEqual(['f-1']);
    expect(ids('dueSoon', '2026-10-09')).toEqual([]);
    expect(ids('overdue', '2026-10-14')).toEqual(['f-1']);
    expect(ids('dueSoon', '2026-10-14')).toEqual([]);
    expect(ids('open', '2026-10-14', [done])).toEqual(['f-1']);
    expect(ids('all', '2026-10-14', [done])).toEqual(['f-1', 'f-2']);
  });
});

describe('the platform’s judgement of orders', () => {
  const rolesOf = (id: string) => (id === inspector.userId ? inspector.roles : undefined);
  const submitted = { ...closedInspection(), state: 'submitted' as const, rectifications: [] };

  it('accepts the orders the findings give on closing, and nothing else', () => {
    expect(checkOrderChanges(submitted, closedInspection(), rolesOf)).toEqual([]);
    const longer = { ...closedInspection(), findings: [] };
    expect(checkOrderChanges(submitted, longer, rolesOf)).toEqual([
      { field: 'rectifications', code: 'inspection.rectification.ordersAltered' },
    ]);
    const early = { ...closedInspection(), state: 'submitted' as const };
    expect(checkOrderChanges(null, early, rolesOf)).toEqual([
      { field: 'rectifications', code: 'inspection.rectification.beforeClose' },
    ]);
  });

  it('refuses a changed deadline and a record proposed for an order not escalated', () => {
    const before = closedInspection();
    const moved: StoredOrder = { ...before.rectifications[0]!, deadline: '2026-12-31' };
    expect(
      checkOrderChanges(before, { ...before, rectifications: [moved, before.rectifications[1]!] }, rolesOf),
    ).toEqual([{ field: 'rectifications', code: 'inspection.rectification.ordersAltered' }]);
    const proposed: StoredOrder = { ...before.rectifications[0]!, proposedRecordId: 'r-1' };
    expect(
      checkOrderChanges(
        before,
        { ...before, rectifications: [proposed, before.rectifications[1]!] },
        rolesOf,
      ),
    ).toEqual([
      { field: 'rectifications.0.proposedRecordId', code: 'inspection.rectification.notEscalated' },
    ]);
  });
});

describe('device and platform agree on re-inspections', () => {
  const userIds = ['u0', 'u1', 'u2'] as const;
  it('accept and refuse the same re-inspection for any actor, date and reason', () => {
    fc.assert(
      fc.property(
        fc.tuple(...userIds.map(() => fc.subarray<Role>([...roles], { minLength: 1 }))),
        fc.integer({ min: 0, max: userIds.length - 1 }),
        fc.boolean(),
        fc.constantFrom('2026-09-29', '2026-09-30', '2026-10-20', '2026-10-21', '2026-02-30'),
        fc.constantFrom('', '  ', '复查意见'),
        fc.constantFrom(0, 1),
        (held, actorIndex, rectified, date, note, index) => {
          const known = new Map<string, KnownUser>(
            userIds.map((id, at) => [id, { id, roles: held[at]!, status: 'active' }]),
          );
          const inspectors = [userIds[0], userIds[1]] as string[];
          const before = { ...closedInspection(), createdBy: userIds[0], updatedBy: userIds[0], inspectors };
          const orders = ordersOnClose(before);
          const doc = { ...before, rectifications: orders };
          const actor = { userId: userIds[actorIndex]!, roles: held[actorIndex]! };
          const device = reinspect(orders[index]!, { rectified, date, note }, actor, at, '2026-10-20');
          // What the device would push; a refused step pushed anyway, as a tampered device could.
          const order: StoredOrder = device.ok
            ? device.value
            : {
                ...orders[index]!,
                state: rectified ? 'rectified' : 'escalated',
                steps: [
                  {
                    action: rectified ? 'confirm' : 'escalate',
                    by: actor.userId,
                    at,
                    note: note.trim(),
                    date,
                  },
                ],
              };
          const pushed = {
            ...doc,
            updatedBy: actor.userId,
            rectifications: orders.map((kept, at) => (at === index ? order : kept)),
          };
          const platform = checkWritePermission(
            'inspections',
            pushed as unknown as Record<string, unknown>,
            doc as unknown as Record<string, unknown>,
            (id) => known.get(id),
          );
          expect(platform.length === 0).toBe(device.ok);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
