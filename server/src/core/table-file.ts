// Reading a table from a CSV or XLSX file people already have (a teacher's plan, the records
// clerk's lists). Pure apart from the GraphQL types: bytes in, rows of text out; the importers
// give the rows their meaning and report problems per row and column.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { assertUnreachable, badInput, DomainError, ErrorCode } from './errors.js';
import { translate, type Locale, type MessageKey, type MessageParams } from './messages.js';

export enum ImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ImportFormat, { name: 'ImportFormat', description: 'A table file format.' });

@ObjectType({ description: 'What is wrong with one cell or row of an imported file.' })
export class ImportProblem {
  @Field(() => Int, { description: 'Row number in the file, from 1 (the header is row 1).' })
  row!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The column as headed in the file; null: the whole row or file.',
  })
  column!: string | null;

  @Field(() => String, { description: 'Stable problem key, e.g. import.titleRequired.' })
  code!: string;

  @Field(() => String, { description: 'What is wrong, in the viewer’s language.' })
  message!: string;
}

/** A row of cells with its 1-based row number in the file. */
export interface TableRow {
  row: number;
  cells: string[];
}

export interface FileProblem {
  row: number;
  column: string | null;
  key: MessageKey;
  params?: MessageParams;
}

/** 1 MB of table is far more than a school's lists or a year's plan; bigger is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The file as rows of trimmed text; null when it cannot be read as the format at all. */
export async function readTable(bytes: Buffer, format: ImportFormat): Promise<TableRow[] | null> {
  switch (format) {
    case ImportFormat.CSV:
      return readCsv(bytes);
    case ImportFormat.XLSX:
      return readXlsx(bytes);
    default:
      return assertUnreachable(format);
  }
}

/**
 * Decodes a base64 upload and reads it as a table; BAD_USER_INPUT on `field` when it is too large
 * or cannot be read at all (problems inside a readable file are the importer's to list).
 */
export async function readUploadedTable(
  fileBase64: string,
  format: ImportFormat,
  field: string,
): Promise<TableRow[]> {
  if (fileBase64.length > Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4) {
    throw badInput(field, 'import.tooLarge', { max: MAX_FILE_BYTES / 1024 });
  }
  const table = await readTable(Buffer.from(fileBase64, 'base64'), format);
  if (!table) {
    throw badInput(field, 'import.unreadable');
  }
  return table;
}

/** Problems in the viewer's language, sorted by row. */
export function describeProblems(problems: FileProblem[], locale: Locale): ImportProblem[] {
  return [...problems]
    .sort((a, b) => a.row - b.row)
    .map((p) => ({
      row: p.row,
      column: p.column,
      code: p.key,
      message: translate(locale, p.key, p.params),
    }));
}

/** A real run over a file with problems: nothing is written, the problems travel with the error. */
export function fileHasProblems(field: string, problems: ImportProblem[]): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, 'import.hasProblems', {
    field,
    details: { problems },
  });
}

/**
 * Excel in Russian locales saves CSV with semicolons, others with commas or tabs. The one used most
 * in the first lines wins: taking all three at once would split "Сложение, вычитание".
 */
function delimiterOf(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('utf8').split(/\r?\n/).slice(0, 20).join('\n');
  const counts = [';', ',', '\t'].map((d) => [d, head.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function readCsv(bytes: Buffer): TableRow[] | null {
  try {
    const records = parse(bytes, {
      bom: true,
      delimiter: delimiterOf(bytes),
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({
      row: info.lines,
      cells: record.map((c) => c.trim()),
    }));
  } catch {
    return null;
  }
}

/**
 * A cell as the person sees it. Dates become ISO `YYYY-MM-DD`: exceljs stores a date cell as a
 * UTC midnight, and its `text` would be a JavaScript date string in the server's time zone.
 */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  return cell.text.trim();
}

async function readXlsx(bytes: Buffer): Promise<TableRow[] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    return null;
  }
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) {
      cells.push(cellText(row.getCell(i)));
    }
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}
