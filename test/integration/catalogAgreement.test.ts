/**
 * The device and the platform judge credit records against the same catalog (shared/creditRecords/
 * catalogInForce.ts): the real platform publishes, replaces, retires and deletes catalog items, a device
 * takes in what it pulls as replication does, and each record is judged by the device's writer context
 * and by a push to the platform — with the same outcome.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { capabilities } from '../../shared/capabilities.ts';
import { type CatalogItem, catalogItemId } from '../../shared/creditRecords/catalog.ts';
import { defaultCatalog } from '../../shared/creditRecords/defaultCatalog.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { documentValidators } from '../../shared/sync/documentValidators.ts';
import { ValidationContexts } from '../../renderer/kernel/db/validationContexts.ts';
import { syntheticCatalogItemDocument, syntheticCreditRecord } from '../../server/fixtures/creditRecords.ts';
import { publishCityDocuments } from '../../server/sync/documentStore.ts';
import { loadValidationContext } from '../../server/sync/validationContext.ts';
import { createRows, type TestDevice, usePlatform } from '../../server/test/harness.ts';
import { openProfile, type Profile } from './creditHarness.ts';

let profile: Profile | undefined;
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

/** Default items with a publicity period, for records decided on 2026-01-05 (the fixture's day). */
const timed = defaultCatalog.filter((item) => !item.publicity.whileValid && item.validFrom <= '2026-01-05');

describe('a credit record under a catalog item the city changed', () => {
  const env = usePlatform('pglite');

  /** Publishes city documents as the `publish reference` command does (its context from the descriptor). */
  const publish = async (documents: { id: string; [field: string]: unknown }[]) => {
    const db = env.platform.database;
    const outcome = await publishCityDocuments(
      db,
      { validate: documentValidators.reference! },
      'reference',
      documents.map((doc) => ({ _deleted: false, ...doc })),
      await loadValidationContext(db, 'reference', chinaDateOf(new Date().toISOString())),
    );
    expect(outcome.rejected).toEqual([]);
  };

  /** The device takes in the platform's reference feed as replication does: by id, deletions removed. */
  const pullInto = async (device: TestDevice, held: Profile) => {
    for (const { _deleted, ...doc } of await device.pullAll('reference')) {
      const local = await held.db.reference.findOne(String(doc.id)).exec();
      if (_deleted) await local?.remove();
      else await held.db.reference.upsert(doc);
    }
  };

  /** The catalog issues of each record: as the device's writer judges it, and as the platform does. */
  const judge = async (device: TestDevice, held: Profile, records: CreditRecordDocument[]) => {
    const contexts = new ValidationContexts(held.db.collections);
    const context = {
      today: chinaDateOf(new Date().toISOString()),
      ...(await contexts.of([{ kind: 'bulkCreate', collection: 'creditRecords', docs: [] }])),
    };
    const { validate } = capabilities.get('creditRecords');
    const onDevice = records.map((record) =>
      validate(record, context)
        .filter((found) => found.field === 'catalogCode')
        .map((found) => found.code),
    );
    const pushed = await device.push('creditRecords', createRows(records));
    expect(pushed.status).toBe(200);
    const onPlatform = records.map((record) =>
      (pushed.body.rejected.find((found) => found.id === record.id)?.issues ?? [])
        .filter((found) => found.field === 'catalogCode')
        .map((found) => found.code),
    );
    return { onDevice, onPlatform };
  };

  it('is judged alike on both sides: deleted codes are unknown, a deleted copy gives the default back', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    profile = await openProfile(new Date().toISOString());
    const [deleted, retired, shadowed, untouched] = timed as [
      CatalogItem,
      CatalogItem,
      CatalogItem,
      CatalogItem,
    ];
    const newCode = `JZ-CS-${county.slice(-2)}`;
    const stamped = (item: CatalogItem, id: string) => ({
      ...syntheticCatalogItemDocument(item.code),
      ...item,
      id,
    });
    // A copy of a default item under an id of its own (as published before ids followed codes), retired.
    const copy = { ...stamped(shadowed, uuidv7()), validUntil: '2025-12-31' };
    await publish([
      { ...syntheticCatalogItemDocument(newCode), id: await catalogItemId(newCode) },
      { ...stamped(deleted, await catalogItemId(deleted.code)), _deleted: true },
      { ...stamped(retired, await catalogItemId(retired.code)), validUntil: '2025-12-31' },
      copy,
    ]);
    await pullInto(device, profile);
    const record = (item: CatalogItem, code = item.code) =>
      syntheticCreditRecord(county, { catalogCode: code, category: item.category }, item);
    const first = await judge(device, profile, [
      record(deleted),
      record(retired),
      record(shadowed),
      record(untouched),
      record(timed[0]!, newCode),
    ]);
    expect(first.onDevice).toEqual([
      ['creditRecord.unknownCatalogItem'],
      ['creditRecord.catalogItemNotInForce'],
      ['creditRecord.catalogItemNotInForce'],
      [],
      [],
    ]);
    expect(first.onPlatform).toEqual(first.onDevice);

    // The copy is deleted: the seeded default of its code stands again, on both sides.
    await publish([{ ...copy, updatedAt: new Date().toISOString(), _deleted: true }]);
    await pullInto(device, profile);
    const second = await judge(device, profile, [record(shadowed), record(deleted)]);
    expect(second.onDevice).toEqual([[], ['creditRecord.unknownCatalogItem']]);
    expect(second.onPlatform).toEqual(second.onDevice);
  });
});
