import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Database, openDatabase, type Queryable } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { temporaryDir } from '../test/harness.ts';
import { OpenStreams } from './openStreams.ts';

const dataDir = temporaryDir('open-streams');
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ dataDir });
  await migrate(db);
  await db.exec(`INSERT INTO counties (code, name_zh, name_en) VALUES ('410001', '甲县', 'A');
    INSERT INTO devices (id, county, name, token_hash) VALUES
      ('d1', '410001', 'one', 'hash-1'), ('d2', '410001', 'two', 'hash-2');
    INSERT INTO devices (id, county, name, token_hash, revoked_at) VALUES ('d3', '410001', 'three', 'hash-3', now());`);
}, 60_000);

afterAll(async () => {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a stream opened while its token check runs is checked on the next tick, not ended', async () => {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  // The real database, answering only once the streams below are open.
  const slow: Queryable = {
    query: async (sql, params) => {
      await gate;
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
  };
  const ended: string[] = [];
  const invalidated: string[] = [];
  const streams = new OpenStreams(slow, {
    recheckMs: 60_000,
    onTokenInvalid: (deviceId) => invalidated.push(deviceId),
  });
  const open = (deviceId: string, tokenHash: string) =>
    streams.add({ deviceId, tokenHash, end: () => ended.push(deviceId) });
  try {
    open('d1', 'hash-1');
    const checking = streams.recheck();
    open('d2', 'hash-2');
    open('d3', 'hash-3');
    release();
    await checking;
    expect(ended).toEqual([]);
    await streams.recheck();
    expect(ended).toEqual(['d3']);
    expect(invalidated).toEqual(['d3']);
  } finally {
    streams.closeAll();
  }
}, 30_000);
