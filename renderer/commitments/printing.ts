/**
 * Prints commitments as one A4 PDF with the shipped CJK font and saves it through the bridge, as the
 * other exports do.
 */
import { findMatter } from '../../shared/commitments/matters.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { commitmentLetter } from '../../shared/commitments/templates.ts';
import type { PlatformBridge } from '../../shared/base/platform/bridge.ts';
import { loadPrintFont } from '../kernel/pdf/font.ts';
import { printCommitmentLetters } from './printLetters.ts';
import type { CommitmentRepository } from './repository.ts';

export async function saveLettersPdf(
  bridge: PlatformBridge,
  repository: CommitmentRepository,
  commitments: readonly CommitmentDocument[],
  options: {
    officeName: string;
    fileName: string;
    now: Date;
    onProgress?: (done: number, total: number) => boolean | undefined;
  },
): Promise<{ saved: boolean; missingCharacters: string[] }> {
  const year = options.now.getFullYear();
  const letters = commitments.map((c) =>
    commitmentLetter(c, findMatter(repository.matters, c.matterCode)?.name.zh ?? '', year),
  );
  const printed = await printCommitmentLetters(letters, {
    fontBytes: await loadPrintFont(),
    officeName: options.officeName,
    title: options.fileName,
    createdAt: options.now,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const result = await bridge.saveFile({
    suggestedName: `${options.fileName}.pdf`,
    mimeType: 'application/pdf',
    data: new Uint8Array(printed.bytes),
  });
  return { saved: result.saved, missingCharacters: printed.missingCharacters };
}
