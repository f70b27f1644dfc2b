/**
 * Fault injection: two clients sync through a seeded proxy that drops requests, drops responses after
 * the platform committed, duplicates and reorders requests, while the platform is restarted in the
 * middle of a push. Over a thousand edits later nothing is lost and nothing is written twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/demo/subjects.ts';
import { type FaultProxy, startFaultProxy } from './faultProxy.ts';
import { openClient, startTestPlatform, type TestClient, type TestPlatform } from './harness.ts';
import {
  accountForEdits,
  conflictsByClient,
  duplicatedWrites,
  type EditableField,
  editableFields,
  editSubject,
  editValue,
  type FieldEdit,
  healAndConverge,
  platformDocuments,
  subjectInputs,
} from './workload.ts';

const seed = 4_242;
const editCount = 1_050;

let platform: TestPlatform;
let proxy: FaultProxy;
const clients: TestClient[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  proxy = await startFaultProxy(() => platform.platform.url, seed, {
    dropRequest: 0.1,
    dropResponse: 0.1,
    duplicate: 0.1,
    maxDelayMs: 40,
  });
  for (let i = 0; i < 2; i++) {
    const client = await openClient();
    proxy.enabled = false;
    const enrolled = await client.sync.enroll(proxy.url, await platform.enrollmentCode());
    proxy.enabled = true;
    if (!enrolled.ok) throw new Error(`enrollment failed: ${JSON.stringify(enrolled)}`);
    clients.push(client);
  }
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await proxy?.close();
  await platform?.stop();
});

describe('sync through a faulty network', () => {
  it(`loses and duplicates nothing over ${editCount} edits and a platform restart`, async () => {
    const random = seededRandom(seed);
    const inputs = subjectInputs(seed, 400);
    const edits: FieldEdit[] = [];
    const createdIds = new Set<string>();
    let restarted = false;
    let restarting: Promise<void> = Promise.resolve();
    proxy.onPush = (count) => {
      if (count === 25 && !restarted) {
        restarted = true;
        restarting = platform.restart();
      }
    };

    for (let step = 0; step < editCount; step++) {
      const index = Math.floor(random() * clients.length);
      const client = clients[index]!;
      const ids = [...createdIds];
      if (ids.length < 20 || random() < 0.25) {
        createdIds.add((await client.subjects.create(inputs[createdIds.size]!)).id);
      } else {
        const docId = ids[Math.floor(random() * Math.min(ids.length, random() < 0.5 ? 15 : ids.length))]!;
        const field: EditableField = editableFields[Math.floor(random() * editableFields.length)]!;
        // A document created on the other client may not have arrived yet: then this edit is skipped.
        if (!(await editSubject(client, docId, field, editValue(field, index, step), edits))) step--;
      }
      if (step % 8 === 0) await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await restarting;
    expect(restarted).toBe(true);

    proxy.enabled = false;
    const final = await healAndConverge(clients, () => platform.platform, 120_000);
    const conflicts = await conflictsByClient(clients);
    const report = accountForEdits(edits, final, conflicts);
    const missing = [...createdIds].filter((id) => !final.has(id));
    const duplicates = await duplicatedWrites(platform.platform);
    const codes = [...(await platformDocuments(platform.platform)).values()].map(
      (json) => (JSON.parse(json) as { code: string }).code,
    );
    const conflictCount = [...conflicts.values()].reduce((sum, list) => sum + list.length, 0);
    console.log(
      `fault injection seed ${seed}: ${createdIds.size + edits.length} edits (${createdIds.size} creations, ` +
        `${edits.length} field edits), ${final.size} documents, ${conflictCount} conflicts, ` +
        `${report.lost.length + missing.length} lost, ${duplicates} duplicated; proxy ${JSON.stringify(proxy.stats)}`,
    );
    expect(createdIds.size + edits.length).toBeGreaterThanOrEqual(1_000);
    expect(proxy.stats.droppedRequests).toBeGreaterThan(0);
    expect(proxy.stats.droppedResponses).toBeGreaterThan(0);
    expect(proxy.stats.duplicated).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(report.lost).toEqual([]);
    expect(duplicates).toBe(0);
    expect(final.size).toBe(createdIds.size);
    expect(new Set(codes).size).toBe(codes.length);
  }, 240_000);
});
