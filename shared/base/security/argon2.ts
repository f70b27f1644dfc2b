import { argon2id } from 'hash-wasm';
import { fromBase64, toBase64, utf8 } from './encoding.ts';

/**
 * Argon2id (RFC 9106) through hash-wasm's WebAssembly build, the same in the browser, the Electron
 * renderer and Node. Used for password verifiers and for keys derived from passwords.
 */
export interface Argon2Params {
  /** Memory in KiB. */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * OWASP's argon2id baseline (m=19 MiB, t=2, p=1): 65–100 ms per hash measured in Node 22 on a 2-core
 * EPYC build machine; expect a few times that on a 2020 office PC.
 */
export const defaultArgon2Params: Argon2Params = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };

/**
 * Limits for parameters read from stored data (a synced verifier, a backup header): outside them the
 * data is refused instead of letting it demand gigabytes of memory or minutes of work.
 */
export const argon2Limits = {
  memoryKiB: { min: 8, max: 262_144 },
  iterations: { min: 1, max: 16 },
  parallelism: { min: 1, max: 4 },
} as const;

export function argon2ParamsWithinLimits(params: Argon2Params): boolean {
  return (
    (Object.keys(argon2Limits) as (keyof Argon2Params)[]).every((name) => {
      const value = params[name];
      const { min, max } = argon2Limits[name];
      return Number.isInteger(value) && value >= min && value <= max;
    }) && params.memoryKiB >= 8 * params.parallelism
  );
}

/** Passwords are hashed as UTF-8 of their NFC form, so the same text typed by any IME matches. */
function passwordBytes(password: string): Uint8Array<ArrayBuffer> {
  return utf8(password.normalize('NFC'));
}

/** Raw argon2id output. Throws on an empty password, a salt under 8 bytes or out-of-limit parameters. */
export async function argon2idBytes(
  password: string,
  salt: Uint8Array,
  params: Argon2Params,
  length: number,
): Promise<Uint8Array> {
  if (password === '') throw new TypeError('argon2id: empty password');
  if (salt.length < 8) throw new TypeError('argon2id: salt shorter than 8 bytes');
  if (!argon2ParamsWithinLimits(params))
    throw new RangeError('argon2id: parameters outside the supported limits');
  return argon2id({
    password: passwordBytes(password),
    salt,
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength: length,
    outputType: 'binary',
  });
}

/** A parsed PHC string `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>` (unpadded standard base64). */
export interface Argon2Phc {
  params: Argon2Params;
  salt: Uint8Array;
  hash: Uint8Array;
}

const phcPattern =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{11,})\$([A-Za-z0-9+/]{22,})$/;

export function encodeArgon2Phc({ params, salt, hash }: Argon2Phc): string {
  const { memoryKiB, iterations, parallelism } = params;
  return `$argon2id$v=19$m=${memoryKiB},t=${iterations},p=${parallelism}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** Null unless the string is an argon2id v19 PHC string with parameters within `argon2Limits`. */
export function parseArgon2Phc(encoded: string): Argon2Phc | null {
  const match = phcPattern.exec(encoded);
  if (!match) return null;
  const params = { memoryKiB: Number(match[1]), iterations: Number(match[2]), parallelism: Number(match[3]) };
  const salt = fromBase64(match[4]!);
  const hash = fromBase64(match[5]!);
  if (!salt || !hash || salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
  if (!argon2ParamsWithinLimits(params)) return null;
  return { params, salt, hash };
}
