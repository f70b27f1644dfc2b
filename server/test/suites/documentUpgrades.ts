/**
 * Documents stored before a capability's derived fields existed (inspections before schema version 5,
 * pushed by version-4 devices) are upgraded once as platform writes: a new sequence in their feed, the
 * fields their content gives, and nothing written again on the next run.
 */
import { expect, test } from 'vitest';
import { collectionPlan } from '../../../shared/base/collections.ts';
import { canonicalJson } from '../../../shared/base/security/canonicalJson.ts';
import { capabilities } from '../../../shared/capabilities.ts';
import { indexFieldNames } from '../../../shared/inspections/document.ts';
import { indexFieldsOf } from '../../../shared/inspections/indexFields.ts';
import { closedWithOpenOrder, withoutIndexFields } from '../../../shared/inspections/testFixtures.ts';
import { documentContent } from '../../../shared/sync/documentContent.ts';
import { sha256Hex } from '../../auth/secrets.ts';
import { type Database, toNumber } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { pullDocuments, pushDocuments } from '../../sync/documentStore.ts';
import { upgradeAuthor, upgradeStoredDocuments } from '../../sync/documentUpgrades.ts';
import type { TestBackend } from '../harness.ts';
import { withFreshDatabase } from './feedMigration.ts';

const county = '410823';
const today = '2026-11-20';

/** A plan (a kind the index fields do not concern), as a version-4 device pushed it. */
function plan(n: number): Record<string, unknown> {
  const at = '2026-11-01T00:00:00.000Z';
  return {
    id: `019a0000-0000-7000-9000-${String(n).padStart(12, '0')}`,
    county,
    createdAt: at,
    updatedAt: at,
    createdBy: 'u-reviewer',
    updatedBy: 'u-reviewer',
    kind: 'plan',
    state: 'drawn',
    steps: [],
  };
}

/**
 * Stores inspections-collection documents of the county as the platform stored pushes before the
 * derived fields existed (no validator); returns the last sequence written.
 */
export async function storeAsVersion4(db: Database, documents: readonly object[]): Promise<number> {
  const outcome = await pushDocuments(
    db,
    { validate: () => [] },
    {
      collection: 'inspections',
      county,
      deviceId: null,
      rows: documents.map((doc) => ({ newDocumentState: { _deleted: false, ...doc } as never })),
      context: { today },
    },
  );
  expect(outcome.written).toBe(documents.length);
  return outcome.lastSequence!;
}

const pullAfter = (db: Database, sequence: number) =>
  pullDocuments(db, { collection: 'inspections', county, after: { sequence }, limit: 1_000, epoch: 1 });

export function defineDocumentUpgradeTests(backend: TestBackend): void {
  test('documents stored before their derived fields get them once, as platform writes devices pull', async () => {
    await withFreshDatabase(backend, async (db) => {
      await migrate(db);
      const old = withoutIndexFields(closedWithOpenOrder('2026-11-10T02:00:00.000Z', '2026-11-25'));
      const current = closedWithOpenOrder('2026-11-11T02:00:00.000Z', '2026-11-25');
      const removed = withoutIndexFields(closedWithOpenOrder('2026-11-12T02:00:00.000Z', '2026-11-25'));
      // More plans than one batch reads, so the upgrade continues past a batch boundary.
      const plans = Array.from({ length: 205 }, (_, n) => plan(n));
      const stored = await storeAsVersion4(db, [old, current, { ...removed, _deleted: true }, ...plans]);
      const version4Bodies = (await pullAfter(db, 0)).documents;
      expect(version4Bodies.find((doc) => doc.id === old.id)).not.toHaveProperty('openDeadline');

      expect(await upgradeStoredDocuments(db, capabilities)).toBe(1 + plans.length);

      // A device that had pulled everything before gets exactly the upgraded documents, in new sequences.
      const pulled = await pullAfter(db, stored);
      expect(pulled.documents.map((doc) => doc.id).sort()).toEqual(
        [old.id as string, ...plans.map((doc) => doc.id as string)].sort(),
      );
      expect(pulled.checkpoint).toEqual({ sequence: stored + 1 + plans.length, epoch: 1 });
      const upgraded = pulled.documents.find((doc) => doc.id === old.id)!;
      expect(upgraded).toEqual({ ...old, ...indexFieldsOf(old as never), _deleted: false });
      expect(upgraded).toMatchObject({ openDeadline: '2026-11-25', firstDeadline: '2026-11-25' });
      expect(upgraded).toMatchObject({ doneMonth: '2026-11', unpublishedSince: '2026-11-10' });
      const { _deleted: _, ...body } = upgraded;
      // The platform's validator no longer finds the derived fields missing or wrong (the fixture's
      // checklist, signature and conclusion are left empty, which it names apart).
      const validate = capabilities.get('inspections').validate;
      const fieldIssues = (doc: Record<string, unknown>) =>
        validate(doc, { today }).filter((found) =>
          (indexFieldNames as readonly string[]).includes(found.field),
        );
      expect(fieldIssues(withoutIndexFields(body))).toHaveLength(indexFieldNames.length);
      expect(fieldIssues(body)).toEqual([]);
      expect(fieldIssues({ ...body, openDeadline: '' })).toEqual([
        { field: 'openDeadline', code: 'inspection.indexField', params: expect.anything() },
      ]);
      for (const doc of pulled.documents.filter((doc) => doc.kind === 'plan')) {
        expect(doc).toMatchObject({
          openDeadline: '',
          firstDeadline: '',
          doneMonth: '',
          unpublishedSince: '',
        });
      }

      // The write log names the platform's upgrade, and the stored hash is the new content's.
      const { rows } = await db.query<{ user_id: string; device_id: string | null; content_hash: string }>(
        `SELECT w.user_id, w.device_id, w.content_hash FROM write_log w
         JOIN documents d ON d.collection = w.collection AND d.id = w.document_id AND d.sequence = w.sequence
         WHERE w.collection = 'inspections' AND w.document_id = $1`,
        [old.id],
      );
      expect(rows).toEqual([
        {
          user_id: upgradeAuthor,
          device_id: null,
          content_hash: sha256Hex(canonicalJson(documentContent(body))),
        },
      ]);

      // Done once for this schema version: the next start does not read the collection again.
      const { rows: done } = await db.query<{ schema_version: number; written: number }>(
        "SELECT schema_version, written FROM document_upgrades WHERE collection = 'inspections'",
      );
      expect(done).toEqual([
        { schema_version: collectionPlan.inspections.schemaVersion, written: 1 + plans.length },
      ]);
      expect(await upgradeStoredDocuments(db, capabilities)).toBe(0);
      // Idempotent: run again over the same documents (its record gone), it writes nothing.
      await db.query('DELETE FROM document_upgrades');
      expect(await upgradeStoredDocuments(db, capabilities)).toBe(0);
      const { rows: feeds } = await db.query<{ last: unknown }>(
        "SELECT last FROM feed_sequences WHERE collection = 'inspections' AND feed = $1",
        [county],
      );
      expect(toNumber(feeds[0]!.last)).toBe(stored + 1 + plans.length);
    });
  }, 60_000);
}
