import type { CollectionName } from '../../../shared/base/collections.ts';
import type { PushResponse, PushRow } from '../../../shared/sync/protocol.ts';
import { type BlobUploads, uploadReferencedBlobs } from './blobUploads.ts';
import { type FetchFunction, PlatformClient } from './platformClient.ts';

/**
 * Pushes in the order the platform needs: after the device's pending changes the batch must follow (the
 * users, whom the platform knows authors from, and what it is judged against: shared/sync/pushOrder.ts),
 * and after the attachment blobs the batch refers to.
 */
export class OrderedPushClient extends PlatformClient {
  readonly #uploadedBefore: (collection: CollectionName) => Promise<void>;
  readonly #blobs: BlobUploads | undefined;

  constructor(
    baseUrl: string,
    token: string,
    fetchImpl: FetchFunction | undefined,
    uploadedBefore: (collection: CollectionName) => Promise<void>,
    blobs: BlobUploads | undefined,
  ) {
    super(baseUrl, token, fetchImpl);
    this.#uploadedBefore = uploadedBefore;
    this.#blobs = blobs;
  }

  override async push(
    collection: CollectionName,
    rows: PushRow[],
    signal?: AbortSignal,
  ): Promise<PushResponse> {
    await this.#uploadedBefore(collection);
    if (this.#blobs) {
      await uploadReferencedBlobs(
        this.#blobs,
        (sha256, data) => this.putBlob(sha256, data, signal),
        collection,
        rows,
      );
    }
    return super.push(collection, rows, signal);
  }
}
