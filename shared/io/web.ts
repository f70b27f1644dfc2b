/**
 * The few web-platform globals the file codecs use (text encoding and raw DEFLATE streams), typed here
 * because shared/ compiles without the DOM library. Browsers, Electron and Node 22 all provide them.
 */

interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

interface TransformStreamLike {
  readonly writable: { getWriter(): StreamWriter };
  readonly readable: { getReader(): StreamReader };
}

interface WebGlobals {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };
  CompressionStream: new (format: 'deflate-raw') => TransformStreamLike;
  DecompressionStream: new (format: 'deflate-raw') => TransformStreamLike;
}

const web = globalThis as unknown as WebGlobals;

export function encodeUtf8(text: string): Uint8Array {
  return new web.TextEncoder().encode(text);
}

/** Decodes text; throws a TypeError when `fatal` and the bytes are not valid in the encoding. */
export function decodeText(bytes: Uint8Array, encoding = 'utf-8', fatal = false): string {
  return new web.TextDecoder(encoding, { fatal }).decode(bytes);
}

/** Thrown when inflated data would exceed the size the caller allows. */
export class SizeLimitError extends Error {}

async function pipe(stream: TransformStreamLike, input: Uint8Array, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // The writer's promises reject along with the reader on corrupt input; keep them from going unhandled.
  const writing = writer.write(input).then(() => writer.close());
  writing.catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new SizeLimitError(`More than ${limit} bytes`);
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Raw DEFLATE (RFC 1951), as in ZIP entries. */
export function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  return pipe(new web.CompressionStream('deflate-raw'), data, Number.MAX_SAFE_INTEGER);
}

/** Inflates raw DEFLATE data; rejects on corrupt input or when the output would exceed `limit` bytes. */
export function inflateRaw(data: Uint8Array, limit: number): Promise<Uint8Array> {
  return pipe(new web.DecompressionStream('deflate-raw'), data, limit);
}
