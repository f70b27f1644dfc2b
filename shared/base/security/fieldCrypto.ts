import { type Argon2Params, argon2idBytes, argon2ParamsWithinLimits, defaultArgon2Params } from './argon2.ts';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './encoding.ts';
import {
  aesGcmDecrypt,
  aesGcmEncrypt,
  importAesKey,
  randomBytes,
  subtle,
  type WebCryptoKey,
} from './webCrypto.ts';

/**
 * Personal data at rest: each value (ID number, phone, address of a natural person) is encrypted on its
 * own with AES-256-GCM under the device's data key, bound to the collection, field and document it
 * belongs to. An HMAC search token per value keeps exact search working without decrypting.
 *
 * Key hierarchy: a random 32-byte data key (`generateDataKey`) is kept by the OS keychain, or wrapped
 * under a password (`wrapKey`) where the keychain is weak; `deriveKeysFromMaster` turns it into the two
 * non-extractable working keys.
 */

export const fieldCryptoErrorCodes = [
  'fieldCrypto.malformed',
  'fieldCrypto.unsupportedVersion',
  'fieldCrypto.tampered',
  'fieldCrypto.wrongPassword',
] as const;
export type FieldCryptoErrorCode = (typeof fieldCryptoErrorCodes)[number];

export class FieldCryptoError extends Error {
  readonly code: FieldCryptoErrorCode;
  constructor(code: FieldCryptoErrorCode) {
    super(code);
    this.name = 'FieldCryptoError';
    this.code = code;
  }
}

/** Where an encrypted value lives; a ciphertext only decrypts in the same place. */
export interface FieldAad {
  collection: string;
  field: string;
  documentId: string;
}

export interface FieldKeys {
  /** AES-256-GCM, non-extractable. */
  encryptionKey: WebCryptoKey;
  /** HMAC-SHA-256, non-extractable; separate from the encryption key. */
  searchKey: WebCryptoKey;
}

const fieldVersion = 1;
const ivBytes = 12;
const tagBytes = 16;
const encryptedPattern = /^enc:v(\d{1,3}):([A-Za-z0-9_-]*):([A-Za-z0-9_-]*)$/;

/**
 * Where the value lives, as the canonical JSON of [purpose, version, collection, field, document]:
 * for strings and an integer that is exactly what JSON.stringify writes.
 */
function aadBytes(aad: FieldAad): Uint8Array {
  return utf8(JSON.stringify(['creditdesk.field', fieldVersion, aad.collection, aad.field, aad.documentId]));
}

/** IVs are cut from one random draw per this many values: one getRandomValues call, not one each. */
const ivsPerDraw = 256;
let ivPool = new Uint8Array(0);
let ivPoolOffset = 0;

/** A fresh random 96-bit IV, never handed out twice. */
function freshIv(): Uint8Array {
  if (ivPoolOffset + ivBytes > ivPool.length) {
    ivPool = randomBytes(ivBytes * ivsPerDraw);
    ivPoolOffset = 0;
  }
  ivPoolOffset += ivBytes;
  return ivPool.subarray(ivPoolOffset - ivBytes, ivPoolOffset);
}

/** True for a value written by `encryptField` (any version): such values are never encrypted twice. */
export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && /^enc:v\d{1,3}:/.test(value);
}

/** `enc:v1:<base64url IV>:<base64url ciphertext and tag>`, a fresh random 96-bit IV each time. */
export async function encryptField(key: WebCryptoKey, plaintext: string, aad: FieldAad): Promise<string> {
  const iv = freshIv();
  const ciphertext = await aesGcmEncrypt(key, iv, utf8(plaintext), aadBytes(aad));
  return `enc:v${fieldVersion}:${toBase64Url(iv)}:${toBase64Url(ciphertext)}`;
}

/**
 * Decrypts a value written by `encryptField` for the same place. Throws FieldCryptoError:
 * `fieldCrypto.malformed` (not such a value), `fieldCrypto.unsupportedVersion`, `fieldCrypto.tampered`
 * (changed, moved to another record or field, or another key).
 */
export async function decryptField(key: WebCryptoKey, value: string, aad: FieldAad): Promise<string> {
  const match = encryptedPattern.exec(value);
  if (!match) throw new FieldCryptoError('fieldCrypto.malformed');
  if (Number(match[1]) !== fieldVersion) throw new FieldCryptoError('fieldCrypto.unsupportedVersion');
  const iv = fromBase64Url(match[2]!);
  const ciphertext = fromBase64Url(match[3]!);
  if (!iv || !ciphertext || iv.length !== ivBytes || ciphertext.length < tagBytes) {
    throw new FieldCryptoError('fieldCrypto.malformed');
  }
  let plaintext: Uint8Array;
  try {
    plaintext = await aesGcmDecrypt(key, iv, ciphertext, aadBytes(aad));
  } catch {
    throw new FieldCryptoError('fieldCrypto.tampered');
  }
  const text = fromUtf8(plaintext);
  if (text === null) throw new FieldCryptoError('fieldCrypto.tampered');
  return text;
}

/**
 * Longest `encryptField` output for a plaintext of at most `maxChars` UTF-16 units (3 UTF-8 bytes each
 * at most): the maxLength an encrypted field needs in a JSON schema.
 */
export function maxEncryptedLength(maxChars: number): number {
  const base64UrlLength = (bytes: number) => Math.ceil((bytes * 4) / 3);
  return (
    `enc:v${fieldVersion}:`.length + base64UrlLength(ivBytes) + 1 + base64UrlLength(maxChars * 3 + tagBytes)
  );
}

/** Length of a search token: 32 base64url characters (192 bits of HMAC-SHA-256). */
export const searchTokenLength = 32;

/**
 * Keyed hash for exact search over encrypted values: equal normalized values give equal tokens under
 * the same key. Normalize first exactly as the stored value was normalized (e.g. `normalizeCode`).
 */
export async function searchToken(searchKey: WebCryptoKey, normalizedValue: string): Promise<string> {
  const mac = new Uint8Array(await subtle().sign('HMAC', searchKey, utf8(normalizedValue)));
  return toBase64Url(mac).slice(0, searchTokenLength);
}

/** 32 random bytes: the device's data key. Keep it only in the OS keychain or wrapped by `wrapKey`. */
export function generateDataKey(): Uint8Array<ArrayBuffer> {
  return randomBytes(32);
}

const hkdfSalt = new Uint8Array(32);

/** HKDF-SHA-256 from the data key to the two working keys, both non-extractable. */
export async function deriveKeysFromMaster(masterKeyBytes: Uint8Array): Promise<FieldKeys> {
  if (masterKeyBytes.length !== 32) throw new RangeError('data key must be 32 bytes');
  const base = await subtle().importKey('raw', masterKeyBytes, 'HKDF', false, ['deriveKey']);
  const hkdf = (purpose: string) => ({
    name: 'HKDF' as const,
    hash: 'SHA-256' as const,
    salt: hkdfSalt,
    info: utf8(`creditdesk/${purpose}/v1`),
  });
  const [encryptionKey, searchKey] = await Promise.all([
    subtle().deriveKey(hkdf('field-encryption'), base, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    subtle().deriveKey(hkdf('search-token'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
      'sign',
    ]),
  ]);
  return { encryptionKey, searchKey };
}

const wrappedPattern =
  /^wk:v1:m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2}):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)$/;

/**
 * Encrypts the data key under a key derived from a password with argon2id:
 * `wk:v1:m=…,t=…,p=…:<salt>:<iv>:<ciphertext>` (base64url). For devices whose keychain is weak.
 */
export async function wrapKey(
  masterKeyBytes: Uint8Array,
  password: string,
  params: Argon2Params = defaultArgon2Params,
): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(ivBytes);
  const header = `wk:v1:m=${params.memoryKiB},t=${params.iterations},p=${params.parallelism}:${toBase64Url(salt)}:${toBase64Url(iv)}`;
  const kek = await importAesKey(await argon2idBytes(password, salt, params, 32));
  const ciphertext = await aesGcmEncrypt(kek, iv, masterKeyBytes, utf8(header));
  return `${header}:${toBase64Url(ciphertext)}`;
}

/** Recovers the data key; throws FieldCryptoError `fieldCrypto.wrongPassword` or `fieldCrypto.malformed`. */
export async function unwrapKey(wrapped: string, password: string): Promise<Uint8Array> {
  const match = wrappedPattern.exec(wrapped);
  if (!match) throw new FieldCryptoError('fieldCrypto.malformed');
  const params = { memoryKiB: Number(match[1]), iterations: Number(match[2]), parallelism: Number(match[3]) };
  const salt = fromBase64Url(match[4]!);
  const iv = fromBase64Url(match[5]!);
  const ciphertext = fromBase64Url(match[6]!);
  if (
    !salt ||
    !iv ||
    !ciphertext ||
    salt.length < 8 ||
    iv.length !== ivBytes ||
    !argon2ParamsWithinLimits(params)
  ) {
    throw new FieldCryptoError('fieldCrypto.malformed');
  }
  if (password === '') throw new FieldCryptoError('fieldCrypto.wrongPassword');
  const kek = await importAesKey(await argon2idBytes(password, salt, params, 32));
  const header = wrapped.slice(0, wrapped.lastIndexOf(':'));
  try {
    return await aesGcmDecrypt(kek, iv, ciphertext, utf8(header));
  } catch {
    throw new FieldCryptoError('fieldCrypto.wrongPassword');
  }
}
