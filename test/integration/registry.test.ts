/**
 * Registry completeness: walks every registered capability and fails when a consumer lacks what the
 * capability declares — the collection plan, the database, sync registration, the platform's validators
 * and write permissions, the encryption of personal fields, attachment paths, workflows and UI text.
 */
import { describe, expect, it } from 'vitest';
import { capabilities } from '../../shared/capabilities.ts';
import type { Capability, CollectionSchema } from '../../shared/kit/capability.ts';
import { collectionNames, collectionPlan } from '../../shared/base/collections.ts';
import {
  deriveKeysFromMaster,
  generateDataKey,
  isEncrypted,
} from '../../shared/base/security/fieldCrypto.ts';
import { isAction, roles } from '../../shared/base/security/permissions.ts';
import { documentUniqueFields, documentValidators } from '../../shared/sync/documentValidators.ts';
import { checkWritePermission } from '../../shared/sync/writePermissions.ts';
import { openDatabase } from '../../renderer/kernel/db/database.ts';
import { messageKeys } from '../../renderer/i18n/index.ts';
import { PersonalDataCipher } from '../../renderer/kernel/security/personalData.ts';
import { syncRegistration } from '../../renderer/kernel/sync/registration.ts';
import { referenceKinds } from '../../shared/reference/schema.ts';
import { loadValidationContext } from '../../server/sync/validationContext.ts';
import { loadWriteAuthority } from '../../server/sync/writeAuthority.ts';
import type { Queryable } from '../../server/db/database.ts';
import { authorsCollection, pushOrderIssues, uploadedBefore } from '../../shared/sync/pushOrder.ts';
import { usePlatform } from '../../server/test/harness.ts';

const registered = capabilities.all;

/** The schema node a document path leads to, or undefined when the schema has no such field. */
function schemaAt(schema: CollectionSchema, path: string): Record<string, unknown> | undefined {
  let node: Record<string, unknown> | undefined = { type: 'object', properties: schema.properties };
  for (const segment of path.split('.')) {
    const list = segment.endsWith('[]');
    const name = list ? segment.slice(0, -2) : segment;
    const properties = node?.properties as Record<string, Record<string, unknown>> | undefined;
    node = properties?.[name];
    if (list) node = node?.type === 'array' ? (node.items as Record<string, unknown>) : undefined;
  }
  return node;
}

/** The collections a statement reads: `collection = 'name'`, or `collection = $n` with a name as parameter. */
function collectionsRead(sql: string, params: readonly unknown[]): string[] {
  const literal = [...sql.matchAll(/collection\s*=\s*'(\w+)'/g)].map((match) => match[1]!);
  const bound = [...sql.matchAll(/collection\s*=\s*\$(\d+)/g)].map((match) =>
    String(params[Number(match[1]) - 1]),
  );
  return [...literal, ...bound];
}

const each = (check: (capability: Capability) => void) => () => {
  expect(registered.length).toBeGreaterThan(0);
  for (const capability of registered) check(capability);
};

describe('the capability registry is complete', () => {
  it('registers exactly the active collections of the plan, at the plan’s schema version', () => {
    const active = collectionNames.filter((name) => collectionPlan[name].active);
    expect([...capabilities.collections].sort()).toEqual([...active].sort());
    for (const capability of registered) {
      expect([capability.collection, capability.schema.version]).toEqual([
        capability.collection,
        collectionPlan[capability.collection].schemaVersion,
      ]);
      // One migration for every version after 0, none beyond.
      const versions = Object.keys(capability.migrations).map(Number);
      expect([capability.collection, versions]).toEqual([
        capability.collection,
        Array.from({ length: capability.schema.version }, (_, index) => index + 1),
      ]);
    }
  });

  it(
    'gives the platform a validator and unique field for every collection, the same as the shared tables',
    each((capability) => {
      expect(documentValidators[capability.collection]).toBe(capability.validate);
      expect(documentUniqueFields[capability.collection]).toBe(capability.uniqueField);
    }),
  );

  it(
    'has a write-permission rule for every county collection (not the deny-all default)',
    each((capability) => {
      if (capability.plan.scope !== 'county') return;
      const everyone = () => ({ id: 'u', roles: [...roles], status: 'active' as const });
      const issues = checkWritePermission(
        capability.collection,
        { id: 'd', createdBy: 'u', updatedBy: 'u' },
        null,
        everyone,
      );
      expect([
        capability.collection,
        issues.filter((found) => found.params?.action === 'settings.manage'),
      ]).toEqual([capability.collection, []]);
    }),
  );

  it(
    'declares only attachment paths and searchable fields its schema has',
    each((capability) => {
      for (const path of capability.attachments) {
        const node = schemaAt(capability.schema, path);
        const sha256 = (node?.properties as Record<string, unknown> | undefined)?.sha256;
        expect([capability.collection, path, sha256 !== undefined]).toEqual([
          capability.collection,
          path,
          true,
        ]);
      }
      for (const field of [
        ...capability.searchable,
        ...capability.personalFields.map((entry) => entry.field),
      ]) {
        expect([capability.collection, field, field in capability.schema.properties]).toEqual([
          capability.collection,
          field,
          true,
        ]);
      }
    }),
  );

  it(
    'names real permissions, its own states and labelled steps in every workflow',
    each((capability) => {
      const keys = new Set(messageKeys('en'));
      const zh = new Set(messageKeys('zh-CN'));
      for (const table of capability.workflows) {
        for (const [step, rule] of Object.entries(table.transitions) as [
          string,
          { from: string; to: string; permission: string | null },
        ][]) {
          expect(table.states).toContain(rule.from);
          expect(table.states).toContain(rule.to);
          if (rule.permission !== null) expect(isAction(rule.permission)).toBe(true);
          const label = `${table.namespace}.${step}`;
          expect([label, keys.has(label), zh.has(label)]).toEqual([label, true, true]);
        }
      }
    }),
  );

  it(
    'has UI text under its i18n namespace in both languages',
    each((capability) => {
      for (const language of ['zh-CN', 'en'] as const) {
        const found = messageKeys(language).some((key) => key.startsWith(`${capability.i18n}.`));
        expect([capability.collection, language, found]).toEqual([capability.collection, language, true]);
      }
    }),
  );

  it('declares a push order that agrees with the sync order and has no cycle', () => {
    expect(pushOrderIssues(registered)).toEqual([]);
  });

  describe('the platform', () => {
    const env = usePlatform('pglite');

    it('judges a pushed document against no collection its descriptor does not declare (nor the reverse)', async () => {
      for (const capability of registered) {
        if (capability.plan.scope !== 'county') continue;
        const read = new Set<string>();
        const database = env.platform.database;
        const recording: Queryable = {
          query: <Row>(sql: string, params: readonly unknown[] = []) => {
            for (const name of collectionsRead(sql, params)) read.add(name);
            return database.query<Row>(sql, params);
          },
          exec: (sql) => database.exec(sql),
        };
        await loadWriteAuthority(recording, '410823', capability.collection, []);
        // Every push is judged by its authors: the recording sees what the platform reads.
        expect([capability.collection, read.has(authorsCollection)]).toEqual([capability.collection, true]);
        // The same collection is judged within one push; every other one must be uploaded first.
        read.delete(capability.collection);
        expect([capability.collection, [...read].sort()]).toEqual([
          capability.collection,
          uploadedBefore(capability.collection).sort(),
        ]);
      }
    });

    it('serves every validation context a descriptor declares, as a newly seeded device derives it', async () => {
      const providers = registered.flatMap((capability) =>
        capability.validationContext ? [{ capability, provider: capability.validationContext }] : [],
      );
      expect(providers.length).toBeGreaterThan(0);
      const seeded = (
        await Promise.all(providers.map(({ provider }) => provider.seeded?.() ?? Promise.resolve([])))
      ).flat();
      for (const { capability, provider } of providers) {
        // The platform holds and publishes reference documents of these kinds only.
        for (const kind of provider.referenceKinds) {
          expect([capability.collection, kind, (referenceKinds as readonly string[]).includes(kind)]).toEqual(
            [capability.collection, kind, true],
          );
        }
        const served = await loadValidationContext(
          env.platform.database,
          capability.collection,
          '2026-12-01',
        );
        const derived = capabilities.validationContext([capability.collection], seeded);
        expect(Object.keys(derived).length).toBeGreaterThan(0);
        expect([capability.collection, served]).toEqual([
          capability.collection,
          { today: '2026-12-01', ...derived },
        ]);
      }
    });
  });

  it('opens, registers for sync and seals the personal fields of every capability', async () => {
    const keys = await deriveKeysFromMaster(generateDataKey());
    const personalData = new PersonalDataCipher(() => keys);
    const db = await openDatabase({ name: 'registry-completeness', multiInstance: false, personalData });
    try {
      for (const capability of registered) {
        const collection = db.collections[capability.collection as keyof typeof db.collections];
        expect([capability.collection, collection?.schema.version]).toEqual([
          capability.collection,
          capability.schema.version,
        ]);
        const registration = syncRegistration(capability.collection, collection);
        expect(registration.validate).toBe(capability.validate);
        expect(registration.mergeFields.length).toBeGreaterThan(0);

        for (const entry of capability.personalFields) {
          const doc = { id: 'doc-1', ...entry.when, [entry.field]: '410823198503152011' };
          const sealed = (await personalData.seal(capability.collection, doc)) as Record<string, unknown>;
          expect([capability.collection, entry.field, isEncrypted(sealed[entry.field])]).toEqual([
            capability.collection,
            entry.field,
            true,
          ]);
        }
      }
      expect(Object.keys(db.collections).sort()).toEqual([...capabilities.collections].sort());
    } finally {
      await db.remove();
    }
  });
});
