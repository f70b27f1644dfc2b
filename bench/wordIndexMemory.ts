// Word index memory (not a test): `node --expose-gc bench/wordIndexMemory.ts` [BENCH_WORD_RECORDS=1000000].
// Feeds the credit records' word index (renderer/creditRecords/textIndex.ts) the records of the browser
// bench as the changes a collection announces, then reports the heap it holds and the time taken. The
// baseline, in the same run, is the same records' titles and numbers kept as plain strings (the least any
// word search without reading the database must hold).
import { Subject } from 'rxjs';
import type { RxChangeEvent, RxCollection } from 'rxdb';
import { seededRandom } from '../shared/demo/subjects.ts';
import type { CreditRecordDocument } from '../shared/creditRecords/model.ts';
import { RecordTextIndex } from '../renderer/creditRecords/textIndex.ts';
import type { LocalStore } from '../renderer/kernel/db/localStore.ts';
import { benchRecord } from './browser/creditLists.ts';

const count = Number(process.env.BENCH_WORD_RECORDS ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function heapMb(): number {
  gc!();
  // Typed arrays keep their contents outside the JS heap: counted too.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 2 ** 20;
}

const subjectIds = Array.from({ length: 100_000 }, (_, n) => `subject-${n}`);

const plainStart = heapMb();
const random = seededRandom(99);
const plain: string[] = [];
for (let n = 0; n < count; n++) {
  const record = benchRecord(n, subjectIds, random);
  plain.push(`${record.title}\n${record.documentNumber}`.toLowerCase());
}
const plainMb = heapMb() - plainStart;
plain.length = 0;

// The index follows a collection's change stream; this one announces the records and nothing else.
const changes = new Subject<RxChangeEvent<CreditRecordDocument>>();
const collection = { $: changes, closed: false } as unknown as RxCollection<CreditRecordDocument>;
const before = heapMb();
// Held until the end, as the app's repository holds it.
// Never built from the database here, so it never stores itself: no local store is needed.
const held = { index: new RecordTextIndex(collection, {} as LocalStore) };
(globalThis as { held?: unknown }).held = held;
const buildStart = performance.now();
const again = seededRandom(99);
for (let n = 0; n < count; n++) {
  const record = benchRecord(n, subjectIds, again);
  changes.next({ operation: 'INSERT', documentId: record.id, documentData: record } as never);
}
const buildMs = performance.now() - buildStart;
const indexMb = heapMb() - before;
console.log(`Credit-record word index, ${count} records (Node ${process.version}):`);
console.log(
  `  memory held by the index       ${indexMb.toFixed(0)} MB  (${((indexMb * 2 ** 20) / count).toFixed(0)} bytes a record)`,
);
console.log(
  `  the texts alone, same run     ${plainMb.toFixed(0)} MB  (ratio ${(indexMb / plainMb).toFixed(1)})`,
);
console.log(`  indexing time                 ${(buildMs / 1000).toFixed(1)} s`);
