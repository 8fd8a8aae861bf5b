// Reading a calendar-thematic plan (КТП) from the CSV or XLSX file a teacher already has. Pure:
// table rows in, plan rows and problems out; nothing here touches the database.
import type { FileProblem, TableRow } from '../../core/table-file.js';

export const MAX_TOPICS = 500;
export const MAX_TITLE = 500;
export const MAX_HOURS = 50;

export interface PlanRow {
  position: number;
  title: string;
  plannedHours: number;
}

const HEADERS = {
  position: /^(№|#|no\.?|n|номер|п\/п|№ ?п\/п)$/i,
  title: /^(тема|тема урока|тақырып|topic|title)/i,
  hours: /^(час|часы|кол-?во час|количество час|сағат|hours)/i,
};

/**
 * The plan in the table: a header row (the first row naming a topic column) then one line per
 * row; blank rows are skipped. Every problem is reported with its row and column, so a teacher
 * fixes the file once rather than once per error.
 */
export function readPlan(table: TableRow[]): { rows: PlanRow[]; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const headerAt = table.findIndex((r) => r.cells.some((c) => HEADERS.title.test(c)));
  if (headerAt < 0) {
    return { rows: [], problems: [{ row: 1, column: null, key: 'import.noTopicColumn' }] };
  }
  const header = table[headerAt]!.cells;
  const col = (re: RegExp) => header.findIndex((c) => re.test(c));
  const titleCol = col(HEADERS.title);
  const positionCol = col(HEADERS.position);
  const hoursCol = col(HEADERS.hours);
  const name = (i: number) => header[i] ?? null;

  const lines: (PlanRow & { row: number })[] = [];
  for (const { row, cells } of table.slice(headerAt + 1)) {
    if (cells.every((c) => c === '')) {
      continue;
    }
    const title = cells[titleCol] ?? '';
    if (!title) {
      problems.push({ row, column: name(titleCol), key: 'import.titleRequired' });
    } else if (title.length > MAX_TITLE) {
      problems.push({
        row,
        column: name(titleCol),
        key: 'input.tooLong',
        params: { max: MAX_TITLE },
      });
    }
    let plannedHours = 1;
    const hoursText = hoursCol >= 0 ? (cells[hoursCol] ?? '') : '';
    if (hoursText) {
      const n = Number(hoursText.replace(',', '.'));
      // The preview still shows the row; 0 stands for hours that could not be read.
      const valid = Number.isInteger(n) && n >= 1 && n <= MAX_HOURS;
      plannedHours = valid ? n : 0;
      if (!valid) {
        problems.push({
          row,
          column: name(hoursCol),
          key: 'import.hours',
          params: { max: MAX_HOURS },
        });
      }
    }
    let position = lines.length + 1;
    const positionText = positionCol >= 0 ? (cells[positionCol] ?? '') : '';
    if (positionText) {
      const n = Number(positionText.replace(/\.$/, ''));
      if (!Number.isInteger(n) || n < 1) {
        problems.push({ row, column: name(positionCol), key: 'import.position' });
      } else if (lines.some((l) => l.position === n)) {
        problems.push({ row, column: name(positionCol), key: 'import.positionDuplicate' });
      } else {
        position = n;
      }
    }
    lines.push({ row, position, title, plannedHours });
  }
  if (lines.length === 0) {
    problems.push({ row: table[headerAt]!.row, column: null, key: 'import.empty' });
  }
  if (lines.length > MAX_TOPICS) {
    problems.push({
      row: lines[MAX_TOPICS]!.row,
      column: null,
      key: 'import.tooManyRows',
      params: { max: MAX_TOPICS },
    });
  }
  // The № column orders the plan; the stored positions are 1..n in that order.
  const rows = [...lines]
    .sort((a, b) => a.position - b.position || a.row - b.row)
    .map((l, i) => ({ position: i + 1, title: l.title, plannedHours: l.plannedHours }));
  return { rows, problems: problems.sort((a, b) => a.row - b.row) };
}
