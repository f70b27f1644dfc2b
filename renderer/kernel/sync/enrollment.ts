/**
 * This device's enrollment on a platform and county: asking for it with a one-time code, keeping it
 * (the record in the sync store, the device token among the secrets), forgetting what the device held of
 * the previous platform when it moves to another, and what the enrollment gives besides replication:
 * the device's provisions and a client for other platform requests.
 */
import type { PlatformAllowance, SecretStore } from '../../../shared/base/platform/bridge.ts';
import type { ProvisionsResponse } from '../../../shared/provisions/protocol.ts';
import type { EnrollResponse } from '../../../shared/sync/protocol.ts';
import type { BackoffOptions } from './backoff.ts';
import { forgetEnrollmentAttempt, normalizePlatformUrl, requestEnrollmentOnce } from './enrollmentRequest.ts';
import { type FetchFunction, PlatformClient, type PlatformError } from './platformClient.ts';
import { type EnrollOutcome, problemOf } from './syncStatus.ts';
import type { Enrollment, SyncStore } from './syncStore.ts';

const deviceTokenSecret = 'sync.deviceToken';
const enrollmentKey = 'enrollment';

/** What the device is told of itself and its office. */
export interface DeviceIdentityOptions {
  secrets: SecretStore;
  /** The office's county: the device may only enroll into it. */
  officeCounty: string;
  /** How the device introduces itself to the platform's administrators. */
  deviceName: string;
  /** Lets the page reach a platform before enrolling with it (the bridge's allowPlatform); always ready if absent. */
  allowPlatform?: (platformUrl: string) => Promise<PlatformAllowance>;
  /** Keeps what the platform hands the device besides its token, fetched whenever it connects. */
  provisions?: { apply(provisions: ProvisionsResponse): Promise<void> };
}

export interface DeviceEnrollmentOptions extends DeviceIdentityOptions {
  store: SyncStore;
  backoff: BackoffOptions;
  fetch?: FetchFunction;
  now: () => string;
  /** Forgets, besides the sync store's shadows and refusals, what sync learned of the previous platform. */
  forgetPlatform: () => Promise<void>;
}

/** The platform's yes to an enrollment, not yet kept. */
export interface EnrollmentGranted {
  ok: true;
  platformUrl: string;
  granted: EnrollResponse;
}

/** The enrollment kept, if any. */
export function storedEnrollment(store: SyncStore): Promise<Enrollment | undefined> {
  return store.getSetting<Enrollment>(enrollmentKey);
}

export class DeviceEnrollment {
  readonly #options: DeviceEnrollmentOptions;

  constructor(options: DeviceEnrollmentOptions) {
    this.#options = options;
  }

  token(): Promise<string | null> {
    return this.#options.secrets.get(deviceTokenSecret);
  }

  /** Asks the platform to enroll this device with a one-time code, refusing a code of another county. */
  async ask(
    platformUrl: string,
    code: string,
  ): Promise<EnrollmentGranted | Exclude<EnrollOutcome, { ok: true }>> {
    const { store, deviceName, backoff, fetch, officeCounty } = this.#options;
    const url = normalizePlatformUrl(platformUrl);
    if (!url) return { ok: false, reason: 'invalidUrl' };
    const allowance = (await this.#options.allowPlatform?.(url)) ?? 'ready';
    if (allowance !== 'ready')
      return { ok: false, reason: 'platformNotAllowed', restarting: allowance === 'restarting' };
    let granted: EnrollResponse;
    try {
      granted = await requestEnrollmentOnce(url, code.trim(), { store, deviceName, backoff, fetch });
    } catch (error) {
      const failure = error as PlatformError;
      return { ok: false, reason: 'platform', problem: problemOf(failure, null, this.#options.now()) };
    }
    await forgetEnrollmentAttempt(store);
    if (granted.county.code !== officeCounty)
      return { ok: false, reason: 'wrongCounty', county: granted.county };
    return { ok: true, platformUrl: url, granted };
  }

  /**
   * Keeps a granted enrollment in place of `previous`. On another platform or county than before, what
   * the device held of the previous one (shadows, refusals, its restore generation) is forgotten first.
   */
  async keep({ platformUrl, granted }: EnrollmentGranted, previous: Enrollment | null): Promise<Enrollment> {
    const { store, secrets } = this.#options;
    if (previous && (previous.platformUrl !== platformUrl || previous.county.code !== granted.county.code)) {
      await store.clearPlatformState();
      await this.#options.forgetPlatform();
    }
    await secrets.set(deviceTokenSecret, granted.token);
    const enrollment: Enrollment = {
      platformUrl,
      deviceId: granted.deviceId,
      county: granted.county,
      enrolledAt: this.#options.now(),
    };
    await store.setSetting(enrollmentKey, enrollment);
    return enrollment;
  }

  /** A client of the enrolled platform for requests besides replication; rejects when not enrolled. */
  async client(enrollment: Enrollment | null): Promise<PlatformClient> {
    const token = await this.token();
    if (!enrollment || !token) throw new Error('This computer is not enrolled on a platform');
    return new PlatformClient(enrollment.platformUrl, token, this.#options.fetch);
  }

  /** Fetches the device's provisions on connecting; a failure waits for the next connection. */
  async refreshProvisions(client: PlatformClient): Promise<void> {
    if (!this.#options.provisions) return;
    try {
      await this.#options.provisions.apply(await client.provisions());
    } catch {
      // Not reached or refused now: the next connection asks again.
    }
  }

  /**
   * The device's provisions from the platform, kept; `moreSerials` asks for one more commitment serial
   * block. Rejects like any platform request.
   */
  async fetchProvisions(enrollment: Enrollment | null, moreSerials: boolean): Promise<ProvisionsResponse> {
    const provisions = await (await this.client(enrollment)).provisions(moreSerials);
    await this.#options.provisions?.apply(provisions);
    return provisions;
  }
}
