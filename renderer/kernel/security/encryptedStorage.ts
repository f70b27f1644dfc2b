import {
  type RxDocumentData,
  type RxStorage,
  type RxStorageInstanceCreationParams,
  wrapRxStorageInstance,
} from 'rxdb';
import { holdsPersonalData, type PersonalDataCipher } from './personalData.ts';

/**
 * Personal data at rest: a storage wrapper below RxDB that encrypts the personal fields of each document
 * on the way to IndexedDB and decrypts them on the way back, so RxDB, queries on other fields, sync and
 * the UI see clear values while the disk holds ciphertext. Encrypted fields cannot be queried or indexed.
 *
 * Besides the collections themselves, RxDB keeps copies of documents in the meta instances of
 * replications and schema migrations (`docData`); those copies are encrypted the same way.
 */

const replicationMetaTitle = 'RxReplicationProtocolMetaData';

type AnyDoc = Record<string, unknown>;
/** A collection schema, of any version; only its property names are used. */
type SchemaShape = { readonly properties?: object };

function documentFields(schema: SchemaShape | undefined): string {
  return Object.keys(schema?.properties ?? {})
    .filter((field) => !field.startsWith('_'))
    .sort()
    .join(',');
}

/** The collection whose documents a storage instance holds, directly or as meta copies; null for others. */
function protectedCollection(
  params: RxStorageInstanceCreationParams<unknown, unknown>,
  schemas: Readonly<Record<string, SchemaShape>>,
): { collection: string; nested: boolean } | null {
  if (holdsPersonalData(params.collectionName)) return { collection: params.collectionName, nested: false };
  const schema = params.schema;
  if (schema.title !== replicationMetaTitle) return null;
  const copied = documentFields((schema.properties as Record<string, SchemaShape>).docData);
  for (const [collection, collectionSchema] of Object.entries(schemas)) {
    if (documentFields(collectionSchema) === copied) return { collection, nested: true };
  }
  return null;
}

/**
 * Wraps a storage so that the personal fields of the given collections are encrypted at rest.
 * `schemas` names those collections' schemas (any version) to recognize their meta copies.
 */
export function wrapPersonalDataStorage<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  cipher: PersonalDataCipher,
  schemas: Readonly<Record<string, SchemaShape>>,
): RxStorage<Internals, Options> {
  return {
    ...storage,
    name: `personal-data-${storage.name}`,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      const instance = await storage.createStorageInstance(params);
      const target = protectedCollection(
        params as RxStorageInstanceCreationParams<unknown, unknown>,
        schemas,
      );
      if (!target) return instance;
      const { collection, nested } = target;
      const transform = async (doc: AnyDoc, seal: boolean): Promise<AnyDoc> => {
        const run = (inner: AnyDoc) =>
          seal ? cipher.seal(collection, inner) : cipher.open(collection, inner);
        if (!nested) return run(doc);
        const copy = doc.docData as AnyDoc | undefined;
        return copy ? { ...doc, docData: await run(copy) } : doc;
      };
      // Each sealed document this wrapper wrote, to its clear original: the storage reports a write by
      // handing back the very object it was given, which then needs no decrypting.
      const clearOf = new WeakMap<AnyDoc, AnyDoc>();
      const toStorage = async (doc: AnyDoc): Promise<AnyDoc> => {
        const sealed = await transform(doc, true);
        if (sealed !== doc) clearOf.set(sealed, doc);
        return sealed;
      };
      const fromStorage = (doc: AnyDoc): Promise<AnyDoc> => {
        const clear = clearOf.get(doc);
        return clear ? Promise.resolve(clear) : transform(doc, false);
      };
      return wrapRxStorageInstance(
        params.schema,
        instance,
        (doc) => toStorage(doc as AnyDoc) as Promise<RxDocumentData<RxDocType>>,
        (doc) => fromStorage(doc as AnyDoc) as Promise<RxDocumentData<RxDocType>>,
      );
    },
  };
}
