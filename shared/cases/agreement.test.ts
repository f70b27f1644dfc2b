/**
 * The device and the platform decide every case step alike: the device judges a step before taking it
 * (`takeCaseStep`, what CaseRepository.act calls), the platform judges the pushed case that carries it
 * (`checkWritePermission`). Cases are reached by random walks of accepted steps; actors are users with
 * random roles, some of whom entered the record concerned.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../base/security/permissions.ts';
import { checkWritePermission, type KnownUser } from '../sync/writePermissions.ts';
import { type CaseDocument, caseSteps } from './model.ts';
import { sampleObjectionCase, sampleRepairCase } from './testFixtures.ts';
import { caseTransition, judgeCaseStep, takeCaseStep } from './workflow.ts';

const at = '2026-05-06T08:00:00.000Z';
const userIds = ['u0', 'u1', 'u2', 'u3'] as const;

const attempt = fc.record({
  action: fc.constantFrom(...caseSteps),
  actor: fc.integer({ min: 0, max: userIds.length - 1 }),
  note: fc.constantFrom('', '  ', '理由'),
});

const scenario = fc.record({
  kind: fc.constantFrom('repair', 'objection'),
  reference: fc.constantFrom('', 'XY-2026-1'),
  roles: fc.tuple(...userIds.map(() => fc.subarray<Role>([...roles], { minLength: 1 }))),
  author: fc.integer({ min: 0, max: userIds.length - 1 }),
  recordAuthor: fc.integer({ min: 0, max: userIds.length - 1 }),
  walk: fc.array(attempt, { maxLength: 6 }),
  last: attempt,
});

describe('device and platform agree on case steps', () => {
  it('accept and refuse the same steps for any case, actor and step', () => {
    fc.assert(
      fc.property(scenario, ({ kind, reference, roles: held, author, recordAuthor, walk, last }) => {
        const known = new Map<string, KnownUser>(
          userIds.map((id, index) => [id, { id, roles: held[index]!, status: 'active' }]),
        );
        const actorOf = (index: number) => ({ userId: userIds[index]!, roles: held[index]! });
        const base = kind === 'repair' ? sampleRepairCase : sampleObjectionCase;
        let doc: CaseDocument = base({
          createdBy: userIds[author]!,
          updatedBy: userIds[author]!,
          recordEnteredBy: [userIds[recordAuthor]!],
          nationalReference: reference,
          channel: kind === 'repair' && reference !== '' ? 'national' : 'local',
        });
        for (const step of walk) {
          const taken = takeCaseStep(doc, step.action, actorOf(step.actor), at, step.note);
          if (taken.ok) doc = { ...taken.value, updatedBy: userIds[step.actor]! };
        }
        const actor = actorOf(last.actor);
        const device = judgeCaseStep(doc, last.action, actor, last.note);
        const pushed: CaseDocument = {
          ...doc,
          updatedBy: actor.userId,
          status: (caseTransition(kind, last.action)?.to ?? doc.status) as CaseDocument['status'],
          workflow: [...doc.workflow, { action: last.action, by: actor.userId, at, note: last.note.trim() }],
        };
        const platform = checkWritePermission(
          'cases',
          pushed as unknown as Record<string, unknown>,
          doc as unknown as Record<string, unknown>,
          (id) => known.get(id),
        );
        expect([device.length === 0, platform.length === 0]).toEqual([
          device.length === 0,
          device.length === 0,
        ]);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses on the platform a decision pushed by the user who entered the record', () => {
    const reviewerRecordAuthor = {
      id: 'u1',
      roles: ['clerk', 'reviewer'] as Role[],
      status: 'active' as const,
    };
    const clerk = { id: 'u0', roles: ['clerk'] as Role[], status: 'active' as const };
    const users = new Map([
      ['u0', clerk],
      ['u1', reviewerRecordAuthor],
    ]);
    const doc = sampleRepairCase({ createdBy: 'u0', updatedBy: 'u0', recordEnteredBy: ['u1'] });
    const pushed = {
      ...doc,
      updatedBy: 'u1',
      status: 'accepted',
      workflow: [{ action: 'accept', by: 'u1', at, note: '' }],
    };
    const issues = checkWritePermission('cases', pushed, doc as unknown as Record<string, unknown>, (id) =>
      users.get(id),
    );
    expect(issues.map((found) => found.code)).toEqual(['permission.ownWork']);
  });
});
