/**
 * Publicity periods (公示期) of credit information.
 *
 * Defaults, all configuration:
 * - NDRC Order No. 36 (2025) 《信用修复管理办法》, in force 2026-04-01: dishonest information from minor
 *   penalties is normally not published (at most 3 months); general dishonest information stays public
 *   3 months to 1 year; serious dishonest information 1 to 3 years.
 * - 建市〔2017〕241号 for the construction market: bad information 6 months to 3 years, good information
 *   3 years, basic information as long as it is valid.
 * A catalog item's own rule is narrowed by the bounds of its category and of every sector it belongs to.
 *
 * Periods run in calendar months from the publicity start; the end date is the last day the information
 * is public (start 2026-01-31 + 1 month ends 2026-02-28).
 */
import type { Industry } from '../subjects/model.ts';
import { issue, type ValidationIssue } from '../base/validation.ts';
import { isRealDate } from '../base/identifiers.ts';
import { addMonths } from '../base/calendar/dates.ts';

/**
 * How long information stays public, in calendar months from the publicity start. With `whileValid`
 * (basic information) it stays public as long as it is valid and the month fields hold 0.
 */
export interface PublicityRule {
  whileValid: boolean;
  minMonths: number;
  maxMonths: number;
  defaultMonths: number;
}

/** What of a catalog item decides its records' publicity. */
export interface PublicityRuled {
  category: string;
  industries: readonly Industry[];
  publicity: PublicityRule;
}

export interface MonthBounds {
  minMonths: number;
  maxMonths: number;
}

export interface SectorPublicityRule {
  id: string;
  /** Catalog items for any of these industries follow the sector's bounds. */
  industries: readonly Industry[];
  /** Bounds per category code. */
  categories: Readonly<Record<string, MonthBounds>>;
}

export interface PublicityConfig {
  /** Bounds per category code; `whileValid` for categories public as long as the information is valid. */
  categories: Readonly<Record<string, MonthBounds | 'whileValid'>>;
  sectors: readonly SectorPublicityRule[];
  /** Minor penalties (轻微): not published by default; when published, at most this long. */
  minorPenalty: { published: boolean; maxMonths: number };
}

export const defaultPublicityConfig: PublicityConfig = {
  categories: {
    basic: 'whileValid',
    generalDishonest: { minMonths: 3, maxMonths: 12 },
    seriousDishonest: { minMonths: 12, maxMonths: 36 },
  },
  sectors: [
    {
      id: 'constructionMarket',
      industries: ['construction'],
      categories: {
        generalDishonest: { minMonths: 6, maxMonths: 36 },
        seriousDishonest: { minMonths: 6, maxMonths: 36 },
        enhancing: { minMonths: 36, maxMonths: 36 },
      },
    },
  ],
  minorPenalty: { published: false, maxMonths: 3 },
};

export const whileValidRule: PublicityRule = {
  whileValid: true,
  minMonths: 0,
  maxMonths: 0,
  defaultMonths: 0,
};

export interface EffectiveRule {
  /** The item's rule narrowed by category and sector bounds; the default is clamped into the bounds. */
  rule: PublicityRule;
  /** True when the bounds leave no valid period (minimum above maximum). */
  conflict: boolean;
}

/** The publicity rule that governs records of a catalog item. */
export function effectivePublicityRule(
  item: PublicityRuled,
  config: PublicityConfig = defaultPublicityConfig,
): EffectiveRule {
  const categoryBounds = config.categories[item.category];
  const whileValid =
    categoryBounds === undefined ? item.publicity.whileValid : categoryBounds === 'whileValid';
  if (whileValid) return { rule: whileValidRule, conflict: false };

  const bounds: MonthBounds[] = [item.publicity];
  if (categoryBounds !== undefined && categoryBounds !== 'whileValid') bounds.push(categoryBounds);
  for (const sector of config.sectors) {
    const sectorBounds = sector.categories[item.category];
    if (sectorBounds && item.industries.some((industry) => sector.industries.includes(industry))) {
      bounds.push(sectorBounds);
    }
  }
  const minMonths = Math.max(...bounds.map((b) => b.minMonths));
  const maxMonths = Math.min(...bounds.map((b) => b.maxMonths));
  const defaultMonths = Math.min(Math.max(item.publicity.defaultMonths, minMonths), maxMonths);
  return {
    rule: { whileValid: false, minMonths, maxMonths, defaultMonths },
    conflict: minMonths > maxMonths,
  };
}

/** The default end of the publicity period, '' for information public while valid. */
export function defaultPublicityEnd(start: string, rule: PublicityRule): string {
  return rule.whileValid ? '' : addMonths(start, rule.defaultMonths);
}

/** The first day a record may be repaired: the minimum publicity period has passed. */
export function earliestRepairDate(start: string, rule: PublicityRule): string {
  return rule.whileValid ? start : addMonths(start, rule.minMonths);
}

/**
 * Checks a publicity period against a rule. Issues name `publicityStart` or `publicityEnd`:
 * `publicity.endBeforeStart`, `publicity.tooShort` {min}, `publicity.tooLong` {max} (months).
 * An empty end is allowed only for information public while valid.
 */
export function checkPublicityPeriod(start: string, end: string, rule: PublicityRule): ValidationIssue[] {
  if (start === '') return [issue('publicityStart', 'required')];
  if (!isRealDate(start)) return [issue('publicityStart', 'dateFormat')];
  if (end === '') return rule.whileValid ? [] : [issue('publicityEnd', 'required')];
  if (!isRealDate(end)) return [issue('publicityEnd', 'dateFormat')];
  if (end < start) return [issue('publicityEnd', 'publicity.endBeforeStart')];
  if (rule.whileValid) return [];
  if (end < addMonths(start, rule.minMonths))
    return [issue('publicityEnd', 'publicity.tooShort', { min: rule.minMonths })];
  if (end > addMonths(start, rule.maxMonths))
    return [issue('publicityEnd', 'publicity.tooLong', { max: rule.maxMonths })];
  return [];
}
