/**
 * The device and the platform decide every inspection step alike: the device judges a step before
 * taking it (`takeStep`, what InspectionRepository.act calls), the platform judges the pushed document
 * that carries it (`checkWritePermission`, replaying the steps through the same table). Documents are
 * reached by random walks of accepted steps; actors are users with random roles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeStep } from '../kit/workflow.ts';
import { type Role, roles } from '../base/security/permissions.ts';
import { checkWritePermission, type KnownUser } from '../sync/writePermissions.ts';
import { declarationWorkflow } from './declarations.ts';
import {
  type FlowDocument,
  type InspectionState,
  type InspectionStep,
  inspectionSteps,
  inspectionWorkflow,
  takeStep,
} from './workflows.ts';

const at = '2026-03-10T08:00:00.000Z';
const userIds = ['u0', 'u1', 'u2', 'u3'] as const;

const attempt = fc.record({
  action: fc.constantFrom(...inspectionSteps),
  actor: fc.integer({ min: 0, max: userIds.length - 1 }),
  note: fc.constantFrom('', '  ', '意见'),
  // A publication takes a date; other steps none.
  date: fc.constantFrom('', '2026-03-10', '2026-3-10'),
});

type Doc = {
  id: string;
  createdBy: string;
  updatedBy: string;
  state: InspectionState;
  steps: FlowDocument<InspectionState, InspectionStep>['steps'];
  findings: [];
  rectifications: [];
  inspectors: string[];
  startedAt: string;
  templateIndustry: 'construction';
};

describe('device and platform agree on inspection steps', () => {
  it('accept and refuse the same steps for any inspection, actor and step', () => {
    fc.assert(
      fc.property(
        fc.tuple(...userIds.map(() => fc.subarray<Role>([...roles], { minLength: 1 }))),
        fc.integer({ min: 0, max: userIds.length - 1 }),
        fc.array(attempt, { maxLength: 8 }),
        attempt,
        (held, author, walk, last) => {
          const known = new Map<string, KnownUser>(
            userIds.map((id, index) => [id, { id, roles: held[index]!, status: 'active' }]),
          );
          const actorOf = (index: number) => ({ userId: userIds[index]!, roles: held[index]! });
          let doc: Doc = {
            id: 'i',
            createdBy: userIds[author]!,
            updatedBy: userIds[author]!,
            state: 'draft',
            steps: [],
            // No findings: closing issues no rectification orders (orders.test.ts covers those).
            findings: [],
            rectifications: [],
            inspectors: [userIds[author]!],
            startedAt: at,
            templateIndustry: 'construction',
          };
          for (const step of walk) {
            const taken = takeStep(inspectionWorkflow, doc, step, actorOf(step.actor), at);
            if (taken.ok) doc = { ...taken.value, updatedBy: userIds[step.actor]! };
          }
          const actor = actorOf(last.actor);
          const device = judgeStep(
            inspectionWorkflow,
            { state: doc.state, author: doc.createdBy, steps: doc.steps },
            { action: last.action, text: last.note, date: last.date },
            actor,
          );
          const pushed: Doc = {
            ...doc,
            updatedBy: actor.userId,
            state: inspectionWorkflow.transitions[last.action].to,
            steps: [
              ...doc.steps,
              { action: last.action, by: actor.userId, at, note: last.note.trim(), date: last.date },
            ],
          };
          const platform = checkWritePermission('inspections', pushed, doc, (id) => known.get(id));
          expect(platform.length === 0).toBe(device.length === 0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('device and platform agree on withdrawing a declared conflict', () => {
  it('accept and refuse the same withdrawal for any declaration, actor and reason', () => {
    fc.assert(
      fc.property(
        fc.tuple(...userIds.map(() => fc.subarray<Role>([...roles], { minLength: 1 }))),
        fc.integer({ min: 0, max: userIds.length - 1 }),
        fc.boolean(),
        attempt,
        (held, author, alreadyWithdrawn, last) => {
          const known = new Map<string, KnownUser>(
            userIds.map((id, index) => [id, { id, roles: held[index]!, status: 'active' }]),
          );
          const actor = { userId: userIds[last.actor]!, roles: held[last.actor]! };
          const doc = {
            id: 'c',
            kind: 'conflict',
            createdBy: userIds[author]!,
            updatedBy: userIds[author]!,
            state: alreadyWithdrawn ? 'withdrawn' : 'declared',
            steps: alreadyWithdrawn
              ? [{ action: 'withdraw' as const, by: userIds[author]!, at, note: '有误', date: '' }]
              : [],
            conflict: { inspectorId: userIds[author]!, reason: '亲属' },
          };
          const device = judgeStep(
            declarationWorkflow,
            { state: doc.state, author: doc.createdBy, steps: doc.steps },
            { action: 'withdraw', text: last.note },
            actor,
          );
          const pushed = {
            ...doc,
            updatedBy: actor.userId,
            state: 'withdrawn',
            steps: [
              ...doc.steps,
              { action: 'withdraw', by: actor.userId, at, note: last.note.trim(), date: '' },
            ],
          };
          const platform = checkWritePermission('inspections', pushed, doc, (id) => known.get(id));
          expect(platform.length === 0).toBe(device.length === 0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
