/**
 * The web-platform text codecs the file formats use, typed here because shared/ compiles without the
 * DOM library. Browsers, Electron and Node 22 all provide them.
 */

interface WebGlobals {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };
}

const web = globalThis as unknown as WebGlobals;

export function encodeUtf8(text: string): Uint8Array {
  return new web.TextEncoder().encode(text);
}

/** Decodes text; throws a TypeError when `fatal` and the bytes are not valid in the encoding. */
export function decodeText(bytes: Uint8Array, encoding = 'utf-8', fatal = false): string {
  return new web.TextDecoder(encoding, { fatal }).decode(bytes);
}
