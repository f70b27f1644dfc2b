/** Queries of the platform's credit records (信用记录) of one county, last changed first. */
import type { CreditRecordStatus } from '../../shared/creditRecords/model.ts';
import { countyList } from './documents.ts';

export interface CreditRecordFilter {
  county: string;
  subjectId?: string;
  category?: string;
  status?: CreditRecordStatus;
}

const list = countyList<CreditRecordFilter>('creditRecords', { field: 'updatedAt', descending: true });

export const pageCreditRecords = list.page;
export const countCreditRecords = list.count;
