// Admin CLI of the city platform: `npx node server/cli.ts --help`.
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { runCli } from './admin/commands.ts';
import { openDatabase } from './db/database.ts';
import { lockDataDir } from './db/dataDirLock.ts';
import { migrate } from './db/migrate.ts';

/** Reads one line from stdin; on a terminal the typed characters are not echoed. */
function readPassword(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: process.stdin.isTTY });
  return new Promise((resolvePassword) => {
    reader.once('line', (line) => {
      reader.close();
      process.stderr.write('\n');
      resolvePassword(line);
    });
  });
}

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = resolve(process.env.CREDITDESK_DATA_DIR ?? '.data/platform');
let unlock = () => {};
try {
  unlock = databaseUrl ? unlock : lockDataDir(dataDir);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
const database = await openDatabase({ databaseUrl, dataDir });
try {
  await migrate(database);
  process.exitCode = await runCli(process.argv.slice(2), {
    database,
    print: (line) => console.log(line),
    readPassword,
    env: process.env,
  });
} finally {
  await database.close();
  unlock();
}
