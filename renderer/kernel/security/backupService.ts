import { sha256Hex } from '../../../shared/base/security/blobCrypto.ts';
import { fromBase64, toBase64 } from '../../../shared/base/security/encoding.ts';
import type { RxCollection } from 'rxdb';
import type { PlatformBridge } from '../../../shared/base/platform/bridge.ts';
import type { AuditEntry } from '../../../shared/base/auditEntry.ts';
import { capabilities } from '../../../shared/capabilities.ts';
import { type CollectionName, isCollectionName } from '../../../shared/base/collections.ts';
import type { DocumentValidationContext } from '../../../shared/sync/documentValidators.ts';
import type { UserDocument } from '../../../shared/base/user.ts';
import { issue, type ValidationIssue } from '../../../shared/base/validation.ts';
import type { Argon2Params } from '../../../shared/base/security/argon2.ts';
import { verifyChain } from '../../../shared/base/security/auditChain.ts';
import {
  type BackupError,
  type BackupOrigin,
  openBackup,
  readBackupOrigin,
  sealBackup,
} from '../../../shared/base/security/backup.ts';
import { checkPasswordStrength } from '../../../shared/base/security/password.ts';
import type { CreditDeskDatabase } from '../db/database.ts';
import type { HistoryEntry, LocalStore, StoredBlob } from '../db/localStore.ts';
import { type JournalCollection, type JournalDocument, type RestoreStep, Writer } from '../db/writer.ts';
import type { Clock } from '../session/session.ts';
import type { AuditService } from './audit.ts';
import { authorize } from './permissions.ts';
import type { PersonalDataCipher } from './personalData.ts';
import type { SignedInSession } from './session.ts';

/**
 * Encrypted backups of the whole local database: every RxDB collection, the local edit history and the
 * office settings, sealed under a password (shared/base/security/backup.ts) and saved through the bridge.
 * A restore decrypts and validates everything before it writes anything; it then adds what is missing
 * here and replaces what is older here, and never deletes (records may already be on the platform).
 */

export const backupFormat = 'creditdesk-backup';
export const backupPayloadVersion = 1;
export const backupExtension = 'cdbackup';

/** Settings a restore brings back; device identity, keys and lockouts stay with the device. */
export const restoredSettings = ['office', 'idleLockMinutes'] as const;

export interface BackupPayload {
  format: typeof backupFormat;
  version: number;
  county: string;
  deviceId: string;
  createdAt: string;
  /** Collection name → documents (clear values: the file as a whole is encrypted). */
  collections: Record<string, Record<string, unknown>[]>;
  /** Local edit history with clear snapshots. */
  history: HistoryEntry[];
  settings: Record<string, unknown>;
  /** Attachment bytes kept on this computer (absent from backups made before attachments). */
  attachments?: BackupAttachment[];
}

/** One attachment's bytes in a backup, and whether the platform still lacked them. */
export interface BackupAttachment {
  sha256: string;
  pending: boolean;
  /** Base64 of the content. */
  data: string;
}

export type BackupProblem =
  | BackupError
  | { code: 'backupRestore.invalidContent'; params: { collection: string; id: string } }
  | { code: 'backupRestore.notAdministrator' };

export type OpenedPayload =
  | { ok: true; payload: BackupPayload; origin: BackupOrigin }
  | { ok: false; error: BackupProblem };

export interface RestoreSummary {
  /** Collection (or 'history') → records written. */
  written: Record<string, number>;
}

export interface BackupServiceOptions {
  db: CreditDeskDatabase;
  local: LocalStore;
  audit: AuditService;
  personalData: PersonalDataCipher;
  bridge: Pick<PlatformBridge, 'saveFile'>;
  clock: Clock;
  /** Overrides the argon2id cost of the backup password (tests only). */
  kdf?: Argon2Params;
}

function invalid(collection: string, id: unknown): { ok: false; error: BackupProblem } {
  return {
    ok: false,
    error: {
      code: 'backupRestore.invalidContent',
      params: { collection, id: typeof id === 'string' ? id : '' },
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Who made the backup, readable before the password is asked. */
export function inspectBackup(bytes: Uint8Array) {
  return readBackupOrigin(bytes);
}

/**
 * Decrypts a backup and checks its content. `expectedCounty` null accepts the backup's own county (a
 * fresh profile takes its county from the backup). Nothing is written.
 */
export async function openBackupPayload(
  bytes: Uint8Array,
  password: string,
  expectedCounty: string | null,
  today: string,
): Promise<OpenedPayload> {
  const origin = readBackupOrigin(bytes);
  if (!origin.ok) return origin;
  const opened = await openBackup(bytes, password, {
    expectedCounty: expectedCounty ?? origin.origin.county,
  });
  if (!opened.ok) return opened;
  let payload: unknown;
  try {
    payload = JSON.parse(opened.payloadJson);
  } catch {
    return { ok: false, error: { code: 'backup.corrupted' } };
  }
  const checked = checkPayload(payload, opened.origin.county, today);
  return checked ?? { ok: true, payload: payload as BackupPayload, origin: opened.origin };
}

function checkPayload(
  payload: unknown,
  county: string,
  today: string,
): { ok: false; error: BackupProblem } | null {
  if (
    !isRecord(payload) ||
    payload.format !== backupFormat ||
    payload.county !== county ||
    !isRecord(payload.collections) ||
    !Array.isArray(payload.history) ||
    !isRecord(payload.settings)
  ) {
    return { ok: false, error: { code: 'backup.corrupted' } };
  }
  if (typeof payload.version !== 'number' || payload.version > backupPayloadVersion) {
    return { ok: false, error: { code: 'backup.newerVersion' } };
  }
  const context = validationContext(payload.collections, today);
  for (const [name, docs] of Object.entries(payload.collections)) {
    if (!isCollectionName(name) || !Array.isArray(docs)) return invalid(name, '');
    for (const doc of docs as unknown[]) {
      if (!isRecord(doc)) return invalid(name, '');
      if (!documentValid(name, doc, county, context)) return invalid(name, doc.id);
    }
  }
  if (payload.attachments !== undefined) {
    if (!Array.isArray(payload.attachments)) return invalid('attachments', '');
    for (const file of payload.attachments as unknown[]) {
      if (
        !isRecord(file) ||
        typeof file.sha256 !== 'string' ||
        !/^[0-9a-f]{64}$/.test(file.sha256) ||
        typeof file.pending !== 'boolean' ||
        typeof file.data !== 'string'
      ) {
        return invalid('attachments', isRecord(file) ? file.sha256 : '');
      }
    }
  }
  for (const entry of payload.history as unknown[]) {
    if (
      !isRecord(entry) ||
      typeof entry.collection !== 'string' ||
      typeof entry.docId !== 'string' ||
      typeof entry.replacedAt !== 'string' ||
      typeof entry.replacedBy !== 'string' ||
      typeof entry.replacedByName !== 'string' ||
      !isRecord(entry.snapshot)
    ) {
      return invalid('history', isRecord(entry) ? entry.docId : '');
    }
  }
  return null;
}

/** A document of the county (or of its city, for city data) that passes the platform's validator. */
function documentValid(
  name: CollectionName,
  doc: Record<string, unknown>,
  county: string,
  context: DocumentValidationContext,
): boolean {
  if (!capabilities.has(name)) return false;
  const capability = capabilities.get(name);
  if (capability.plan.scope === 'county' && doc.county !== county) return false;
  return capability.validate(doc, context).length === 0;
}

/** What the validators check against: the backup's day and the reference data it carries (the defaults without). */
function validationContext(collections: Record<string, unknown>, today: string): DocumentValidationContext {
  const reference = Array.isArray(collections.reference) ? collections.reference.filter(isRecord) : [];
  return { today, ...capabilities.validationContext(capabilities.collections, reference) };
}

/** The attachments' bytes, each checked against its digest; refused whole when one does not match. */
async function decodeAttachments(
  attachments: readonly BackupAttachment[],
): Promise<
  | { ok: true; value: { sha256: string; pending: boolean; bytes: Uint8Array }[] }
  | { ok: false; error: BackupProblem }
> {
  const value: { sha256: string; pending: boolean; bytes: Uint8Array }[] = [];
  for (const file of attachments) {
    const bytes = fromBase64(file.data);
    if (!bytes || (await sha256Hex(bytes)) !== file.sha256) return invalid('attachments', file.sha256);
    value.push({ sha256: file.sha256, pending: file.pending, bytes });
  }
  return { ok: true, value };
}

/** The administrator from the backup who restores it into a fresh profile, found by her credentials. */
export function backupAdministrator(payload: BackupPayload, username: string): UserDocument | null {
  const users = (payload.collections.users ?? []) as unknown as UserDocument[];
  const found = users.find((user) => user.username === username);
  return found && found.status === 'active' && found.roles.includes('countyAdmin') ? found : null;
}

export class BackupService {
  readonly #options: BackupServiceOptions;
  readonly #writer: Writer;

  constructor(options: BackupServiceOptions) {
    this.#options = options;
    const { db, local, audit, personalData, clock } = options;
    // Restores are written by the restoring administrator, whose session the writer is handed.
    this.#writer = new Writer(db, local, { session: () => null, clock, audit, personalData });
  }

  /**
   * Seals the whole local database under `password` and saves it through the bridge; audited with the
   * reason once saved. Refused without `backup.export` or with a weak password.
   */
  async export(
    session: SignedInSession | null,
    password: string,
    reason: string,
  ): Promise<{ ok: true; saved: boolean } | { ok: false; issues: ValidationIssue[] }> {
    const authorized = authorize(session, 'backup.export');
    if (!authorized.ok) return authorized;
    const issues = checkPasswordStrength(password, { username: authorized.session.username });
    if (reason.trim() === '') issues.push(issue('reason', 'auditEntry.reasonRequired'));
    if (issues.length > 0) return { ok: false, issues };

    const { db, local, audit, personalData, bridge, clock, kdf } = this.#options;
    const createdAt = clock().toISOString();
    const collections: Record<string, Record<string, unknown>[]> = {};
    for (const [name, collection] of Object.entries(db.collections) as [string, RxCollection][]) {
      const docs = await collection.find().exec();
      collections[name] = docs.map((doc) => doc.toJSON() as Record<string, unknown>);
    }
    const history = await Promise.all(
      (await local.history.toArray()).map(async ({ seq: _seq, ...entry }) => ({
        ...entry,
        snapshot: await personalData.open(entry.collection, entry.snapshot),
      })),
    );
    const settings: Record<string, unknown> = {};
    for (const key of restoredSettings) {
      const value = await local.getSetting(key);
      if (value !== undefined) settings[key] = value;
    }
    const attachments = await Promise.all(
      (await local.blobs.toArray()).map(async (blob) => ({
        sha256: blob.sha256,
        pending: blob.pending === 1,
        data: toBase64(await personalData.openBytes(blob.sealed, blob.sha256)),
      })),
    );
    const payload: BackupPayload = {
      format: backupFormat,
      version: backupPayloadVersion,
      county: audit.county,
      deviceId: audit.deviceId,
      createdAt,
      collections,
      history,
      settings,
      attachments,
    };
    const bytes = await sealBackup(
      JSON.stringify(payload),
      password,
      { county: audit.county, deviceId: audit.deviceId, createdAt },
      kdf,
    );
    const stamp = createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const { saved } = await bridge.saveFile({
      suggestedName: `creditdesk-${audit.county}-${stamp}.${backupExtension}`,
      mimeType: 'application/octet-stream',
      data: new Uint8Array(bytes),
    });
    if (saved) {
      await audit.append(authorized.session.userId, {
        action: 'backupExport',
        after: {
          counts: { ...counts(collections, history.length), attachments: attachments.length },
          bytes: bytes.length,
        },
        reason,
      });
    }
    return { ok: true, saved };
  }

  /**
   * Writes an opened backup into this profile: documents missing here or older here are written (the
   * newer of two versions wins), audit entries missing here are added, nothing is deleted. Every
   * document is validated against this database's schemas first; on any problem nothing is written.
   */
  async restore(
    session: SignedInSession | null,
    opened: { payload: BackupPayload; origin: BackupOrigin },
    reason: string,
  ): Promise<
    | { ok: true; summary: RestoreSummary }
    | { ok: false; issues: ValidationIssue[] }
    | { ok: false; error: BackupProblem }
  > {
    const authorized = authorize(session, 'backup.restore');
    if (!authorized.ok) return authorized;
    if (reason.trim() === '') return { ok: false, issues: [issue('reason', 'auditEntry.reasonRequired')] };
    const { local, audit, personalData } = this.#options;
    const { payload, origin } = opened;
    if (payload.county !== audit.county) {
      return { ok: false, error: { code: 'backup.otherCounty', params: { county: payload.county } } };
    }
    const problem =
      (await this.#checkAgainstDatabase(payload)) ?? (await checkChains(payload, origin.deviceId));
    if (problem) return { ok: false, error: problem };
    const files = await decodeAttachments(payload.attachments ?? []);
    if (!files.ok) return files;

    // What is missing or older here, for the summary; the writer writes it (and checks again as it does).
    const steps: RestoreStep[] = [];
    const written: Record<string, number> = {};
    for (const [name, docs] of Object.entries(payload.collections)) {
      const fresh = await this.#fresh(name as JournalCollection, docs as JournalDocument[]);
      if (fresh.length > 0)
        steps.push({ kind: 'restore', collection: name as JournalCollection, docs: fresh });
      written[name] = fresh.length;
    }
    const history = await this.#missingHistory(payload.history, local, personalData);
    const blobs = await this.#missingAttachments(files.value, local, personalData);
    written.history = history.length;
    written.attachments = blobs.length;
    // The documents first: should the writer refuse one, nothing else is written either.
    const restored = await this.#writer.write({
      permission: { judged: authorized.session },
      steps,
      summary: {
        action: 'backupRestore',
        after: { fromDevice: origin.deviceId, createdAt: origin.createdAt, written },
        reason,
      },
    });
    if (!restored.ok) return restored;
    await local.history.bulkAdd(history);
    await local.blobs.bulkAdd(blobs);
    for (const [key, value] of Object.entries(payload.settings)) {
      if (
        (restoredSettings as readonly string[]).includes(key) &&
        (await local.getSetting(key)) === undefined
      ) {
        await local.setSetting(key, value);
      }
    }
    return { ok: true, summary: { written } };
  }

  /** The documents missing here or newer than here (audit entries present here never change). */
  async #fresh(name: JournalCollection, docs: readonly JournalDocument[]): Promise<JournalDocument[]> {
    const collection = this.#options.db.collections[name] as unknown as RxCollection;
    const existing = await collection.findByIds(docs.map((doc) => doc.id)).exec();
    return docs.filter((doc) => {
      const here = existing.get(doc.id)?.toJSON() as JournalDocument | undefined;
      if (!here) return true;
      return name !== 'auditLog' && here.updatedAt < doc.updatedAt;
    });
  }

  /** The attachments missing here, sealed for this computer's disk. */
  async #missingAttachments(
    files: readonly { sha256: string; pending: boolean; bytes: Uint8Array }[],
    local: LocalStore,
    personalData: PersonalDataCipher,
  ): Promise<StoredBlob[]> {
    const present = await local.blobs.bulkGet(files.map((file) => file.sha256));
    const missing = files.filter((_, index) => !present[index]);
    const storedAt = this.#options.clock().toISOString();
    const rows = await Promise.all(
      missing.map(async (file) => ({
        sha256: file.sha256,
        size: file.bytes.length,
        sealed: await personalData.sealBytes(file.bytes, file.sha256),
        pending: file.pending ? (1 as const) : (0 as const),
        storedAt,
      })),
    );
    return rows;
  }

  /** The history entries missing here, personal values sealed. */
  async #missingHistory(
    entries: HistoryEntry[],
    local: LocalStore,
    personalData: PersonalDataCipher,
  ): Promise<HistoryEntry[]> {
    const known = new Set(
      (await local.history.toArray()).map(
        (entry) => `${entry.collection}\u0000${entry.docId}\u0000${entry.replacedAt}`,
      ),
    );
    const missing = entries.filter(
      (entry) => !known.has(`${entry.collection}\u0000${entry.docId}\u0000${entry.replacedAt}`),
    );
    const sealed = await Promise.all(
      missing.map(async ({ seq: _seq, ...entry }) => ({
        ...entry,
        snapshot: await personalData.seal(entry.collection, entry.snapshot, entry.docId),
      })),
    );
    return sealed;
  }

  /** Every document must fit its collection's schema here: known fields only, required ones present. */
  async #checkAgainstDatabase(payload: BackupPayload): Promise<BackupProblem | null> {
    const { db } = this.#options;
    for (const [name, docs] of Object.entries(payload.collections)) {
      const collection = db.collections[name as keyof typeof db.collections] as RxCollection | undefined;
      if (!collection) return invalid(name, '').error;
      const schema = collection.schema.jsonSchema;
      const fields = new Set(Object.keys(schema.properties).filter((field) => !field.startsWith('_')));
      const required = (schema.required ?? []).filter((field) => !String(field).startsWith('_')) as string[];
      for (const doc of docs) {
        const unknownField = Object.keys(doc).some((field) => !fields.has(field));
        const missingField = required.some((field) => doc[field] === undefined);
        if (unknownField || missingField) return invalid(name, doc.id).error;
      }
    }
    return null;
  }
}

/**
 * The audit chains in a backup must verify, device by device. Of other devices' chains a backup may hold
 * only what sync had brought so far, so gaps there are accepted; any altered or broken entry is not.
 */
async function checkChains(payload: BackupPayload, ownDevice: string): Promise<BackupProblem | null> {
  const byDevice = new Map<string, AuditEntry[]>();
  for (const entry of (payload.collections.auditLog ?? []) as unknown as AuditEntry[]) {
    byDevice.set(entry.deviceId, [...(byDevice.get(entry.deviceId) ?? []), entry]);
  }
  for (const [deviceId, entries] of byDevice) {
    const verdict = await verifyChain(
      entries.sort((a, b) => a.seq - b.seq),
      { deviceId, county: payload.county },
    );
    if (verdict.ok) continue;
    const broken = verdict.problems.find(
      (problem) => deviceId === ownDevice || problem.code !== 'auditChain.removed',
    );
    if (broken) return invalid('auditLog', entries.find((entry) => entry.seq === broken.seq)?.id ?? '').error;
  }
  return null;
}

function counts(collections: Record<string, unknown[]>, history: number): Record<string, number> {
  return {
    ...Object.fromEntries(Object.entries(collections).map(([name, docs]) => [name, docs.length])),
    history,
  };
}
