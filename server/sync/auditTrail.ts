/**
 * The audit trail on arrival: entries a push wrote are verified per chain (one chain per app profile,
 * named by the entries' `deviceId`) against the chain's stored head. Gaps, altered, reordered,
 * duplicated entries and entries of a chain another enrolled device pushes are flagged in
 * `audit_problems`; the entries are stored all the same, so nothing a device sent is lost.
 */
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import {
  type ChainHead,
  type ChainProblem,
  entryHash,
  verifyContinuation,
} from '../../shared/base/security/auditChain.ts';
import type { AuditProblem } from '../../shared/sync/adminProtocol.ts';
import { type Queryable, toNumber } from '../db/database.ts';

interface StoredHead {
  seq: unknown;
  hash: string;
  county: string;
  pushed_by: string;
}

function problem(code: ChainProblem['code'], seq: number, extra: Record<string, string | number> = {}) {
  return { code, seq, params: { seq, ...extra } };
}

async function hashMatches(entry: AuditEntry): Promise<boolean> {
  try {
    return (await entryHash(entry)) === entry.hash;
  } catch {
    return false;
  }
}

/**
 * Entries at or below the head arrived after a later entry of their chain: each is a duplicate when the
 * platform holds another entry at its position, otherwise a late (reordered) one; altered either way
 * when its hash does not match.
 */
async function checkLateEntries(
  tx: Queryable,
  county: string,
  chain: string,
  late: readonly AuditEntry[],
): Promise<ChainProblem[]> {
  if (late.length === 0) return [];
  const { rows } = await tx.query<{ id: string; seq: unknown }>(
    `SELECT id, body -> 'seq' AS seq FROM documents
     WHERE collection = 'auditLog' AND feed = $1 AND body ->> 'deviceId' = $2
       AND (body ->> 'seq')::bigint = ANY($3::bigint[])`,
    [county, chain, late.map((entry) => entry.seq)],
  );
  const problems: ChainProblem[] = [];
  for (const entry of late) {
    const taken = rows.some((row) => toNumber(row.seq) === entry.seq && row.id !== entry.id);
    problems.push(problem(taken ? 'auditChain.duplicated' : 'auditChain.reordered', entry.seq));
    if (!(await hashMatches(entry))) problems.push(problem('auditChain.altered', entry.seq));
  }
  return problems;
}

/** Verifies the entries of one chain that a push wrote; moves the chain's head; returns the problems. */
async function verifyChainArrival(
  tx: Queryable,
  county: string,
  pushedBy: string,
  chain: string,
  entries: readonly AuditEntry[],
): Promise<ChainProblem[]> {
  const { rows } = await tx.query<StoredHead>(
    'SELECT seq, hash, county, pushed_by FROM audit_chain_heads WHERE chain_device_id = $1 FOR UPDATE',
    [chain],
  );
  const stored = rows[0];
  const head: ChainHead | null = stored
    ? { deviceId: chain, county: stored.county, seq: toNumber(stored.seq), hash: stored.hash }
    : null;
  const problems: ChainProblem[] = [];
  const foreign = stored !== undefined && stored.pushed_by !== pushedBy;
  for (const entry of entries) {
    if (foreign) problems.push(problem('auditChain.wrongDevice', entry.seq, { deviceId: chain }));
    if (head && head.county !== county) {
      problems.push(problem('auditChain.wrongCounty', entry.seq, { county: entry.county }));
    }
  }
  const late = head ? entries.filter((entry) => entry.seq <= head.seq) : [];
  const fresh = head ? entries.filter((entry) => entry.seq > head.seq) : [...entries];
  problems.push(...(await checkLateEntries(tx, county, chain, late)));
  const verdict = await verifyContinuation(head, fresh);
  if (!verdict.ok) problems.push(...verdict.problems);

  // The head follows the highest entry received, so a gap is reported once, not on every later push.
  const highest = fresh.reduce<AuditEntry | null>(
    (top, entry) => (top === null || entry.seq > top.seq ? entry : top),
    null,
  );
  if (highest && !foreign) {
    await tx.query(
      `INSERT INTO audit_chain_heads (chain_device_id, county, seq, hash, pushed_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (chain_device_id) DO UPDATE
         SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, updated_at = now()`,
      [chain, county, highest.seq, highest.hash, pushedBy],
    );
  }
  return problems.sort((a, b) => a.seq - b.seq);
}

/**
 * Verifies the audit entries a push of `pushedBy` (an enrolled device of `county`) wrote, in push order,
 * and records every problem found. Returns the problems' codes.
 */
export async function verifyArrivedEntries(
  tx: Queryable,
  county: string,
  pushedBy: string,
  written: readonly Record<string, unknown>[],
): Promise<string[]> {
  const chains = new Map<string, AuditEntry[]>();
  for (const document of written) {
    const entry = document as unknown as AuditEntry;
    chains.set(entry.deviceId, [...(chains.get(entry.deviceId) ?? []), entry]);
  }
  const codes: string[] = [];
  for (const [chain, entries] of chains) {
    const problems = await verifyChainArrival(tx, county, pushedBy, chain, entries);
    if (problems.length === 0) continue;
    const entryAt = new Map<number, string>();
    for (const entry of entries) if (!entryAt.has(entry.seq)) entryAt.set(entry.seq, entry.id);
    await tx.query(
      `INSERT INTO audit_problems (county, chain_device_id, seq, code, params, entry_id, pushed_by)
       SELECT $1, $2, (p ->> 'seq')::bigint, p ->> 'code', p -> 'params', p ->> 'entryId', $3
       FROM jsonb_array_elements($4::jsonb) AS t (p)`,
      [
        county,
        chain,
        pushedBy,
        JSON.stringify(problems.map((found) => ({ ...found, entryId: entryAt.get(found.seq) ?? null }))),
      ],
    );
    codes.push(...problems.map((found) => found.code));
  }
  return codes;
}

/** Flagged problems, newest first; of one county, or of every county with null. */
export async function listAuditProblems(
  db: Queryable,
  county: string | null,
  limit: number,
): Promise<AuditProblem[]> {
  const { rows } = await db.query<{
    id: unknown;
    county: string;
    chain_device_id: string;
    seq: unknown;
    code: string;
    params: Record<string, string | number>;
    entry_id: string | null;
    pushed_by: string;
    detected_at: Date | string;
  }>(
    `SELECT id, county, chain_device_id, seq, code, params, entry_id, pushed_by, detected_at
     FROM audit_problems WHERE $1::text IS NULL OR county = $1 ORDER BY id DESC LIMIT $2`,
    [county, limit],
  );
  return rows.map((row) => ({
    id: toNumber(row.id),
    county: row.county,
    chainDeviceId: row.chain_device_id,
    seq: toNumber(row.seq),
    code: row.code,
    params: row.params,
    entryId: row.entry_id,
    pushedBy: row.pushed_by,
    detectedAt: new Date(row.detected_at).toISOString(),
  }));
}
