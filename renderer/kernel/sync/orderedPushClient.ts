import type { CollectionName } from '../../../shared/base/collections.ts';
import type { PushResponse, PushRow } from '../../../shared/sync/protocol.ts';
import { uploadedBefore } from '../../../shared/sync/pushOrder.ts';
import { type BlobUploads, uploadReferencedBlobs } from './blobUploads.ts';
import { type FetchFunction, PlatformClient } from './platformClient.ts';

/** How long a push waits for the changes it must follow to be uploaded, before it goes anyway. */
const followLimitMs = 30_000;

/** What a push waits on: this device's pending changes. */
export interface PendingUploads {
  /** Changes of a collection not yet uploaded (none of a collection this device does not sync). */
  pending(collection: CollectionName): number;
  /** Settles once the collection's pending changes are all counted (they are counted after opening). */
  counted(collection: CollectionName): Promise<void>;
  /** True once sync has closed: nothing waits any more. */
  closed(): boolean;
}

/**
 * Pushes in the order the platform needs: after the device's pending changes the batch must follow (the
 * users, whom the platform knows authors from, and what it is judged against: shared/sync/pushOrder.ts),
 * and after the attachment blobs the batch refers to.
 */
export class OrderedPushClient extends PlatformClient {
  readonly #uploads: PendingUploads;
  readonly #blobs: BlobUploads | undefined;

  constructor(
    baseUrl: string,
    token: string,
    fetchImpl: FetchFunction | undefined,
    uploads: PendingUploads,
    blobs: BlobUploads | undefined,
  ) {
    super(baseUrl, token, fetchImpl);
    this.#uploads = uploads;
    this.#blobs = blobs;
  }

  override async push(
    collection: CollectionName,
    rows: PushRow[],
    signal?: AbortSignal,
  ): Promise<PushResponse> {
    await this.#followed(collection);
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

  /** Waits (up to a limit, then goes anyway) until the pending changes a push must follow are uploaded. */
  async #followed(collection: CollectionName): Promise<void> {
    const uploads = this.#uploads;
    const first = uploadedBefore(collection);
    const deadline = Date.now() + followLimitMs;
    let waited: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(first.map((name) => uploads.counted(name))),
      new Promise((resolve) => {
        waited = setTimeout(resolve, followLimitMs);
      }),
    ]);
    clearTimeout(waited);
    while (first.some((name) => uploads.pending(name) > 0) && Date.now() < deadline && !uploads.closed()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
