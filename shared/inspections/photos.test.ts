import { describe, expect, it } from 'vitest';
import { checkPhoto, photoLimits, photoTypeOf } from './photos.ts';

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

const codes = (name: string, bytes: Uint8Array) => checkPhoto({ name, bytes }).map((found) => found.code);

describe('inspection photo checks', () => {
  it('knows JPEG, PNG and WebP by content, whatever the name', () => {
    expect(photoTypeOf(jpeg)).toBe('image/jpeg');
    expect(photoTypeOf(png)).toBe('image/png');
    const webp = new Uint8Array([0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);
    expect(photoTypeOf(webp)).toBe('image/webp');
    expect(codes('现场.txt', jpeg)).toEqual([]);
  });

  it('refuses a file that is not a picture, an empty one and one too large', () => {
    expect(codes('照片.jpg', new TextEncoder().encode('%PDF-1.7 not a photo'))).toEqual([
      'inspection.photo.notImage',
    ]);
    expect(codes('照片.jpg', new Uint8Array(0))).toEqual(['inspection.photo.empty']);
    const huge = new Uint8Array(photoLimits.originalBytes + 1);
    huge.set(jpeg.subarray(0, 3));
    expect(checkPhoto({ name: '大.jpg', bytes: huge })).toEqual([
      { field: 'photo', code: 'inspection.photo.tooLarge', params: { name: '大.jpg', maxMb: 25 } },
    ]);
  });

  it('refuses a picture cut short', () => {
    expect(codes('断.jpg', jpeg.subarray(0, 6))).toEqual(['inspection.photo.corrupt']);
    expect(codes('断.png', png.subarray(0, 12))).toEqual(['inspection.photo.corrupt']);
    expect(codes('全.png', png)).toEqual([]);
  });
});
