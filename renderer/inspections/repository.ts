/**
 * Inspections on this device: drafts made on site (offline), saved often through the write journal so a
 * closed window loses nothing, photos and the signature kept as attachments by content hash, and the
 * inspection workflow (submit, return, close) judged once here by the table the platform replays.
 */
import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { Observable } from 'rxjs';
import { documentsInOrder, indexedPage } from '../kernel/db/indexedPages.ts';
import { map } from 'rxjs';
import {
  type ChecklistIndustry,
  defaultDepthPolicy,
  depthFor,
  itemsAtDepth,
} from '../../shared/inspections/checklists.ts';
import {
  draftOnly,
  type InspectionDocument,
  type InspectionInput,
  noSignature,
  recordOf,
} from '../../shared/inspections/document.ts';
import { checklistInForce } from '../../shared/inspections/checklistVersions.ts';
import { checklistConformance } from '../../shared/inspections/checklistConformance.ts';
import { editorIssues, mayEditContent } from '../../shared/inspections/editors.ts';
import {
  escalationRecord,
  type OrderFilter,
  type OrderRow,
  orderRows,
  orderScan,
  ordersOnClose,
  type Reinspection,
  reinspect,
  settledRows,
} from '../../shared/inspections/orders.ts';
import { checkPhoto, photoTypeOf } from '../../shared/inspections/photos.ts';
import type { FigureScan } from '../../shared/inspections/figures.ts';
import {
  anyDate,
  type InspectionIndexFields,
  withIndexFields,
} from '../../shared/inspections/indexFields.ts';
import { type CountCaps, defaultCountCaps } from '../kernel/db/listCounts.ts';
import { publicationDateBounds } from '../../shared/inspections/publicity.ts';
import { type AdHocReason, validateInspection } from '../../shared/inspections/record.ts';
import { type InspectionStep, inspectionWorkflow, takeStep } from '../../shared/inspections/workflows.ts';
import { availableSteps } from '../../shared/kit/workflow.ts';
import type { Attachment } from '../../shared/base/attachment.ts';
import { issue, prefixIssues, type Validated, type ValidationIssue } from '../../shared/base/validation.ts';
import { sha256Hex } from '../../shared/base/security/blobCrypto.ts';
import { canonicalJson } from '../../shared/base/security/canonicalJson.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { InspectionCollection } from '../kernel/db/database.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import { authorOf, creationOf, type JournalStep, type WriteJournal } from '../kernel/db/writeJournal.ts';
import type { CreditRecordRepository } from '../creditRecords/repository.ts';
import type { ReferenceRepository } from '../reference/repository.ts';
import { actingUser, mayAct, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { AttachmentStore } from '../kernel/attachments.ts';
import { CountySettings } from './countySettings.ts';
import type { SignedInSession } from '../kernel/security/session.ts';

/** What the inspection form edits: everything but the stamps, the kind, the workflow and the orders. */
export type InspectionFields = Omit<InspectionInput, 'kind' | 'state' | 'steps' | 'rectifications'>;

/** How an inspection starts: who is inspected where, why, by whom, against which checklist. */
export interface InspectionStart {
  subjectId: string;
  projectId: string;
  planId: string;
  adHocReason: AdHocReason | '';
  adHocNote: string;
  inspectors: string[];
  industry: ChecklistIndustry;
}

/** What the device knows of the inspected party before the visit. */
export interface SubjectStanding {
  /** The grade name, or '' while grading has none. */
  grade: string;
  /** An open risk warning or an overdue rectification. */
  raised: boolean;
  /** User ids who may not inspect it: its contacts and declared conflicts of interest. */
  conflicted: string[];
}

export interface InspectionDependencies {
  journal: WriteJournal;
  /** Where the form's unsaved state is kept (sealed) between autosaves. */
  local: LocalStore;
  attachments: AttachmentStore;
  /** The subject's standing as this device knows it now. */
  standingOf: (subjectId: string) => Promise<SubjectStanding>;
  /** Where an escalated rectification order files the credit record it proposes. */
  records: Pick<CreditRecordRepository, 'prepareDerived'>;
  reference: Pick<ReferenceRepository, 'catalog' | 'calendar' | 'checklists'>;
  /** The deciding office an escalation's proposed record names. */
  officeName: string;
}

export class InspectionRepository {
  readonly #collection: InspectionCollection;
  readonly #context: RepositoryContext;
  readonly #dependencies: InspectionDependencies;
  readonly #settings: CountySettings;

  constructor(
    collection: InspectionCollection,
    context: RepositoryContext,
    dependencies: InspectionDependencies,
  ) {
    this.#collection = collection;
    this.#context = context;
    this.#dependencies = dependencies;
    this.#settings = new CountySettings(collection, dependencies.journal);
  }

  get attachments(): AttachmentStore {
    return this.#dependencies.attachments;
  }

  /** Every inspection (not the plans and projects the collection also holds), latest change first. */
  watchAll(): Observable<InspectionDocument[]> {
    return this.#collection
      .find({ selector: { kind: 'inspection' }, sort: [{ updatedAt: 'desc' }] })
      .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as InspectionDocument)));
  }

  /** The inspections started under a plan, through the [planId, subjectId] index. */
  watchOfPlan(planId: string): Observable<InspectionDocument[]> {
    return this.#watchWhere({ planId }, { subjectId: 'asc' });
  }

  /** The inspections at a project or site, the latest started first, through the [projectId, startedAt] index. */
  watchOfProject(projectId: string): Observable<InspectionDocument[]> {
    return this.#watchWhere({ projectId }, { startedAt: 'desc' });
  }

  #watchWhere(
    equal: { planId: string } | { projectId: string },
    order: Record<string, 'asc' | 'desc'>,
  ): Observable<InspectionDocument[]> {
    return this.#collection
      .find({ selector: { ...equal, kind: 'inspection' }, sort: [order] })
      .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as InspectionDocument)));
  }

  /**
   * One page of the inspections (not the other kinds), latest change first, and how many there are,
   * read through the kind's `updatedAt` index; `accepts` keeps only the stored inspections it accepts
   * (their personal fields still sealed).
   */
  async page(query: {
    accepts?: (doc: InspectionDocument) => boolean;
    offset?: number;
    limit: number;
  }): Promise<{ total: number; items: InspectionDocument[] }> {
    const { accepts } = query;
    const { total, ids } = await indexedPage(this.#collection, {
      index: ['kind', 'updatedAt'],
      equal: ['inspection'],
      descending: true,
      offset: query.offset ?? 0,
      limit: query.limit,
      ...(accepts ? { filter: (stored) => accepts(stored as unknown as InspectionDocument) } : {}),
    });
    return { total, items: await documentsInOrder(this.#collection, ids) };
  }

  /**
   * One page of the rectification orders a filter shows, in the order of `orderRows`, and how many there
   * are up to the cap (`more` past it): the inspections are read through the index of their earliest
   * (open) deadline, a batch at a time, only as far as the page and the count need.
   */
  async orderPage(
    query: { filter: OrderFilter; today: string; offset?: number; limit: number },
    caps: CountCaps = defaultCountCaps,
  ): Promise<{ total: number; more: boolean; rows: OrderRow<InspectionDocument>[] }> {
    const { field, to } = orderScan(query.filter, query.today);
    const offset = query.offset ?? 0;
    const counted = Math.max(offset + query.limit, caps.matches);
    const read: InspectionDocument[] = [];
    let rows: OrderRow<InspectionDocument>[] = [];
    for (let at = 0; ; at += orderBatch) {
      const { ids } = await indexedPage(this.#collection, {
        index: ['kind', field],
        equal: ['inspection'],
        from: anyDate,
        ...(to === undefined ? {} : { to }),
        offset: at,
        limit: orderBatch,
      });
      const docs = await documentsInOrder(this.#collection, ids);
      read.push(...docs);
      const all = orderRows(read, query.today, query.filter);
      const last = docs.at(-1) as (InspectionDocument & InspectionIndexFields) | undefined;
      rows = ids.length < orderBatch ? all : settledRows(all, last?.[field] ?? '');
      if (ids.length < orderBatch || rows.length > counted) break;
    }
    return {
      total: Math.min(rows.length, counted),
      more: rows.length > counted,
      rows: rows.slice(offset, offset + query.limit),
    };
  }

  /**
   * One page of the inspections behind a dashboard figure (done this month, late for publicity), the
   * latest first in its index, and how many there are up to the cap.
   */
  async figurePage(
    scan: FigureScan,
    query: { offset?: number; limit: number },
    caps: CountCaps = defaultCountCaps,
  ): Promise<{ total: number; more: boolean; items: InspectionDocument[] }> {
    const { total, ids, more } = await indexedPage(this.#collection, {
      index: ['kind', scan.field],
      equal: ['inspection'],
      from: scan.from,
      to: scan.to,
      descending: true,
      offset: query.offset ?? 0,
      limit: query.limit,
      countUpTo: caps.keys,
    });
    return { total, more: more ?? false, items: await documentsInOrder(this.#collection, ids) };
  }

  /** Any change of the collection (a reload cue for pages). */
  get changes$(): Observable<void> {
    return this.#collection.$.pipe(map(() => undefined));
  }

  /** Every inspection, once (for an export). */
  async list(): Promise<InspectionDocument[]> {
    const docs = await this.#collection.find({ selector: { kind: 'inspection' } }).exec();
    return docs.map((doc) => doc.toJSON() as InspectionDocument);
  }

  /** A subject's inspections, the latest visit first, kept current. */
  watchBySubject(subjectId: string): Observable<InspectionDocument[]> {
    return this.#collection
      .find({ selector: { subjectId }, sort: [{ startedAt: 'desc' }] })
      .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as InspectionDocument)));
  }

  watch(id: string): Observable<InspectionDocument | null> {
    return this.#collection
      .findOne(id)
      .$.pipe(map((doc) => (doc ? (doc.toJSON() as InspectionDocument) : null)));
  }

  async get(id: string): Promise<InspectionDocument | null> {
    const doc = await this.#collection.findOne(id).exec();
    return doc ? (doc.toJSON() as InspectionDocument) : null;
  }

  /** Today on this device (YYYY-MM-DD), by the services clock. */
  today(): string {
    return chinaDateOf(this.#context.clock());
  }

  /** The catalog item an order's escalation would file under, for the step dialog to name. */
  catalogItem(code: string) {
    return this.#dependencies.reference.catalog().find((item) => item.code === code);
  }

  canRecord(): boolean {
    return mayAct(this.#context, 'inspection.record');
  }

  /** The working days within which a closed inspection's result is due for publication (一公开), kept current. */
  watchPublicityDays(): Observable<number> {
    return this.#settings.watchPublicityDays();
  }

  async publicityDays(): Promise<number> {
    return this.#settings.publicityDays();
  }

  /**
   * Sets that deadline for the whole county (a synced setting, audited); an administrator's change,
   * refused outside 1–60 whole working days.
   */
  async setPublicityDays(days: number): Promise<Validated<number>> {
    const acting = actingUser(this.#context, 'settings.manage');
    if (!acting.ok) return acting;
    const written = await this.#settings.set({ publicityDays: days });
    return written.ok ? { ok: true, value: written.value.setting.publicityDays } : written;
  }

  /**
   * Starts an inspection as a draft: the subject's credit state shown before the visit, the checklist of
   * the industry's template in force today (published over the default) at the depth that state gives,
   * every item not yet judged.
   */
  async start(start: InspectionStart): Promise<Validated<InspectionDocument>> {
    const acting = actingUser(this.#context, 'inspection.record');
    if (!acting.ok) return acting;
    const standing = await this.#dependencies.standingOf(start.subjectId);
    const template = checklistInForce(
      this.#dependencies.reference.checklists(),
      start.industry,
      chinaDateOf(this.#context.clock()),
    );
    const depth = depthFor(defaultDepthPolicy, {
      grade: standing.grade === '' ? null : standing.grade,
      raised: standing.raised,
    });
    const now = this.#context.clock().toISOString();
    const input: InspectionInput = {
      kind: 'inspection',
      subjectId: start.subjectId,
      projectId: start.projectId,
      planId: start.planId,
      adHocReason: start.adHocReason,
      adHocNote: start.adHocNote.trim(),
      inspectors: start.inspectors,
      startedAt: now,
      endedAt: '',
      gradeBefore: standing.grade,
      raisedBefore: standing.raised,
      templateIndustry: template.industry,
      templateVersion: template.version,
      depth,
      items: itemsAtDepth(template, depth).map((item) => ({
        code: item.code,
        result: '',
        note: '',
        photos: [],
      })),
      findings: [],
      representative: '',
      representativeIdNumber: '',
      signature: { ...noSignature },
      conclusion: '',
      state: 'draft',
      steps: [],
      rectifications: [],
    };
    const checked = await this.#check(input, false, standing);
    if (!checked.ok) return checked;
    const document = this.#stamp(acting.session, input);
    await this.#dependencies.journal.run(authorOf(acting.session), [creationOf('inspections', [document])]);
    return { ok: true, value: document };
  }

  /**
   * Saves what the form holds into the draft (the form calls this every few seconds and after each
   * photo): nothing is written when nothing changed. A draft may be incomplete, never wrong.
   */
  async saveDraft(id: string, fields: InspectionFields): Promise<Validated<InspectionDocument>> {
    const acting = actingUser(this.#context, 'inspection.record');
    if (!acting.ok) return acting;
    const before = await this.get(id);
    if (!before) return { ok: false, issues: [issue('id', 'notFound')] };
    const locked = [...draftOnly(before), ...editorIssues(before, acting.session.userId, 'inspectors')];
    if (locked.length > 0) return { ok: false, issues: locked };
    const input: InspectionInput = {
      ...fields,
      kind: 'inspection',
      state: before.state,
      steps: before.steps,
      rectifications: before.rectifications,
    };
    const checked = await this.#check(input, false);
    if (!checked.ok) return checked;
    const after = this.#next(before, input, acting.session.userId);
    if (canonicalJson(contentOf(after)) === canonicalJson(contentOf(before)))
      return { ok: true, value: before };
    await this.#dependencies.journal.run(authorOf(acting.session), [
      { kind: 'update', collection: 'inspections', before, after },
    ]);
    return { ok: true, value: after };
  }

  /**
   * Keeps what the form holds on this computer, sealed with the data key, whatever rules it still
   * breaks: a closed window or a crash then loses nothing typed. Kept until `dropFormState`.
   */
  async keepFormState(id: string, fields: InspectionFields): Promise<void> {
    const bytes = new TextEncoder().encode(JSON.stringify(fields));
    const digest = await sha256Hex(bytes);
    const sealed = await this.#context.personalData.sealBytes(bytes, digest);
    await this.#dependencies.local.setSetting(formStateKey(id), { digest, sealed });
  }

  /** The form state kept by `keepFormState`, or null. */
  async formState(id: string): Promise<InspectionFields | null> {
    const kept = await this.#dependencies.local.getSetting<{ digest: string; sealed: Uint8Array }>(
      formStateKey(id),
    );
    if (!kept) return null;
    const opened = await this.#context.personalData.openBytes(kept.sealed, kept.digest);
    return JSON.parse(new TextDecoder().decode(opened)) as InspectionFields;
  }

  async dropFormState(id: string): Promise<void> {
    await this.#dependencies.local.settings.delete(formStateKey(id));
  }

  /** Every rule the draft breaks now, as completing it would judge it (for the form to show). */
  async problems(fields: InspectionFields, complete: boolean): Promise<ValidationIssue[]> {
    const checked = await this.#check(
      { ...fields, kind: 'inspection', state: 'draft', steps: [], rectifications: [] },
      complete,
    );
    return checked.ok ? [] : checked.issues;
  }

  /**
   * Keeps a photo already resized on the device (photoIntake.ts) on this computer, once per content,
   * and describes it for the item or finding it is taken for. Refused when it is no whole picture.
   */
  async keepPhoto(file: { name: string; data: Uint8Array }): Promise<Validated<Attachment>> {
    const problems = checkPhoto({ name: file.name, bytes: file.data });
    if (problems.length > 0) return { ok: false, issues: problems };
    const extension = photoTypeOf(file.data) === 'image/png' ? 'png' : 'jpg';
    const base = file.name.replace(/\.[^.]*$/, '').trim() || 'photo';
    return this.attachments.keep({ name: `${base}.${extension}`, data: file.data });
  }

  /**
   * Takes a workflow step for the signed-in user. Submitting needs a complete record (every item judged,
   * findings for non-compliant items, representative, signature, conclusion, end time). Publishing
   * (一公开) takes where it was published as its note and the day, between the closing day and today.
   */
  async act(
    id: string,
    action: InspectionStep,
    note = '',
    date = '',
  ): Promise<Validated<InspectionDocument>> {
    const session = this.#context.session();
    if (!session) return { ok: false, issues: [issue('action', 'permission.denied')] };
    const before = await this.get(id);
    if (!before) return { ok: false, issues: [issue('id', 'notFound')] };
    if (action === 'submit') {
      const complete = await this.#check(before, true);
      if (!complete.ok) return complete;
    }
    const clock = this.#context.clock();
    const dateBounds = publicationDateBounds(before, chinaDateOf(clock));
    const judged = { ...before, dateBounds };
    const stepped = takeStep(
      inspectionWorkflow,
      judged,
      { action, note, date },
      session,
      clock.toISOString(),
    );
    if (!stepped.ok) return stepped;
    const { dateBounds: _bounds, ...taken } = stepped.value;
    // Closing issues the rectification orders of the findings the representative signed for.
    const rectifications = action === 'close' ? ordersOnClose(before) : before.rectifications;
    const after = this.#next(before, { ...taken, rectifications }, session.userId);
    await this.#dependencies.journal.run(authorOf(session), [
      { kind: 'update', collection: 'inspections', before, after, audit: { action: 'update', reason: note } },
    ]);
    return { ok: true, value: after };
  }

  /** Whether the signed-in user may change this draft's content: one of its inspectors, holding the right. */
  mayEdit(doc: InspectionDocument): boolean {
    const session = this.#context.session();
    return (
      doc.state === 'draft' && this.canRecord() && session !== null && mayEditContent(doc, session.userId)
    );
  }

  /**
   * Records an order's re-inspection. Rectified closes it; not rectified escalates it and, in the same
   * writer run, proposes the credit record its catalog item maps to (a draft for a clerk and a
   * reviewer), linked both ways: the record's source is the inspection, the order names the record.
   */
  async reinspect(
    id: string,
    findingId: string,
    found: Reinspection,
  ): Promise<Validated<{ inspection: InspectionDocument; recordId: string }>> {
    const acting = actingUser(this.#context, 'inspection.record');
    if (!acting.ok) return acting;
    const { session } = acting;
    const before = await this.get(id);
    if (!before) return { ok: false, issues: [issue('id', 'notFound')] };
    const index = before.rectifications.findIndex((order) => order.findingId === findingId);
    if (index < 0) return { ok: false, issues: [issue('findingId', 'notFound')] };
    const now = this.#context.clock();
    const taken = reinspect(
      before.rectifications[index]!,
      found,
      session,
      now.toISOString(),
      chinaDateOf(now),
    );
    if (!taken.ok) return taken;
    let order = taken.value;
    const steps: JournalStep[] = [];
    if (order.state === 'escalated') {
      const input = escalationRecord(
        before,
        order,
        this.#dependencies.reference.catalog(),
        this.#dependencies.officeName,
      );
      const recordId = uuidv7(now.getTime());
      const prepared = input.ok
        ? this.#dependencies.records.prepareDerived(session, recordId, input.value)
        : input;
      if (!prepared.ok) return { ok: false, issues: prefixIssues(prepared.issues, 'creditRecord') };
      order = { ...order, proposedRecordId: recordId };
      steps.push(creationOf('creditRecords', [prepared.value]));
    }
    const rectifications = before.rectifications.map((kept, at) => (at === index ? order : kept));
    const after = this.#next(before, { ...before, rectifications }, session.userId);
    const reason = found.note.trim();
    steps.unshift({
      kind: 'update',
      collection: 'inspections',
      before,
      after,
      audit: { action: 'update', reason },
    });
    await this.#dependencies.journal.run(authorOf(session), steps);
    return { ok: true, value: { inspection: after, recordId: order.proposedRecordId } };
  }

  /** The steps the signed-in user may take now. */
  availableActions(doc: InspectionDocument): InspectionStep[] {
    const session = this.#context.session();
    if (!session) return [];
    return availableSteps(
      inspectionWorkflow,
      { state: doc.state, author: doc.createdBy, steps: doc.steps },
      session,
    );
  }

  async #check(
    input: InspectionInput,
    complete: boolean,
    known?: SubjectStanding,
  ): Promise<Validated<InspectionInput>> {
    const standing = known ?? (await this.#dependencies.standingOf(input.subjectId));
    const checked = validateInspection(recordOf(input), {
      today: chinaDateOf(this.#context.clock()),
      conflicted: standing.conflicted,
      complete,
    });
    // The platform checks the same against the versions it holds (shared/sync/documentValidators.ts).
    const issues = [
      ...(checked.ok ? [] : checked.issues),
      ...checklistConformance(input, this.#dependencies.reference.checklists()),
    ];
    return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
  }

  #stamp(session: SignedInSession, input: InspectionInput): InspectionDocument {
    const now = this.#context.clock().toISOString();
    return {
      ...withIndexFields(input),
      id: uuidv7(this.#context.clock().getTime()),
      county: session.county,
      createdAt: now,
      updatedAt: now,
      createdBy: session.userId,
      updatedBy: session.userId,
    };
  }

  #next(before: InspectionDocument, input: InspectionInput, by: string): InspectionDocument {
    return {
      ...withIndexFields(input),
      id: before.id,
      county: before.county,
      createdAt: before.createdAt,
      createdBy: before.createdBy,
      updatedAt: this.#context.clock().toISOString(),
      updatedBy: by,
    };
  }
}

/** How many inspections the rectification list reads through its index at a time. */
const orderBatch = 50;

const formStateKey = (id: string) => `inspectionForm:${id}`;

/** The document without its change stamps: what an autosave compares. */
function contentOf(doc: InspectionDocument): Omit<InspectionDocument, 'updatedAt' | 'updatedBy'> {
  const { updatedAt: _at, updatedBy: _by, ...content } = doc;
  return content;
}
