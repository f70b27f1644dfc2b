import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { openStatuses } from '../../shared/commitments/types.ts';
import type { CommitmentCollection } from '../kernel/db/database.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import { WordIndex, type WordQuery } from '../kernel/db/wordIndex.ts';
import type { SubjectRepository } from '../subjects/repository.ts';

/**
 * The commitments' word index (renderer/kernel/db/wordIndex.ts) over letter numbers and the names of
 * enterprise parties, which it also keeps as written (`name`), for the name order. A person's name never
 * enters it (its entries are stored in the clear): letters of persons are found by the name through the
 * subjects' own index (`personsNamed`), that is by the name the register holds now, where reading every
 * letter matched the name printed on it.
 */
type CommitmentWordField = 'subjectId' | 'type' | 'status' | 'result' | 'name';

export type CommitmentWordIndex = WordIndex<CommitmentDocument, CommitmentWordField>;

export function commitmentWordIndex(
  collection: CommitmentCollection,
  local: LocalStore,
  storeDelayMs?: number,
): CommitmentWordIndex {
  return new WordIndex(
    collection,
    local,
    {
      key: 'commitmentWords',
      format: 2,
      name: 'commitment',
      words: (c) => (isPerson(c) ? c.number : `${c.number}\n${c.subjectName}`),
      fields: ['subjectId', 'type', 'status', 'result', 'name'],
      fieldsOf: (c) => ({
        subjectId: c.subjectId,
        type: c.type,
        status: c.status,
        result: c.outcome.result,
        name: isPerson(c) ? '' : c.subjectName,
      }),
    },
    storeDelayMs,
  );
}

function isPerson(c: CommitmentDocument): boolean {
  return c.subjectKind === 'practitioner';
}

/** The list's filters the word index answers besides the words. */
export interface CommitmentWordFilters {
  subjectId?: string;
  type?: string;
  status?: string;
  open?: boolean;
  decided?: boolean;
}

/** The word index's query for the list's words and filters; `persons`: persons the words name. */
export function commitmentWordQuery(
  text: string,
  persons: ReadonlySet<string>,
  query: CommitmentWordFilters,
): WordQuery<CommitmentWordField> {
  return {
    text,
    alsoWhere: { field: 'subjectId', values: persons },
    keep: (entry) =>
      (!query.subjectId || entry.subjectId === query.subjectId) &&
      (!query.type || entry.type === query.type) &&
      (!query.status || entry.status === query.status) &&
      (!query.open || (openStatuses as readonly string[]).includes(entry.status)) &&
      (!query.decided || (entry.result !== '' && entry.status !== 'breachProposed')),
  };
}

/**
 * The persons whose name holds the words, through the subjects' index (names only, as the list's search
 * matches party names, not codes); null while that index is loading.
 */
export function personsNamed(subjects: SubjectRepository, text: string): ReadonlySet<string> | null {
  if (!subjects.indexLoaded) return null;
  const words = text.trim().toLowerCase();
  const { ids } = subjects.index.query({ text: words, kind: 'practitioner', limit: Number.MAX_SAFE_INTEGER });
  return new Set(ids.filter((id) => subjects.index.get(id)?.name.toLowerCase().includes(words)));
}
