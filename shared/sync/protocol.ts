/**
 * The sync protocol between CreditDesk devices and the city platform (市信用信息共享平台): the single
 * contract both sides build on. It follows RxDB's replication protocol: a per-collection pull by
 * checkpoint, a per-collection push of `{ newDocumentState, assumedMasterState }` rows answered with the
 * conflicting master states, and a Server-Sent Events stream that says which collection changed.
 *
 * Every device request carries:
 * - `Authorization: Bearer <token>` (from enrollment),
 * - `X-CreditDesk-Protocol: 1`,
 * - for pull and push, `X-CreditDesk-Schema-Version: <collectionPlan[collection].schemaVersion>`.
 * An outdated client gets 426 (`protocolMismatch`, `clientSchemaOutdated`) before anything is written.
 * Errors are `SyncErrorResponse` bodies from the numbered catalogue in ./errors.ts.
 */
import { attachmentLimits } from '../base/attachment.ts';
import { z } from 'zod';

export const syncProtocolVersion = 1;

export const syncHeaders = {
  protocol: 'X-CreditDesk-Protocol',
  schemaVersion: 'X-CreditDesk-Schema-Version',
  authorization: 'Authorization',
} as const;

export const syncLimits = {
  /** Rows in one push request. */
  maxPushRows: 1_000,
  /** Bytes of a JSON request body after decompression. */
  maxBodyBytes: 10 * 1024 * 1024,
  /** Documents in one pull response (the `limit` query parameter). */
  maxPullLimit: 1_000,
  defaultPullLimit: 200,
  /** Bytes of one attachment blob. */
  maxBlobBytes: attachmentLimits.bytes,
  /** How often the stream sends a heartbeat comment. */
  heartbeatMs: 15_000,
} as const;

export const syncPaths = {
  enroll: '/sync/v1/enroll',
  session: '/sync/v1/session',
  stream: '/sync/v1/stream',
  pull: (collection: string) => `/sync/v1/${encodeURIComponent(collection)}/pull`,
  push: (collection: string) => `/sync/v1/${encodeURIComponent(collection)}/push`,
  blob: (sha256: string) => `/blobs/${sha256}`,
  health: '/healthz',
  metrics: '/metrics',
  openApi: '/openapi.json',
} as const;

// ---------------------------------------------------------------------------------------------------
// Documents and checkpoints

/**
 * A document as it travels: the collection's fields plus `_deleted`. Local RxDB metadata (`_meta`,
 * `_rev`, `_attachments`) may be present on push and is ignored; the platform never adds fields.
 */
export const syncDocumentSchema = z.looseObject({ id: z.string().min(1).max(100), _deleted: z.boolean() });
export type SyncDocument = z.infer<typeof syncDocumentSchema>;

/**
 * Position in a collection's change feed: the sequence of the last pulled write, numbered per feed (the
 * device's county, or the city), and the platform's restore generation it was handed out in (absent in
 * checkpoints from before generations existed). Other keys are refused.
 */
export const syncCheckpointSchema = z.strictObject({
  sequence: z.number().int().nonnegative(),
  epoch: z.number().int().positive().optional(),
});
export type SyncCheckpoint = z.infer<typeof syncCheckpointSchema>;

/** The `checkpoint` query parameter: the checkpoint as JSON, or the bare sequence number. */
export function formatCheckpointParam(checkpoint: SyncCheckpoint): string {
  return JSON.stringify(checkpoint);
}

/** Parses the `checkpoint` query parameter; absent or empty means "from the beginning". */
export function parseCheckpointParam(
  raw: string | undefined,
): { ok: true; checkpoint: SyncCheckpoint | null } | { ok: false } {
  if (raw === undefined || raw === '' || raw === 'null') return { ok: true, checkpoint: null };
  if (/^\d{1,16}$/.test(raw)) {
    const sequence = Number(raw);
    return Number.isSafeInteger(sequence) ? { ok: true, checkpoint: { sequence } } : { ok: false };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false };
  }
  const parsed = syncCheckpointSchema.safeParse(value);
  return parsed.success && Number.isSafeInteger(parsed.data.sequence)
    ? { ok: true, checkpoint: parsed.data }
    : { ok: false };
}

// ---------------------------------------------------------------------------------------------------
// Pull: GET /sync/v1/:collection/pull?checkpoint=<checkpoint>&limit=<n>

export const pullQuerySchema = z.object({
  checkpoint: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(syncLimits.maxPullLimit).default(syncLimits.defaultPullLimit),
});
export type PullQuery = z.input<typeof pullQuerySchema>;

/**
 * The platform's restore generation, on every pull and push answer: a device that sees it change knows
 * the platform was restored from a backup, even when it holds no checkpoint yet (it only pushed).
 * Absent from platforms older than this field.
 */
const platformEpochSchema = z.number().int().positive().optional();

/**
 * Documents written after the checkpoint, in write order. Fewer than `limit` documents means the client
 * is in sync. `checkpoint` is the position after the last document, the request's checkpoint when
 * nothing is new, and null only when the collection has never been pulled and is empty.
 */
export const pullResponseSchema = z.object({
  documents: z.array(syncDocumentSchema),
  checkpoint: syncCheckpointSchema.nullable(),
  epoch: platformEpochSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Push: POST /sync/v1/:collection/push

const documentStateSchema = z.looseObject({ id: z.string().min(1).max(100) });

export const pushRowSchema = z.object({
  newDocumentState: documentStateSchema,
  /** The master state the client last saw; absent or null when it believes the document is new. */
  assumedMasterState: documentStateSchema.nullish(),
});
export type PushRow = z.infer<typeof pushRowSchema>;

export const pushRequestSchema = z.object({ rows: z.array(pushRowSchema) });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const validationIssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const rejectedDocumentSchema = z.object({ id: z.string(), issues: z.array(validationIssueSchema) });
export type RejectedDocument = z.infer<typeof rejectedDocumentSchema>;

/**
 * Rows not listed are written (or were already the master state: a re-push is a no-op).
 * `conflicts` holds the current master state of each document whose `assumedMasterState` was stale;
 * the client resolves them and pushes again. `rejected` documents were refused for good, each with
 * machine-readable issues (`validation.<code>` i18n keys): the client shows them to the user.
 */
export const pushResponseSchema = z.object({
  conflicts: z.array(syncDocumentSchema),
  rejected: z.array(rejectedDocumentSchema),
  epoch: platformEpochSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Stream: GET /sync/v1/stream (text/event-stream)

/**
 * Server-Sent Events. `RESYNC` is sent on every (re)connect: the client pulls every collection.
 * `change` says a collection has writes up to `sequence` visible to this device: the client pulls it.
 * Comment lines (`: heartbeat`) keep the connection open. Browsers' EventSource cannot send the
 * Authorization header, so clients read the stream with fetch (see ./sse.ts for the parser).
 */
export const syncStreamEvents = { resync: 'RESYNC', change: 'change' } as const;

export const streamChangeSchema = z.object({
  collection: z.string(),
  sequence: z.number().int().nonnegative(),
});
export type StreamChange = z.infer<typeof streamChangeSchema>;

// ---------------------------------------------------------------------------------------------------
// Enrollment and session

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Enrollment codes ignore case, spaces and dashes, as people type them. */
export function normalizeEnrollmentCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

export const enrollRequestSchema = z.object({
  /** The one-time code from the county administrator; case, spaces and dashes are ignored. */
  code: z.string().min(1).max(64),
  /** A name the administrator recognises the device by, e.g. the office and computer. */
  deviceName: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((name) => !hasControlCharacter(name), 'no control characters'),
  /**
   * A random key the client stores before it sends the request and sends again with every retry: when
   * the answer to a successful enrollment is lost, a retry with the same code and key (while the code is
   * valid) returns the same device with a fresh token, and the earlier token stops working.
   */
  requestKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/)
    .optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const countyInfoSchema = z.object({
  code: z.string().regex(/^\d{6}$/),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export type CountyInfo = z.infer<typeof countyInfoSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.string(),
  /** Bearer token for every later request; shown once, stored in the OS keychain by the client. */
  token: z.string(),
  county: countyInfoSchema,
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** GET /sync/v1/session: who the token belongs to and what the platform serves. */
export const sessionResponseSchema = z.object({
  deviceId: z.string(),
  deviceName: z.string(),
  county: countyInfoSchema,
  protocolVersion: z.number().int(),
  /** Collections the platform accepts, with the schema version it expects for each. */
  collections: z.array(
    z.object({ name: z.string(), schemaVersion: z.number().int(), scope: z.enum(['county', 'city']) }),
  ),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// Blobs: PUT/GET/HEAD /blobs/:sha256 (application/octet-stream)

export const blobHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** PUT answers 201 when the county did not hold the blob yet, 200 when it did. */
export const blobPutResponseSchema = z.object({ sha256: blobHashSchema, size: z.number().int() });
export type BlobPutResponse = z.infer<typeof blobPutResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  database: z.enum(['postgres', 'pglite']),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
