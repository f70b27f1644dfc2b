import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CreditRecordDocument,
  type CreditRecordStatus,
  creditRecordJsonSchema,
} from '../../shared/creditRecords/model.ts';
import type { CreditRecordQuery } from '../../renderer/creditRecords/repository.ts';
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

describe('the credit-record word index', () => {
  const wordQueries = (subjects: string[]): CreditRecordQuery[] => [
    { text: '拖欠' },
    { text: '农民工工资' },
    { text: '欠' },
    { text: '第14' },
    { text: 'abc-7' },
    { text: 'ABC' },
    { text: '第14', textSubjects: [subjects[1]!] },
    { category: '03', text: '验收' },
    { subjectId: subjects[0]!, status: 'draft', text: '备案' },
    { text: '没有这样的词' },
    // Every record: a first page picked from many matches without sorting them all.
    { text: '号' },
  ];

  async function expectSameAsReadingEveryRecord(all: CreditRecordDocument[], subjects: string[]) {
    for (const query of wordQueries(subjects)) {
      const want = expected(all, query);
      for (const offset of [0, 10]) {
        const page = await profile!.records.list({ ...query, offset, limit: 10 });
        expect(page.total, JSON.stringify(query)).toBe(want.length);
        expect(page.items.map((doc) => doc.id)).toEqual(want.slice(offset, offset + 10).map((doc) => doc.id));
      }
    }
  }

  it('answers Chinese words by bigrams and ASCII ones case-blind, as reading every record does, and follows edits', async () => {
    const seeded = await seededProfile();
    profile = seeded.profile;
    const all = seeded.all.map((doc, n) =>
      n % 7 === 0 ? { ...doc, documentNumber: `ABC-${n}`, title: `${doc.title} abc` } : doc,
    );
    await profile.db.creditRecords.bulkUpsert(all.filter((_, n) => n % 7 === 0));
    await profile.records.words.build();
    expect(profile.records.words.ready).toBe(true);
    const find = vi.spyOn(profile.db.creditRecords, 'find');
    await expectSameAsReadingEveryRecord(all, seeded.subjects);
    expect(find).not.toHaveBeenCalled();

    // Edits after the index was built: a title changed, a record removed, one added.
    const changed = { ...all[3]!, title: '拖欠农民工工资 改', updatedAt: '2026-04-01T00:00:00.000Z' };
    await profile.db.creditRecords.upsert(changed);
    await profile.db.creditRecords.findOne(all[10]!.id).remove();
    const added = {
      ...all[5]!,
      id: '00000000-0000-7000-8000-00000000f00d',
      title: '拖欠工资',
      documentNumber: 'ABC-999',
    };
    await profile.db.creditRecords.insert(added);
    const now = [...all.filter((doc) => doc.id !== all[10]!.id && doc.id !== changed.id), changed, added];
    await expectSameAsReadingEveryRecord(now, seeded.subjects);
    const [first] = (await profile.records.list({ text: '拖欠', limit: 1 })).items;
    expect(first?.id).toBe(changed.id);
  });

  it('is stored, and a reopened profile reads only the records written after the stored copy', async () => {
    const seeded = await seededProfile();
    profile = seeded.profile;
    await profile.records.words.build();
    await profile.records.words.flush();
    // The stored checkpoint set to the newest write exactly (it is normally a few seconds behind).
    const written = await profile.db.creditRecords.storageInstance.findDocumentsById(
      seeded.all.map((doc) => doc.id),
      false,
    );
    const newest = written
      .map((doc) => ({ id: doc.id, lwt: doc._meta.lwt }))
      .reduce((a, b) => (b.lwt > a.lwt || (b.lwt === a.lwt && b.id > a.id) ? b : a));
    const stored = (await profile.local.caches.get('creditRecordWords'))!;
    await profile.local.caches.put({ ...stored, value: { ...(stored.value as object), checkpoint: newest } });
    // Written after the stored copy: a title changed, a record removed, one added.
    const changed = { ...seeded.all[3]!, title: '拖欠农民工工资 改', updatedAt: '2026-04-01T00:00:00.000Z' };
    await profile.db.creditRecords.upsert(changed);
    const removed = seeded.all[10]!;
    await profile.db.creditRecords.findOne(removed.id).remove();
    const added = {
      ...seeded.all[5]!,
      id: '00000000-0000-7000-8000-00000000f00d',
      title: '拖欠工资',
      updatedAt: '2026-04-01T00:01:00.000Z',
    };
    await profile.db.creditRecords.insert(added);
    const name = profile.name;
    await profile.close();

    profile = await openProfile('2026-04-02T02:00:00.000Z', name);
    const read = vi.spyOn(profile.db.creditRecords.storageInstance, 'findDocumentsById');
    const queried = vi.spyOn(profile.db.creditRecords.storageInstance, 'query');
    await profile.records.words.build();
    expect(profile.records.words.ready).toBe(true);
    expect(new Set(read.mock.calls.flatMap(([ids]) => ids))).toEqual(
      new Set([changed.id, removed.id, added.id]),
    );
    expect(queried).not.toHaveBeenCalled();
    const now = [
      ...seeded.all.filter((doc) => doc.id !== removed.id && doc.id !== changed.id),
      changed,
      added,
    ];
    await expectSameAsReadingEveryRecord(now, seeded.subjects);
  });

  it('reads every record again when the stored copy no longer matches the records', async () => {
    const seeded = await seededProfile();
    profile = seeded.profile;
    await profile.records.words.build();
    await profile.records.words.flush();
    const stored = (await profile.local.caches.get('creditRecordWords'))!;
    // A removal the copy's checkpoint is past, as when a restored profile replaced the records.
    const removed = seeded.all[10]!;
    await profile.db.creditRecords.findOne(removed.id).remove();
    const value = stored.value as object;
    await profile.local.caches.put({
      ...stored,
      value: { ...value, checkpoint: { id: '', lwt: Date.now() + 86_400_000 } },
    });
    const name = profile.name;
    await profile.close();

    profile = await openProfile('2026-04-02T02:00:00.000Z', name);
    await profile.records.words.build();
    await expectSameAsReadingEveryRecord(
      seeded.all.filter((doc) => doc.id !== removed.id),
      seeded.subjects,
    );
  });
});
