/**
 * The 双公示 list pages through the collection's indexes: for every filter the list page offers, the same
 * decisions in the same order as reading the period whole and filtering in memory (`list`); counting
 * stops at a cap and says "more". A profile written before the list's indexes (schema version 1) opens
 * with every decision intact.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisclosurePageQuery } from '../../renderer/disclosures/disclosurePages.ts';
import type { DisclosureRepository } from '../../renderer/disclosures/repository.ts';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import { sampleLicence, samplePenalty } from '../../shared/creditRecords/testFixtures.ts';
import { type DisclosureDocument, disclosureJsonSchema } from '../../shared/disclosures/model.ts';
import { openProfile, type Profile } from './creditHarness.ts';
import { dayAfter, seededNumbers } from './seededData.ts';

let profile: Profile;
afterEach(async () => {
  await profile.close();
});

/**
 * Licences and penalties decided over April to June 2026 as a sync pull stores them, several a day and
 * some entered at one instant; reported on time, late or not yet.
 */
function storedDecisions(count: number): DisclosureDocument[] {
  const random = seededNumbers(11);
  return Array.from({ length: count }, (_, n) => {
    const decisionDate = dayAfter('2026-04-01', Math.floor(random() * 80));
    const reportedAt = random() < 0.4 ? '' : dayAfter(decisionDate, Math.floor(random() * 16));
    const createdAt = `2026-06-${random() < 0.5 ? '20' : '21'}T02:00:00.000Z`;
    const input = n % 3 === 0 ? sampleLicence() : samplePenalty();
    return {
      ...input,
      documentNumber: `武建字〔2026〕第${n}号`,
      decisionDate,
      reportedAt: reportedAt > '2026-06-21' ? '' : reportedAt,
      id: `019a0000-0000-7000-8000-${String(Math.floor(random() * 1e12)).padStart(12, '0')}`,
      county: '410823',
      createdAt,
      updatedAt: createdAt,
      createdBy: 'clerk-1',
      updatedBy: 'clerk-1',
    };
  });
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The read-everything answer, the later id first among decisions of one day entered at one instant. */
async function expected(disclosures: DisclosureRepository, query: DisclosurePageQuery): Promise<string[]> {
  const { offset = 0, limit, ...filters } = query;
  return (await disclosures.list(filters))
    .map((row) => row.disclosure)
    .sort(
      (a, b) =>
        byCodeUnits(b.decisionDate, a.decisionDate) ||
        byCodeUnits(b.createdAt, a.createdAt) ||
        byCodeUnits(b.id, a.id),
    )
    .map((doc) => doc.id)
    .slice(offset, offset + limit);
}

const queries: Omit<DisclosurePageQuery, 'limit'>[] = [
  {},
  { kind: 'penalty' },
  { from: '2026-05-01', to: '2026-05-31' },
  { kind: 'licence', from: '2026-06-01' },
  { to: '2026-04-30' },
  { timing: 'late' },
  { timing: 'onTime', kind: 'penalty' },
  { reported: false },
  { reported: true, timing: 'late', from: '2026-04-10', to: '2026-06-10' },
];

describe('the 双公示 list', () => {
  it('pages every filter as reading the period whole would, counting up to a cap', async () => {
    profile = await openProfile('2026-06-22T02:00:00.000Z');
    await profile.db.disclosures.bulkInsert(storedDecisions(150));
    for (const query of queries) {
      const label = JSON.stringify(query);
      const every = await expected(profile.disclosures, { ...query, limit: 1000 });
      expect(every.length, label).toBeGreaterThan(7);
      const first = await profile.disclosures.page({ ...query, limit: 7 });
      expect(
        { total: first.total, more: first.more, ids: first.rows.map((row) => row.disclosure.id) },
        label,
      ).toEqual({ total: every.length, more: false, ids: every.slice(0, 7) });
      const rest = await profile.disclosures.page({ ...query, offset: 7, limit: 500 });
      expect(
        rest.rows.map((row) => row.disclosure.id),
        label,
      ).toEqual(every.slice(7));
      // Each row carries its deadline and lateness as the list gave them.
      const listed = new Map(
        (await profile.disclosures.list(query)).map((row) => [row.disclosure.id, row.timing]),
      );
      for (const row of first.rows) expect(row.timing, label).toEqual(listed.get(row.disclosure.id));

      const capped = await profile.disclosures.page({ ...query, limit: 7 }, { keys: 30, matches: 20 });
      const cap = query.timing || query.reported !== undefined ? 20 : 30;
      expect({ total: capped.total, more: capped.more }, label).toEqual({
        total: Math.min(every.length, cap),
        more: every.length > cap,
      });
    }
    // A subject's decisions (its credit file tab) are read through the subject's index.
    const plan = profile.db.disclosures.find({ selector: { subjectId: 'x' } }).getPreparedQuery().queryPlan;
    expect(plan.index).toContain('subjectId');
  });

  it('opens a profile written before the list indexes (version 1) with every decision intact, and pages it', async () => {
    const all = storedDecisions(30);
    const name = `test-disclosures-v1-${Date.now()}`;
    const version1 = {
      ...disclosureJsonSchema,
      version: 1,
      // Every index but the two version 2 added.
      indexes: disclosureJsonSchema.indexes.slice(0, -2),
    } as unknown as RxJsonSchema<DisclosureDocument>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    await old.addCollections({ disclosures: { schema: version1 } });
    await old.disclosures.bulkInsert(all);
    await old.close();

    profile = await openProfile('2026-06-22T02:00:00.000Z', name);
    await migratePersonalCollections(profile.db);
    const stored = await profile.disclosures.list();
    const byId = (a: DisclosureDocument, b: DisclosureDocument) => a.id.localeCompare(b.id);
    expect(stored.map((row) => row.disclosure).sort(byId)).toEqual([...all].sort(byId));
    expect((await profile.disclosures.page({ limit: 50 })).rows.map((row) => row.disclosure.id)).toEqual(
      await expected(profile.disclosures, { limit: 50 }),
    );
  });
});
