import {
  type AuditAction,
  type AuditDigest,
  type AuditEntry,
  type AuditSnapshot,
  auditEntryFields,
  auditTextLimits,
  genesisHash,
  validateAuditEntry,
} from '../auditEntry.ts';
import { issue, type ValidationIssue } from '../validation.ts';
import { createSHA256, type IHasher } from 'hash-wasm';
import { uuidv7 } from '../uuid.ts';
import { canonicalJson } from './canonicalJson.ts';
import { toHex, utf8 } from './encoding.ts';

/**
 * The audit trail: one append-only hash chain per device. Each entry carries the hash of the one before,
 * so a changed, removed, duplicated or reordered entry shows up when the chain is verified, on the device
 * and again on the platform as batches arrive.
 */

/** Field values whose canonical JSON exceeds this many bytes are kept as an AuditDigest. */
export const defaultLargeFieldBytes = 2048;

/** What the caller supplies for a new entry; chain fields (seq, prevHash, hash) are computed. */
export interface AuditEvent {
  /** Defaults to a UUIDv7 at `at`. */
  id?: string;
  county: string;
  deviceId: string;
  /** ISO 8601 instant from the caller's clock. */
  at: string;
  userId: string;
  action: AuditAction;
  collectionName: string;
  documentId: string;
  /** Changed fields before and after (see `changedFields`); large values become digests. */
  before?: AuditSnapshot | null;
  after?: AuditSnapshot | null;
  reason?: string;
}

/** Thrown by `appendEntry` when the event would make an invalid entry. */
export class AuditEntryError extends Error {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    super(`invalid audit entry: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`);
    this.name = 'AuditEntryError';
    this.issues = issues;
  }
}

let sha256Hasher: Promise<IHasher> | null = null;

/**
 * SHA-256 in WebAssembly: loaded once, then synchronous, so hashing a chain of thousands of entries
 * costs no thread round trip per entry (as an awaited WebCrypto digest does). Same bytes, same hash.
 */
function hasher(): Promise<IHasher> {
  sha256Hasher ??= createSHA256();
  return sha256Hasher;
}

/** Lower-case hex SHA-256 of UTF-8 bytes (the same as `canonicalHash` when given canonical JSON). */
function sha256Hex(sha256: IHasher, bytes: Uint8Array): string {
  return toHex(sha256.init().update(bytes).digest('binary'));
}

function hashEntry(sha256: IHasher, entry: Omit<AuditEntry, 'hash'>): string {
  const hashed: Record<string, unknown> = {};
  for (const field of auditEntryFields) {
    if (field !== 'hash') hashed[field] = entry[field];
  }
  return sha256Hex(sha256, utf8(canonicalJson(hashed)));
}

/**
 * The hash an entry must carry: SHA-256 over the canonical JSON of every entry field except `hash`.
 * Fields outside the entry (e.g. a database's metadata) are not hashed.
 */
export async function entryHash(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  return hashEntry(await hasher(), entry);
}

function snapshotWith(sha256: IHasher, fields: AuditSnapshot, largeFieldBytes: number): AuditSnapshot {
  const snapshot: AuditSnapshot = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const json = canonicalJson(value);
    // A UTF-16 unit takes at most 3 UTF-8 bytes: short JSON needs no encoding to be known small.
    if (json.length * 3 <= largeFieldBytes) {
      snapshot[field] = value;
      continue;
    }
    const bytes = utf8(json);
    if (bytes.length <= largeFieldBytes) {
      snapshot[field] = value;
    } else {
      const digest: AuditDigest = { omitted: 'sha256', hash: sha256Hex(sha256, bytes), bytes: bytes.length };
      snapshot[field] = digest;
    }
  }
  return snapshot;
}

/** Replaces each field whose canonical JSON exceeds `largeFieldBytes` with its digest. */
export async function auditSnapshot(
  fields: AuditSnapshot,
  largeFieldBytes: number = defaultLargeFieldBytes,
): Promise<AuditSnapshot> {
  return snapshotWith(await hasher(), fields, largeFieldBytes);
}

/**
 * The top-level fields that differ between two versions of a document (compared as canonical JSON),
 * ready for `before`/`after`. Either side may be null (create, delete).
 */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: AuditSnapshot | null; after: AuditSnapshot | null } {
  if (before === null || after === null) return { before, after };
  const changedBefore: AuditSnapshot = {};
  const changedAfter: AuditSnapshot = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[field];
    const now = after[field];
    const same =
      old === undefined || now === undefined ? old === now : canonicalJson(old) === canonicalJson(now);
    if (same) continue;
    if (old !== undefined) changedBefore[field] = old;
    if (now !== undefined) changedAfter[field] = now;
  }
  return { before: changedBefore, after: changedAfter };
}

/**
 * Builds the next entry of a device's chain after `prev` (null for the device's first entry).
 * Throws AuditEntryError when the event is invalid (e.g. no reason for a sensitive action) or belongs
 * to another device's or county's chain, and a TypeError when before/after hold data that is not JSON.
 * Appends of one device must run one at a time: two appends after the same `prev` fork the chain.
 */
export async function appendEntry(
  prev: AuditEntry | null,
  event: AuditEvent,
  options: { largeFieldBytes?: number } = {},
): Promise<AuditEntry> {
  if (prev && (prev.deviceId !== event.deviceId || prev.county !== event.county)) {
    const field = prev.deviceId !== event.deviceId ? 'deviceId' : 'county';
    throw new AuditEntryError([issue(field, 'auditEntry.invalidField')]);
  }
  const largeFieldBytes = options.largeFieldBytes ?? defaultLargeFieldBytes;
  const sha256 = await hasher();
  const unsigned: Omit<AuditEntry, 'hash'> = {
    id: event.id ?? uuidv7(Date.parse(event.at)),
    county: event.county,
    deviceId: event.deviceId,
    seq: prev ? prev.seq + 1 : 1,
    at: event.at,
    userId: event.userId,
    action: event.action,
    collectionName: event.collectionName,
    documentId: event.documentId,
    before: event.before ? snapshotWith(sha256, event.before, largeFieldBytes) : null,
    after: event.after ? snapshotWith(sha256, event.after, largeFieldBytes) : null,
    reason: (event.reason ?? '').trim(),
    prevHash: prev ? prev.hash : genesisHash,
  };
  const entry: AuditEntry = { ...unsigned, hash: hashEntry(sha256, unsigned) };
  const checked = validateAuditEntry(entry);
  if (!checked.ok) throw new AuditEntryError(checked.issues);
  return entry;
}

/**
 * Most documents one bulk-creation entry lists: even with ids of the longest allowed length its `after`
 * stays inside `auditTextLimits.snapshotBytes`.
 */
export const bulkCreationLimit = Math.floor(
  (auditTextLimits.snapshotBytes - 256) / (auditTextLimits.documentId + 3),
);

/**
 * The `after` of a `create` entry that records documents created together (imports, bulk creation)
 * instead of one entry each: their ids in creation order, and the SHA-256 of the canonical JSON of
 * the documents, in that order, as the trail records them (personal values masked). Its `documentId`
 * is ''; the entry's user created every listed document.
 */
export interface BulkCreation {
  documents: string[];
  digest: string;
}

/**
 * `canonicalJson` of a flat record (every value null, boolean, string or finite number), written by the
 * engine: JSON.stringify follows a key list in its order. Null for any other record.
 */
function flatCanonicalJson(record: object): string | null {
  const prototype = Object.getPrototypeOf(record);
  if (prototype !== Object.prototype && prototype !== null) return null;
  const fields = record as Record<string, unknown>;
  const keys = Object.keys(fields).sort();
  for (const key of keys) {
    const value = fields[key];
    const plain =
      value === null ||
      value === undefined ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!plain) return null;
  }
  return JSON.stringify(fields, keys);
}

/** The bulk-creation record of documents (at most `bulkCreationLimit`, each as the trail may show it). */
export async function bulkCreation(recorded: readonly { id: string }[]): Promise<BulkCreation> {
  if (recorded.length > bulkCreationLimit) throw new RangeError(`at most ${bulkCreationLimit} documents`);
  const json = `[${recorded.map((doc) => flatCanonicalJson(doc) ?? canonicalJson(doc)).join(',')}]`;
  return { documents: recorded.map((doc) => doc.id), digest: sha256Hex(await hasher(), utf8(json)) };
}

/** The documents a bulk-creation entry lists, or null when the entry is not one. */
export function bulkCreationOf(entry: AuditEntry): BulkCreation | null {
  const after = entry.after as Partial<BulkCreation> | null;
  if (entry.action !== 'create' || entry.documentId !== '' || !after) return null;
  const { documents, digest } = after;
  const ids = Array.isArray(documents) && documents.every((id) => typeof id === 'string');
  return ids && typeof digest === 'string' ? { documents, digest } : null;
}

export const chainProblemCodes = [
  'auditChain.altered',
  'auditChain.removed',
  'auditChain.linkBroken',
  'auditChain.reordered',
  'auditChain.duplicated',
  'auditChain.wrongDevice',
  'auditChain.wrongCounty',
] as const;
export type ChainProblemCode = (typeof chainProblemCodes)[number];

/**
 * One finding, at the sequence number where it occurs:
 * - altered: the entry's content does not match its hash;
 * - removed: `count` entries starting at `seq` are missing;
 * - linkBroken: the entry's prevHash is not the hash of entry seq−1 (that entry was rewritten with a new
 *   hash, or replaced);
 * - reordered: the entry comes after a later one;
 * - duplicated: a second entry with this seq (or one the platform already holds);
 * - wrongDevice / wrongCounty: the entry belongs to another chain.
 */
export interface ChainProblem {
  code: ChainProblemCode;
  seq: number;
  /** Message parameters (i18n key = code): always `seq`, plus `count`, `deviceId` or `county`. */
  params: Record<string, string | number>;
}

function problem(
  code: ChainProblemCode,
  seq: number,
  extra: Record<string, string | number> = {},
): ChainProblem {
  return { code, seq, params: { seq, ...extra } };
}

/** The end of a verified chain, kept by whoever verifies continuations. */
export interface ChainHead {
  deviceId: string;
  county: string;
  seq: number;
  hash: string;
}

export type ChainVerdict = { ok: true; head: ChainHead | null } | { ok: false; problems: ChainProblem[] };

/**
 * Verifies a device's whole chain, entries in the order they were stored or sent (ascending seq).
 * `expected` pins the device and county; by default they are taken from the first entry. Entries from
 * elsewhere must have passed `validateAuditEntry` first. Entries cut off the end of a chain leave no
 * trace in it: that shows only against a head kept elsewhere (see `verifyContinuation`).
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  expected: { deviceId?: string; county?: string } = {},
): Promise<ChainVerdict> {
  return verifyFrom(null, entries, expected);
}

/**
 * Verifies entries that continue a chain whose verified end is `lastKnown` (null: from the start).
 * Pass only entries the verifier does not hold yet; a resent known entry is reported as duplicated.
 */
export function verifyContinuation(
  lastKnown: ChainHead | null,
  entries: readonly AuditEntry[],
): Promise<ChainVerdict> {
  return verifyFrom(lastKnown, entries, {});
}

/** False also when the entry holds something canonical JSON refuses (it cannot have been hashed as is). */
function hashMatches(sha256: IHasher, entry: AuditEntry): boolean {
  try {
    return hashEntry(sha256, entry) === entry.hash;
  } catch {
    return false;
  }
}

async function verifyFrom(
  lastKnown: ChainHead | null,
  entries: readonly AuditEntry[],
  expected: { deviceId?: string; county?: string },
): Promise<ChainVerdict> {
  const first = entries[0];
  if (!first) return { ok: true, head: lastKnown };
  const deviceId = expected.deviceId ?? lastKnown?.deviceId ?? first.deviceId;
  const county = expected.county ?? lastKnown?.county ?? first.county;
  const problems: ChainProblem[] = [];
  const sha256 = await hasher();

  const own: AuditEntry[] = [];
  for (const entry of entries) {
    if (entry.deviceId !== deviceId) {
      problems.push(problem('auditChain.wrongDevice', entry.seq, { deviceId: entry.deviceId }));
      continue;
    }
    own.push(entry);
    if (entry.county !== county) {
      problems.push(problem('auditChain.wrongCounty', entry.seq, { county: entry.county }));
    }
    if (!hashMatches(sha256, entry)) problems.push(problem('auditChain.altered', entry.seq));
  }

  const bySeq = new Map<number, AuditEntry>();
  let highest = lastKnown?.seq ?? 0;
  for (const entry of own) {
    if (bySeq.has(entry.seq) || (lastKnown && entry.seq <= lastKnown.seq)) {
      problems.push(problem('auditChain.duplicated', entry.seq));
      continue;
    }
    bySeq.set(entry.seq, entry);
    if (entry.seq < highest) problems.push(problem('auditChain.reordered', entry.seq));
    highest = Math.max(highest, entry.seq);
  }

  let expectedSeq = (lastKnown?.seq ?? 0) + 1;
  let prevHash = lastKnown?.hash ?? genesisHash;
  let tail: AuditEntry | undefined;
  for (const entry of [...bySeq.values()].sort((a, b) => a.seq - b.seq)) {
    if (entry.seq > expectedSeq) {
      problems.push(problem('auditChain.removed', expectedSeq, { count: entry.seq - expectedSeq }));
    } else if (entry.prevHash !== prevHash) {
      problems.push(problem('auditChain.linkBroken', entry.seq));
    }
    expectedSeq = entry.seq + 1;
    prevHash = entry.hash;
    tail = entry;
  }

  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.seq - b.seq) };
  const head = tail ? { deviceId, county, seq: tail.seq, hash: tail.hash } : lastKnown;
  return { ok: true, head };
}
