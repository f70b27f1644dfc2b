/**
 * Numbered SQL migrations (server/db/migrations/NNN_name.sql), applied in order on start, each once.
 * The same files run on PostgreSQL and PGlite. An advisory lock lets several platform processes start
 * against one database; a changed file that was already applied stops the start.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationsDirectory = new URL('./migrations/', import.meta.url);
const migrationFilePattern = /^(\d{3})_([a-z0-9_]+)\.sql$/;
/** Key of the advisory lock held while migrating ("CDMIGRAT" in ASCII). */
const migrationLockKey = '4919779119495316820';

export function loadMigrations(): Migration[] {
  return readdirSync(migrationsDirectory)
    .filter((file) => migrationFilePattern.test(file))
    .sort()
    .map((file) => {
      const [, version, name] = migrationFilePattern.exec(file)!;
      return {
        version: Number(version),
        name: name!,
        sql: readFileSync(new URL(file, migrationsDirectory), 'utf8'),
      };
    });
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Applies the migrations not applied yet; returns the versions it applied. */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${migrationLockKey})`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const applied = new Map(rows.map((row) => [row.version, row.checksum]));
    const done: number[] = [];
    for (const migration of migrations) {
      const sum = checksum(migration.sql);
      const appliedSum = applied.get(migration.version);
      if (appliedSum !== undefined) {
        if (appliedSum !== sum) {
          throw new Error(`migration ${migration.version}_${migration.name} changed after it was applied`);
        }
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        sum,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
