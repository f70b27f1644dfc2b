/**
 * Inspection plans (双随机) on this device: a reviewer or administrator makes a plan, previews the draw
 * with a fresh random seed, and confirms it; the draw step is judged once here by the plan workflow the
 * platform replays, and the plan keeps the seed, the candidates as they stood and the result. Drawn
 * assignments are the inspections an inspector then starts (InspectionStartPage with the plan).
 */
import type { InspectionDocument, PlanDocument } from '../../shared/inspections/document.ts';
import {
  type DrawAssignment,
  type DrawCandidate,
  type DrawResult,
  drawPlan,
  maxSeed,
} from '../../shared/inspections/draw.ts';
import { isDrawnThisMonth } from '../../shared/inspections/figures.ts';
import {
  assignmentsOf,
  drawInputOf,
  type PlanContent,
  planProgress,
  planWorkflow,
  redrawMatches,
  validatePlan,
} from '../../shared/inspections/plan.ts';
import { takeStep } from '../../shared/inspections/workflows.ts';
import { availableSteps } from '../../shared/kit/workflow.ts';
import { issue, type Validated } from '../../shared/base/validation.ts';
import type { InspectionCollection } from '../kernel/db/database.ts';
import { documentsInOrder, indexedPage } from '../kernel/db/indexedPages.ts';
import { type CountCaps, defaultCountCaps } from '../kernel/db/listCounts.ts';
import { authorOf, type WriteJournal } from '../kernel/db/writeJournal.ts';
import { KindStore, unlinked } from './kindStore.ts';
import { actingUser, mayAct, type RepositoryContext } from '../kernel/security/repositoryContext.ts';

/** What the plan form edits. */
export type PlanFields = Pick<PlanContent, 'name' | 'scope' | 'ratios' | 'inspectorPool'>;

/** A draw shown before it is confirmed: nothing is written until `draw` is called with it. */
export interface DrawPreview {
  seed: number;
  candidates: DrawCandidate[];
  result: DrawResult;
}

export interface PlanDependencies {
  journal: WriteJournal;
  /** The subjects in the plan's scope as they stand now, with their grade, risk and conflicts. */
  candidatesFor: (plan: PlanFields) => Promise<DrawCandidate[]>;
  /** A random seed (0 … 2³² − 1). */
  randomSeed?: () => number;
}

/** A plan of the list with how far its drawn inspections went (null while it is a draft). */
export interface PlanRow {
  plan: PlanDocument;
  progress: ReturnType<typeof planProgress> | null;
}

/** An assignment of a drawn plan the inspector has not started yet. */
export interface OpenAssignment {
  plan: PlanDocument;
  assignment: DrawAssignment;
}

/** Read every key of an index range (a plan's inspections, the drawn plans). */
const wholeRange = Number.POSITIVE_INFINITY;

const cryptoSeed = () => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

/** Plans, read as KindStore reads them (watchAll, watch, get, list). */
export class PlanRepository extends KindStore<PlanDocument> {
  readonly #context: RepositoryContext;
  readonly #dependencies: PlanDependencies;

  constructor(collection: InspectionCollection, context: RepositoryContext, dependencies: PlanDependencies) {
    super(collection, 'plan', dependencies.journal);
    this.#context = context;
    this.#dependencies = dependencies;
  }

  /**
   * One page of the plans list, latest change first (only those drawn in the month of `today` when
   * asked), each with its progress from the inspections of the page's plans alone.
   */
  async listPage(
    query: { drawnThisMonth: boolean; today: string; offset?: number; limit: number },
    caps: CountCaps = defaultCountCaps,
  ): Promise<{ total: number; more: boolean; rows: PlanRow[] }> {
    const { today } = query;
    const found = await this.page(
      {
        ...(query.drawnThisMonth ? { accepts: (plan: PlanDocument) => isDrawnThisMonth(plan, today) } : {}),
        ...(query.offset === undefined ? {} : { offset: query.offset }),
        limit: query.limit,
      },
      caps,
    );
    const visits = await this.inspectionsOf(found.items.filter((plan) => plan.state === 'drawn'));
    const rows = found.items.map((plan) => ({
      plan,
      progress: plan.state === 'drawn' ? planProgress(plan.id, plan.plan, visits) : null,
    }));
    return { total: found.total, more: found.more, rows };
  }

  /**
   * The assignments of drawn plans that send this inspector and have no inspection yet, the latest
   * changed plan first: only drawn plans and their inspections are read.
   */
  async openAssignments(inspectorId: string): Promise<OpenAssignment[]> {
    const mine = (stored: Record<string, unknown>) =>
      stored.kind === 'plan' &&
      assignmentsOf((stored as unknown as PlanDocument).plan, inspectorId).length > 0;
    const { ids } = await indexedPage(this.collection, {
      index: ['state', 'updatedAt'],
      equal: ['drawn'],
      descending: true,
      limit: wholeRange,
      filter: mine,
    });
    const drawn = (await documentsInOrder(this.collection, ids)) as unknown as PlanDocument[];
    const visits = await this.inspectionsOf(drawn);
    return drawn.flatMap((plan) =>
      assignmentsOf(plan.plan, inspectorId)
        .filter((a) => !visits.some((v) => v.planId === plan.id && v.subjectId === a.subjectId))
        .map((assignment) => ({ plan, assignment })),
    );
  }

  /** The inspections started under these plans, through the [planId, subjectId] index. */
  async inspectionsOf(plans: readonly Pick<PlanDocument, 'id'>[]): Promise<InspectionDocument[]> {
    const found = await Promise.all(
      plans.map(async (plan) => {
        const { ids } = await indexedPage(this.collection, {
          index: ['planId', 'subjectId'],
          equal: [plan.id],
          limit: wholeRange,
        });
        return documentsInOrder(this.collection, ids);
      }),
    );
    return found.flat().filter((doc) => doc.kind === 'inspection') as InspectionDocument[];
  }

  /** Whether the signed-in user may make and draw plans (reviewers and administrators). */
  canPlan(): boolean {
    return mayAct(this.#context, 'inspection.plan');
  }

  /** Makes a plan as a draft. Refused: no name, a pool under two inspectors, a ratio outside 0–100 %. */
  async create(fields: PlanFields): Promise<Validated<PlanDocument>> {
    const content = draftContent(fields);
    const checked = validatePlan(content, 'draft');
    if (!checked.ok) return checked;
    return this.writeOne('inspection.plan', { ...unlinked, state: 'draft', steps: [], plan: checked.value });
  }

  /** Changes a draft plan. */
  async update(id: string, fields: PlanFields): Promise<Validated<PlanDocument>> {
    const before = await this.get(id);
    if (!before) return { ok: false, issues: [issue('id', 'notFound')] };
    if (before.state !== 'draft') return { ok: false, issues: [issue('state', 'inspection.notDraft')] };
    const content = draftContent(fields);
    const checked = validatePlan(content, 'draft');
    if (!checked.ok) return checked;
    return this.writeOne('inspection.plan', { ...before, plan: checked.value }, before);
  }

  /** The draw as it would come out now, with a fresh seed: shown for confirmation, not written. */
  async preview(id: string): Promise<Validated<DrawPreview>> {
    const plan = await this.get(id);
    if (!plan) return { ok: false, issues: [issue('id', 'notFound')] };
    const seed = (this.#dependencies.randomSeed ?? cryptoSeed)() % (maxSeed + 1);
    const candidates = await this.#dependencies.candidatesFor(plan.plan);
    const checked = validatePlan({ ...plan.plan, seed }, 'draft');
    if (!checked.ok) return checked;
    return {
      ok: true,
      value: { seed, candidates, result: drawPlan({ ...drawInputOf(plan.plan), seed }, candidates) },
    };
  }

  /**
   * Draws the plan as previewed: the seed, the candidates and the result are kept with the plan and the
   * step audited, all in one write. The result is drawn again here from the seed and candidates, so what
   * is kept is what they give.
   */
  async draw(
    id: string,
    preview: Pick<DrawPreview, 'seed' | 'candidates'>,
  ): Promise<Validated<PlanDocument>> {
    const acting = actingUser(this.#context, 'inspection.plan');
    if (!acting.ok) return acting;
    const before = await this.get(id);
    if (!before) return { ok: false, issues: [issue('id', 'notFound')] };
    const drawn: PlanContent = {
      ...before.plan,
      seed: preview.seed,
      candidates: preview.candidates,
      draw: null,
    };
    const problems = validatePlan(drawn, 'draft');
    if (!problems.ok) return problems;
    const content = { ...drawn, draw: drawPlan(drawInputOf(drawn), preview.candidates) };
    const now = this.#context.clock().toISOString();
    const stepped = takeStep(
      planWorkflow,
      { ...before, plan: content },
      { action: 'draw' },
      acting.session,
      now,
    );
    if (!stepped.ok) return stepped;
    return this.writeOne({ judged: authorOf(acting.session) }, { ...stepped.value, startedAt: now }, before, {
      action: 'update',
      reason: `seed ${preview.seed}`,
    });
  }

  /** Whether the signed-in user may draw this plan now. */
  mayDraw(plan: PlanDocument): boolean {
    const session = this.#context.session();
    if (!session) return false;
    return availableSteps(
      planWorkflow,
      { state: plan.state, author: plan.createdBy, steps: plan.steps },
      session,
    ).includes('draw');
  }

  /** Re-runs a drawn plan's draw from what it keeps: true when it gives the recorded result. */
  rerun(plan: PlanDocument): boolean {
    return redrawMatches(plan.plan);
  }
}

function draftContent(fields: PlanFields): PlanContent {
  return {
    name: fields.name.trim(),
    scope: fields.scope,
    ratios: fields.ratios,
    inspectorPool: [...new Set(fields.inspectorPool)],
    seed: 0,
    candidates: [],
    draw: null,
  };
}
