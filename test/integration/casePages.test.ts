/**
 * The cases list pages its queues through the collection's indexes: the same cases, in the same order,
 * as reading every case and sorting in memory; counting stops at a cap and says "more". The open queue's
 * pages are the ones the queue gave when it read every open case and sorted it, on varied cases, without
 * reading every open case. A profile written before the list's indexes (schema versions 0 and 1) opens
 * with every case intact.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CaseQueue, casePage } from '../../renderer/cases/casePages.ts';
import { type CaseRepository, openCaseRepository } from '../../renderer/cases/repository.ts';
import { AttachmentStore } from '../../renderer/kernel/attachments.ts';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import { type CaseDeadlineConfig, caseDeadline, defaultCaseDeadlines } from '../../shared/cases/deadlines.ts';
import {
  type CaseDocument,
  type CaseStatus,
  type CaseStepEntry,
  caseJsonSchema,
  caseStatuses,
} from '../../shared/cases/model.ts';
import { sampleObjectionCase, sampleRepairCase } from '../../shared/cases/testFixtures.ts';
import { isCaseOpen } from '../../shared/cases/workflow.ts';
import { openCommitments } from './commitmentHarness.ts';
import { openProfile, type Profile, users } from './creditHarness.ts';
import { dayAfter, seededNumbers } from './seededData.ts';

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

  it.each([
    [0, ['updatedAt', ['recordId', 'status'], ['status', 'applicationDate']]],
    [
      1,
      ['updatedAt', ['recordId', 'status'], ['status', 'applicationDate'], ['applicationDate', 'updatedAt']],
    ],
  ])(
    'opens a profile written with schema version %i with every case intact, and pages it',
    async (version, indexes) => {
      const all = storedCases();
      const name = `test-cases-v${version}-${Date.now()}`;
      const previous = { ...caseJsonSchema, version, indexes } as unknown as RxJsonSchema<CaseDocument>;
      const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
      await old.addCollections({ cases: { schema: previous } });
      await old.cases.bulkInsert(all);
      await old.close();

      profile = await openProfile('2026-05-12T02:00:00.000Z', name);
      await migratePersonalCollections(profile.db);
      const stored = (await profile.db.cases.find().exec()).map((doc) => doc.toJSON() as CaseDocument);
      const byId = (a: CaseDocument, b: CaseDocument) => a.id.localeCompare(b.id);
      expect([...stored].sort(byId)).toEqual([...all].sort(byId));
      const cases = casesOf(profile);
      for (const queue of ['all', 'open'] as const)
        expect(
          (await cases.page({ queue, limit: 50 })).items.map((doc) => doc.id),
          queue,
        ).toEqual(expected(cases, all, queue));
    },
  );
});

/**
 * Cases of every state over April to June 2026 (Labour Day and Dragon Boat holidays), many on one day
 * or changed at one instant; a repair under review was accepted up to a week after its application.
 */
function variedCases(count: number): CaseDocument[] {
  const random = seededNumbers(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const step = (action: CaseStepEntry['action'], date: string): CaseStepEntry => ({
    action,
    by: 'reviewer-1',
    at: `${date}T0${Math.floor(random() * 9)}:00:00.000Z`,
    note: '意见',
  });
  return Array.from({ length: count }, (_, n) => {
    const applicationDate = dayAfter('2026-04-20', Math.floor(random() * 60));
    const accepted = dayAfter(applicationDate, Math.floor(random() * 7));
    const fields = {
      id: `019a0000-0000-7000-8000-${String(Math.floor(random() * 1e12)).padStart(12, '0')}`,
      applicationDate,
      updatedAt: `2026-06-${pick(['20', '21'])}T0${pick(['1', '2'])}:00:00.000Z`,
    };
    const states: [boolean, CaseStatus, CaseStepEntry[]][] = [
      [true, 'applied', []],
      [true, 'accepted', [step('accept', accepted)]],
      [true, 'reviewed', [step('accept', accepted), step('review', dayAfter(accepted, 2))]],
      [true, 'approved', [step('accept', accepted), step('approve', dayAfter(accepted, 3))]],
      [false, 'raised', []],
      [false, 'reviewed', [step('review', accepted)]],
      [false, 'upheld', [step('review', accepted), step('uphold', accepted)]],
    ];
    const [repair, status, workflow] = states[n % states.length]!;
    return repair
      ? sampleRepairCase({ ...fields, status, workflow })
      : sampleObjectionCase({ ...fields, status, workflow });
  });
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The open queue as it was computed before it paged: every open case, state by state through the
 * [status, applicationDate] index, then sorted by deadline, the latest application and the latest change.
 */
function readWhole(all: CaseDocument[], deadlineOf: (doc: CaseDocument) => string): string[] {
  return caseStatuses
    .filter(isCaseOpen)
    .flatMap((status) =>
      all
        .filter((doc) => doc.status === status)
        .sort((a, b) => byCodeUnits(a.applicationDate, b.applicationDate) || byCodeUnits(a.id, b.id)),
    )
    .map((doc) => ({ doc, deadline: deadlineOf(doc) || '9999' }))
    .sort(
      (a, b) =>
        a.deadline.localeCompare(b.deadline) ||
        b.doc.applicationDate.localeCompare(a.doc.applicationDate) ||
        b.doc.updatedAt.localeCompare(a.doc.updatedAt),
    )
    .map((entry) => entry.doc.id);
}

describe('the open queue', () => {
  it('gives the pages reading every open case gave, reading only as far as its page', async () => {
    profile = await openProfile('2026-06-22T02:00:00.000Z');
    const all = variedCases(280);
    await profile.db.cases.bulkInsert(all);
    const cases = casesOf(profile);
    const whole = readWhole(all, (doc) => cases.deadline(doc));
    expect(whole.length).toBe(200);
    for (const [offset, limit] of [
      [0, 10],
      [0, 50],
      [10, 10],
      [50, 50],
      [190, 50],
      [0, 500],
    ] as const) {
      const found = await cases.page({ queue: 'open', offset, limit });
      expect(
        found.items.map((doc) => doc.id),
        `${offset}+${limit}`,
      ).toEqual(whole.slice(offset, offset + limit));
      expect({ total: found.total, more: found.more }).toEqual({ total: 200, more: false });
    }
    for (const keys of [150, 199, 200, 201])
      expect(
        await cases.page({ queue: 'open', limit: 10 }, { keys, matches: 100 }),
        `cap ${keys}`,
      ).toMatchObject({
        total: Math.min(keys, 200),
        more: keys < 200,
      });

    // The first ten come from the index entries and the repairs whose clock starts at their acceptance,
    // not from every open case's document.
    const read = vi.spyOn(profile.db.cases, 'findByIds');
    await cases.page({ queue: 'open', limit: 10 });
    const documentsRead = read.mock.calls.reduce((sum, [ids]) => sum + ids.length, 0);
    read.mockRestore();
    expect(documentsRead).toBeGreaterThanOrEqual(10);
    expect(documentsRead).toBeLessThan(80);
  });

  it('puts the states without a time limit last, as before', async () => {
    profile = await openProfile('2026-06-22T02:00:00.000Z');
    const all = variedCases(140);
    await profile.db.cases.bulkInsert(all);
    const config: CaseDeadlineConfig = {
      ...defaultCaseDeadlines,
      objection: { raised: { days: 3, from: 'raised' } },
    };
    const calendar = profile.reference.calendar();
    const whole = readWhole(all, (doc) => caseDeadline(doc, calendar, config)?.date ?? '');
    for (const [offset, limit] of [
      [0, 20],
      [70, 30],
      [90, 20],
    ] as const) {
      const found = await casePage(profile.db.cases, { calendar, config }, { queue: 'open', offset, limit });
      expect(
        found.items.map((doc) => doc.id),
        `${offset}+${limit}`,
      ).toEqual(whole.slice(offset, offset + limit));
    }
  });
});

describe('the cases to-do list', () => {
  it('lists what reading every case listed, reading only the open cases with a time limit', async () => {
    profile = await openProfile('2026-06-22T02:00:00.000Z');
    const all = variedCases(140);
    await profile.db.cases.bulkInsert(all);
    const cases = casesOf(profile);
    const find = vi.spyOn(profile.db.cases, 'find');
    const read = vi.spyOn(profile.db.cases, 'findByIds');
    const listed: number[] = [];
    for (const session of [users.reviewer, users.clerk]) {
      profile.signIn(session);
      // As before: every case, those with a deadline whose next step the user may take (no record here).
      const today = '2026-06-22';
      const wanted = all
        .map((doc) => ({ doc, deadline: cases.deadline(doc) }))
        .filter(({ doc, deadline }) => deadline !== '' && cases.availableSteps(doc).length > 0)
        .map(({ doc, deadline }) => ({
          kind: deadline < today ? 'caseOverdue' : 'caseDue',
          to: `/cases/${doc.id}`,
          caseKind: doc.kind,
          name: '',
          date: deadline,
        }))
        .sort((a, b) => a.date.localeCompare(b.date) || a.to.localeCompare(b.to));
      expect(await cases.todos(), session.userId).toEqual(wanted);
      listed.push(wanted.length);
    }
    // The reviewer has cases to decide, overdue and due; the clerk none.
    expect(listed[0]).toBeGreaterThan(10);
    expect(find).not.toHaveBeenCalled();
    const readIds = new Set(read.mock.calls.flatMap(([ids]) => ids));
    expect([...readIds].sort()).toEqual(
      all
        .filter((doc) => isCaseOpen(doc.status) && cases.deadline(doc) !== '')
        .map((doc) => doc.id)
        .sort(),
    );
  });
});
