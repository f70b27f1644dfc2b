/**
 * Three-way merge of a document's local state and the platform's, field by field, against the state
 * both started from (the assumed master state). Fields changed on one side only take that side's value;
 * fields changed on both sides to different values take the platform's value and are reported, so the
 * local value can be kept for the user to decide.
 */
import { documentContent } from '../../../shared/sync/documentContent.ts';

export type DocumentState = Record<string, unknown>;

/** Fields that record who changed a document when: never merged, never a conflict. */
export const stampFields: readonly string[] = ['updatedAt', 'updatedBy'];

export interface MergeInput {
  /** The master state the local change was made on; null or undefined when unknown (believed new). */
  base: DocumentState | null | undefined;
  local: DocumentState;
  platform: DocumentState;
  /** Fields merged one by one; every other field follows the side whose changes survive. */
  mergeFields: readonly string[];
}

export interface MergeResult {
  /** The merged content (fields and `_deleted`, without local metadata). */
  merged: DocumentState;
  /** Fields changed on both sides to different values: the platform's value was kept. */
  conflictFields: string[];
  /** Fields (and `_deleted`) the local side changed against the base. */
  localFields: string[];
}

/** Structural equality of JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => sameValue(left[key], right[key]));
}

const metadataFields = new Set(['_meta', '_rev', '_attachments']);

/** Whether two document states hold the same replicated content (local metadata ignored). */
export function sameContent(a: DocumentState, b: DocumentState): boolean {
  if ((a._deleted === true) !== (b._deleted === true)) return false;
  const keys = Object.keys(a).filter((key) => !metadataFields.has(key) && key !== '_deleted');
  const otherKeys = Object.keys(b).filter((key) => !metadataFields.has(key) && key !== '_deleted');
  if (keys.length !== otherKeys.length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
}

/** Fields whose values differ between two states, among the given ones. */
export function changedFields(from: DocumentState, to: DocumentState, fields: readonly string[]): string[] {
  return fields.filter((field) => !sameValue(from[field], to[field]));
}

export function mergeDocumentStates(input: MergeInput): MergeResult {
  const local = documentContent(input.local);
  const platform = documentContent(input.platform);
  const base = input.base ? documentContent(input.base) : null;
  const fields = [...input.mergeFields, '_deleted'];
  const localFields = base ? changedFields(base, local, fields) : changedFields(platform, local, fields);
  const platformFields = base
    ? changedFields(base, platform, fields)
    : changedFields(local, platform, fields);

  // Deleting a document the other side changed is a conflict on the whole document: the platform wins.
  const deletionDiffers = local._deleted !== platform._deleted;
  const deletedLocally = deletionDiffers && localFields.includes('_deleted');
  const deletedOnPlatform = deletionDiffers && platformFields.includes('_deleted');
  if (deletionDiffers && (deletedOnPlatform || platformFields.length > 0 || !base)) {
    const lost = deletedLocally || !base || localFields.some((field) => field !== '_deleted');
    return { merged: platform, conflictFields: lost ? ['_deleted'] : [], localFields };
  }

  const merged: DocumentState = { ...platform };
  const conflictFields: string[] = [];
  let localSurvives = false;
  for (const field of fields) {
    const localValue = local[field];
    const platformValue = platform[field];
    if (sameValue(localValue, platformValue)) continue;
    const changedLocally = localFields.includes(field);
    const changedOnPlatform = platformFields.includes(field);
    if (changedLocally && !changedOnPlatform) {
      setField(merged, field, localValue);
      localSurvives = true;
    } else if (changedLocally && changedOnPlatform) {
      conflictFields.push(field);
    }
  }
  if (localSurvives) {
    // The result is a new version: it carries the local edit's stamps, never an older time.
    for (const field of stampFields) setField(merged, field, local[field]);
    const localTime = local.updatedAt;
    const platformTime = platform.updatedAt;
    if (typeof localTime === 'string' && typeof platformTime === 'string' && platformTime > localTime) {
      merged.updatedAt = platformTime;
    }
  }
  return { merged, conflictFields, localFields };
}

function setField(target: DocumentState, field: string, value: unknown): void {
  if (value === undefined) delete target[field];
  else target[field] = value;
}
