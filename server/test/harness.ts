/**
 * Test harness: a real platform listening on 127.0.0.1 (random port) on PGlite or PostgreSQL, and
 * device clients that talk to it over HTTP with fetch. Each run gets a fresh data folder, and on
 * PostgreSQL a fresh schema, so runs never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type CollectionName, collectionPlan } from '../../shared/base/collections.ts';
import {
  formatCheckpointParam,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type RejectedDocument,
  type SyncCheckpoint,
  syncHeaders,
  syncPaths,
  syncProtocolVersion,
} from '../../shared/sync/protocol.ts';
import { addCounty } from '../accounts/counties.ts';
import { createEnrollmentCode } from '../accounts/devices.ts';
import { seedCountyStaff } from '../fixtures/users.ts';
import { type PlatformOptions, type RunningPlatform, startPlatform } from '../index.ts';

export type TestBackend = 'pglite' | 'postgres';

export const postgresTestUrl = process.env.CREDITDESK_TEST_DATABASE_URL || undefined;
// CI starts PostgreSQL and sets this: its suites must then run rather than be skipped.
if (process.env.CREDITDESK_REQUIRE_POSTGRES === '1' && !postgresTestUrl) {
  throw new Error(
    'CREDITDESK_REQUIRE_POSTGRES=1 but CREDITDESK_TEST_DATABASE_URL is not set (see .ci/postgres.sh)',
  );
}

export function temporaryDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `creditdesk-${prefix}-`));
}

/** A schema name nobody else uses. */
export function freshSchemaName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresTestUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function http<T = unknown>(url: string, init: RequestInit = {}): Promise<HttpResult<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') && text !== '' ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body: body as T };
}

export function protocolHeaders(collection?: CollectionName): Record<string, string> {
  const headers: Record<string, string> = { [syncHeaders.protocol]: String(syncProtocolVersion) };
  if (collection) headers[syncHeaders.schemaVersion] = String(collectionPlan[collection].schemaVersion);
  return headers;
}

/** An enrolled device talking to the platform like the app will. */
export class TestDevice {
  readonly url: string;
  readonly token: string;
  readonly deviceId: string;
  readonly county: string;
  schemaVersions: Partial<Record<CollectionName, number>> = {};

  constructor(url: string, token: string, deviceId: string, county: string) {
    this.url = url;
    this.token = token;
    this.deviceId = deviceId;
    this.county = county;
  }

  headers(collection?: CollectionName): Record<string, string> {
    const headers: Record<string, string> = {
      ...protocolHeaders(collection),
      authorization: `Bearer ${this.token}`,
    };
    if (collection && this.schemaVersions[collection] !== undefined) {
      headers[syncHeaders.schemaVersion] = String(this.schemaVersions[collection]);
    }
    return headers;
  }

  request<T = unknown>(path: string, init: RequestInit = {}): Promise<HttpResult<T>> {
    return http<T>(`${this.url}${path}`, init);
  }

  async pull(
    collection: CollectionName,
    checkpoint: SyncCheckpoint | null = null,
    limit?: number,
  ): Promise<HttpResult<PullResponse>> {
    const query = new URLSearchParams();
    if (checkpoint) query.set('checkpoint', formatCheckpointParam(checkpoint));
    if (limit !== undefined) query.set('limit', String(limit));
    return this.request<PullResponse>(`${syncPaths.pull(collection)}?${query}`, {
      headers: this.headers(collection),
    });
  }

  push(collection: CollectionName, rows: PushRow[]): Promise<HttpResult<PushResponse>> {
    return this.request<PushResponse>(syncPaths.push(collection), {
      method: 'POST',
      headers: { ...this.headers(collection), 'content-type': 'application/json' },
      body: JSON.stringify({ rows }),
    });
  }

  /** Pulls page by page until the feed is exhausted. */
  async pullAll(collection: CollectionName, limit = 1_000): Promise<PullResponse['documents']> {
    const documents: PullResponse['documents'] = [];
    let checkpoint: SyncCheckpoint | null = null;
    for (;;) {
      const page = await this.pull(collection, checkpoint, limit);
      if (page.status !== 200) throw new Error(`pull failed: ${page.status} ${JSON.stringify(page.body)}`);
      documents.push(...page.body.documents);
      checkpoint = page.body.checkpoint;
      if (page.body.documents.length < limit) return documents;
    }
  }
}

/** A row that replaces `before`, as a device pushes an edit. */
export function updateRow<T extends { id: string }>(before: T, after: T): PushRow {
  return {
    newDocumentState: { ...after, _deleted: false },
    assumedMasterState: { ...before, _deleted: false },
  };
}

/** Refusals as `id → field code` lines, for comparing without the order or params. */
export function refusals(rejected: readonly RejectedDocument[]): Record<string, string[]> {
  return Object.fromEntries(
    rejected.map(({ id, issues }) => [id, issues.map((found) => `${found.field} ${found.code}`).sort()]),
  );
}

/** Rows that create documents the platform has never seen. */
export function createRows<T extends { id: string }>(documents: readonly T[]): PushRow[] {
  return documents.map((document) => ({ newDocumentState: { ...document, _deleted: false } }));
}

export interface TestPlatform {
  platform: RunningPlatform;
  url: string;
  backend: TestBackend;
  /** The platform's data folder (blobs; on PGlite also the database and the CLI's control socket). */
  dataDir: string;
  /** On PostgreSQL: the schema holding the platform's tables. */
  schema: string | undefined;
  /** Adds a county with a code no other test of the run uses, staffed with `countyStaff`'s users. */
  newCounty(options?: { staffed?: boolean }): Promise<string>;
  /** Issues a code for the county and enrolls a device with it over HTTP. */
  enroll(county: string, name?: string): Promise<TestDevice>;
}

let countySerial = 0;

export async function startTestPlatform(
  backend: TestBackend,
  options: Partial<PlatformOptions> = {},
): Promise<TestPlatform & { stop(): Promise<void> }> {
  const dataDir = temporaryDir(backend);
  const schema = backend === 'postgres' ? freshSchemaName() : undefined;
  if (backend === 'postgres' && !postgresTestUrl) throw new Error('CREDITDESK_TEST_DATABASE_URL is not set');
  const platform = await startPlatform({
    dataDir,
    logLevel: 'silent',
    ...(backend === 'postgres' ? { databaseUrl: postgresTestUrl, databaseSchema: schema } : {}),
    ...options,
  });
  const newCounty = async ({ staffed = true } = {}) => {
    countySerial++;
    const code = `4${String(countySerial).padStart(5, '0')}`;
    await addCounty(platform.database, {
      code,
      nameZh: `测试县${countySerial}`,
      nameEn: `Test County ${countySerial}`,
    });
    if (staffed) await seedCountyStaff(platform.database, code);
    return code;
  };
  const enroll = async (county: string, name = 'test device') => {
    const device = await enrollTestDevice(platform, county, name);
    device.schemaVersions = { ...options.schemaVersions };
    return device;
  };
  return {
    platform,
    url: platform.url,
    backend,
    dataDir,
    schema,
    newCounty,
    enroll,
    async stop() {
      await platform.close();
      if (schema) await dropSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Enrolls a device of `county` with a fresh one-time code, as a county computer does. */
export async function enrollTestDevice(
  platform: RunningPlatform,
  county: string,
  name = 'test device',
): Promise<TestDevice> {
  const { code } = await createEnrollmentCode(platform.database, {
    county,
    createdBy: null,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  const enrolled = await http<{ token: string; deviceId: string }>(`${platform.url}${syncPaths.enroll}`, {
    method: 'POST',
    headers: { ...protocolHeaders(), 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: name }),
  });
  if (enrolled.status !== 201) throw new Error(`enrollment failed: ${JSON.stringify(enrolled.body)}`);
  return new TestDevice(platform.url, enrolled.body.token, enrolled.body.deviceId, county);
}

/** Starts one platform for the enclosing describe block; its fields are set once beforeAll ran. */
export function usePlatform(backend: TestBackend, options: Partial<PlatformOptions> = {}): TestPlatform {
  const handle = {} as TestPlatform & { stop?: () => Promise<void> };
  beforeAll(async () => {
    Object.assign(handle, await startTestPlatform(backend, options));
  }, 60_000);
  afterAll(async () => {
    await handle.stop?.();
  });
  return handle;
}
