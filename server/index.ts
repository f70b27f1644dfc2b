/**
 * The city platform (市信用信息共享平台): receives batches of offline edits from county devices and
 * serves them to the other devices of the same county. `startPlatform` opens the database (PostgreSQL
 * or embedded PGlite), runs the migrations and listens.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { join, resolve } from 'node:path';
import { demoCounty } from '../shared/demo/county.ts';
import type { CollectionName } from '../shared/model/collections.ts';
import type { DocumentValidatorRegistry } from '../shared/sync/documentValidators.ts';
import { capabilities } from '../shared/capabilities.ts';
import { syncLimits } from '../shared/sync/protocol.ts';
import { ensureCounty } from './accounts/counties.ts';
import { createEnrollmentCode } from './accounts/devices.ts';
import { DeviceSessions } from './accounts/deviceSessions.ts';
import { buildApp } from './app.ts';
import { FileBlobStore } from './blobs/blobStore.ts';
import { type Database, openDatabase, type Queryable } from './db/database.ts';
import { lockDataDir } from './db/dataDirLock.ts';
import { DatabaseMaintenance } from './db/maintenance.ts';
import { migrate } from './db/migrate.ts';
import { PlatformMetrics } from './metrics.ts';
import { chinaToday, type PlatformContext } from './routes/context.ts';
import { ChangeHub } from './sync/changeHub.ts';

export interface PlatformOptions {
  /** Folder for blobs and, without `databaseUrl`, the PGlite database. */
  dataDir: string;
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** postgres://… ; without it the platform uses PGlite under `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL schema for the platform's tables (tests isolate their runs with it). */
  databaseSchema?: string;
  /** Ensures the demo county exists and issues a fresh enrollment code for it. */
  demo?: boolean;
  /** pino level: 'fatal' … 'trace' or 'silent'. Default 'info'. */
  logLevel?: string;
  /** Collections served and their validators. Default: the shared registry. */
  validators?: DocumentValidatorRegistry;
  /**
   * Schema versions to expect instead of the collection plan's. The plan is the source of truth; this
   * exists for tests of version negotiation and for a platform that must lag one release behind.
   */
  schemaVersions?: Partial<Record<CollectionName, number>>;
  /** Interval of the stream's heartbeat comments. */
  heartbeatMs?: number;
}

export interface RunningPlatform {
  /** http://host:port, without a trailing slash. */
  url: string;
  port: number;
  database: Database;
  /** With `demo`: a fresh one-time code that enrolls a device in the demo county (`demoCounty`). */
  demoEnrollmentCode: string | null;
  close(): Promise<void>;
}

export { demoCounty };

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const unlock = options.databaseUrl ? () => {} : lockDataDir(dataDir);
  let db: Database | undefined;
  try {
    db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir, schema: options.databaseSchema });
    await migrate(db);
    let app: FastifyInstance | undefined;
    const maintenance = new DatabaseMaintenance(db, {
      onRun: (durationMs) =>
        app?.log.info({ durationMs: Math.round(durationMs) }, 'database maintenance ran'),
      onError: (error) => app?.log.error({ err: error }, 'database maintenance failed'),
    });
    await maintenance.run();
    const demoEnrollmentCode = options.demo ? await prepareDemo(db) : null;
    const context: PlatformContext = {
      db,
      maintenance,
      blobs: new FileBlobStore(join(dataDir, 'blobs')),
      hub: new ChangeHub(),
      devices: new DeviceSessions(db),
      metrics: new PlatformMetrics(),
      validators: options.validators ?? capabilities.validators(),
      uniqueFields: capabilities.uniqueFields(),
      schemaVersions: options.schemaVersions ?? {},
      heartbeatMs: options.heartbeatMs ?? syncLimits.heartbeatMs,
      today: () => chinaToday(),
    };
    const server = await buildApp(context, {
      logLevel: options.logLevel ?? 'info',
      version: packageVersion(),
    });
    app = server;
    const host = options.host ?? '127.0.0.1';
    await server.listen({ port: options.port ?? 0, host });
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    const database = db;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      database,
      demoEnrollmentCode,
      async close() {
        try {
          await server.close();
          await maintenance.settle();
        } finally {
          await database.close();
          unlock();
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    unlock();
    throw error;
  }
}

async function prepareDemo(db: Database): Promise<string> {
  await ensureCounty(db, demoCounty);
  return issueDemoEnrollmentCode(db);
}

/**
 * A fresh one-time code enrolling a device in the demo county (which must exist). `npm start` hands one
 * to every start of the browser build, so that further browser profiles join the demo county too.
 */
export async function issueDemoEnrollmentCode(db: Queryable): Promise<string> {
  const { code } = await createEnrollmentCode(db, {
    county: demoCounty.code,
    createdBy: null,
    expiresAt: new Date(Date.now() + 7 * 24 * 3_600_000),
  });
  return code;
}
