/** Queries of the platform's subjects (信用主体) of one county. */
import type { Industry, SubjectKind, SubjectStatus } from '../../shared/subjects/model.ts';
import type { Queryable } from '../db/database.ts';
import { countyList, type DocumentPage, liveHolders, type PageCursor } from './documents.ts';

export interface SubjectFilter {
  county: string;
  kind?: SubjectKind;
  industry?: Industry;
  status?: SubjectStatus;
}

const lastChanged = countyList<SubjectFilter>('subjects', { field: 'updatedAt', descending: true });
/** By name in the database's collation (the device sorts by pinyin). */
const byName = countyList<SubjectFilter>('subjects', { field: 'name', descending: false });

/** A page of live subjects, last changed first or by name. */
export function pageSubjects(
  db: Queryable,
  filter: SubjectFilter,
  page: { order?: 'updatedAt' | 'name'; after?: PageCursor | null; limit: number },
): Promise<DocumentPage> {
  return (page.order === 'name' ? byName : lastChanged).page(db, filter, page);
}

export const countSubjects = lastChanged.count;

/** The live subjects of the county holding these codes (USCC or ID number): code → id. */
export function subjectIdsByCode(
  db: Queryable,
  county: string,
  codes: readonly string[],
): Promise<Map<string, string>> {
  return liveHolders(db, { collection: 'subjects', feed: county, field: 'code', values: codes });
}
