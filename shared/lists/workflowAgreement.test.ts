/**
 * The device and the platform decide every listing step alike: the device judges a step before taking
 * it (`takeListingStep`, what the listings repository calls), the platform judges the pushed document
 * carrying it (`checkWritePermission`). Listings are reached by random walks of accepted steps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../base/security/permissions.ts';
import { checkWritePermission, type KnownUser } from '../sync/writePermissions.ts';
import { type ListingDocument, listingActions } from './listing.ts';
import { proposedBlackListing } from './testFixtures.ts';
import { judgeListingStep, listingWorkflow, takeListingStep } from './workflow.ts';

const at = '2026-03-10T08:00:00.000Z';
const userIds = ['u0', 'u1', 'u2', 'u3'] as const;

const attempt = fc.record({
  action: fc.constantFrom(...listingActions),
  actor: fc.integer({ min: 0, max: userIds.length - 1 }),
  note: fc.constantFrom('', '  ', '意见'),
  number: fc.constantFrom('', '豫建〔2026〕1号'),
});

describe('device and platform agree on listing steps', () => {
  it('accept and refuse the same steps for any listing, actor and step', () => {
    fc.assert(
      fc.property(
        fc.tuple(...userIds.map(() => fc.subarray<Role>([...roles], { minLength: 1 }))),
        fc.integer({ min: 0, max: userIds.length - 1 }),
        fc.array(attempt, { maxLength: 6 }),
        attempt,
        (held, author, walk, last) => {
          const known = new Map<string, KnownUser>(
            userIds.map((id, index) => [id, { id, roles: held[index]!, status: 'active' }]),
          );
          const actorOf = (index: number) => ({ userId: userIds[index]!, roles: held[index]! });
          const numbered = (listing: ListingDocument, action: string, number: string): ListingDocument =>
            action === 'exit'
              ? { ...listing, exitDecisionNumber: number }
              : action === 'approve'
                ? { ...listing, decisionNumber: number }
                : listing;
          let listing = proposedBlackListing({
            createdBy: userIds[author]!,
            updatedBy: userIds[author]!,
            workflow: [{ action: 'propose', by: userIds[author]!, at, note: '' }],
          });
          for (const step of walk) {
            const taken = takeListingStep(
              numbered(listing, step.action, step.number),
              step.action,
              actorOf(step.actor),
              at,
              step.note,
            );
            if (taken.ok) listing = { ...taken.value, updatedBy: userIds[step.actor]! };
          }
          const actor = actorOf(last.actor);
          const before = numbered(listing, last.action, last.number);
          const device = judgeListingStep(before, last.action, actor, last.note);
          const pushed: ListingDocument = {
            ...before,
            updatedBy: actor.userId,
            status: listingWorkflow.transitions[last.action].to,
            workflow: [
              ...listing.workflow,
              { action: last.action, by: actor.userId, at, note: last.note.trim() },
            ],
          };
          const platform = checkWritePermission('listings', { ...pushed }, { ...listing }, (id) =>
            known.get(id),
          );
          expect(platform.length === 0).toBe(device.length === 0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
