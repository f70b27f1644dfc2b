/**
 * Prints commitment letters (shared/commitments/templates.ts fills them) as one A4 PDF: each letter starts
 * on a new page, page numbers and the office's name in the footer. A campaign prints thousands at once.
 */
import type { CommitmentLetter } from '../../shared/commitments/templates.ts';
import { Flow } from '../kernel/pdf/flow.ts';
import { type PrintedDocument, TextDocument } from '../kernel/pdf/textDocument.ts';

export interface PrintOptions {
  fontBytes: Uint8Array;
  officeName: string;
  /** The PDF's title and creation date. */
  title: string;
  createdAt: Date;
  /** Called after each letter, for a progress bar; return false to stop. */
  onProgress?: (done: number, total: number) => boolean | undefined;
}

export class PrintCancelled extends Error {
  constructor() {
    super('Printing was cancelled');
  }
}

const body = { size: 12, leading: 1.75 } as const;

function layOut(flow: Flow, letter: CommitmentLetter): void {
  flow.newPage();
  flow.paragraph(letter.title, { size: 20, align: 'center', after: 6 });
  if (letter.number) flow.paragraph(letter.number, { size: 10.5, align: 'right', after: 10 });
  if (letter.addressee) flow.paragraph(letter.addressee, { ...body, after: 4 });
  for (const section of letter.sections) {
    flow.keep(body.size * body.leading * 2);
    flow.paragraph(`${section.heading}：`, { ...body, size: 13 });
    for (const text of section.paragraphs) flow.paragraph(text, { ...body, indent: 2 });
    flow.space(6);
  }
  const signatureHeight = letter.signature.length * body.size * body.leading + 24;
  flow.keep(signatureHeight);
  flow.space(24);
  for (const line of letter.signature) flow.paragraph(line, { ...body, align: 'right' });
}

export async function printCommitmentLetters(
  letters: readonly CommitmentLetter[],
  options: PrintOptions,
): Promise<PrintedDocument> {
  const doc = await TextDocument.create(options);
  const flow = new Flow(doc);
  for (const [index, letter] of letters.entries()) {
    layOut(flow, letter);
    if (options.onProgress?.(index + 1, letters.length) === false) throw new PrintCancelled();
    // Let the screen repaint (progress bar, cancel button) during a long campaign.
    if (index % 200 === 199) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return doc.finish();
}
