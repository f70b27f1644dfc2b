import { describe, expect, it } from 'vitest';
import { openBlob, sealBlob, sha256Hex } from './blobCrypto.ts';
import { deriveKeysFromMaster, generateDataKey } from './fieldCrypto.ts';
import { utf8 } from './encoding.ts';

const { encryptionKey } = await deriveKeysFromMaster(generateDataKey());
const scan = utf8('%PDF-1.7 行政处罚决定书 武住建罚字〔2026〕12号');
const digest = await sha256Hex(scan);

describe('attachment bytes at rest', () => {
  it('hashes as sha256sum does', async () => {
    expect(await sha256Hex(utf8('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('opens what it sealed, and the sealed form does not contain the content', async () => {
    const sealed = await sealBlob(encryptionKey, scan, digest);
    expect(Buffer.from(sealed).includes(Buffer.from(scan))).toBe(false);
    expect(await openBlob(encryptionKey, sealed, digest)).toEqual(scan);
  });

  it('refuses a changed byte, another digest or another key', async () => {
    const sealed = await sealBlob(encryptionKey, scan, digest);
    const changed = sealed.slice();
    changed[20] = changed[20]! ^ 1;
    await expect(openBlob(encryptionKey, changed, digest)).rejects.toThrow('fieldCrypto.tampered');
    await expect(openBlob(encryptionKey, sealed, 'f'.repeat(64))).rejects.toThrow('fieldCrypto.tampered');
    const other = await deriveKeysFromMaster(generateDataKey());
    await expect(openBlob(other.encryptionKey, sealed, digest)).rejects.toThrow('fieldCrypto.tampered');
    await expect(openBlob(encryptionKey, sealed.subarray(0, 10), digest)).rejects.toThrow(
      'fieldCrypto.malformed',
    );
  });
});
