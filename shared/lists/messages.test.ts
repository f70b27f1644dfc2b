import { describe, expect, it } from 'vitest';
import { listingActions, listingStatuses, validateListingInput } from './listing.ts';
import { listMessages } from './messages.ts';
import {
  checkListEntryProposal,
  defaultListRules,
  type ExitReason,
  type ListRule,
  validateListRule,
} from './rules.ts';
import { proposedBlackListing } from './testFixtures.ts';
import { replayListing } from './workflow.ts';

const zh = listMessages['zh-CN'];
const en = listMessages.en;

describe('list messages', () => {
  it('zh-CN and en hold the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const text of [...Object.values(zh), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('every list issue code and exit reason has a message', () => {
    const base = defaultListRules[0]!;
    const broken: ListRule = {
      ...base,
      basis: [],
      periodMonths: 0,
      entry: { kind: 'records', catalogCodes: ['NOPE'], minCount: 0, withinMonths: 12 },
    };
    const red: ListRule = { ...base, entry: { kind: 'grade', grades: [] } };
    const ruleIssues = [broken, red].flatMap((rule) => {
      const result = validateListRule(rule, { catalog: [] });
      return result.ok ? [] : result.issues;
    });
    const proposal = {
      id: 'e',
      list: base.list,
      rule: base.code,
      basis: [],
      triggeredBy: [],
      start: '2026-03-05',
      end: '2026-03-01',
    };
    const proposalIssues = [
      ...checkListEntryProposal(proposal, defaultListRules),
      ...checkListEntryProposal({ ...proposal, rule: 'x' }, defaultListRules),
    ];
    const listing = proposedBlackListing();
    const listingIssues = [
      ...validateListingInput({ ...listing, exitedOn: '2026-03-02' }, defaultListRules),
      ...validateListingInput(
        { ...listing, workflow: [...listing.workflow, { action: 'record', by: 'x', at: '', note: '' }] },
        defaultListRules,
      ),
      ...replayListing(listing, { ...listing, basis: ['x'] }, () => ['clerk']),
    ];
    const codes = new Set(
      [...ruleIssues, ...proposalIssues, ...listingIssues]
        .map((entry) => entry.code)
        .filter((code) => code.startsWith('lists.')),
    );
    const reasons: ExitReason[] = ['revoked', 'repaired', 'periodEnded', 'noLongerQualifies'];
    const keys = [
      ...[...codes].map((code) => `validation.${code}`),
      ...reasons.map((reason) => `lists.exit.${reason}`),
      ...listingActions.map((action) => `lists.action.${action}`),
      ...listingStatuses.map((status) => `lists.status.${status}`),
    ];
    expect(keys.sort()).toEqual(Object.keys(zh).sort());
  });
});
