// The lists' first pages at a realistic size, in Chromium (run by bench/listPages.ts): documents are
// written straight into a profile in their stored shape (as a sync pull would write them), the profile
// is opened again, and each list's first pages are read through its repository, timed against reading
// every document of the list as the lists did before, in the same run.
import { openCaseRepository } from '../../renderer/cases/repository.ts';
import { CommitmentRepository } from '../../renderer/commitments/repository.ts';
import { ProjectRepository } from '../../renderer/inspections/projects.ts';
import { InspectionRepository } from '../../renderer/inspections/repository.ts';
import { addDays } from '../../shared/base/calendar/dates.ts';
import type { InspectionDocument, ProjectDocument } from '../../shared/inspections/document.ts';
import { figureScan, inspectionFigures } from '../../shared/inspections/figures.ts';
import { storedInspection, storedOrder } from '../../shared/inspections/testFixtures.ts';
import { orderFilters, orderRows } from '../../shared/inspections/orders.ts';
import { unlinked } from '../../renderer/inspections/kindStore.ts';
import { ReferenceRepository } from '../../renderer/reference/repository.ts';
import { openTestProfile } from '../../renderer/kernel/security/testSupport.ts';
import { memorySecretStore } from '../../renderer/kernel/security/testSupport.ts';
import { type CaseStatus, caseStatuses } from '../../shared/cases/model.ts';
import { sampleRepairCase } from '../../shared/cases/testFixtures.ts';
import { isCaseOpen } from '../../shared/cases/workflow.ts';
import { pushedCommitment } from '../../shared/commitments/testFixtures.ts';
import { emptyProject, projectMatches, projectState } from '../../shared/inspections/project.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import {
  type CommitmentStatus,
  type CommitmentType,
  commitmentTypes,
} from '../../shared/commitments/types.ts';

const parameters = new URLSearchParams(location.search);
const count = Number(parameters.get('count') ?? 20_000);
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
  const commitments = new CommitmentRepository(profile.db.commitments, profile.local, profile.context, {
    reference,
    subjects: undefined as never,
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
  pages['number or name words'] = await timed(() => commitments.page({ text: '王12', limit: 50 }));
  pages['first page again (warm)'] = await timed(() => commitments.page({ limit: 50 }));
  const baselineMs = await timed(async () => (await commitments.list()).slice(0, 50));
  await profile.close();
  return { list: 'commitments', count, writtenMs, baselineMs, pages };
}

/** Writes `make(n)` for n below `count` into a collection of a fresh profile, in chunks; the time taken. */
async function write<T>(collection: 'cases' | 'inspections', make: (n: number) => T): Promise<number> {
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

async function measureCases(): Promise<Measured> {
  const closed = caseStatuses.filter((status) => !isCaseOpen(status));
  const writtenMs = await write('cases', (n) => {
    // One case in fifty still open, as deadlines of working days keep the open queue short.
    const status: CaseStatus = n % 50 === 0 ? 'applied' : closed[n % closed.length]!;
    const at = instantOf(n);
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
      creditRecords: undefined as never,
      disclosures: undefined as never,
      journal: undefined as never,
      attachments: undefined as never,
    },
    undefined as never,
  );
  const pages: Record<string, number> = {};
  pages['all, latest application first'] = await timed(() => cases.page({ queue: 'all', limit: 50 }));
  pages['closed only'] = await timed(() => cases.page({ queue: 'closed', limit: 50 }));
  pages['open, nearest deadline first'] = await timed(() => cases.page({ queue: 'open', limit: 50 }));
  const baselineMs = await timed(async () => (await cases.all()).slice(0, 50));
  await profile.close();
  return { list: 'cases (repair and objections)', count, writtenMs, baselineMs, pages };
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

async function run(): Promise<Measured[]> {
  return [
    await measureCommitments(),
    await measureProjects(),
    await measureCases(),
    await measureInspections(),
  ];
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
