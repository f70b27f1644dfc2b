import type { CollectionName } from '../../../shared/base/collections.ts';
import type { PushResponse, PushRow } from '../../../shared/sync/protocol.ts';
import { type BlobUploads, uploadReferencedBlobs } from './blobUploads.ts';
import { type FetchFunction, PlatformClient } from './platformClient.ts';

/**
 * Pushes in the order the platform needs: the device's pending user changes first (the platform knows
 * authors from them), and the attachment blobs a batch refers to before the batch.
 */
export class OrderedPushClient extends PlatformClient {
  readonly #usersUploaded: () => Promise<void>;
  readonly #blobs: BlobUploads | undefined;

  constructor(
    baseUrl: string,
    token: string,
    fetchImpl: FetchFunction | undefined,
    usersUploaded: () => Promise<void>,
    blobs: BlobUploads | undefined,
  ) {
    super(baseUrl, token, fetchImpl);
    this.#usersUploaded = usersUploaded;
    this.#blobs = blobs;
  }

  override async push(
    collection: CollectionName,
    rows: PushRow[],
    signal?: AbortSignal,
  ): Promise<PushResponse> {
    if (collection !== 'users') await this.#usersUploaded();
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
