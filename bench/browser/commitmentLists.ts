// The commitments list at a realistic size (part of `npm run bench`): letters are written straight into
// the collection in their stored shape (bulk-loaded for the bench only, as a sync pull would write them),
// then first pages are read through the repository and timed against reading every letter, in one run.
import type { CommitmentRepository } from '../../renderer/commitments/repository.ts';
import type { CommitmentCollection } from '../../renderer/kernel/db/database.ts';
import { pushedCommitment } from '../../shared/commitments/testFixtures.ts';
import type { CommitmentStatus } from '../../shared/commitments/types.ts';
import { timed } from './creditLists.ts';

const chunk = 5_000;
const statuses: CommitmentStatus[] = ['accepted', 'accepted', 'fulfilled', 'notFulfilled', 'withdrawn'];
const base = Date.UTC(2022, 0, 1);

/** Writes `count` accepted-and-later letters over five years, one an hour; returns the time taken. */
export async function generateCommitments(collection: CommitmentCollection, count: number): Promise<number> {
  const start = performance.now();
  for (let from = 0; from < count; from += chunk) {
    const docs = [];
    for (let n = from; n < Math.min(count, from + chunk); n++) {
      const at = new Date(base + n * 3_600_000).toISOString();
      docs.push(pushedCommitment('410823', 'bench', n, at, { status: statuses[n % statuses.length]! }));
    }
    const written = await collection.bulkInsert(docs);
    if (written.error.length > 0) throw new Error(`writing letters failed: ${written.error[0]!.status}`);
  }
  return performance.now() - start;
}

/** First pages (50) of the list, unfiltered and filtered, and the read-every-letter path before. */
export async function measureCommitmentLists(
  commitments: CommitmentRepository,
): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  // Timed first, cold like the first pages (a repeated RxDB query answers from its cache).
  result.commitmentsBaselineMs = await timed(async () => (await commitments.list()).slice(0, 50));
  result.commitmentsFirstPageMs = await timed(() => commitments.page({ limit: 50 }));
  result.commitmentsNextPageMs = await timed(() => commitments.page({ offset: 50, limit: 50 }));
  result.commitmentsOpenPageMs = await timed(() => commitments.page({ open: true, limit: 50 }));
  result.commitmentsWordsPageMs = await timed(() => commitments.page({ text: '000123', limit: 50 }));
  return result;
}
