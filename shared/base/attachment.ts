/**
 * Files kept with a record (a penalty decision's scan, a photo): addressed by the SHA-256 of their
 * content, stored once per computer and once on the platform (PUT /blobs/{sha256}), listed in the
 * record by name, type and size.
 */
import { issue, type ValidationIssue } from './validation.ts';

/** A file kept with a record, addressed by its content hash. */
export interface Attachment {
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  name: string;
  mimeType: string;
  /** Bytes. */
  size: number;
}

export const attachmentLimits = {
  count: 50,
  name: 255,
  mimeType: 127,
  /** The largest file accepted (the platform's blob limit). */
  bytes: 20 * 1024 * 1024,
  /** The bound the stored document schema allows; files are held to `bytes`. */
  schemaBytes: 200 * 1024 * 1024,
} as const;

/**
 * The file types an office attaches (decision documents, scans, photos, office files), by lower-case
 * extension. The type comes from the extension: browsers give no type for OFD or WPS files.
 */
export const attachmentFileTypes: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  wps: 'application/vnd.ms-works',
  txt: 'text/plain',
};

export const attachmentExtensions = Object.keys(attachmentFileTypes);

const sha256Pattern = /^[0-9a-f]{64}$/;

/** The file's type by its extension, or null when the office does not accept such files. */
export function attachmentTypeOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  return attachmentFileTypes[fileName.slice(dot + 1).toLowerCase()] ?? null;
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** Why a file picked to attach cannot be (empty when it can). `field` names it in the issues. */
export function checkAttachmentFile(file: { name: string; size: number }, field = 'file'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const name = file.name.trim();
  if (name === '') issues.push(issue(field, 'required'));
  else if (name.length > attachmentLimits.name) {
    issues.push(issue(field, 'tooLong', { max: attachmentLimits.name }));
  }
  if (name !== '' && attachmentTypeOf(name) === null) {
    issues.push(issue(field, 'attachment.fileType', { name, types: attachmentExtensions.join(', ') }));
  }
  if (file.size === 0) issues.push(issue(field, 'attachment.empty', { name }));
  if (file.size > attachmentLimits.bytes) {
    issues.push(issue(field, 'attachment.tooLarge', { name, maxMb: megabytes(attachmentLimits.bytes) }));
  }
  return issues;
}

/** Rules for the attachment list of a document, issues named `<field>.<index>.<part>`. */
export function validateAttachments(
  attachments: readonly Attachment[],
  field = 'attachments',
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (attachments.length > attachmentLimits.count) {
    issues.push(issue(field, 'attachment.tooMany', { max: attachmentLimits.count }));
  }
  attachments.forEach((file, index) => {
    const at = `${field}.${index}`;
    if (!sha256Pattern.test(file.sha256)) issues.push(issue(`${at}.sha256`, 'attachment.sha256'));
    issues.push(...checkAttachmentFile(file, at));
    const expectedType = attachmentTypeOf(file.name);
    if (expectedType !== null && expectedType !== file.mimeType) {
      issues.push(issue(`${at}.mimeType`, 'attachment.mimeType'));
    }
    if (!Number.isInteger(file.size) || file.size < 0) {
      issues.push(issue(`${at}.size`, 'attachment.size'));
    }
    if (attachments.findIndex((other) => other.sha256 === file.sha256) !== index) {
      issues.push(issue(`${at}.sha256`, 'attachment.duplicate', { name: file.name }));
    }
  });
  return issues;
}

/** The JSON schema of an attachment list in a collection schema. */
export function attachmentListSchema() {
  return {
    type: 'array',
    maxItems: attachmentLimits.count,
    items: {
      type: 'object',
      properties: {
        sha256: { type: 'string', maxLength: 64 },
        name: { type: 'string', maxLength: attachmentLimits.name },
        mimeType: { type: 'string', maxLength: attachmentLimits.mimeType },
        size: { type: 'integer', minimum: 0, maximum: attachmentLimits.schemaBytes },
      },
      required: ['sha256', 'name', 'mimeType', 'size'],
      additionalProperties: false,
    },
  } as const;
}
