/**
 * A pulled page that is older than a push accepted meanwhile (the page was on its way, or waiting to be
 * written locally, while this device's change was accepted) must not turn the accepted change back:
 * the next edit would push the older values as if they were the user's, and the change would be lost
 * without a conflict (seen in the convergence test under load).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, openClient, startTestPlatform, type TestClient, type TestPlatform } from './harness.ts';
import { platformDocuments, subjectInputs } from './workload.ts';

let platform: TestPlatform;
const opened: TestClient[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
}, 60_000);

afterAll(async () => {
  for (const client of opened) await client.close().catch(() => {});
  await platform?.stop();
});

/** A fetch that can hold back the answer of the next pull that carries a given document. */
function holdingFetch() {
  let hold: { docId: string; held: () => void; release: Promise<void> } | null = null;
  return {
    fetch: (async (input, init) => {
      const response = await fetch(input, init);
      const path = new URL(String(input)).pathname;
      if (hold && path.endsWith('/pull') && response.ok) {
        const page = (await response.clone().json()) as { documents: { id: string }[] };
        const current = hold;
        if (page.documents.some((doc) => doc.id === current.docId)) {
          hold = null;
          current.held();
          await current.release;
        }
      }
      return response;
    }) as typeof fetch,
    /** Holds the next pull carrying `docId` until `release` resolves; resolves once one is held. */
    holdNextPullOf(docId: string, release: Promise<void>): Promise<void> {
      return new Promise((held) => {
        hold = { docId, held, release };
      });
    },
  };
}

async function enrolled(options: Parameters<typeof openClient>[0] = {}): Promise<TestClient> {
  const client = await openClient(options);
  opened.push(client);
  const outcome = await client.sync.enroll(platform.platform.url, await platform.enrollmentCode());
  if (!outcome.ok) throw new Error(`enrollment failed: ${JSON.stringify(outcome)}`);
  return client;
}

async function settle(client: TestClient): Promise<void> {
  client.sync.syncNow();
  await client.sync.awaitInSync();
}

async function platformValue(id: string, field: string): Promise<unknown> {
  const json = (await platformDocuments(platform.platform)).get(id);
  return json ? (JSON.parse(json) as Record<string, unknown>)[field] : undefined;
}

it('a pull older than a push accepted meanwhile does not undo the push, nor lose it later', async () => {
  const network = holdingFetch();
  const a = await enrolled({ fetch: network.fetch });
  const b = await enrolled();
  const subject = await a.subjects.create(subjectInputs(31, 1)[0]!);
  await settle(a);
  await settle(b);
  await a.sync.pause();
  await b.subjects.patch(subject.id, { name: 'name-b-1' });
  await settle(b);

  // A pulls b's change, but the page stays on its way while a's own change is pushed and accepted.
  let release!: () => void;
  const held = network.holdNextPullOf(
    subject.id,
    new Promise<void>((resolve) => {
      release = resolve;
    }),
  );
  await a.sync.resume();
  await held;
  await a.subjects.patch(subject.id, { address: 'address-a-1' });
  // Every address a's copy shows from now on (a later pull would mend an undone push unnoticed).
  const shown: string[] = [];
  const watch = a.db.subjects.$.subscribe((event) => {
    if (event.documentId === subject.id) shown.push(event.documentData.address);
  });
  await eventually(async () => (await platformValue(subject.id, 'address')) === 'address-a-1', 10_000);
  // Let the push's answer be recorded before the older page arrives.
  await new Promise((resolve) => setTimeout(resolve, 300));
  release();
  await a.sync.awaitInSync();
  watch.unsubscribe();
  expect(shown.filter((address) => address !== 'address-a-1')).toEqual([]);
  expect((await a.subjects.get(subject.id))?.address).toBe('address-a-1');

  // The next edit on a must not push the older address back.
  await a.subjects.patch(subject.id, { phone: '13912345678' });
  await settle(a);
  await settle(b);
  expect(await platformValue(subject.id, 'address')).toBe('address-a-1');
  expect(await platformValue(subject.id, 'name')).toBe('name-b-1');
  expect(await platformValue(subject.id, 'phone')).toBe('13912345678');
  expect((await a.subjects.get(subject.id))?.address).toBe('address-a-1');
  expect(await a.sync.store.allConflicts()).toEqual([]);
}, 60_000);
