// Credit-record lists at scale (part of `npm run bench`): records are written straight into the
// collection's storage (see `seedRecords`), then first pages are timed against the load-every-match path
// the list used before, in the same run.
import { seededRandom } from '../../shared/demo/subjects.ts';
import { defaultCreditCategories } from '../../shared/creditRecords/catalog.ts';
import {
  type CreditRecordDocument,
  type CreditRecordStatus,
  creditRecordStatuses,
} from '../../shared/creditRecords/model.ts';
import type { CreditRecordCollection } from '../../renderer/kernel/db/database.ts';
import type { CreditRecordQuery, CreditRecordRepository } from '../../renderer/creditRecords/repository.ts';
import { RecordTextIndex } from '../../renderer/creditRecords/textIndex.ts';
import type { LocalStore } from '../../renderer/kernel/db/localStore.ts';
import { dexieTableOf } from '../../renderer/kernel/db/indexedPages.ts';

const chunk = 20_000;
const titles = [
  '未按规定办理竣工验收备案',
  '拖欠农民工工资',
  '违法分包',
  '未取得施工许可擅自施工',
  '资质证书',
];

/** Record `n` of a bench data set, spread over the subjects, categories and statuses. */
export function benchRecord(
  n: number,
  subjectIds: readonly string[],
  random: () => number,
): CreditRecordDocument {
  const stamp = new Date(base + Math.floor(random() * 6 * 365 * 86_400_000)).toISOString();
  const decision = stamp.slice(0, 10);
  return {
    id: `0190${n.toString(16).padStart(8, '0')}-0000-7000-8000-000000000000`,
    county: '410823',
    createdAt: stamp,
    updatedAt: stamp,
    createdBy: 'bench',
    updatedBy: 'bench',
    subjectId: subjectIds[Math.floor(random() * subjectIds.length)]!,
    catalogCode: 'JZ-YB-01',
    category: defaultCreditCategories[n % defaultCreditCategories.length]!.code,
    title: `${titles[n % titles.length]} ${n}`,
    facts: '工程竣工后未在规定期限内办理竣工验收备案。',
    documentNumber: `武建罚字〔${decision.slice(0, 4)}〕第${n}号`,
    decisionDate: decision,
    authority: '武陟县住房和城乡建设局',
    legalBasis: '《建设工程质量管理条例》第四十九条',
    disclosure: 'public',
    publicityStart: decision,
    publicityEnd: '',
    source: 'entered',
    sourceId: '',
    attachments: [],
    status: creditRecordStatuses[Math.floor(n / 5) % creditRecordStatuses.length] as CreditRecordStatus,
    workflow: [],
  };
}

const base = Date.UTC(2020, 0, 1);

/** Writes `count` records through RxDB, spread over the subjects, categories and statuses; returns the time taken. */
export async function generateRecords(
  collection: CreditRecordCollection,
  subjectIds: readonly string[],
  count: number,
): Promise<number> {
  const random = seededRandom(99);
  const start = performance.now();
  for (let from = 0; from < count; from += chunk) {
    const docs: CreditRecordDocument[] = [];
    for (let n = from; n < Math.min(count, from + chunk); n++) docs.push(benchRecord(n, subjectIds, random));
    const written = await collection.bulkInsert(docs);
    if (written.error.length > 0) throw new Error(`writing records failed: ${written.error[0]!.status}`);
  }
  return performance.now() - start;
}

/**
 * Writes `count` records spread over the subjects, categories and statuses; returns the time taken.
 * Bench only: the records are written as RxDB stores them (its revision and change stamps added) straight
 * into the collection's IndexedDB table, in large batches, without RxDB's write path or the writer, so a
 * million records fit the run. The lists read what sync or an import would have written; nothing in the
 * open profile hears of these writes, so the kept totals are counted afterwards as after any unseen change.
 */
export async function seedRecords(
  collection: CreditRecordCollection,
  subjectIds: readonly string[],
  count: number,
): Promise<number> {
  const random = seededRandom(99);
  const table = await dexieTableOf(collection);
  const revision = `1-${collection.database.token}`;
  const start = performance.now();
  const lwt = Date.now();
  for (let from = 0; from < count; from += chunk) {
    const docs: Record<string, unknown>[] = [];
    for (let n = from; n < Math.min(count, from + chunk); n++) {
      // RxDB keeps `_deleted` as '0' / '1' in IndexedDB and orders changes by `_meta.lwt`.
      const stored = { _deleted: '0', _rev: revision, _meta: { lwt: lwt + n / 100 }, _attachments: {} };
      docs.push({ ...benchRecord(n, subjectIds, random), ...stored });
    }
    await table.bulkAdd(docs);
  }
  return performance.now() - start;
}

/** How long `work` takes, in ms. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Above this many records the word searches are not measured: before its index is built a search reads
 * every record (28 s at 100,000 here), and building the index from the database took minutes at 100,000.
 */
export const wordsMeasuredUpTo = 200_000;

/** First page (50) of each list the credit screens show, cold, the next page, and the old path on one. */
export async function measureCreditLists(
  records: CreditRecordRepository,
  collection: CreditRecordCollection,
  subjectId: string,
  local: LocalStore,
  recordCount: number,
): Promise<Record<string, number>> {
  const words = recordCount <= wordsMeasuredUpTo;
  const lists: Record<string, CreditRecordQuery> = {
    recordsAll: {},
    recordsByStatus: { status: 'submitted' },
    recordsByCategory: { category: 'generalDishonest' },
    recordsByCategoryAndStatus: { category: 'generalDishonest', status: 'approved' },
    recordsOfSubject: { subjectId },
    ...(words ? { recordsByWords: { text: '拖欠农民工' } } : {}),
  };
  const result: Record<string, number> = { wordsMeasuredUpTo };
  // What `list` did before: every match read through RxDB and sorted, then one page cut out. Timed
  // first, cold like the new path's first pages (a repeated RxDB query answers from its cache).
  const query = { category: 'generalDishonest', status: 'approved' as const };
  result.baselineByCategoryAndStatusMs = await timed(async () => {
    const found = await collection.find({ selector: query, sort: [{ updatedAt: 'desc' }] }).exec();
    return found.slice(0, 50).map((doc) => doc.toJSON());
  });
  for (const [name, query] of Object.entries(lists)) {
    result[`${name}Ms`] = await timed(() => records.list({ ...query, limit: 50 }));
    // Words are matched by reading every record: one page of them is measured, not two.
    if (!query.text)
      result[`${name}NextMs`] = await timed(() => records.list({ ...query, offset: 50, limit: 50 }));
  }
  result.baselineMatches = (await records.list({ ...query, limit: 0 })).total;
  if (!words) return result;
  // The word index, built after the first screen in the app: its time, its memory, then a search by it.
  const heap = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
  };
  const heapBefore = heap();
  result.wordIndexBuildMs = await timed(() => records.words.build());
  const heapAfter = heap();
  if (heapBefore !== undefined && heapAfter !== undefined)
    result.wordIndexHeapMb = (heapAfter - heapBefore) / 2 ** 20;
  result.recordsByWordsIndexedMs = await timed(() => records.list({ ...lists.recordsByWords!, limit: 50 }));
  // The next session's index: from the copy stored in the local store, and the records written since.
  await records.words.flush();
  const restored = new RecordTextIndex(collection, local);
  result.wordIndexFromStoredMs = await timed(() => restored.build());
  if (!restored.ready) throw new Error('the word index was not restored');
  return result;
}
