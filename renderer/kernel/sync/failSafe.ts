/**
 * The fail-safe against mass deletion: a pull or push batch that would delete more than a share of a
 * collection is held until a person says to continue.
 */

export interface DeletionLimit {
  /** Share of the collection's live documents a batch may delete without asking (0–1). */
  share: number;
  /** Fewer deletions than this never ask, however small the collection. */
  minimum: number;
}

export const defaultDeletionLimit: DeletionLimit = { share: 0.1, minimum: 20 };

/** Whether deleting `deletions` of `collectionSize` live documents needs a person's approval. */
export function exceedsDeletionLimit(
  deletions: number,
  collectionSize: number,
  limit: DeletionLimit = defaultDeletionLimit,
): boolean {
  return deletions >= limit.minimum && deletions > limit.share * collectionSize;
}
