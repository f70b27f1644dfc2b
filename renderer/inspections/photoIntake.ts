/**
 * A photo from a file or the tablet's camera, made fit to keep: checked (a picture, whole, not too
 * large), resized and compressed on this device (browser-image-compression, no web worker: it would
 * load its code from the internet), with the original's EXIF time and GPS kept and the rest stripped.
 */
import imageCompression from 'browser-image-compression';
import { withEvidenceExif } from '../../shared/inspections/exif.ts';
import { checkPhoto, photoLimits, photoTypeOf } from '../../shared/inspections/photos.ts';
import { issue, type Validated } from '../../shared/base/validation.ts';

export async function preparePhoto(file: File): Promise<Validated<{ name: string; data: Uint8Array }>> {
  const original = new Uint8Array(await file.arrayBuffer());
  const problems = checkPhoto({ name: file.name, bytes: original });
  if (problems.length > 0) return { ok: false, issues: problems };
  const type = photoTypeOf(original)!;
  let resized: Blob;
  try {
    resized = await imageCompression(new File([original], file.name, { type }), {
      maxWidthOrHeight: photoLimits.maxSide,
      maxSizeMB: photoLimits.storedMb,
      fileType: 'image/jpeg',
      useWebWorker: false,
    });
  } catch {
    return { ok: false, issues: [issue('photo', 'inspection.photo.corrupt', { name: file.name })] };
  }
  const data = withEvidenceExif(new Uint8Array(await resized.arrayBuffer()), original);
  return { ok: true, value: { name: file.name.replace(/\.[^.]*$/, '.jpg'), data } };
}
