/**
 * A whole local profile as JSON: every IndexedDB database whose name contains the profile's name, with
 * its object stores, indexes and records, read and written with the plain IndexedDB API (no Dexie, no
 * RxDB), so a dump made by one release loads unchanged under another. Bytes are kept as base64.
 */
import { fromBase64, toBase64 } from '../../shared/base/security/encoding.ts';

export interface StoreDump {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  /** Each record with its key (needed where the key is not in the value). */
  records: { key: unknown; value: unknown }[];
}

export interface DatabaseDump {
  name: string;
  version: number;
  stores: StoreDump[];
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => upgrade?.(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** JSON with bytes tagged: `{ "$bytes": base64 }`. */
function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
  if (value instanceof ArrayBuffer) return { $bytes: toBase64(new Uint8Array(value)) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const bytes = (value as { $bytes?: unknown }).$bytes;
    if (typeof bytes === 'string' && Object.keys(value).length === 1) {
      const decoded = fromBase64(bytes);
      if (!decoded) throw new Error('A dump holds malformed base64');
      return decoded;
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]));
  }
  return value;
}

/** Every database of the profile, each store with its records in key order. */
export async function dumpProfile(profile: string): Promise<DatabaseDump[]> {
  const names = (await indexedDB.databases())
    .map((info) => info.name ?? '')
    .filter((name) => name.includes(profile))
    .sort();
  const dumps: DatabaseDump[] = [];
  for (const name of names) {
    const db = await openDb(name);
    const stores: StoreDump[] = [];
    for (const storeName of [...db.objectStoreNames].sort()) {
      const store = db.transaction(storeName, 'readonly').objectStore(storeName);
      const keys = await request(store.getAllKeys());
      const values = await request(store.getAll());
      stores.push({
        name: storeName,
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
        indexes: [...store.indexNames].sort().map((indexName) => {
          const index = store.index(indexName);
          return {
            name: indexName,
            keyPath: index.keyPath,
            unique: index.unique,
            multiEntry: index.multiEntry,
          };
        }),
        records: keys.map((key, position) => ({
          key: encode(key),
          value: encode(values[position]),
        })),
      });
    }
    dumps.push({ name, version: db.version, stores });
    db.close();
  }
  return dumps;
}

/** Writes the databases of a dump (which must not exist yet) as they were. */
export async function loadProfile(dumps: readonly DatabaseDump[]): Promise<void> {
  for (const dump of dumps) {
    const db = await openDb(dump.name, dump.version, (created) => {
      for (const store of dump.stores) {
        const made = created.createObjectStore(store.name, {
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
        });
        for (const index of store.indexes) {
          made.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        }
      }
    });
    if (dump.stores.length > 0) {
      const transaction = db.transaction(
        dump.stores.map((store) => store.name),
        'readwrite',
      );
      for (const store of dump.stores) {
        const target = transaction.objectStore(store.name);
        for (const record of store.records) {
          const value = decode(record.value);
          if (store.keyPath === null) target.put(value, decode(record.key) as IDBValidKey);
          else target.put(value);
        }
      }
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
    }
    db.close();
  }
}
