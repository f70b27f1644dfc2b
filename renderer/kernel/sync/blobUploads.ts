import { capabilities } from '../../../shared/capabilities.ts';
import type { PushRow } from '../../../shared/sync/protocol.ts';

/** Attachment bytes kept on this computer that the platform may not hold yet (see AttachmentStore). */
export interface BlobUploads {
  /** Of these digests, the ones stored here and not yet uploaded. */
  pendingAmong(sha256s: readonly string[]): Promise<string[]>;
  bytes(sha256: string): Promise<Uint8Array>;
  markUploaded(sha256: string): Promise<void>;
}

/**
 * Uploads every pending blob the pushed documents refer to, so the platform accepts them (it refuses a
 * document referring to a blob the county has not uploaded). Throws when an upload fails: the push waits.
 */
export async function uploadReferencedBlobs(
  blobs: BlobUploads,
  put: (sha256: string, data: Uint8Array) => Promise<unknown>,
  collection: string,
  rows: readonly PushRow[],
): Promise<number> {
  const referenced = rows.flatMap((row) =>
    row.newDocumentState._deleted
      ? []
      : capabilities.blobReferences(collection, row.newDocumentState).map((found) => found.sha256),
  );
  if (referenced.length === 0) return 0;
  const pending = await blobs.pendingAmong(referenced);
  for (const sha256 of pending) {
    await put(sha256, await blobs.bytes(sha256));
    await blobs.markUploaded(sha256);
  }
  return pending.length;
}
