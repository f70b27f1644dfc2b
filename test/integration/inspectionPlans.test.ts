/**
 * 双随机 plans and the projects register on a real profile (RxDB on fake-indexeddb, the writer) and the
 * real platform on loopback: a reviewer draws a plan, the draw is kept with its seed and inputs and
 * re-runs alike; an inspector may not plan; the platform takes the drawn plan and refuses a tampered one.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { firstValueFrom, type Observable } from 'rxjs';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeclarationRepository } from '../../renderer/inspections/declarations.ts';
import { PlanRepository, type PlanRow } from '../../renderer/inspections/plans.ts';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import { ProjectRepository } from '../../renderer/inspections/projects.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import { PlatformClient, requestEnrollment } from '../../renderer/kernel/sync/platformClient.ts';
import { withUsccCheck } from '../../shared/creditRecords/testFixtures.ts';
import { defaultDrawRatios } from '../../shared/inspections/draw.ts';
import {
  type InspectionDocument,
  inspectionJsonSchema,
  type PlanDocument,
} from '../../shared/inspections/document.ts';
import { isDrawnThisMonth } from '../../shared/inspections/figures.ts';
import { assignmentsOf, candidateOf, drawInputOf, planProgress } from '../../shared/inspections/plan.ts';
import { drawPlan } from '../../shared/inspections/draw.ts';
import { emptyProject } from '../../shared/inspections/project.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { Role } from '../../shared/base/security/permissions.ts';
import {
  enterpriseInput,
  inspectionRepositoryOf,
  openProfile,
  type Profile,
  registerSubject,
} from './creditHarness.ts';
import { startTestPlatform, type TestPlatform, testCounty, testStaff } from './harness.ts';

const session = (userId: string, userName: string, roles: Role[]): SignedInSession => ({
  userId,
  userName,
  county: testCounty.code,
  username: userId,
  roles,
});
const reviewer = session(testStaff.reviewer, '李审', ['reviewer']);
const clerk = session(testStaff.clerk, '张录', ['clerk']);
const inspector = session(testStaff.inspector, '陈检', ['inspector']);
const admin = session(testStaff.admin, '王管', ['countyAdmin']);
const pool = [testStaff.inspector, testStaff.secondReviewer, testStaff.auditor];

let opened: Profile[] = [];
afterEach(async () => {
  for (const profile of opened.reverse()) await profile.close();
  opened = [];
});

async function planningProfile() {
  const profile = await openProfile();
  opened.push(profile);
  const subjects: SubjectDocument[] = [];
  for (const [index, tail] of ['A0R1B2C3', 'A0R9X8Y7', 'B1C2D3E4', 'C5D6E7F8'].entries()) {
    subjects.push(
      await registerSubject(
        profile,
        enterpriseInput({ name: `示范建筑公司${index}`, code: withUsccCheck(`91410823M${tail}`) }),
      ),
    );
  }
  const contactOfFirst = testStaff.inspector;
  const declarations = new DeclarationRepository(profile.db.inspections, profile.context, profile.journal);
  const plans = new PlanRepository(profile.db.inspections, profile.context, {
    journal: profile.journal,
    randomSeed: () => 424242,
    candidatesFor: async () => {
      const declared = await declarations.inForce(subjects.map((subject) => subject.id));
      return subjects.map((subject, index) =>
        candidateOf({
          subject,
          projectIds: [],
          grade: null,
          raised: index === 1,
          declared: declared.get(subject.id) ?? [],
          contacts: index === 0 ? [contactOfFirst] : [],
          lastInspectors: [],
        }),
      );
    },
  });
  const projects = new ProjectRepository(profile.db.inspections, profile.context, profile.journal);
  return { profile, subjects, plans, projects, declarations };
}

const fields = {
  name: '2026 年建筑施工双随机抽查',
  scope: { industries: ['construction' as const], statuses: [], projectIds: [] },
  ratios: { ...defaultDrawRatios, ungraded: 100, raised: 100 },
  inspectorPool: pool,
};

/** The start of a drawn assignment's inspection by its inspectors. */
function assignedStart(planId: string, assignment: { subjectId: string; inspectors: readonly string[] }) {
  return {
    subjectId: assignment.subjectId,
    projectId: '',
    planId,
    adHocReason: '' as const,
    adHocNote: '',
    inspectors: [...assignment.inspectors],
    industry: 'construction' as const,
  };
}

/** The reviewer makes and draws the plan of `fields` (under another name if given). */
async function drawnPlan(profile: Profile, plans: PlanRepository, name = fields.name) {
  profile.signIn(reviewer);
  const created = await plans.create({ ...fields, name });
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const preview = await plans.preview(created.value.id);
  if (!preview.ok) throw new Error('no preview');
  const drawn = await plans.draw(created.value.id, preview.value);
  if (!drawn.ok) throw new Error(JSON.stringify(drawn.issues));
  return drawn.value;
}

describe('inspection plans on the device', () => {
  it('refuses an inspector, an empty pool and a ratio above 100 %, writing nothing', async () => {
    const { profile, plans } = await planningProfile();
    profile.signIn(inspector);
    const byInspector = await plans.create(fields);
    expect(byInspector.ok ? [] : byInspector.issues.map((found) => found.code)).toEqual([
      'permission.denied',
    ]);
    profile.signIn(reviewer);
    const bad = await plans.create({
      ...fields,
      inspectorPool: [],
      ratios: { ...fields.ratios, ungraded: 120, raised: 120 },
    });
    expect(bad.ok ? [] : bad.issues.map((found) => `${found.field}:${found.code}`).sort()).toEqual([
      'plan.inspectorPool:inspection.plan.poolTooSmall',
      'plan.ratios.raised:inspection.plan.ratio',
      'plan.ratios.ungraded:inspection.plan.ratio',
    ]);
    expect(await profile.db.inspections.count().exec()).toBe(0);
  });

  it('draws with a recorded seed, keeps the inputs, re-runs alike and never sends a contact', async () => {
    const { profile, subjects, plans } = await planningProfile();
    profile.signIn(reviewer);
    const created = await plans.create(fields);
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    expect(plans.mayDraw(created.value)).toBe(true);
    const preview = await plans.preview(created.value.id);
    if (!preview.ok) throw new Error(JSON.stringify(preview.issues));
    expect(preview.value.seed).toBe(424242);
    expect(preview.value.result.assignments).toHaveLength(4);
    expect(await plans.get(created.value.id)).toMatchObject({ state: 'draft', plan: { draw: null } });

    const drawn = await plans.draw(created.value.id, preview.value);
    if (!drawn.ok) throw new Error(JSON.stringify(drawn.issues));
    const stored = (await plans.get(created.value.id))!;
    expect(stored.state).toBe('drawn');
    expect(stored.steps.map((step) => [step.action, step.by])).toEqual([['draw', testStaff.reviewer]]);
    expect(stored.plan.seed).toBe(424242);
    expect(stored.plan.candidates).toHaveLength(4);
    expect(stored.plan.draw).toEqual(preview.value.result);
    expect(plans.rerun(stored)).toBe(true);
    const first = stored.plan.draw?.assignments.find((a) => a.subjectId === subjects[0]!.id);
    expect(first?.inspectors).not.toContain(testStaff.inspector);
    expect(plans.rerun({ ...stored, plan: { ...stored.plan, seed: 1 } })).toBe(false);
    // Drawn once: neither drawn again nor edited.
    expect(plans.mayDraw(stored)).toBe(false);
    expect((await plans.update(stored.id, fields)).ok).toBe(false);
  });

  it('registers a project, refusing one without a name or type', async () => {
    const { profile, subjects, projects } = await planningProfile();
    profile.signIn(clerk);
    const refused = await projects.create(emptyProject());
    expect(refused.ok ? [] : refused.issues.map((found) => found.field)).toEqual([
      'project.name',
      'project.type',
    ]);
    const created = await projects.create({
      ...emptyProject(),
      name: ' 滨河花园二期 ',
      type: 'construction',
      constructionPermit: '410823202603060101',
      enterprises: [{ role: 'builder', subjectId: subjects[0]!.id }],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    expect(created.value.project.name).toBe('滨河花园二期');
    expect((await projects.get(created.value.id))?.project.enterprises).toEqual([
      { role: 'builder', subjectId: subjects[0]!.id },
    ]);
  });

  it('pages the projects register through the kind index, latest change first, a search and "more" included', async () => {
    const { profile, plans, projects } = await planningProfile();
    profile.signIn(reviewer);
    // A plan in the same collection is no project.
    if (!(await plans.create(fields)).ok) throw new Error('plan refused');
    profile.signIn(clerk);
    const names = ['滨河花园一期', '滨河花园二期', '城东学校', '滨河花园三期', '县医院门诊楼'];
    for (const [minute, name] of names.entries()) {
      profile.setNow(`2026-03-06T03:0${minute}:00.000Z`);
      const created = await projects.create({ ...emptyProject(), name, type: 'construction' });
      if (!created.ok) throw new Error(JSON.stringify(created.issues));
    }
    const latestFirst = [...names].reverse();
    const every = await projects.list();
    const namesOf = (page: { total: number; more: boolean; items: { project: { name: string } }[] }) => ({
      total: page.total,
      more: page.more,
      names: page.items.map((doc) => doc.project.name),
    });
    expect(namesOf(await projects.page({ limit: 2 }))).toEqual({
      total: 5,
      more: false,
      names: latestFirst.slice(0, 2),
    });
    expect(namesOf(await projects.page({ offset: 4, limit: 2 })).names).toEqual(latestFirst.slice(4));
    const riverside = (doc: { project: { name: string } }) => doc.project.name.startsWith('滨河');
    expect(namesOf(await projects.page({ accepts: riverside, limit: 50 }))).toEqual({
      total: 3,
      more: false,
      names: latestFirst.filter((name) => name.startsWith('滨河')),
    });
    // Counting stops at the caps and says "more".
    const caps = { keys: 3, matches: 2 };
    expect(namesOf(await projects.page({ limit: 2 }, caps))).toEqual({
      total: 3,
      more: true,
      names: latestFirst.slice(0, 2),
    });
    expect(namesOf(await projects.page({ accepts: riverside, limit: 1 }, caps))).toEqual({
      total: 2,
      more: true,
      names: ['滨河花园三期'],
    });
    // Choosers and draws read the chosen projects by id: in the order given, unknown ids and plans left out.
    const [school, riverside1] = [latestFirst[2]!, latestFirst[4]!].map(
      (name) => every.find((doc) => doc.project.name === name)!.id,
    );
    const plan = (await plans.list())[0]!.id;
    expect(
      (await projects.getMany([school!, 'no-such-project', plan, riverside1!])).map(
        (doc) => doc.project.name,
      ),
    ).toEqual(['城东学校', '滨河花园一期']);
  });
});

describe('the platform and plans', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  }, 60_000);
  afterAll(async () => {
    await platform.stop();
  });

  async function enrolledClient(): Promise<PlatformClient> {
    const url = platform.platform.url;
    const enrollment = await requestEnrollment(
      url,
      await platform.enrollmentCode(),
      'desk',
      crypto.randomUUID(),
    );
    return new PlatformClient(url, enrollment.token);
  }

  it('takes a drawn plan and refuses one whose draw its seed does not give', async () => {
    const { profile, plans } = await planningProfile();
    const drawn = await drawnPlan(profile, plans);

    const client = await enrolledClient();
    const tampered = { ...drawn, id: crypto.randomUUID(), plan: { ...drawn.plan, seed: 7 } };
    const pushed = await client.push('inspections', [
      { newDocumentState: { ...drawn, _deleted: false } },
      { newDocumentState: { ...tampered, _deleted: false } },
    ]);
    expect(pushed.rejected.map((row) => [row.id, row.issues.map((found) => found.code)])).toEqual([
      [tampered.id, ['inspection.plan.drawMismatch']],
    ]);
  });

  it('takes an inspection of a drawn subject by its drawn inspectors and refuses any other, saying why', async () => {
    const { profile, subjects, plans } = await planningProfile();
    const drawn = await drawnPlan(profile, plans);
    const mine = drawn.plan.draw?.assignments.find((a) => a.inspectors.includes(testStaff.inspector));
    if (!mine) throw new Error('the seed sent the inspector nowhere');
    const outsider = pool.find((id) => !mine.inspectors.includes(id))!;
    const draftPlan = await plans.create({ ...fields, name: '未抽取的计划' });
    if (!draftPlan.ok) throw new Error('no second plan');
    profile.signIn(clerk);
    const undrawn = await registerSubject(
      profile,
      enterpriseInput({ name: '计划外建筑公司', code: withUsccCheck('91410823MD5E6F7G8') }),
    );
    expect(subjects.map((subject) => subject.id)).not.toContain(undrawn.id);

    profile.signIn(inspector);
    const inspections = inspectionRepositoryOf(profile);
    const started = await inspections.start(assignedStart(drawn.id, mine));
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const good = started.value;
    const other = (changes: Record<string, unknown>) => ({
      ...good,
      id: crypto.randomUUID(),
      ...changes,
      _deleted: false,
    });
    const wrongPair = other({ inspectors: [testStaff.inspector, outsider] });
    const wrongSubject = other({ subjectId: undrawn.id });
    const undrawnPlan = other({ planId: draftPlan.value.id });

    const client = await enrolledClient();
    const pushed = await client.push('inspections', [
      { newDocumentState: { ...drawn, _deleted: false } },
      { newDocumentState: { ...draftPlan.value, _deleted: false } },
      { newDocumentState: { ...good, _deleted: false } },
      { newDocumentState: wrongPair },
      { newDocumentState: wrongSubject },
      { newDocumentState: undrawnPlan },
    ]);
    expect(pushed.rejected).toEqual([
      { id: wrongPair.id, issues: [{ field: 'inspectors', code: 'inspection.plan.inspectorsNotDrawn' }] },
      { id: wrongSubject.id, issues: [{ field: 'subjectId', code: 'inspection.plan.subjectNotDrawn' }] },
      { id: undrawnPlan.id, issues: [{ field: 'planId', code: 'inspection.plan.unknown' }] },
    ]);
  });

  it('keeps declared inspectors out of the draw and refuses a draw or an inspection that ignores them', async () => {
    const { profile, subjects, plans, declarations } = await planningProfile();
    const target = subjects[1]!;
    profile.signIn(inspector);
    const own = await declarations.declare({
      subjectId: target.id,
      inspectorId: testStaff.inspector,
      reason: '配偶在该公司任职',
    });
    if (!own.ok) throw new Error(JSON.stringify(own.issues));
    const forOther = await declarations.declare({
      subjectId: target.id,
      inspectorId: testStaff.auditor,
      reason: '亲属',
    });
    expect(forOther.ok ? [] : forOther.issues.map((found) => found.code)).toEqual([
      'inspection.conflict.forOthers',
    ]);
    profile.signIn(admin);
    const again = await declarations.declare({
      subjectId: target.id,
      inspectorId: testStaff.inspector,
      reason: '同上',
    });
    expect(again.ok ? [] : again.issues.map((found) => found.code)).toEqual([
      'inspection.conflict.alreadyDeclared',
    ]);
    const byAdmin = await declarations.declare({
      subjectId: target.id,
      inspectorId: testStaff.auditor,
      reason: '曾在该公司任职，离职未满三年',
    });
    if (!byAdmin.ok) throw new Error(JSON.stringify(byAdmin.issues));

    // Withdrawn by a recorded step with its reason; a withdrawal without one is refused.
    const noReason = await declarations.withdraw(byAdmin.value.id, ' ');
    expect(noReason.ok).toBe(false);
    const withdrawn = await declarations.withdraw(byAdmin.value.id, '登记有误，该人员未在该公司任职');
    if (!withdrawn.ok) throw new Error(JSON.stringify(withdrawn.issues));
    expect(withdrawn.value.state).toBe('withdrawn');
    expect(withdrawn.value.steps.map((step) => [step.action, step.by, step.note])).toEqual([
      ['withdraw', testStaff.admin, '登记有误，该人员未在该公司任职'],
    ]);
    expect((await declarations.inForce(subjects.map((subject) => subject.id))).get(target.id)).toEqual([
      testStaff.inspector,
    ]);

    const drawn = await drawnPlan(profile, plans);
    const assigned = drawn.plan.draw?.assignments.find((a) => a.subjectId === target.id);
    expect(assigned?.inspectors).toBeDefined();
    expect(assigned?.inspectors).not.toContain(testStaff.inspector);

    const client = await enrolledClient();
    const accepted = await client.push('inspections', [
      { newDocumentState: { ...own.value, _deleted: false } },
      { newDocumentState: { ...withdrawn.value, _deleted: false } },
      { newDocumentState: { ...drawn, _deleted: false } },
    ]);
    expect(accepted.rejected).toEqual([]);

    // A draw that forgot the declaration, its result re-run so it is otherwise consistent.
    const forgetful = drawn.plan.candidates.map((candidate) => ({ ...candidate, conflicts: [] }));
    const ignoring = {
      ...drawn,
      id: crypto.randomUUID(),
      plan: { ...drawn.plan, candidates: forgetful, draw: drawPlan(drawInputOf(drawn.plan), forgetful) },
    };
    profile.signIn(inspector);
    const inspections = inspectionRepositoryOf(profile);
    // This device did not hold the declaration (another computer entered it); the platform does.
    const visit = await inspections.start({
      subjectId: target.id,
      projectId: '',
      planId: '',
      adHocReason: 'complaint',
      adHocNote: '群众投诉',
      inspectors: [testStaff.inspector, testStaff.auditor],
      industry: 'construction',
    });
    if (!visit.ok) throw new Error(JSON.stringify(visit.issues));
    const refused = await client.push('inspections', [
      { newDocumentState: { ...ignoring, _deleted: false } },
      { newDocumentState: { ...visit.value, _deleted: false } },
    ]);
    expect(
      refused.rejected.map((row) => [row.id, row.issues.map((found) => `${found.field}:${found.code}`)]),
    ).toEqual([
      [ignoring.id, [`plan.candidates.1.conflicts:inspection.plan.conflictIgnored`]],
      [visit.value.id, ['inspectors.0:inspection.inspectorIsContact']],
    ]);
  });
});

describe("a plan's and a project's inspections", () => {
  it('are read through their indexes, latest started first at a project', async () => {
    const { profile, subjects, plans, projects } = await planningProfile();
    const drawn = await drawnPlan(profile, plans);
    const mine = assignmentsOf(drawn.plan, testStaff.inspector)[0];
    if (!mine) throw new Error('the seed sent the inspector nowhere');
    profile.signIn(clerk);
    const site = await projects.create({ ...emptyProject(), name: '滨河花园一期', type: 'construction' });
    if (!site.ok) throw new Error(JSON.stringify(site.issues));
    profile.signIn(inspector);
    const inspections = inspectionRepositoryOf(profile);
    const started: InspectionDocument[] = [];
    for (const [minute, start] of [
      assignedStart(drawn.id, mine),
      {
        ...assignedStart('', mine),
        projectId: site.value.id,
        adHocReason: 'complaint' as const,
        adHocNote: '投诉',
      },
      {
        ...assignedStart('', mine),
        projectId: site.value.id,
        adHocReason: 'referral' as const,
        adHocNote: '移交',
      },
      {
        ...assignedStart('', mine),
        subjectId: subjects[3]!.id,
        adHocReason: 'complaint' as const,
        adHocNote: '投诉',
      },
    ].entries()) {
      profile.setNow(`2026-03-07T0${minute}:00:00.000Z`);
      const visit = await inspections.start(start);
      if (!visit.ok) throw new Error(JSON.stringify(visit.issues));
      started.push(visit.value);
    }
    const ids = async (watched: Observable<InspectionDocument[]>) =>
      (await firstValueFrom(watched)).map((doc) => doc.id);
    expect(await ids(inspections.watchOfPlan(drawn.id))).toEqual([started[0]!.id]);
    expect(await ids(inspections.watchOfProject(site.value.id))).toEqual([started[2]!.id, started[1]!.id]);
    expect(await ids(inspections.watchOfPlan(crypto.randomUUID()))).toEqual([]);

    // RxDB plans these selections through the indexes, not a scan of the collection.
    const indexOf = (selector: Record<string, string>, sort: Record<string, 'asc' | 'desc'>) =>
      profile.db.inspections.find({ selector, sort: [sort] }).getPreparedQuery().queryPlan.index;
    expect(indexOf({ planId: drawn.id, kind: 'inspection' }, { subjectId: 'asc' })).toContain('planId');
    expect(indexOf({ projectId: site.value.id, kind: 'inspection' }, { startedAt: 'desc' })).toContain(
      'projectId',
    );
  });
});

describe('the plans list', () => {
  /**
   * Five plans made a minute apart: drawn in February, a draft, drawn in March, a draft, drawn in March;
   * the inspector has started one assignment of the last.
   */
  async function fivePlans() {
    const { profile, plans } = await planningProfile();
    const made: PlanDocument[] = [];
    for (const [minute, month] of ['02', '', '03', '', '03'].entries()) {
      profile.setNow(`2026-${month || '03'}-06T03:0${minute}:00.000Z`);
      if (month) {
        made.push(await drawnPlan(profile, plans, `${month} 月抽查 ${minute}`));
      } else {
        profile.signIn(reviewer);
        const draft = await plans.create({ ...fields, name: `草拟计划 ${minute}` });
        if (!draft.ok) throw new Error(JSON.stringify(draft.issues));
        made.push(draft.value);
      }
    }
    const last = made[4]!;
    const mine = assignmentsOf(last.plan, testStaff.inspector)[0];
    if (!mine) throw new Error('the seed sent the inspector nowhere');
    profile.signIn(inspector);
    profile.setNow('2026-03-06T04:00:00.000Z');
    const started = await inspectionRepositoryOf(profile).start(assignedStart(last.id, mine));
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    return { profile, plans };
  }

  /** The read-everything answer: every plan latest change first, progress from every inspection. */
  async function everything(profile: Profile, plans: PlanRepository) {
    const all = (await plans.list()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const visits = (await profile.db.inspections.find().exec())
      .map((doc) => doc.toJSON() as unknown as InspectionDocument)
      .filter((doc) => doc.kind === 'inspection');
    const rows = all.map((plan) => ({
      id: plan.id,
      progress: plan.state === 'drawn' ? planProgress(plan.id, plan.plan, visits) : null,
    }));
    const open = all
      .filter((plan) => plan.state === 'drawn')
      .flatMap((plan) =>
        assignmentsOf(plan.plan, testStaff.inspector)
          .filter((a) => !visits.some((v) => v.planId === plan.id && v.subjectId === a.subjectId))
          .map((assignment) => `${plan.id}:${assignment.subjectId}`),
      );
    return { all, rows, open };
  }

  const rowsOf = (page: { total: number; more: boolean; rows: PlanRow[] }) => ({
    total: page.total,
    more: page.more,
    rows: page.rows.map((row) => ({ id: row.plan.id, progress: row.progress })),
  });

  it('pages the plans latest change first with their progress, as reading every plan and inspection gives', async () => {
    const { profile, plans } = await fivePlans();
    const { all, rows, open } = await everything(profile, plans);
    const today = '2026-03-06';
    const query = { drawnThisMonth: false, today };
    expect(rowsOf(await plans.listPage({ ...query, limit: 2 }))).toEqual({
      total: 5,
      more: false,
      rows: rows.slice(0, 2),
    });
    expect(rowsOf(await plans.listPage({ ...query, offset: 2, limit: 50 })).rows).toEqual(rows.slice(2));
    // The started inspection counts in its plan's progress.
    expect(rows.find((row) => row.progress?.started === 1)).toBeDefined();

    const thisMonth = all.filter((plan) => isDrawnThisMonth(plan, today)).map((plan) => plan.id);
    expect(thisMonth).toHaveLength(2);
    const drawn = await plans.listPage({ drawnThisMonth: true, today, limit: 50 });
    expect(rowsOf(drawn)).toEqual({
      total: 2,
      more: false,
      rows: rows.filter((row) => thisMonth.includes(row.id)),
    });

    // Counting stops at the caps and says "more".
    const caps = { keys: 3, matches: 1 };
    expect(rowsOf(await plans.listPage({ ...query, limit: 2 }, caps))).toEqual({
      total: 3,
      more: true,
      rows: rows.slice(0, 2),
    });
    expect(rowsOf(await plans.listPage({ drawnThisMonth: true, today, limit: 1 }, caps))).toEqual({
      total: 1,
      more: true,
      rows: rows.filter((row) => thisMonth.includes(row.id)).slice(0, 1),
    });

    // The inspector's open assignments: every drawn plan's, less the one started.
    const assigned = await plans.openAssignments(testStaff.inspector);
    expect(assigned.map(({ plan, assignment }) => `${plan.id}:${assignment.subjectId}`)).toEqual(open);
    expect(open.length).toBeGreaterThan(0);
    expect(await plans.openAssignments(testStaff.clerk)).toEqual([]);
  });

  it('opens a profile written before the plans index (version 3) with every document intact, and pages it', async () => {
    const { profile, plans } = await fivePlans();
    const stored = (await profile.db.inspections.find().exec()).map(
      (doc) => doc.toJSON() as InspectionDocument,
    );
    const before = await everything(profile, plans);
    // RxDB's open edition holds only so many collections open at once.
    await profile.close();
    opened = opened.filter((open) => open !== profile);
    const name = `test-inspections-v3-${Date.now()}`;
    const version3 = {
      ...inspectionJsonSchema,
      version: 3,
      indexes: ['updatedAt', ['subjectId', 'startedAt'], ['state', 'updatedAt'], ['kind', 'updatedAt']],
    } as unknown as RxJsonSchema<InspectionDocument>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    await old.addCollections({ inspections: { schema: version3 } });
    await old.inspections.bulkInsert(stored);
    await old.close();

    const reopened = await openProfile('2026-03-06T05:00:00.000Z', name);
    opened.push(reopened);
    await migratePersonalCollections(reopened.db);
    const kept = (await reopened.db.inspections.find().exec()).map(
      (doc) => doc.toJSON() as InspectionDocument,
    );
    const byId = (a: InspectionDocument, b: InspectionDocument) => a.id.localeCompare(b.id);
    expect([...kept].sort(byId)).toEqual([...stored].sort(byId));
    const reopenedPlans = new PlanRepository(reopened.db.inspections, reopened.context, {
      journal: reopened.journal,
      candidatesFor: async () => [],
    });
    const paged = await reopenedPlans.listPage({ drawnThisMonth: false, today: '2026-03-06', limit: 50 });
    expect(rowsOf(paged).rows).toEqual(before.rows);
  });
});
