/**
 * The platform's Server-Sent Events stream, read with fetch (EventSource cannot send the device token).
 * Reconnects with backoff; every (re)connection is announced as a resync, since changes may have been
 * missed while the stream was down.
 */
import { type ServerSentEvent, ServerSentEventParser } from '../../../shared/sync/sse.ts';
import { type StreamChange, streamChangeSchema, syncStreamEvents } from '../../../shared/sync/protocol.ts';
import { type BackoffOptions, backoffDelay, defaultBackoff, wait } from './backoff.ts';
import { asPlatformError, type PlatformClient, type PlatformError } from './platformClient.ts';

export type StreamEvent = { type: 'resync' } | ({ type: 'change' } & StreamChange);

export interface EventStreamHandlers {
  onEvent(event: StreamEvent): void;
  onConnected(connected: boolean): void;
  /** A failure retrying cannot mend (outdated app, revoked device): the stream has stopped. */
  onFatal(error: PlatformError): void;
}

function toStreamEvent(event: ServerSentEvent): StreamEvent | null {
  if (event.event === syncStreamEvents.resync) return { type: 'resync' };
  if (event.event !== syncStreamEvents.change) return null;
  try {
    const parsed = streamChangeSchema.safeParse(JSON.parse(event.data));
    return parsed.success ? { type: 'change', ...parsed.data } : null;
  } catch {
    return null;
  }
}

export class SyncEventStream {
  readonly #client: PlatformClient;
  readonly #handlers: EventStreamHandlers;
  readonly #backoff: BackoffOptions;
  #abort: AbortController | null = null;
  #retryWait: AbortController | null = null;

  constructor(
    client: PlatformClient,
    handlers: EventStreamHandlers,
    backoff: BackoffOptions = defaultBackoff,
  ) {
    this.#client = client;
    this.#handlers = handlers;
    this.#backoff = backoff;
  }

  get running(): boolean {
    return this.#abort !== null;
  }

  start(): void {
    if (this.#abort) return;
    const abort = new AbortController();
    this.#abort = abort;
    void this.#run(abort.signal);
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = null;
  }

  /** Skips the current backoff wait and reconnects now (after going online, or on "Sync now"). */
  reconnectNow(): void {
    this.#retryWait?.abort();
  }

  async #run(signal: AbortSignal): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const response = await this.#client.stream(signal);
        const body = response.body;
        if (!body) throw new Error('the stream has no body');
        this.#handlers.onConnected(true);
        attempt = 0;
        await this.#read(body, signal);
      } catch (error) {
        if (signal.aborted) break;
        const failure = asPlatformError(error);
        if (failure.kind === 'update' || failure.kind === 'unauthorized') {
          this.#handlers.onConnected(false);
          this.#abort = null;
          this.#handlers.onFatal(failure);
          return;
        }
      }
      if (signal.aborted) break;
      this.#handlers.onConnected(false);
      this.#retryWait = new AbortController();
      const stopWaiting = () => this.#retryWait?.abort();
      signal.addEventListener('abort', stopWaiting, { once: true });
      await wait(backoffDelay(attempt++, this.#backoff), this.#retryWait.signal);
      signal.removeEventListener('abort', stopWaiting);
    }
    this.#handlers.onConnected(false);
  }

  async #read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new ServerSentEventParser();
    const cancel = () => void reader.cancel().catch(() => {});
    signal.addEventListener('abort', cancel, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          const streamEvent = toStreamEvent(event);
          if (streamEvent) this.#handlers.onEvent(streamEvent);
        }
      }
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }
}
