import { test } from 'vitest';
import { postgresTestUrl } from './test/harness.ts';
import { defineProtocolSuite } from './test/protocolSuite.ts';

if (postgresTestUrl) {
  defineProtocolSuite('postgres');
} else {
  console.log(
    'PostgreSQL protocol suite not run: CREDITDESK_TEST_DATABASE_URL is not set (see .ci/postgres.sh).',
  );
  test.skip('sync protocol on postgres (needs CREDITDESK_TEST_DATABASE_URL)', () => {});
}
