// Subject registry benchmark, run in real Chromium by `npm run bench`: our repository against raw Dexie.
import { Dexie } from 'dexie';
import { generateDemoSubjects, seededRandom } from '../../shared/demo/subjects.ts';
import { CreditRecordRepository } from '../../renderer/creditRecords/repository.ts';
import { ReferenceRepository } from '../../renderer/reference/repository.ts';
import { SubjectIndex, summarize } from '../../renderer/subjects/subjectIndex.ts';
import { readStoredIndex } from '../../renderer/subjects/subjectIndexStore.ts';
import { SubjectRepository } from '../../renderer/subjects/repository.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { CommitmentRepository } from '../../renderer/commitments/repository.ts';
import { generateCommitments, measureCommitmentLists } from './commitmentLists.ts';
import { measureCreditLists, seedRecords } from './creditLists.ts';
import { measureStages } from './stages.ts';
import { measureSyncStates } from './syncStates.ts';
import { getChangedDocumentsSince } from 'rxdb';
import { getDexieStoreSchema } from 'rxdb/plugins/storage-dexie';
import { type ChangeCheckpoint, eachChangeSince } from '../../renderer/kernel/db/changesSince.ts';
import { dexieTableOf, indexedPage } from '../../renderer/kernel/db/indexedPages.ts';
import {
  memorySecretStore,
  openTestProfile,
  testSession,
} from '../../renderer/kernel/security/testSupport.ts';

const parameters = new URLSearchParams(location.search);
const count = Number(parameters.get('count') ?? 100_000);
/** Credit records written beside the subjects for the list measurements. */
const recordCount = Number(parameters.get('records') ?? 100_000);
/** With `stages=1` each stage of the insert is also timed on its own (bench/browser/stages.ts). */
const withStages = parameters.get('stages') === '1';
/** Commitment letters for the commitments list measurements. */
const letterCount = Number(parameters.get('letters') ?? 20_000);
/** With `insertOnly=1` only the insert (and with `stages=1` its stages) is measured. */
const insertOnly = parameters.get('insertOnly') === '1';
/** A profile as the app opens it: encrypted personal fields, audited writes, a clerk signed in. */
const secretStores = new Map<string, ReturnType<typeof memorySecretStore>>();

async function openRepository(name: string): Promise<{
  repository: SubjectRepository;
  profile: Awaited<ReturnType<typeof openTestProfile>>;
  close(): Promise<void>;
}> {
  if (!secretStores.has(name)) secretStores.set(name, memorySecretStore());
  const profile = await openTestProfile(name, {
    secrets: secretStores.get(name),
    now: { value: new Date() },
  });
  profile.actAs(testSession(['clerk']));
  const repository = await SubjectRepository.open(profile.db.subjects, profile.local, profile.context);
  return { repository, profile, close: () => profile.close() };
}

/** The credit-record repository as the app opens it (its kept totals restored on first use). */
async function creditRepository(profile: Awaited<ReturnType<typeof openTestProfile>>) {
  const reference = await ReferenceRepository.open(profile.db.reference);
  return new CreditRecordRepository(profile.db.creditRecords, profile.local, reference, profile.context, {
    attachments: undefined as never,
    journal: undefined as never,
  });
}

/** The commitments repository, for its list: reading needs only the collection, the clock and the calendar. */
async function commitmentRepository(profile: Awaited<ReturnType<typeof openTestProfile>>) {
  const reference = await ReferenceRepository.open(profile.db.reference);
  return new CommitmentRepository(profile.db.commitments, profile.local, profile.context, {
    reference,
    subjects: undefined as never,
    records: undefined as never,
    journal: undefined as never,
    attachments: undefined as never,
    office: { county: '410823', officeName: '武陟县住房和城乡建设局' },
    provisions: undefined as never,
  });
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

/**
 * The paths before, in the same run on the reopened profile: the two searches counting their whole
 * range (as before the cap), and the stored index's catch-up through RxDB's changes-since query
 * against the change-order walk, both from the stored copy's checkpoint.
 */
async function measureBeforePaths(
  profile: Awaited<ReturnType<typeof openTestProfile>>,
  checkpoint: ChangeCheckpoint,
  beginnings: string[],
): Promise<Record<string, number>> {
  const subjects = profile.db.subjects;
  const [, uncappedSearchMs] = await timed(() =>
    Promise.all(
      beginnings.map((text) => {
        const byCode = /^[0-9A-Za-z]+$/.test(text);
        const index = [byCode ? 'code' : 'name'];
        return indexedPage(subjects, { index, from: text, to: `${text}\uffff`, limit: 50 });
      }),
    ),
  );
  let caughtUp = 0;
  const [, catchUpMs] = await timed(() =>
    eachChangeSince(subjects, checkpoint, 5000, (_live, changes) => {
      caughtUp += changes.length;
    }),
  );
  const [, rxdbCatchUpMs] = await timed(async () => {
    let after: ChangeCheckpoint = checkpoint;
    for (;;) {
      const { documents, checkpoint: next } = await getChangedDocumentsSince(
        subjects.storageInstance,
        5000,
        after,
      );
      if (documents.length < 5000) return;
      after = next as ChangeCheckpoint;
    }
  });
  return { uncappedSearchMs, catchUpMs, caughtUp, rxdbCatchUpMs };
}

/** Runs both write paths once on a small batch, so neither measured run pays for cold code. */
async function warmUp(): Promise<void> {
  const inputs = generateDemoSubjects({ seed: 1, count: 2000, division: '410824' });
  const { repository, profile, close } = await openRepository('bench-warm-up');
  const { created } = await repository.createMany(inputs);
  const raw = new Dexie('bench-warm-up-raw');
  raw.version(1).stores({ subjects: 'id, code, updatedAt' });
  await raw.table('subjects').bulkPut(created);
  raw.close();
  await rawBulkPutAsStored(profile.db.subjects, 'bench-warm-up-raw-stored');
  await close();
}

/**
 * The fair baseline: the documents as RxDB stored them (its stamps, personal fields encrypted) read
 * back from its table, then timed in a raw Dexie `bulkPut` into a table with the indexes RxDB's Dexie
 * storage builds for the collection's schema (RxDB's own `getDexieStoreSchema`, so they cannot drift).
 */
async function rawBulkPutAsStored(
  collection: Awaited<ReturnType<typeof openTestProfile>>['db']['subjects'],
  name: string,
): Promise<number> {
  const stored = await (await dexieTableOf(collection)).toArray();
  const raw = new Dexie(name);
  raw.version(1).stores({ subjects: getDexieStoreSchema(collection.schema.jsonSchema) });
  const [, ms] = await timed(() => raw.table('subjects').bulkPut(stored));
  raw.close();
  return ms;
}

/** Insert docs/s through the repository and the two raw baselines, in the same run. */
function insertFigures(repositoryMs: number, rawMs: number, rawSameIndexesMs: number) {
  return {
    count,
    repositoryInsertMs: repositoryMs,
    rawBulkPutMs: rawMs,
    rawSameIndexesBulkPutMs: rawSameIndexesMs,
    repositoryDocsPerSecond: count / (repositoryMs / 1000),
    rawDocsPerSecond: count / (rawMs / 1000),
    rawSameIndexesDocsPerSecond: count / (rawSameIndexesMs / 1000),
  };
}

async function run(): Promise<Record<string, number>> {
  await warmUp();
  const inputs = generateDemoSubjects({ seed: 42, count, division: '410823' });

  const { repository, profile, close } = await openRepository('bench-repository');
  const [created, repositoryMs] = await timed(() => repository.createMany(inputs));
  if (created.created.length !== count) throw new Error(`created ${created.created.length} of ${count}`);

  const raw = new Dexie('bench-raw');
  raw.version(1).stores({ subjects: 'id, code, updatedAt' });
  const [, rawMs] = await timed(() => raw.table('subjects').bulkPut(created.created));
  raw.close();
  const rawSameIndexesMs = await rawBulkPutAsStored(profile.db.subjects, 'bench-raw-same-indexes');
  const insert = insertFigures(repositoryMs, rawMs, rawSameIndexesMs);
  if (insertOnly) {
    await close();
    return { ...insert, insertOnly: 1, ...(withStages ? await measureStages(inputs, created.created) : {}) };
  }

  const random = seededRandom(7);
  const names = inputs.map((s) => Array.from(s.name));
  const nameQueries = Array.from({ length: 200 }, () => {
    const chars = names[Math.floor(random() * names.length)]!;
    const at = Math.floor(random() * (chars.length - 2));
    return chars.slice(at, at + 2).join('');
  });
  const codeQueries = Array.from({ length: 200 }, () => {
    const code = inputs[Math.floor(random() * inputs.length)]!.code;
    return code.slice(0, 8 + Math.floor(random() * 6));
  });
  const searchTimes = async (queries: string[]) => {
    const samples: number[] = [];
    for (const text of queries) samples.push((await timed(() => repository.list({ text, limit: 50 })))[1]);
    return samples;
  };
  const nameSamples = await searchTimes(nameQueries);
  const codeSamples = await searchTimes(codeQueries);

  // The index is stored a little after the last change: wait for that copy before closing.
  const stored = async () =>
    (await readStoredIndex(profile.local, profile.personalData))?.snapshot.summaries.length;
  while ((await stored()) !== count) await new Promise((resolve) => setTimeout(resolve, 1000));
  const subjectIds = created.created.map((subject) => subject.id);
  console.info(`subjects inserted and searched; seeding ${recordCount} credit records`);
  // As in the app, the credit totals are kept while records arrive and stored for the next session.
  const generateRecordsMs = await seedRecords(profile.db.creditRecords, subjectIds, recordCount);
  // The records were written unheard (see `seedRecords`): their totals are counted once through the
  // indexes, as the app does after changes it did not see, and stored for the next session.
  console.info(`credit records seeded in ${Math.round(generateRecordsMs / 1000)} s; counting their totals`);
  const writing = await creditRepository(profile);
  const [, countRecordsMs] = await timed(() => writing.loadCounts());
  await Promise.all([writing.tally.flush(), writing.inForce.flush()]);
  await repository.counts.flush();
  const reopenedCheckpoint = (await readStoredIndex(profile.local, profile.personalData))!.checkpoint;
  await close();

  // Reopening: the profile, the repository and the first page of the subject list, as the app's first
  // screen needs them, and a search by name beginning and by code beginning answered (from the
  // database's indexes: the search index is not loaded yet); then until search covers every subject.
  const reopenStart = performance.now();
  const reopened = await openRepository('bench-repository');
  let indexLoaded = false;
  const reopenOpenMs = performance.now() - reopenStart;
  // The list waits for the kept totals (restored from the last session); timed apart to show their part.
  await reopened.repository.counts.load();
  const reopenTallyMs = performance.now() - reopenStart;
  const firstPage = await reopened.repository.list({ limit: 50 });
  const reopenFirstPageMs = performance.now() - reopenStart;
  const probe = firstPage.items[0]!;
  // Broad beginnings: a place name many subjects start with, and the division code every enterprise has.
  const nameBeginning = probe.name.slice(0, 3);
  const codeBeginning = inputs.find((s) => s.kind === 'enterprise')!.code.slice(0, 8);
  let reopenFirstSearchMs = 0;
  const answered = <T>(page: Promise<T>) =>
    page.then((value) => {
      reopenFirstSearchMs ||= performance.now() - reopenStart;
      return value;
    });
  const [byName, byCode] = await Promise.all([
    answered(reopened.repository.list({ text: nameBeginning, limit: 50 })),
    answered(reopened.repository.list({ text: codeBeginning, limit: 50 })),
  ]);
  const reopenInteractiveMs = performance.now() - reopenStart;
  void reopened.repository.indexed.then(() => {
    indexLoaded = true;
  });
  await Promise.resolve();
  if (indexLoaded || byName.total === 0 || byCode.total === 0)
    throw new Error('the reopened list was not measured before its search index loaded');
  await reopened.repository.indexed;
  const reopenIndexedMs = performance.now() - reopenStart;
  const before = await measureBeforePaths(reopened.profile, reopenedCheckpoint, [
    nameBeginning,
    codeBeginning,
  ]);
  const [, firstPageMs] = await timed(() => reopened.repository.list({ limit: 50 }));
  const [, firstNamePageMs] = await timed(() => reopened.repository.list({ sort: 'name', limit: 50 }));
  const [, nextNamePageMs] = await timed(() =>
    reopened.repository.list({ sort: 'name', offset: 50, limit: 50 }),
  );
  // Filtered first pages: one kind, in change order and in name order, and one status.
  const [, firstKindPageMs] = await timed(() =>
    reopened.repository.list({ kind: 'practitioner', limit: 50 }),
  );
  const [, firstKindNamePageMs] = await timed(() =>
    reopened.repository.list({ kind: 'practitioner', sort: 'name', limit: 50 }),
  );
  const [, firstStatusPageMs] = await timed(() =>
    reopened.repository.list({ status: 'suspended', limit: 50 }),
  );

  // The same run, the path before: read and decrypt every subject into a new index, sort by name once.
  const baseline = new SubjectIndex();
  const [, baselineLoadMs] = await timed(async () => {
    const all = await reopened.profile.db.subjects.find().exec();
    baseline.load(all.map((doc) => summarize(doc.toJSON() as SubjectDocument)));
  });
  const [, baselineNamePageMs] = await timed(async () => baseline.query({ sort: 'name', limit: 50 }));

  console.info('subject lists measured; measuring the sync states and the credit-record lists');
  const syncStates = await measureSyncStates(
    reopened.profile,
    firstPage.items.map((subject) => subject.id),
  );
  const records = await creditRepository(reopened.profile);
  const creditLists = await measureCreditLists(
    records,
    reopened.profile.db.creditRecords,
    subjectIds[0]!,
    reopened.profile.local,
    recordCount,
  );
  const generateLettersMs = await generateCommitments(reopened.profile.db.commitments, letterCount);
  const commitmentLists = await measureCommitmentLists(await commitmentRepository(reopened.profile));
  await reopened.close();

  return {
    ...insert,
    nameSearchP50: percentile(nameSamples, 50),
    nameSearchP95: percentile(nameSamples, 95),
    codeSearchP50: percentile(codeSamples, 50),
    codeSearchP95: percentile(codeSamples, 95),
    records: recordCount,
    generateRecordsMs,
    countRecordsMs,
    reopenInteractiveMs,
    reopenFirstSearchMs,
    matchesByName: byName.total,
    matchesByNameMore: byName.more ? 1 : 0,
    matchesByCode: byCode.total,
    matchesByCodeMore: byCode.more ? 1 : 0,
    ...before,
    reopenFirstPageMs,
    reopenTallyMs,
    reopenIndexedMs,
    reopenOpenMs,
    baselineLoadAllMs: baselineLoadMs,
    firstPageMs,
    firstNameSortedPageMs: firstNamePageMs,
    nextNameSortedPageMs: nextNamePageMs,
    firstKindPageMs,
    firstKindNamePageMs,
    firstStatusPageMs,
    baselineNameSortedPageMs: baselineNamePageMs,
    ...creditLists,
    ...syncStates,
    letters: letterCount,
    generateLettersMs,
    ...commitmentLists,
    ...(withStages ? await measureStages(inputs, created.created) : {}),
  };
}

run()
  .then((result) => {
    (window as unknown as { benchResult: unknown }).benchResult = result;
    document.getElementById('out')!.textContent = JSON.stringify(result, null, 2);
  })
  .catch((error: unknown) => {
    (window as unknown as { benchError: string }).benchError = String(error);
  });
