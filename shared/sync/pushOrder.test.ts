import { describe, expect, it } from 'vitest';
import { capabilities } from '../capabilities.ts';
import { pushOrderIssues, uploadedBefore } from './pushOrder.ts';

describe('push order', () => {
  it('pushes the users first, and a document after what the platform judges it against', () => {
    expect(uploadedBefore('users')).toEqual([]);
    expect(uploadedBefore('subjects')).toEqual(['users']);
    expect(uploadedBefore('commitments')).toEqual(['users']);
    expect(uploadedBefore('cases')).toEqual(['users', 'commitments']);
    expect(uploadedBefore('inspections')).toEqual(['users', 'subjects']);
  });

  it('is read from the descriptors of the registry', () => {
    const registry = [{ collection: 'cases' as const, judgedAgainst: ['subjects' as const] }];
    expect(uploadedBefore('cases', registry)).toEqual(['users', 'subjects']);
    expect(uploadedBefore('commitments', registry)).toEqual(['users']);
  });

  it('agrees with the registry’s sync order and has no cycle', () => {
    expect(pushOrderIssues(capabilities.all)).toEqual([]);
  });

  it('finds a declaration against the sync order, an unregistered or the same collection, and a cycle', () => {
    const declared: [Parameters<typeof pushOrderIssues>[0], string[]][] = [
      [
        [
          { collection: 'commitments', judgedAgainst: ['cases'] },
          { collection: 'cases', judgedAgainst: ['commitments'] },
        ],
        [
          'commitments is judged against cases, which comes later in the sync order',
          'the push order has a cycle: commitments → cases → commitments',
        ],
      ],
      [
        [
          { collection: 'subjects', judgedAgainst: ['subjects'] },
          { collection: 'cases', judgedAgainst: ['listings'] },
        ],
        ['subjects is judged against itself', 'cases is judged against listings, which is not registered'],
      ],
      [
        [
          { collection: 'subjects' },
          { collection: 'commitments', judgedAgainst: ['subjects'] },
          { collection: 'cases', judgedAgainst: ['commitments', 'subjects'] },
        ],
        [],
      ],
    ];
    for (const [descriptors, issues] of declared) expect(pushOrderIssues(descriptors)).toEqual(issues);
  });
});
