import piexif from 'piexifjs';
import { describe, expect, it } from 'vitest';
import { evidenceExif, withEvidenceExif } from './exif.ts';

/** A minimal JPEG: start, JFIF header, scan header, a few bytes of scan, end. */
const bare = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xda, 0, 8, 1, 1,
  0, 0, 0x3f, 0, 1, 2, 3, 4, 0xff, 0xd9,
]);
const asText = (bytes: Uint8Array) => String.fromCharCode(...bytes);
const asBytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

const cameraExif = {
  '0th': { [piexif.ImageIFD.Make]: 'Huawei', [piexif.ImageIFD.Artist]: '张三' },
  Exif: {
    [piexif.ExifIFD.DateTimeOriginal]: '2026:03:06 10:15:00',
    [piexif.ExifIFD.BodySerialNumber]: 'SN-123456',
  },
  GPS: {
    [piexif.GPSIFD.GPSLatitudeRef]: 'N',
    [piexif.GPSIFD.GPSLatitude]: [
      [35, 1],
      [6, 1],
      [0, 1],
    ],
  },
} as unknown as piexif.ExifDict;
const original = asBytes(piexif.insert(piexif.dump(cameraExif), asText(bare)));

describe('EXIF data kept with an inspection photo', () => {
  it('keeps when and where the photo was taken and drops the camera, owner and serial', () => {
    const stored = withEvidenceExif(bare, original);
    const kept = piexif.load(asText(stored));
    expect(kept.Exif).toEqual({ [piexif.ExifIFD.DateTimeOriginal]: '2026:03:06 10:15:00' });
    expect(kept.GPS).toEqual(cameraExif.GPS);
    expect(kept['0th']?.[piexif.ImageIFD.Make]).toBeUndefined();
    expect(kept['0th']?.[piexif.ImageIFD.Artist]).toBeUndefined();
  });

  it('adds nothing to a photo whose original had no EXIF, and leaves other formats alone', () => {
    expect(evidenceExif(bare)).toBeNull();
    expect(withEvidenceExif(bare, bare)).toEqual(bare);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(withEvidenceExif(png, original)).toBe(png);
  });
});
