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
import type { SubjectDocument } from '../../shared/model/subject.ts';
import { subjectJsonSchema } from '../../shared/model/subject.ts';

addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

export type SubjectCollection = RxCollection<SubjectDocument>;

export interface CreditDeskCollections {
  subjects: SubjectCollection;
}

export type CreditDeskDatabase = RxDatabase<CreditDeskCollections>;

export interface OpenDatabaseOptions {
  /** IndexedDB name prefix; one per office profile. */
  name: string;
  /** Electron owns its profile alone; browser tabs share one and elect a leader. */
  multiInstance: boolean;
  /** Wraps the storage, e.g. with schema validation in development builds. */
  wrapStorage?: (storage: RxStorage<unknown, unknown>) => RxStorage<unknown, unknown>;
}

/**
 * Migration strategies per collection, keyed by the schema version they migrate to.
 * Every collection has the entry from version 0 on, so adding version 1 is one function here.
 */
export const migrationStrategies = {
  subjects: {},
} satisfies Record<keyof CreditDeskCollections, Record<number, (doc: never) => unknown>>;

export async function openDatabase(options: OpenDatabaseOptions): Promise<CreditDeskDatabase> {
  const dexie = getRxStorageDexie() as RxStorage<unknown, unknown>;
  const db = await createRxDatabase<CreditDeskCollections>({
    name: options.name,
    storage: options.wrapStorage ? options.wrapStorage(dexie) : dexie,
    multiInstance: options.multiInstance,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    subjects: {
      schema: subjectJsonSchema as unknown as RxJsonSchema<SubjectDocument>,
      migrationStrategies: migrationStrategies.subjects,
    },
  });
  return db;
}
