// A "table document": a title, lines saying what it is about, and one or more tables. Every report
// becomes one (registry.ts) and prints as PDF or exports as XLSX and CSV (R-RPT-4).
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
  createPdf,
  drawHeader,
  drawHeading,
  drawTable,
  systemPrint,
  type PrintMeta,
} from './pdf-layout.js';

export type Cell = string | number | null;

export interface DocumentTable {
  /** Printed above the table (and the XLSX sheet name); omit for a lone table. */
  title?: string;
  columns: { label: string; width?: number; align?: 'left' | 'center' | 'right' }[];
  rows: Cell[][];
  /** Columns shaded in print, e.g. the period mark column of a journal page. */
  shadeColumns?: number[];
  fontSize?: number;
}

export interface TableDocument {
  title: string;
  /** School, class, subject, period…: what the document is about. */
  lines: string[];
  tables: DocumentTable[];
  /** Wide tables print across the page. */
  landscape?: boolean;
}

const text = (cell: Cell) => (cell === null ? '' : String(cell));

export async function renderTablePdf(
  document: TableDocument,
  meta: PrintMeta = systemPrint(),
): Promise<Buffer> {
  const { doc, finish } = createPdf({ title: document.title, landscape: document.landscape });
  drawHeader(doc, document.title, document.lines);
  for (const table of document.tables) {
    if (table.title) {
      drawHeading(doc, table.title);
    }
    drawTable(
      doc,
      table.columns,
      table.rows.map((row) => row.map(text)),
      {
        shadeColumns: table.shadeColumns,
        fontSize: table.fontSize,
      },
    );
  }
  return finish(meta);
}

// Excel forbids []:*?/\ in sheet names and cuts them at 31 characters; names must be unique.
function sheetName(title: string | undefined, index: number, used: Set<string>): string {
  let name = (title ?? `${index + 1}`).replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || `${index + 1}`;
  while (used.has(name)) {
    name = `${name.slice(0, 28)} ${index + 1}`;
  }
  used.add(name);
  return name;
}

export async function renderTableXlsx(document: TableDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = document.title;
  workbook.creator = 'Classbook';
  const used = new Set<string>();
  document.tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(sheetName(table.title ?? document.title, index, used));
    sheet.addRow([document.title]).font = { bold: true, size: 13 };
    for (const line of document.lines) {
      sheet.addRow([line]);
    }
    sheet.addRow([]);
    const header = sheet.addRow(table.columns.map((c) => c.label));
    header.font = { bold: true };
    // Numbers stay numbers, so a spreadsheet can sum and average them.
    for (const row of table.rows) {
      sheet.addRow(row.map((cell) => (cell === null ? null : cell)));
    }
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
    table.columns.forEach((c, i) => {
      const longest = Math.max(c.label.length, ...table.rows.map((r) => text(r[i] ?? null).length));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(6, longest + 2));
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * UTF-8 with a byte-order mark, so Excel opens Cyrillic right. Several tables follow one another,
 * each after its title and a blank line.
 */
export function renderTableCsv(document: TableDocument): Buffer {
  const records: Cell[][] = [];
  document.tables.forEach((table, index) => {
    if (index > 0) {
      records.push([]);
    }
    if (document.tables.length > 1 && table.title) {
      records.push([table.title]);
    }
    records.push(table.columns.map((c) => c.label));
    records.push(...table.rows);
  });
  return Buffer.from(stringify(records, { bom: true, record_delimiter: 'windows' }), 'utf8');
}
