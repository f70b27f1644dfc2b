// Starts the city platform: `npm run platform [-- --demo]`.
// Environment: PORT (default 8787, 0 = any free port), HOST (default 127.0.0.1), DATABASE_URL (PostgreSQL;
// without it PGlite in the data folder), CREDITDESK_DATABASE_SCHEMA (PostgreSQL schema for the platform's
// tables, created when missing), CREDITDESK_DATA_DIR (default .data/platform), LOG_LEVEL (default info),
// CREDITDESK_DEMO=1 (same as --demo: ensure the demo county and print a one-time enrollment code),
// CREDITDESK_TRUST_PROXY (the reverse proxies' addresses, comma-separated; default none: see
// server/OPERATIONS.md).
// CREDITDESK_FIELD_SHELL_URL (where the browser build is served, for the operators' tablet page /admin/tablet).
import { parseArgs } from 'node:util';
import { demoCounty, startPlatform } from '../server/index.ts';

const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

const platform = await startPlatform({
  port,
  host: process.env.HOST ?? '127.0.0.1',
  dataDir: process.env.CREDITDESK_DATA_DIR ?? '.data/platform',
  databaseUrl: process.env.DATABASE_URL || undefined,
  databaseSchema: process.env.CREDITDESK_DATABASE_SCHEMA || undefined,
  demo: values.demo || process.env.CREDITDESK_DEMO === '1',
  logLevel: process.env.LOG_LEVEL ?? 'info',
  trustProxy: process.env.CREDITDESK_TRUST_PROXY || undefined,
  ...(process.env.CREDITDESK_FIELD_SHELL_URL
    ? { fieldShellUrl: process.env.CREDITDESK_FIELD_SHELL_URL }
    : {}),
});

console.log(`CreditDesk platform listening at ${platform.url} (${platform.database.backend})`);
if (platform.demoEnrollmentCode) {
  console.log(
    `Demo county ${demoCounty.code} ${demoCounty.nameZh}: enrollment code ${platform.demoEnrollmentCode}`,
  );
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
