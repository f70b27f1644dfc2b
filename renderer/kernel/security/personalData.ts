import type { CollectionName } from '../../../shared/base/collections.ts';
import { openBlob, sealBlob } from '../../../shared/base/security/blobCrypto.ts';
import {
  decryptField,
  encryptField,
  type FieldKeys,
  isEncrypted,
} from '../../../shared/base/security/fieldCrypto.ts';
import {
  maskPersonalValue,
  personalFields,
  personalFieldsOf,
} from '../../../shared/base/security/masking.ts';
import type { HistoryEntry, LocalStore } from '../db/localStore.ts';

/** Gives the working keys, or throws `KeysLockedError` while the data key is not unlocked. */
export type FieldKeySource = () => FieldKeys;

export class KeysLockedError extends Error {
  constructor() {
    super('The data key of this device is locked: sign in first');
    this.name = 'KeysLockedError';
  }
}

type Fields = Record<string, unknown>;

function idOf(doc: object): string {
  return String((doc as Fields).id);
}

export function holdsPersonalData(collection: string): collection is CollectionName {
  return (personalFields[collection as CollectionName]?.length ?? 0) > 0;
}

/**
 * Encrypts and decrypts the personal fields of documents (shared/base/security/masking.ts lists them) with
 * AES-GCM bound to collection, field and document id. Used by the storage wrapper below RxDB and by
 * anything else that keeps documents on disk (edit history, sync conflicts).
 */
export class PersonalDataCipher {
  readonly #keys: FieldKeySource;

  constructor(keys: FieldKeySource) {
    this.#keys = keys;
  }

  /**
   * A copy with every non-empty personal value encrypted (values already encrypted stay as they are).
   * `documentId` defaults to the document's `id`.
   */
  async seal<T extends object>(collection: string, doc: T, documentId = idOf(doc)): Promise<T> {
    if (!holdsPersonalData(collection)) return doc;
    const fields = doc as Fields;
    const sealed: Fields = { ...fields };
    for (const { field } of personalFieldsOf(collection, fields)) {
      const value = fields[field];
      if (typeof value !== 'string' || value === '' || isEncrypted(value)) continue;
      sealed[field] = await encryptField(this.#keys().encryptionKey, value, {
        collection,
        field,
        documentId,
      });
    }
    return sealed as T;
  }

  /** A copy with every encrypted personal value decrypted; throws FieldCryptoError on tampering. */
  async open<T extends object>(collection: string, doc: T, documentId = idOf(doc)): Promise<T> {
    if (!holdsPersonalData(collection)) return doc;
    const fields = doc as Fields;
    let opened: Fields | null = null;
    for (const { field } of personalFields[collection] ?? []) {
      const value = fields[field];
      if (!isEncrypted(value)) continue;
      opened ??= { ...fields };
      opened[field] = await decryptField(this.#keys().encryptionKey, value, {
        collection,
        field,
        documentId,
      });
    }
    return (opened ?? doc) as T;
  }

  /** Attachment bytes encrypted for this computer's disk, bound to their digest. */
  sealBytes(data: Uint8Array, digest: string): Promise<Uint8Array> {
    return sealBlob(this.#keys().encryptionKey, data, digest);
  }

  /** Bytes sealed by `sealBytes` under `digest`; throws FieldCryptoError when they do not match. */
  openBytes(sealed: Uint8Array, digest: string): Promise<Uint8Array> {
    return openBlob(this.#keys().encryptionKey, sealed, digest);
  }
}

/** A copy with the personal values masked (138****5678): for audit entries, exports and lists. */
export function maskPersonalData<T extends object>(collection: CollectionName, doc: T): T {
  const values = doc as Fields;
  const fields = personalFieldsOf(collection, values);
  if (fields.length === 0) return doc;
  const masked: Fields = { ...values };
  for (const { field, kind } of fields) {
    const value = values[field];
    if (typeof value === 'string') masked[field] = maskPersonalValue(kind, value);
  }
  return masked as T;
}

/** The last history entry `sealLocalHistory` has looked at: every later entry was written sealed. */
export const historySealedThroughSetting = 'historySealedThrough';

/**
 * Encrypts personal values still in clear in the local edit history (kept before encryption at rest
 * existed). Every entry written since is sealed as it is written (the writer, a restore), so it reads
 * only the entries after the last it looked at: the whole history once per profile, not at every
 * sign-in. Idempotent: encrypted values are left as they are. Returns how many entries changed.
 */
export async function sealLocalHistory(local: LocalStore, cipher: PersonalDataCipher): Promise<number> {
  const through = (await local.getSetting<number>(historySealedThroughSetting)) ?? 0;
  const changed: HistoryEntry[] = [];
  let last = through;
  for (const entry of await local.history.where('seq').above(through).toArray()) {
    last = Math.max(last, entry.seq ?? 0);
    if (!holdsPersonalData(entry.collection)) continue;
    const snapshot = await cipher.seal(entry.collection, entry.snapshot, entry.docId);
    if (JSON.stringify(snapshot) !== JSON.stringify(entry.snapshot)) changed.push({ ...entry, snapshot });
  }
  await local.history.bulkPut(changed);
  if (last > through) await local.setSetting(historySealedThroughSetting, last);
  return changed.length;
}
