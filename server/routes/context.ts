import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { CollectionName } from '../../shared/base/collections.ts';
import type { DocumentValidatorRegistry } from '../../shared/sync/documentValidators.ts';
import type { DeviceSessions } from '../accounts/deviceSessions.ts';
import type { SignInThrottle } from '../auth/signInThrottle.ts';
import type { BlobStore } from '../blobs/blobStore.ts';
import type { Database } from '../db/database.ts';
import type { DatabaseMaintenance } from '../db/maintenance.ts';
import type { PlatformMetrics } from '../metrics.ts';
import type { SigningKey } from '../reports/signingKey.ts';
import type { VerifyLimits } from '../reports/verifyLimits.ts';
import type { ChangeHub } from '../sync/changeHub.ts';
import type { OpenStreams } from '../sync/openStreams.ts';

/** What the route handlers share. */
export interface PlatformContext {
  db: Database;
  maintenance: DatabaseMaintenance;
  blobs: BlobStore;
  hub: ChangeHub;
  devices: DeviceSessions;
  streams: OpenStreams;
  signIns: SignInThrottle;
  /** The restore generation stamped on checkpoints (`platform_state.epoch`, read at start). */
  epoch: number;
  metrics: PlatformMetrics;
  /** Collections served, with their validators. */
  validators: DocumentValidatorRegistry;
  uniqueFields: Partial<Record<CollectionName, string>>;
  /** Schema versions that differ from the collection plan's (see PlatformOptions.schemaVersions). */
  schemaVersions: Partial<Record<CollectionName, number>>;
  heartbeatMs: number;
  /** The city's key that signs registered credit reports. */
  reportKey: SigningKey;
  /** How many verifications one client address may make on the public /verify endpoints. */
  verifyLimits: VerifyLimits;
  /** Today's date where the platform serves (China Standard Time), YYYY-MM-DD. */
  today(): string;
  /** Where the field shell for tablets is served (the operators' tablet page shows it), or null. */
  fieldShellUrl: string | null;
}

export function chinaToday(): string {
  return chinaDateOf(new Date());
}
