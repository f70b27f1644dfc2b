import { sha256Hex } from '../../shared/base/security/blobCrypto.ts';
import type { ChangeCheckpoint } from '../kernel/db/changesSince.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import type { PersonalDataCipher } from '../kernel/security/personalData.ts';
import type { SubjectIndexSnapshot } from './subjectIndex.ts';

/**
 * The subject index kept between sessions in the profile's local store, so reopening a profile does not
 * read and decrypt every subject. It holds ID numbers in clear, so it is sealed under the device's data
 * key like attachments. A checkpoint of the subjects collection says which changes it already holds.
 */

/** The newest change the stored index holds, in RxDB's change order. */
export type IndexCheckpoint = ChangeCheckpoint;

const cacheKey = 'subjectIndex';
/** Bumped whenever the snapshot's shape changes; an index of another format is built again. */
const format = 1;

interface StoredIndex {
  format: number;
  checkpoint: IndexCheckpoint;
  digest: string;
  sealed: Uint8Array;
}

/** The stored index and its checkpoint; null when there is none usable (then it is built from the database). */
export async function readStoredIndex(
  local: LocalStore,
  cipher: PersonalDataCipher,
): Promise<{ snapshot: SubjectIndexSnapshot; checkpoint: IndexCheckpoint } | null> {
  const stored = (await local.caches.get(cacheKey))?.value as StoredIndex | undefined;
  if (stored?.format !== format) return null;
  try {
    const bytes = await cipher.openBytes(stored.sealed, stored.digest);
    return { snapshot: JSON.parse(new TextDecoder().decode(bytes)), checkpoint: stored.checkpoint };
  } catch {
    // Sealed under another data key (a profile restored over this one) or damaged: built again instead.
    return null;
  }
}

export async function storeIndex(
  local: LocalStore,
  cipher: PersonalDataCipher,
  snapshot: SubjectIndexSnapshot,
  checkpoint: IndexCheckpoint,
): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(snapshot));
  const digest = await sha256Hex(bytes);
  const stored: StoredIndex = { format, checkpoint, digest, sealed: await cipher.sealBytes(bytes, digest) };
  await local.caches.put({ key: cacheKey, value: stored });
}
