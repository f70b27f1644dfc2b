import { describe, expect, it } from 'vitest';
import type { Argon2Params } from './argon2.ts';
import { canonicalJson } from './canonicalJson.ts';
import { fromBase64Url, toBase64Url, utf8 } from './encoding.ts';
import {
  decryptField,
  deriveKeysFromMaster,
  type FieldAad,
  FieldCryptoError,
  encryptField,
  generateDataKey,
  isEncrypted,
  maxEncryptedLength,
  searchToken,
  searchTokenLength,
  unwrapKey,
  wrapKey,
} from './fieldCrypto.ts';
import { aesGcmDecrypt, aesGcmEncrypt, importAesKey, randomBytes, subtle } from './webCrypto.ts';

const fast: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const aad: FieldAad = {
  collection: 'subjects',
  field: 'code',
  documentId: '0190a000-0000-7000-8000-000000000001',
};
const idNumber = '11010519491231002X';

async function keys() {
  return deriveKeysFromMaster(generateDataKey());
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FieldCryptoError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('field encryption', () => {
  it('round-trips a value in the compact versioned format', async () => {
    const { encryptionKey } = await keys();
    const stored = await encryptField(encryptionKey, idNumber, aad);
    expect(stored).toMatch(/^enc:v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(idNumber);
    expect(await decryptField(encryptionKey, stored, aad)).toBe(idNumber);
    expect(
      await decryptField(encryptionKey, await encryptField(encryptionKey, '河南省武陟县木城街道', aad), aad),
    ).toBe('河南省武陟县木城街道');
  });

  it('uses a fresh IV each time, also across the random draws IVs are cut from', async () => {
    const { encryptionKey } = await keys();
    const count = 600;
    const values = await Promise.all(
      Array.from({ length: count }, () => encryptField(encryptionKey, idNumber, aad)),
    );
    expect(new Set(values.map((v) => v.split(':')[2])).size).toBe(count);
    for (const value of values) expect(await decryptField(encryptionKey, value, aad)).toBe(idNumber);
  });

  it('keeps the v1 format: AES-GCM bound to the canonical JSON of where the value lives', async () => {
    const key = await importAesKey(randomBytes(32));
    const bound = utf8(canonicalJson(['creditdesk.field', 1, aad.collection, aad.field, aad.documentId]));
    const iv = randomBytes(12);
    const sealed = await aesGcmEncrypt(key, iv, utf8(idNumber), bound);
    const written = `enc:v1:${toBase64Url(iv)}:${toBase64Url(sealed)}`;
    expect(await decryptField(key, written, aad)).toBe(idNumber);
    const [, , ownIv, ciphertext] = (await encryptField(key, '13812345678', aad)).split(':');
    const opened = await aesGcmDecrypt(key, fromBase64Url(ownIv!)!, fromBase64Url(ciphertext!)!, bound);
    expect(new TextDecoder().decode(opened)).toBe('13812345678');
  });

  it('detects any change to the stored value', async () => {
    const { encryptionKey } = await keys();
    const stored = await encryptField(encryptionKey, idNumber, aad);
    const [prefix, version, iv, ciphertext] = stored.split(':') as [string, string, string, string];
    const bytes = fromBase64Url(ciphertext)!;
    for (const position of [0, 10, bytes.length - 1]) {
      const flipped = bytes.slice();
      flipped[position]! ^= 1;
      const tampered = `${prefix}:${version}:${iv}:${toBase64Url(flipped)}`;
      expect(await codeOf(decryptField(encryptionKey, tampered, aad))).toBe('fieldCrypto.tampered');
    }
    const otherIv = toBase64Url(new Uint8Array(12));
    expect(await codeOf(decryptField(encryptionKey, `enc:v1:${otherIv}:${ciphertext}`, aad))).toBe(
      'fieldCrypto.tampered',
    );
  });

  it('refuses a value moved to another record, field or collection', async () => {
    const { encryptionKey } = await keys();
    const stored = await encryptField(encryptionKey, idNumber, aad);
    for (const moved of [
      { ...aad, documentId: '0190a000-0000-7000-8000-000000000002' },
      { ...aad, field: 'phone' },
      { ...aad, collection: 'disclosures' },
    ]) {
      expect(await codeOf(decryptField(encryptionKey, stored, moved))).toBe('fieldCrypto.tampered');
    }
  });

  it('refuses another device’s key', async () => {
    const stored = await encryptField((await keys()).encryptionKey, idNumber, aad);
    expect(await codeOf(decryptField((await keys()).encryptionKey, stored, aad))).toBe(
      'fieldCrypto.tampered',
    );
  });

  it('tells malformed values and unknown versions apart', async () => {
    const { encryptionKey } = await keys();
    const stored = await encryptField(encryptionKey, idNumber, aad);
    for (const bad of [idNumber, 'enc:v1:', 'enc:v1:abc:def', `${stored}=`, 'enc:v1:AAAAAAAAAAAAAAAA:AAAA']) {
      expect(await codeOf(decryptField(encryptionKey, bad, aad)), bad).toBe('fieldCrypto.malformed');
    }
    expect(await codeOf(decryptField(encryptionKey, stored.replace('enc:v1:', 'enc:v2:'), aad))).toBe(
      'fieldCrypto.unsupportedVersion',
    );
  });

  it('recognizes encrypted values', async () => {
    const { encryptionKey } = await keys();
    expect(isEncrypted(await encryptField(encryptionKey, '', aad))).toBe(true);
    expect(isEncrypted('enc:v7:whatever')).toBe(true);
    expect(isEncrypted(idNumber)).toBe(false);
    expect(isEncrypted('encrypted later')).toBe(false);
    expect(isEncrypted(null)).toBe(false);
  });

  it('bounds the stored length for schemas', async () => {
    const { encryptionKey } = await keys();
    for (const [text, max] of [
      [idNumber, 18],
      ['名'.repeat(200), 200],
      ['', 0],
    ] as const) {
      const stored = await encryptField(encryptionKey, text, aad);
      expect(stored.length).toBeLessThanOrEqual(maxEncryptedLength(max));
    }
    expect(maxEncryptedLength(18)).toBeLessThan(120);
  });
});

describe('search tokens', () => {
  it('are deterministic per key and value, 32 base64url characters', async () => {
    const { searchKey } = await keys();
    const token = await searchToken(searchKey, idNumber);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(token).toHaveLength(searchTokenLength);
    expect(await searchToken(searchKey, idNumber)).toBe(token);
    expect(await searchToken(searchKey, '110105194912310021')).not.toBe(token);
  });

  it('are the same for the same data key and differ across data keys', async () => {
    const master = generateDataKey();
    const again = await deriveKeysFromMaster(master.slice());
    const first = await deriveKeysFromMaster(master);
    expect(await searchToken(again.searchKey, idNumber)).toBe(await searchToken(first.searchKey, idNumber));
    expect(await searchToken((await keys()).searchKey, idNumber)).not.toBe(
      await searchToken(first.searchKey, idNumber),
    );
  });

  it('use a key separate from the data key and the encryption key', async () => {
    const master = generateDataKey();
    const { searchKey, encryptionKey } = await deriveKeysFromMaster(master);
    const rawMasterAsHmac = await subtle().importKey(
      'raw',
      master,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    expect(await searchToken(rawMasterAsHmac, idNumber)).not.toBe(await searchToken(searchKey, idNumber));
    // The encryption key cannot sign, and a ciphertext under the raw master does not open with it.
    await expect(subtle().sign('HMAC', encryptionKey, utf8(idNumber))).rejects.toThrow();
    const underMaster = await encryptField(await importAesKey(master), idNumber, aad);
    expect(await codeOf(decryptField(encryptionKey, underMaster, aad))).toBe('fieldCrypto.tampered');
  });
});

describe('key handling', () => {
  it('derives non-extractable working keys from a 32-byte data key', async () => {
    const master = generateDataKey();
    expect(master).toHaveLength(32);
    const { encryptionKey, searchKey } = await deriveKeysFromMaster(master);
    expect(encryptionKey).toMatchObject({ extractable: false, algorithm: { name: 'AES-GCM' } });
    expect(searchKey).toMatchObject({ extractable: false, algorithm: { name: 'HMAC' } });
    await expect(deriveKeysFromMaster(new Uint8Array(16))).rejects.toThrow(RangeError);
  });

  it('wraps the data key under a password and unwraps it again', async () => {
    const master = generateDataKey();
    const wrapped = await wrapKey(master, 'Device-pass-42', fast);
    expect(wrapped).toMatch(/^wk:v1:m=64,t=1,p=1:/);
    expect(await unwrapKey(wrapped, 'Device-pass-42')).toEqual(master);
  });

  it('refuses a wrong password and a damaged wrapping', async () => {
    const wrapped = await wrapKey(generateDataKey(), 'Device-pass-42', fast);
    expect(await codeOf(unwrapKey(wrapped, 'Device-pass-43'))).toBe('fieldCrypto.wrongPassword');
    expect(await codeOf(unwrapKey(wrapped, ''))).toBe('fieldCrypto.wrongPassword');
    expect(await codeOf(unwrapKey(wrapped.replace('m=64', 'm=128'), 'Device-pass-42'))).toBe(
      'fieldCrypto.wrongPassword',
    );
    expect(await codeOf(unwrapKey(wrapped.replace('m=64', 'm=9999999'), 'Device-pass-42'))).toBe(
      'fieldCrypto.malformed',
    );
    expect(await codeOf(unwrapKey('wk:v1:nonsense', 'Device-pass-42'))).toBe('fieldCrypto.malformed');
  });
});
