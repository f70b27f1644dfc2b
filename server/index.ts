/**
 * The city platform (市信用信息共享平台): receives batches of offline edits from county devices and
 * serves them to the other devices of the same county. `startPlatform` opens the database (PostgreSQL
 * or embedded PGlite), runs the migrations and listens.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { join, resolve } from 'node:path';
import { demoCounty } from '../shared/demo/county.ts';
import type { CollectionName } from '../shared/base/collections.ts';
import type { DocumentValidatorRegistry } from '../shared/sync/documentValidators.ts';
import { capabilities } from '../shared/capabilities.ts';
import { syncLimits } from '../shared/sync/protocol.ts';
import { ensureCounty } from './accounts/counties.ts';
import { createEnrollmentCode } from './accounts/devices.ts';
import { DeviceSessions } from './accounts/deviceSessions.ts';
import { defaultSignInPolicy, type SignInPolicy, SignInThrottle } from './auth/signInThrottle.ts';
import { runCli } from './admin/commands.ts';
import { serveControlSocket } from './admin/controlSocket.ts';
import { buildApp } from './app.ts';
import { FileBlobStore } from './blobs/blobStore.ts';
import { type Database, openDatabase, type Queryable, toNumber } from './db/database.ts';
import { lockDataDir } from './db/dataDirLock.ts';
import { DatabaseMaintenance } from './db/maintenance.ts';
import { migrate } from './db/migrate.ts';
import { PlatformMetrics } from './metrics.ts';
import { defaultVerifyLimits, type VerifyLimits } from './reports/verifyLimits.ts';
import { loadSigningKey } from './reports/signingKey.ts';
import { cityMatchingKey } from './accounts/provisions.ts';
import { chinaToday, type PlatformContext } from './routes/context.ts';
import { ChangeHub } from './sync/changeHub.ts';
import { upgradeStoredDocuments } from './sync/documentUpgrades.ts';
import { OpenStreams } from './sync/openStreams.ts';

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
  /** How often open streams re-check their tokens. Default 2 s. */
  streamRecheckMs?: number;
  /** Delays and lockout after failed sign-ins. */
  signInPolicy?: SignInPolicy;
  /** Verifications per client address on /verify. Default: defaultVerifyLimits. */
  verifyLimits?: VerifyLimits;
  /**
   * The reverse proxies in front of the platform (addresses or CIDR ranges, comma-separated): a request
   * from one of them is taken to come from the client its X-Forwarded-For names, for the per-address
   * limits. Default: none (the connection's address counts; X-Forwarded-For is ignored).
   */
  trustProxy?: string;
  /** Where the field shell (the browser build) is served, for the operators' tablet page. */
  fieldShellUrl?: string;
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
    const upgraded = await upgradeStoredDocuments(db, capabilities);
    let app: FastifyInstance | undefined;
    const maintenance = new DatabaseMaintenance(db, {
      onRun: (durationMs) =>
        app?.log.info({ durationMs: Math.round(durationMs) }, 'database maintenance ran'),
      onError: (error) => app?.log.error({ err: error }, 'database maintenance failed'),
    });
    await maintenance.run();
    await cityMatchingKey(db);
    const demoEnrollmentCode = options.demo ? await prepareDemo(db) : null;
    const devices = new DeviceSessions(db);
    const context: PlatformContext = {
      db,
      maintenance,
      blobs: new FileBlobStore(join(dataDir, 'blobs')),
      hub: new ChangeHub(),
      devices,
      streams: new OpenStreams(db, {
        recheckMs: options.streamRecheckMs,
        onTokenInvalid: (deviceId) => devices.forget(deviceId),
      }),
      signIns: new SignInThrottle(db, options.signInPolicy ?? defaultSignInPolicy),
      epoch: await readEpoch(db),
      metrics: new PlatformMetrics(),
      validators: options.validators ?? capabilities.validators(),
      uniqueFields: capabilities.uniqueFields(),
      schemaVersions: options.schemaVersions ?? {},
      heartbeatMs: options.heartbeatMs ?? syncLimits.heartbeatMs,
      reportKey: await loadSigningKey(db),
      verifyLimits: options.verifyLimits ?? defaultVerifyLimits,
      today: () => chinaToday(),
      fieldShellUrl: options.fieldShellUrl ?? null,
    };
    const server = await buildApp(context, {
      logLevel: options.logLevel ?? 'info',
      version: packageVersion(),
      trustProxy: options.trustProxy,
    });
    app = server;
    if (upgraded > 0) server.log.info({ upgraded }, 'stored documents upgraded to the current schema');
    const host = options.host ?? '127.0.0.1';
    await server.listen({ port: options.port ?? 0, host });
    const address = server.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    const database = db;
    const control = options.databaseUrl ? null : await serveCliCommands(dataDir, context, server);
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      database,
      demoEnrollmentCode,
      async close() {
        try {
          await control?.close();
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

/**
 * On PGlite, the admin CLI cannot open the data folder while the platform holds it: it passes its
 * commands through the folder's control socket, and they run here, where a revocation also ends the
 * device's streams at once. A folder path too long for a Unix socket leaves only a warning.
 */
async function serveCliCommands(
  dataDir: string,
  context: PlatformContext,
  app: FastifyInstance,
): Promise<{ close(): Promise<void> } | null> {
  try {
    return await serveControlSocket(dataDir, async ({ argv, env }) => {
      const lines: string[] = [];
      const exitCode = await runCli(argv, {
        database: context.db,
        print: (line) => lines.push(line),
        readPassword: async () => {
          throw new Error('set CREDITDESK_OPERATOR_PASSWORD');
        },
        env,
        insidePlatform: true,
        onDeviceRevoked: (deviceId) => {
          context.devices.forget(deviceId);
          context.streams.closeDevice(deviceId);
        },
      });
      app.log.info({ command: argv.slice(0, 2).join(' '), exitCode }, 'admin CLI command ran');
      return { exitCode, lines };
    });
  } catch (error) {
    app.log.warn({ err: error }, 'the admin CLI cannot reach this platform: control socket not available');
    return null;
  }
}

async function readEpoch(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ epoch: unknown }>('SELECT epoch FROM platform_state');
  return toNumber(rows[0]!.epoch);
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
