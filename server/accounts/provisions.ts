/**
 * What an enrolled device receives from the platform besides its token (shared/provisions/protocol.ts):
 * serial blocks for commitment numbers, allocated per county and never reused, and the city's matching
 * key for practitioners' ID numbers.
 */
import { randomBytes } from 'node:crypto';
import { blocksPerCounty } from '../../shared/commitments/numbering.ts';
import { maxSerialBlocksPerDevice, type ProvisionsResponse } from '../../shared/provisions/protocol.ts';
import type { Database, Queryable } from '../db/database.ts';
import { problem } from '../problem.ts';

const matchingKeyName = 'cityMatchingKey';

/** A device as provisions need it: its id and county. */
interface EnrolledDevice {
  id: string;
  county: string;
}

/**
 * The city's key for `idh:` subject keys: 32 random bytes made on the platform's first start and kept in
 * the database like its signing key (concurrent starts keep the first one).
 */
export async function cityMatchingKey(db: Queryable): Promise<string> {
  await db.query('INSERT INTO platform_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    matchingKeyName,
    randomBytes(32).toString('base64url'),
  ]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM platform_secrets WHERE name = $1', [
    matchingKeyName,
  ]);
  return rows[0]!.value;
}

async function blocksOf(db: Queryable, deviceId: string): Promise<number[]> {
  const { rows } = await db.query<{ block_index: number }>(
    'SELECT block_index FROM serial_blocks WHERE device_id = $1 ORDER BY allocated_at, block_index',
    [deviceId],
  );
  return rows.map((row) => Number(row.block_index));
}

/**
 * Gives the device the county's lowest free block. The county's row is locked for the transaction, so
 * concurrent requests of one county take turns and never share a block; other counties are not held up.
 * NO KEY UPDATE, not UPDATE: rows referencing the county (a device enrolling) take a KEY SHARE lock on
 * it, which FOR UPDATE would wait on and deadlock with.
 * `onlyIfNone` allocates only to a device that holds no block yet (enrollment, first provisions).
 */
export async function allocateSerialBlock(
  tx: Queryable,
  device: EnrolledDevice,
  onlyIfNone = false,
): Promise<void> {
  await tx.query('SELECT code FROM counties WHERE code = $1 FOR NO KEY UPDATE', [device.county]);
  const held = await blocksOf(tx, device.id);
  if (onlyIfNone && held.length > 0) return;
  if (held.length >= maxSerialBlocksPerDevice) {
    throw problem('serialBlockLimit', { max: maxSerialBlocksPerDevice });
  }
  const { rows } = await tx.query<{ free: number | null }>(
    `SELECT min(i) AS free FROM generate_series(1, $2::int) AS i
     WHERE NOT EXISTS (SELECT 1 FROM serial_blocks WHERE county = $1 AND block_index = i)`,
    [device.county, blocksPerCounty - 1],
  );
  const free = rows[0]?.free;
  if (free === null || free === undefined) throw problem('serialBlocksExhausted', { county: device.county });
  await tx.query('INSERT INTO serial_blocks (county, block_index, device_id) VALUES ($1, $2, $3)', [
    device.county,
    free,
    device.id,
  ]);
}

/** The device's provisions; a device without a block (enrolled before blocks existed) gets one now. */
export async function deviceProvisions(
  db: Database,
  device: EnrolledDevice,
  moreSerials = false,
): Promise<ProvisionsResponse> {
  const serialBlocks = await db.transaction(async (tx) => {
    await allocateSerialBlock(tx, device, !moreSerials);
    return blocksOf(tx, device.id);
  });
  return { serialBlocks, matchingKey: await cityMatchingKey(db) };
}
