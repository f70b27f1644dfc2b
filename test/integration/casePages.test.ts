/**
 * The cases list pages its queues through the collection's indexes: the same cases, in the same order,
 * as reading every case and sorting in memory; counting stops at a cap and says "more". A profile written
 * before the list's index (schema version 0) opens with every case intact.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseQueue } from '../../renderer/cases/casePages.ts';
import { type CaseRepository, openCaseRepository } from '../../renderer/cases/repository.ts';
import { AttachmentStore } from '../../renderer/kernel/attachments.ts';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import { type CaseDocument, type CaseStatus, caseJsonSchema } from '../../shared/cases/model.ts';
import { sampleObjectionCase, sampleRepairCase } from '../../shared/cases/testFixtures.ts';
import { isCaseOpen } from '../../shared/cases/workflow.ts';
import { openCommitments } from './commitmentHarness.ts';
import { openProfile, type Profile } from './creditHarness.ts';

let profile: Profile;
afterEach(async () => {
  await profile.close();
});

function casesOf(opened: Profile): CaseRepository {
  return openCaseRepository(
    opened.db.cases,
    opened.local,
    opened.context,
    {
      creditRecords: opened.records,
      disclosures: opened.disclosures,
      reference: opened.reference,
      journal: opened.journal,
      attachments: new AttachmentStore(opened.local, opened.context.personalData, opened.context.clock),
    },
    openCommitments(opened).commitments,
  );
}

const statuses: CaseStatus[] = [
  'applied',
  'approved',
  'raised',
  'refused',
  'applied',
  'upheld',
  'raised',
  'revoked',
];

/**
 * Eight cases as a sync pull stores them (read here, never written through the app): half open, two on
 * the same application day, applied a day apart.
 */
function storedCases(): CaseDocument[] {
  return statuses.map((status, index) => {
    const fields = {
      id: `019a0000-0000-7000-8000-00000000010${index}`,
      applicationDate: `2026-05-0${Math.max(1, index)}`,
      updatedAt: `2026-05-10T0${index}:00:00.000Z`,
      status,
    };
    return ['applied', 'approved', 'refused'].includes(status)
      ? sampleRepairCase(fields)
      : sampleObjectionCase(fields);
  });
}

/** The read-everything answer. */
function expected(cases: CaseRepository, all: CaseDocument[], queue: CaseQueue): string[] {
  const byDate = [...all].sort(
    (a, b) =>
      b.applicationDate.localeCompare(a.applicationDate) ||
      b.updatedAt.localeCompare(a.updatedAt) ||
      b.id.localeCompare(a.id),
  );
  if (queue === 'all') return byDate.map((doc) => doc.id);
  if (queue === 'closed') return byDate.filter((doc) => !isCaseOpen(doc.status)).map((doc) => doc.id);
  return byDate
    .filter((doc) => isCaseOpen(doc.status))
    .map((doc) => ({ id: doc.id, deadline: cases.deadline(doc) }))
    .sort((a, b) => a.deadline.localeCompare(b.deadline))
    .map((entry) => entry.id);
}

describe('the cases list', () => {
  it('pages each queue in its order, counting up to a cap', async () => {
    profile = await openProfile('2026-05-12T02:00:00.000Z');
    const all = storedCases();
    await profile.db.cases.bulkInsert(all);
    const cases = casesOf(profile);
    for (const queue of ['open', 'closed', 'all'] as const) {
      const ids = expected(cases, all, queue);
      const first = await cases.page({ queue, limit: 3 });
      expect({ total: first.total, more: first.more, ids: first.items.map((doc) => doc.id) }, queue).toEqual({
        total: ids.length,
        more: false,
        ids: ids.slice(0, 3),
      });
      const rest = await cases.page({ queue, offset: 3, limit: 50 });
      expect(
        rest.items.map((doc) => doc.id),
        queue,
      ).toEqual(ids.slice(3));
    }
    // The open queue: nearest deadline first (the Labour Day holidays give 1, 2 and 4 May one deadline;
    // the later application first among them).
    const open = (await cases.page({ queue: 'open', limit: 50 })).items;
    expect(open.map((doc) => [doc.applicationDate, cases.deadline(doc)])).toEqual([
      ['2026-05-04', '2026-05-08'],
      ['2026-05-02', '2026-05-08'],
      ['2026-05-01', '2026-05-08'],
      ['2026-05-06', '2026-05-09'],
    ]);

    const caps = { keys: 3, matches: 2 };
    const everyCase = expected(cases, all, 'all');
    const capped = await cases.page({ queue: 'all', limit: 2 }, caps);
    expect({ total: capped.total, more: capped.more, ids: capped.items.map((doc) => doc.id) }).toEqual({
      total: 3,
      more: true,
      ids: everyCase.slice(0, 2),
    });
    const closed = await cases.page({ queue: 'closed', offset: 2, limit: 2 }, caps);
    expect({ total: closed.total, more: closed.more, ids: closed.items.map((doc) => doc.id) }).toEqual({
      total: 4,
      more: false,
      ids: expected(cases, all, 'closed').slice(2),
    });
  });

  it('opens a profile written before the list index with every case intact, and pages it', async () => {
    const all = storedCases();
    const name = `test-cases-v0-${Date.now()}`;
    const version0 = {
      ...caseJsonSchema,
      version: 0,
      indexes: ['updatedAt', ['recordId', 'status'], ['status', 'applicationDate']],
    } as unknown as RxJsonSchema<CaseDocument>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    await old.addCollections({ cases: { schema: version0 } });
    await old.cases.bulkInsert(all);
    await old.close();

    profile = await openProfile('2026-05-12T02:00:00.000Z', name);
    await migratePersonalCollections(profile.db);
    const stored = (await profile.db.cases.find().exec()).map((doc) => doc.toJSON() as CaseDocument);
    const byId = (a: CaseDocument, b: CaseDocument) => a.id.localeCompare(b.id);
    expect([...stored].sort(byId)).toEqual([...all].sort(byId));
    const cases = casesOf(profile);
    expect((await cases.page({ queue: 'all', limit: 50 })).items.map((doc) => doc.id)).toEqual(
      expected(cases, all, 'all'),
    );
  });
});
