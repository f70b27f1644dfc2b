/**
 * The kernel's word index (renderer/kernel/db/wordIndex.ts) on a real collection, with a spec of its own:
 * built from the documents, following every change, stored and taken back by the next session (reading
 * only what was written since), read again in full when the stored copy is of another format.
 */
import { pinStoredCheckpoint } from './wordIndexSupport.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WordIndex, type WordIndexSpec, type WordQuery } from '../../renderer/kernel/db/wordIndex.ts';
import {
  memorySecretStore,
  openTestProfile,
  type TestProfile,
} from '../../renderer/kernel/security/testSupport.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { pushedCommitment } from '../../shared/commitments/testFixtures.ts';
import type { CommitmentStatus } from '../../shared/commitments/types.ts';

let profile: TestProfile | null = null;
afterEach(async () => {
  await profile?.close();
  profile = null;
});

const secrets = memorySecretStore();
let profiles = 0;
const open = (name: string) => openTestProfile(name, { secrets, only: ['commitments', 'users', 'auditLog'] });

type Field = 'status' | 'subjectId';
const spec: WordIndexSpec<CommitmentDocument, Field> = {
  key: 'testWords',
  format: 1,
  name: 'test',
  words: (doc) => `${doc.number}\n${doc.reason}`,
  fields: ['status', 'subjectId'],
  fieldsOf: ({ status, subjectId }) => ({ status, subjectId }),
};

const statuses: CommitmentStatus[] = ['draft', 'accepted', 'fulfilled'];

/** 60 documents: three reasons, three statuses, two subjects, changed at spread instants (some equal). */
function documents(): CommitmentDocument[] {
  return Array.from({ length: 60 }, (_, n) =>
    pushedCommitment(
      '410823',
      'clerk-1',
      n,
      new Date(Date.UTC(2026, 2, 1) + ((n * 7) % 40) * 60_000).toISOString(),
      {
        reason: ['拖欠农民工工资 ABC', '未按规定办理竣工验收备案', '申请施工许可 abc-7'][n % 3]!,
        status: statuses[Math.floor(n / 3) % 3]!,
        subjectId: n % 4 === 0 ? 'subject-b' : 'subject-a',
      },
    ),
  );
}

/** What a search must give: every match, last changed first, ties by the later id first. */
function expected(all: CommitmentDocument[], query: WordQuery<Field>): string[] {
  const words = query.text.trim().toLowerCase();
  return all
    .filter(
      (doc) =>
        (spec.words(doc).toLowerCase().includes(words) ||
          query.alsoWhere?.values.has(doc[query.alsoWhere.field])) &&
        (query.keep?.(spec.fieldsOf(doc)) ?? true),
    )
    .sort((a, b) =>
      a.updatedAt !== b.updatedAt ? b.updatedAt.localeCompare(a.updatedAt) : a.id < b.id ? 1 : -1,
    )
    .map((doc) => doc.id);
}

const queries: WordQuery<Field>[] = [
  { text: '拖欠' },
  { text: '农民工工资' },
  { text: ' 欠 ' },
  { text: 'abc' },
  { text: 'ABC-7' },
  { text: '000012' },
  { text: '验收', keep: (entry) => entry.status === 'accepted' },
  { text: '许可', alsoWhere: { field: 'subjectId', values: new Set(['subject-b']) } },
  { text: '没有这样的词' },
];

function expectSameAsReading(index: WordIndex<CommitmentDocument, Field>, all: CommitmentDocument[]) {
  for (const query of queries) {
    const want = expected(all, query);
    for (const offset of [0, 7]) {
      const found = index.search(query, { offset, limit: 7 });
      expect(found, query.text).toEqual({ total: want.length, ids: want.slice(offset, offset + 7) });
    }
    expect(new Set(index.matchingEntries(query)?.map((entry) => entry.id))).toEqual(new Set(want));
  }
}

async function seeded(): Promise<{ name: string; all: CommitmentDocument[] }> {
  const name = `test-word-index-${++profiles}-${Date.now()}`;
  profile = await open(name);
  const all = documents();
  await profile.db.commitments.bulkInsert(all);
  return { name, all };
}

describe('the word index', () => {
  it('answers nothing until built, then what reading every document answers, and follows every change', async () => {
    const { all } = await seeded();
    const index = new WordIndex(profile!.db.commitments, profile!.local, spec);
    expect(index.search({ text: '拖欠' }, { offset: 0, limit: 10 })).toBeNull();
    expect(index.matchingEntries({ text: '拖欠' })).toBeNull();
    // A change while it builds: the newer version stays.
    const building = index.build();
    const early = { ...all[1]!, reason: '拖欠工资 改', updatedAt: '2026-04-01T00:00:00.000Z' };
    await profile!.db.commitments.upsert(early);
    await building;
    expect(index.ready).toBe(true);
    let now = all.map((doc) => (doc.id === early.id ? early : doc));
    expectSameAsReading(index, now);

    const changed = { ...all[4]!, reason: '拖欠农民工工资 再改', updatedAt: '2026-04-02T00:00:00.000Z' };
    await profile!.db.commitments.upsert(changed);
    await profile!.db.commitments.findOne(all[9]!.id).remove();
    const added = pushedCommitment('410823', 'clerk-1', 777, '2026-04-03T00:00:00.000Z', {
      reason: '拖欠 abc',
    });
    await profile!.db.commitments.insert(added);
    now = [...now.filter((doc) => doc.id !== all[9]!.id && doc.id !== changed.id), changed, added];
    expectSameAsReading(index, now);
    expect(index.search({ text: '拖欠' }, { offset: 0, limit: 1 })?.ids).toEqual([added.id]);
  });

  it('is stored, and the next session takes it back, reading only the documents written since', async () => {
    const { name, all } = await seeded();
    const first = new WordIndex(profile!.db.commitments, profile!.local, spec);
    await first.build();
    await first.flush();
    await pinStoredCheckpoint(
      profile!.db.commitments,
      profile!.local,
      spec.key,
      all.map((doc) => doc.id),
    );
    const changed = { ...all[2]!, reason: '拖欠工资', updatedAt: '2026-04-01T00:00:00.000Z' };
    await profile!.db.commitments.upsert(changed);
    await profile!.db.commitments.findOne(all[3]!.id).remove();
    await profile!.close();

    profile = await open(name);
    const next = new WordIndex(profile.db.commitments, profile.local, spec);
    const read = vi.spyOn(profile.db.commitments.storageInstance, 'findDocumentsById');
    await next.build();
    expect(new Set(read.mock.calls.flatMap(([ids]) => ids))).toEqual(new Set([changed.id, all[3]!.id]));
    expectSameAsReading(
      next,
      all.filter((doc) => doc.id !== all[3]!.id).map((doc) => (doc.id === changed.id ? changed : doc)),
    );
  });

  it('reads every document again when the stored copy is of another format, or no longer matches them', async () => {
    const { all } = await seeded();
    const first = new WordIndex(profile!.db.commitments, profile!.local, spec);
    await first.build();
    await first.flush();

    // The capability indexes other words now and says so by its format.
    const bumped = { ...spec, format: 2, words: (doc: CommitmentDocument) => doc.reason };
    const read = vi.spyOn(profile!.db.commitments.storageInstance, 'findDocumentsById');
    const reindexed = new WordIndex(profile!.db.commitments, profile!.local, bumped);
    await reindexed.build();
    expect(new Set(read.mock.calls.flatMap(([ids]) => ids))).toEqual(new Set(all.map((doc) => doc.id)));
    expect(reindexed.search({ text: '000012' }, { offset: 0, limit: 10 })?.total).toBe(0);
    expect(reindexed.search({ text: '拖欠' }, { offset: 0, limit: 10 })?.total).toBe(20);

    // A copy in the shape before the kernel's layout (no layout field): read again too.
    read.mockClear();
    const stored = (await profile!.local.caches.get(spec.key))!;
    const { layout: _layout, ...older } = stored.value as { layout: number };
    await profile!.local.caches.put({ ...stored, value: older });
    const again = new WordIndex(profile!.db.commitments, profile!.local, spec);
    await again.build();
    expect(read.mock.calls.flatMap(([ids]) => ids)).toHaveLength(all.length);
    expectSameAsReading(again, all);

    // A copy whose checkpoint is past a removal it does not hold (a restored profile): read again.
    await again.flush();
    const current = (await profile!.local.caches.get(spec.key))!;
    await profile!.db.commitments.findOne(all[0]!.id).remove();
    await profile!.local.caches.put({
      ...current,
      value: { ...(current.value as object), checkpoint: { id: '', lwt: Date.now() + 86_400_000 } },
    });
    const restored = new WordIndex(profile!.db.commitments, profile!.local, spec);
    await restored.build();
    expectSameAsReading(restored, all.slice(1));
  });
});
