/**
 * The device and the platform decide every inspection and rectification step alike: the device takes a
 * step through `takeStep`, the platform replays the pushed document through `replayFlow`. Documents are
 * reached by random walks of accepted steps; actors are users with random roles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowTable } from '../kit/workflow.ts';
import { type Role, roles } from '../base/security/permissions.ts';
import {
  type FlowDocument,
  inspectionWorkflow,
  rectificationWorkflow,
  replayFlow,
  takeStep,
} from './workflows.ts';

const at = '2026-03-10T08:00:00.000Z';
const userIds = ['u0', 'u1', 'u2', 'u3'] as const;

function agreement<State extends string, Step extends string>(
  table: WorkflowTable<State, Step>,
  initial: State,
  dateBounds?: FlowDocument<State, Step>['dateBounds'],
) {
  const attempt = fc.record({
    action: fc.constantFrom(...(Object.keys(table.transitions) as Step[])),
    actor: fc.integer({ min: 0, max: userIds.length - 1 }),
    note: fc.constantFrom('', '  ', '理由'),
    date: fc.constantFrom('', '2026-03-01', '2026-03-05', '2026-03-12', '2026-02-30'),
  });
  const scenario = fc.record({
    roles: fc.tuple(...userIds.map(() => fc.subarray<Role>([...roles], { minLength: 1 }))),
    author: fc.integer({ min: 0, max: userIds.length - 1 }),
    walk: fc.array(attempt, { maxLength: 8 }),
    last: attempt,
  });
  return fc.property(scenario, ({ roles: held, author, walk, last }) => {
    const actorOf = (index: number) => ({ userId: userIds[index]!, roles: held[index]! });
    const rolesOf = (id: string) => held[userIds.indexOf(id as (typeof userIds)[number])];
    let doc: FlowDocument<State, Step> = {
      state: initial,
      createdBy: userIds[author]!,
      steps: [],
      ...(dateBounds ? { dateBounds } : {}),
    };
    for (const step of walk) {
      const taken = takeStep(table, doc, step, actorOf(step.actor), at);
      if (taken.ok) doc = taken.value;
    }
    const actor = actorOf(last.actor);
    const device = takeStep(table, doc, last, actor, at);
    // The document the device would push had it taken the step, refused or not.
    const pushed: FlowDocument<State, Step> = {
      ...doc,
      state: table.transitions[last.action].to,
      steps: [
        ...doc.steps,
        { action: last.action, by: actor.userId, at, note: last.note.trim(), date: last.date },
      ],
    };
    const platform = replayFlow(table, doc, pushed, rolesOf);
    expect(platform.length === 0).toBe(device.ok);
  });
}

describe('device and platform agree on inspection steps', () => {
  it('accept and refuse the same inspection steps', () => {
    fc.assert(agreement(inspectionWorkflow, 'draft'), { numRuns: 1500 });
  });

  it('accept and refuse the same rectification steps', () => {
    fc.assert(agreement(rectificationWorkflow, 'open', { notBefore: '2026-03-02', notAfter: '2026-03-10' }), {
      numRuns: 1500,
    });
  });
});

describe('the platform replay', () => {
  const doc: FlowDocument<'draft' | 'submitted' | 'closed', 'submit' | 'return' | 'close'> = {
    state: 'submitted',
    createdBy: 'u0',
    steps: [{ action: 'submit', by: 'u0', at, note: '', date: '' }],
  };
  const rolesOf = (id: string): Role[] | undefined => ({ u0: ['inspector'], u1: ['reviewer'] })[id] as Role[];

  it('refuses rewritten history, an unknown user, a claimed state the steps do not reach', () => {
    expect(replayFlow(inspectionWorkflow, doc, { ...doc, steps: [] }, rolesOf)).toEqual([
      { field: 'steps', code: 'permission.historyRewritten' },
    ]);
    const closeBy = (by: string) => ({
      ...doc,
      state: 'closed' as const,
      steps: [...doc.steps, { action: 'close' as const, by, at, note: '', date: '' }],
    });
    expect(replayFlow(inspectionWorkflow, doc, closeBy('u9'), rolesOf).map((found) => found.code)).toEqual([
      'permission.unknownUser',
    ]);
    // Roles refuse first; four-eyes is judged once the roles allow the step.
    expect(replayFlow(inspectionWorkflow, doc, closeBy('u0'), rolesOf).map((found) => found.code)).toEqual([
      'permission.denied',
    ]);
    expect(replayFlow(inspectionWorkflow, doc, closeBy('u1'), rolesOf)).toEqual([]);
    expect(replayFlow(inspectionWorkflow, doc, { ...closeBy('u1'), state: 'draft' }, rolesOf)).toEqual([
      { field: 'state', code: 'permission.statusMismatch', params: { expected: 'closed' } },
    ]);
  });
});
