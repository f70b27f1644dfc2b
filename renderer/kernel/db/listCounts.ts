/**
 * How far a list page counts its matches before the list says "more than": an index range alone is
 * counted by its keys, a filter the indexes do not answer by reading stored documents. Chromium counts an
 * index range entry by entry (a second for 20,000 documents on a busy machine), so no list counts to the
 * end of a long range.
 */
export const countedKeys = 500;
export const countedMatches = 100;

/** The caps a paged query counts up to (lower ones in tests). */
export interface CountCaps {
  keys: number;
  matches: number;
}

export const defaultCountCaps: CountCaps = { keys: countedKeys, matches: countedMatches };
