/**
 * Promotion into the city-wide serious-dishonesty list: when a county's push writes an approved (or
 * exited) black-list listing, the platform writes the matching `cityBlackList` reference entry in the
 * same transaction, so every county pulls it read-only (shared/lists/cityBlackList.ts).
 */
import { cityOf } from '../../shared/base/identifiers.ts';
import { promotionOf } from '../../shared/lists/cityBlackList.ts';
import type { ListingDocument } from '../../shared/lists/listing.ts';
import { validateReferenceDocument } from '../../shared/sync/documentValidators.ts';
import type { Queryable } from '../db/database.ts';
import { publishCityDocumentsWithin } from './documentStore.ts';

/** Promotes the written listings; returns the city feed's last sequence written, or null. */
export async function promoteBlackListings(
  tx: Queryable,
  county: string,
  written: readonly Record<string, unknown>[],
  now: Date,
  today: string,
): Promise<number | null> {
  const listings = (written as unknown as ListingDocument[]).filter(
    (listing) => listing.kind === 'blackList' && (listing.status === 'listed' || listing.status === 'exited'),
  );
  if (listings.length === 0) return null;
  const subjects = await tx.query<{ id: string; body: Record<string, unknown> }>(
    `SELECT id, body FROM documents WHERE collection = 'subjects' AND feed = $1 AND id = ANY($2::text[])`,
    [county, listings.map((listing) => listing.subjectId)],
  );
  const names = new Map(subjects.rows.map((row) => [row.id, String(row.body.name ?? '')]));
  const existing = await tx.query<{ id: string; body: Record<string, unknown> }>(
    `SELECT id, body FROM documents WHERE collection = 'reference' AND id = ANY($1::text[])`,
    [listings.map((listing) => listing.id)],
  );
  const createdAt = new Map(existing.rows.map((row) => [row.id, String(row.body.createdAt)]));
  const at = now.toISOString();
  const entries = listings.flatMap((listing) => {
    const entry = promotionOf(listing, names.get(listing.subjectId) ?? '', cityOf(county), at);
    return entry ? [{ ...entry, createdAt: createdAt.get(entry.id) ?? at }] : [];
  });
  const outcome = await publishCityDocumentsWithin(
    tx,
    { validate: validateReferenceDocument },
    'reference',
    entries,
    { today },
  );
  if (outcome.rejected.length > 0) {
    throw new Error(`City list promotion refused: ${JSON.stringify(outcome.rejected)}`);
  }
  return outcome.lastSequence;
}
