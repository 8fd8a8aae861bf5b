// Printing and export (issue 7, R-RPT-4, R-DRY-3). The renderers are plain functions so that the
// year's archive can call them with data it read through the same operations.
export { handleDocument, isDocumentPath, type DocumentsDeps } from './documents.http.js';
export {
  DIARY_WEEK_OPERATION,
  diaryWeekTables,
  renderDiaryWeekPdf,
  type DiaryWeekData,
} from './diary-week.document.js';
export {
  JOURNAL_PAGE_OPERATION,
  journalPageTables,
  renderJournalPagePdf,
  type JournalPageData,
} from './journal-page.document.js';
export { buildOneRosterZip, oneRosterFiles } from './oneroster.js';
export { systemPrint, type PrintMeta } from './pdf-layout.js';
export { defineDocument, documentRegistry, type RegisteredDocument } from './registry.js';
export {
  renderTableCsv,
  renderTablePdf,
  renderTableXlsx,
  type DocumentTable,
  type TableDocument,
} from './table-document.js';
