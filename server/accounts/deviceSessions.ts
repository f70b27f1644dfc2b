/**
 * Device authentication for every request, with a short-lived cache so a busy device does not cost a
 * token lookup per request. Revocations through this platform take effect at once (`forget`); a
 * revocation written by another process (the CLI against a shared PostgreSQL) within `ttlMs`.
 */
import { sha256Hex } from '../auth/secrets.ts';
import type { Queryable } from '../db/database.ts';
import { authenticateDevice, type DeviceIdentity, recordDeviceSeen } from './devices.ts';

interface Entry {
  device: DeviceIdentity;
  checkedAt: number;
}

export class DeviceSessions {
  readonly #db: Queryable;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #byTokenHash = new Map<string, Entry>();
  readonly #lastSeenWritten = new Map<string, number>();

  constructor(db: Queryable, ttlMs = 5_000, maxEntries = 10_000) {
    this.#db = db;
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  /** The device of a bearer token; throws invalidToken or deviceRevoked. */
  async authenticate(token: string): Promise<DeviceIdentity> {
    const tokenHash = sha256Hex(token);
    const now = Date.now();
    const cached = this.#byTokenHash.get(tokenHash);
    if (cached && now - cached.checkedAt < this.#ttlMs) return cached.device;
    const device = await authenticateDevice(this.#db, token);
    if (this.#byTokenHash.size >= this.#maxEntries) this.#byTokenHash.clear();
    this.#byTokenHash.set(tokenHash, { device, checkedAt: now });
    // The last-seen time is written at most once a minute per device.
    if (now - (this.#lastSeenWritten.get(device.id) ?? 0) > 60_000) {
      this.#lastSeenWritten.set(device.id, now);
      await recordDeviceSeen(this.#db, device.id);
    }
    return device;
  }

  /** Drops a device's cached session, e.g. right after revoking it. */
  forget(deviceId: string): void {
    for (const [tokenHash, entry] of this.#byTokenHash) {
      if (entry.device.id === deviceId) this.#byTokenHash.delete(tokenHash);
    }
  }
}
