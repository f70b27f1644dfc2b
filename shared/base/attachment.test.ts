import { describe, expect, it } from 'vitest';
import {
  attachmentLimits,
  attachmentTypeOf,
  checkAttachmentFile,
  validateAttachments,
} from './attachment.ts';

const codes = (issues: { code: string }[]) => issues.map((found) => found.code);

describe('attachment files', () => {
  it('takes the type from the extension, whatever its case', () => {
    expect(attachmentTypeOf('处罚决定书.PDF')).toBe('application/pdf');
    expect(attachmentTypeOf('电子公文.ofd')).toBe('application/ofd');
    expect(attachmentTypeOf('现场.JPG')).toBe('image/jpeg');
    expect(attachmentTypeOf('setup.exe')).toBeNull();
    expect(attachmentTypeOf('README')).toBeNull();
  });

  it('accepts a decision scan and names every reason a file is refused', () => {
    expect(checkAttachmentFile({ name: '决定书.pdf', size: 1024 })).toEqual([]);
    expect(codes(checkAttachmentFile({ name: 'tool.exe', size: 10 }))).toEqual(['attachment.fileType']);
    expect(codes(checkAttachmentFile({ name: 'empty.pdf', size: 0 }))).toEqual(['attachment.empty']);
    const big = checkAttachmentFile({ name: 'scan.tif', size: attachmentLimits.bytes + 1 });
    expect(big).toEqual([
      { field: 'file', code: 'attachment.tooLarge', params: { name: 'scan.tif', maxMb: 20 } },
    ]);
    expect(checkAttachmentFile({ name: 'scan.tif', size: attachmentLimits.bytes })).toEqual([]);
  });

  it('refuses a listed attachment whose type does not match its name', () => {
    const listed = [{ sha256: 'a'.repeat(64), name: 'photo.png', mimeType: 'application/pdf', size: 5 }];
    expect(validateAttachments(listed)).toEqual([
      { field: 'attachments.0.mimeType', code: 'attachment.mimeType' },
    ]);
  });
});
