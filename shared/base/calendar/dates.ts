/**
 * Calendar-date arithmetic on plain `YYYY-MM-DD` strings. Dates are civil dates with no time of day and no
 * time zone; the arithmetic runs on UTC day numbers so no local offset can shift a date.
 * Functions that compute a new date throw a RangeError for a malformed date: callers validate first.
 */
import { isRealDate } from '../identifiers.ts';

const msPerDay = 86_400_000;

function assertDate(date: string): void {
  if (!isRealDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
}

/** Days since 1970-01-01. */
export function toDayNumber(date: string): number {
  assertDate(date);
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / msPerDay
  );
}

export function fromDayNumber(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/**
 * The civil date in China (UTC+8, no daylight saving) of an instant: an office's "today" whatever time
 * zone its computer is set to, the same date the platform judges by.
 */
export function chinaDateOf(instant: string | Date): string {
  const at = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months; a day that does not exist in the target month clamps to its last day
 * (2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  assertDate(date);
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
