/**
 * What a credit report or a credit check reads about one subject: its file as this office holds it.
 * Capabilities that are not on this device yet (commitments, inspections, grades, lists, repair cases)
 * add their documents here when they land; until then their sections say honestly that nothing is held.
 */
import type { CatalogItem } from '../model/catalog.ts';
import type { CreditRecordDocument } from '../model/creditRecord.ts';
import type { DisclosureDocument } from '../model/disclosure.ts';
import type { SubjectDocument } from '../model/subject.ts';

export interface SubjectCreditFile {
  subject: SubjectDocument;
  creditRecords: readonly CreditRecordDocument[];
  /** 双公示 licences and penalties of the subject. */
  disclosures: readonly DisclosureDocument[];
  catalog: readonly CatalogItem[];
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
