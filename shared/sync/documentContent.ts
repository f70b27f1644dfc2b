/**
 * What a document "is" for replication: its fields plus `_deleted`, without the local RxDB metadata a
 * client may send along. Two states are the same when their canonical JSON is equal, so key order and
 * metadata never cause a false conflict.
 */

import { canonicalJson } from '../base/security/canonicalJson.ts';

/** Local bookkeeping of RxDB that never reaches the platform's master state. */
export const localMetadataFields = ['_meta', '_rev', '_attachments'] as const;

/** The replicated content of a document state: every field except local metadata; `_deleted` defaults to false. */
export function documentContent(state: Record<string, unknown>): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (!(localMetadataFields as readonly string[]).includes(key)) content[key] = value;
  }
  content._deleted = state._deleted === true;
  return content;
}

export function sameDocumentContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return canonicalJson(documentContent(a)) === canonicalJson(documentContent(b));
}
