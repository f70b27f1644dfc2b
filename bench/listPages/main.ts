// The lists' first pages at a realistic size, in Chromium (run by bench/listPages.ts): documents are
// written straight into a profile in their stored shape (as a sync pull would write them), the profile
// is opened again, and each list's first pages are read through its repository, timed against reading
// every document of the list as the lists did before, in the same run.
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openCaseRepository } from '../../renderer/cases/repository.ts';
import {
  commitmentWordIndex,
  commitmentWordQuery,
  personsNamed,
} from '../../renderer/commitments/commitmentWords.ts';
import { type CommitmentPageQuery, CommitmentRepository } from '../../renderer/commitments/repository.ts';
import { SubjectRepository } from '../../renderer/subjects/repository.ts';
import { ProjectRepository } from '../../renderer/inspections/projects.ts';
import { InspectionRepository } from '../../renderer/inspections/repository.ts';
import { addDays } from '../../shared/base/calendar/dates.ts';
import {
  type InspectionDocument,
  indexFieldNames,
  inspectionJsonSchema,
  type ProjectDocument,
} from '../../shared/inspections/document.ts';
import { migrationBatch, migrationStrategies } from '../../renderer/kernel/db/database.ts';
import { version4InspectionSchema } from '../../test/integration/inspectionVersions.ts';
import { figureScan, inspectionFigures } from '../../shared/inspections/figures.ts';
import { storedInspection, storedOrder } from '../../shared/inspections/testFixtures.ts';
import { orderFilters, orderRows } from '../../shared/inspections/orders.ts';
import { unlinked } from '../../renderer/inspections/kindStore.ts';
import { ReferenceRepository } from '../../renderer/reference/repository.ts';
import { openTestProfile } from '../../renderer/kernel/security/testSupport.ts';
import { memorySecretStore } from '../../renderer/kernel/security/testSupport.ts';
import { type CaseDocument, type CaseStatus, caseStatuses } from '../../shared/cases/model.ts';
import { sampleObjectionCase, sampleRepairCase } from '../../shared/cases/testFixtures.ts';
import { sampleLicence, samplePenalty } from '../../shared/creditRecords/testFixtures.ts';
import type { DisclosureDocument } from '../../shared/disclosures/model.ts';
import { DeclarationRepository } from '../../renderer/inspections/declarations.ts';
import { declaredConflicts } from '../../shared/inspections/declarations.ts';
import { WriteJournal } from '../../renderer/kernel/db/writeJournal.ts';
import { DisclosureRepository } from '../../renderer/disclosures/repository.ts';
import { documentsInOrder, indexedPage } from '../../renderer/kernel/db/indexedPages.ts';
import { isCaseOpen } from '../../shared/cases/workflow.ts';
import { pushedCommitment } from '../../shared/commitments/testFixtures.ts';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import { ReportService } from '../../renderer/reports/reportService.ts';
import { emptyProject, projectMatches, projectState } from '../../shared/inspections/project.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import {
  type CommitmentStatus,
  type CommitmentType,
  commitmentTypes,
} from '../../shared/commitments/types.ts';

const parameters = new URLSearchParams(location.search);
const count = Number(parameters.get('count') ?? 20_000);
/** One case in this many is open (50 by default: deadlines of working days keep the queue short). */
const openEvery = Number(parameters.get('openEvery') ?? 50);
/** The lists to measure (all by default). */
const lists = (
  parameters.get('lists') ?? 'commitments,projects,cases,disclosures,declarations,inspections,reports'
).split(',');
const secrets = memorySecretStore();
const now = { value: new Date('2026-11-20T08:00:00Z') };
const today = '2026-11-20';
const name = 'bench-list-pages';
const chunk = 5_000;
const base = Date.UTC(2022, 0, 1);
const statuses: CommitmentStatus[] = ['accepted', 'accepted', 'fulfilled', 'notFulfilled', 'withdrawn'];
const family = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

interface Measured {
  list: string;
  count: number;
  writtenMs: number;
  baselineMs: number;
  pages: Record<string, number>;
  /** Other times of the run (not pages). */
  notes?: Record<string, number>;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const open = () => openTestProfile(name, { secrets, now });

/** Letters over five years, one an hour, of varied parties, types, statuses and deadlines. */
async function writeCommitments(): Promise<number> {
  const profile = await open();
  const start = performance.now();
  for (let from = 0; from < count; from += chunk) {
    const docs = [];
    for (let n = from; n < Math.min(count, from + chunk); n++) {
      const at = new Date(base + n * 3_600_000).toISOString();
      const status = statuses[n % statuses.length]!;
      const type: CommitmentType = commitmentTypes[n % commitmentTypes.length]!;
      const deadline = new Date(Date.UTC(2026, 10, 1) + (n % 60) * 86_400_000).toISOString().slice(0, 10);
      docs.push(
        pushedCommitment('410823', 'bench', n, at, {
          status,
          type,
          subjectName: `${family[Math.floor(n / 5) % family.length]}${n % 7919}建筑工程有限公司`,
          materialsDeadline: deadline,
        }),
      );
    }
    const written = await profile.db.commitments.bulkInsert(docs);
    if (written.error.length > 0) throw new Error(`writing letters failed: ${written.error[0]!.status}`);
  }
  const ms = performance.now() - start;
  await profile.close();
  return ms;
}

async function measureCommitments(): Promise<Measured> {
  const writtenMs = await writeCommitments();
  const profile = await open();
  const reference = await ReferenceRepository.open(profile.db.reference);
  const subjects = await SubjectRepository.open(profile.db.subjects, profile.local, profile.context);
  const commitments = new CommitmentRepository(profile.db.commitments, profile.local, profile.context, {
    reference,
    subjects,
    records: undefined as never,
    journal: undefined as never,
    attachments: undefined as never,
    office: { county: '410823', officeName: '武陟县住房和城乡建设局' },
    provisions: undefined as never,
  });
  const pages: Record<string, number> = {};
  pages['first page, recent first'] = await timed(() => commitments.page({ limit: 50 }));
  pages['first page, by party name'] = await timed(() => commitments.page({ order: 'name', limit: 50 }));
  pages['next page, recent first'] = await timed(() => commitments.page({ offset: 50, limit: 50 }));
  pages['status accepted'] = await timed(() => commitments.page({ status: 'accepted', limit: 50 }));
  pages['status accepted, by name'] = await timed(() =>
    commitments.page({ status: 'accepted', order: 'name', limit: 50 }),
  );
  pages.type = await timed(() => commitments.page({ type: 'industrySelfDiscipline', limit: 50 }));
  pages['open only'] = await timed(() => commitments.page({ open: true, limit: 50 }));
  pages['follow-up overdue'] = await timed(() => commitments.page({ followUp: 'overdue', limit: 50 }));
  pages['words, before the word index'] = await timed(() => commitments.page({ text: '王12', limit: 50 }));
  pages['first page again (warm)'] = await timed(() => commitments.page({ limit: 50 }));
  const baselineMs = await timed(async () => (await commitments.list()).slice(0, 50));
  // The word index, built after the first screen in the app, then the same and other searches through it.
  await subjects.indexed;
  const notes: Record<string, number> = {};
  notes['word index built'] = await timed(() => commitments.words.build());
  if (!commitments.words.ready) throw new Error('the commitments word index was not built');
  const words: [string, CommitmentPageQuery][] = [
    ['words (name and number)', { text: '王12', limit: 50 }],
    ['words, a serial', { text: '000123', limit: 50 }],
    ['words in every name, next page', { text: '建筑工程', offset: 50, limit: 50 }],
    ['words and status accepted', { text: '李1', status: 'accepted', limit: 50 }],
    ['words, by party name', { text: '王12', order: 'name', limit: 50 }],
    ['words in every name, by name', { text: '建筑工程', order: 'name', limit: 50 }],
    ['a tenth of the names, sorting last, by name', { text: '黄', order: 'name', limit: 50 }],
    ['a tenth of the names, by name, page 3', { text: '黄', order: 'name', offset: 100, limit: 50 }],
    ['a few names, by name', { text: '黄12', order: 'name', limit: 50 }],
  ];
  for (const [label, query] of words.filter(([, query]) => query.order !== 'name'))
    pages[label] = await timed(() => commitments.page(query));
  // Name order against the search as it was before (up to 1,000 matches read and sorted, past that the name
  // index walked reading each letter until the page was found): each timed twice, before / now / now /
  // before, the faster of each kept.
  const before = async (query: CommitmentPageQuery) => {
    const ids = commitments.words
      .matchingEntries(commitmentWordQuery(query.text!, personsNamed(subjects, query.text!)!, query))!
      .map((entry) => entry.id);
    const offset = query.offset ?? 0;
    const matched = new Set(ids);
    const pageIds =
      ids.length <= 1000
        ? (await profile.db.commitments.storageInstance.findDocumentsById(ids, false))
            .sort((a, b) => (a.subjectName < b.subjectName ? -1 : a.subjectName > b.subjectName ? 1 : 0))
            .slice(offset, offset + query.limit)
            .map((stored) => stored.id)
        : (
            await indexedPage(profile.db.commitments, {
              index: ['subjectName'],
              offset,
              limit: query.limit,
              filter: (stored) => matched.has(stored.id as string),
              countUpTo: 0,
            })
          ).ids;
    await documentsInOrder(profile.db.commitments, pageIds);
  };
  for (const [label, query] of words.filter(([, query]) => query.order === 'name')) {
    const old1 = await timed(() => before(query));
    const now1 = await timed(() => commitments.page(query));
    const now2 = await timed(() => commitments.page(query));
    const old2 = await timed(() => before(query));
    pages[label] = Math.min(now1, now2);
    notes[`before: ${label}`] = Math.min(old1, old2);
  }
  // Letters written in the last seconds before the stored copy are read again: here, most of them.
  await commitments.words.flush();
  const next = commitmentWordIndex(profile.db.commitments, profile.local);
  notes['word index from its stored copy'] = await timed(() => next.build());
  await profile.close();
  return { list: 'commitments', count, writtenMs, baselineMs, pages, notes };
}

/** Writes `make(n)` for n below `count` into a collection of a fresh profile, in chunks; the time taken. */
async function write<T>(
  collection: 'cases' | 'inspections' | 'disclosures' | 'auditLog',
  make: (n: number) => T,
): Promise<number> {
  const profile = await open();
  const start = performance.now();
  for (let from = 0; from < count; from += chunk) {
    const docs: T[] = [];
    for (let n = from; n < Math.min(count, from + chunk); n++) docs.push(make(n));
    const written = await profile.db[collection].bulkInsert(docs as never[]);
    if (written.error.length > 0)
      throw new Error(`writing ${collection} failed: ${written.error[0]!.status}`);
  }
  const ms = performance.now() - start;
  await profile.close();
  return ms;
}

const instantOf = (n: number) => new Date(base + n * 3_600_000).toISOString();

async function measureProjects(): Promise<Measured> {
  const writtenMs = await write('inspections', (n): ProjectDocument => {
    const at = instantOf(n);
    return {
      id: uuidv7(),
      county: '410823',
      createdAt: at,
      updatedAt: at,
      createdBy: 'bench',
      updatedBy: 'bench',
      kind: 'project',
      ...unlinked,
      state: projectState,
      steps: [],
      project: {
        ...emptyProject(),
        name: `${family[n % family.length]}庄安置小区${n}期`,
        type: 'construction',
      },
    } as unknown as ProjectDocument;
  });
  const profile = await open();
  const projects = new ProjectRepository(profile.db.inspections, profile.context, undefined as never);
  const pages: Record<string, number> = {};
  pages['first page, recent first'] = await timed(() => projects.page({ limit: 50 }));
  pages['next page'] = await timed(() => projects.page({ offset: 50, limit: 50 }));
  pages['search words'] = await timed(() =>
    projects.page({ accepts: (doc) => projectMatches(doc.project, '王庄'), limit: 50 }),
  );
  const baselineMs = await timed(async () => (await projects.list()).slice(0, 50));
  await profile.close();
  return { list: 'projects register', count, writtenMs, baselineMs, pages };
}

/** The open states with the steps that led there, a repair accepted two days after its application. */
function openCase(n: number, applicationDate: string, updatedAt: string): CaseDocument {
  const id = uuidv7();
  const step = (action: 'accept' | 'review', days: number) => ({
    action,
    by: 'bench',
    at: new Date(Date.parse(`${applicationDate}T02:00:00Z`) + days * 86_400_000).toISOString(),
    note: '',
  });
  const fields = { id, updatedAt, applicationDate };
  switch (n % 5) {
    case 0:
      return sampleRepairCase({ ...fields, status: 'applied' });
    case 1:
      return sampleRepairCase({ ...fields, status: 'accepted', workflow: [step('accept', 2)] });
    case 2:
      return sampleRepairCase({
        ...fields,
        status: 'reviewed',
        workflow: [step('accept', 2), step('review', 5)],
      });
    case 3:
      return sampleObjectionCase({ ...fields, status: 'raised' });
    default:
      return sampleObjectionCase({ ...fields, status: 'reviewed', workflow: [step('review', 2)] });
  }
}

/**
 * The open queue as it was read before it paged: every open case through the [status, applicationDate]
 * index, then their documents, then each deadline and the sort; the time of each part.
 */
async function openQueueReadWhole(
  collection: Parameters<typeof documentsInOrder<CaseDocument>>[0],
  deadline: (doc: CaseDocument) => string,
): Promise<Record<string, number>> {
  const start = performance.now();
  const found = await Promise.all(
    caseStatuses
      .filter(isCaseOpen)
      .map((status) =>
        indexedPage(collection, { index: ['status', 'applicationDate'], equal: [status], limit: 1e9 }),
      ),
  );
  const keysAt = performance.now();
  const open = await documentsInOrder(
    collection,
    found.flatMap((scan) => scan.ids),
  );
  const documentsAt = performance.now();
  open
    .map((doc) => ({ doc, deadline: deadline(doc) || '9999' }))
    .sort(
      (a, b) =>
        a.deadline.localeCompare(b.deadline) ||
        b.doc.applicationDate.localeCompare(a.doc.applicationDate) ||
        b.doc.updatedAt.localeCompare(a.doc.updatedAt),
    )
    .slice(0, 50);
  const end = performance.now();
  return {
    'open, read whole as before': end - start,
    '  of which index keys (and counts)': keysAt - start,
    '  of which documents': documentsAt - keysAt,
    '  of which deadlines and sort': end - documentsAt,
  };
}

async function measureCases(): Promise<Measured> {
  const closed = caseStatuses.filter((status) => !isCaseOpen(status));
  const writtenMs = await write('cases', (n) => {
    const at = instantOf(n);
    if (n % openEvery === 0) return openCase(n / openEvery, at.slice(0, 10), at);
    const status: CaseStatus = closed[n % closed.length]!;
    return sampleRepairCase({ id: uuidv7(), updatedAt: at, applicationDate: at.slice(0, 10), status });
  });
  const profile = await open();
  const reference = await ReferenceRepository.open(profile.db.reference);
  const cases = openCaseRepository(
    profile.db.cases,
    profile.local,
    profile.context,
    {
      reference,
      // No record is held here: the to-dos name none.
      creditRecords: { get: async () => null } as never,
      disclosures: undefined as never,
      journal: undefined as never,
      attachments: undefined as never,
    },
    undefined as never,
  );
  const pages: Record<string, number> = {};
  profile.actAs({
    userId: 'bench-reviewer',
    userName: '审核',
    county: '410823',
    username: 'r',
    roles: ['reviewer'],
  });
  pages['to-dos (open cases with a time limit)'] = await timed(() => cases.todos());
  const notes: Record<string, number> = {};
  // As the to-dos read them before: every case, each tested for a deadline and a step the user may take.
  notes['to-dos as before, reading every case'] = await timed(async () =>
    (await profile.db.cases.find().exec())
      .map((doc) => doc.toJSON() as CaseDocument)
      .filter((doc) => cases.deadline(doc) !== '' && cases.availableSteps(doc).length > 0),
  );
  pages['all, latest application first'] = await timed(() => cases.page({ queue: 'all', limit: 50 }));
  pages['closed only'] = await timed(() => cases.page({ queue: 'closed', limit: 50 }));
  pages['open, nearest deadline first'] = await timed(() => cases.page({ queue: 'open', limit: 50 }));
  pages['open, next page'] = await timed(() => cases.page({ queue: 'open', offset: 50, limit: 50 }));
  Object.assign(pages, await openQueueReadWhole(profile.db.cases, (doc) => cases.deadline(doc)));
  pages['open, first page again (warm)'] = await timed(() => cases.page({ queue: 'open', limit: 50 }));
  const baselineMs = await timed(async () =>
    (await profile.db.cases.find().exec()).map((doc) => doc.toJSON()).slice(0, 50),
  );
  await profile.close();
  const list = `cases (repair and objections, ${Math.ceil(count / openEvery)} open)`;
  return { list, count, writtenMs, baselineMs, pages, notes };
}

/** Licences and penalties, several a day over the years, a third not reported yet. */
async function measureDisclosures(): Promise<Measured> {
  const writtenMs = await write('disclosures', (n): DisclosureDocument => {
    const at = instantOf(n);
    const decisionDate = at.slice(0, 10);
    const input = n % 3 === 0 ? sampleLicence() : samplePenalty();
    return {
      ...input,
      documentNumber: `武建字〔${decisionDate.slice(0, 4)}〕第${n}号`,
      decisionDate,
      reportedAt: n % 3 === 1 ? '' : decisionDate,
      id: uuidv7(),
      county: '410823',
      createdAt: at,
      updatedAt: at,
      createdBy: 'bench',
      updatedBy: 'bench',
    };
  });
  const profile = await open();
  const reference = await ReferenceRepository.open(profile.db.reference);
  const disclosures = new DisclosureRepository(
    profile.db.disclosures,
    profile.local,
    {
      reference,
      subjects: undefined as never,
      records: undefined as never,
      journal: undefined as never,
    },
    profile.context,
  );
  const pages: Record<string, number> = {};
  pages['first page, latest decision first'] = await timed(() => disclosures.page({ limit: 50 }));
  pages['next page'] = await timed(() => disclosures.page({ offset: 50, limit: 50 }));
  pages['penalties'] = await timed(() => disclosures.page({ kind: 'penalty', limit: 50 }));
  pages['one month'] = await timed(() =>
    disclosures.page({ from: '2023-03-01', to: '2023-03-31', limit: 50 }),
  );
  pages['not reported'] = await timed(() => disclosures.page({ reported: false, limit: 50 }));
  pages['late'] = await timed(() => disclosures.page({ timing: 'late', limit: 50 }));
  pages['one month, read whole as before'] = await timed(() =>
    disclosures.list({ from: '2023-03-01', to: '2023-03-31' }),
  );
  pages['first page again (warm)'] = await timed(() => disclosures.page({ limit: 50 }));
  const baselineMs = await timed(async () => (await disclosures.list()).slice(0, 50));
  await profile.close();
  return { list: '双公示 licences and penalties', count, writtenMs, baselineMs, pages };
}

/** Declared conflicts of interest, a third withdrawn. */
async function measureDeclarations(): Promise<Measured> {
  const subjectOf = (n: number) => `019a0000-0000-7000-8000-${String(n % (count / 2)).padStart(12, '0')}`;
  const writtenMs = await write('inspections', (n) => {
    const at = instantOf(n);
    const withdrawn = n % 3 === 0;
    return {
      id: uuidv7(),
      county: '410823',
      createdAt: at,
      updatedAt: at,
      createdBy: 'bench',
      updatedBy: 'bench',
      kind: 'conflict',
      ...unlinked,
      subjectId: subjectOf(n),
      startedAt: at,
      state: withdrawn ? 'withdrawn' : 'declared',
      steps: withdrawn ? [{ action: 'withdraw', by: 'bench', at, note: '登记有误', date: '' }] : [],
      conflict: { inspectorId: `inspector-${n % 20}`, reason: '亲属在该公司任职' },
    };
  });
  const profile = await open();
  profile.actAs({
    userId: 'admin',
    userName: '王管',
    county: '410823',
    username: 'admin',
    roles: ['countyAdmin'],
  });
  const journal = new WriteJournal(profile.db, profile.local, profile.context);
  const declarations = new DeclarationRepository(profile.db.inspections, profile.context, journal);
  const pages: Record<string, number> = {};
  pages['first page, latest change first'] = await timed(() =>
    declarations.pageOf({ state: null, limit: 50 }),
  );
  pages['in force'] = await timed(() => declarations.pageOf({ state: 'declared', limit: 50 }));
  pages['withdrawn'] = await timed(() => declarations.pageOf({ state: 'withdrawn', limit: 50 }));
  pages['first page again (warm)'] = await timed(() => declarations.pageOf({ state: null, limit: 50 }));
  pages['inForce(one subject)'] = await timed(() => declarations.inForce([subjectOf(7)]));
  const thousand = Array.from({ length: 1000 }, (_, n) => subjectOf(n * 7));
  pages['inForce(1,000 subjects)'] = await timed(() => declarations.inForce(thousand));
  pages['declare() (with its write)'] = await timed(async () => {
    const done = await declarations.declare({
      subjectId: subjectOf(11),
      inspectorId: 'inspector-new',
      reason: '亲属',
    });
    if (!done.ok) throw new Error(JSON.stringify(done.issues));
  });
  // Reading every declaration: the list, inForce() and declare() did before.
  const baselineMs = await timed(async () =>
    declaredConflicts(await declarations.list(), now.value.toISOString()),
  );
  // Warm, each state's page through [state, updatedAt] and as the [kind, updatedAt] walk filtered it
  // before, taken in turn three times: the middle time of each.
  const notes: Record<string, number> = {};
  const middle = (times: number[]) => [...times].sort((a, b) => a - b)[1]!;
  for (const state of ['declared', 'withdrawn'] as const) {
    const indexed: number[] = [];
    const filtered: number[] = [];
    for (let round = 0; round < 3; round++) {
      indexed.push(await timed(() => declarations.pageOf({ state, limit: 50 })));
      filtered.push(
        await timed(() => declarations.page({ accepts: (doc) => doc.state === state, limit: 50 })),
      );
    }
    notes[`${state}, warm: [state, updatedAt]`] = middle(indexed);
    notes[`${state}, warm: before, filtered walk`] = middle(filtered);
  }
  await profile.close();
  return { list: 'conflict-of-interest declarations', count, writtenMs, baselineMs, pages, notes };
}

/**
 * Inspections over five years, one every few hours: a third closed with one to three findings whose
 * orders fall due over the years (most re-inspected; the last months' open, some overdue), the rest
 * drafts, submitted or closed without findings, most results published.
 */
function benchInspection(n: number): InspectionDocument {
  const at = instantOf(n);
  const state = (['closed', 'closed', 'submitted', 'closed', 'draft'] as const)[n % 5]!;
  const findings = state === 'closed' && n % 3 === 0 ? 1 + (n % 3) : 0;
  const orders = Array.from({ length: findings }, (_, index) => {
    const deadline = addDays(at.slice(0, 10), 10 + index * 5);
    const open = deadline > addDays(today, -40) || n % 17 === 0;
    return storedOrder(`f-${n}-${index}`, at.slice(0, 10), deadline, open ? 'open' : 'rectified');
  });
  const step = (action: 'submit' | 'close' | 'publish') => ({
    action,
    by: 'bench',
    at,
    note: '网站',
    date: at.slice(0, 10),
  });
  return storedInspection({
    at,
    by: 'bench',
    subjectId: uuidv7(),
    state,
    steps: [
      ...(state === 'draft' ? [] : [step('submit')]),
      ...(state === 'closed' ? [step('close')] : []),
      ...(state === 'closed' && n % 10 !== 0 ? [step('publish')] : []),
    ],
    orders,
    finding: `${family[n % family.length]}家脚手架未设防护网`,
  });
}

async function measureInspections(): Promise<Measured> {
  const writtenMs = await write('inspections', benchInspection);
  const profile = await open();
  const reference = await ReferenceRepository.open(profile.db.reference);
  const inspections = new InspectionRepository(profile.db.inspections, profile.context, {} as never);
  const calendar = reference.calendar();
  const pages: Record<string, number> = {};
  for (const filter of orderFilters) {
    pages[`rectifications ${filter}`] = await timed(() =>
      inspections.orderPage({ filter, today, limit: 50 }),
    );
  }
  pages['rectifications open, page 2'] = await timed(() =>
    inspections.orderPage({ filter: 'open', today, offset: 50, limit: 50 }),
  );
  pages['figures (open, overdue, done, late)'] = await timed(() =>
    Promise.all([
      inspections.orderPage({ filter: 'open', today, limit: 0 }),
      inspections.orderPage({ filter: 'overdue', today, limit: 0 }),
      inspections.figurePage(figureScan('doneThisMonth', today, calendar), { limit: 0 }),
      inspections.figurePage(figureScan('latePublicity', today, calendar), { limit: 0 }),
    ]),
  );
  pages['to-do (overdue, due soon)'] = await timed(() =>
    Promise.all(
      (['overdue', 'dueSoon'] as const).map((filter) => inspections.orderPage({ filter, today, limit: 10 })),
    ),
  );
  pages['list: late for publicity'] = await timed(() =>
    inspections.figurePage(figureScan('latePublicity', today, calendar), { limit: 50 }),
  );
  const baselineMs = await timed(async () => {
    const all = await inspections.list();
    orderRows(all, today, 'open').slice(0, 50);
    inspectionFigures(all, [], today, calendar);
  });
  await profile.close();
  return { list: 'rectification orders and inspection figures', count, writtenMs, baselineMs, pages };
}

const auditUsers = 40;
const auditDocuments = 20_000;
const auditUser = (n: number) => `00000000-0000-7000-8000-${String(n % auditUsers).padStart(12, '0')}`;
const auditDocument = (n: number) =>
  `019a0000-0000-7000-9000-${String(n % auditDocuments).padStart(12, '0')}`;
const bulkCreated = (n: number) => `019a0000-0000-7000-a000-${String(n).padStart(12, '0')}`;
const laterActions = ['update', 'statusChange', 'approve', 'update'] as const;

/**
 * One device's trail, an entry every five minutes, by 40 users about 20,000 documents created alone (a
 * creation, then updates, status changes and approvals); one in ten a sign-in or sign-out about no
 * document, one in 500 a bulk creation listing 100 other documents. Stored as written (the chain's
 * hashes are placeholders: the search does not read them).
 */
function benchAuditEntry(n: number): AuditEntry {
  const bulk = n % 500 === 7;
  const session = !bulk && n % 10 === 3;
  const round = Math.floor(n / auditDocuments);
  const hash = (k: number) => k.toString(16).padStart(64, '0');
  return {
    id: uuidv7(base + n * 300_000),
    county: '410823',
    deviceId: 'bench-device',
    seq: n + 1,
    at: new Date(base + n * 300_000).toISOString(),
    userId: auditUser(n),
    action: bulk || (!session && round === 0) ? 'create' : session ? 'signIn' : laterActions[round % 4]!,
    collectionName: session ? '' : 'subjects',
    documentId: bulk || session ? '' : auditDocument(n),
    before: null,
    after: bulk
      ? { documents: Array.from({ length: 100 }, (_, k) => bulkCreated(n + k)), digest: hash(n) }
      : { n },
    reason: '',
    prevHash: hash(n),
    hash: hash(n + 1),
  };
}

async function measureAudit(): Promise<Measured> {
  const writtenMs = await write('auditLog', benchAuditEntry);
  const profile = await open();
  const { audit } = profile.context;
  // The auditor's screen shows up to 500 entries.
  const limit = 500;
  const last = new Date(base + (count - 1) * 300_000);
  const dayBefore = (days: number) => new Date(last.getTime() - days * 86_400_000).toISOString();
  const user = auditUser(count - 1);
  const document = auditDocument(count - 2);
  const pages: Record<string, number> = {};
  pages['newest first'] = await timed(() => audit.search({ limit }));
  pages['newest first, 50'] = await timed(() => audit.search({ limit: 50 }));
  pages['by user'] = await timed(() => audit.search({ userId: user, limit }));
  pages['by document (created alone)'] = await timed(() => audit.search({ documentId: document, limit }));
  pages['by document (bulk-created)'] = await timed(() =>
    audit.search({ documentId: bulkCreated(count - 500 + 7 + 3), limit }),
  );
  pages['by date range (one day, a month ago)'] = await timed(() =>
    audit.search({ from: dayBefore(31), to: dayBefore(30), limit }),
  );
  pages['by user and date range (a week)'] = await timed(() =>
    audit.search({ userId: user, from: dayBefore(14), to: dayBefore(7), limit }),
  );
  pages['by action (approve)'] = await timed(() => audit.search({ action: 'approve', limit }));
  pages['by user and document'] = await timed(() =>
    audit.search({ userId: auditUser(count - 2), documentId: document, limit }),
  );
  const byNewest = (a: AuditEntry, b: AuditEntry) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : b.seq - a.seq);
  const baselineMs = await timed(async () => {
    const every = await profile.db.auditLog.find().exec();
    every
      .map((doc) => doc.toJSON() as unknown as AuditEntry)
      .sort(byNewest)
      .slice(0, limit);
  });
  await profile.close();
  return { list: 'audit trail search', count, writtenMs, baselineMs, pages };
}

/** Audit entries over five years, one in 20 a credit report issued (the reports list), in their stored shape. */
async function measureReports(): Promise<Measured> {
  const writtenMs = await write('auditLog', (n): AuditEntry => {
    const report = n % 20 === 0;
    return {
      id: uuidv7(base + n * 3_600_000),
      county: '410823',
      deviceId: 'bench',
      seq: n + 1,
      at: instantOf(n),
      userId: 'bench',
      action: report ? 'printReport' : 'update',
      collectionName: 'subjects',
      documentId: uuidv7(),
      before: null,
      after: report
        ? { code: `CODE${n}`, reportNumber: `N${n}`, subjectName: `${family[n % family.length]}建筑有限公司` }
        : { name: `名称${n}` },
      reason: '',
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    };
  });
  const profile = await open();
  const reports = new ReportService({ audit: profile.audit, local: profile.local } as never);
  const pages: Record<string, number> = {};
  pages['first page, newest first'] = await timed(() => reports.page({ limit: 50 }));
  pages['next page'] = await timed(() => reports.page({ offset: 50, limit: 50 }));
  // As the list read them before: every report, through the [at] index testing each entry's action.
  const baselineMs = await timed(async () => {
    const found = await indexedPage(profile.db.auditLog, {
      index: ['at'],
      descending: true,
      filter: (stored) => stored.action === 'printReport',
      limit: 2 ** 32 - 1,
      countUpTo: 2 ** 32 - 1,
    });
    return (await documentsInOrder(profile.db.auditLog, found.ids)).slice(0, 50);
  });
  await profile.close();
  return { list: `credit reports (1 audit entry in 20)`, count, writtenMs, baselineMs, pages };
}

/**
 * Opening the inspections a release of schema version 4 left (plain Dexie storage): RxDB's default
 * migration step of 10 documents, the baseline, against the app's `migrationBatch`, same documents.
 */
async function measureMigration(): Promise<Measured> {
  const derived = new Set<string>(indexFieldNames);
  const version4 = Array.from({ length: count }, (_, n) =>
    Object.fromEntries(Object.entries(benchInspection(n)).filter(([key]) => !derived.has(key))),
  );
  const migrated = async (batch: number): Promise<number> => {
    const database = `${name}-migration-${batch}`;
    const old = await createRxDatabase({
      name: database,
      storage: getRxStorageDexie(),
      multiInstance: false,
    });
    await old.addCollections({ inspections: { schema: version4InspectionSchema() } });
    for (let from = 0; from < count; from += chunk)
      await old.inspections.bulkInsert(version4.slice(from, from + chunk) as never[]);
    await old.close();
    const current = await createRxDatabase({
      name: database,
      storage: getRxStorageDexie(),
      multiInstance: false,
    });
    await current.addCollections({
      inspections: {
        schema: inspectionJsonSchema as unknown as RxJsonSchema<InspectionDocument>,
        migrationStrategies: migrationStrategies.inspections,
        autoMigrate: false,
      },
    });
    const ms = await timed(() => current.inspections.migratePromise(batch));
    const kept = await current.inspections.count().exec();
    await current.close();
    if (kept !== count) throw new Error(`migrating kept ${kept} of ${count} inspections`);
    return ms;
  };
  const baselineMs = await migrated(10);
  return {
    list: 'inspections migrating from schema version 4, in steps of 10 (RxDB default, baseline) and',
    count,
    writtenMs: 0,
    baselineMs,
    pages: { [`steps of ${migrationBatch}`]: await migrated(migrationBatch) },
  };
}

const measures: Record<string, () => Promise<Measured>> = {
  commitments: measureCommitments,
  projects: measureProjects,
  cases: measureCases,
  disclosures: measureDisclosures,
  declarations: measureDeclarations,
  inspections: measureInspections,
  audit: measureAudit,
  reports: measureReports,
  migration: measureMigration,
};

async function run(): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (const list of lists) {
    const measure = measures[list];
    if (!measure) throw new Error(`No list named ${list}`);
    measured.push(await measure());
  }
  return measured;
}

run().then(
  (result) => {
    document.getElementById('out')!.textContent = JSON.stringify(result);
  },
  (error: unknown) => {
    document.getElementById('out')!.textContent =
      `ERROR ${error instanceof Error ? error.stack : String(error)}`;
  },
);
