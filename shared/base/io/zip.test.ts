import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from './web.ts';
import { openZip, writeZip, ZipError } from './zip.ts';

const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));
const repetitive = encodeUtf8('行政处罚决定书 '.repeat(500));

async function zipError(run: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ZipError) return error.code;
    throw error;
  }
  return 'none';
}

describe('ZIP', () => {
  it.each([false, true])('writes and reads entries (compress: %s)', async (compress) => {
    const zip = await writeZip(
      [
        { name: 'a.txt', data: encodeUtf8('hello') },
        { name: '目录/说明.txt', data: repetitive },
        { name: 'empty', data: new Uint8Array() },
      ],
      { compress },
    );
    const archive = openZip(zip);
    expect(archive.names).toEqual(['a.txt', '目录/说明.txt', 'empty']);
    expect(text(await archive.read('a.txt'))).toBe('hello');
    expect(await archive.read('目录/说明.txt')).toEqual(repetitive);
    expect(await archive.read('EMPTY')).toEqual(new Uint8Array());
    expect(await archive.read('missing')).toBeNull();
    if (compress) expect(zip.length).toBeLessThan(repetitive.length);
  });

  it('writes byte-identical archives for identical input', async () => {
    const entries = [{ name: 'a', data: repetitive }];
    expect(await writeZip(entries, { compress: true })).toEqual(await writeZip(entries, { compress: true }));
  });

  it('tells non-archives from damaged ones', async () => {
    const zip = await writeZip([{ name: 'a', data: repetitive }], { compress: true });
    expect(await zipError(() => openZip(encodeUtf8('name,date\r\n')))).toBe('notZip');
    expect(await zipError(() => openZip(zip.slice(0, zip.length - 30)))).toBe('corrupt');

    const flipped = zip.slice();
    flipped[40] = flipped[40]! ^ 0xff;
    expect(await zipError(() => openZip(flipped).read('a'))).toBe('corrupt');
  });

  it('refuses unknown compression methods', async () => {
    const zip = await writeZip([{ name: 'a', data: encodeUtf8('x') }]);
    const centralAt = zip.length - 22 - (46 + 1);
    const bzip = zip.slice();
    bzip[centralAt + 10] = 12;
    expect(await zipError(() => openZip(bzip).read('a'))).toBe('unsupported');
  });

  it('stops an entry that inflates beyond its declared size', async () => {
    const zip = await writeZip([{ name: 'a', data: repetitive }], { compress: true });
    const centralAt = zip.length - 22 - (46 + 1);
    const lying = zip.slice();
    new DataView(lying.buffer).setUint32(centralAt + 24, 100, true);
    expect(await zipError(() => openZip(lying).read('a'))).toBe('corrupt');
    expect(await zipError(() => openZip(zip, 1000).read('a'))).toBe('tooLarge');
  });
});
