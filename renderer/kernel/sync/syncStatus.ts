/** What the sync service shows of itself: its state, each collection's progress and the problems met. */
import type { CollectionName } from '../../../shared/base/collections.ts';
import type { SyncErrorName } from '../../../shared/sync/errors.ts';
import type { CollectionProgress, DeletionHold } from './collectionSync.ts';
import type { PlatformError } from './platformClient.ts';
import type { Enrollment } from './syncStore.ts';

export interface HeldDeletion extends DeletionHold {
  id: number;
}

export interface CollectionStatus extends CollectionProgress {
  name: CollectionName;
  /** Waiting for upload, as counted so far. */
  pending: number;
  /** False while the collection's records are still being counted after the profile opened. */
  counted: boolean;
  active: boolean;
}

export interface SyncProblem {
  collection: CollectionName | null;
  /** Catalogue name (`syncError.<name>`), or null when the platform could not be reached. */
  error: SyncErrorName | null;
  message: string;
  details: Record<string, unknown>;
  at: string;
  /** When the next attempt runs (epoch ms), if one is scheduled. */
  retryAt: number | null;
}

export type SyncState =
  /** No platform yet: the enrollment form is shown. */
  | 'notEnrolled'
  /** The user paused sync (or cancelled a held deletion). */
  | 'paused'
  /** Stopped until the app is updated or the device enrolled again (see `blocked`). */
  | 'blocked'
  /** Another tab replicates. */
  | 'standby'
  | 'running';

export interface SyncStatus {
  state: SyncState;
  enrollment: Enrollment | null;
  blocked: { reason: 'update' | 'unauthorized'; problem: SyncProblem } | null;
  /** The browser believes it has a network. */
  online: boolean;
  /** The platform's event stream is open. */
  connected: boolean;
  syncing: boolean;
  lastSyncedAt: string | null;
  lastError: SyncProblem | null;
  collections: CollectionStatus[];
  openConflicts: number;
  refused: number;
  held: HeldDeletion[];
}

export type EnrollOutcome =
  | { ok: true; enrollment: Enrollment }
  | { ok: false; reason: 'invalidUrl' }
  /** The shell may not reach this platform yet: the user declined, or the window restarts to allow it. */
  | { ok: false; reason: 'platformNotAllowed'; restarting: boolean }
  | { ok: false; reason: 'wrongCounty'; county: { code: string; name: { 'zh-CN': string; en: string } } }
  | { ok: false; reason: 'platform'; problem: SyncProblem };

export function problemOf(error: PlatformError, collection: CollectionName | null, at: string): SyncProblem {
  return {
    collection,
    error: error.errorName,
    message: error.message,
    details: error.details,
    at,
    retryAt: null,
  };
}

/** The status of a service just opened, from what its store remembers. */
export function initialStatus(
  enrollment: Enrollment | null,
  paused: boolean,
  lastSyncedAt: string | null,
): SyncStatus {
  return {
    state: !enrollment ? 'notEnrolled' : paused ? 'paused' : 'standby',
    enrollment,
    blocked: null,
    online: navigatorOnline(),
    connected: false,
    syncing: false,
    lastSyncedAt,
    lastError: null,
    collections: [],
    openConflicts: 0,
    refused: 0,
    held: [],
  };
}

/** Why sync cannot start: the device is enrolled but its token is gone from the secrets. */
export function missingToken(at: string): SyncProblem {
  return {
    collection: null,
    error: 'missingCredentials',
    message: 'no device token',
    details: {},
    at,
    retryAt: null,
  };
}

/** Whether the browser believes it has a network. */
function navigatorOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** Tells `changed` when the browser finds itself online or offline; returns the way to stop listening. */
export function watchNetwork(changed: (online: boolean) => void): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => {};
  const online = () => changed(true);
  const offline = () => changed(false);
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}
