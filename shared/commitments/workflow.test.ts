import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCommitmentInput } from './model.ts';
import { clerk, finding, reviewer, sampleCommitment, secondClerk } from './testFixtures.ts';
import { breachOutcomes } from './types.ts';
import {
  takeCommitmentStep,
  availableCommitmentSteps,
  judgeCommitmentStep,
  commitmentActions,
  commitmentWorkflow,
} from './workflow.ts';

const at = '2026-10-20T03:00:00.000Z';
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('the commitment workflow', () => {
  it('accepts a draft once it is numbered, signed and checked', () => {
    const draft = sampleCommitment({ status: 'draft', workflow: [], acceptanceCheck: null });
    expect(codes(judgeCommitmentStep(draft, 'accept', clerk, '2026-09-30'))).toEqual([
      'commitment.acceptanceCheckRequired',
    ]);
    const unsigned = { ...draft, signatory: '', number: '' };
    expect(codes(judgeCommitmentStep(unsigned, 'accept', clerk, '2026-09-30'))).toContain(
      'commitment.signatoryMissing',
    );
    const ready = { ...draft, acceptanceCheck: { checkedAt: at, eligible: true, findings: [] } };
    const accepted = takeCommitmentStep({ ...ready, acceptedBy: '' }, 'accept', secondClerk, at);
    expect(accepted.ok && [accepted.value.status, accepted.value.acceptedBy]).toEqual([
      'accepted',
      secondClerk.userId,
    ]);
    expect(codes(judgeCommitmentStep(ready, 'accept', reviewer, '2026-09-30'))).toEqual([
      'permission.denied',
    ]);
  });

  it('has no step from a finding back to pending', () => {
    for (const status of ['fulfilled', ...breachOutcomes, 'withdrawn'] as const) {
      expect(Object.values(commitmentWorkflow.transitions).filter((t) => t.from === status)).toEqual([]);
      const doc = sampleCommitment({
        status,
        outcome: finding({ result: status === 'withdrawn' ? '' : status }),
      });
      for (const action of commitmentActions) {
        expect(codes(judgeCommitmentStep(doc, action, reviewer, '2026-10-20', 'why'))).toContain(
          'commitment.illegalTransition',
        );
      }
    }
  });

  it('refuses a breach without facts, and a partial one without the unfulfilled content and action', () => {
    const noFacts = sampleCommitment({ outcome: finding({ facts: '' }) });
    expect(codes(judgeCommitmentStep(noFacts, 'proposeBreach', clerk, '2026-10-20'))).toEqual([
      'commitment.breachWithoutFacts',
    ]);
    const partly = sampleCommitment({ outcome: finding({ result: 'partlyFulfilled', actionTaken: '' }) });
    expect(codes(judgeCommitmentStep(partly, 'proposeBreach', clerk, '2026-10-20'))).toEqual([
      'commitment.actionTakenRequired',
    ]);
    const fulfilledAsBreach = sampleCommitment({ outcome: finding({ result: 'fulfilled' }) });
    expect(codes(judgeCommitmentStep(fulfilledAsBreach, 'proposeBreach', clerk, '2026-10-20'))).toEqual([
      'oneOf',
    ]);
  });

  it('takes the step on its day in China: a finding dated that day is not "in the future" before 08:00', () => {
    // 00:30 on 21 October in China is still 20 October in UTC.
    const earlyMorning = '2026-10-20T16:30:00.000Z';
    const dated = sampleCommitment({ outcome: finding({ decisionDate: '2026-10-21' }) });
    expect(takeCommitmentStep(dated, 'proposeBreach', clerk, earlyMorning).ok).toBe(true);
    const tomorrow = sampleCommitment({ outcome: finding({ decisionDate: '2026-10-22' }) });
    expect(takeCommitmentStep(tomorrow, 'proposeBreach', clerk, earlyMorning)).toMatchObject({ ok: false });
  });

  it('needs a second person to confirm a breach, and confirms the finding proposed', () => {
    const proposed = takeCommitmentStep(
      sampleCommitment({ outcome: finding({ result: 'falseCommitment' }) }),
      'proposeBreach',
      secondClerk,
      at,
    );
    if (!proposed.ok) throw new Error(JSON.stringify(proposed.issues));
    expect(proposed.value.status).toBe('breachProposed');
    const proposer = { userId: secondClerk.userId, roles: ['clerk', 'reviewer'] as const };
    expect(
      codes(judgeCommitmentStep(proposed.value, 'confirmFalseCommitment', proposer, '2026-10-20')),
    ).toEqual(['permission.ownWork']);
    expect(availableCommitmentSteps(proposed.value, proposer)).toEqual([]);
    expect(availableCommitmentSteps(proposed.value, reviewer)).toEqual([
      'confirmFalseCommitment',
      'rejectBreach',
    ]);
    expect(codes(judgeCommitmentStep(proposed.value, 'confirmNotFulfilled', reviewer, '2026-10-20'))).toEqual(
      ['commitment.findingMismatch'],
    );
    // The clerk registered the commitment, but her role refuses first: four-eyes is judged once roles allow.
    expect(codes(judgeCommitmentStep(proposed.value, 'confirmFalseCommitment', clerk, '2026-10-20'))).toEqual(
      ['permission.denied'],
    );
    const confirmed = takeCommitmentStep(proposed.value, 'confirmFalseCommitment', reviewer, at);
    expect(confirmed.ok && confirmed.value.status).toBe('falseCommitment');
    expect(confirmed.ok && confirmed.value.workflow.map((e) => [e.action, e.by])).toEqual([
      ['accept', clerk.userId],
      ['proposeBreach', secondClerk.userId],
      ['confirmFalseCommitment', reviewer.userId],
    ]);
    const returned = takeCommitmentStep(proposed.value, 'rejectBreach', reviewer, at, '事实不清');
    expect(returned.ok && returned.value.status).toBe('accepted');
    expect(codes(judgeCommitmentStep(proposed.value, 'rejectBreach', reviewer, '2026-10-20'))).toEqual([
      'commitment.noteRequired',
    ]);
  });

  it('records fulfilment in one step and refuses a withdrawal without a reason', () => {
    const kept = sampleCommitment({ outcome: finding({ result: 'fulfilled', facts: '已补交全部材料' }) });
    const fulfilled = takeCommitmentStep(kept, 'fulfil', clerk, at);
    expect(fulfilled.ok && fulfilled.value.status).toBe('fulfilled');
    expect(codes(judgeCommitmentStep(sampleCommitment(), 'withdraw', clerk, '2026-10-20'))).toEqual([
      'commitment.noteRequired',
    ]);
  });

  it('only ever produces documents the validator accepts, whatever steps are tried', () => {
    const actors = [clerk, secondClerk, reviewer];
    const outcomes = [
      finding(),
      finding({ result: 'partlyFulfilled' }),
      finding({ result: 'falseCommitment' }),
      finding({ result: 'fulfilled' }),
      finding({ facts: '' }),
      finding({ unfulfilledContent: '' }),
    ];
    const step = fc.tuple(fc.constantFrom(...commitmentActions), fc.nat(2), fc.nat(5), fc.boolean());
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let doc = sampleCommitment();
        for (const [action, actorIndex, outcomeIndex, withNote] of steps) {
          // A clerk fills in a finding only while the commitment is being followed up.
          const candidate = doc.status === 'accepted' ? { ...doc, outcome: outcomes[outcomeIndex]! } : doc;
          const result = takeCommitmentStep(
            candidate,
            action,
            actors[actorIndex]!,
            at,
            withNote ? '理由' : '',
          );
          if (!result.ok) continue;
          doc = result.value;
          const valid = validateCommitmentInput(doc, {
            matterLists: [],
            today: '2026-10-20',
          });
          if (!valid.ok) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
