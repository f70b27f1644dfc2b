/**
 * RxDB's conflict handler for synced collections: when the platform answers a push with its newer
 * master state, the local change is merged into it field by field (three-way, against the state the
 * change was made on). Local values that cannot be kept are saved as a conflict for the user; nothing
 * is dropped silently. A merged document that breaks a rule is not written: the platform's state is
 * kept and the whole local change goes to the conflicts.
 */
import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import type { CollectionName } from '../../../shared/base/collections.ts';
import type { ValidationIssue } from '../../../shared/base/validation.ts';
import { documentContent } from '../../../shared/sync/documentContent.ts';
import { type DocumentState, mergeDocumentStates, sameContent } from './merge.ts';
import type { SyncStore } from './syncStore.ts';

export interface ConflictHandlerOptions {
  collection: CollectionName;
  mergeFields: readonly string[];
  store: SyncStore;
  /** Every rule the merged document breaks (the shared validator plus local uniqueness). */
  check(doc: DocumentState): Promise<ValidationIssue[]>;
  now(): string;
  /** Whether a pulled master state is older than one learned since it was pulled (see CollectionSync). */
  superseded?(masterState: DocumentState): boolean;
}

/**
 * The base of a merge. A refused state counts as pushed for RxDB, so it arrives as the assumed master
 * state; the refusal entry remembers the real base, and is used up by the merge.
 */
async function mergeBase(
  options: ConflictHandlerOptions,
  docId: string,
  assumed: DocumentState | undefined,
): Promise<DocumentState | null> {
  const refusal = await options.store.getRefusal(options.collection, docId);
  if (refusal && assumed && sameContent(refusal.localState, assumed)) {
    await options.store.deleteRefusals(options.collection, [docId]);
    return refusal.baseState;
  }
  return assumed ?? null;
}

export async function resolveConflict(
  options: ConflictHandlerOptions,
  input: RxConflictHandlerInput<DocumentState>,
): Promise<DocumentState> {
  const local = documentContent(input.newDocumentState);
  const platform = documentContent(input.realMasterState);
  const docId = String(platform.id);
  const base = await mergeBase(options, docId, input.assumedMasterState);
  const { merged, conflictFields, localFields } = mergeDocumentStates({
    base,
    local,
    platform,
    mergeFields: options.mergeFields,
  });
  const record = (fields: string[], reason: 'bothChanged' | 'invalidMerge', issues: ValidationIssue[]) =>
    options.store.addConflict({
      collection: options.collection,
      docId,
      localState: local,
      platformState: platform,
      baseState: base ? documentContent(base) : null,
      fields,
      reason,
      issues,
      detectedAt: options.now(),
    });
  if (!sameContent(merged, platform) && merged._deleted !== true) {
    const issues = await options.check(merged);
    if (issues.length > 0) {
      await record(localFields, 'invalidMerge', issues);
      return platform;
    }
  }
  if (conflictFields.length > 0) await record(conflictFields, 'bothChanged', []);
  return merged;
}

export function createConflictHandler(options: ConflictHandlerOptions): RxConflictHandler<DocumentState> {
  return {
    // RxDB's downstream compares each pulled state with the local one ('downstream-check-if-equal-1')
    // before writing it locally. A superseded state counts as equal, so it is not written: it would
    // turn this device's accepted change back into an older state, which the next edit then pushes.
    isEqual: (a, b, context) =>
      (context === 'downstream-check-if-equal-1' && options.superseded?.(a) === true) || sameContent(a, b),
    resolve: (input) => resolveConflict(options, input) as Promise<WithDeleted<DocumentState>>,
  };
}
