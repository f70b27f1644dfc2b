/**
 * Enrollment requests that survive a lost answer: the request key is stored before the first try and
 * kept until the enrollment is known to have succeeded, so neither a retry here nor the user trying the
 * same code again later creates a second device.
 */
import { toHex } from '../../../shared/base/security/encoding.ts';
import { randomBytes } from '../../../shared/base/security/webCrypto.ts';
import { type EnrollResponse, normalizeEnrollmentCode } from '../../../shared/sync/protocol.ts';
import { type BackoffOptions, backoffDelay, wait } from './backoff.ts';
import { asPlatformError, type FetchFunction, requestEnrollment } from './platformClient.ts';
import type { SyncStore } from './syncStore.ts';

const attemptKey = 'enrollmentAttempt';

/** An enrollment sent but not known to have succeeded: its key is sent again with the same code. */
interface EnrollmentAttempt {
  platformUrl: string;
  code: string;
  requestKey: string;
}

/** Tries of one enrollment when the platform cannot be reached or its answer is lost. */
const enrollmentTries = 3;

export interface EnrollmentRequestOptions {
  store: SyncStore;
  deviceName: string;
  backoff: BackoffOptions;
  fetch?: FetchFunction;
}

/** Sends the enrollment with its stored key, retrying transient failures a few times. */
export async function requestEnrollmentOnce(
  url: string,
  code: string,
  { store, deviceName, backoff, fetch }: EnrollmentRequestOptions,
): Promise<EnrollResponse> {
  const stored = await store.getSetting<EnrollmentAttempt>(attemptKey);
  const normalized = normalizeEnrollmentCode(code);
  const attempt =
    stored?.platformUrl === url && stored.code === normalized
      ? stored
      : { platformUrl: url, code: normalized, requestKey: toHex(randomBytes(24)) };
  if (attempt !== stored) await store.setSetting(attemptKey, attempt);
  for (let retry = 0; ; retry++) {
    try {
      return await requestEnrollment(url, code, deviceName, attempt.requestKey, fetch);
    } catch (error) {
      const failure = asPlatformError(error);
      if (failure.kind !== 'transient' || failure.status === 429 || retry + 1 >= enrollmentTries)
        throw failure;
      await wait(backoffDelay(retry, backoff));
    }
  }
}

/** Once the platform's answer has arrived, the attempt is done. */
export async function forgetEnrollmentAttempt(store: SyncStore): Promise<void> {
  await store.deleteSetting(attemptKey);
}

/** A platform address as the app stores it: http(s), no credentials, query or fragment, no trailing slash. */
export function normalizePlatformUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return url.toString().replace(/\/+$/, '');
  } catch {
    return null;
  }
}
