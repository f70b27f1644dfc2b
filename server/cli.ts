// Admin CLI of the city platform: `npx node server/cli.ts --help`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { runCli } from './admin/commands.ts';
import { controlSocketPath, sendControlCommand } from './admin/controlSocket.ts';
import { openDatabase } from './db/database.ts';
import { lockDataDir } from './db/dataDirLock.ts';
import { migrate } from './db/migrate.ts';
import { upgradeStoredDocuments } from './sync/documentUpgrades.ts';
import { capabilities } from '../shared/capabilities.ts';

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
const argv = process.argv.slice(2);
let unlock = () => {};
try {
  unlock = databaseUrl ? unlock : lockDataDir(dataDir);
} catch (error) {
  // A platform holds the PGlite folder: the command runs inside it, through its control socket.
  if (!existsSync(controlSocketPath(dataDir))) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
  process.exit(await runInRunningPlatform());
}
const database = await openDatabase({
  databaseUrl,
  dataDir,
  schema: process.env.CREDITDESK_DATABASE_SCHEMA || undefined,
});
try {
  await migrate(database);
  await upgradeStoredDocuments(database, capabilities);
  process.exitCode = await runCli(argv, {
    database,
    print: (line) => console.log(line),
    readPassword,
    env: process.env,
  });
} finally {
  await database.close();
  unlock();
}

async function runInRunningPlatform(): Promise<number> {
  const env: Record<string, string> = {};
  let password = process.env.CREDITDESK_OPERATOR_PASSWORD;
  if (argv[0] === 'operator' && argv[1] === 'add' && argv[2] && password === undefined) {
    password = await readPassword(`Password for ${argv[2]}: `);
  }
  if (password !== undefined) env.CREDITDESK_OPERATOR_PASSWORD = password;
  // The platform reads files from its own working directory.
  const args =
    argv[0] === 'publish' && argv[2] ? [...argv.slice(0, 2), resolve(argv[2]), ...argv.slice(3)] : argv;
  const result = await sendControlCommand(dataDir, { argv: args, env });
  for (const line of result.lines) console.log(line);
  return result.exitCode;
}
