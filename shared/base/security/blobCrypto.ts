/**
 * Attachment bytes at rest: AES-256-GCM under the device's data key (the same working key as personal
 * fields), bound to the SHA-256 of the content, so a sealed blob opens only under its own digest and
 * the opened bytes are checked against it.
 */
import { concatBytes, toHex, utf8 } from './encoding.ts';
import { FieldCryptoError } from './fieldCrypto.ts';
import { aesGcmDecrypt, aesGcmEncrypt, randomBytes, sha256, type WebCryptoKey } from './webCrypto.ts';

const blobVersion = 1;
const ivBytes = 12;
const tagBytes = 16;

function aad(digest: string): Uint8Array {
  return utf8(`creditdesk.blob.v${blobVersion}:${digest}`);
}

/** Lower-case hex SHA-256 of the bytes. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  return toHex(await sha256(data));
}

/** `[version][IV][ciphertext and tag]`, a fresh random IV each time. */
export async function sealBlob(key: WebCryptoKey, data: Uint8Array, digest: string): Promise<Uint8Array> {
  const iv = randomBytes(ivBytes);
  const ciphertext = await aesGcmEncrypt(key, iv, data, aad(digest));
  return concatBytes(Uint8Array.of(blobVersion), iv, ciphertext);
}

/**
 * The bytes sealed under `digest`. Throws FieldCryptoError: `fieldCrypto.malformed`,
 * `fieldCrypto.unsupportedVersion`, `fieldCrypto.tampered` (changed, another digest or another key).
 */
export async function openBlob(key: WebCryptoKey, sealed: Uint8Array, digest: string): Promise<Uint8Array> {
  if (sealed.length < 1 + ivBytes + tagBytes) throw new FieldCryptoError('fieldCrypto.malformed');
  if (sealed[0] !== blobVersion) throw new FieldCryptoError('fieldCrypto.unsupportedVersion');
  let data: Uint8Array;
  try {
    data = await aesGcmDecrypt(
      key,
      sealed.subarray(1, 1 + ivBytes),
      sealed.subarray(1 + ivBytes),
      aad(digest),
    );
  } catch {
    throw new FieldCryptoError('fieldCrypto.tampered');
  }
  if ((await sha256Hex(data)) !== digest) throw new FieldCryptoError('fieldCrypto.tampered');
  return data;
}
