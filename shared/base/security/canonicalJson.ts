import { toHex, utf8 } from './encoding.ts';
import { sha256 } from './webCrypto.ts';

/**
 * Canonical JSON: the one serialization used wherever CreditDesk hashes a document (audit chain, sync
 * checks), so the same data gives the same hash on every device and on the platform.
 *
 * Rules: no whitespace; object keys sorted by UTF-16 code units; properties whose value is `undefined`
 * are left out; strings and numbers written as `JSON.stringify` writes them (ECMAScript number
 * formatting, `-0` as `0`). Anything that is not plain JSON data throws a TypeError: non-finite numbers,
 * bigint, functions, symbols, `undefined` in arrays, and objects other than plain objects and arrays
 * (Date, Map, typed arrays, class instances); `toJSON` is not consulted.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${path}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => write(item, `${path}[${index}]`)).join(',')}]`;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${kindOf(value)} at ${path} is not JSON data`);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function kindOf(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}

/** Lower-case hex SHA-256 of the UTF-8 canonical JSON of a value. */
export async function canonicalHash(value: unknown): Promise<string> {
  return toHex(await sha256(utf8(canonicalJson(value))));
}

/** Size in UTF-8 bytes of a value's canonical JSON. */
export function canonicalSize(value: unknown): number {
  return utf8(canonicalJson(value)).length;
}
