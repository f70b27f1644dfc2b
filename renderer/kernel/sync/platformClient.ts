/** HTTP access to the city platform's sync endpoints (shared/sync/protocol.ts) with fetch. */
import {
  type ReportRegistration,
  type ReportRegistrationResponse,
  reportPaths,
} from '../../../shared/reports/protocol.ts';
import {
  type ProvisionsResponse,
  provisionPaths,
  provisionsResponseSchema,
} from '../../../shared/provisions/protocol.ts';
import { type CollectionName, collectionPlan } from '../../../shared/base/collections.ts';
import { isSyncErrorName, type SyncErrorName, syncErrorResponseSchema } from '../../../shared/sync/errors.ts';
import {
  type BlobPutResponse,
  blobPutResponseSchema,
  type EnrollResponse,
  enrollResponseSchema,
  formatCheckpointParam,
  type PullResponse,
  type PushResponse,
  type PushRow,
  pullResponseSchema,
  pushResponseSchema,
  type SessionResponse,
  type SyncCheckpoint,
  sessionResponseSchema,
  syncHeaders,
  syncPaths,
  syncProtocolVersion,
} from '../../../shared/sync/protocol.ts';

export type FetchFunction = typeof fetch;

/** How a failed request should be handled. */
export type FailureKind =
  /** The platform cannot be reached or is overloaded: retry later. */
  | 'transient'
  /** This CreditDesk is too old (or too new) for the platform: stop until updated. */
  | 'update'
  /** The device token is unknown or revoked: stop until enrolled again. */
  | 'unauthorized'
  /** The platform refused the request itself: retrying will not help soon. */
  | 'refused';

export class PlatformError extends Error {
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** The catalogue name (`syncError.<name>` i18n key), or null for network failures. */
  readonly errorName: SyncErrorName | null;
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    errorName: SyncErrorName | null,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PlatformError';
    this.status = status;
    this.errorName = errorName;
    this.details = details;
  }

  get kind(): FailureKind {
    if (this.status === 0 || this.status >= 500 || this.status === 408 || this.status === 429)
      return 'transient';
    if (this.status === 426) return 'update';
    if (this.status === 401 || this.status === 403) return 'unauthorized';
    return 'refused';
  }
}

/** Any thrown value as a PlatformError; errors other than PlatformError count as network failures. */
export function asPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError(0, null, message);
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

async function failure(response: Response): Promise<PlatformError> {
  const text = await response.text().catch(() => '');
  try {
    const body = syncErrorResponseSchema.parse(JSON.parse(text));
    const name = isSyncErrorName(body.error) ? body.error : null;
    return new PlatformError(response.status, name, body.message, body.details ?? {});
  } catch {
    return new PlatformError(response.status, null, `HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
}

async function send(fetchImpl: FetchFunction, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw asPlatformError(error);
  }
  if (!response.ok) throw await failure(response);
  return response;
}

async function json<T>(response: Response, parse: (value: unknown) => T): Promise<T> {
  let value: unknown;
  try {
    value = await response.json();
  } catch (error) {
    // A body cut off on the way is a network failure.
    throw asPlatformError(error);
  }
  return parse(value);
}

/**
 * Trades a one-time enrollment code for a device token. `requestKey` must be stored before the call and
 * sent again with every retry of the same code: a retry after a lost answer then returns the same device.
 */
export async function requestEnrollment(
  platformUrl: string,
  code: string,
  deviceName: string,
  requestKey: string,
  fetchImpl: FetchFunction = fetch,
): Promise<EnrollResponse> {
  const response = await send(fetchImpl, joinUrl(platformUrl, syncPaths.enroll), {
    method: 'POST',
    headers: { [syncHeaders.protocol]: String(syncProtocolVersion), 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName, requestKey }),
  });
  return json(response, (value) => enrollResponseSchema.parse(value));
}

/** Requests of one enrolled device. */
export class PlatformClient {
  readonly baseUrl: string;
  readonly #token: string;
  readonly #fetch: FetchFunction;

  constructor(baseUrl: string, token: string, fetchImpl: FetchFunction = fetch) {
    this.baseUrl = baseUrl;
    this.#token = token;
    this.#fetch = fetchImpl;
  }

  #headers(collection?: CollectionName): Record<string, string> {
    const headers: Record<string, string> = {
      [syncHeaders.protocol]: String(syncProtocolVersion),
      [syncHeaders.authorization]: `Bearer ${this.#token}`,
    };
    if (collection) headers[syncHeaders.schemaVersion] = String(collectionPlan[collection].schemaVersion);
    return headers;
  }

  async session(signal?: AbortSignal): Promise<SessionResponse> {
    const response = await send(this.#fetch, joinUrl(this.baseUrl, syncPaths.session), {
      headers: this.#headers(),
      signal,
    });
    return json(response, (value) => sessionResponseSchema.parse(value));
  }

  async pull(
    collection: CollectionName,
    checkpoint: SyncCheckpoint | null,
    limit: number,
    signal?: AbortSignal,
  ): Promise<PullResponse> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (checkpoint) query.set('checkpoint', formatCheckpointParam(checkpoint));
    const response = await send(
      this.#fetch,
      joinUrl(this.baseUrl, `${syncPaths.pull(collection)}?${query}`),
      {
        headers: this.#headers(collection),
        signal,
      },
    );
    return json(response, (value) => pullResponseSchema.parse(value));
  }

  async push(collection: CollectionName, rows: PushRow[], signal?: AbortSignal): Promise<PushResponse> {
    const response = await send(this.#fetch, joinUrl(this.baseUrl, syncPaths.push(collection)), {
      method: 'POST',
      headers: { ...this.#headers(collection), 'content-type': 'application/json' },
      body: JSON.stringify({ rows }),
      signal,
    });
    return json(response, (value) => pushResponseSchema.parse(value));
  }

  /** Uploads an attachment blob (the platform verifies its digest; uploading it again is harmless). */
  async putBlob(sha256: string, data: Uint8Array, signal?: AbortSignal): Promise<BlobPutResponse> {
    const response = await send(this.#fetch, joinUrl(this.baseUrl, syncPaths.blob(sha256)), {
      method: 'PUT',
      headers: { ...this.#headers(), 'content-type': 'application/octet-stream' },
      body: data as Uint8Array<ArrayBuffer>,
      signal,
    });
    return json(response, (value) => blobPutResponseSchema.parse(value));
  }

  /** The bytes of a blob the device's county uploaded. */
  async getBlob(sha256: string, signal?: AbortSignal): Promise<Uint8Array> {
    const response = await send(this.#fetch, joinUrl(this.baseUrl, syncPaths.blob(sha256)), {
      headers: this.#headers(),
      signal,
    });
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Registers an issued credit report; the platform answers with its signature. */
  async registerReport(
    registration: ReportRegistration,
    signal?: AbortSignal,
  ): Promise<ReportRegistrationResponse> {
    const response = await send(this.#fetch, joinUrl(this.baseUrl, reportPaths.register), {
      method: 'POST',
      headers: { ...this.#headers(), 'content-type': 'application/json' },
      body: JSON.stringify(registration),
      signal,
    });
    return json(response, (value) => value as ReportRegistrationResponse);
  }

  /** This device's serial blocks and the city's matching key; `moreSerials` asks for one more block. */
  async provisions(moreSerials = false, signal?: AbortSignal): Promise<ProvisionsResponse> {
    const path = moreSerials ? provisionPaths.serialBlocks : provisionPaths.provisions;
    const response = await send(this.#fetch, joinUrl(this.baseUrl, path), {
      method: moreSerials ? 'POST' : 'GET',
      headers: this.#headers(),
      signal,
    });
    return json(response, (value) => provisionsResponseSchema.parse(value));
  }

  /** Opens the event stream; the caller reads the body. */
  stream(signal: AbortSignal): Promise<Response> {
    return send(this.#fetch, joinUrl(this.baseUrl, syncPaths.stream), {
      headers: { ...this.#headers(), accept: 'text/event-stream' },
      signal,
      cache: 'no-store',
    });
  }
}
