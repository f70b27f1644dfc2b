/**
 * The sync service: one replication per registered collection with the city platform, the live event
 * stream, enrollment, pause/resume and "Sync now", and the status the UI shows. Only the leading tab
 * (or the Electron window) replicates; the others wait for leadership.
 */
import { chinaDateOf } from '../../../shared/base/calendar/dates.ts';
import type { ReportRegistration, ReportRegistrationResponse } from '../../../shared/reports/protocol.ts';
import { BehaviorSubject, type Observable, type Subscription, throttleTime } from 'rxjs';
import type { RxDatabase } from 'rxdb';
import { type CollectionName, collectionPlan } from '../../../shared/base/collections.ts';
import type { ProvisionsResponse } from '../../../shared/provisions/protocol.ts';
import { syncLimits } from '../../../shared/sync/protocol.ts';
import { type Clock, type Session, systemClock } from '../session/session.ts';
import { type BackoffOptions, defaultBackoff } from './backoff.ts';
import { type CollectionProgress, CollectionSync, type SyncRegistration } from './collectionSync.ts';
import type { BlobUploads } from './blobUploads.ts';
import { SyncEventStream } from './eventStream.ts';
import { OrderedPushClient } from './orderedPushClient.ts';
import { type DeletionLimit, defaultDeletionLimit } from './failSafe.ts';
import { DeviceEnrollment, type DeviceIdentityOptions, storedEnrollment } from './enrollment.ts';
import { HeldDeletions } from './heldDeletions.ts';
import type { FetchFunction, PlatformClient, PlatformError } from './platformClient.ts';
import { RecordStateTracker } from './recordStates.ts';
import type { Writer } from '../db/writer.ts';
import { SyncResolutions } from './resolutions.ts';
import { type RememberedRestores, RestoreGeneration } from './restoreGeneration.ts';
import { type DocumentSealer, type Enrollment, SyncStore } from './syncStore.ts';
import {
  type EnrollOutcome,
  initialStatus,
  missingToken,
  problemOf,
  type SyncProblem,
  type SyncStatus,
  watchNetwork,
} from './syncStatus.ts';

const settingKeys = {
  paused: 'paused',
  lastSyncedAt: 'lastSyncedAt',
  deletionLimit: 'deletionLimit',
} as const;

export interface SyncServiceOptions extends DeviceIdentityOptions {
  /** The office profile's name: the sync store is `<profile>-sync`. */
  profile: string;
  /** The local database, for leader election among tabs (RxDB's leader-election plugin). */
  database: Pick<RxDatabase, 'isLeader' | 'waitForLeadership'>;
  /** Encrypts personal fields of the documents kept in conflicts and refusals. */
  sealer?: DocumentSealer;
  /** Who is acting (stamps conflict resolutions). */
  session: () => Session;
  /** Writes conflict resolutions and discarded refusals (renderer/kernel/db/writer.ts). */
  writer: Writer;
  /** Attachment bytes to upload before the documents that refer to them. */
  blobs?: BlobUploads;
  clock?: Clock;
  fetch?: FetchFunction;
  backoff?: BackoffOptions;
  pullBatchSize?: number;
  pushBatchSize?: number;
}

export class SyncService {
  readonly store: SyncStore;
  readonly records: RecordStateTracker;
  readonly resolutions: SyncResolutions;
  readonly #options: SyncServiceOptions;
  readonly #clock: Clock;
  readonly #registrations = new Map<CollectionName, SyncRegistration>();
  readonly #status: BehaviorSubject<SyncStatus>;
  readonly #subscriptions: Subscription[] = [];
  #syncs = new Map<CollectionName, CollectionSync>();
  #progress = new Map<CollectionName, CollectionProgress>();
  #stream: SyncEventStream | null = null;
  #deletionLimit: DeletionLimit = defaultDeletionLimit;
  readonly #enrollment: DeviceEnrollment;
  readonly #restores: RestoreGeneration;
  readonly #held = new HeldDeletions((held) => this.#update({ held }));
  #cycleFailed = false;
  #running = false;
  #closed = false;
  /** Serializes start/stop, so that quick toggles never interleave. */
  #lifecycle: Promise<unknown> = Promise.resolve();
  readonly #unwatchNetwork: () => void;

  private constructor(
    options: SyncServiceOptions,
    store: SyncStore,
    initial: SyncStatus,
    restores: RememberedRestores,
  ) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.store = store;
    this.records = new RecordStateTracker(store);
    this.resolutions = new SyncResolutions({
      store,
      registrations: this.#registrations,
      session: options.session,
      clock: this.#clock,
      writer: options.writer,
    });
    this.#enrollment = new DeviceEnrollment({
      ...options,
      store,
      backoff: options.backoff ?? defaultBackoff,
      now: () => this.#now(),
      forgetPlatform: () => this.#restores.forgetEpoch(),
    });
    this.#restores = new RestoreGeneration(
      {
        store,
        queue: (work) => this.#queue(work),
        restart: async () => {
          await this.#cancelAll();
          await this.#start();
        },
      },
      restores,
    );
    this.#status = new BehaviorSubject(initial);
    this.#subscriptions.push(
      this.records.changes$
        .pipe(throttleTime(250, undefined, { leading: true, trailing: true }))
        .subscribe(() => this.#refreshCounts()),
      store.changes$.subscribe((change) => {
        if (change.kind === 'conflicts' || change.kind === 'refusals') void this.#refreshEntryCounts();
      }),
    );
    this.#unwatchNetwork = watchNetwork((online) => {
      this.#update({ online });
      if (online) this.syncNow();
    });
  }

  static async open(options: SyncServiceOptions): Promise<SyncService> {
    const store = new SyncStore(options.profile, options.sealer);
    const [enrollment, paused, lastSyncedAt, limit, restores] = await Promise.all([
      storedEnrollment(store),
      store.getSetting<boolean>(settingKeys.paused),
      store.getSetting<string>(settingKeys.lastSyncedAt),
      store.getSetting<DeletionLimit>(settingKeys.deletionLimit),
      RestoreGeneration.remembered(store),
    ]);
    const initial = initialStatus(enrollment ?? null, paused === true, lastSyncedAt ?? null);
    const service = new SyncService(options, store, initial, restores);
    if (limit) service.#deletionLimit = limit;
    await service.#refreshEntryCounts();
    return service;
  }

  get status(): SyncStatus {
    return this.#status.value;
  }

  get status$(): Observable<SyncStatus> {
    return this.#status.asObservable();
  }

  get deletionLimit(): DeletionLimit {
    return this.#deletionLimit;
  }

  registration(name: CollectionName): SyncRegistration | undefined {
    return this.#registrations.get(name);
  }

  /** Adds a collection to sync. Register every collection before `start()`. */
  async register(registration: SyncRegistration): Promise<void> {
    this.#registrations.set(registration.name, registration);
    await this.records.track(registration.name, registration.collection);
    this.#refreshCounts();
  }

  /** Starts syncing when enrolled and not paused: waits for leadership first. */
  start(): Promise<void> {
    return this.#queue(() => this.#start());
  }

  async #start(): Promise<void> {
    const { enrollment, state } = this.status;
    if (this.#running || this.#closed || !enrollment || state === 'paused' || state === 'blocked') return;
    this.#running = true;
    this.#update({ state: 'standby' });
    const database = this.#options.database;
    if (database.isLeader()) {
      await this.#begin();
    } else {
      // Other tabs replicate meanwhile; this one takes over when it becomes the leader.
      void database.waitForLeadership().then(() => this.#queue(() => this.#begin()));
    }
  }

  async #begin(): Promise<void> {
    const enrollment = this.status.enrollment;
    if (!this.#running || this.#closed || !enrollment) return;
    const token = await this.#enrollment.token();
    if (!token) {
      this.#running = false;
      this.#block('unauthorized', missingToken(this.#now()));
      return;
    }
    const client = new OrderedPushClient(
      enrollment.platformUrl,
      token,
      this.#options.fetch,
      {
        pending: (collection) => this.records.pendingCount(collection),
        counted: (collection) => this.records.loaded(collection),
        closed: () => this.#closed,
      },
      this.#options.blobs,
    );
    for (const registration of this.#registrations.values()) {
      if (!this.#syncs.has(registration.name)) {
        this.#syncs.set(registration.name, this.#createSync(registration, client, enrollment));
      }
    }
    this.#update({ state: 'running' });
    this.#stream = new SyncEventStream(
      client,
      {
        onEvent: (event) => {
          if (event.type === 'resync') for (const sync of this.#syncs.values()) sync.platformChanged();
          else this.#syncs.get(event.collection as CollectionName)?.platformChanged();
        },
        onConnected: (connected) => {
          this.#update({ connected });
          if (connected) void this.#enrollment.refreshProvisions(client);
        },
        onFatal: (error) => this.#fatal(error, null),
      },
      this.#options.backoff ?? defaultBackoff,
    );
    this.#stream.start();
    await Promise.all([...this.#syncs.values()].map((sync) => sync.start()));
  }

  #createSync(
    registration: SyncRegistration,
    client: PlatformClient,
    enrollment: Enrollment,
  ): CollectionSync {
    const generation = this.#restores.current;
    return new CollectionSync({
      registration,
      client,
      store: this.store,
      identifier: RestoreGeneration.identifier(enrollment, registration.name, generation),
      deletionLimit: () => this.#deletionLimit,
      backoff: this.#options.backoff ?? defaultBackoff,
      pullBatchSize: this.#options.pullBatchSize ?? syncLimits.maxPullLimit,
      pushBatchSize: this.#options.pushBatchSize ?? 500,
      validationContext: async () => ({
        today: chinaDateOf(this.#clock()),
        ...(await this.#options.writer.referenceContextOf(registration.name)),
      }),
      now: () => this.#now(),
      hooks: {
        holdDeletions: (hold) =>
          this.#held.hold(hold, () => {
            if (this.status.state === 'running') void this.pause();
          }),
        fatal: (error) => this.#fatal(error, registration.name),
        platformRestored: () => this.#restores.restored(),
        platformEpoch: (epoch) => this.#restores.noteEpoch(epoch, generation),
        failed: (collection, error, retryAt) => {
          this.#cycleFailed = true;
          this.#update({ lastError: { ...problemOf(error, collection, this.#now()), retryAt } });
        },
        succeeded: () => {
          if (this.status.lastError) this.#update({ lastError: null });
        },
        progress: (collection, progress) => {
          this.#progress.set(collection, progress);
          this.#refreshCounts();
        },
        activity: () => this.#activityChanged(),
      },
    });
  }

  /** Stops the replications and the stream; they resume from their checkpoints on the next start. */
  #stop(): Promise<void> {
    this.#running = false;
    this.#stream?.stop();
    this.#stream = null;
    this.#held.cancelAll();
    return Promise.all([...this.#syncs.values()].map((sync) => sync.stop())).then(() => undefined);
  }

  async #cancelAll(): Promise<void> {
    await this.#stop();
    const syncs = [...this.#syncs.values()];
    this.#syncs = new Map();
    await Promise.all(syncs.map((sync) => sync.stop()));
  }

  #queue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#lifecycle.then(work, work);
    this.#lifecycle = next.catch(() => undefined);
    return next;
  }

  // Controls ---------------------------------------------------------------------------------------

  pause(): Promise<void> {
    return this.#queue(async () => {
      if (!this.status.enrollment) return;
      await this.store.setSetting(settingKeys.paused, true);
      this.#update({ state: 'paused', syncing: false });
      await this.#stop();
    });
  }

  resume(): Promise<void> {
    return this.#queue(async () => {
      await this.store.setSetting(settingKeys.paused, false);
      if (this.status.state === 'paused') this.#update({ state: 'standby' });
      await this.#start();
    });
  }

  /** Pulls and pushes every collection now, skipping any retry wait. */
  syncNow(): void {
    if (!this.#running) return;
    this.#stream?.reconnectNow();
    for (const sync of this.#syncs.values()) sync.syncNow();
  }

  /** An attachment's bytes from the platform; rejects when not enrolled or the platform is unreachable. */
  async fetchBlob(sha256: string): Promise<Uint8Array> {
    return (await this.#enrollment.client(this.status.enrollment)).getBlob(sha256);
  }

  /** Registers an issued credit report; rejects when not enrolled, refused or the platform is unreachable. */
  async registerReport(registration: ReportRegistration): Promise<ReportRegistrationResponse> {
    return (await this.#enrollment.client(this.status.enrollment)).registerReport(registration);
  }

  /** The device's provisions from the platform, kept; `moreSerials` asks for one more serial block. */
  fetchProvisions(moreSerials = false): Promise<ProvisionsResponse> {
    return this.#enrollment.fetchProvisions(this.status.enrollment, moreSerials);
  }

  /** Resolves when every collection is in step with the platform (tests, "Sync now" with feedback). */
  async awaitInSync(): Promise<void> {
    await Promise.all([...this.#syncs.values()].map((sync) => sync.awaitInSync()));
  }

  async setDeletionLimit(limit: DeletionLimit): Promise<void> {
    this.#deletionLimit = limit;
    await this.store.setSetting(settingKeys.deletionLimit, limit);
  }

  /** A person's answer to a held deletion: continue, or cancel (sync pauses). */
  decideHeldDeletion(id: number, proceed: boolean): void {
    this.#held.decide(id, proceed);
  }

  // Enrollment -------------------------------------------------------------------------------------

  /** Enrolls this device with a one-time code, refusing a code of another county than the office's. */
  enroll(platformUrl: string, code: string): Promise<EnrollOutcome> {
    return this.#queue(async () => {
      const granted = await this.#enrollment.ask(platformUrl, code);
      if (!granted.ok) return granted;
      await this.#cancelAll();
      const enrollment = await this.#enrollment.keep(granted, this.status.enrollment);
      await this.store.setSetting(settingKeys.paused, false);
      this.#update({ enrollment, state: 'standby', blocked: null, lastError: null });
      await this.#start();
      return { ok: true, enrollment } as const;
    });
  }

  /** Demo start-up: enrolls with the given code unless this device is enrolled already. */
  async autoEnroll(platformUrl: string, code: string): Promise<EnrollOutcome> {
    const current = this.status.enrollment;
    if (current) return { ok: true, enrollment: current };
    return this.enroll(platformUrl, code);
  }

  // Status -----------------------------------------------------------------------------------------

  #now(): string {
    return this.#clock().toISOString();
  }

  #update(patch: Partial<SyncStatus>): void {
    if (this.#closed) return;
    this.#status.next({ ...this.#status.value, ...patch });
  }

  #block(reason: 'update' | 'unauthorized', problem: SyncProblem): void {
    this.#update({ state: 'blocked', blocked: { reason, problem }, syncing: false, connected: false });
  }

  #fatal(error: PlatformError, collection: CollectionName | null): void {
    if (this.status.state === 'blocked') return;
    this.#block(
      error.kind === 'update' ? 'update' : 'unauthorized',
      problemOf(error, collection, this.#now()),
    );
    void this.#queue(() => this.#stop());
  }

  #activityChanged(): void {
    const syncing = [...this.#syncs.values()].some((sync) => sync.active);
    const wasSyncing = this.status.syncing;
    if (syncing && !wasSyncing) this.#cycleFailed = false;
    if (!syncing && wasSyncing && !this.#cycleFailed && this.#running && this.status.state === 'running') {
      const at = this.#now();
      this.#update({ syncing, lastSyncedAt: at });
      void this.store.setSetting(settingKeys.lastSyncedAt, at);
    } else {
      this.#update({ syncing });
    }
    if (!syncing) this.#progress.clear();
    this.#refreshCounts();
  }

  #refreshCounts(): void {
    const collections = [...this.#registrations.keys()].map((name) => ({
      name,
      // City-wide collections flow down only: a local copy is never waiting to be uploaded.
      pending: collectionPlan[name].scope === 'county' ? this.records.pendingCount(name) : 0,
      counted: this.records.isCounted(name),
      active: this.#syncs.get(name)?.active ?? false,
      ...(this.#progress.get(name) ?? { pulled: 0, pushed: 0 }),
    }));
    this.#update({ collections });
  }

  async #refreshEntryCounts(): Promise<void> {
    this.#update(await this.store.entryCounts());
  }

  async close(): Promise<void> {
    await this.#queue(() => this.#cancelAll());
    this.#closed = true;
    this.#unwatchNetwork();
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.records.close();
    await this.store.close();
    this.#status.complete();
  }
}
