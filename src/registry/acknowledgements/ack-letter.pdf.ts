// The AR as an A4 letter for the post (pdf-lib, standard Helvetica, WinAnsi): the entity and
// service top left, the addressee in the right window of a DL envelope (frame 85 × 33 mm, 110 mm
// from the left edge and 55 mm from the top: legal-rules.md E4), place and date, references,
// « Objet : », then the text; a footer with the chrono and page numbers. Paragraphs are never split
// across pages when they fit on one, so the text reads (and extracts) in one piece.
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { AckBlock } from './ack-document.ts';
import { winAnsiSanitizer } from './win-ansi.ts';

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const LEFT = 20 * MM;
const RIGHT = PAGE.width - 20 * MM;
const TOP = 18 * MM;
const BOTTOM = 22 * MM;
/** The address frame of a DL right-window envelope (legal-rules.md E4, practice). */
export const ADDRESS_WINDOW = { left: 110 * MM, top: 55 * MM, width: 85 * MM, height: 33 * MM };
const WINDOW_PADDING = 3 * MM;

export interface AckLetterInput {
  title: string;
  author: string;
  createdAt: Date;
  sender: { entityName: string; serviceName: string; postal: string[]; phone: string; email: string | null };
  /** At most 6 lines (NF Z10-011), already formatted. */
  addressee: string[];
  placeAndDate: string;
  references: Array<[string, string]>;
  subject: string;
  blocks: AckBlock[];
  footer: string;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  clean: (text: string) => string;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    let line = '';
    for (const word of raw.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
      // a single word wider than the line (a long e-mail address): cut it
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  pages: PDFPage[] = [];
  /** Every string drawn, in order: what the letter says, for the mandatory-mention check. */
  drawn: string[] = [];
  page!: PDFPage;
  /** Distance from the top of the page to the next baseline. */
  y = TOP;

  constructor(private readonly doc: PDFDocument, private readonly fonts: Fonts) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = TOP;
  }

  text(x: number, top: number, text: string, size: number, bold = false, color = rgb(0, 0, 0)) {
    this.drawn.push(text);
    this.page.drawText(text, { x, y: PAGE.height - top, size, font: bold ? this.fonts.bold : this.fonts.regular, color });
  }

  /** A block of wrapped lines at the cursor, moved whole to a new page when it does not fit. */
  lines(lines: string[], options: { x?: number; size?: number; leading?: number; bold?: boolean; before?: number; keepWithNext?: number; marker?: string }) {
    const { x = LEFT, size = 10, leading = 13, bold = false, before = 0, keepWithNext = 0 } = options;
    const height = before + lines.length * leading + keepWithNext;
    if (this.y + height > PAGE.height - BOTTOM && height <= PAGE.height - BOTTOM - TOP) this.newPage();
    else this.y += before;
    lines.forEach((line, i) => {
      if (this.y > PAGE.height - BOTTOM) this.newPage();
      if (i === 0 && options.marker) this.text(x - 4 * MM, this.y, options.marker, size, bold);
      this.text(x, this.y, line, size, bold);
      this.y += leading;
    });
  }
}

export interface RenderedLetter {
  pdf: Buffer;
  /** The text drawn on the pages (after WinAnsi substitutions), lines in reading order. */
  text: string;
  /** The WinAnsi substitution applied, to compare expected words with `text`. */
  clean: (text: string) => string;
}

export async function renderAckLetterPdf(input: AckLetterInput): Promise<RenderedLetter> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = winAnsiSanitizer(regular.getCharacterSet());
  const fonts: Fonts = { regular, bold, clean };
  doc.setTitle(clean(input.title));
  doc.setAuthor(clean(input.author));
  doc.setSubject(clean(input.subject));
  doc.setCreator('Octo');
  doc.setProducer('Octo (pdf-lib)');
  doc.setLanguage('fr-FR');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);

  const w = new Writer(doc, fonts);
  const blockWidth = 85 * MM;

  // Sender: the entity, its service, the service's address and contacts (top left).
  let top = TOP;
  for (const line of wrap(clean(input.sender.entityName), bold, 10.5, blockWidth)) {
    w.text(LEFT, top, line, 10.5, true);
    top += 13;
  }
  for (const line of wrap(clean(input.sender.serviceName), regular, 9.5, blockWidth)) {
    w.text(LEFT, top, line, 9.5);
    top += 12;
  }
  const contacts = [...input.sender.postal, `Tél. : ${input.sender.phone}`, ...(input.sender.email ? [`Courriel : ${input.sender.email}`] : [])];
  for (const line of contacts.flatMap((l) => wrap(clean(l), regular, 9, blockWidth))) {
    w.text(LEFT, top, line, 9, false, rgb(0.2, 0.2, 0.2));
    top += 11;
  }

  // Addressee, in the envelope window; the size shrinks (down to 8 pt) until the longest line fits.
  const addressee = input.addressee.slice(0, 6).map(clean);
  const inner = ADDRESS_WINDOW.width - 2 * WINDOW_PADDING;
  let size = 10;
  while (size > 8 && addressee.some((l) => regular.widthOfTextAtSize(l, size) > inner)) size -= 0.5;
  const leading = size * 1.2;
  addressee.forEach((line, i) => {
    let fitted = line;
    while (regular.widthOfTextAtSize(fitted, size) > inner && fitted.length > 1) fitted = fitted.slice(0, -1);
    w.text(ADDRESS_WINDOW.left + WINDOW_PADDING, ADDRESS_WINDOW.top + WINDOW_PADDING + size * 0.8 + i * leading, fitted, size);
  });

  // Place and date under the window, references and subject on the left.
  const below = ADDRESS_WINDOW.top + ADDRESS_WINDOW.height + 10 * MM;
  w.text(ADDRESS_WINDOW.left + WINDOW_PADDING, below, clean(input.placeAndDate), 10);
  w.y = Math.max(below + 10 * MM, top + 6 * MM);
  for (const [label, value] of input.references) {
    w.lines(wrap(clean(`${label} : ${value}`), regular, 9, RIGHT - LEFT), { size: 9, leading: 11.5 });
  }
  w.lines(wrap(clean(`Objet : ${input.subject}`), bold, 10.5, RIGHT - LEFT), { size: 10.5, leading: 13, bold: true, before: 6 });
  w.y += 8;

  for (const [i, block] of input.blocks.entries()) {
    const next = input.blocks[i + 1];
    if (block.type === 'heading') {
      w.lines(wrap(clean(block.text), bold, 10.5, RIGHT - LEFT), { size: 10.5, leading: 13, bold: true, before: 9, keepWithNext: next ? 26 : 0 });
    } else if (block.type === 'bullet') {
      const indent = LEFT + 6 * MM;
      w.lines(wrap(clean(block.text), regular, 10, RIGHT - indent), { x: indent, before: 2, marker: '–' });
    } else {
      w.lines(wrap(clean(block.text), regular, 10, RIGHT - LEFT), { before: 7 });
    }
  }

  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    page.drawText(clean(`${input.footer} — page ${i + 1}/${total}`), { x: LEFT, y: 10 * MM, size: 7.5, font: regular, color: rgb(0.35, 0.35, 0.35) });
  });
  return { pdf: Buffer.from(await doc.save({ useObjectStreams: false })), text: w.drawn.join('\n'), clean };
}
