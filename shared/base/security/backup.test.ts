import { describe, expect, it } from 'vitest';
import type { Argon2Params } from './argon2.ts';
import { fromUtf8, utf8 } from './encoding.ts';
import { backupMagic, openBackup, readBackupOrigin, sealBackup } from './backup.ts';

const fast: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const origin = { county: '410823', deviceId: 'device-a', createdAt: '2026-03-02T08:00:00.000Z' };
const payload = JSON.stringify({
  subjects: [{ name: '武陟县宏达建筑工程有限公司', code: '91350100M000100Y43' }],
});
const password = 'Backup-pass-2026';
const here = { expectedCounty: '410823' };

function headerLength(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(backupMagic.length + 1);
}

describe('encrypted backups', () => {
  it('round-trips the payload and its origin', async () => {
    const sealed = await sealBackup(payload, password, origin, fast);
    expect(fromUtf8(sealed.subarray(0, 8))).toBe('CDBACKUP');
    expect(sealed[8]).toBe(1);
    expect(await openBackup(sealed, password, here)).toEqual({ ok: true, payloadJson: payload, origin });
    expect(readBackupOrigin(sealed)).toEqual({ ok: true, origin });
  });

  it('refuses to seal what it could not open again', async () => {
    await expect(sealBackup(payload, password, { ...origin, county: '4108' }, fast)).rejects.toThrow(
      RangeError,
    );
    await expect(sealBackup(payload, '', origin, fast)).rejects.toThrow(TypeError);
  });

  it('keeps the payload unreadable without the password', async () => {
    const sealed = await sealBackup(payload, password, origin, fast);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(sealed);
    expect(text).not.toContain('91350100M000100Y43');
    expect(text).toContain('"county":"410823"');
  });

  it('refuses what is not a backup', async () => {
    for (const bytes of [new Uint8Array(0), utf8('{"subjects":[]}'), utf8('CDBACKU')]) {
      expect(await openBackup(bytes, password, here)).toEqual({
        ok: false,
        error: { code: 'backup.notABackup' },
      });
    }
  });

  it('refuses a wrong password', async () => {
    const sealed = await sealBackup(payload, password, origin, fast);
    expect(await openBackup(sealed, 'Backup-pass-2027', here)).toEqual({
      ok: false,
      error: { code: 'backup.wrongPassword' },
    });
    expect(await openBackup(sealed, '', here)).toMatchObject({ error: { code: 'backup.wrongPassword' } });
  });

  it('refuses another county’s backup, naming the county', async () => {
    const sealed = await sealBackup(payload, password, { ...origin, county: '410100' }, fast);
    expect(await openBackup(sealed, password, here)).toEqual({
      ok: false,
      error: { code: 'backup.otherCounty', params: { county: '410100' } },
    });
  });

  it('refuses a backup from a newer version', async () => {
    const sealed = await sealBackup(payload, password, origin, fast);
    sealed[8] = 2;
    expect(await openBackup(sealed, password, here)).toEqual({
      ok: false,
      error: { code: 'backup.newerVersion' },
    });
  });

  it('refuses a damaged ciphertext, header or length as corrupted', async () => {
    const sealed = await sealBackup(payload, password, origin, fast);
    const corrupted = { ok: false, error: { code: 'backup.corrupted' } };

    const body = sealed.slice();
    body[body.length - 20]! ^= 1;
    expect(await openBackup(body, password, here)).toEqual(corrupted);

    expect(await openBackup(sealed.slice(0, -1), password, here)).toEqual(corrupted);

    const start = 13;
    const headerText = fromUtf8(sealed.subarray(start, start + headerLength(sealed)))!;
    const relabel = (text: string) => {
      const replaced = utf8(text);
      expect(replaced.length).toBe(headerLength(sealed));
      const copy = sealed.slice();
      copy.set(replaced, start);
      return copy;
    };
    // The header is authenticated too: a changed device id or date no longer opens.
    expect(await openBackup(relabel(headerText.replace('device-a', 'device-b')), password, here)).toEqual(
      corrupted,
    );
    expect(await openBackup(relabel(headerText.replace('"county"', '"cOunty"')), password, here)).toEqual(
      corrupted,
    );
    expect(await openBackup(relabel(headerText.replace('{', '[')), password, here)).toEqual(corrupted);

    const zeroVersion = sealed.slice();
    zeroVersion[8] = 0;
    expect(await openBackup(zeroVersion, password, here)).toEqual(corrupted);

    const hugeHeader = sealed.slice();
    new DataView(hugeHeader.buffer).setUint32(9, 1_000_000);
    expect(await openBackup(hugeHeader, password, here)).toEqual(corrupted);
  });

  it('refuses key-derivation parameters beyond the limits without running them', async () => {
    const sealed = await sealBackup(payload, password, origin, fast);
    const headerText = fromUtf8(sealed.subarray(13, 13 + headerLength(sealed)))!;
    const copy = sealed.slice();
    copy.set(utf8(headerText.replace('"parallelism":1', '"parallelism":9')), 13);
    expect(await openBackup(copy, password, here)).toEqual({
      ok: false,
      error: { code: 'backup.corrupted' },
    });
  });

  it('cannot tell changed key-derivation parameters from a wrong password', async () => {
    const sealed = await sealBackup(payload, password, origin, fast);
    const headerText = fromUtf8(sealed.subarray(13, 13 + headerLength(sealed)))!;
    const copy = sealed.slice();
    copy.set(utf8(headerText.replace('"memoryKiB":64', '"memoryKiB":72')), 13);
    expect(await openBackup(copy, password, here)).toEqual({
      ok: false,
      error: { code: 'backup.wrongPassword' },
    });
  });
});
