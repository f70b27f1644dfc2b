/**
 * Integration harness: the real platform on loopback (PGlite in a temporary folder) and CreditDesk
 * clients, each with its own RxDB database on fake-indexeddb, subject repository and sync service.
 */
import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import {
  type SubjectDocument,
  type SubjectInput,
  subjectJsonSchema,
  validateSubjectInput,
} from '../../shared/subjects/model.ts';
import type { SecretStore } from '../../shared/base/platform/bridge.ts';
import { auditCapability } from '../../shared/audit/descriptor.ts';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import { deriveKeysFromMaster } from '../../shared/base/security/fieldCrypto.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { CreditDeskDatabase } from '../../renderer/kernel/db/database.ts';
import { LocalStore } from '../../renderer/kernel/db/localStore.ts';
import { Writer } from '../../renderer/kernel/db/writer.ts';
import { AuditService } from '../../renderer/kernel/security/audit.ts';
import { PersonalDataCipher } from '../../renderer/kernel/security/personalData.ts';
import type { RepositoryContext } from '../../renderer/kernel/security/repositoryContext.ts';
import { type Session, systemClock } from '../../renderer/kernel/session/session.ts';
import type { BackoffOptions } from '../../renderer/kernel/sync/backoff.ts';
import { syncRegistration } from '../../renderer/kernel/sync/registration.ts';
import { SyncService, type SyncServiceOptions } from '../../renderer/kernel/sync/syncService.ts';
import { addCounty } from '../../server/accounts/counties.ts';
import { createEnrollmentCode } from '../../server/accounts/devices.ts';
import { countyStaff, seedCountyStaff, type StaffMember, staffRoles } from '../../server/fixtures/users.ts';
import { type RunningPlatform, startPlatform } from '../../server/index.ts';

addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

export const testCounty = { code: '410823', nameZh: '武陟县', nameEn: 'Wuzhi County' } as const;

/** The test county's synthetic staff, seeded on the platform by `startTestPlatform` (one user per role). */
export const testStaff = countyStaff(testCounty.code);

export function memorySecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    async get(key) {
      return values.get(key) ?? null;
    },
    async set(key, value) {
      values.set(key, value);
    },
    async delete(key) {
      values.delete(key);
    },
    async protection() {
      return 'weak';
    },
  };
}

export interface TestPlatform {
  platform: RunningPlatform;
  dataDir: string;
  /** Issues a one-time enrollment code for a county (the test county by default). */
  enrollmentCode(county?: string): Promise<string>;
  /**
   * Closes and starts the platform again on the same data folder and port; `whileStopped` runs in
   * between (e.g. to restore a backup).
   */
  restart(whileStopped?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestPlatform(): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-sync-'));
  let platform = await startPlatform({ dataDir, logLevel: 'silent', heartbeatMs: 1_000 });
  await addCounty(platform.database, testCounty);
  await seedCountyStaff(platform.database, testCounty.code);
  const handle: TestPlatform = {
    platform,
    dataDir,
    async enrollmentCode(county = testCounty.code) {
      const issued = await createEnrollmentCode(handle.platform.database, {
        county,
        createdBy: null,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      return issued.code;
    },
    async restart(whileStopped) {
      const port = platform.port;
      await platform.close();
      await whileStopped?.();
      platform = await startPlatform({ dataDir, port, logLevel: 'silent', heartbeatMs: 1_000 });
      handle.platform = platform;
    },
    async stop() {
      await handle.platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** A test platform started before the file's tests (of the calling `describe`) and stopped after them. */
export function platformForTests(): { readonly current: TestPlatform } {
  const holder = {} as { current: TestPlatform };
  beforeAll(async () => {
    holder.current = await startTestPlatform();
  }, 60_000);
  afterAll(async () => {
    await holder.current.stop();
  });
  return holder;
}

export type TestDatabase = RxDatabase<{ subjects: RxCollection<SubjectDocument> }>;

/**
 * A client database with the subjects collection alone: RxDB's open-source edition allows 16
 * collections per process, so three clients with the app's full set of collections would not fit.
 */
export async function openTestDatabase(
  name: string,
  storage: RxStorage<unknown, unknown> = getRxStorageDexie() as RxStorage<unknown, unknown>,
): Promise<TestDatabase> {
  const db = await createRxDatabase<{ subjects: RxCollection<SubjectDocument> }>({
    name,
    storage,
    multiInstance: false,
    eventReduce: true,
  });
  await db.addCollections({
    subjects: {
      schema: subjectJsonSchema as unknown as RxJsonSchema<SubjectDocument>,
      migrationStrategies: { 1: (doc: SubjectDocument) => doc, 2: (doc: SubjectDocument) => doc },
    },
  });
  return db;
}

let auditLog: Promise<RxCollection<AuditEntry>> | null = null;

/**
 * One audit trail collection (in memory) for every client of the process, each appending its own
 * device's chain: one collection more, not one per client (the limit above).
 */
function sharedAuditLog(): Promise<RxCollection<AuditEntry>> {
  auditLog ??= (async () => {
    const db = await createRxDatabase<{ auditLog: RxCollection<AuditEntry> }>({
      name: `harness-audit-${process.pid}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
    });
    await db.addCollections({
      auditLog: { schema: auditCapability.schema as unknown as RxJsonSchema<AuditEntry> },
    });
    return db.auditLog;
  })();
  return auditLog;
}

/**
 * The writer of a client (renderer/kernel/db/writer.ts) over its database and local store, acting as the
 * seeded staff member whose id the session carries.
 */
async function clientWriter(db: TestDatabase, local: LocalStore, session: Session): Promise<Writer> {
  const keys = await deriveKeysFromMaster(crypto.getRandomValues(new Uint8Array(32)));
  const audit = await AuditService.open(await sharedAuditLog(), local, {
    county: session.county,
    clock: systemClock,
  });
  const member = (Object.keys(testStaff) as StaffMember[]).find((key) => testStaff[key] === session.userId);
  const roles = member ? [staffRoles[member]] : [];
  const context: RepositoryContext = {
    session: () => ({ ...session, username: session.userName, roles }),
    clock: systemClock,
    audit,
    personalData: new PersonalDataCipher(() => keys),
  };
  return new Writer(db as unknown as CreditDeskDatabase, local, context);
}

/** Writes subjects the way the app's repository does: validated, normalized and stamped. */
export class SubjectWriter {
  readonly #collection: RxCollection<SubjectDocument>;
  readonly #session: Session;

  constructor(collection: RxCollection<SubjectDocument>, session: Session) {
    this.#collection = collection;
    this.#session = session;
  }

  async get(id: string): Promise<SubjectDocument | null> {
    const doc = await this.#collection.findOne(id).exec();
    return doc ? (doc.toJSON() as SubjectDocument) : null;
  }

  async create(input: SubjectInput): Promise<SubjectDocument> {
    const now = new Date();
    const checked = validateSubjectInput(input, chinaDateOf(now));
    if (!checked.ok) throw new Error(`invalid subject: ${JSON.stringify(checked.issues)}`);
    const stamp = now.toISOString();
    const doc: SubjectDocument = {
      ...checked.value,
      id: uuidv7(now.getTime()),
      county: this.#session.county,
      createdAt: stamp,
      updatedAt: stamp,
      createdBy: this.#session.userId,
      updatedBy: this.#session.userId,
    };
    await this.#collection.insert(doc);
    return doc;
  }

  /**
   * Changes fields of a subject without validating them (tests of refused documents write bad values).
   * Returns the state the change was applied to, read in the same atomic modification.
   */
  async patch(
    id: string,
    values: Partial<SubjectInput>,
  ): Promise<{ before: SubjectDocument; after: SubjectDocument }> {
    const doc = await this.#collection.findOne(id).exec();
    if (!doc) throw new Error(`no subject ${id}`);
    let before: SubjectDocument | null = null;
    const updated = await doc.incrementalModify((data) => {
      before = { ...data };
      return { ...data, ...values, updatedAt: new Date().toISOString(), updatedBy: this.#session.userId };
    });
    return { before: before!, after: updated.toJSON() as SubjectDocument };
  }
}

export interface TestClient {
  name: string;
  db: TestDatabase;
  subjects: SubjectWriter;
  sync: SyncService;
  session: Session;
  close(): Promise<void>;
}

export const fastBackoff: BackoffOptions = { baseMs: 20, maxMs: 300 };

let clientSerial = 0;

export interface ClientOptions {
  /** Reuse a profile (a restart of the same client). */
  name?: string;
  secrets?: SecretStore;
  backoff?: BackoffOptions;
  pullBatchSize?: number;
  pushBatchSize?: number;
  fetch?: typeof fetch;
  /** The clients' RxDB storage; Dexie on (fake-)IndexedDB by default, as in the app. */
  storage?: RxStorage<unknown, unknown>;
  /** Who writes on this client; the test county's clerk (a seeded platform user) by default. */
  userId?: string;
  /** The shell's answer when asked to reach a platform (the bridge's allowPlatform); ready by default. */
  allowPlatform?: SyncServiceOptions['allowPlatform'];
  /** Keeps what the platform hands the device besides its token. */
  provisions?: SyncServiceOptions['provisions'];
}

/** Opens a client; it does not sync until enrolled (or, when enrolled before, until `sync.start()`). */
export async function openClient(options: ClientOptions = {}): Promise<TestClient> {
  const name = options.name ?? `sync-client-${process.pid}-${++clientSerial}-${Date.now()}`;
  const session: Session = {
    userId: options.userId ?? testStaff.clerk,
    userName: name,
    county: testCounty.code,
  };
  const db = await openTestDatabase(name, options.storage);
  const local = new LocalStore(name);
  const sync = await SyncService.open({
    profile: name,
    database: db,
    secrets: options.secrets ?? memorySecrets(),
    officeCounty: testCounty.code,
    deviceName: name,
    session: () => session,
    backoff: options.backoff ?? fastBackoff,
    pullBatchSize: options.pullBatchSize,
    pushBatchSize: options.pushBatchSize,
    fetch: options.fetch,
    allowPlatform: options.allowPlatform,
    provisions: options.provisions,
    writer: await clientWriter(db, local, session),
  });
  await sync.register(syncRegistration('subjects', db.subjects));
  return {
    name,
    db,
    subjects: new SubjectWriter(db.subjects, session),
    sync,
    session,
    async close() {
      await sync.close();
      await db.close();
      local.close();
    },
  };
}

/** Resolves once `check` passes, polling; fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
