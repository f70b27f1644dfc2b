import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportingDeadline } from '../../shared/disclosures/deadlines.ts';
import { defaultCatalog } from '../../shared/creditRecords/defaultCatalog.ts';
import { asDocument, samplePenalty } from '../../shared/creditRecords/testFixtures.ts';
import type { HolidayCalendarDocument } from '../../shared/base/calendar/workdays.ts';
import type { CatalogItemDocument } from '../../shared/creditRecords/catalog.ts';
import {
  validateCreditRecordDocument,
  validateDisclosureDocument,
  validateReferenceDocument,
} from '../../shared/sync/documentValidators.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { bulkCreationOf } from '../../shared/base/security/auditChain.ts';
import { keepExpiring } from '../../renderer/creditRecords/repository.ts';
import { catalogItemId } from '../../shared/creditRecords/catalog.ts';
import { cityOf } from '../../renderer/reference/repository.ts';
import {
  county,
  enterpriseInput,
  openProfile,
  type Profile,
  registerSubject,
  users,
} from './creditHarness.ts';

let profile: Profile;

beforeEach(async () => {
  profile = await openProfile('2026-12-28T02:00:00.000Z');
});

afterEach(async () => {
  vi.useRealTimers();
  await profile.close();
});

async function catalogDocs(): Promise<CatalogItemDocument[]> {
  const docs = await profile.db.reference.find({ selector: { kind: 'catalogItem' } }).exec();
  return docs.map((doc) => doc.toJSON() as CatalogItemDocument);
}

describe('the catalog on a county computer', () => {
  it('is seeded once from the default, under ids derived from the codes, as the city’s documents', async () => {
    const seeded = await catalogDocs();
    expect(seeded).toHaveLength(defaultCatalog.length);
    for (const doc of seeded) {
      expect(doc.id).toBe(await catalogItemId(doc.code));
      expect(doc.county).toBe(cityOf(county));
      expect([doc.createdBy, doc.updatedBy]).toEqual(['system', 'system']);
    }
    // Written through the writer: one bulk-creation entry by the system names every seeded item.
    const trail = await profile.context.audit.search({ userId: 'system' });
    expect(trail.map((found) => found.collectionName)).toEqual(['reference']);
    const entry = trail[0];
    expect([entry?.action, entry?.userId]).toEqual(['create', 'system']);
    expect(new Set(bulkCreationOf(entry!)?.documents)).toEqual(new Set(seeded.map((doc) => doc.id)));
    expect(await profile.reference.seedDefaultCatalog(county, profile.journal)).toBe(0);
    expect(await profile.db.reference.count().exec()).toBe(defaultCatalog.length);
    expect(new Set(seeded.map((doc) => doc.id)).size).toBe(seeded.length);
    expect(profile.reference.catalog().map((item) => item.category)).toEqual(
      [...profile.reference.catalog()].map((item) => item.category).sort((a, b) => order(a) - order(b)),
    );
  });

  it('takes the platform’s copy of an item in place of the seed, one item per code', async () => {
    const seed = (await catalogDocs()).find((doc) => doc.code === 'JZ-YB-01')!;
    const pulled: CatalogItemDocument = {
      ...seed,
      name: { zh: '一般失信行为（市级修订）', en: 'General dishonesty (city revision)' },
      updatedAt: '2026-12-29T00:00:00.000Z',
      createdBy: 'city-operator',
      updatedBy: 'city-operator',
    };
    await profile.db.reference.upsert(pulled);
    await vi.waitFor(() => expect(profile.reference.findItem('JZ-YB-01')!.name.zh).toBe(pulled.name.zh));
    expect(profile.reference.catalog()).toHaveLength(defaultCatalog.length);

    const duplicate = {
      ...pulled,
      id: uuidv7(),
      updatedAt: '2026-12-30T00:00:00.000Z',
      catalogVersion: '2027.1',
    };
    await profile.db.reference.insert(duplicate);
    await vi.waitFor(() => expect(profile.reference.findItem('JZ-YB-01')!.catalogVersion).toBe('2027.1'));
    expect(profile.reference.catalog()).toHaveLength(defaultCatalog.length);
  });

  it('counts working days with a holiday calendar the platform sends for a new year', async () => {
    const before = reportingDeadline('2026-12-30', profile.reference.calendar());
    expect(before.warnings).toEqual([{ code: 'calendarMissingYear', params: { year: 2027 } }]);
    const calendar: HolidayCalendarDocument = {
      id: uuidv7(),
      county: cityOf(county),
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      createdBy: 'city-operator',
      updatedBy: 'city-operator',
      kind: 'holidayCalendar',
      year: 2027,
      holidays: ['2027-01-01', '2027-01-04'],
      workdays: [],
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
    };
    expect(validateReferenceDocument(calendar, { today: '2026-12-28' })).toEqual([]);
    await profile.db.reference.insert(calendar);
    await vi.waitFor(() =>
      expect(reportingDeadline('2026-12-30', profile.reference.calendar())).toEqual({
        date: '2027-01-12',
        warnings: [],
      }),
    );
    expect(before.date).toBe('2027-01-08');
  });
});

describe('the platform’s validators of the credit collections', () => {
  it('refuse malformed reference documents with the path of the broken field', async () => {
    const [item] = await catalogDocs();
    const context = { today: '2026-12-28' };
    expect(validateReferenceDocument(item, context)).toEqual([]);
    expect(validateReferenceDocument({ ...item, name: { zh: '名称' } }, context)).toEqual([
      { field: 'name.en', code: 'missing' },
    ]);
    expect(validateReferenceDocument({ ...item, kind: 'template' }, context)).toEqual([
      { field: 'kind', code: 'oneOf' },
    ]);
    expect(
      validateReferenceDocument({ ...item, publicity: { ...item!.publicity, minMonths: 40 } }, context),
    ).toContainEqual({ field: 'publicity', code: 'catalog.publicityOrder' });
  });

  it('refuse credit records and decisions whose nested values have the wrong shape', async () => {
    const enterprise = await registerSubject(profile, enterpriseInput());
    const created = await profile.records.create({
      subjectId: enterprise.id,
      catalogCode: 'JZ-ZX-01',
      title: '省级优质工程奖',
      facts: '承建的住宅工程获评省级优质工程。',
      documentNumber: '',
      decisionDate: '2026-12-01',
      authority: '河南省住房和城乡建设厅',
      legalBasis: '',
      disclosure: 'public',
      publicityStart: '2026-12-01',
      publicityEnd: '2029-12-01',
    });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const context = { today: '2026-12-28' };
    expect(validateCreditRecordDocument(created.value, context)).toEqual([]);
    expect(
      validateCreditRecordDocument({ ...created.value, workflow: [{ action: 'approve', by: 'x' }] }, context),
    ).toEqual([
      { field: 'workflow.0.at', code: 'missing' },
      { field: 'workflow.0.note', code: 'missing' },
    ]);
    expect(validateCreditRecordDocument({ ...created.value, title: ' 奖 ' }, context)).toEqual([
      { field: 'title', code: 'notNormalized' },
    ]);
    const penalty = asDocument(samplePenalty(), 1);
    expect(validateDisclosureDocument(penalty, context)).toEqual([]);
    expect(validateDisclosureDocument({ ...penalty, penaltyCategories: [3] }, context)).toEqual([
      { field: 'penaltyCategories.0', code: 'type', params: { expected: 'string' } },
    ]);
  });
});

describe('automatic expiry', () => {
  async function approvedUntil(publicityEnd: string): Promise<string> {
    const enterprise = (await profile.subjects.list({ limit: 1 })).items[0]!;
    profile.signIn(users.clerk);
    profile.setNow('2026-06-01T02:00:00.000Z');
    const created = await profile.records.create({
      subjectId: enterprise.id,
      catalogCode: 'JZ-FX-01',
      title: '拖欠农民工工资预警',
      facts: '项目存在拖欠农民工工资投诉，正在核查。',
      documentNumber: '',
      decisionDate: '2026-06-01',
      authority: '武陟县住房和城乡建设局',
      legalBasis: '',
      disclosure: 'shared',
      publicityStart: '2026-06-01',
      publicityEnd,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    await profile.records.act(created.value.id, 'submit');
    profile.signIn(users.reviewer);
    await profile.records.act(created.value.id, 'approve');
    return created.value.id;
  }

  const statusOf = async (id: string) => (await profile.records.get(id))!.status;

  it('runs at start, then checks hourly and expires once the date has changed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await registerSubject(profile, enterpriseInput());
    const endedYesterday = await approvedUntil('2026-12-27');
    const endsToday = await approvedUntil('2026-12-28');

    let now = new Date('2026-12-28T12:00:00');
    profile.setNow(now.toISOString());
    const stop = keepExpiring(profile.records, () => now);
    await vi.waitFor(async () => expect(await statusOf(endedYesterday)).toBe('expired'));
    vi.advanceTimersByTime(3_600_000);
    expect(await statusOf(endsToday)).toBe('approved');

    now = new Date('2026-12-29T00:30:00');
    profile.setNow(now.toISOString());
    vi.advanceTimersByTime(3_600_000);
    await vi.waitFor(async () => expect(await statusOf(endsToday)).toBe('expired'));
    stop();
  });
});

function order(category: string): number {
  return ['basic', 'enhancing', 'generalDishonest', 'seriousDishonest', 'riskWarning'].indexOf(category);
}
