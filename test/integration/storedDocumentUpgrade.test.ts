/**
 * An inspection the platform stored before schema version 5 (pushed by a version-4 device, without the
 * derived index fields) reaches a version-5 device's rectification list: the platform upgrades it when
 * it starts, as a new write of its feed, and the device pulls that.
 */
import { afterEach, expect, it } from 'vitest';
import { closedWithOpenOrder, withoutIndexFields } from '../../shared/inspections/testFixtures.ts';
import { InspectionRepository } from '../../renderer/inspections/repository.ts';
import type { SyncService } from '../../renderer/kernel/sync/syncService.ts';
import { storeAsVersion4 } from '../../server/test/suites/documentUpgrades.ts';
import { enrolledFor, openProfile, type Profile } from './creditHarness.ts';
import { platformForTests } from './harness.ts';

const today = '2026-11-20';

const platformHolder = platformForTests();

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const handle of opened.splice(0).reverse()) await handle.close();
});

async function pulled(sync: SyncService) {
  sync.syncNow();
  await sync.awaitInSync();
}

const openOrders = (profile: Profile) =>
  new InspectionRepository(profile.db.inspections, profile.context, {} as never).orderPage({
    filter: 'open',
    today,
    limit: 10,
  });

it('an inspection stored without its index fields is upgraded at start and listed on the device', async () => {
  const platform = platformHolder.current;
  const stored = closedWithOpenOrder('2026-11-10T02:00:00.000Z', '2026-11-25');
  await storeAsVersion4(platform.platform.database, [withoutIndexFields(stored)]);

  const profile = await openProfile(`${today}T02:00:00.000Z`);
  opened.push(profile);
  const sync = await enrolledFor('inspections', profile, platform, opened);
  await pulled(sync);
  // Pulled as stored, the inspection is on the device but not in the list the indexes give.
  expect(await profile.db.inspections.findOne(stored.id).exec()).not.toBeNull();
  expect((await openOrders(profile)).rows).toEqual([]);

  // The platform's database as the previous release left it: its upgrade to this version not done yet.
  await platform.platform.database.query('DELETE FROM document_upgrades');
  await platform.restart();
  await pulled(sync);
  const listed = await openOrders(profile);
  expect(listed.rows.map((row) => [row.inspection.id, row.order.findingId])).toEqual([[stored.id, 'f-1']]);
  expect((await profile.db.inspections.findOne(stored.id).exec())!.toJSON()).toMatchObject({
    openDeadline: '2026-11-25',
    unpublishedSince: '2026-11-10',
  });
}, 60_000);
