import { describe, expect, it } from 'vitest';
import { validateListingInput } from './listing.ts';
import { defaultListRules } from './rules.ts';
import { proposedBlackListing } from './testFixtures.ts';
import { availableListingSteps, judgeListingStep, replayListing, takeListingStep } from './workflow.ts';

const reviewer = { userId: 'rev1', roles: ['reviewer'] as const };
const codes = (issues: { code: string }[]) => issues.map((found) => found.code);
const at = '2026-03-02T02:00:00.000Z';

describe('the listing workflow', () => {
  it('lets a second user approve with a decision number and opinion', () => {
    const listing = proposedBlackListing({ decisionNumber: '豫建信〔2026〕3号' });
    const taken = takeListingStep(listing, 'approve', reviewer, at, '同意列入');
    expect(taken.ok && taken.value.status).toBe('listed');
  });

  it('refuses the proposer’s own decision (four-eyes), naming the rule', () => {
    const listing = proposedBlackListing({ decisionNumber: 'X-1', createdBy: 'rev1' });
    expect(codes(judgeListingStep(listing, 'approve', reviewer, 'ok'))).toEqual(['workflow.fourEyes']);
  });

  it('needs the decision document and an opinion to decide, and a reason and exit decision to exit', () => {
    expect(codes(judgeListingStep(proposedBlackListing(), 'approve', reviewer, ''))).toEqual([
      'workflow.noteRequired',
      'workflow.documentNumberRequired',
    ]);
    const listed = proposedBlackListing({ status: 'listed', decisionNumber: 'X-1' });
    expect(codes(judgeListingStep(listed, 'exit', reviewer, ''))).toEqual([
      'workflow.noteRequired',
      'workflow.documentNumberRequired',
    ]);
    expect(judgeListingStep({ ...listed, exitDecisionNumber: 'X-2' }, 'exit', reviewer, '期满')).toEqual([]);
  });

  it('offers a clerk no decision and a reviewer the decisions of the state', () => {
    const listing = proposedBlackListing();
    expect(availableListingSteps(listing, { userId: 'c2', roles: ['clerk'] })).toEqual([]);
    expect(availableListingSteps(listing, reviewer)).toEqual(['reject']);
    expect(availableListingSteps({ ...listing, decisionNumber: 'X' }, reviewer)).toEqual([
      'approve',
      'reject',
    ]);
  });
});

describe('a listing’s content', () => {
  it('refuses an entry without basis, naming the rule', () => {
    const issues = validateListingInput(proposedBlackListing({ basis: ['  '] }), defaultListRules);
    expect(codes(issues)).toContain('lists.basisRequired');
  });

  it('refuses a black-list entry on the red list kind and an exit reason before the exit', () => {
    expect(codes(validateListingInput(proposedBlackListing({ kind: 'redList' }), defaultListRules))).toEqual([
      'oneOf',
    ]);
    expect(
      codes(validateListingInput(proposedBlackListing({ exitReason: 'repaired' }), defaultListRules)),
    ).toEqual(['lists.notExited']);
  });
});

describe('the platform’s replay of a pushed listing', () => {
  const rolesOf = (id: string) =>
    id.startsWith('clerk') ? (['clerk'] as const) : id.startsWith('rev') ? (['reviewer'] as const) : null;

  it('accepts a proposal and its decision by a second user', () => {
    const proposed = proposedBlackListing();
    expect(replayListing(null, proposed, rolesOf)).toEqual([]);
    const decided = { ...proposed, decisionNumber: 'X-1' };
    const approved = takeListingStep(decided, 'approve', reviewer, at, '同意');
    expect(approved.ok && replayListing(proposed, approved.value, rolesOf)).toEqual([]);
  });

  it('refuses a decision by the proposer, a rewritten history and a changed basis', () => {
    const proposed = proposedBlackListing({ createdBy: 'rev1' });
    const pushed = {
      ...proposed,
      decisionNumber: 'X',
      status: 'listed' as const,
      workflow: [...proposed.workflow, { action: 'approve' as const, by: 'rev1', at, note: 'ok' }],
    };
    expect(codes(replayListing(proposed, pushed, rolesOf))).toContain('permission.ownWork');
    expect(codes(replayListing(proposed, { ...proposed, workflow: [] }, rolesOf))).toEqual([
      'permission.historyRewritten',
    ]);
    expect(codes(replayListing(proposed, { ...proposed, basis: ['其他'] }, rolesOf))).toEqual([
      'lists.fixedOnceProposed',
    ]);
  });
});
