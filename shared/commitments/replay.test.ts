/**
 * The device and the platform decide commitment steps alike: documents are reached by random walks of
 * steps the device accepts (takeCommitmentStep) and pushed one step at a time; the platform's replay
 * accepts exactly those and refuses a step the device refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureId } from '../creditRecords/testFixtures.ts';
import { type Role, roles } from '../base/security/permissions.ts';
import type { CommitmentDocument } from './model.ts';
import { replayCommitment } from './replay.ts';
import { finding, sampleCommitment } from './testFixtures.ts';
import {
  commitmentActions,
  commitmentWorkflow,
  judgeCommitmentStep,
  takeCommitmentStep,
} from './workflow.ts';

const at = '2026-10-20T03:00:00.000Z';
const context = { matterLists: [], today: '2026-10-20' };
const userIds = ['u0', 'u1', 'u2'] as const;
const outcomes = [
  finding(),
  finding({ result: 'falseCommitment' }),
  finding({ result: 'fulfilled' }),
  finding({ facts: '' }),
];

function document(createdBy: string): CommitmentDocument {
  return {
    ...sampleCommitment({ status: 'draft', workflow: [], createdBy } as never),
    id: fixtureId(3),
    county: '150303',
    createdAt: at,
    updatedAt: at,
    createdBy,
    updatedBy: createdBy,
  };
}

const attempt = fc.record({
  action: fc.constantFrom(...commitmentActions),
  actor: fc.nat(userIds.length - 1),
  outcome: fc.nat(outcomes.length - 1),
  note: fc.constantFrom('', '理由'),
});

describe('device and platform agree on commitment steps', () => {
  it('accept and refuse the same steps for any document, actor and step', () => {
    fc.assert(
      fc.property(
        fc.tuple(...userIds.map(() => fc.subarray<Role>([...roles], { minLength: 1 }))),
        fc.array(attempt, { maxLength: 10 }),
        (held, walk) => {
          const rolesOf = (id: string) => held[userIds.indexOf(id as never)] ?? null;
          let doc = document('u0');
          for (const { action, actor, outcome, note } of walk) {
            // The form carries a finding only while the commitment is followed up.
            const candidate = doc.status === 'accepted' ? { ...doc, outcome: outcomes[outcome]! } : doc;
            const person = { userId: userIds[actor]!, roles: held[actor]! };
            const device = judgeCommitmentStep(candidate, action, person, '2026-10-20', note);
            const taken = takeCommitmentStep(candidate, action, person, at, note);
            // A client that skipped the device's check pushes the step with the status it leads to.
            const pushed = taken.ok
              ? taken.value
              : {
                  ...candidate,
                  status: commitmentWorkflow.transitions[action].to,
                  workflow: [...candidate.workflow, { action, by: person.userId, at, note }],
                };
            const platform = replayCommitment(doc, pushed, rolesOf, context);
            if ((device.length === 0) !== (platform.length === 0)) return false;
            if (taken.ok) doc = taken.value;
          }
          return true;
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses a rewritten history, an unknown user and a status the steps do not lead to', () => {
    const doc = document('u0');
    const rolesOf = (id: string) => (id === 'u0' ? (['clerk'] as const) : null);
    const accepted = takeCommitmentStep(doc, 'accept', { userId: 'u0', roles: ['clerk'] }, at);
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.issues));
    expect(replayCommitment(doc, accepted.value, rolesOf, context)).toEqual([]);
    expect(replayCommitment(accepted.value, { ...accepted.value, workflow: [] }, rolesOf, context)).toEqual([
      { field: 'workflow', code: 'permission.historyRewritten' },
    ]);
    const stranger = { ...accepted.value, workflow: [{ action: 'accept', by: 'x', at, note: '' }] };
    // The status follows the steps as recorded, whoever took them: the stranger is the one refusal.
    expect(replayCommitment(doc, stranger, rolesOf, context).map((i) => i.code)).toEqual([
      'permission.unknownUser',
    ]);
    expect(
      replayCommitment(
        doc,
        { ...doc, status: 'fulfilled', outcome: finding({ result: 'fulfilled' }) },
        rolesOf,
        context,
      )[0],
    ).toEqual({
      field: 'status',
      code: 'permission.statusMismatch',
      params: { expected: 'draft' },
    });
  });
});
