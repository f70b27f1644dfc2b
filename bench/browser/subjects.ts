// Subject registry benchmark, run in real Chromium by `npm run bench`: our repository against raw Dexie.
import { Dexie } from 'dexie';
import { generateDemoSubjects, seededRandom } from '../../shared/demo/subjects.ts';
import { SubjectRepository } from '../../renderer/repositories/subjects.ts';
import { measureStages } from './stages.ts';
import { memorySecretStore, openTestProfile, testSession } from '../../renderer/security/testSupport.ts';

const parameters = new URLSearchParams(location.search);
const count = Number(parameters.get('count') ?? 100_000);
/** With `stages=1` each stage of the insert is also timed on its own (bench/browser/stages.ts). */
const withStages = parameters.get('stages') === '1';
/** A profile as the app opens it: encrypted personal fields, audited writes, a clerk signed in. */
const secretStores = new Map<string, ReturnType<typeof memorySecretStore>>();

async function openRepository(
  name: string,
): Promise<{ repository: SubjectRepository; close(): Promise<void> }> {
  if (!secretStores.has(name)) secretStores.set(name, memorySecretStore());
  const profile = await openTestProfile(name, {
    secrets: secretStores.get(name),
    now: { value: new Date() },
  });
  profile.actAs(testSession(['clerk']));
  const repository = await SubjectRepository.open(profile.db.subjects, profile.local, profile.context);
  return { repository, close: () => profile.close() };
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

/** Runs both write paths once on a small batch, so neither measured run pays for cold code. */
async function warmUp(): Promise<void> {
  const inputs = generateDemoSubjects({ seed: 1, count: 2000, division: '410824' });
  const { repository, close } = await openRepository('bench-warm-up');
  const { created } = await repository.createMany(inputs);
  const raw = new Dexie('bench-warm-up-raw');
  raw.version(1).stores({ subjects: 'id, code, updatedAt' });
  await raw.table('subjects').bulkPut(created);
  await close();
  raw.close();
}

async function run(): Promise<Record<string, number>> {
  await warmUp();
  const inputs = generateDemoSubjects({ seed: 42, count, division: '410823' });

  const { repository, close } = await openRepository('bench-repository');
  const [created, repositoryMs] = await timed(() => repository.createMany(inputs));
  if (created.created.length !== count) throw new Error(`created ${created.created.length} of ${count}`);

  const raw = new Dexie('bench-raw');
  raw.version(1).stores({ subjects: 'id, code, updatedAt' });
  const [, rawMs] = await timed(() => raw.table('subjects').bulkPut(created.created));

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

  await close();
  const [{ repository: reopened }, reopenMs] = await timed(() => openRepository('bench-repository'));
  const [, firstPageMs] = await timed(() => reopened.list({ limit: 50 }));
  const [, firstNamePageMs] = await timed(() => reopened.list({ sort: 'name', limit: 50 }));
  const [, nextNamePageMs] = await timed(() => reopened.list({ sort: 'name', offset: 50, limit: 50 }));

  return {
    count,
    repositoryInsertMs: repositoryMs,
    rawBulkPutMs: rawMs,
    repositoryDocsPerSecond: count / (repositoryMs / 1000),
    rawDocsPerSecond: count / (rawMs / 1000),
    nameSearchP50: percentile(nameSamples, 50),
    nameSearchP95: percentile(nameSamples, 95),
    codeSearchP50: percentile(codeSamples, 50),
    codeSearchP95: percentile(codeSamples, 95),
    reopenWithIndexMs: reopenMs,
    firstPageMs,
    firstNameSortedPageMs: firstNamePageMs,
    nextNameSortedPageMs: nextNamePageMs,
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
