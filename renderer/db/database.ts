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
import { type AuditEntry, auditEntryJsonSchema } from '../../shared/model/auditEntry.ts';
import type { SubjectDocument } from '../../shared/model/subject.ts';
import { subjectJsonSchema } from '../../shared/model/subject.ts';
import { type UserDocument, userJsonSchema } from '../../shared/model/user.ts';
import { wrapPersonalDataStorage } from '../security/encryptedStorage.ts';
import type { PersonalDataCipher } from '../security/personalData.ts';
import { type CreditRecordDocument, creditRecordJsonSchema } from '../../shared/model/creditRecord.ts';
import { type DisclosureDocument, disclosureJsonSchema } from '../../shared/model/disclosure.ts';
import {
  type ReferenceCollection,
  type ReferenceRow,
  referenceJsonSchema,
} from '../repositories/reference.ts';

addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

export type SubjectCollection = RxCollection<SubjectDocument>;
export type UserCollection = RxCollection<UserDocument>;
export type AuditLogCollection = RxCollection<AuditEntry>;
export type CreditRecordCollection = RxCollection<CreditRecordDocument>;
export type DisclosureCollection = RxCollection<DisclosureDocument>;

export interface CreditDeskCollections {
  subjects: SubjectCollection;
  creditRecords: CreditRecordCollection;
  disclosures: DisclosureCollection;
  reference: ReferenceCollection;
  users: UserCollection;
  auditLog: AuditLogCollection;
}

export type CreditDeskDatabase = RxDatabase<CreditDeskCollections>;

export interface OpenDatabaseOptions {
  /** IndexedDB name prefix; one per office profile. */
  name: string;
  /** Electron owns its profile alone; browser tabs share one and elect a leader. */
  multiInstance: boolean;
  /** Wraps the storage, e.g. with schema validation in development builds. */
  wrapStorage?: (storage: RxStorage<unknown, unknown>) => RxStorage<unknown, unknown>;
  /** Encrypts personal fields at rest, below RxDB (renderer/security/encryptedStorage.ts). */
  personalData: PersonalDataCipher;
}

/**
 * Migration strategies per collection, keyed by the schema version they migrate to.
 * Every collection has the entry from version 0 on, so adding version 1 is one function here.
 */
export const migrationStrategies = {
  // Version 1 encrypts personal fields: the storage wrapper does it as documents are written again.
  subjects: { 1: (doc: SubjectDocument) => doc },
  // Version 1 adds the workflow step `withdraw`: version-0 documents are valid as they are.
  creditRecords: { 1: (doc: CreditRecordDocument) => doc },
  // Version 1 encrypts the ID numbers of natural persons, as subjects' version 1 does.
  disclosures: { 1: (doc: DisclosureDocument) => doc },
  reference: {},
  users: {},
  auditLog: {},
} satisfies Record<keyof CreditDeskCollections, Record<number, (doc: never) => unknown>>;

export async function openDatabase(options: OpenDatabaseOptions): Promise<CreditDeskDatabase> {
  const dexie = getRxStorageDexie() as RxStorage<unknown, unknown>;
  const encrypted = wrapPersonalDataStorage(dexie, options.personalData, {
    subjects: subjectJsonSchema,
    disclosures: disclosureJsonSchema,
  });
  const db = await createRxDatabase<CreditDeskCollections>({
    name: options.name,
    storage: options.wrapStorage ? options.wrapStorage(encrypted) : encrypted,
    multiInstance: options.multiInstance,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    subjects: {
      schema: subjectJsonSchema as unknown as RxJsonSchema<SubjectDocument>,
      migrationStrategies: migrationStrategies.subjects,
      // Migrating re-encrypts, so it waits for the data key (see migratePersonalCollections).
      autoMigrate: false,
    },
    creditRecords: {
      schema: creditRecordJsonSchema as unknown as RxJsonSchema<CreditRecordDocument>,
      migrationStrategies: migrationStrategies.creditRecords,
    },
    disclosures: {
      schema: disclosureJsonSchema as unknown as RxJsonSchema<DisclosureDocument>,
      migrationStrategies: migrationStrategies.disclosures,
      autoMigrate: false,
    },
    reference: {
      schema: referenceJsonSchema as unknown as RxJsonSchema<ReferenceRow>,
      migrationStrategies: migrationStrategies.reference,
    },
    users: {
      schema: userJsonSchema as unknown as RxJsonSchema<UserDocument>,
      migrationStrategies: migrationStrategies.users,
    },
    auditLog: {
      schema: auditEntryJsonSchema as unknown as RxJsonSchema<AuditEntry>,
      migrationStrategies: migrationStrategies.auditLog,
    },
  });
  return db;
}

/**
 * Migrates the collections holding personal data to their current schema. Run once the data key is
 * unlocked (after sign-in where the key is wrapped with the users' passwords) and before using them.
 */
export async function migratePersonalCollections(db: CreditDeskDatabase): Promise<void> {
  await db.subjects.migratePromise();
  await db.disclosures.migratePromise();
}
