import { type Argon2Params, argon2idBytes, argon2ParamsWithinLimits, defaultArgon2Params } from './argon2.ts';
import { canonicalJson } from './canonicalJson.ts';
import { concatBytes, constantTimeEqual, fromBase64Url, fromUtf8, toBase64Url, utf8 } from './encoding.ts';
import { aesGcmDecrypt, aesGcmEncrypt, importAesKey, randomBytes, sha256 } from './webCrypto.ts';

/**
 * Encrypted backup files. Layout:
 *
 *   "CDBACKUP" (8 bytes) | version (1 byte) | header length (4 bytes, big-endian) | header | ciphertext
 *
 * The header is canonical JSON (county, device, creation time, argon2id parameters and salt, IV and a
 * password check value); the ciphertext is AES-256-GCM over the payload with everything before it as
 * associated data, so the header cannot be changed either. A backup opens completely or not at all.
 */

export const backupMagic = 'CDBACKUP';
export const backupVersion = 1;

export const backupErrorCodes = [
  'backup.notABackup',
  'backup.corrupted',
  'backup.wrongPassword',
  'backup.otherCounty',
  'backup.newerVersion',
] as const;
export type BackupErrorCode = (typeof backupErrorCodes)[number];

export type BackupError =
  | { code: Exclude<BackupErrorCode, 'backup.otherCounty'> }
  | { code: 'backup.otherCounty'; params: { county: string } };

export interface BackupOrigin {
  /** Division code of the county whose data the backup holds. */
  county: string;
  deviceId: string;
  /** ISO 8601 instant. */
  createdAt: string;
}

interface BackupHeader extends BackupOrigin {
  kdf: { algorithm: 'argon2id'; salt: string } & Argon2Params;
  cipher: { algorithm: 'AES-256-GCM'; iv: string };
  /** Base64url of the first 16 bytes of SHA-256 over the derived check key: tells a wrong password. */
  check: string;
}

export type OpenedBackup =
  | { ok: true; payloadJson: string; origin: BackupOrigin }
  | { ok: false; error: BackupError };

const prefixBytes = backupMagic.length + 1 + 4;
const maxHeaderBytes = 4096;

async function deriveBackupKeys(password: string, salt: Uint8Array, params: Argon2Params) {
  const material = await argon2idBytes(password, salt, params, 64);
  const check = toBase64Url((await sha256(material.slice(32))).slice(0, 16));
  return { key: await importAesKey(material.slice(0, 32)), check };
}

/**
 * Encrypts a backup payload under a password. `kdf` defaults to the password-hashing parameters.
 * Throws a RangeError for an origin the header cannot hold, a TypeError for an empty password.
 */
export async function sealBackup(
  payloadJson: string,
  password: string,
  origin: BackupOrigin,
  kdf: Argon2Params = defaultArgon2Params,
): Promise<Uint8Array> {
  if (!/^\d{6}$/.test(origin.county) || origin.deviceId.length > 64 || origin.createdAt.length > 30) {
    throw new RangeError(
      'backup origin: county must be six digits, deviceId ≤ 64 and createdAt ≤ 30 characters',
    );
  }
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await deriveBackupKeys(password, salt, kdf);
  const header: BackupHeader = {
    county: origin.county,
    deviceId: origin.deviceId,
    createdAt: origin.createdAt,
    kdf: {
      algorithm: 'argon2id',
      memoryKiB: kdf.memoryKiB,
      iterations: kdf.iterations,
      parallelism: kdf.parallelism,
      salt: toBase64Url(salt),
    },
    cipher: { algorithm: 'AES-256-GCM', iv: toBase64Url(iv) },
    check,
  };
  const headerBytes = utf8(canonicalJson(header));
  if (headerBytes.length > maxHeaderBytes) throw new RangeError('backup header too large');
  const prefix = new Uint8Array(prefixBytes);
  prefix.set(utf8(backupMagic));
  const view = new DataView(prefix.buffer);
  view.setUint8(backupMagic.length, backupVersion);
  view.setUint32(backupMagic.length + 1, headerBytes.length);
  const associated = concatBytes(prefix, headerBytes);
  return concatBytes(associated, await aesGcmEncrypt(key, iv, utf8(payloadJson), associated));
}

type ParsedHeader =
  | { ok: true; header: BackupHeader; ciphertextStart: number }
  | { ok: false; error: BackupError };

function fail(code: Exclude<BackupErrorCode, 'backup.otherCounty'>): { ok: false; error: BackupError } {
  return { ok: false, error: { code } };
}

function parseHeader(bytes: Uint8Array): ParsedHeader {
  if (bytes.length < prefixBytes || fromUtf8(bytes.subarray(0, backupMagic.length)) !== backupMagic) {
    return fail('backup.notABackup');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(backupMagic.length);
  if (version > backupVersion) return fail('backup.newerVersion');
  if (version !== backupVersion) return fail('backup.corrupted');
  const headerLength = view.getUint32(backupMagic.length + 1);
  const ciphertextStart = prefixBytes + headerLength;
  if (headerLength > maxHeaderBytes || bytes.length < ciphertextStart + 16) return fail('backup.corrupted');
  const text = fromUtf8(bytes.subarray(prefixBytes, ciphertextStart));
  let header: unknown;
  try {
    header = text === null ? null : JSON.parse(text);
  } catch {
    return fail('backup.corrupted');
  }
  return isBackupHeader(header) ? { ok: true, header, ciphertextStart } : fail('backup.corrupted');
}

function isBackupHeader(value: unknown): value is BackupHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Partial<BackupHeader>;
  const kdf = header.kdf;
  const cipher = header.cipher;
  const isText = (text: unknown, max: number) => typeof text === 'string' && text.length <= max;
  return (
    isText(header.county, 6) &&
    /^\d{6}$/.test(header.county as string) &&
    isText(header.deviceId, 64) &&
    isText(header.createdAt, 30) &&
    isText(header.check, 22) &&
    typeof kdf === 'object' &&
    kdf !== null &&
    kdf.algorithm === 'argon2id' &&
    isText(kdf.salt, 64) &&
    argon2ParamsWithinLimits({
      memoryKiB: kdf.memoryKiB,
      iterations: kdf.iterations,
      parallelism: kdf.parallelism,
    }) &&
    typeof cipher === 'object' &&
    cipher !== null &&
    cipher.algorithm === 'AES-256-GCM' &&
    isText(cipher.iv, 16)
  );
}

/** Who made a backup, read without the password (to show before asking for it). */
export function readBackupOrigin(
  bytes: Uint8Array,
): { ok: true; origin: BackupOrigin } | { ok: false; error: BackupError } {
  const parsed = parseHeader(bytes);
  if (!parsed.ok) return parsed;
  const { county, deviceId, createdAt } = parsed.header;
  return { ok: true, origin: { county, deviceId, createdAt } };
}

/**
 * Opens a backup for `expectedCounty`. Errors, in the order checked: `backup.notABackup`,
 * `backup.newerVersion`, `backup.corrupted` (unreadable header), `backup.otherCounty` {county},
 * `backup.wrongPassword`, `backup.corrupted` (ciphertext or header changed).
 */
export async function openBackup(
  bytes: Uint8Array,
  password: string,
  expected: { expectedCounty: string },
): Promise<OpenedBackup> {
  const parsed = parseHeader(bytes);
  if (!parsed.ok) return parsed;
  const { header, ciphertextStart } = parsed;
  if (header.county !== expected.expectedCounty) {
    return { ok: false, error: { code: 'backup.otherCounty', params: { county: header.county } } };
  }
  const salt = fromBase64Url(header.kdf.salt);
  const iv = fromBase64Url(header.cipher.iv);
  if (!salt || salt.length < 8 || !iv || iv.length !== 12) return fail('backup.corrupted');
  if (password === '') return fail('backup.wrongPassword');
  const { memoryKiB, iterations, parallelism } = header.kdf;
  const { key, check } = await deriveBackupKeys(password, salt, { memoryKiB, iterations, parallelism });
  if (!constantTimeEqual(utf8(check), utf8(header.check))) return fail('backup.wrongPassword');
  let plaintext: Uint8Array;
  try {
    plaintext = await aesGcmDecrypt(
      key,
      iv,
      bytes.subarray(ciphertextStart),
      bytes.subarray(0, ciphertextStart),
    );
  } catch {
    return fail('backup.corrupted');
  }
  const payloadJson = fromUtf8(plaintext);
  if (payloadJson === null) return fail('backup.corrupted');
  return {
    ok: true,
    payloadJson,
    origin: { county: header.county, deviceId: header.deviceId, createdAt: header.createdAt },
  };
}
