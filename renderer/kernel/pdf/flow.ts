/**
 * Flowing text onto A4 pages: paragraphs wrapped by the Chinese line-breaking rules, aligned left, centred
 * or right, continuing on a new page when the current one is full.
 */
import { breakLines } from './lineBreaking.ts';
import { a4, margins, type TextDocument } from './textDocument.ts';

export interface ParagraphStyle {
  size: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  align?: 'left' | 'center' | 'right';
  /** First-line indent in characters (Chinese paragraphs indent two). */
  indent?: number;
  /** Space after the paragraph, in points. */
  after?: number;
}

export class Flow {
  private readonly doc: TextDocument;
  private y = 0;
  private readonly width = a4.width - margins.left - margins.right;

  constructor(doc: TextDocument) {
    this.doc = doc;
  }

  /** Starts the next piece (a letter) on a fresh page. */
  newPage(): void {
    this.doc.addPage();
    this.y = a4.height - margins.top;
  }

  /** Moves down; a gap never starts a page. */
  space(points: number): void {
    this.y -= points;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keep(height: number): void {
    if (this.y - height < margins.bottom) this.newPage();
  }

  paragraph(text: string, style: ParagraphStyle): void {
    const { size, leading = 1.6, align = 'left', indent = 0, after = 0 } = style;
    const lineHeight = size * leading;
    const indentWidth = indent * size;
    const lines = breakLines(text, this.width, (t) => this.doc.widthOf(t, size), indentWidth);
    lines.forEach((line, index) => {
      if (this.y - lineHeight < margins.bottom) this.newPage();
      this.y -= lineHeight;
      const lineWidth = this.doc.widthOf(line, size);
      const x =
        align === 'center'
          ? margins.left + (this.width - lineWidth) / 2
          : align === 'right'
            ? margins.left + this.width - lineWidth
            : margins.left + (index === 0 ? indentWidth : 0);
      this.doc.text(line, x, this.y, size);
    });
    this.y -= after;
  }
}
