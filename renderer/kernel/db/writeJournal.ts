/**
 * The write journal is the storage of the one writer (renderer/kernel/db/writer.ts); these names stay for the
 * repositories written against it: `WriteJournal.run(author, steps)` is `Writer.run`.
 */
export {
  authorOf,
  type CreateStep,
  creationOf,
  type JournalAuthor,
  type JournalCollection,
  type JournalDocument,
  type JournalStep,
  type UpdateStep,
  Writer as WriteJournal,
} from './writer.ts';
