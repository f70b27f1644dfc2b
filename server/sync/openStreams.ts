/**
 * The open event streams of devices: at most `maxPerToken` per token, closed at once when their device
 * is revoked through this platform, and re-checked every `recheckMs` against the database so that a
 * revocation written by another process (or a token replaced by a repeated enrollment) closes them too.
 */
import type { Queryable } from '../db/database.ts';

interface OpenStream {
  deviceId: string;
  tokenHash: string;
  end(): void;
}

export class OpenStreams {
  readonly maxPerToken: number;
  readonly #streams = new Set<OpenStream>();
  readonly #db: Queryable;
  readonly #timer: NodeJS.Timeout;
  #checking = false;

  readonly #onTokenInvalid: (deviceId: string) => void;

  constructor(
    db: Queryable,
    options: {
      maxPerToken?: number;
      recheckMs?: number;
      /** Told about each device whose stream a re-check ended (to drop its cached session too). */
      onTokenInvalid?: (deviceId: string) => void;
    } = {},
  ) {
    this.#db = db;
    this.#onTokenInvalid = options.onTokenInvalid ?? (() => {});
    this.maxPerToken = options.maxPerToken ?? 4;
    this.#timer = setInterval(() => void this.recheck(), options.recheckMs ?? 2_000);
    this.#timer.unref();
  }

  get size(): number {
    return this.#streams.size;
  }

  countForToken(tokenHash: string): number {
    let count = 0;
    for (const stream of this.#streams) if (stream.tokenHash === tokenHash) count++;
    return count;
  }

  /** Registers a stream; the returned function forgets it (call it when the stream ends). */
  add(stream: OpenStream): () => void {
    this.#streams.add(stream);
    return () => {
      this.#streams.delete(stream);
    };
  }

  /** Ends every open stream of the device. */
  closeDevice(deviceId: string): void {
    for (const stream of [...this.#streams]) if (stream.deviceId === deviceId) stream.end();
  }

  /** Ends the streams whose token is no longer that of an active device. */
  async recheck(): Promise<void> {
    if (this.#checking || this.#streams.size === 0) return;
    this.#checking = true;
    try {
      // Streams opened while the query runs are checked on the next tick.
      const checked = [...this.#streams];
      const hashes = [...new Set(checked.map((stream) => stream.tokenHash))];
      const { rows } = await this.#db.query<{ token_hash: string }>(
        'SELECT token_hash FROM devices WHERE token_hash = ANY($1::text[]) AND revoked_at IS NULL',
        [hashes],
      );
      const valid = new Set(rows.map((row) => row.token_hash));
      for (const stream of checked) {
        if (valid.has(stream.tokenHash) || !this.#streams.has(stream)) continue;
        stream.end();
        this.#onTokenInvalid(stream.deviceId);
      }
    } catch {
      // The database is unreachable right now: the next tick checks again.
    } finally {
      this.#checking = false;
    }
  }

  /** Ends every stream and stops re-checking (before the platform closes). */
  closeAll(): void {
    clearInterval(this.#timer);
    for (const stream of [...this.#streams]) stream.end();
  }
}
