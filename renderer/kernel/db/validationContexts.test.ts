import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RxChangeEventBulk } from 'rxdb';
import { catalogItemId } from '../../../shared/creditRecords/catalog.ts';
import { defaultCatalog } from '../../../shared/creditRecords/defaultCatalog.ts';
import { openTestProfile, type TestProfile } from '../security/testSupport.ts';
import { ValidationContexts } from './validationContexts.ts';
import { Writer } from './writer.ts';
import type { JournalDocument, WriteStep } from './writerJournal.ts';

let test: TestProfile;
let writer: Writer;
let profile = 0;
const system = { judged: { userId: 'system', userName: 'system', county: '410800' } } as const;
/** A credit record's write: its validator reads the catalog. */
const recordWrite: WriteStep[] = [{ kind: 'bulkCreate', collection: 'creditRecords', docs: [] }];

beforeEach(async () => {
  profile++;
  test = await openTestProfile(`test-validation-contexts-${profile}`);
  writer = new Writer(test.db, test.local, test.context);
});

afterEach(async () => {
  await test.close();
});

/** The reference collection's reads: queries, and reads of its storage. */
function countReads(): () => number {
  const { reference } = test.db;
  const spies = [
    ...(['find', 'findOne', 'findByIds', 'count'] as const).map((method) => vi.spyOn(reference, method)),
    ...(['query', 'findDocumentsById', 'count'] as const).map((method) =>
      vi.spyOn(reference.storageInstance, method),
    ),
  ];
  return () => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
}

describe('the reference data held for the writer', () => {
  it('passes over a late event for a document it holds at that revision, and sees a real change', async () => {
    const item = defaultCatalog[0]!;
    const content = { ...structuredClone(item), kind: 'catalogItem', id: await catalogItemId(item.code) };
    const seedEvents: RxChangeEventBulk<unknown>[] = [];
    const watching = test.db.eventBulks$.subscribe((bulk) => {
      if (bulk.collectionName === 'reference') seedEvents.push(bulk);
    });
    const seeded = await writer.bulkCreate({
      permission: system,
      collection: 'reference',
      contents: [content],
    });
    watching.unsubscribe();
    expect(seeded.rejected).toEqual([]);
    expect(seedEvents.length).toBeGreaterThan(0);

    const contexts = new ValidationContexts(test.db.collections);
    expect((await contexts.of(recordWrite)).catalog?.map((held) => held.name.zh)).toEqual([item.name.zh]);

    // The seed's own events arrive again after the read (as they can reach the writer late): nothing is read.
    const reads = countReads();
    for (const bulk of seedEvents) test.db.$emit({ ...bulk, id: `late-${bulk.id}` });
    expect((await contexts.of(recordWrite)).catalog?.map((held) => held.name.zh)).toEqual([item.name.zh]);
    expect(reads()).toBe(0);

    // A real change of the item is read once, then held.
    const [stored] = seeded.created as JournalDocument[];
    const renamed = `${item.name.zh}（修订）`;
    const updated = await writer.write({
      permission: system,
      changes: [
        {
          kind: 'next',
          collection: 'reference',
          before: stored!,
          content: { ...stored!, name: { ...item.name, zh: renamed } },
        },
      ],
    });
    expect(updated.ok ? [] : updated.issues).toEqual([]);
    expect((await contexts.of(recordWrite)).catalog?.map((held) => held.name.zh)).toEqual([renamed]);
    const afterChange = reads();
    expect(afterChange).toBeGreaterThan(0);
    await contexts.of(recordWrite);
    expect(reads()).toBe(afterChange);
  });
});
