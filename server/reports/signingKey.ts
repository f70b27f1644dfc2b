/**
 * The city's Ed25519 signing key (WebCrypto in Node): generated on the platform's first start and kept in
 * the database like the platform's other secrets; the public key is published at /verify/v1/key.
 */
import { webcrypto } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

const keyName = 'reports';

export interface SigningKey {
  /** Raw 32-byte public key, base64url. */
  publicKey: string;
  sign(text: string): Promise<string>;
  verify(text: string, signature: string): Promise<boolean>;
}

async function generate(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const raw = Buffer.from(await webcrypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKey: raw.toString('base64url'), privateKey: pkcs8.toString('base64url') };
}

/** Loads the key, making it first when the platform has none (concurrent starts keep the first one). */
export async function loadSigningKey(db: Queryable): Promise<SigningKey> {
  const fresh = await generate();
  await db.query(
    `INSERT INTO platform_signing_keys (name, public_key, private_key) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO NOTHING`,
    [keyName, fresh.publicKey, fresh.privateKey],
  );
  const { rows } = await db.query<{ public_key: string; private_key: string }>(
    'SELECT public_key, private_key FROM platform_signing_keys WHERE name = $1',
    [keyName],
  );
  const stored = rows[0]!;
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    Buffer.from(stored.private_key, 'base64url'),
    { name: 'Ed25519' },
    false,
    ['sign'],
  );
  const publicKey = await webcrypto.subtle.importKey(
    'raw',
    Buffer.from(stored.public_key, 'base64url'),
    { name: 'Ed25519' },
    true,
    ['verify'],
  );
  return {
    publicKey: stored.public_key,
    async sign(text) {
      const signature = await webcrypto.subtle.sign('Ed25519', privateKey, Buffer.from(text, 'utf8'));
      return Buffer.from(signature).toString('base64url');
    },
    async verify(text, signature) {
      return webcrypto.subtle.verify(
        'Ed25519',
        publicKey,
        Buffer.from(signature, 'base64url'),
        Buffer.from(text, 'utf8'),
      );
    },
  };
}
