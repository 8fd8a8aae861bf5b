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
  JOURNAL_CONTROL_OPERATION,
  journalControlFileName,
  journalControlTables,
  USER_ACTIVITY_OPERATION,
  userActivityFileName,
  userActivityTables,
  type JournalControlData,
  type UserActivityData,
} from './control-documents.js';
import {
  ATTENDANCE_OPERATION,
  attendanceFileName,
  attendanceTables,
  EXPLAIN_OPERATION,
  explainFileName,
  explainTables,
  PERFORMANCE_OPERATION,
  performanceFileName,
  performanceTables,
  type AttendanceData,
  type ExplainData,
  type PerformanceData,
} from './report-documents.js';
import {
  renderSummarySheetPdf,
  SUMMARY_SHEET_OPERATION,
  summarySheetFileName,
  summarySheetTables,
  type SummarySheetData,
} from './summary-sheet.document.js';
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
const month = z.string().regex(/^\d{4}-\d{2}$/);
/** Optional ids arrive as absent or as an empty string (an unset form field). */
const optionalId = z
  .union([id, z.literal('')])
  .optional()
  .transform((v) => v || null);
/** The report queries take one `input`: the URL parameters are its fields. */
const asInput = <P extends Record<string, unknown>>(params: P) => ({ input: params });

/** name → document: each report of issue 7 with one entry (R-RPT-4: PDF, XLSX and CSV). */
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
  // R-CTL-1: the control figures per class, teacher and page.
  'journal-control': defineDocument<
    {
      from: string;
      to: string;
      schoolId: string | null;
      schoolClassId: string | null;
      teacherId: string | null;
    },
    JournalControlData
  >({
    operation: JOURNAL_CONTROL_OPERATION,
    params: z.object({
      from: isoDate,
      to: isoDate,
      schoolId: optionalId,
      schoolClassId: optionalId,
      teacherId: optionalId,
    }),
    variables: asInput,
    toTables: journalControlTables,
    fileName: journalControlFileName,
  }),
  // R-RPT-1: monthly user activity.
  'user-activity': defineDocument<{ month: string; schoolId: string | null }, UserActivityData>({
    operation: USER_ACTIVITY_OPERATION,
    params: z.object({ month, schoolId: optionalId }),
    variables: asInput,
    toTables: userActivityTables,
    fileName: userActivityFileName,
  }),
  // R-RPT-2: performance and quality by class, subject and teacher, with the names.
  'performance-report': defineDocument<
    { periodId: string; schoolClassId: string | null },
    PerformanceData
  >({
    operation: PERFORMANCE_OPERATION,
    params: z.object({ periodId: id, schoolClassId: optionalId }),
    variables: asInput,
    toTables: performanceTables,
    fileName: performanceFileName,
  }),
  'attendance-report': defineDocument<
    { from: string; to: string; schoolClassId: string | null; schoolId: string | null },
    AttendanceData
  >({
    operation: ATTENDANCE_OPERATION,
    params: z.object({
      from: isoDate,
      to: isoDate,
      schoolClassId: optionalId,
      schoolId: optionalId,
    }),
    variables: asInput,
    toTables: attendanceTables,
    fileName: attendanceFileName,
  }),
  // R-RPT-3: the summary sheet, printed ready to certify.
  'summary-sheet': defineDocument<{ schoolClassId: string }, SummarySheetData>({
    operation: SUMMARY_SHEET_OPERATION,
    params: z.object({ schoolClassId: id }),
    variables: asInput,
    toTables: summarySheetTables,
    pdf: renderSummarySheetPdf,
    fileName: summarySheetFileName,
  }),
  'explain-average': defineDocument<
    {
      studentId: string;
      periodId: string;
      assignmentId: string | null;
      subjectId: string | null;
    },
    ExplainData
  >({
    operation: EXPLAIN_OPERATION,
    params: z.object({
      studentId: id,
      periodId: id,
      assignmentId: optionalId,
      subjectId: optionalId,
    }),
    variables: asInput,
    toTables: explainTables,
    fileName: explainFileName,
  }),
};
