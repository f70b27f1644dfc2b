import type { RxCollection } from 'rxdb';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import { WordIndex, type WordQuery } from '../kernel/db/wordIndex.ts';

/**
 * The credit records' word index (renderer/kernel/db/wordIndex.ts) over titles and document numbers:
 * neither is personal data. Records of a subject are found by its name through the subjects' own index
 * (`textSubjects`), which keeps names apart from this one.
 */
export interface TextSearch {
  text: string;
  /** Records of these subjects match too (subjects the words name). */
  textSubjects?: readonly string[];
  subjectId?: string;
  category?: string;
  status?: string;
}

type RecordField = 'subjectId' | 'category' | 'status';

export class RecordTextIndex extends WordIndex<CreditRecordDocument, RecordField> {
  constructor(collection: RxCollection<CreditRecordDocument>, local: LocalStore, storeDelayMs?: number) {
    super(
      collection,
      local,
      {
        key: 'creditRecordWords',
        format: 1,
        name: 'credit-record',
        words: (record) => `${record.title}\n${record.documentNumber}`,
        fields: ['subjectId', 'category', 'status'],
        fieldsOf: ({ subjectId, category, status }) => ({ subjectId, category, status }),
      },
      storeDelayMs,
    );
  }
}

/** The word index's query for a search of the credit-record list. */
export function recordWordQuery(query: TextSearch): WordQuery<RecordField> {
  return {
    text: query.text,
    alsoWhere: { field: 'subjectId', values: new Set(query.textSubjects ?? []) },
    keep: (entry) =>
      (!query.subjectId || entry.subjectId === query.subjectId) &&
      (!query.category || entry.category === query.category) &&
      (!query.status || entry.status === query.status),
  };
}
