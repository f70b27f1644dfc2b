/**
 * PGlite runs no autovacuum, so without help its planner statistics stay those of an empty table and a
 * lookup can fall back to scanning a whole county. The platform vacuums and analyzes the documents
 * table itself, in the way autovacuum would: when the writes since the last run exceed a fraction of
 * the table. PostgreSQL does this on its own; there the maintenance does nothing.
 */
import { type Database, toNumber } from './database.ts';

export interface MaintenanceOptions {
  /** Writes that trigger a run at least. */
  minimumWrites?: number;
  /** Fraction of the table's rows that trigger a run once the table is large. */
  scaleFactor?: number;
  /** Told about each finished run and its duration. */
  onRun?: (durationMs: number) => void;
  /** Told about a failed run (the next run retries). */
  onError?: (error: unknown) => void;
}

export class DatabaseMaintenance {
  readonly #db: Database;
  readonly #minimumWrites: number;
  readonly #scaleFactor: number;
  readonly #onRun: (durationMs: number) => void;
  readonly #onError: (error: unknown) => void;
  #writesSinceRun = 0;
  #rowsAtRun = 0;
  #running: Promise<void> | null = null;

  constructor(db: Database, options: MaintenanceOptions = {}) {
    this.#db = db;
    this.#minimumWrites = options.minimumWrites ?? 1_000;
    this.#scaleFactor = options.scaleFactor ?? 0.2;
    this.#onRun = options.onRun ?? (() => {});
    this.#onError = options.onError ?? (() => {});
  }

  get enabled(): boolean {
    return this.#db.backend === 'pglite';
  }

  /** Counts written documents and starts a run when enough have changed. */
  noteWrites(count: number): void {
    if (!this.enabled) return;
    this.#writesSinceRun += count;
    const threshold = Math.max(this.#minimumWrites, this.#rowsAtRun * this.#scaleFactor);
    if (this.#writesSinceRun >= threshold && !this.#running) {
      this.#running = this.run()
        .catch(this.#onError)
        .finally(() => {
          this.#running = null;
        });
    }
  }

  /** Vacuums and analyzes the documents table now. */
  async run(): Promise<void> {
    if (!this.enabled) return;
    const started = performance.now();
    this.#writesSinceRun = 0;
    await this.#db.exec('VACUUM (ANALYZE) documents');
    const { rows } = await this.#db.query<{ rows: unknown }>(
      "SELECT reltuples AS rows FROM pg_class WHERE oid = 'documents'::regclass",
    );
    this.#rowsAtRun = Math.max(0, toNumber(rows[0]?.rows ?? 0));
    this.#onRun(performance.now() - started);
  }

  /** Waits for a run in progress (before closing the database). */
  async settle(): Promise<void> {
    await this.#running;
  }
}
