/**
 * Declared conflicts of interest on this device: an inspector declares his own conflict with a subject,
 * an administrator anyone's; either withdraws a declaration by a recorded step with its reason
 * (shared/inspections/declarations.ts). Declarations in force keep the inspector out of the subject's
 * draws and inspections.
 */
import type { ConflictDocument } from '../../shared/inspections/document.ts';
import {
  type DeclarationFacts,
  type DeclarationInput,
  type DeclarationState,
  declaredConflicts,
  declarerIssues,
  declarationWorkflow,
  validateDeclaration,
} from '../../shared/inspections/declarations.ts';
import { takeStep } from '../../shared/inspections/workflows.ts';
import { issue, type Validated } from '../../shared/base/validation.ts';
import { availableSteps } from '../../shared/kit/workflow.ts';
import type { InspectionCollection } from '../kernel/db/database.ts';
import { indexedDocuments, storedUnderPrefixes } from '../kernel/db/indexedPages.ts';
import { type CountCaps, defaultCountCaps } from '../kernel/db/listCounts.ts';
import { authorOf, type WriteJournal } from '../kernel/db/writeJournal.ts';
import { actingUser, mayAct, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import { KindStore } from './kindStore.ts';

export class DeclarationRepository extends KindStore<ConflictDocument> {
  readonly #context: RepositoryContext;

  constructor(collection: InspectionCollection, context: RepositoryContext, journal: WriteJournal) {
    super(collection, 'conflict', journal);
    this.#context = context;
  }

  /** Whether the signed-in user may declare: an inspector (for himself) or an administrator. */
  canDeclare(): boolean {
    return mayAct(this.#context, 'inspection.conflict');
  }

  /** Whether the signed-in user declares for others too (an administrator), not only for himself. */
  declaresForOthers(): boolean {
    return this.#context.session()?.roles.includes('countyAdmin') ?? false;
  }

  /**
   * Declares a conflict. Refused: no subject, inspector or reason; an inspector declaring for someone
   * else (`inspection.conflict.forOthers`); a pair already declared and in force.
   */
  async declare(input: DeclarationInput): Promise<Validated<ConflictDocument>> {
    const acting = actingUser(this.#context, 'inspection.conflict');
    if (!acting.ok) return acting;
    const refused = declarerIssues(input.inspectorId, acting.session);
    if (refused.length > 0) return { ok: false, issues: refused };
    const declared = (await this.#ofSubjects([input.subjectId]))
      .filter((doc) => doc.state === 'declared')
      .map((doc) => ({ subjectId: doc.subjectId, inspectorId: doc.conflict.inspectorId }));
    const checked = validateDeclaration(input, declared);
    if (!checked.ok) return checked;
    const { subjectId, inspectorId, reason } = checked.value;
    return this.writeOne('inspection.conflict', {
      subjectId,
      projectId: '',
      planId: '',
      startedAt: this.#context.clock().toISOString(),
      state: 'declared',
      steps: [],
      conflict: { inspectorId, reason },
    });
  }

  /** Withdraws a declaration, with the reason, as a recorded step. */
  async withdraw(id: string, reason: string): Promise<Validated<ConflictDocument>> {
    const acting = actingUser(this.#context, 'inspection.conflict');
    if (!acting.ok) return acting;
    const before = await this.get(id);
    if (!before) return { ok: false, issues: [issue('id', 'notFound')] };
    const now = this.#context.clock().toISOString();
    const stepped = takeStep(
      declarationWorkflow,
      before,
      { action: 'withdraw', note: reason },
      acting.session,
      now,
    );
    if (!stepped.ok) return stepped;
    return this.writeOne({ judged: authorOf(acting.session) }, { ...stepped.value }, before, {
      action: 'update',
      reason: reason.trim(),
    });
  }

  /** Whether the signed-in user may withdraw this declaration now. */
  mayWithdraw(doc: ConflictDocument): boolean {
    const session = this.#context.session();
    if (!session) return false;
    return availableSteps(
      declarationWorkflow,
      { state: doc.state, author: doc.createdBy, steps: doc.steps },
      session,
    ).includes('withdraw');
  }

  /**
   * One page of the declarations, the latest change first, in one state alone if asked: through the
   * [state, updatedAt] index (no other kind has these states), else [kind, updatedAt].
   */
  async pageOf(
    query: { state: DeclarationState | null; offset?: number; limit: number },
    caps: CountCaps = defaultCountCaps,
  ): Promise<{ total: number; more: boolean; items: ConflictDocument[] }> {
    const { state, ...page } = query;
    if (state === null) return this.page(page, caps);
    const found = await indexedDocuments(this.collection, {
      index: ['state', 'updatedAt'],
      equal: [state],
      descending: true,
      offset: page.offset ?? 0,
      limit: page.limit,
      countUpTo: caps.keys,
    });
    return found as unknown as { total: number; more: boolean; items: ConflictDocument[] };
  }

  /** The inspectors declared in conflict with each of these subjects now: subject id → inspector ids. */
  async inForce(subjectIds: readonly string[]): Promise<Map<string, string[]>> {
    return declaredConflicts(await this.#ofSubjects(subjectIds), this.#context.clock().toISOString());
  }

  /**
   * The declarations of these subjects as stored (they hold no personal field), through the
   * [subjectId, startedAt] index they share with the subjects' inspections.
   */
  async #ofSubjects(subjectIds: readonly string[]): Promise<DeclarationFacts[]> {
    const stored = await storedUnderPrefixes(this.collection, {
      index: ['subjectId', 'startedAt'],
      prefixes: [...new Set(subjectIds)].filter((id) => id !== '').map((id) => [id]),
      filter: (doc) => doc.kind === 'conflict',
    });
    return stored as unknown as DeclarationFacts[];
  }
}
