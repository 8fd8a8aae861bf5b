// Every downloadable document in one list: the GraphQL operation that reads its data, the URL
// parameters it takes, and how it renders. A document never reads the database on its own
// authority: the operation runs through the schema and its shield for the caller (documents.http.ts),
// so whoever may not read the data through GraphQL cannot download it either (R-RPT-4).
//
// A report becomes printable and exportable with one entry: its query, a zod schema for its
// parameters, and `toTables` (PDF, XLSX and CSV all follow from the tables).
import { z } from 'zod';
import { assertUnreachable } from '../../core/errors.js';
import type { Locale } from '../../core/messages.js';
import {
  DIARY_WEEK_OPERATION,
  diaryWeekFileName,
  diaryWeekTables,
  renderDiaryWeekPdf,
  type DiaryWeekData,
} from './diary-week.document.js';
import {
  JOURNAL_PAGE_OPERATION,
  journalPageFileName,
  journalPageTables,
  renderJournalPagePdf,
  type JournalPageData,
} from './journal-page.document.js';
import type { PrintMeta } from './pdf-layout.js';
import {
  renderTableCsv,
  renderTablePdf,
  renderTableXlsx,
  type TableDocument,
} from './table-document.js';

export type DocumentFormat = 'pdf' | 'xlsx' | 'csv';

export interface DocumentEntry<Params, Data> {
  /** The GraphQL operation (one query) whose answer the document shows. */
  operation: string;
  /** The URL's query parameters (all strings), checked before anything runs. */
  params: z.ZodType<Params>;
  /** The operation's variables; by default the parameters themselves. */
  variables?: (params: Params) => Record<string, unknown>;
  /** The data as tables: XLSX, CSV and (unless `pdf` is given) PDF. */
  toTables?: (data: Data, locale: Locale) => TableDocument;
  /** A PDF in its own layout (the journal page, the diary). */
  pdf?: (data: Data, meta: PrintMeta) => Promise<Buffer>;
  /** The downloaded file's name without its extension. */
  fileName: (data: Data, params: Params) => string;
}

/** An entry with its types sealed in: what the HTTP handler and the archive work with. */
export interface RegisteredDocument {
  operation: string;
  formats: DocumentFormat[];
  /** The operation's variables, or the names of the parameters at fault. */
  parse(
    query: Record<string, string>,
  ):
    | { ok: true; variables: Record<string, unknown>; params: unknown }
    | { ok: false; fields: string[] };
  /** Renders the operation's answer (`data`) for those parameters. */
  render(
    format: DocumentFormat,
    data: unknown,
    params: unknown,
    meta: PrintMeta,
  ): Promise<{ body: Buffer; fileName: string }>;
}

export function defineDocument<Params extends Record<string, unknown>, Data>(
  entry: DocumentEntry<Params, Data>,
): RegisteredDocument {
  const formats: DocumentFormat[] = [
    ...(entry.pdf || entry.toTables ? (['pdf'] as const) : []),
    ...(entry.toTables ? (['xlsx', 'csv'] as const) : []),
  ];
  return {
    operation: entry.operation,
    formats,
    parse(query) {
      const parsed = entry.params.safeParse(query);
      if (!parsed.success) {
        const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '?'))];
        return { ok: false, fields };
      }
      return {
        ok: true,
        params: parsed.data,
        variables: entry.variables ? entry.variables(parsed.data) : parsed.data,
      };
    },
    async render(format, data, params, meta) {
      // The operation is ours and its answer has passed the schema: the shape is `Data`.
      const typed = data as Data;
      const fileName = entry.fileName(typed, params as Params);
      if (format === 'pdf') {
        if (entry.pdf) {
          return { body: await entry.pdf(typed, meta), fileName };
        }
        return { body: await renderTablePdf(entry.toTables!(typed, meta.locale), meta), fileName };
      }
      if (!entry.toTables) {
        throw new Error(`document has no ${format} form`);
      }
      const tables = entry.toTables(typed, meta.locale);
      switch (format) {
        case 'xlsx':
          return { body: await renderTableXlsx(tables), fileName };
        case 'csv':
          return { body: renderTableCsv(tables), fileName };
        default:
          return assertUnreachable(format);
      }
    },
  };
}

const id = z.uuid();
const isoDate = z.iso.date();

/**
 * name → document. The lead wires the reports here (journalControl, userActivity,
 * performanceReport, attendanceReport, summarySheet, explainAverage) with one entry each.
 */
export const documentRegistry: Record<string, RegisteredDocument> = {
  'journal-page': defineDocument<{ assignmentId: string; periodId: string }, JournalPageData>({
    operation: JOURNAL_PAGE_OPERATION,
    params: z.object({ assignmentId: id, periodId: id }),
    toTables: journalPageTables,
    pdf: renderJournalPagePdf,
    fileName: journalPageFileName,
  }),
  // R-DRY-3: the parent's weekly printout.
  'diary-week': defineDocument<{ studentId: string; weekOf: string }, DiaryWeekData>({
    operation: DIARY_WEEK_OPERATION,
    params: z.object({ studentId: id, weekOf: isoDate }),
    toTables: diaryWeekTables,
    pdf: renderDiaryWeekPdf,
    fileName: diaryWeekFileName,
  }),
};
