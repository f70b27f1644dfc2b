/**
 * Secrets the platform hands out or checks: device bearer tokens and enrollment codes (random, stored as
 * SHA-256 hashes, which suffices for high-entropy values) and operator passwords (scrypt).
 */
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}

const tokenPrefix = 'cdt_';

/** A device bearer token: 256 random bits. */
export function newDeviceToken(): string {
  return `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
}

export function looksLikeDeviceToken(token: string): boolean {
  return token.startsWith(tokenPrefix) && token.length === tokenPrefix.length + 43;
}

/** Unambiguous characters only (no 0/O, 1/I/L), so codes survive being read aloud or typed. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const codeLength = 12;

/** A one-time enrollment code such as `K7QF-3MZP-W9RX` (about 59 bits). */
export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < codeLength; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

const scryptParams = { N: 16_384, r: 8, p: 1 } as const;
const keyLength = 32;

function deriveKey(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { ...params, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$key` with base64url salt and key. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, scryptParams);
  const { N, r, p } = scryptParams;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await deriveKey(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
