/**
 * Master states of synced documents, written by push and read by pull (RxDB's replication protocol).
 *
 * Feeds: a county-scope document belongs to its county's feed, a city-scope one to the city feed ('*').
 * Ordering: every write gets the next number of its feed's own counter (`feed_sequences`), so one
 * county's checkpoints never move with another county's writes. Writers of the same collection and feed
 * take a transaction-scoped advisory lock before they draw numbers, so they commit in sequence order: a
 * pull can never see sequence n+1 while n of its feed is still uncommitted, and so never skips a write.
 */
import type {
  PushRow,
  PullResponse,
  PushResponse,
  RejectedDocument,
  SyncCheckpoint,
  SyncDocument,
} from '../../shared/sync/protocol.ts';
import { canonicalJson } from '../../shared/base/security/canonicalJson.ts';
import { documentContent, localMetadataFields } from '../../shared/sync/documentContent.ts';
import type { DocumentValidationContext, DocumentValidator } from '../../shared/sync/documentValidators.ts';
import { issue, type ValidationIssue } from '../../shared/base/validation.ts';
import { sha256Hex } from '../auth/secrets.ts';
import { type Database, type Queryable, toNumber } from '../db/database.ts';
import { problem } from '../problem.ts';
import { documentsByIds, liveHolders } from '../query/documents.ts';

export interface CollectionRules {
  validate: DocumentValidator;
  /** Field that must be unique among the live documents of a county (see documentUniqueFields). */
  uniqueField?: string;
  /** Who may write: loaded inside the push's transaction. Without it, authors are not checked. */
  authorize?: (tx: Queryable, documents: readonly Record<string, unknown>[]) => Promise<WriteAuthority>;
  /** Stored documents never change (the audit trail): a different state of one is refused. */
  appendOnly?: boolean;
  /** Runs on the states a push wrote, in its transaction; returns the codes of the problems it flagged. */
  afterWrite?: (tx: Queryable, written: readonly Record<string, unknown>[]) => Promise<string[]>;
}

/** The author check of one push, applied to each state about to be written, in batch order. */
export interface WriteAuthority {
  /** Every reason the state may not replace `previous` (null: a new document); empty when allowed. */
  judge(next: Record<string, unknown>, previous: Record<string, unknown> | null): ValidationIssue[];
  /** Called with each state that will be written, so later states of the batch see it. */
  accept(next: Record<string, unknown>): void;
}

export interface PushInput {
  collection: string;
  /** The county the writer acts for; null for the platform writing city-scope data. */
  county: string | null;
  /** The writing device; null for the platform itself. */
  deviceId: string | null;
  rows: readonly PushRow[];
  context: DocumentValidationContext;
}

export interface PushOutcome extends PushResponse {
  /** Documents whose new state was stored. */
  written: number;
  /** Documents whose pushed state already was the master state (a re-push). */
  unchanged: number;
  /** Highest sequence written, null when nothing was. */
  lastSequence: number | null;
  /** Codes of the problems `afterWrite` flagged (stored documents that need an operator's look). */
  flagged: string[];
}

interface MasterState {
  feed: string;
  content: Record<string, unknown>;
}

/** The feed of city-scope documents, followed by every county. */
const cityFeed = '*';

function feedOf(county: string | null): string {
  return county ?? cityFeed;
}

export interface PendingWrite {
  id: string;
  deleted: boolean;
  body: Record<string, unknown>;
  hash: string;
  user: string;
}

function withoutLocalMetadata(state: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...state };
  for (const field of localMetadataFields) delete copy[field];
  return copy;
}

export function feedLockKey(collection: string, feed: string): string {
  return `documents:${collection}:${feed}`;
}

function masterContent(row: { body: Record<string, unknown>; deleted: boolean }): Record<string, unknown> {
  return { ...row.body, _deleted: row.deleted };
}

interface PreparedPush {
  rejected: RejectedDocument[];
  candidates: { content: Record<string, unknown>; canonical: string; assumed: string | null }[];
}

/** Text PostgreSQL cannot store in jsonb: NUL characters and unpaired UTF-16 surrogates. */
function isUnstorable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** Refuses strings (and keys) a jsonb column would reject, naming where they are. */
function unstorableTextIssues(state: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const pending: [string, unknown][] = Object.entries(state);
  while (pending.length > 0) {
    const [path, value] = pending.pop()!;
    if (isUnstorable(path)) issues.push(issue(path, 'unsupportedCharacter'));
    else if (typeof value === 'string' && isUnstorable(value))
      issues.push(issue(path, 'unsupportedCharacter'));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push([`${path}.${key}`, item]);
    }
  }
  return issues;
}

/**
 * The canonical form of a client's assumed master state, which no validator has seen. One too deeply
 * nested to serialize cannot equal any stored master: it gets a value no master has.
 */
function assumedCanonical(state: Record<string, unknown>): string {
  try {
    return canonicalJson(documentContent(state));
  } catch (error) {
    if (error instanceof RangeError) return '\u0000unreadable';
    throw error;
  }
}

/** Validates the rows; runs outside the transaction so the database is not held meanwhile. */
function preparePush(rules: CollectionRules, input: PushInput): PreparedPush {
  const rejected: RejectedDocument[] = [];
  const candidates: PreparedPush['candidates'] = [];
  for (const row of input.rows) {
    const state = withoutLocalMetadata(row.newDocumentState);
    const issues: ValidationIssue[] = rules.validate(state, input.context);
    if (input.county !== null && typeof state.county === 'string' && state.county !== input.county) {
      issues.push(issue('county', 'foreignCounty', { county: input.county }));
    }
    if (issues.length === 0) issues.push(...unstorableTextIssues(state));
    if (issues.length > 0) {
      rejected.push({ id: row.newDocumentState.id, issues });
      continue;
    }
    const content = documentContent(state);
    const assumed = row.assumedMasterState ? assumedCanonical(row.assumedMasterState) : null;
    candidates.push({ content, canonical: canonicalJson(content), assumed });
  }
  return { rejected, candidates };
}

/** Applies a push in its own transaction. */
export async function pushDocuments(
  db: Database,
  rules: CollectionRules,
  input: PushInput,
): Promise<PushOutcome> {
  const prepared = preparePush(rules, input);
  if (prepared.candidates.length === 0) {
    return {
      conflicts: [],
      rejected: prepared.rejected,
      written: 0,
      unchanged: 0,
      lastSequence: null,
      flagged: [],
    };
  }
  return db.transaction((tx) => writePush(tx, rules, input, prepared));
}

/** Applies a push inside a transaction the caller holds (and commits). */
export function pushDocumentsWithin(
  tx: Queryable,
  rules: CollectionRules,
  input: PushInput,
): Promise<PushOutcome> {
  return writePush(tx, rules, input, preparePush(rules, input));
}

/**
 * Writes city-scope documents as the platform (the operator CLI): each replaces its current master
 * state, whatever that is. Refused documents come back as in a push.
 */
export async function publishCityDocuments(
  db: Database,
  rules: CollectionRules,
  collection: string,
  documents: readonly PushRow['newDocumentState'][],
  context: DocumentValidationContext,
): Promise<PushOutcome> {
  return db.transaction((tx) => publishCityDocumentsWithin(tx, rules, collection, documents, context));
}

/** `publishCityDocuments` inside a transaction the caller holds (a push that promotes into city data). */
export async function publishCityDocumentsWithin(
  tx: Queryable,
  rules: CollectionRules,
  collection: string,
  documents: readonly PushRow['newDocumentState'][],
  context: DocumentValidationContext,
): Promise<PushOutcome> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    feedLockKey(collection, cityFeed),
  ]);
  const rows = await documentsByIds(
    tx,
    collection,
    documents.map((document) => document.id),
    cityFeed,
  );
  const masters = new Map(rows.map((row) => [row.id, masterContent(row) as PushRow['newDocumentState']]));
  const pushRows = documents.map((document) => ({
    newDocumentState: document,
    assumedMasterState: masters.get(document.id) ?? null,
  }));
  return pushDocumentsWithin(tx, rules, {
    collection,
    county: null,
    deviceId: null,
    rows: pushRows,
    context,
  });
}

async function writePush(
  tx: Queryable,
  rules: CollectionRules,
  input: PushInput,
  { rejected, candidates }: PreparedPush,
): Promise<PushOutcome> {
  const outcome: PushOutcome = {
    conflicts: [],
    rejected,
    written: 0,
    unchanged: 0,
    lastSequence: null,
    flagged: [],
  };
  if (candidates.length === 0) return outcome;
  const feed = feedOf(input.county);
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    feedLockKey(input.collection, feed),
  ]);
  const ids = [...new Set(candidates.map((candidate) => candidate.content.id as string))];
  const masters = await documentsByIds(tx, input.collection, ids);
  const current = new Map<string, MasterState>(
    masters.map((row) => [row.id, { feed: row.feed, content: masterContent(row) }]),
  );
  const holders = await loadUniqueHolders(tx, input.collection, feed, rules.uniqueField, candidates);
  const authority = await rules.authorize?.(
    tx,
    candidates.map((candidate) => candidate.content),
  );

  const writes = new Map<string, PendingWrite>();
  for (const candidate of candidates) {
    const { content } = candidate;
    const id = content.id as string;
    const master = current.get(id);
    if (master && master.feed !== feed) {
      rejected.push({ id, issues: [issue('id', 'idTaken')] });
      continue;
    }
    if (master) {
      const masterCanonical = canonicalJson(master.content);
      if (masterCanonical === candidate.canonical) {
        outcome.unchanged++;
        continue;
      }
      if (rules.appendOnly) {
        rejected.push({ id, issues: [issue('id', 'auditLog.appendOnly')] });
        continue;
      }
      if (candidate.assumed !== masterCanonical) {
        outcome.conflicts.push(master.content as SyncDocument);
        continue;
      }
    }
    const denied = authority?.judge(content, master?.content ?? null) ?? [];
    if (denied.length > 0) {
      rejected.push({ id, issues: denied });
      continue;
    }
    const deleted = content._deleted === true;
    if (rules.uniqueField && !deleted) {
      const holder = holders.get(String(content[rules.uniqueField]));
      if (holder !== undefined && holder !== id) {
        rejected.push({ id, issues: [issue(rules.uniqueField, 'duplicateCode', { existingId: holder })] });
        continue;
      }
    }
    if (rules.uniqueField) {
      const previous =
        master && master.content._deleted !== true ? master.content[rules.uniqueField] : undefined;
      if (previous !== undefined && holders.get(String(previous)) === id) holders.delete(String(previous));
      if (!deleted) holders.set(String(content[rules.uniqueField]), id);
    }
    authority?.accept(content);
    current.set(id, { feed, content });
    const { _deleted: _, ...body } = content;
    writes.delete(id);
    writes.set(id, {
      id,
      deleted,
      body,
      hash: sha256Hex(candidate.canonical),
      user: typeof body.updatedBy === 'string' ? body.updatedBy : '',
    });
  }
  if (writes.size > 0) {
    const sequences = await insertWrites(tx, input, feed, [...writes.values()]);
    outcome.written = sequences.length;
    outcome.lastSequence = sequences.length > 0 ? Math.max(...sequences) : null;
    if (rules.afterWrite) {
      outcome.flagged = await rules.afterWrite(
        tx,
        [...writes.values()].map((write) => write.body),
      );
    }
  }
  return outcome;
}

/** Live documents of the feed already holding the unique values the batch uses: value → document id. */
function loadUniqueHolders(
  tx: Queryable,
  collection: string,
  feed: string,
  field: string | undefined,
  candidates: readonly { content: Record<string, unknown> }[],
): Promise<Map<string, string>> {
  if (!field) return Promise.resolve(new Map());
  const values = [...new Set(candidates.map((candidate) => String(candidate.content[field])))];
  return liveHolders(tx, { collection, feed, field, values });
}

/** Upserts the accepted states and logs each write, in one statement; returns the sequences drawn. */
export async function insertWrites(
  tx: Queryable,
  input: Pick<PushInput, 'collection' | 'deviceId'>,
  feed: string,
  writes: readonly PendingWrite[],
): Promise<number[]> {
  const reserved = await tx.query<{ last: unknown }>(
    `INSERT INTO feed_sequences AS f (collection, feed, last) VALUES ($1, $2, $3)
     ON CONFLICT (collection, feed) DO UPDATE SET last = f.last + EXCLUDED.last
     RETURNING last`,
    [input.collection, feed, writes.length],
  );
  const first = toNumber(reserved.rows[0]!.last) - writes.length;
  const { rows } = await tx.query<{ sequence: unknown }>(
    `WITH input AS (
       SELECT e ->> 'id' AS id, (e ->> 'deleted')::boolean AS deleted, e -> 'body' AS body,
              e ->> 'hash' AS content_hash, e ->> 'user' AS user_id, n
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t (e, n)
     ), written AS (
       INSERT INTO documents AS d (collection, id, feed, sequence, deleted, body, content_hash)
       SELECT $1, id, $4, $5::bigint + n, deleted, body, content_hash
       FROM input ORDER BY n
       ON CONFLICT (collection, id) DO UPDATE
         SET sequence = EXCLUDED.sequence, deleted = EXCLUDED.deleted, body = EXCLUDED.body,
             content_hash = EXCLUDED.content_hash, written_at = now()
         WHERE d.feed = EXCLUDED.feed
       RETURNING d.id, d.body ->> 'county' AS county, d.sequence, d.deleted, d.content_hash
     )
     INSERT INTO write_log (sequence, collection, feed, document_id, county, device_id, user_id, deleted, content_hash)
     SELECT w.sequence, $1, $4, w.id, w.county, $3, i.user_id, w.deleted, w.content_hash
     FROM written w JOIN input i ON i.id = w.id
     RETURNING sequence`,
    [input.collection, JSON.stringify(writes), input.deviceId, feed, first],
  );
  return rows.map((row) => toNumber(row.sequence));
}

export interface PullInput {
  collection: string;
  /** Only this county's documents; null for a city-scope collection (the city feed). */
  county: string | null;
  /** The client's checkpoint; null from the beginning. */
  after: SyncCheckpoint | null;
  limit: number;
  /** The platform's restore generation (`platform_state.epoch`), stamped on every checkpoint. */
  epoch: number;
}

/**
 * Documents of the feed written after the checkpoint. A checkpoint from another restore generation, or
 * beyond the feed's last write, was handed out before the database was restored from a backup: the
 * client is told to pull from the start (`checkpointAhead`) rather than silently miss writes.
 */
export async function pullDocuments(db: Queryable, input: PullInput): Promise<PullResponse> {
  const feed = feedOf(input.county);
  const after = input.after?.sequence ?? 0;
  if (input.after?.epoch !== undefined && input.after.epoch !== input.epoch) {
    throw problem('checkpointAhead', { collection: input.collection });
  }
  const { rows } = await db.query<{ sequence: unknown; deleted: boolean; body: Record<string, unknown> }>(
    `SELECT sequence, deleted, body FROM documents
     WHERE collection = $1 AND feed = $2 AND sequence > $3 ORDER BY sequence LIMIT $4`,
    [input.collection, feed, after, input.limit],
  );
  const last = rows.at(-1);
  if (!last && after > 0 && after > (await lastSequence(db, input.collection, feed))) {
    throw problem('checkpointAhead', { collection: input.collection });
  }
  return {
    documents: rows.map((row) => masterContent(row) as SyncDocument),
    checkpoint: last
      ? { sequence: toNumber(last.sequence), epoch: input.epoch }
      : input.after === null
        ? null
        : { sequence: after, epoch: input.epoch },
  };
}

async function lastSequence(db: Queryable, collection: string, feed: string): Promise<number> {
  const { rows } = await db.query<{ last: unknown }>(
    'SELECT last FROM feed_sequences WHERE collection = $1 AND feed = $2',
    [collection, feed],
  );
  return rows[0] ? toNumber(rows[0].last) : 0;
}
