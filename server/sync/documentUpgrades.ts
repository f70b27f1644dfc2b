/**
 * Fills fields derived from the content into the documents the platform stored before they existed
 * (a capability's `derive`, shared/kit/capability.ts). Runs at start, after the SQL migrations: every
 * live document whose upgraded body differs is rewritten as a platform write, with a new sequence in its
 * feed so the devices pull it. Once per collection and schema version (`document_upgrades`): the
 * validator refuses a later push that lacks what the upgrade fills in. Idempotent: a rerun writes nothing.
 */
import { collectionPlan } from '../../shared/base/collections.ts';
import { canonicalJson } from '../../shared/base/security/canonicalJson.ts';
import type { CapabilityRegistry } from '../../shared/kit/capability.ts';
import { documentContent } from '../../shared/sync/documentContent.ts';
import { sha256Hex } from '../auth/secrets.ts';
import type { Database } from '../db/database.ts';
import { feedLockKey, insertWrites, type PendingWrite } from './documentStore.ts';

/** The author `write_log` names for the platform's upgrades (no device, no user wrote them). */
export const upgradeAuthor = 'platform:upgrade';

/** Documents read and rewritten per transaction. */
const batchSize = 200;

type Derive = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Fills the derived fields into the stored documents of every capability that has some; returns how many it rewrote. */
export async function upgradeStoredDocuments(db: Database, registry: CapabilityRegistry): Promise<number> {
  let written = 0;
  for (const { collection, derive } of registry.all) {
    if (!derive) continue;
    const version = collectionPlan[collection].schemaVersion;
    const done = await db.query(
      'SELECT 1 FROM document_upgrades WHERE collection = $1 AND schema_version = $2',
      [collection, version],
    );
    if (done.rows.length > 0) continue;
    const { rows } = await db.query<{ feed: string }>(
      'SELECT DISTINCT feed FROM documents WHERE collection = $1 AND NOT deleted',
      [collection],
    );
    let inCollection = 0;
    for (const { feed } of rows) inCollection += await upgradeFeed(db, collection, feed, derive);
    await db.query(
      `INSERT INTO document_upgrades (collection, schema_version, written) VALUES ($1, $2, $3)
       ON CONFLICT (collection, schema_version) DO NOTHING`,
      [collection, version, inCollection],
    );
    written += inCollection;
  }
  return written;
}

/** One feed, in batches by id, each in a transaction holding the feed's write lock. */
async function upgradeFeed(db: Database, collection: string, feed: string, derive: Derive): Promise<number> {
  let written = 0;
  let after = '';
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        feedLockKey(collection, feed),
      ]);
      const { rows } = await tx.query<{ id: string; body: Record<string, unknown> }>(
        `SELECT id, body FROM documents WHERE collection = $1 AND feed = $2 AND NOT deleted AND id > $3
         ORDER BY id LIMIT $4`,
        [collection, feed, after, batchSize],
      );
      const writes: PendingWrite[] = [];
      for (const { id, body } of rows) {
        const upgraded = derive(body);
        const canonical = canonicalJson(documentContent(upgraded));
        if (canonical === canonicalJson(documentContent(body))) continue;
        writes.push({ id, deleted: false, body: upgraded, hash: sha256Hex(canonical), user: upgradeAuthor });
      }
      if (writes.length > 0) await insertWrites(tx, { collection, deviceId: null }, feed, writes);
      return { last: rows.at(-1)?.id, written: writes.length };
    });
    written += batch.written;
    if (batch.last === undefined) return written;
    after = batch.last;
  }
}
