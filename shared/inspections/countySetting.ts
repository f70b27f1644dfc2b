/**
 * The county's inspection settings (kind `setting` of the inspections collection): today the working days
 * within which a closed inspection's result is published (一公开). A county rule, not a computer's: it syncs
 * with the county's documents, an administrator changes it through a recorded write, and the device's
 * late count and the platform's use the same value. Should two computers create it offline, the most
 * recently changed one counts.
 */
import { issue, type ValidationIssue } from '../base/validation.ts';

/** The usual 双随机 rule: 20 working days after closing (publicity.ts). */
export const defaultPublicityDays = 20;
export const publicityDayLimits = { min: 1, max: 60 } as const;

/** A configured deadline is a whole number of working days within the limits (`inspection.publicity.days`). */
export function checkPublicityDays(days: number): ValidationIssue[] {
  const { min, max } = publicityDayLimits;
  return Number.isInteger(days) && days >= min && days <= max
    ? []
    : [issue('publicityDays', 'inspection.publicity.days', { min, max })];
}

export const settingState = 'inForce' as const;

export interface CountySetting {
  /** Working days after closing within which an inspection's result is due for publication. */
  publicityDays: number;
}

/** The JSON shape of the setting (field `setting` of the collection's schema). */
export const countySettingJsonSchema = {
  type: 'object',
  properties: {
    publicityDays: { type: 'integer', minimum: publicityDayLimits.min, maximum: publicityDayLimits.max },
  },
  required: ['publicityDays'],
  additionalProperties: false,
} as const;

/** Issue codes: `inspection.publicity.days` (field `setting.publicityDays`). */
export function validateCountySetting(setting: CountySetting): ValidationIssue[] {
  return checkPublicityDays(setting.publicityDays).map((found) => ({
    ...found,
    field: 'setting.publicityDays',
  }));
}

interface SettingLike {
  kind: string;
  updatedAt: string;
  setting?: CountySetting;
}

/** The setting in force among the collection's documents: the last changed, or null while none is set. */
export function countySettingOf(docs: readonly SettingLike[]): CountySetting | null {
  let found: SettingLike | null = null;
  for (const doc of docs) {
    if (doc.kind !== 'setting' || !doc.setting) continue;
    if (!found || doc.updatedAt > found.updatedAt) found = doc;
  }
  return found?.setting ?? null;
}

/** The publication deadline in working days the county set, or the default. */
export function publicityDaysOf(docs: readonly SettingLike[]): number {
  return countySettingOf(docs)?.publicityDays ?? defaultPublicityDays;
}
