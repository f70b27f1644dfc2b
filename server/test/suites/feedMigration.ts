/** Migration 003: feeds get their own sequences, and checkpoints handed out before keep working. */
import { rmSync } from 'node:fs';
import { expect, test } from 'vitest';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import { type Database, openDatabase, toNumber } from '../../db/database.ts';
import { loadMigrations, migrate } from '../../db/migrate.ts';
import { pullDocuments, pushDocuments } from '../../sync/documentStore.ts';
import { dropSchema, freshSchemaName, postgresTestUrl, type TestBackend, temporaryDir } from '../harness.ts';

/** An empty database of its own (a folder on PGlite, a schema on PostgreSQL), removed after `work`. */
export async function withFreshDatabase(backend: TestBackend, work: (db: Database) => Promise<void>) {
  const dataDir = temporaryDir('migration');
  const schema = backend === 'postgres' ? freshSchemaName() : undefined;
  const db = await openDatabase({
    dataDir,
    ...(backend === 'postgres' ? { databaseUrl: postgresTestUrl, schema } : {}),
  });
  try {
    await work(db);
  } finally {
    await db.close();
    if (schema) await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A write as the platform stored it before migration 003: numbered by the shared sequence. */
async function writeBeforeMigration(db: Database, county: string): Promise<string> {
  const id = uuidv7();
  const { rows } = await db.query<{ sequence: unknown }>(
    `INSERT INTO documents (collection, id, feed, sequence, deleted, body, content_hash)
     VALUES ('subjects', $1, $2, nextval('document_sequence'), false, $3::jsonb, 'hash') RETURNING sequence`,
    [id, county, JSON.stringify({ id, county })],
  );
  await db.query(
    `INSERT INTO write_log (sequence, collection, document_id, county, device_id, user_id, deleted, content_hash)
     VALUES ($1, 'subjects', $2, $3, NULL, 'clerk', false, 'hash')`,
    [rows[0]!.sequence, id, county],
  );
  return id;
}

export function defineFeedMigrationTests(backend: TestBackend): void {
  test('checkpoints stored before per-county sequences keep working after the migration', async () => {
    await withFreshDatabase(backend, async (db) => {
      await migrate(
        db,
        loadMigrations().filter((migration) => migration.version <= 2),
      );
      await db.query(
        "INSERT INTO counties (code, name_zh, name_en) VALUES ('410001', '甲县', 'A'), ('410002', '乙县', 'B')",
      );
      const a1 = await writeBeforeMigration(db, '410001');
      await writeBeforeMigration(db, '410002');
      const a2 = await writeBeforeMigration(db, '410001');
      await writeBeforeMigration(db, '410002');
      expect(await migrate(db)).toEqual(
        loadMigrations()
          .map((migration) => migration.version)
          .filter((version) => version >= 3),
      );

      const pull = (county: string, sequence: number) =>
        pullDocuments(db, { collection: 'subjects', county, after: { sequence }, limit: 10, epoch: 1 });
      // A device of county A that had pulled up to its first write (sequence 1) receives the second.
      const resumed = await pull('410001', 1);
      expect(resumed.documents.map((document) => document.id)).toEqual([a2]);
      expect(resumed.checkpoint).toEqual({ sequence: 3, epoch: 1 });
      expect((await pull('410001', 0)).documents.map((document) => document.id)).toEqual([a1, a2]);

      // New writes continue each feed after its own last sequence.
      const push = (county: string) =>
        pushDocuments(
          db,
          { validate: () => [] },
          {
            collection: 'subjects',
            county,
            deviceId: null,
            rows: [{ newDocumentState: { id: uuidv7(), county, _deleted: false } }],
            context: { today: '2026-12-06' },
          },
        );
      expect((await push('410001')).lastSequence).toBe(4);
      expect((await push('410002')).lastSequence).toBe(5);
      expect((await push('410002')).lastSequence).toBe(6);
      expect((await pull('410001', 3)).checkpoint).toEqual({ sequence: 4, epoch: 1 });

      const log = await db.query<{ feed: string; sequence: unknown }>(
        'SELECT feed, sequence FROM write_log ORDER BY feed, sequence',
      );
      expect(log.rows.map((row) => [row.feed, toNumber(row.sequence)])).toEqual([
        ['410001', 1],
        ['410001', 3],
        ['410001', 4],
        ['410002', 2],
        ['410002', 4],
        ['410002', 5],
        ['410002', 6],
      ]);
    });
  }, 30_000);
}
