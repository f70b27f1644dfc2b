/**
 * The rectification list, the dashboard's inspection figures and the lists behind them read through the
 * indexes of the derived fields (shared/inspections/indexFields.ts), on a real profile: on a varied set
 * of inspections (drafts, submitted, closed with and without findings, orders open, overdue, due soon,
 * rectified and escalated, results published or not) they give what reading every inspection gave, RxDB
 * plans their selections through those indexes, and a profile of the previous version opens with the
 * fields filled in.
 */
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/base/calendar/dates.ts';
import { buildWorkdayCalendar } from '../../shared/base/calendar/workdays.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { type InspectionDocument, indexFieldNames } from '../../shared/inspections/document.ts';
import { figureScan, inspectionFigures, isDoneThisMonth } from '../../shared/inspections/figures.ts';
import { indexFieldsOf } from '../../shared/inspections/indexFields.ts';
import { storedInspection, storedOrder } from '../../shared/inspections/testFixtures.ts';
import { type OrderFilter, type OrderRow, orderFilters, orderRows } from '../../shared/inspections/orders.ts';
import { isPublicityLate } from '../../shared/inspections/publicity.ts';
import { InspectionRepository } from '../../renderer/inspections/repository.ts';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import { openProfile, type Profile } from './creditHarness.ts';
import { version4InspectionSchema } from './inspectionVersions.ts';

const today = '2026-11-20';
const now = `${today}T02:00:00.000Z`;
const { calendar } = buildWorkdayCalendar();
const publicityDays = 20;

let opened: Profile[] = [];
afterEach(async () => {
  for (const profile of opened.reverse()) await profile.close();
  opened = [];
});

const step = (action: 'submit' | 'close' | 'publish', at: string, date = '') => ({
  action,
  by: 'u-reviewer',
  at,
  note: action === 'publish' ? '县住建局网站' : '',
  date,
});

/**
 * Inspection n of a varied set: drafts, submitted and closed ones from September to mid-November, closed ones with
 * zero to three findings whose orders fall due from ten days ago to ten days ahead, some re-inspected,
 * some results published.
 */
function variedInspection(n: number): InspectionDocument {
  const at = new Date(Date.parse('2026-09-01T01:00:00.000Z') + n * 6 * 3_600_000).toISOString();
  const state = (['draft', 'submitted', 'closed', 'closed', 'closed'] as const)[n % 5]!;
  const findings = state === 'closed' ? n % 4 : 0;
  const day = at.slice(0, 10);
  const orders = Array.from({ length: findings }, (_, index) => {
    const done = (n + index) % 7 === 0 ? 'rectified' : (n + index) % 11 === 0 ? 'escalated' : 'open';
    const deadline = addDays(today, ((n * 7 + index * 5) % 21) - 10);
    return storedOrder(`f-${n}-${index}`, day, deadline, done);
  });
  return storedInspection({
    at,
    by: 'u-inspector',
    subjectId: `019a0000-0000-7000-8000-${String(n % 9).padStart(12, '0')}`,
    state,
    steps: [
      ...(state === 'draft' ? [] : [step('submit', at)]),
      ...(state === 'closed' ? [step('close', at)] : []),
      ...(state === 'closed' && n % 3 === 0 ? [step('publish', at, day)] : []),
    ],
    orders,
    finding: '脚手架未设防护网',
  });
}

const varied = Array.from({ length: 300 }, (_, n) => variedInspection(n));

/** A plan and a project besides the inspections: the indexes leave the other kinds out. */
const otherKinds = [
  { kind: 'plan', state: 'drawn', plan: { name: '计划' } },
  { kind: 'project', state: 'registered', project: { name: '项目' } },
].map(
  (content, n): Record<string, unknown> => ({
    id: uuidv7(Date.parse('2026-11-01T00:00:00.000Z') + n),
    county: '410823',
    createdAt: now,
    updatedAt: now,
    createdBy: 'u-reviewer',
    updatedBy: 'u-reviewer',
    subjectId: '',
    projectId: '',
    planId: '',
    startedAt: '',
    steps: [],
    ...content,
    ...indexFieldsOf({ kind: content.kind }),
  }),
);
const everyDocument = [...varied, ...otherKinds] as unknown as ({ id: string } & Record<string, unknown>)[];

function readingRepository(profile: Profile): InspectionRepository {
  return new InspectionRepository(profile.db.inspections, profile.context, {} as never);
}

async function variedProfile() {
  const profile = await openProfile(now);
  opened.push(profile);
  const written = await profile.db.inspections.bulkInsert(everyDocument as never[]);
  expect(written.error).toEqual([]);
  return { profile, inspections: readingRepository(profile) };
}

const keysOf = (rows: readonly OrderRow[]) =>
  rows.map((row) => `${row.inspection.id}:${row.order.findingId}`);
const plenty = { keys: 10_000, matches: 10_000 };

describe('the rectification list through the deadline indexes', () => {
  it('pages every filter as reading every inspection would, the nearest deadline first', async () => {
    const { inspections } = await variedProfile();
    for (const filter of orderFilters) {
      const expected = keysOf(orderRows(varied, today, filter));
      expect(expected.length, filter).toBeGreaterThan(3);
      const whole = await inspections.orderPage({ filter, today, limit: 500 }, plenty);
      expect(keysOf(whole.rows), filter).toEqual(expected);
      expect(whole).toMatchObject({ total: expected.length, more: false });
      // Low caps: each page reads only as many inspections as it needs, in batches.
      for (let offset = 0; offset < expected.length; offset += 7) {
        const page = await inspections.orderPage(
          { filter, today, offset, limit: 7 },
          { keys: 5, matches: 5 },
        );
        expect(keysOf(page.rows), `${filter} from ${offset}`).toEqual(expected.slice(offset, offset + 7));
      }
      // Counting stops at the cap and says "more"; the page is still right.
      const capped = await inspections.orderPage({ filter, today, limit: 2 }, { keys: 3, matches: 3 });
      expect(capped, filter).toMatchObject({ total: 3, more: true });
      expect(keysOf(capped.rows)).toEqual(expected.slice(0, 2));
    }
  });

  it('counts the figures as reading every inspection did, and lists the inspections behind them', async () => {
    const { inspections } = await variedProfile();
    const old = inspectionFigures(varied, [], today, calendar, publicityDays);
    expect(old.doneThisMonth).toBeGreaterThan(0);
    expect(old.latePublicity).toBeGreaterThan(0);
    expect(old.overdueRectifications).toBeGreaterThan(0);
    const count = async (filter: OrderFilter) =>
      (await inspections.orderPage({ filter, today, limit: 0 }, plenty)).total;
    expect(await count('open')).toBe(old.openRectifications);
    expect(await count('overdue')).toBe(old.overdueRectifications);
    const behind = {
      doneThisMonth: (doc: InspectionDocument) => isDoneThisMonth(doc, today),
      latePublicity: (doc: InspectionDocument) => isPublicityLate(doc, today, calendar, publicityDays),
    };
    for (const [figure, accepts] of Object.entries(behind) as [
      keyof typeof behind,
      typeof behind.doneThisMonth,
    ][]) {
      const scan = figureScan(figure, today, calendar, publicityDays);
      const listed = await inspections.figurePage(scan, { limit: 500 }, plenty);
      const expected = varied.filter(accepts).map((doc) => doc.id);
      expect(listed.items.map((doc) => doc.id).sort(), figure).toEqual([...expected].sort());
      expect(listed.total).toBe(figure === 'doneThisMonth' ? old.doneThisMonth : old.latePublicity);
      const capped = await inspections.figurePage(scan, { limit: 0 }, { keys: 2, matches: 2 });
      expect(capped).toMatchObject({ total: 2, more: true });
    }
  });

  it('is planned by RxDB through the derived fields’ indexes', async () => {
    const { profile } = await variedProfile();
    const indexOf = (selector: object, field: string) =>
      profile.db.inspections
        .find({ selector: selector as never, sort: [{ [field]: 'asc' }] as never })
        .getPreparedQuery().queryPlan.index;
    for (const field of indexFieldNames) {
      expect(indexOf({ kind: 'inspection', [field]: { $gte: '0', $lte: today } }, field)).toEqual([
        '_deleted',
        'kind',
        field,
        'id',
      ]);
    }
  });

  it('opens a profile of the previous version (4) with every document kept and its fields filled', async () => {
    const name = `test-rectifications-v4-${Date.now()}`;
    const derived = new Set<string>(indexFieldNames);
    const version4 = version4InspectionSchema();
    const strip = (doc: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(doc).filter(([key]) => !derived.has(key)));
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    await old.addCollections({ inspections: { schema: version4 } });
    await old.inspections.bulkInsert(everyDocument.map(strip) as never[]);
    await old.close();

    const reopened = await openProfile(now, name);
    opened.push(reopened);
    await migratePersonalCollections(reopened.db);
    const kept = (await reopened.db.inspections.find().exec()).map((doc) => doc.toJSON());
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...kept].sort(byId)).toEqual([...everyDocument].sort(byId));
    const page = await readingRepository(reopened).orderPage({ filter: 'open', today, limit: 5 });
    expect(keysOf(page.rows)).toEqual(keysOf(orderRows(varied, today, 'open')).slice(0, 5));
  });
});
