import { issue, type ValidationIssue } from '../validation.ts';
import {
  type Argon2Params,
  argon2idBytes,
  defaultArgon2Params,
  encodeArgon2Phc,
  parseArgon2Phc,
} from './argon2.ts';
import { constantTimeEqual } from './encoding.ts';
import { randomBytes } from './webCrypto.ts';

/**
 * Password verifiers: argon2id PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`) kept in the
 * synced `users` document. The password itself is never stored or synced.
 */

const saltBytes = 16;
const hashBytes = 32;

export async function hashPassword(
  password: string,
  params: Argon2Params = defaultArgon2Params,
): Promise<string> {
  const salt = randomBytes(saltBytes);
  const hash = await argon2idBytes(password, salt, params, hashBytes);
  return encodeArgon2Phc({ params, salt, hash });
}

/**
 * True when the password matches the verifier. Recomputes the hash with the verifier's own parameters
 * and compares in constant time (hash-wasm's `argon2Verify` compares strings, which is not). A malformed
 * verifier, or one whose parameters exceed `argon2Limits`, never matches.
 */
export async function verifyPassword(password: string, verifier: string): Promise<boolean> {
  const parsed = parseArgon2Phc(verifier);
  if (!parsed || password === '') return false;
  const hash = await argon2idBytes(password, parsed.salt, parsed.params, parsed.hash.length);
  return constantTimeEqual(hash, parsed.hash);
}

/** True when the verifier should be replaced at the next successful sign-in: unreadable or other params. */
export function needsRehash(verifier: string, params: Argon2Params = defaultArgon2Params): boolean {
  const parsed = parseArgon2Phc(verifier);
  if (!parsed) return true;
  return (
    parsed.params.memoryKiB !== params.memoryKiB ||
    parsed.params.iterations !== params.iterations ||
    parsed.params.parallelism !== params.parallelism ||
    parsed.salt.length < saltBytes ||
    parsed.hash.length !== hashBytes
  );
}

/** True for a well-formed argon2id verifier within the accepted parameter limits. */
export function isPasswordVerifier(value: string): boolean {
  return parseArgon2Phc(value) !== null;
}

export const passwordRules = { minLength: 10, maxLength: 128, minClasses: 3 } as const;

export const passwordIssueCodes = [
  'password.tooShort',
  'password.tooLong',
  'password.tooFewClasses',
  'password.containsUsername',
  'password.common',
] as const;

/** Whole passwords seen in every leaked list that still pass the length and class rules. */
const commonPasswords = new Set([
  '1qaz2wsx3edc',
  '1qaz@wsx3edc',
  '1q2w3e4r5t',
  'a123456789',
  'aa123456789',
  'abc@123456',
  'abcd@123456',
  'admin@123456',
  'qwe123!@#',
  'qwer1234!@#$',
  'woaini1314',
  'zxcvbnm123',
]);

/** Words that make a password guessable once digits and symbols are stripped (P@ssw0rd2024! → password). */
const commonWords = new Set([
  'abc',
  'abcd',
  'admin',
  'administrator',
  'asdfgh',
  'asdfghjkl',
  'iloveyou',
  'letmein',
  'pass',
  'password',
  'qwerty',
  'qwertyuiop',
  'test',
  'welcome',
  'woaini',
  'zxcvbnm',
]);

const substitutions: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
};

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return true;
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const unsubstituted = core.replace(/[@43!10$5]/g, (ch) => substitutions[ch]!);
  const lettersOnly = lower.replace(/[^a-z]/g, '');
  return [core, unsubstituted, lettersOnly].some((word) => commonWords.has(word));
}

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/**
 * The strong-password rule for new passwords: 10 to 128 characters, at least 3 of lower case, upper case,
 * digits and other characters (CJK counts as other), not containing the username, not a common password
 * or a common word dressed up with digits and symbols. Returns every broken rule (field `password`).
 */
export function checkPasswordStrength(password: string, context: { username: string }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const length = [...password.normalize('NFC')].length;
  if (length < passwordRules.minLength) {
    issues.push(issue('password', 'password.tooShort', { min: passwordRules.minLength }));
  }
  if (length > passwordRules.maxLength) {
    issues.push(issue('password', 'password.tooLong', { max: passwordRules.maxLength }));
  }
  if (characterClasses(password) < passwordRules.minClasses) {
    issues.push(issue('password', 'password.tooFewClasses', { min: passwordRules.minClasses }));
  }
  const username = context.username.trim().toLowerCase();
  if (username.length >= 3 && password.toLowerCase().includes(username)) {
    issues.push(issue('password', 'password.containsUsername'));
  }
  if (isCommon(password)) issues.push(issue('password', 'password.common'));
  return issues;
}
