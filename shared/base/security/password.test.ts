import { argon2Verify } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { type Argon2Params, defaultArgon2Params, parseArgon2Phc } from './argon2.ts';
import {
  checkPasswordStrength,
  hashPassword,
  isPasswordVerifier,
  needsRehash,
  verifyPassword,
} from './password.ts';

const fast: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };

/** Computed with the reference C implementation (libargon2, argon2id_hash_encoded), salt 'creditdesk-salt!'. */
const referencePassword = 'Kreditt-档案-2026';
const referenceSmall =
  '$argon2id$v=19$m=64,t=2,p=1$Y3JlZGl0ZGVzay1zYWx0IQ$B7xZWPLelwovoDsZ9/oZhhonMRV9CM7CY/qs20ErGdE';
const referenceDefault =
  '$argon2id$v=19$m=19456,t=2,p=1$Y3JlZGl0ZGVzay1zYWx0IQ$qDFiGIhQYLnLeifVnqryN3jdDgpMmECYOxjlpbDdI3U';

describe('password verifiers', () => {
  it('hashes to an argon2id PHC string with a fresh salt each time', async () => {
    const first = await hashPassword('Correct-horse-9', fast);
    const second = await hashPassword('Correct-horse-9', fast);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(first).not.toContain('Correct-horse-9');
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const verifier = await hashPassword('Correct-horse-9', fast);
    expect(await verifyPassword('Correct-horse-9', verifier)).toBe(true);
    expect(await verifyPassword('Correct-horse-8', verifier)).toBe(false);
    expect(await verifyPassword('correct-horse-9', verifier)).toBe(false);
    expect(await verifyPassword('', verifier)).toBe(false);
  });

  it('agrees with the reference implementation and with hash-wasm’s own verifier', async () => {
    expect(await verifyPassword(referencePassword, referenceSmall)).toBe(true);
    expect(await verifyPassword(`${referencePassword}x`, referenceSmall)).toBe(false);
    const ours = await hashPassword(referencePassword, fast);
    expect(await argon2Verify({ password: referencePassword, hash: ours })).toBe(true);
  });

  it('treats canonically equal Unicode input as the same password', async () => {
    const verifier = await hashPassword('Cafe\u0301-Passw9', fast);
    expect(await verifyPassword('Caf\u00e9-Passw9', verifier)).toBe(true);
  });

  it('never matches a malformed or abusive verifier', async () => {
    const valid = await hashPassword('Correct-horse-9', fast);
    const abusive = valid.replace('m=64', 'm=4194304');
    for (const verifier of [
      '',
      'plain-text',
      valid.replace('argon2id', 'argon2i'),
      valid.slice(0, valid.lastIndexOf('$') + 1),
      abusive,
    ]) {
      expect(await verifyPassword('Correct-horse-9', verifier)).toBe(false);
      expect(isPasswordVerifier(verifier)).toBe(false);
    }
    expect(isPasswordVerifier(valid)).toBe(true);
  });

  it('asks for a rehash when the parameters differ from the current ones', async () => {
    const weak = await hashPassword('Correct-horse-9', fast);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, fast)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
    expect(needsRehash(referenceDefault)).toBe(false);
  });

  it('uses the real defaults: m=19 MiB, t=2, p=1, matching the reference', async () => {
    expect(defaultArgon2Params).toEqual({ memoryKiB: 19_456, iterations: 2, parallelism: 1 });
    const started = performance.now();
    expect(await verifyPassword(referencePassword, referenceDefault)).toBe(true);
    const elapsed = performance.now() - started;
    const verifier = await hashPassword(referencePassword);
    expect(parseArgon2Phc(verifier)?.params).toEqual(defaultArgon2Params);
    expect(await verifyPassword(referencePassword, verifier)).toBe(true);
    expect(elapsed).toBeLessThan(5000);
  });
});

describe('password strength', () => {
  const codes = (password: string, username = 'zhangwei') =>
    checkPasswordStrength(password, { username }).map((i) => i.code);

  it('accepts a long mixed password', () => {
    expect(codes('Hx7-rain-lantern')).toEqual([]);
    expect(codes('信用档案Qiu2026')).toEqual([]);
  });

  it('requires 10 to 128 characters, counted as characters', () => {
    expect(checkPasswordStrength('Ab1-xyz', { username: 'u' })).toEqual([
      { field: 'password', code: 'password.tooShort', params: { min: 10 } },
    ]);
    expect(codes('档案档案档案Ab1')).toEqual(['password.tooShort']);
    expect(codes(`Ab1-${'x'.repeat(125)}`)).toEqual(['password.tooLong']);
  });

  it('requires three of four character classes', () => {
    expect(codes('lowercaseonly')).toEqual(['password.tooFewClasses']);
    expect(codes('lowercase1234')).toEqual(['password.tooFewClasses']);
    expect(codes('Lowercase1234')).toEqual([]);
    expect(codes('lowercase-1234')).toEqual([]);
  });

  it('refuses a password containing the username, in any case', () => {
    expect(codes('ZhangWei-2026!')).toEqual(['password.containsUsername']);
    expect(codes('Xy-9876543210', 'xy')).toEqual([]);
  });

  it('refuses common passwords and common words dressed up', () => {
    for (const common of [
      'P@ssw0rd2024!',
      'Password123!',
      'Admin@123456',
      'Qwerty123456',
      '1qaz@WSX3edc',
      'Woaini1314!',
    ]) {
      expect(codes(common), common).toContain('password.common');
    }
  });

  it('lists every broken rule at once', () => {
    expect(codes('zhangwei')).toEqual([
      'password.tooShort',
      'password.tooFewClasses',
      'password.containsUsername',
    ]);
  });
});
