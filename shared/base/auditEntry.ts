import { canonicalSize } from './security/canonicalJson.ts';
import { isUuid } from './uuid.ts';
import { issue, type Validated, type ValidationIssue } from './validation.ts';

/** What an audit entry records. */
export const auditActions = [
  'create',
  'update',
  'statusChange',
  'approve',
  'reject',
  'revoke',
  'export',
  'printReport',
  'verificationQuery',
  'revealPersonalData',
  'signIn',
  'signInFailed',
  'signOut',
  'accountLocked',
  'passwordChange',
  'backupExport',
  'backupRestore',
  'auditExport',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Actions that need a written reason (the dialog asks for it before the action runs). */
export const reasonRequiredActions = [
  'revoke',
  'export',
  'revealPersonalData',
  'backupExport',
  'backupRestore',
  'auditExport',
] as const satisfies readonly AuditAction[];

/** Stands for a field value too large to keep in the audit trail: its SHA-256 over canonical JSON. */
export interface AuditDigest {
  omitted: 'sha256';
  /** Lower-case hex SHA-256 of the value's canonical JSON. */
  hash: string;
  /** Size of that canonical JSON in UTF-8 bytes. */
  bytes: number;
}

/** Changed fields of a document (field → JSON value or AuditDigest). Personal values stay encrypted or masked. */
export type AuditSnapshot = Record<string, unknown>;

/**
 * One entry of a device's hash chain (`auditLog` collection). Entries are never changed or deleted:
 * `hash` is the SHA-256 of the canonical JSON of all other fields, `prevHash` the previous entry's hash.
 */
export interface AuditEntry {
  /** UUIDv7. */
  id: string;
  county: string;
  /** The device whose chain holds the entry. */
  deviceId: string;
  /** Position in the device's chain: 1, 2, 3, … without gaps. */
  seq: number;
  /** ISO 8601 instant (UTC, `Z`). */
  at: string;
  /** The signed-in user; '' only for a failed sign-in with an unknown username. */
  userId: string;
  action: AuditAction;
  /** Collection (or local table) of the document acted on; '' when none. (RxDB reserves `collection`.) */
  collectionName: string;
  /** Id of the document acted on; '' when none. */
  documentId: string;
  before: AuditSnapshot | null;
  after: AuditSnapshot | null;
  /** Why; required for `reasonRequiredActions`, '' otherwise allowed. */
  reason: string;
  prevHash: string;
  hash: string;
}

export const auditTextLimits = {
  deviceId: 64,
  userId: 64,
  collectionName: 32,
  documentId: 64,
  reason: 500,
  /** Canonical JSON bytes of `before` or `after` as stored (after large fields became digests). */
  snapshotBytes: 65_536,
} as const;

/** The chain's starting point: the `prevHash` of entry 1. */
export const genesisHash = '0'.repeat(64);

export const auditEntryIssueCodes = ['auditEntry.invalidField', 'auditEntry.reasonRequired'] as const;

export function requiresReason(action: AuditAction): boolean {
  return (reasonRequiredActions as readonly AuditAction[]).includes(action);
}

const hashPattern = /^[0-9a-f]{64}$/;
const isoInstantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/** Every field of an entry, in schema order. */
export const auditEntryFields = [
  'id',
  'county',
  'deviceId',
  'seq',
  'at',
  'userId',
  'action',
  'collectionName',
  'documentId',
  'before',
  'after',
  'reason',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof AuditEntry)[];

function isBoundedString(value: unknown, max: number, pattern?: RegExp): value is string {
  return typeof value === 'string' && value.length <= max && (!pattern || pattern.test(value));
}

function isSnapshot(value: unknown): boolean {
  if (value === null) return true;
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return false;
  }
  try {
    return canonicalSize(value) <= auditTextLimits.snapshotBytes;
  } catch {
    return false;
  }
}

/**
 * Checks the shape of an entry received from elsewhere (a pushed document, a restored backup) before its
 * chain is verified. The hash itself is checked by `verifyChain`.
 */
export function validateAuditEntry(value: unknown): Validated<AuditEntry> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [issue('', 'auditEntry.invalidField')] };
  }
  const entry = value as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const bad = (field: string) => issues.push(issue(field, 'auditEntry.invalidField'));

  if (!(typeof entry.id === 'string' && isUuid(entry.id))) bad('id');
  if (!isBoundedString(entry.county, 6, /^\d{6}$/)) bad('county');
  if (!isBoundedString(entry.deviceId, auditTextLimits.deviceId, /^[A-Za-z0-9._-]+$/)) bad('deviceId');
  if (!(Number.isSafeInteger(entry.seq) && (entry.seq as number) >= 1)) bad('seq');
  if (!(isBoundedString(entry.at, 30, isoInstantPattern) && !Number.isNaN(Date.parse(entry.at)))) bad('at');
  const action = entry.action;
  const knownAction = typeof action === 'string' && (auditActions as readonly string[]).includes(action);
  if (!knownAction) bad('action');
  const anonymousAllowed = action === 'signInFailed';
  if (!isBoundedString(entry.userId, auditTextLimits.userId) || (entry.userId === '' && !anonymousAllowed)) {
    bad('userId');
  }
  if (!isBoundedString(entry.collectionName, auditTextLimits.collectionName, /^[a-zA-Z]*$/))
    bad('collectionName');
  if (!isBoundedString(entry.documentId, auditTextLimits.documentId)) bad('documentId');
  if (!isSnapshot(entry.before)) bad('before');
  if (!isSnapshot(entry.after)) bad('after');
  if (!isBoundedString(entry.reason, auditTextLimits.reason)) {
    bad('reason');
  } else if (knownAction && requiresReason(action as AuditAction) && entry.reason.trim() === '') {
    issues.push(issue('reason', 'auditEntry.reasonRequired'));
  }
  if (!isBoundedString(entry.prevHash, 64, hashPattern)) bad('prevHash');
  if (!isBoundedString(entry.hash, 64, hashPattern)) bad('hash');
  for (const key of Object.keys(entry)) {
    if (!(auditEntryFields as readonly string[]).includes(key)) bad(key);
  }
  return issues.length === 0 ? { ok: true, value: entry as unknown as AuditEntry } : { ok: false, issues };
}

const snapshotSchema = { type: ['object', 'null'] } as const;

/** The versioned JSON schema of the auditLog collection (RxDB format; plain data, no RxDB import). */
export const auditEntryJsonSchema = {
  title: 'auditEntry',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 36 },
    county: { type: 'string', maxLength: 6 },
    deviceId: { type: 'string', maxLength: auditTextLimits.deviceId },
    seq: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, multipleOf: 1 },
    at: { type: 'string', maxLength: 30 },
    userId: { type: 'string', maxLength: auditTextLimits.userId },
    action: { type: 'string', enum: [...auditActions], maxLength: 24 },
    collectionName: { type: 'string', maxLength: auditTextLimits.collectionName },
    documentId: { type: 'string', maxLength: auditTextLimits.documentId },
    before: snapshotSchema,
    after: snapshotSchema,
    reason: { type: 'string', maxLength: auditTextLimits.reason },
    prevHash: { type: 'string', maxLength: 64 },
    hash: { type: 'string', maxLength: 64 },
  },
  required: [...auditEntryFields],
  indexes: [['deviceId', 'seq'], 'at', ['documentId', 'at'], ['userId', 'at'], ['action', 'at']],
  additionalProperties: false,
} as const;
