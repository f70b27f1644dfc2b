/**
 * Checks of a photo taken or picked for an inspection, before the device resizes and stores it: it must
 * be an image (by its content, not its name), not larger than a camera's largest file, and whole (a
 * JPEG ends with its end-of-image marker, a PNG with its IEND chunk). A picture the browser then fails
 * to decode is refused as corrupt too (renderer/inspections/photoIntake.ts).
 */
import { issue, type ValidationIssue } from '../base/validation.ts';

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Originals up to 25 MB are accepted; stored photos are resized to at most `maxSide` pixels. */
export const photoLimits = { originalBytes: 25 * 1024 * 1024, maxSide: 1920, storedMb: 0.5 } as const;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((value, index) => bytes[at + index] === value);

/** The image type by the file's first bytes, or null when the content is no JPEG, PNG or WebP picture. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return null;
}

/** Whether the picture's content ends where its format says it ends. */
function isWhole(bytes: Uint8Array, type: PhotoType): boolean {
  const tail = (count: number) => [...bytes.subarray(bytes.length - count)];
  if (type === 'image/jpeg') {
    // Some cameras pad after the end-of-image marker; look for it near the end.
    const end = bytes.subarray(Math.max(0, bytes.length - 1024));
    return end.some((value, index) => value === 0xff && end[index + 1] === 0xd9);
  }
  if (type === 'image/png') return tail(8).join() === [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82].join();
  const declared = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
  return declared + 8 <= bytes.length;
}

/**
 * Why a picked file cannot be an inspection photo (empty when it can). Issue codes:
 * `inspection.photo.empty`, `inspection.photo.tooLarge`, `inspection.photo.notImage`,
 * `inspection.photo.corrupt`.
 */
export function checkPhoto(file: { name: string; bytes: Uint8Array }, field = 'photo'): ValidationIssue[] {
  const name = file.name;
  if (file.bytes.length === 0) return [issue(field, 'inspection.photo.empty', { name })];
  if (file.bytes.length > photoLimits.originalBytes) {
    return [
      issue(field, 'inspection.photo.tooLarge', { name, maxMb: photoLimits.originalBytes / (1024 * 1024) }),
    ];
  }
  const type = photoTypeOf(file.bytes);
  if (!type) return [issue(field, 'inspection.photo.notImage', { name })];
  return isWhole(file.bytes, type) ? [] : [issue(field, 'inspection.photo.corrupt', { name })];
}
