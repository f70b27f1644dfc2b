import { z } from 'zod';

/**
 * The numbered catalogue of platform errors. The integer part of a code is the HTTP status; the decimal
 * part tells errors with the same status apart (400.1, 400.2, … 400.11). The `error` name doubles as the
 * i18n key `syncError.<name>` (see shared/sync/messages.ts); `details` fill the message parameters.
 */
export const syncErrorCodes = {
  invalidJson: 400.1,
  invalidBody: 400.2,
  invalidQuery: 400.3,
  invalidCheckpoint: 400.4,
  invalidHeader: 400.5,
  blobHashMismatch: 400.6,
  invalidBlobHash: 400.7,
  invalidEncoding: 400.8,
  checkpointAhead: 409.1,
  reportSubjectNotSynced: 409.2,
  reportCodeTaken: 409.3,
  serialBlocksExhausted: 409.4,
  serialBlockLimit: 409.5,
  missingCredentials: 401.1,
  invalidToken: 401.2,
  deviceRevoked: 401.3,
  enrollmentCodeUnknown: 401.4,
  enrollmentCodeExpired: 401.5,
  enrollmentCodeUsed: 401.6,
  operatorAuthFailed: 401.7,
  cityScopeReadOnly: 403.1,
  countyForbidden: 403.2,
  reportSubjectOutsideCounty: 403.3,
  notFound: 404.1,
  unknownCollection: 404.2,
  collectionNotServed: 404.3,
  blobNotFound: 404.4,
  deviceNotFound: 404.5,
  countyNotFound: 404.6,
  bodyTooLarge: 413.1,
  tooManyRows: 413.2,
  blobTooLarge: 413.3,
  unsupportedMediaType: 415.1,
  tooManyStreams: 429.1,
  signInThrottled: 429.2,
  signInLocked: 429.3,
  verifyThrottled: 429.4,
  protocolMismatch: 426.1,
  clientSchemaOutdated: 426.2,
  platformSchemaOutdated: 426.3,
  internal: 500.1,
  unavailable: 503.1,
} as const;

export type SyncErrorName = keyof typeof syncErrorCodes;

export const syncErrorNames = Object.keys(syncErrorCodes) as SyncErrorName[];

export function isSyncErrorName(name: string): name is SyncErrorName {
  return Object.hasOwn(syncErrorCodes, name);
}

/** The HTTP status of a catalogue entry: the integer part of its code. */
export function syncErrorStatus(name: SyncErrorName): number {
  return Math.floor(syncErrorCodes[name]);
}

/** Looks a numbered code up in the catalogue (e.g. 426.2 → 'clientSchemaOutdated'). */
export function syncErrorByCode(code: number): SyncErrorName | undefined {
  return syncErrorNames.find((name) => syncErrorCodes[name] === code);
}

/** Every error response body of the platform. `message` is English; clients translate by `error`. */
export const syncErrorResponseSchema = z.object({
  code: z.number(),
  error: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type SyncErrorResponse = z.infer<typeof syncErrorResponseSchema>;
