/**
 * Names and types of the files CreditDesk saves on the user's computer. One rule for both shells: the
 * Electron main process and the browser's download link apply `planFileSave`.
 */
import { attachmentFileTypes, attachmentLimits } from '../attachment.ts';

/**
 * Bidirectional formatting controls (marks, embeddings, overrides, isolates). In a file name they make
 * `Invoice\u202Efdp.exe` display as "Invoiceexe.pdf", so they are removed wherever a name is shown or used.
 */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text with its bidi controls removed: what is shown is what the characters really say. */
export function withoutBidiControls(text: string): string {
  return text.replace(bidiControls, '');
}

/** Device names Windows reserves in every folder, with or without an extension (`CON`, `nul.txt`). */
const reservedWindowsName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * A file name safe to offer on every system: no bidi controls, no trailing dots or spaces (Windows drops
 * them, changing the extension), and a reserved device name prefixed with `_`.
 */
export function safeFileName(name: string): string {
  const cleaned = withoutBidiControls(name).replace(/[. ]+$/, '');
  return reservedWindowsName.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** Files the app writes itself, by extension; the largest size each may have. */
export const appFileLimits: Readonly<Record<string, number>> = {
  pdf: 200 * 1024 * 1024,
  xlsx: 200 * 1024 * 1024,
  csv: 200 * 1024 * 1024,
  /** A draft of city reference data (a checklist version) to hand to the city platform. */
  json: 10 * 1024 * 1024,
  /** An encrypted backup, attachments included. */
  cdbackup: 1024 * 1024 * 1024,
};

/** `app`: a file CreditDesk made (export, report, backup); `attachment`: a file someone attached to a record. */
export const saveSources = ['app', 'attachment'] as const;
export type SaveSource = (typeof saveSources)[number];

export type FileSavePlan =
  | { ok: true; name: string; extension: string; markOfTheWeb: boolean }
  | { ok: false; reason: 'fileType'; extension: string }
  | { ok: false; reason: 'tooLarge'; limitBytes: number };

/**
 * Whether a file may be saved, and under which name. Only the types the app writes are saved; an
 * attachment only with the type its record lists for it (`mimeType`), and it is marked as coming from
 * elsewhere (the Mark of the Web) so Office opens it in Protected View.
 */
export function planFileSave(request: {
  suggestedName: string;
  mimeType: string;
  size: number;
  source?: SaveSource;
}): FileSavePlan {
  const name = safeFileName(request.suggestedName);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const attachment = request.source === 'attachment';
  const essence = request.mimeType.split(';')[0]!.trim().toLowerCase();
  const typeAllowed = attachment
    ? essence === attachmentFileTypes[extension]
    : Object.hasOwn(appFileLimits, extension);
  if (!typeAllowed) return { ok: false, reason: 'fileType', extension };
  const limitBytes = attachment ? attachmentLimits.bytes : appFileLimits[extension]!;
  if (request.size > limitBytes) return { ok: false, reason: 'tooLarge', limitBytes };
  return { ok: true, name, extension, markOfTheWeb: attachment };
}
