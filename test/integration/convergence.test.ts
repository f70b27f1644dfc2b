/**
 * Convergence: three clients and the real platform. Seeded random edits (new subjects, edits of the same
 * documents and fields) while clients go offline at random; after healing, every client holds exactly
 * the platform's documents, and every local value overwritten by a concurrent one is in `conflicts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/demo/subjects.ts';
import { openClient, startTestPlatform, type TestClient, type TestPlatform } from './harness.ts';
import {
  accountForEdits,
  conflictsByClient,
  type EditableField,
  editableFields,
  editSubject,
  editValue,
  type FieldEdit,
  healAndConverge,
  subjectInputs,
} from './workload.ts';

let platform: TestPlatform;
const clients: TestClient[] = [];
/** Subjects created by every test of this file, so the final count can be checked. */
let createdInFile = 0;

beforeAll(async () => {
  platform = await startTestPlatform();
  for (let i = 0; i < 3; i++) clients.push(await openClient());
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await platform?.stop();
});

async function pickDocument(client: TestClient, random: () => number, hot: string[]): Promise<string | null> {
  if (hot.length > 0 && random() < 0.6) return hot[Math.floor(random() * hot.length)]!;
  const docs = await client.db.subjects.find().exec();
  if (docs.length === 0) return null;
  return docs[Math.floor(random() * docs.length)]!.primary;
}

describe('three clients and the platform', () => {
  it.each([20261125, 7])(
    'converge after random offline edits (seed %i)',
    async (seed) => {
      const random = seededRandom(seed);
      const inputs = subjectInputs(seed, 200);
      const edits: FieldEdit[] = [];
      let created = 0;
      for (const client of clients) {
        if (!client.sync.status.enrollment) {
          await client.sync.enroll(platform.platform.url, await platform.enrollmentCode());
        }
      }
      // A shared starting point, so that clients edit the same documents.
      const seeded = [];
      for (let i = 0; i < 12; i++) {
        seeded.push((await clients[0]!.subjects.create(inputs[created++]!)).id);
        createdInFile++;
      }
      await healAndConverge(clients, () => platform.platform);
      const hot = seeded.slice(0, 5);

      const rounds = 240;
      for (let round = 0; round < rounds; round++) {
        const index = Math.floor(random() * clients.length);
        const client = clients[index]!;
        const roll = random();
        if (roll < 0.08) {
          if (client.sync.status.state === 'paused') await client.sync.resume();
          else await client.sync.pause();
        } else if (roll < 0.2 && created < inputs.length) {
          await client.subjects.create(inputs[created++]!);
          createdInFile++;
        } else {
          const docId = await pickDocument(client, random, hot);
          const field: EditableField = editableFields[Math.floor(random() * editableFields.length)]!;
          if (docId) await editSubject(client, docId, field, editValue(field, index, round), edits);
        }
        if (random() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 30)));
      }

      const final = await healAndConverge(clients, () => platform.platform);
      const conflicts = await conflictsByClient(clients);
      const report = accountForEdits(edits, final, conflicts);
      const conflictCount = [...conflicts.values()].reduce((sum, list) => sum + list.length, 0);
      console.log(
        `convergence seed ${seed}: ${edits.length} field edits, ${created} subjects created, ` +
          `${final.size} documents, ${report.lostWriteCandidates.length} lost-write candidates, ` +
          `${conflictCount} conflicts recorded`,
      );
      expect(report.lost).toEqual([]);
      expect(final.size).toBe(createdInFile);
      for (const client of clients) {
        expect(await client.sync.store.refusals()).toEqual([]);
        expect(client.sync.records.pendingCount('subjects')).toBe(0);
      }
    },
    180_000,
  );
});
