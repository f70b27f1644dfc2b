/**
 * The replication of one registered collection with the platform: RxDB's replication protocol with
 * pull and push handlers over the sync API. The handlers retry transient failures with backoff, keep
 * the last known master state of each document, record refused documents (and hold them back until
 * edited), and hold batches that would delete too much until a person decides.
 */
import type { Subscription } from 'rxjs';
import type { RxCollection, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { type CollectionName, collectionPlan } from '../../../shared/base/collections.ts';
import { issue, type ValidationIssue } from '../../../shared/base/validation.ts';
import { documentContent } from '../../../shared/sync/documentContent.ts';
import type {
  DocumentValidationContext,
  DocumentValidator,
} from '../../../shared/sync/documentValidators.ts';
import { type PushRow, type SyncCheckpoint, syncLimits } from '../../../shared/sync/protocol.ts';
import { type BackoffOptions, backoffDelay, wait } from './backoff.ts';
import { createConflictHandler } from './conflictHandler.ts';
import { exceedsDeletionLimit, type DeletionLimit } from './failSafe.ts';
import { changedFields, type DocumentState, sameContent } from './merge.ts';
import { asPlatformError, type PlatformClient, type PlatformError } from './platformClient.ts';
import { contentHash, type RefusalEntry, type SyncStore } from './syncStore.ts';

/** What a collection brings when it joins sync. */
export interface SyncRegistration {
  name: CollectionName;
  // biome-ignore lint/suspicious/noExplicitAny: any collection's document type joins sync
  collection: RxCollection<any>;
  /** Fields merged one by one on conflict; every other field is bookkeeping (ids, stamps). */
  mergeFields: readonly string[];
  /** The platform's rules for the collection's documents (shared/sync/documentValidators.ts). */
  validate: DocumentValidator;
  /** A field two live documents may not share (a subject's code). */
  uniqueField?: string;
  /**
   * The id of the live document holding a unique value, or null. Needed where the field is encrypted
   * at rest and cannot be queried (subjects: the repository's in-memory index); without it the
   * collection is scanned.
   */
  findByUniqueValue?(value: unknown): Promise<string | null>;
  /** Hash route of a record's edit page, where a refused document is fixed. */
  editPath?(id: string): string;
  /**
   * Writes a user's conflict resolution (field values) onto a document, e.g. through the collection's
   * repository so the change is permission-checked and audited. Without it the sync service writes the
   * values itself, stamped and checked against the platform's rules.
   */
  applyResolution?(docId: string, values: Record<string, unknown>): Promise<ResolutionWrite>;
}

export type ResolutionWrite = { ok: true } | { ok: false; issues: ValidationIssue[] };

export type SyncDirection = 'pull' | 'push';

export interface DeletionHold {
  collection: CollectionName;
  direction: SyncDirection;
  deletions: number;
  collectionSize: number;
}

export interface CollectionProgress {
  pulled: number;
  pushed: number;
}

/** What a collection's replication reports to the service. */
export interface CollectionSyncHooks {
  /** Asks a person whether a large deletion may go ahead; resolves true to continue. */
  holdDeletions(hold: DeletionHold): Promise<boolean>;
  /** A failure retrying will not mend (outdated app, revoked device): the service stops. */
  fatal(error: PlatformError): void;
  /**
   * The platform was restored from a backup and holds less than this device received: every
   * collection replicates again from the start, pushing what the platform lacks.
   */
  platformRestored(): void;
  /**
   * The platform's restore generation an answer carried: true when this replication must not go on (the
   * generation differs from the one learned before, or a restore already replaced this replication).
   */
  platformEpoch(epoch: number): boolean;
  /** A request failed and will be retried at `retryAt`. */
  failed(collection: CollectionName, error: PlatformError, retryAt: number): void;
  /** A request went through (clears the last error). */
  succeeded(collection: CollectionName): void;
  progress(collection: CollectionName, progress: CollectionProgress): void;
  activity(collection: CollectionName, active: boolean): void;
}

export interface CollectionSyncOptions {
  registration: SyncRegistration;
  client: PlatformClient;
  store: SyncStore;
  /** Identifies the replication (platform and county): RxDB resumes it from its stored checkpoints. */
  identifier: string;
  hooks: CollectionSyncHooks;
  deletionLimit: () => DeletionLimit;
  backoff: BackoffOptions;
  pullBatchSize: number;
  pushBatchSize: number;
  /** Today, and what the collection's validator reads from reference data, as the writer judges. */
  validationContext(): Promise<DocumentValidationContext>;
  now(): string;
}

class Interrupted extends Error {}

/** A live document holding the unique value other than `id`, through the field's index. */
async function uniqueHolder(
  registration: SyncRegistration,
  field: string,
  value: unknown,
  id: unknown,
): Promise<string | null> {
  if (registration.findByUniqueValue) return registration.findByUniqueValue(value);
  const holders = await registration.collection.find({ selector: { [field]: value } }).exec();
  return holders.find((doc) => doc.primary !== id)?.primary ?? null;
}

/** The rules a document must pass before it is written by sync: the platform's and local uniqueness. */
export async function checkDocument(
  registration: SyncRegistration,
  doc: DocumentState,
  context: DocumentValidationContext,
): Promise<ValidationIssue[]> {
  const { _deleted: _, ...fields } = documentContent(doc);
  return [...registration.validate(fields, context), ...((await uniqueIssue(registration, fields)) ?? [])];
}

/** The issue when another live document holds the document's unique value, else null. */
export async function uniqueIssue(
  registration: SyncRegistration,
  fields: Record<string, unknown>,
): Promise<ValidationIssue[] | null> {
  const unique = registration.uniqueField;
  if (!unique || fields[unique] === undefined) return null;
  const holder = await uniqueHolder(registration, unique, fields[unique], fields.id);
  return holder !== null && holder !== fields.id
    ? [issue(unique, 'duplicateCode', { existingId: holder })]
    : null;
}

/**
 * Pausing cancels the replication and resuming starts a new one from the stored checkpoints. (RxDB's own
 * pause drops local changes made or answered while paused from its upstream queue, and a later write can
 * move the upstream checkpoint past them: they would never be pushed.)
 */
export class CollectionSync {
  readonly name: CollectionName;
  readonly #options: CollectionSyncOptions;
  #replication: RxReplicationState<DocumentState, SyncCheckpoint> | null = null;
  #subscriptions: Subscription[] = [];
  /** Aborts waits between retries: on stop, or to retry at once. */
  #retryWait = new AbortController();
  /** A person allowed a large deletion: it may finish without asking again until the replication rests. */
  readonly #deletionApproved = { pull: false, push: false };
  #progress: CollectionProgress = { pulled: 0, pushed: 0 };
  #active = false;
  /** The platform announced changes while a run was busy: pull once it rests. */
  #resyncWhenIdle = false;
  /**
   * The newest platform state learned of each document (content hash), from pulls, accepted pushes and
   * conflict answers, with the serial of that learning. RxDB writes a pulled page locally some time
   * after the pull, and a push can be accepted in between: the page is then older than what the device
   * knows, and must neither be written locally nor be taken as the newest state.
   */
  readonly #newestKnown = new Map<string, { hash: string; serial: number }>();
  #learned = 0;

  constructor(options: CollectionSyncOptions) {
    const { registration } = options;
    if (options.pushBatchSize > syncLimits.maxPushRows) throw new Error('push batch too large');
    this.name = registration.name;
    this.#options = options;
    registration.collection.conflictHandler = createConflictHandler({
      collection: registration.name,
      mergeFields: registration.mergeFields,
      store: options.store,
      check: async (doc) => checkDocument(registration, doc, await options.validationContext()),
      now: options.now,
      superseded: (state) => this.#superseded(state, 0),
    });
  }

  /** Whether a pull or push is running. */
  get active(): boolean {
    return this.#active;
  }

  get running(): boolean {
    return this.#replication !== null;
  }

  /** Starts replicating: local changes not yet accepted are pushed, then the platform's are pulled. */
  async start(): Promise<void> {
    if (this.#replication) return;
    const { registration, identifier, pullBatchSize, pushBatchSize, hooks } = this.#options;
    this.#retryWait = new AbortController();
    const pushes = collectionPlan[registration.name].scope === 'county';
    const replication: RxReplicationState<DocumentState, SyncCheckpoint> = replicateRxCollection<
      DocumentState,
      SyncCheckpoint
    >({
      replicationIdentifier: identifier,
      collection: registration.collection,
      pull: {
        handler: (checkpoint, size) => this.#pull(replication, checkpoint, size),
        batchSize: pullBatchSize,
      },
      push: pushes
        ? { handler: (rows) => this.#push(replication, rows), batchSize: pushBatchSize }
        : undefined,
      live: true,
      retryTime: 1_000,
      waitForLeadership: false,
      autoStart: false,
      toggleOnDocumentVisible: false,
    });
    this.#replication = replication;
    this.#subscriptions = [
      replication.active$.subscribe((active) => {
        if (this.#replication !== replication) return;
        this.#active = active;
        if (!active) {
          this.#deletionApproved.pull = false;
          this.#deletionApproved.push = false;
          this.#progress = { pulled: 0, pushed: 0 };
        }
        hooks.activity(this.name, active);
        if (!active && this.#resyncWhenIdle) {
          this.#resyncWhenIdle = false;
          replication.reSync();
        }
      }),
    ];
    await replication.start();
  }

  /** Stops replicating; in-flight answers are dropped and fetched again on the next start. */
  async stop(): Promise<void> {
    const replication = this.#replication;
    if (!replication) return;
    this.#replication = null;
    this.#retryWait.abort();
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#subscriptions = [];
    await replication.cancel();
    if (this.#active) {
      this.#active = false;
      this.#options.hooks.activity(this.name, false);
    }
  }

  /** Pulls and pushes now: ends a retry wait and re-runs both directions. */
  syncNow(): void {
    if (!this.#replication) return;
    this.#retryWait.abort();
    this.#retryWait = new AbortController();
    this.#replication.reSync();
  }

  /**
   * The platform announced new writes. A busy run (often the announcement of its own push) pulls
   * them once it rests, rather than starting over in the middle.
   */
  platformChanged(): void {
    if (!this.#replication) return;
    if (this.#active) this.#resyncWhenIdle = true;
    else this.#replication.reSync();
  }

  /** Resolves once local and platform states are in step and nothing is in flight. */
  async awaitInSync(): Promise<void> {
    await this.#replication?.awaitInSync();
  }

  // Requests ---------------------------------------------------------------------------------------

  /** Runs a request until it succeeds, waiting with backoff after transient failures. */
  async #request<T extends { epoch?: number }>(
    replication: RxReplicationState<DocumentState, SyncCheckpoint>,
    send: () => Promise<T>,
  ): Promise<T> {
    const { hooks, backoff } = this.#options;
    for (let attempt = 0; ; attempt++) {
      if (this.#replication !== replication) throw new Interrupted('stopped');
      let result: T;
      try {
        result = await send();
      } catch (error) {
        const failure = asPlatformError(error);
        if (failure.kind === 'update' || failure.kind === 'unauthorized') {
          hooks.fatal(failure);
          throw failure;
        }
        if (failure.errorName === 'checkpointAhead') {
          hooks.platformRestored();
          throw new Interrupted('platform restored');
        }
        const delay = backoffDelay(failure.kind === 'refused' ? attempt + 4 : attempt, backoff);
        hooks.failed(this.name, failure, Date.now() + delay);
        await wait(delay, this.#retryWait.signal);
        continue;
      }
      if (result.epoch !== undefined && hooks.platformEpoch(result.epoch)) {
        throw new Interrupted('platform restored');
      }
      hooks.succeeded(this.name);
      return result;
    }
  }

  async #pull(
    replication: RxReplicationState<DocumentState, SyncCheckpoint>,
    checkpoint: SyncCheckpoint | undefined,
    batchSize: number,
  ): Promise<{ documents: WithDeleted<DocumentState>[]; checkpoint: SyncCheckpoint | undefined }> {
    let page: Awaited<ReturnType<PlatformClient['pull']>>;
    for (;;) {
      const since = this.#learned;
      page = await this.#request(replication, () =>
        this.#options.client.pull(this.name, checkpoint ?? null, batchSize),
      );
      // A push accepted while the page was on its way may be newer than the page: fetch it again.
      if (!page.documents.some((doc) => this.#superseded(doc, since))) break;
    }
    const documents = page.documents as WithDeleted<DocumentState>[];
    this.#learn(documents);
    if (documents.length > 0) {
      const deleted = documents.filter((doc) => doc._deleted).map((doc) => doc.id as string);
      if (deleted.length > 0) await this.#checkPulledDeletions(replication, deleted);
      await this.#keepRefusedChanges(documents);
      await this.#options.store.putShadows(this.name, documents);
      this.#report({ pulled: documents.length, pushed: 0 });
    }
    return { documents, checkpoint: page.checkpoint ?? checkpoint };
  }

  async #push(
    replication: RxReplicationState<DocumentState, SyncCheckpoint>,
    rows: RxReplicationWriteToMasterRow<DocumentState>[],
  ): Promise<WithDeleted<DocumentState>[]> {
    const { store } = this.#options;
    const refusals = await store.getRefusals(
      this.name,
      rows.map((row) => row.newDocumentState.id as string),
    );
    const send: PushRow[] = [];
    const settled: string[] = [];
    for (const row of rows) {
      const newState = documentContent(row.newDocumentState);
      const id = newState.id as string;
      let assumed = row.assumedMasterState ? documentContent(row.assumedMasterState) : null;
      const refusal = refusals.get(id);
      // RxDB counts a refused state as the master's; the platform still has the state before it.
      if (refusal && assumed && sameContent(refusal.localState, assumed)) assumed = refusal.baseState;
      if (refusal && refusal.baseState === null && newState._deleted === true) {
        // A document the platform never accepted was discarded: there is nothing to tell it.
        settled.push(id);
        continue;
      }
      send.push({ newDocumentState: { ...newState, id }, assumedMasterState: assumed && { ...assumed, id } });
    }
    const deletions = send.filter(
      (row) => row.newDocumentState._deleted === true && row.assumedMasterState?._deleted !== true,
    ).length;
    if (deletions > 0) {
      const live = await this.#options.registration.collection.count().exec();
      await this.#checkDeletions(replication, 'push', deletions, live + deletions);
    }
    const response =
      send.length > 0
        ? await this.#request(replication, () => this.#options.client.push(this.name, send))
        : { conflicts: [], rejected: [] };
    const rejected = new Map(response.rejected.map((entry) => [entry.id, entry.issues]));
    const conflicting = new Set(response.conflicts.map((doc) => doc.id));
    const accepted = send.filter(
      (row) => !rejected.has(row.newDocumentState.id) && !conflicting.has(row.newDocumentState.id),
    );
    const now = this.#options.now();
    const newRefusals: RefusalEntry[] = send
      .filter((row) => rejected.has(row.newDocumentState.id))
      .map((row) => ({
        collection: this.name,
        docId: row.newDocumentState.id,
        localState: row.newDocumentState,
        baseState: row.assumedMasterState ?? null,
        issues: rejected.get(row.newDocumentState.id) as ValidationIssue[],
        refusedAt: now,
      }));
    this.#learn([...accepted.map((row) => row.newDocumentState), ...response.conflicts]);
    await store.putShadows(
      this.name,
      accepted.map((row) => row.newDocumentState),
    );
    await store.deleteRefusals(this.name, [
      ...settled,
      ...accepted.map((row) => row.newDocumentState.id).filter((id) => refusals.has(id)),
    ]);
    await store.putRefusals(newRefusals);
    this.#report({ pulled: 0, pushed: rows.length });
    return response.conflicts as WithDeleted<DocumentState>[];
  }

  #learn(states: DocumentState[]): void {
    for (const state of states) {
      this.#newestKnown.set(state.id as string, { hash: contentHash(state), serial: ++this.#learned });
    }
  }

  /** Whether a newer state of the document than `state` was learned after serial `since`. */
  #superseded(state: DocumentState, since: number): boolean {
    const known = this.#newestKnown.get(state.id as string);
    return known !== undefined && known.serial > since && known.hash !== contentHash(state);
  }

  #report(delta: CollectionProgress): void {
    this.#progress = {
      pulled: this.#progress.pulled + delta.pulled,
      pushed: this.#progress.pushed + delta.pushed,
    };
    this.#options.hooks.progress(this.name, this.#progress);
  }

  // Fail-safe --------------------------------------------------------------------------------------

  async #checkPulledDeletions(
    replication: RxReplicationState<DocumentState, SyncCheckpoint>,
    ids: string[],
  ): Promise<void> {
    if (ids.length < this.#options.deletionLimit().minimum) return;
    const { collection } = this.#options.registration;
    const present = await collection.findByIds(ids).exec();
    const live = await collection.count().exec();
    await this.#checkDeletions(replication, 'pull', present.size, live);
  }

  async #checkDeletions(
    replication: RxReplicationState<DocumentState, SyncCheckpoint>,
    direction: SyncDirection,
    deletions: number,
    collectionSize: number,
  ): Promise<void> {
    if (this.#deletionApproved[direction]) return;
    if (!exceedsDeletionLimit(deletions, collectionSize, this.#options.deletionLimit())) return;
    const proceed = await this.#options.hooks.holdDeletions({
      collection: this.name,
      direction,
      deletions,
      collectionSize,
    });
    if (!proceed || this.#replication !== replication) throw new Interrupted('deletion held');
    this.#deletionApproved[direction] = true;
  }

  // Refused documents ------------------------------------------------------------------------------

  /**
   * A pulled state replaces a refused local state (RxDB counts the refused state as pushed). The local
   * change is not lost: it becomes a conflict the user can take up again.
   */
  async #keepRefusedChanges(documents: DocumentState[]): Promise<void> {
    const { store, registration } = this.#options;
    const refusals = await store.getRefusals(
      this.name,
      documents.map((doc) => doc.id as string),
    );
    if (refusals.size === 0) return;
    const current = await registration.collection.findByIds([...refusals.keys()]).exec();
    const overwritten: string[] = [];
    for (const doc of documents) {
      const refusal = refusals.get(doc.id as string);
      const local = refusal && current.get(refusal.docId);
      if (!refusal || !local || !sameContent(local.toJSON(true) as DocumentState, refusal.localState))
        continue;
      const fields = changedFields(refusal.baseState ?? {}, refusal.localState, [
        ...registration.mergeFields,
        '_deleted',
      ]);
      await store.addConflict({
        collection: this.name,
        docId: refusal.docId,
        localState: refusal.localState,
        platformState: documentContent(doc),
        baseState: refusal.baseState,
        fields,
        reason: 'refusedOverwritten',
        issues: refusal.issues,
        detectedAt: this.#options.now(),
      });
      overwritten.push(refusal.docId);
    }
    await store.deleteRefusals(this.name, overwritten);
  }
}
