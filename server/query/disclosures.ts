/** Queries of the platform's 双公示 licences and penalties of one county, newest decision first. */
import type { DisclosureKind } from '../../shared/disclosures/model.ts';
import { countyList } from './documents.ts';

export interface DisclosureFilter {
  county: string;
  kind?: DisclosureKind;
  subjectId?: string;
  /** Decision dates, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

const list = countyList<DisclosureFilter>(
  'disclosures',
  { field: 'decisionDate', descending: true },
  ({ from, to, ...equals }) => ({
    equals: equals as Record<string, string>,
    between: { field: 'decisionDate', ...(from ? { from } : {}), ...(to ? { to } : {}) },
  }),
);

export const pageDisclosures = list.page;
export const countDisclosures = list.count;
