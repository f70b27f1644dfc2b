import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../shared/base/platform/bridge.ts';
import { defaultBackoff } from './backoff.ts';
import { DeviceEnrollment, type EnrollmentGranted, storedEnrollment } from './enrollment.ts';
import { SyncStore } from './syncStore.ts';

const county = { code: '410823', name: { 'zh-CN': '获嘉县', en: 'Huojia County' } };
const other = { code: '410824', name: { 'zh-CN': '原阳县', en: 'Yuanyang County' } };
const platform = 'https://platform.example';

function grant(platformUrl: string, granted = county, token = 'token-1'): EnrollmentGranted {
  return { ok: true, platformUrl, granted: { deviceId: `device-${token}`, token, county: granted } };
}

let serial = 0;
let store: SyncStore;
let secrets: Map<string, string>;
let forgotten: number;
let enrollment: DeviceEnrollment;

beforeEach(() => {
  store = new SyncStore(`test-enrollment-${++serial}`);
  secrets = new Map();
  forgotten = 0;
  const secretStore: SecretStore = {
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, value) => void secrets.set(key, value),
    delete: async (key) => void secrets.delete(key),
    protection: async () => 'weak',
  };
  enrollment = new DeviceEnrollment({
    store,
    secrets: secretStore,
    officeCounty: county.code,
    deviceName: 'Test device',
    backoff: defaultBackoff,
    now: () => '2026-12-06T10:00:00.000Z',
    forgetPlatform: async () => {
      forgotten++;
    },
  });
});

afterEach(() => store.close());

/** How many refusals the device holds of the platform it is enrolled on. */
async function refusalHeld(): Promise<number> {
  return (await store.entryCounts()).refused;
}

async function refuseOne(): Promise<void> {
  const state = { id: 's1', name: 'x' };
  await store.putRefusals([
    { collection: 'subjects', docId: 's1', localState: state, baseState: null, issues: [], refusedAt: 'now' },
  ]);
}

describe('keeping an enrollment', () => {
  it('keeps the enrollment and the device token, and the client of the enrolled platform', async () => {
    await expect(enrollment.client(null)).rejects.toThrow('not enrolled');
    const kept = await enrollment.keep(grant(platform), null);
    expect(kept).toEqual({
      platformUrl: platform,
      deviceId: 'device-token-1',
      county,
      enrolledAt: '2026-12-06T10:00:00.000Z',
    });
    expect(await storedEnrollment(store)).toEqual(kept);
    expect(await enrollment.token()).toBe('token-1');
    expect((await enrollment.client(kept)).baseUrl).toBe(platform);
  });

  it('holds on to what it knows of the platform when enrolled again on the same one', async () => {
    const first = await enrollment.keep(grant(platform), null);
    await refuseOne();
    await enrollment.keep(grant(platform, county, 'token-2'), first);
    expect(await refusalHeld()).toBe(1);
    expect(forgotten).toBe(0);
    expect(await enrollment.token()).toBe('token-2');
  });

  it('forgets what it held of the previous platform on another platform or county', async () => {
    const first = await enrollment.keep(grant(platform), null);
    await refuseOne();
    const moved = await enrollment.keep(grant('https://other.example'), first);
    expect(await refusalHeld()).toBe(0);
    expect(forgotten).toBe(1);

    await refuseOne();
    await enrollment.keep(grant('https://other.example', other), moved);
    expect(await refusalHeld()).toBe(0);
    expect(forgotten).toBe(2);
  });
});
