// The shared page layout of every printed document (R-RPT-4): a header naming the school, class,
// subject and period; tables that run over pages with their header row repeated; page numbers and
// a "printed at … by …" footer. pdfkit with DejaVu Sans embedded: it covers Cyrillic and the
// Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і), so a journal prints the same in every language.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../core/messages.js';
import { label } from './labels.js';

const require = createRequire(import.meta.url);
// Read once: every document embeds (a subset of) the same two faces.
const FONTS = {
  regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};

/** Who printed the document and when: the footer of every page. */
export interface PrintMeta {
  printedAt: Date;
  /** The printing person's name; null for documents made by the system (the year's archive). */
  printedBy: string | null;
  locale: Locale;
  /** The school's time zone, for the printed-at time. */
  timeZone?: string;
}

export type Pdf = PDFKit.PDFDocument;

/** For documents the system makes (the year's archive): no person, printed now, in Russian. */
export const systemPrint = (): PrintMeta => ({
  printedAt: new Date(),
  printedBy: null,
  locale: 'ru',
});

const MARGIN = 36;
const FOOTER_SPACE = 18;

/** A new A4 document writing into a buffer; `finish` adds footers and resolves to the bytes. */
export function createPdf(options: { title: string; landscape?: boolean }): {
  doc: Pdf;
  finish: (meta: PrintMeta) => Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    info: { Title: options.title, Producer: 'Classbook' },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish: async (meta) => {
      drawFooters(doc, meta);
      doc.end();
      return done;
    },
  };
}

export function formatPrintedAt(meta: PrintMeta): string {
  return new Intl.DateTimeFormat(meta.locale === 'en' ? 'en-GB' : meta.locale, {
    timeZone: meta.timeZone ?? 'UTC',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(meta.printedAt);
}

function drawFooters(doc: Pdf, meta: PrintMeta) {
  const range = doc.bufferedPageRange();
  const printed = meta.printedBy
    ? label(meta.locale, 'printedAtBy', { at: formatPrintedAt(meta), by: meta.printedBy })
    : label(meta.locale, 'printedAt', { at: formatPrintedAt(meta) });
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a new page: lift the margin while we write.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 4;
    const width = doc.page.width - 2 * MARGIN;
    doc.font('regular').fontSize(7).fillColor('#444');
    doc.text(printed, MARGIN, y, { width, align: 'left', lineBreak: false });
    doc.text(label(meta.locale, 'pageOf', { page: i + 1, pages: range.count }), MARGIN, y, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}

/** The document's title and the lines that say what it is about (school, class, subject, period). */
export function drawHeader(doc: Pdf, title: string, lines: string[]) {
  doc.font('bold').fontSize(13).text(title, { align: 'left' });
  doc.font('regular').fontSize(9);
  for (const line of lines) {
    doc.text(line);
  }
  doc.moveDown(0.6);
}

export function drawHeading(doc: Pdf, text: string) {
  ensureSpace(doc, 40);
  doc.font('bold').fontSize(10).text(text, MARGIN, doc.y);
  doc.moveDown(0.2);
}

export interface PdfColumn {
  label: string;
  /** Points; columns without a width share what is left of the line. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export interface PdfTableOptions {
  fontSize?: number;
  headerFontSize?: number;
  /** Cells to shade lightly (the period mark column of a journal page). */
  shadeColumns?: number[];
}

const PAD = 2.5;

function widths(doc: Pdf, columns: PdfColumn[]): number[] {
  const available = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const flexible = columns.filter((c) => c.width === undefined).length;
  const share = flexible > 0 ? Math.max(24, (available - fixed) / flexible) : 0;
  return columns.map((c) => c.width ?? share);
}

function ensureSpace(doc: Pdf, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
  }
}

function rowHeight(doc: Pdf, cells: string[], colWidths: number[]): number {
  let height = 0;
  cells.forEach((cell, i) => {
    const h = doc.heightOfString(cell || ' ', { width: colWidths[i]! - 2 * PAD });
    height = Math.max(height, h);
  });
  return height + 2 * PAD;
}

function drawRow(
  doc: Pdf,
  cells: string[],
  colWidths: number[],
  columns: PdfColumn[],
  height: number,
  shade: Set<number>,
  header: boolean,
) {
  const top = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const w = colWidths[i]!;
    if (header || shade.has(i)) {
      doc
        .rect(x, top, w, height)
        .fillColor(header ? '#e8e8e8' : '#f4f4f4')
        .fill();
      doc.fillColor('black');
    }
    doc.rect(x, top, w, height).lineWidth(0.4).strokeColor('#777').stroke();
    doc.text(cell, x + PAD, top + PAD, {
      width: w - 2 * PAD,
      align: header ? 'center' : (columns[i]!.align ?? 'left'),
      lineBreak: true,
    });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/**
 * A table that continues over as many pages as it needs, its header row repeated on each. Cells
 * wrap within their column; a row is never split between pages.
 */
export function drawTable(
  doc: Pdf,
  columns: PdfColumn[],
  rows: string[][],
  options: PdfTableOptions = {},
) {
  const fontSize = options.fontSize ?? 8;
  const headerFontSize = options.headerFontSize ?? fontSize;
  const shade = new Set(options.shadeColumns ?? []);
  const colWidths = widths(doc, columns);
  const headerCells = columns.map((c) => c.label);
  const header = () => {
    doc.font('bold').fontSize(headerFontSize);
    const h = rowHeight(doc, headerCells, colWidths);
    drawRow(doc, headerCells, colWidths, columns, h, shade, true);
    doc.font('regular').fontSize(fontSize);
  };
  doc.font('bold').fontSize(headerFontSize);
  const headerHeight = rowHeight(doc, headerCells, colWidths);
  doc.font('regular').fontSize(fontSize);
  const firstRow = rows[0] ? rowHeight(doc, rows[0], colWidths) : 0;
  ensureSpace(doc, headerHeight + firstRow);
  doc.x = doc.page.margins.left;
  header();
  for (const row of rows) {
    const h = rowHeight(doc, row, colWidths);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
    }
    drawRow(doc, row, colWidths, columns, h, shade, false);
  }
  doc.moveDown(0.8);
}

/** The width a table of fixed columns may use on the current page. */
export function pageContentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
