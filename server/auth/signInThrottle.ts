/**
 * Throttling of sign-in attempts: operator passwords per account and per address, enrollment codes per
 * address. After `freeFailures` failures in a row, each further attempt waits a delay that doubles with
 * every failure (up to `maxDelayMs`); an operator account with `lockAfter` failures is locked until an
 * operator lifts the lock (`npx node server/cli.ts sign-in unlock`). Failures are kept in the database,
 * so the CLI lists them and several platform processes share them. Known and unknown operator names are
 * counted alike, so a throttled answer reveals nothing about which names exist.
 */
import type { Queryable } from '../db/database.ts';
import { problem } from '../problem.ts';

/** What a failure counts against: an operator name, or the address attempts come from. */
export type SignInKind = 'operator' | 'operatorAddress' | 'enrollmentAddress';

export interface SignInPolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures that lock an operator account (addresses are only delayed). */
  lockAfter: number;
}

export const defaultSignInPolicy: SignInPolicy = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  lockAfter: 20,
};

export interface SignInKey {
  kind: SignInKind;
  key: string;
}

export interface SignInFailureInfo extends SignInKey {
  failures: number;
  lastFailureAt: string;
  lockedAt: string | null;
}

interface FailureRow {
  kind: SignInKind;
  key: string;
  failures: number;
  last_failure_at: Date;
  locked_at: Date | null;
}

/** The wait after `failures` failures in a row. */
export function signInDelayMs(policy: SignInPolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.freeFailures));
}

export class SignInThrottle {
  readonly #db: Queryable;
  readonly #policy: SignInPolicy;
  readonly #now: () => number;

  constructor(db: Queryable, policy: SignInPolicy = defaultSignInPolicy, now: () => number = Date.now) {
    this.#db = db;
    this.#policy = policy;
    this.#now = now;
  }

  /** Throws signInLocked or signInThrottled when one of the keys may not try now. */
  async check(keys: readonly SignInKey[]): Promise<void> {
    const rows = await this.#rows(keys);
    let waitMs = 0;
    for (const row of rows) {
      if (row.locked_at) throw problem('signInLocked');
      const until = row.last_failure_at.getTime() + signInDelayMs(this.#policy, row.failures);
      waitMs = Math.max(waitMs, until - this.#now());
    }
    if (waitMs > 0) throw problem('signInThrottled', { seconds: Math.ceil(waitMs / 1000) });
  }

  /** Counts a failed attempt against each key; returns the keys' failure counts. */
  async fail(keys: readonly SignInKey[]): Promise<number[]> {
    const counts: number[] = [];
    for (const { kind, key } of keys) {
      const { rows } = await this.#db.query<{ failures: number }>(
        `INSERT INTO sign_in_failures AS f (kind, key, failures, last_failure_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (kind, key) DO UPDATE SET failures = f.failures + 1, last_failure_at = EXCLUDED.last_failure_at,
           locked_at = CASE WHEN $4::boolean AND f.failures + 1 >= $5 THEN coalesce(f.locked_at, EXCLUDED.last_failure_at)
                            ELSE f.locked_at END
         RETURNING failures`,
        [kind, key, new Date(this.#now()).toISOString(), kind === 'operator', this.#policy.lockAfter],
      );
      counts.push(rows[0]!.failures);
    }
    return counts;
  }

  /** A successful sign-in clears the account's failures (an address keeps its own). */
  async succeed(key: SignInKey): Promise<void> {
    await this.#db.query('DELETE FROM sign_in_failures WHERE kind = $1 AND key = $2', [key.kind, key.key]);
  }

  async #rows(keys: readonly SignInKey[]): Promise<FailureRow[]> {
    if (keys.length === 0) return [];
    const { rows } = await this.#db.query<FailureRow>(
      `SELECT kind, key, failures, last_failure_at, locked_at FROM sign_in_failures
       WHERE (kind, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [keys.map((entry) => entry.kind), keys.map((entry) => entry.key)],
    );
    return rows;
  }
}

/** Accounts and addresses with failed sign-ins, locked ones first, then the most recent. */
export async function listSignInFailures(db: Queryable): Promise<SignInFailureInfo[]> {
  const { rows } = await db.query<FailureRow>(
    `SELECT kind, key, failures, last_failure_at, locked_at FROM sign_in_failures
     ORDER BY locked_at IS NULL, last_failure_at DESC`,
  );
  return rows.map((row) => ({
    kind: row.kind,
    key: row.key,
    failures: row.failures,
    lastFailureAt: row.last_failure_at.toISOString(),
    lockedAt: row.locked_at?.toISOString() ?? null,
  }));
}

/** Lifts the lock and the delays of an account or address (every kind it is counted under); returns how many entries it cleared. */
export async function liftSignInFailures(db: Queryable, key: string): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM sign_in_failures WHERE key = $1', [key]);
  return rowCount;
}
