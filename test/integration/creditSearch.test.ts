import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CreditRecordDocument,
  type CreditRecordStatus,
  creditRecordJsonSchema,
} from '../../shared/model/creditRecord.ts';
import type { CreditRecordQuery } from '../../renderer/repositories/creditRecords.ts';
import {
  codes,
  enterpriseInput,
  openProfile,
  type Profile,
  recordFields,
  registerSubject,
} from './creditHarness.ts';

let profile: Profile | null = null;
afterEach(async () => {
  await profile?.close();
  profile = null;
});

const statuses: CreditRecordStatus[] = ['draft', 'submitted', 'approved'];
const categories = ['01', '02', '03'];

/** 150 records of two subjects, every filter value present, each changed at its own instant. */
async function seededProfile(): Promise<{
  profile: Profile;
  all: CreditRecordDocument[];
  subjects: string[];
}> {
  const opened = await openProfile();
  const first = await registerSubject(opened, enterpriseInput());
  const second = await registerSubject(
    opened,
    enterpriseInput({ name: '武陟县长安建材有限公司', code: codes.otherEnterprise }),
  );
  const template = await opened.records.create(recordFields(first.id));
  if (!template.ok) throw new Error('record refused');
  const all = Array.from(
    { length: 150 },
    (_, n): CreditRecordDocument => ({
      ...template.value,
      id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
      subjectId: n % 4 === 0 ? second.id : first.id,
      category: categories[n % 3]!,
      status: statuses[Math.floor(n / 3) % 3]!,
      title: n % 10 === 0 ? `拖欠农民工工资 ${n}` : `未按规定办理竣工验收备案 ${n}`,
      documentNumber: `武建罚字〔2026〕第${n}号`,
      updatedAt: new Date(Date.UTC(2026, 2, 7) + ((n * 7919) % 150) * 60_000).toISOString(),
    }),
  );
  // Test data straight into the collection: the list reads what sync or an import would have written.
  await opened.db.creditRecords.find({ selector: { id: template.value.id } }).remove();
  await opened.db.creditRecords.bulkInsert(all);
  return { profile: opened, all, subjects: [first.id, second.id] };
}

/** What the list must show: every match, last changed first. */
function expected(all: CreditRecordDocument[], query: CreditRecordQuery): CreditRecordDocument[] {
  const text = query.text?.toLowerCase() ?? '';
  return all
    .filter(
      (doc) =>
        (!query.subjectId || doc.subjectId === query.subjectId) &&
        (!query.category || doc.category === query.category) &&
        (!query.status || doc.status === query.status) &&
        (!text ||
          doc.title.toLowerCase().includes(text) ||
          doc.documentNumber.toLowerCase().includes(text) ||
          (query.textSubjects ?? []).includes(doc.subjectId)),
    )
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

describe('the credit-record list pages through indexes', () => {
  it('gives every filter’s pages and totals in the order of last change, without loading all matches', async () => {
    const seeded = await seededProfile();
    profile = seeded.profile;
    const [first, second] = seeded.subjects as [string, string];
    const find = vi.spyOn(profile.db.creditRecords, 'find');
    const queries: CreditRecordQuery[] = [
      {},
      { status: 'submitted' },
      { category: '02' },
      { category: '01', status: 'approved' },
      { subjectId: second },
      { subjectId: first, status: 'draft' },
      { text: '拖欠' },
      { text: '第14', textSubjects: [second] },
      { category: '03', text: '验收' },
    ];
    for (const query of queries) {
      const want = expected(seeded.all, query);
      expect(want.length).toBeGreaterThan(0);
      for (const offset of [0, 20, want.length - 5]) {
        const page = await profile.records.list({ ...query, offset, limit: 20 });
        expect(page.total, JSON.stringify(query)).toBe(want.length);
        expect(page.items.map((doc) => doc.id)).toEqual(want.slice(offset, offset + 20).map((doc) => doc.id));
      }
    }
    expect(find).not.toHaveBeenCalled();
  });

  it('reads records written after the list was first shown, and none removed', async () => {
    const seeded = await seededProfile();
    profile = seeded.profile;
    const newest = seeded.all[0]!;
    await profile.db.creditRecords.findOne(newest.id).remove();
    const [latest] = (await profile.records.list({ limit: 1 })).items;
    expect(latest?.id).not.toBe(newest.id);
    expect((await profile.records.list({})).total).toBe(149);
  });
});

describe('a profile written before the list indexes', () => {
  it('opens with every credit record intact and lists them through the new indexes', async () => {
    const seeded = await seededProfile();
    await seeded.profile.close();
    const name = `test-credit-v1-${Date.now()}`;
    const version1 = {
      ...creditRecordJsonSchema,
      version: 1,
      indexes: [
        'updatedAt',
        ['subjectId', 'decisionDate'],
        ['status', 'publicityEnd'],
        ['category', 'decisionDate'],
        ['source', 'sourceId'],
      ],
    } as unknown as RxJsonSchema<CreditRecordDocument>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    await old.addCollections({
      creditRecords: { schema: version1, migrationStrategies: { 1: (doc: CreditRecordDocument) => doc } },
    });
    await old.creditRecords.bulkInsert(seeded.all);
    await old.close();

    profile = await openProfile('2026-03-20T02:00:00.000Z', name);
    const stored = await profile.db.creditRecords.find().exec();
    const byId = new Map(seeded.all.map((doc) => [doc.id, doc]));
    expect(stored).toHaveLength(150);
    for (const doc of stored) expect(doc.toJSON()).toEqual(byId.get(doc.id));
    const page = await profile.records.list({ status: 'approved', limit: 10 });
    expect(page.items.map((doc) => doc.id)).toEqual(
      expected(seeded.all, { status: 'approved' })
        .slice(0, 10)
        .map((doc) => doc.id),
    );
  });
});

describe('the credit-record list’s search box', () => {
  it('finds records by words of the title or document number, or by the subject the words name', async () => {
    profile = await openProfile();
    const subject = await registerSubject(profile, enterpriseInput());
    const first = await profile.records.create(recordFields(subject.id));
    const second = await profile.records.create(
      recordFields(subject.id, { title: '拖欠农民工工资', documentNumber: '武建罚字〔2026〕第7号' }),
    );
    if (!first.ok || !second.ok) throw new Error('records refused');
    const titles = async (text: string, textSubjects: string[] = []) =>
      (await profile!.records.list({ text, textSubjects })).items.map((record) => record.title).sort();
    expect(await titles('竣工验收')).toEqual(['未按规定办理竣工验收备案']);
    expect(await titles('第7号')).toEqual(['拖欠农民工工资']);
    expect(await titles('宏达', [subject.id])).toHaveLength(2);
    expect(await titles('宏达')).toEqual([]);
    expect(await titles('')).toHaveLength(2);
  });
});
