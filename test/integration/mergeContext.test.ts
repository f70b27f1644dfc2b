/**
 * Sync checks a merged document against the same reference data the writer judges with: a credit record
 * filed under an item only the city's catalog holds merges two devices' edits of different fields, rather
 * than being held back as an invalid merge against the default catalog.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { catalogItemId } from '../../shared/creditRecords/catalog.ts';
import type { DocumentState } from '../../renderer/kernel/sync/merge.ts';
import { syntheticCatalogItemDocument, syntheticCreditRecord } from '../../server/fixtures/creditRecords.ts';
import { county, enrolledForCreditRecords, openProfile } from './creditHarness.ts';
import { platformForTests } from './harness.ts';

const platform = platformForTests();
let opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.reverse()) await item.close();
  opened = [];
});

describe('a conflict on a record under a city catalog item', () => {
  it('merges edits of different fields, judged against the catalog the device holds', async () => {
    const profile = await openProfile(new Date().toISOString());
    opened.push(profile);
    const cityCode = 'JZ-CS-91';
    await profile.db.reference.upsert({
      ...syntheticCatalogItemDocument(cityCode),
      id: await catalogItemId(cityCode),
    });
    const sync = await enrolledForCreditRecords(profile, platform.current, opened);

    const base = { ...syntheticCreditRecord(county, { catalogCode: cityCode }), _deleted: false };
    const local: DocumentState = { ...base, facts: '现场核查确认的事实' };
    const onPlatform: DocumentState = { ...base, documentNumber: '示住建罚〔2026〕7号' };
    const handler = profile.db.creditRecords.conflictHandler;
    const merged = await handler.resolve(
      { newDocumentState: local, realMasterState: onPlatform, assumedMasterState: base } as never,
      'test',
    );

    expect(await sync.store.allConflicts()).toEqual([]);
    expect(merged).toMatchObject({ facts: '现场核查确认的事实', documentNumber: '示住建罚〔2026〕7号' });
  });
});
