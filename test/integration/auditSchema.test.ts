/**
 * A profile whose audit trail was written with schema version 0 (before the [action, at] index the credit
 * reports list pages through) opens with every entry intact, its chain still verifying, and the reports
 * listed through the new index.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import { type AuditEntry, auditEntryJsonSchema } from '../../shared/base/auditEntry.ts';
import { appendEntry } from '../../shared/base/security/auditChain.ts';
import { county, openProfile, type Profile } from './creditHarness.ts';

let profile: Profile | null = null;
afterEach(async () => {
  await profile?.close();
  profile = null;
});

/** Another device's chain: reports among other entries. */
async function chain(): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let n = 0; n < 6; n++) {
    const report = n % 2 === 0;
    entries.push(
      await appendEntry(entries.at(-1) ?? null, {
        county,
        deviceId: 'device-before',
        at: `2026-05-0${n + 1}T02:00:00.000Z`,
        userId: 'clerk-1',
        action: report ? 'printReport' : 'update',
        collectionName: 'subjects',
        documentId: 'subject-1',
        before: null,
        after: report ? { code: `CODE-${n}` } : { name: `名称${n}` },
        reason: '',
      }),
    );
  }
  return entries;
}

describe('an audit trail of schema version 0', () => {
  it('opens with every entry intact and its chain verifying, and lists reports through the new index', async () => {
    const entries = await chain();
    const name = `test-audit-v0-${Date.now()}`;
    const previous = {
      ...auditEntryJsonSchema,
      version: 0,
      indexes: [['deviceId', 'seq'], 'at', ['documentId', 'at'], ['userId', 'at']],
    } as unknown as RxJsonSchema<AuditEntry>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    await old.addCollections({ auditLog: { schema: previous } });
    await old.auditLog.bulkInsert(entries);
    await old.close();

    profile = await openProfile('2026-05-12T02:00:00.000Z', name);
    await migratePersonalCollections(profile.db);
    const stored = (await profile.db.auditLog.find().exec()).map((doc) => {
      const { _meta, _rev, _attachments, _deleted, ...entry } = doc.toMutableJSON(true) as AuditEntry &
        Record<'_meta' | '_rev' | '_attachments' | '_deleted', unknown>;
      return entry;
    });
    const byId = (a: AuditEntry, b: AuditEntry) => a.id.localeCompare(b.id);
    // The profile's own device may have appended its first entries on opening.
    expect(stored.filter((entry) => entry.deviceId === 'device-before').sort(byId)).toEqual(
      [...entries].sort(byId),
    );
    const audit = profile.context.audit;
    expect((await audit.verify()).find((report) => report.deviceId === 'device-before')).toMatchObject({
      entries: 6,
      verdict: { ok: true },
    });
    const reports = await audit.actionPage('printReport', { limit: 2, countUpTo: 10 });
    expect({ total: reports.total, codes: reports.entries.map((entry) => entry.after?.code) }).toEqual({
      total: 3,
      codes: ['CODE-4', 'CODE-2'],
    });
  });
});
