/** The protocol suite, run against a real platform over HTTP on one database backend. */
import { describe } from 'vitest';
import { type TestBackend, usePlatform } from './harness.ts';
import { defineBadInputTests } from './suites/badInput.ts';
import { defineBlobAndStreamTests } from './suites/blobsAndStream.ts';
import { defineAuditTrailTests } from './suites/auditTrail.ts';
import { defineDocumentUpgradeTests } from './suites/documentUpgrades.ts';
import { defineFeedMigrationTests } from './suites/feedMigration.ts';
import { defineHardeningTests, hardeningRecheckMs, hardeningSignInPolicy } from './suites/hardening.ts';
import { defineOperationsTests } from './suites/operations.ts';
import { defineDisclosurePermissionTests, definePermissionTests } from './suites/permissions.ts';
import { defineReplicationTests } from './suites/replication.ts';
import { defineTenancyTests } from './suites/tenancy.ts';
import { suitePlatformOptions } from './testCollections.ts';

export function defineProtocolSuite(backend: TestBackend): void {
  describe(`sync protocol on ${backend}`, () => {
    const env = usePlatform(backend, suitePlatformOptions);
    describe('replication', () => defineReplicationTests(env));
    describe('bad input', () => defineBadInputTests(env));
    describe('tenancy', () => defineTenancyTests(env));
    describe('blobs and stream', () => defineBlobAndStreamTests(env));
    describe('operations', () => defineOperationsTests(env));
    describe('permissions', () => definePermissionTests(env));
    describe('audit trail', () => defineAuditTrailTests(env));
  });
  // The suite above serves stand-ins for `disclosures` and `reference`: permissions again with the real ones.
  describe(`permissions with the platform's own validators on ${backend}`, () => {
    const env = usePlatform(backend, { heartbeatMs: suitePlatformOptions.heartbeatMs });
    describe('permissions', () => definePermissionTests(env));
    describe('disclosures', () => defineDisclosurePermissionTests(env));
  });
  describe(`platform hardening on ${backend}`, () => {
    const env = usePlatform(backend, {
      ...suitePlatformOptions,
      signInPolicy: hardeningSignInPolicy,
      streamRecheckMs: hardeningRecheckMs,
    });
    defineHardeningTests(env);
    defineFeedMigrationTests(backend);
    defineDocumentUpgradeTests(backend);
  });
}
