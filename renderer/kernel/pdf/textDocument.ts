/**
 * A4 text documents in Chinese, made with pdf-lib in the renderer (no Node APIs), so Electron and the
 * browser shell produce the same bytes from the same input: the font is the CJK subset shipped with the
 * app (fonts/, see scripts/subsetCjkFont.ts), embedded under a fixed name, and the document dates come
 * from the caller, never from the clock.
 *
 * Speed: pdf-lib's `addPage` walks the whole page list on every insert and `drawText` shapes each line
 * through fontkit; a 20,000-letter campaign would take minutes. Pages are therefore hung in a two-level
 * page tree of fixed-size branches, share one resource dictionary, text is encoded through a
 * per-character glyph cache (Chinese needs no shaping; Latin runs lose kerning, which letters never use),
 * and each page's content stream is written as text rather than as pdf-lib operator objects.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, PDFName, PDFPage, PDFPageTree, type PDFRef } from 'pdf-lib';

/** A4 in points. */
export const a4 = { width: 595.28, height: 841.89 } as const;
/** Page margins in points (2.5 cm sides, as official documents use). */
export const margins = { top: 72, bottom: 72, left: 72, right: 72 } as const;
const footerY = 40;
const pagesPerBranch = 256;

export interface TextDocumentOptions {
  /** The shipped CJK font (TrueType). */
  fontBytes: Uint8Array;
  /** Printed at the foot of every page. */
  officeName: string;
  title: string;
  /** Recorded as the document's creation date. */
  createdAt: Date;
}

export interface PrintedDocument {
  bytes: Uint8Array;
  pages: number;
  /** Characters the shipped font lacks: printed as blanks, so the caller must warn. */
  missingCharacters: string[];
}

/** A page with the content-stream lines written to it so far and the current text position. */
interface PageEntry {
  page: PDFPage;
  lines: string[];
  /** Path operators drawn before the text (filled rectangles: QR codes, rules). */
  graphics: string[];
  x: number;
  y: number;
}

/** A coordinate for the content stream: at most three decimals, never exponent notation. */
function coordinate(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export class TextDocument {
  private readonly pages: PageEntry[] = [];
  private readonly glyphs = new Map<string, string>();
  private readonly widths = new Map<string, number>();
  private readonly missing = new Set<string>();
  private branch: { tree: PDFPageTree; ref: PDFRef } | null = null;
  private readonly resources: PDFRef;

  private readonly pdf: PDFDocument;
  private readonly font: PDFFont;
  /** Code points the font has a glyph for. */
  private readonly characters: ReadonlySet<number>;
  private readonly officeName: string;

  private constructor(pdf: PDFDocument, font: PDFFont, officeName: string) {
    this.pdf = pdf;
    this.font = font;
    this.characters = new Set(font.getCharacterSet());
    this.officeName = officeName;
    this.resources = pdf.context.register(pdf.context.obj({ Font: { F0: font.ref } }));
  }

  static async create(options: TextDocumentOptions): Promise<TextDocument> {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    // Embedded whole: @pdf-lib/fontkit's subsetter drops most glyph outlines of this font (seen rendered
    // with poppler: blank characters, though the text still extracts). Costs 1.5 MB per PDF, once.
    const font = await pdf.embedFont(options.fontBytes, { customName: 'NotoSansSC-Regular' });
    pdf.setTitle(options.title);
    pdf.setProducer('CreditDesk');
    pdf.setCreator('CreditDesk');
    pdf.setCreationDate(options.createdAt);
    pdf.setModificationDate(options.createdAt);
    pdf.setLanguage('zh-CN');
    return new TextDocument(pdf, font, options.officeName);
  }

  /** Starts a new A4 page; later text goes onto it. */
  addPage(): void {
    const context = this.pdf.context;
    if (!this.branch || this.pages.length % pagesPerBranch === 0) {
      const rootRef = this.pdf.catalog.get(PDFName.of('Pages')) as PDFRef;
      const tree = PDFPageTree.withContext(context, rootRef);
      const ref = context.register(tree);
      this.pdf.catalog.Pages().pushTreeNode(ref);
      this.branch = { tree, ref };
    }
    const page = PDFPage.create(this.pdf);
    page.setSize(a4.width, a4.height);
    page.node.set(PDFName.of('Resources'), this.resources);
    page.node.set(PDFName.of('Parent'), this.branch.ref);
    this.branch.tree.pushLeafNode(page.ref);
    this.pages.push({ page, lines: [], graphics: [], x: 0, y: 0 });
  }

  /** Width of `text` at `size` points. */
  widthOf(text: string, size: number): number {
    let width = 0;
    for (const character of text) {
      let em = this.widths.get(character);
      if (em === undefined) {
        em = this.font.widthOfTextAtSize(character, 1000) / 1000;
        this.widths.set(character, em);
      }
      width += em;
    }
    return width * size;
  }

  /** Writes one line of text with its baseline starting at (x, y) on the current page. */
  text(text: string, x: number, y: number, size: number): void {
    const current = this.pages.at(-1);
    if (!current) throw new Error('No page to write on: call addPage first');
    this.write(current, text, x, y, size);
  }

  /** Fills black rectangles (x, y of the lower-left corner, width, height in points) on the current page. */
  fillRectangles(rectangles: readonly (readonly [number, number, number, number])[]): void {
    const current = this.pages.at(-1);
    if (!current) throw new Error('No page to draw on: call addPage first');
    if (rectangles.length === 0) return;
    const paths = rectangles.map((rectangle) => `${rectangle.map(coordinate).join(' ')} re`);
    current.graphics.push(`0 g\n${paths.join('\n')}\nf`);
  }

  private write(page: PageEntry, text: string, x: number, y: number, size: number): void {
    const move = `${coordinate(x - page.x)} ${coordinate(y - page.y)}`;
    page.lines.push(`/F0 ${coordinate(size)} Tf ${move} Td <${this.encode(text)}> Tj`);
    page.x = x;
    page.y = y;
  }

  /** The text as hex glyph ids of the embedded font. */
  private encode(text: string): string {
    let hex = '';
    for (const character of text) {
      let glyph = this.glyphs.get(character);
      if (glyph === undefined) {
        if (!this.characters.has(character.codePointAt(0)!)) this.missing.add(character);
        glyph = this.font.encodeText(character).asString();
        this.glyphs.set(character, glyph);
      }
      hex += glyph;
    }
    return hex;
  }

  /** Adds the footer (office name, page n of N) to every page and returns the PDF. */
  async finish(footerSize = 9): Promise<PrintedDocument> {
    const total = this.pages.length;
    const office = this.officeName;
    this.pages.forEach((entry, index) => {
      const label = `第 ${index + 1} 页 共 ${total} 页`;
      this.write(entry, office, margins.left, footerY, footerSize);
      this.write(
        entry,
        label,
        a4.width - margins.right - this.widthOf(label, footerSize),
        footerY,
        footerSize,
      );
    });
    const context = this.pdf.context;
    for (const { page, lines, graphics } of this.pages) {
      const drawn = graphics.length > 0 ? `q\n${graphics.join('\n')}\nQ\n` : '';
      const content = context.flateStream(`${drawn}BT\n${lines.join('\n')}\nET\n`);
      page.node.set(PDFName.of('Contents'), context.register(content));
    }
    const bytes = await this.pdf.save({ objectsPerTick: Number.POSITIVE_INFINITY });
    return { bytes, pages: total, missingCharacters: [...this.missing].sort() };
  }
}
