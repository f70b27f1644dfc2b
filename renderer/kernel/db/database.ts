import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxCollectionCreator,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { capabilities } from '../../../shared/capabilities.ts';
import type { Migration } from '../../../shared/kit/capability.ts';
import type { AuditEntry } from '../../../shared/base/auditEntry.ts';
import type { SubjectDocument } from '../../../shared/subjects/model.ts';
import type { UserDocument } from '../../../shared/base/user.ts';
import { wrapPersonalDataStorage } from '../security/encryptedStorage.ts';
import type { PersonalDataCipher } from '../security/personalData.ts';
import type { CreditRecordDocument } from '../../../shared/creditRecords/model.ts';
import type { DisclosureDocument } from '../../../shared/disclosures/model.ts';
import type { CommitmentDocument } from '../../../shared/commitments/model.ts';
import type { ListingDocument } from '../../../shared/lists/listing.ts';
import type { ReferenceRow } from '../../../shared/reference/schema.ts';
import type { CaseDocument } from '../../../shared/cases/model.ts';
import type { InspectionDocument } from '../../../shared/inspections/document.ts';

addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

export type SubjectCollection = RxCollection<SubjectDocument>;
export type UserCollection = RxCollection<UserDocument>;
export type AuditLogCollection = RxCollection<AuditEntry>;
export type CreditRecordCollection = RxCollection<CreditRecordDocument>;
export type DisclosureCollection = RxCollection<DisclosureDocument>;
export type CaseCollection = RxCollection<CaseDocument>;
export type CommitmentCollection = RxCollection<CommitmentDocument>;
export type InspectionCollection = RxCollection<InspectionDocument>;
export type ListingCollection = RxCollection<ListingDocument>;
export type ReferenceCollection = RxCollection<ReferenceRow>;

export interface CreditDeskCollections {
  subjects: SubjectCollection;
  creditRecords: CreditRecordCollection;
  disclosures: DisclosureCollection;
  commitments: CommitmentCollection;
  inspections: InspectionCollection;
  listings: ListingCollection;
  reference: ReferenceCollection;
  users: UserCollection;
  auditLog: AuditLogCollection;
  cases: CaseCollection;
}

export type CreditDeskDatabase = RxDatabase<CreditDeskCollections>;

export interface OpenDatabaseOptions {
  /** IndexedDB name prefix; one per office profile. */
  name: string;
  /** Electron owns its profile alone; browser tabs share one and elect a leader. */
  multiInstance: boolean;
  /** Wraps the storage, e.g. with schema validation in development builds. */
  wrapStorage?: (storage: RxStorage<unknown, unknown>) => RxStorage<unknown, unknown>;
  /** Encrypts personal fields at rest, below RxDB (renderer/kernel/security/encryptedStorage.ts). */
  personalData: PersonalDataCipher;
  /**
   * Opens only these collections (all by default). RxDB's open edition holds at most 13 collections
   * open per page; a profile has 10, so code that holds two profiles open at once opens a part of each.
   */
  only?: readonly (keyof CreditDeskCollections)[];
}

/** Migration strategies per collection, keyed by the schema version they migrate to (from the registry). */
export const migrationStrategies = Object.fromEntries(
  capabilities.all.map((capability) => [capability.collection, capability.migrations]),
) as Record<keyof CreditDeskCollections, Record<number, Migration>>;

/** Collections with personal fields, sealed below RxDB; migrating them waits for the data key. */
const personalCollections = capabilities.all.filter((capability) => capability.personalFields.length > 0);

export async function openDatabase(options: OpenDatabaseOptions): Promise<CreditDeskDatabase> {
  const dexie = getRxStorageDexie() as RxStorage<unknown, unknown>;
  const encrypted = wrapPersonalDataStorage(
    dexie,
    options.personalData,
    Object.fromEntries(personalCollections.map((capability) => [capability.collection, capability.schema])),
  );
  const db = await createRxDatabase<CreditDeskCollections>({
    name: options.name,
    storage: options.wrapStorage ? options.wrapStorage(encrypted) : encrypted,
    multiInstance: options.multiInstance,
    eventReduce: true,
    closeDuplicates: true,
  });
  const opened = capabilities.all.filter(
    (capability) =>
      !options.only || options.only.includes(capability.collection as keyof CreditDeskCollections),
  );
  await db.addCollections(
    Object.fromEntries(
      opened.map((capability) => [
        capability.collection,
        {
          schema: capability.schema as unknown as RxJsonSchema<unknown>,
          migrationStrategies: capability.migrations,
          // Migrated below in larger steps than RxDB's own (10 documents); the collections with personal
          // fields wait for the data key, since migrating re-encrypts (see migratePersonalCollections).
          autoMigrate: false,
        },
      ]),
    ) as unknown as { [Name in keyof CreditDeskCollections]: RxCollectionCreator },
  );
  for (const capability of opened) {
    if (capability.personalFields.length > 0) continue;
    await db.collections[capability.collection as keyof CreditDeskCollections].migratePromise(migrationBatch);
  }
  return db;
}

/**
 * Documents per step when a collection migrates to a new schema version, where RxDB's default is 10:
 * opening 5,000 inspections of version 4 took 7.7 s against 54.5 s in Chromium
 * (`BENCH_LISTS=migration npx node bench/listPages.ts`).
 */
export const migrationBatch = 1000;

/**
 * Migrates the collections holding personal data to their current schema. Run once the data key is
 * unlocked (after sign-in where the key is wrapped with the users' passwords) and before using them.
 */
export async function migratePersonalCollections(db: CreditDeskDatabase): Promise<void> {
  for (const capability of personalCollections) {
    // A profile opened with `only` holds a part of them.
    const collection = db.collections[capability.collection as keyof CreditDeskCollections] as
      | RxCollection
      | undefined;
    await collection?.migratePromise(migrationBatch);
  }
}
