/**
 * Devices and their enrollment: an administrator issues a one-time code for a county, a device trades
 * it for a bearer token scoped to that county. Codes and tokens are stored as hashes only.
 */
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { DeviceInfo, EnrollmentCodeResponse } from '../../shared/sync/adminProtocol.ts';
import { type EnrollResponse, normalizeEnrollmentCode } from '../../shared/sync/protocol.ts';
import { newDeviceToken, newEnrollmentCode, sha256Hex } from '../auth/secrets.ts';
import type { Database, Queryable } from '../db/database.ts';
import { problem } from '../problem.ts';
import { getCounty } from './counties.ts';
import { allocateSerialBlock } from './provisions.ts';

export interface EnrollmentCodeInput {
  county: string;
  expiresAt: Date;
  /** Operator who issued it; null when issued from the CLI or the demo set-up. */
  createdBy: number | null;
}

export async function createEnrollmentCode(
  db: Queryable,
  input: EnrollmentCodeInput,
): Promise<EnrollmentCodeResponse> {
  await getCounty(db, input.county);
  const code = newEnrollmentCode();
  await db.query(
    'INSERT INTO enrollment_codes (code_hash, county, created_by, expires_at) VALUES ($1, $2, $3, $4)',
    [sha256Hex(normalizeEnrollmentCode(code)), input.county, input.createdBy, input.expiresAt.toISOString()],
  );
  return { code, county: input.county, expiresAt: input.expiresAt.toISOString() };
}

export interface EnrollmentInput {
  code: string;
  deviceName: string;
  /** The client's key for this enrollment (see enrollRequestSchema.requestKey). */
  requestKey?: string;
}

export interface Enrollment extends EnrollResponse {
  /** A retry with the same key: the device existed, its token was replaced. */
  repeated: boolean;
}

/**
 * Trades a one-time code for a device token; the code is used up in the same transaction. A used code
 * enrolls again only with the key of the enrollment that used it, and only while it is valid: that
 * returns the same device with a fresh token (the client never received the first one).
 */
export async function enrollDevice(db: Database, input: EnrollmentInput): Promise<Enrollment> {
  const codeHash = sha256Hex(normalizeEnrollmentCode(input.code));
  const keyHash = input.requestKey === undefined ? null : sha256Hex(input.requestKey);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      county: string;
      expired: boolean;
      used: boolean;
      device_id: string | null;
      request_key_hash: string | null;
      device_revoked: boolean | null;
    }>(
      `SELECT c.county, c.expires_at <= now() AS expired, c.used_at IS NOT NULL AS used, c.device_id,
              c.request_key_hash, d.revoked_at IS NOT NULL AS device_revoked
       FROM enrollment_codes c LEFT JOIN devices d ON d.id = c.device_id
       WHERE c.code_hash = $1 FOR UPDATE OF c`,
      [codeHash],
    );
    const entry = rows[0];
    if (!entry) throw problem('enrollmentCodeUnknown');
    const token = newDeviceToken();
    if (entry.used) {
      const sameAttempt = keyHash !== null && entry.request_key_hash === keyHash && entry.device_id;
      if (!sameAttempt || entry.device_revoked) throw problem('enrollmentCodeUsed');
      if (entry.expired) throw problem('enrollmentCodeExpired');
      await tx.query('UPDATE devices SET token_hash = $2 WHERE id = $1', [entry.device_id, sha256Hex(token)]);
      const county = await getCounty(tx, entry.county);
      return { deviceId: entry.device_id!, token, county, repeated: true };
    }
    if (entry.expired) throw problem('enrollmentCodeExpired');
    const deviceId = uuidv7();
    await tx.query('INSERT INTO devices (id, county, name, token_hash) VALUES ($1, $2, $3, $4)', [
      deviceId,
      entry.county,
      input.deviceName,
      sha256Hex(token),
    ]);
    await tx.query(
      'UPDATE enrollment_codes SET used_at = now(), device_id = $2, request_key_hash = $3 WHERE code_hash = $1',
      [codeHash, deviceId, keyHash],
    );
    await allocateSerialBlock(tx, { id: deviceId, county: entry.county });
    return { deviceId, token, county: await getCounty(tx, entry.county), repeated: false };
  });
}

export interface DeviceIdentity {
  id: string;
  county: string;
  name: string;
}

/** The device a bearer token belongs to; throws invalidToken or deviceRevoked. */
export async function authenticateDevice(db: Queryable, token: string): Promise<DeviceIdentity> {
  const { rows } = await db.query<DeviceIdentity & { revoked: boolean }>(
    'SELECT id, county, name, revoked_at IS NOT NULL AS revoked FROM devices WHERE token_hash = $1',
    [sha256Hex(token)],
  );
  const device = rows[0];
  if (!device) throw problem('invalidToken');
  if (device.revoked) throw problem('deviceRevoked');
  return { id: device.id, county: device.county, name: device.name };
}

export async function recordDeviceSeen(db: Queryable, deviceId: string): Promise<void> {
  await db.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [deviceId]);
}

interface DeviceRow {
  id: string;
  county: string;
  name: string;
  enrolled_at: Date;
  last_seen_at: Date | null;
  revoked_at: Date | null;
}

function deviceInfo(row: DeviceRow): DeviceInfo {
  return {
    id: row.id,
    county: row.county,
    name: row.name,
    enrolledAt: row.enrolled_at.toISOString(),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

const deviceColumns = 'id, county, name, enrolled_at, last_seen_at, revoked_at';

/** Devices of one county, or of every county when `county` is null. */
export async function listDevices(db: Queryable, county: string | null): Promise<DeviceInfo[]> {
  const { rows } = await db.query<DeviceRow>(
    `SELECT ${deviceColumns} FROM devices WHERE $1::text IS NULL OR county = $1 ORDER BY county, enrolled_at, id`,
    [county],
  );
  return rows.map(deviceInfo);
}

export async function getDevice(db: Queryable, deviceId: string): Promise<DeviceInfo> {
  const { rows } = await db.query<DeviceRow>(`SELECT ${deviceColumns} FROM devices WHERE id = $1`, [
    deviceId,
  ]);
  if (!rows[0]) throw problem('deviceNotFound', { deviceId });
  return deviceInfo(rows[0]);
}

/** Revokes a device's token for good; revoking twice keeps the first time. */
export async function revokeDevice(db: Queryable, deviceId: string): Promise<DeviceInfo> {
  const { rows } = await db.query<DeviceRow>(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING ${deviceColumns}`,
    [deviceId],
  );
  if (!rows[0]) throw problem('deviceNotFound', { deviceId });
  return deviceInfo(rows[0]);
}

/**
 * Devices enrolled more than `days` days ago that never used their token (typically a lost enrollment
 * answer) and are not revoked; of one county, or of every county when `county` is null.
 */
export async function listOrphanDevices(
  db: Queryable,
  days: number,
  county: string | null,
): Promise<DeviceInfo[]> {
  const { rows } = await db.query<DeviceRow>(
    `SELECT ${deviceColumns} FROM devices
     WHERE last_seen_at IS NULL AND revoked_at IS NULL AND enrolled_at <= now() - make_interval(days => $1)
       AND ($2::text IS NULL OR county = $2)
     ORDER BY county, enrolled_at, id`,
    [days, county],
  );
  return rows.map(deviceInfo);
}
