/**
 * What a stored inspection photo keeps of its camera's EXIF data: when it was taken and where (GPS), as
 * evidence of the visit; everything else (camera make and serial, owner, software, thumbnail) is dropped.
 */
import piexif from 'piexifjs';

const keptExifTags = [piexif.ExifIFD.DateTimeOriginal, piexif.ExifIFD.DateTimeDigitized];

/** JPEG bytes as the binary string piexifjs reads and writes. */
function binary(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return text;
}

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

/** The time and GPS tags of a JPEG's EXIF data, or null when it has none (or is no readable JPEG). */
export function evidenceExif(original: Uint8Array): piexif.ExifDict | null {
  let exif: piexif.ExifDict;
  try {
    exif = piexif.load(binary(original));
  } catch {
    return null;
  }
  const kept: Record<number, unknown> = {};
  for (const tag of keptExifTags) if (exif.Exif?.[tag] !== undefined) kept[tag] = exif.Exif[tag];
  const gps = exif.GPS ?? {};
  if (Object.keys(kept).length === 0 && Object.keys(gps).length === 0) return null;
  return { '0th': {}, Exif: kept, GPS: gps, Interop: {}, '1st': {} };
}

/**
 * The resized JPEG with the original's time and GPS tags and nothing else of its EXIF data. A resized
 * picture without EXIF stays without; a PNG or WebP (no EXIF kept by browsers) is returned as it is.
 */
export function withEvidenceExif(resized: Uint8Array, original: Uint8Array): Uint8Array {
  if (resized[0] !== 0xff || resized[1] !== 0xd8) return resized;
  const stripped = piexif.remove(binary(resized));
  const evidence = evidenceExif(original);
  return bytesOf(evidence ? piexif.insert(piexif.dump(evidence), stripped) : stripped);
}
