/**
 * The sync service: one replication per registered collection with the city platform, the live event
 * stream, enrollment, pause/resume and "Sync now", and the status the UI shows. Only the leading tab
 * (or the Electron window) replicates; the others wait for leadership.
 */
import type { ReportRegistration, ReportRegistrationResponse } from '../../../shared/reports/protocol.ts';
import { BehaviorSubject, type Observable, type Subscription, throttleTime } from 'rxjs';
import type { RxDatabase } from 'rxdb';
import { type CollectionName, collectionPlan } from '../../../shared/base/collections.ts';
import type { PlatformAllowance, SecretStore } from '../../../shared/base/platform/bridge.ts';
import type { ProvisionsResponse } from '../../../shared/provisions/protocol.ts';
import { type EnrollResponse, syncLimits } from '../../../shared/sync/protocol.ts';
import { uploadedBefore } from '../../../shared/sync/pushOrder.ts';
import { type Clock, localDate, type Session, systemClock } from '../session/session.ts';
import { type BackoffOptions, defaultBackoff } from './backoff.ts';
import {
  type CollectionProgress,
  CollectionSync,
  type DeletionHold,
  type SyncRegistration,
} from './collectionSync.ts';
import type { BlobUploads } from './blobUploads.ts';
import { SyncEventStream } from './eventStream.ts';
import { OrderedPushClient } from './orderedPushClient.ts';
import { type DeletionLimit, defaultDeletionLimit } from './failSafe.ts';
import { forgetEnrollmentAttempt, normalizePlatformUrl, requestEnrollmentOnce } from './enrollmentRequest.ts';
import { type FetchFunction, PlatformClient, type PlatformError } from './platformClient.ts';
import { RecordStateTracker } from './recordStates.ts';
import type { Writer } from '../db/writer.ts';
import { SyncResolutions } from './resolutions.ts';
import { type DocumentSealer, type Enrollment, SyncStore } from './syncStore.ts';
import { type EnrollOutcome, problemOf, type SyncProblem, type SyncStatus } from './syncStatus.ts';

export const deviceTokenSecret = 'sync.deviceToken';

const settingKeys = {
  enrollment: 'enrollment',
  paused: 'paused',
  lastSyncedAt: 'lastSyncedAt',
  deletionLimit: 'deletionLimit',
  restoreGeneration: 'restoreGeneration',
  platformEpoch: 'platformEpoch',
} as const;

export interface SyncServiceOptions {
  /** The office profile's name: the sync store is `<profile>-sync`. */
  profile: string;
  /** The local database, for leader election among tabs (RxDB's leader-election plugin). */
  database: Pick<RxDatabase, 'isLeader' | 'waitForLeadership'>;
  secrets: SecretStore;
  /** The office's county: the device may only enroll into it. */
  officeCounty: string;
  /** How the device introduces itself to the platform's administrators. */
  deviceName: string;
  /** Encrypts personal fields of the documents kept in conflicts and refusals. */
  sealer?: DocumentSealer;
  /** Who is acting (stamps conflict resolutions). */
  session: () => Session;
  /** Writes conflict resolutions and discarded refusals (renderer/kernel/db/writer.ts). */
  writer: Writer;
  /** Attachment bytes to upload before the documents that refer to them. */
  blobs?: BlobUploads;
  /** Keeps what the platform hands the device besides its token, fetched whenever it connects. */
  provisions?: { apply(provisions: ProvisionsResponse): Promise<void> };
  /** Lets the page reach a platform before enrolling with it (the bridge's allowPlatform); always ready if absent. */
  allowPlatform?: (platformUrl: string) => Promise<PlatformAllowance>;
  clock?: Clock;
  fetch?: FetchFunction;
  backoff?: BackoffOptions;
  pullBatchSize?: number;
  pushBatchSize?: number;
}

/** How long a push waits for the changes it must follow (shared/sync/pushOrder.ts) to be uploaded. */
const usersFirstLimitMs = 30_000;

function navigatorOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
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
  /** How often the platform was found restored from a backup (part of the replication identifiers). */
  #restoreGeneration = 0;
  #restoring = false;
  /** The platform's restore generation as its answers last gave it (undefined before the first). */
  #platformEpoch: number | undefined;
  #held = new Map<number, { hold: DeletionHold; decide: (proceed: boolean) => void }>();
  #heldSerial = 0;
  #cycleFailed = false;
  #running = false;
  #closed = false;
  /** Serializes start/stop, so that quick toggles never interleave. */
  #lifecycle: Promise<unknown> = Promise.resolve();
  readonly #removeListeners: (() => void)[] = [];

  private constructor(options: SyncServiceOptions, store: SyncStore, initial: SyncStatus) {
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
    this.#status = new BehaviorSubject(initial);
    this.#subscriptions.push(
      this.records.changes$
        .pipe(throttleTime(250, undefined, { leading: true, trailing: true }))
        .subscribe(() => this.#refreshCounts()),
      store.changes$.subscribe((change) => {
        if (change.kind === 'conflicts' || change.kind === 'refusals') void this.#refreshEntryCounts();
      }),
    );
    if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      const online = () => {
        this.#update({ online: true });
        this.syncNow();
      };
      const offline = () => this.#update({ online: false });
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      this.#removeListeners.push(() => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      });
    }
  }

  static async open(options: SyncServiceOptions): Promise<SyncService> {
    const store = new SyncStore(options.profile, options.sealer);
    const [enrollment, paused, lastSyncedAt, limit, restoreGeneration, platformEpoch] = await Promise.all([
      store.getSetting<Enrollment>(settingKeys.enrollment),
      store.getSetting<boolean>(settingKeys.paused),
      store.getSetting<string>(settingKeys.lastSyncedAt),
      store.getSetting<DeletionLimit>(settingKeys.deletionLimit),
      store.getSetting<number>(settingKeys.restoreGeneration),
      store.getSetting<number>(settingKeys.platformEpoch),
    ]);
    const service = new SyncService(options, store, {
      state: !enrollment ? 'notEnrolled' : paused ? 'paused' : 'standby',
      enrollment: enrollment ?? null,
      blocked: null,
      online: navigatorOnline(),
      connected: false,
      syncing: false,
      lastSyncedAt: lastSyncedAt ?? null,
      lastError: null,
      collections: [],
      openConflicts: 0,
      refused: 0,
      held: [],
    });
    if (limit) service.#deletionLimit = limit;
    service.#restoreGeneration = restoreGeneration ?? 0;
    service.#platformEpoch = platformEpoch;
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
    const token = await this.#options.secrets.get(deviceTokenSecret);
    if (!token) {
      this.#running = false;
      this.#block('unauthorized', {
        collection: null,
        error: 'missingCredentials',
        message: 'no device token',
        details: {},
        at: this.#now(),
        retryAt: null,
      });
      return;
    }
    const client = new OrderedPushClient(
      enrollment.platformUrl,
      token,
      this.#options.fetch,
      (collection) => this.#uploadedBefore(collection),
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
          if (connected) void this.#refreshProvisions(client);
        },
        onFatal: (error) => this.#fatal(error, null),
      },
      this.#options.backoff ?? defaultBackoff,
    );
    this.#stream.start();
    await Promise.all([...this.#syncs.values()].map((sync) => sync.start()));
  }

  /**
   * The platform judges every document by its author, whom it knows from the county's users, and some
   * against another collection's documents (shared/sync/pushOrder.ts): a push waits (up to a limit, then
   * goes anyway) until this device's pending changes of those collections are uploaded.
   */
  async #uploadedBefore(collection: CollectionName): Promise<void> {
    const first = uploadedBefore(collection).filter((name) => this.#registrations.has(name));
    const deadline = Date.now() + usersFirstLimitMs;
    await Promise.race([
      Promise.all(first.map((name) => this.records.loaded(name))),
      new Promise((resolve) => setTimeout(resolve, usersFirstLimitMs)),
    ]);
    while (
      first.some((name) => this.records.pendingCount(name) > 0) &&
      Date.now() < deadline &&
      !this.#closed
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  #createSync(
    registration: SyncRegistration,
    client: PlatformClient,
    enrollment: Enrollment,
  ): CollectionSync {
    // A new identifier starts RxDB's replication afresh: it pulls everything and pushes every local
    // document the platform does not hold in the same state (conflicts are resolved as usual).
    const generation = this.#restoreGeneration;
    const restored = generation > 0 ? `|restore-${generation}` : '';
    return new CollectionSync({
      registration,
      client,
      store: this.store,
      identifier: `creditdesk|${enrollment.platformUrl}|${enrollment.county.code}|${registration.name}${restored}`,
      deletionLimit: () => this.#deletionLimit,
      backoff: this.#options.backoff ?? defaultBackoff,
      pullBatchSize: this.#options.pullBatchSize ?? syncLimits.maxPullLimit,
      pushBatchSize: this.#options.pushBatchSize ?? 500,
      validationContext: async () => ({
        today: localDate(this.#clock()),
        ...(await this.#options.writer.referenceContextOf(registration.name)),
      }),
      now: () => this.#now(),
      hooks: {
        holdDeletions: (hold) => this.#holdDeletions(hold),
        fatal: (error) => this.#fatal(error, registration.name),
        platformRestored: () => this.#platformRestored(),
        platformEpoch: (epoch) => this.#noteEpoch(epoch, generation),
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

  /**
   * Learns the platform's restore generation from an answer. A different one than learned before means
   * the platform was restored from a backup: every collection starts again. True when the asking
   * replication must stop (that, or a restore already replaced it).
   */
  #noteEpoch(epoch: number, generation: number): boolean {
    if (generation !== this.#restoreGeneration) return true;
    if (this.#platformEpoch === epoch) return false;
    const restored = this.#platformEpoch !== undefined;
    this.#platformEpoch = epoch;
    void this.store.setSetting(settingKeys.platformEpoch, epoch);
    if (restored) this.#platformRestored();
    return restored;
  }

  /** Replicates every collection again from the start, once for all collections that noticed. */
  #platformRestored(): void {
    if (this.#restoring) return;
    this.#restoring = true;
    // Raised at once, so answers to the replications being replaced are not taken (see #noteEpoch).
    this.#restoreGeneration++;
    void this.#queue(async () => {
      try {
        await this.store.setSetting(settingKeys.restoreGeneration, this.#restoreGeneration);
        await this.#cancelAll();
        await this.#start();
      } finally {
        this.#restoring = false;
      }
    });
  }

  /** Stops the replications and the stream; they resume from their checkpoints on the next start. */
  #stop(): Promise<void> {
    this.#running = false;
    this.#stream?.stop();
    this.#stream = null;
    for (const { decide } of this.#held.values()) decide(false);
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
    const enrollment = this.status.enrollment;
    const token = await this.#options.secrets.get(deviceTokenSecret);
    if (!enrollment || !token) throw new Error('This computer is not enrolled on a platform');
    return new PlatformClient(enrollment.platformUrl, token, this.#options.fetch).getBlob(sha256);
  }

  /** Registers an issued credit report; rejects when not enrolled, refused or the platform is unreachable. */
  async registerReport(registration: ReportRegistration): Promise<ReportRegistrationResponse> {
    const enrollment = this.status.enrollment;
    const token = await this.#options.secrets.get(deviceTokenSecret);
    if (!enrollment || !token) throw new Error('This computer is not enrolled on a platform');
    return new PlatformClient(enrollment.platformUrl, token, this.#options.fetch).registerReport(
      registration,
    );
  }

  /** Fetches the device's provisions; a failure waits for the next connection. */
  async #refreshProvisions(client: PlatformClient): Promise<void> {
    if (!this.#options.provisions) return;
    try {
      await this.#options.provisions.apply(await client.provisions());
    } catch {
      // Not reached or refused now: the next connection asks again.
    }
  }

  /**
   * The device's provisions from the platform, kept; `moreSerials` asks for one more commitment serial
   * block. Rejects like any platform request.
   */
  async fetchProvisions(moreSerials = false): Promise<ProvisionsResponse> {
    const enrollment = this.status.enrollment;
    const token = await this.#options.secrets.get(deviceTokenSecret);
    if (!enrollment || !token) throw new Error('This computer is not enrolled on a platform');
    const provisions = await new PlatformClient(
      enrollment.platformUrl,
      token,
      this.#options.fetch,
    ).provisions(moreSerials);
    await this.#options.provisions?.apply(provisions);
    return provisions;
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
    this.#held.get(id)?.decide(proceed);
  }

  #holdDeletions(hold: DeletionHold): Promise<boolean> {
    const id = ++this.#heldSerial;
    return new Promise((resolve) => {
      this.#held.set(id, {
        hold,
        decide: (proceed) => {
          if (!this.#held.delete(id)) return;
          this.#updateHeld();
          if (!proceed && this.status.state === 'running') void this.pause();
          resolve(proceed);
        },
      });
      this.#updateHeld();
    });
  }

  #updateHeld(): void {
    this.#update({ held: [...this.#held].map(([id, { hold }]) => ({ id, ...hold })) });
  }

  // Enrollment -------------------------------------------------------------------------------------

  /** Enrolls this device with a one-time code, refusing a code of another county than the office's. */
  enroll(platformUrl: string, code: string): Promise<EnrollOutcome> {
    return this.#queue(async () => {
      const url = normalizePlatformUrl(platformUrl);
      if (!url) return { ok: false, reason: 'invalidUrl' } as const;
      const allowance = (await this.#options.allowPlatform?.(url)) ?? 'ready';
      if (allowance !== 'ready')
        return { ok: false, reason: 'platformNotAllowed', restarting: allowance === 'restarting' } as const;
      let enrolled: EnrollResponse;
      try {
        enrolled = await requestEnrollmentOnce(url, code.trim(), {
          store: this.store,
          deviceName: this.#options.deviceName,
          backoff: this.#options.backoff ?? defaultBackoff,
          fetch: this.#options.fetch,
        });
      } catch (error) {
        const failure = error as PlatformError;
        return { ok: false, reason: 'platform', problem: problemOf(failure, null, this.#now()) } as const;
      }
      await forgetEnrollmentAttempt(this.store);
      if (enrolled.county.code !== this.#options.officeCounty) {
        return { ok: false, reason: 'wrongCounty', county: enrolled.county } as const;
      }
      const previous = this.status.enrollment;
      if (previous && (previous.platformUrl !== url || previous.county.code !== enrolled.county.code)) {
        await this.#cancelAll();
        await this.store.clearPlatformState();
        this.#platformEpoch = undefined;
        await this.store.deleteSetting(settingKeys.platformEpoch);
      } else {
        await this.#cancelAll();
      }
      await this.#options.secrets.set(deviceTokenSecret, enrolled.token);
      const enrollment: Enrollment = {
        platformUrl: url,
        deviceId: enrolled.deviceId,
        county: enrolled.county,
        enrolledAt: this.#now(),
      };
      await this.store.setSetting(settingKeys.enrollment, enrollment);
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
    const [conflicts, refusals] = await Promise.all([
      this.store.openConflictDocuments(),
      this.store.refusedDocuments(),
    ]);
    this.#update({
      openConflicts: conflicts.length,
      refused: refusals.filter((entry) => !entry.discarded).length,
    });
  }

  async close(): Promise<void> {
    await this.#queue(() => this.#cancelAll());
    this.#closed = true;
    for (const remove of this.#removeListeners) remove();
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.records.close();
    this.store.close();
    this.#status.complete();
  }
}
