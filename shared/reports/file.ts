/**
 * What a credit report or a credit check reads about one subject: its file as this office holds it,
 * one field per capability.
 */
import type { CaseDocument } from '../cases/model.ts';
import type { CommitmentDocument } from '../commitments/model.ts';
import type { GradeResult } from '../grading/grade.ts';
import type { InspectionDocument } from '../inspections/document.ts';
import type { CityBlackListEntry } from '../lists/cityBlackList.ts';
import type { ListingDocument } from '../lists/listing.ts';
import type { CatalogItem, LocalizedText } from '../creditRecords/catalog.ts';
import type { CreditRecordDocument } from '../creditRecords/model.ts';
import type { DisclosureDocument } from '../disclosures/model.ts';
import type { SubjectDocument } from '../subjects/model.ts';

export interface SubjectCreditFile {
  subject: SubjectDocument;
  creditRecords: readonly CreditRecordDocument[];
  /** 双公示 licences and penalties of the subject. */
  disclosures: readonly DisclosureDocument[];
  catalog: readonly CatalogItem[];
  /** Commitment letters the subject signed. */
  commitments: readonly CommitmentDocument[];
  /** The subject's red/black list entries and published grades decided in this county. */
  listings: readonly ListingDocument[];
  /** Entries of the city-wide serious-dishonesty list matching the subject, from any county. */
  cityListEntries: readonly CityBlackListEntry[];
  /** The grade today under the model in force, with the names to print; null while ungraded. */
  grade: FileGrade | null;
  inspections: readonly InspectionDocument[];
  /** Credit repair applications and objections. */
  cases: readonly CaseDocument[];
}

export interface FileGrade {
  result: GradeResult;
  gradeName: LocalizedText;
  modelName: LocalizedText;
}

/** Inclusive dates, YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

export function inPeriod(date: string, period: Period): boolean {
  return date !== '' && period.from <= date && date <= period.to;
}

/** One labelled value as printed. */
export interface Fact {
  label: string;
  value: string;
}

/** One item of a section: a decision, a record, a list entry. */
export interface ReportEntry {
  title: string;
  facts: Fact[];
}

export interface SectionScope {
  period: Period;
  /** The public variant: only what the public may see on `today`. */
  publicOnly: boolean;
  today: string;
}

/** Label/value pairs as printed; empty values are left out. */
export function facts(pairs: readonly [string, string][]): Fact[] {
  return pairs.filter(([, value]) => value !== '').map(([label, value]) => ({ label, value }));
}

/** One item shown in a credit check (a record, a decision, a list entry); its text is the file's own. */
export interface CheckItem {
  id: string;
  title: string;
  date: string;
  detail: string;
  /** Title and detail in English, where they are the system's own words (grade and list names). */
  en?: { title: string; detail: string };
}

/** Newest first by a date, then by id, so the order never depends on storage. */
export function newestFirst<T extends { id: string }>(date: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => date(b).localeCompare(date(a)) || a.id.localeCompare(b.id);
}

/** Credit categories as printed. */
export const creditCategoryNames: Readonly<Record<string, string>> = {
  basic: '基础信息',
  enhancing: '增信信息',
  generalDishonest: '一般失信信息',
  seriousDishonest: '严重失信信息',
  riskWarning: '风险提示信息',
};
