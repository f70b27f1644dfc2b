/**
 * The slice of WebCrypto CreditDesk uses. Browsers, the Electron renderer and Node 22 all expose
 * `globalThis.crypto`; shared/ compiles without the DOM lib, so the types are declared here.
 */

/** A WebCrypto key handle (structurally compatible with the DOM's CryptoKey). */
export interface WebCryptoKey {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: { readonly name: string };
  readonly usages: readonly string[];
}

type KeyUsage = 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'deriveBits' | 'deriveKey';

interface AesGcmParams {
  name: 'AES-GCM';
  iv: Uint8Array;
  additionalData?: Uint8Array;
  tagLength?: 128;
}

interface HkdfParams {
  name: 'HKDF';
  hash: 'SHA-256';
  salt: Uint8Array;
  info: Uint8Array;
}

type ImportAlgorithm = { name: 'AES-GCM' } | { name: 'HMAC'; hash: 'SHA-256' } | 'HKDF';
type DerivedKeyAlgorithm = { name: 'AES-GCM'; length: 256 } | { name: 'HMAC'; hash: 'SHA-256'; length: 256 };

interface SubtleCryptoSlice {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: ImportAlgorithm,
    extractable: boolean,
    usages: KeyUsage[],
  ): Promise<WebCryptoKey>;
  encrypt(algorithm: AesGcmParams, key: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  sign(algorithm: 'HMAC', key: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  deriveKey(
    algorithm: HkdfParams,
    baseKey: WebCryptoKey,
    derivedKeyType: DerivedKeyAlgorithm,
    extractable: boolean,
    usages: KeyUsage[],
  ): Promise<WebCryptoKey>;
}

declare const crypto: {
  readonly subtle: SubtleCryptoSlice;
  getRandomValues<T extends Uint8Array>(array: T): T;
};

export function subtle(): SubtleCryptoSlice {
  return crypto.subtle;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export async function sha256(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

/** AES-256-GCM key from 32 raw bytes, for encryption and decryption only. */
export function importAesKey(raw: Uint8Array): Promise<WebCryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** AES-GCM with a 128-bit tag; the tag is appended to the returned ciphertext. */
export async function aesGcmEncrypt(
  key: WebCryptoKey,
  iv: Uint8Array,
  plaintext: Uint8Array,
  additionalData: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, plaintext));
}

/** Rejects (with the runtime's OperationError) when the key, IV, data or tag do not match. */
export async function aesGcmDecrypt(
  key: WebCryptoKey,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  additionalData: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key, ciphertext),
  );
}
