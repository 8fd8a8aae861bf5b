// The renderers as plain functions (what the year's archive calls), without a database.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderJournalPagePdf, type JournalPageData } from './journal-page.document.js';
import { contentDisposition } from './documents.http.js';
import {
  renderTableCsv,
  renderTablePdf,
  renderTableXlsx,
  type TableDocument,
} from './table-document.js';

const meta = {
  printedAt: new Date('2026-10-26T09:05:00Z'),
  printedBy: 'Завучева Нина',
  locale: 'ru' as const,
  timeZone: 'Asia/Almaty',
};

async function pages(body: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((t) => t.replace(/\s+/g, ' '));
}

function isoDay(offset: number): string {
  const d = new Date(Date.UTC(2026, 8, 1 + offset));
  return d.toISOString().slice(0, 10);
}

// 40 lessons, one a day from 1 September, and 35 students: wider and longer than one sheet.
function bigPage(): JournalPageData {
  const lessons = Array.from({ length: 40 }, (_, i) => ({
    id: `l${i}`,
    date: isoDay(i),
    lessonNumber: 1,
    status: 'HELD',
    topic: `Тема ${i + 1}`,
    homework: [],
  }));
  const students = Array.from({ length: 35 }, (_, i) => ({
    student: { id: `s${i}`, lastName: `Сапарова${i + 1}`, firstName: 'Дана', middleName: null },
    enrolledFrom: '2026-09-01',
    leftOn: null,
    weightedAverage: 4,
    periodMark: { value: '4', special: null },
  }));
  return {
    journalPage: {
      assignment: {
        id: 'a',
        school: { name: 'Школа', timeZone: 'Asia/Almaty' },
        schoolClass: { name: '7Б' },
        subgroup: null,
        individualStudent: null,
        subject: { name: 'Қазақ тілі' },
        teacher: { lastName: 'Сәрсенова', firstName: 'Гүлнұр', middleName: null },
      },
      period: { id: 'p', name: '1 четверть', startsOn: '2026-09-01', endsOn: '2026-10-26' },
      students,
      lessons,
      marks: students.map((s) => ({ studentId: s.student.id, lessonId: 'l0', value: '5' })),
      attendance: [],
    },
  };
}

describe('journal page layout (R-RPT-4)', () => {
  it('R-RPT-4: lessons that do not fit continue on the next sheet with the header repeated; the period mark follows the last lesson', async () => {
    const text = await pages(await renderJournalPagePdf(bigPage(), meta));
    // 22 lesson columns fit across a landscape sheet: 1–22 Sep, then 23 Sep – 10 Oct on a new
    // sheet. Under the document's header 30 rows fit, so the first columns take two sheets; then
    // the lesson list.
    const grid = text.filter((t) => t.includes('№ Ученик'));
    expect(grid).toEqual(text.slice(0, 3));
    expect(grid[0]).toContain('№ Ученик 01.09 02.09');
    expect(grid[0]).toContain('22.09 1 Сапарова1 Дана 5');
    expect(grid[0]).not.toContain('23.09');
    expect(grid[0]).not.toContain('Итог');
    expect(grid[0]).toContain('30 Сапарова30 Дана 5');
    expect(grid[0]).not.toContain('Сапарова31');
    // The header row repeats on the continuation sheet.
    expect(grid[1]).toMatch(/^№ Ученик 01\.09 .* 22\.09 31 Сапарова31 Дана 5/);
    expect(grid[1]).toContain('35 Сапарова35 Дана 5');
    expect(grid[2]).toContain('№ Ученик 23.09');
    expect(grid[2]).toContain('10.10 Итог 1 Сапарова1 Дана 4');
    expect(text.at(-1)).toContain('Тема 40');
    expect(text[0]).toContain('Қазақ тілі');
    expect(text[0]).toContain('Сәрсенова Гүлнұр');
    // The school's time: 09:05 UTC is 14:05 in Almaty.
    expect(text[0]).toContain('Напечатано 26.10.2026, 14:05, Завучева Нина');
    expect(text[0]).toContain(`стр. 1 из ${text.length}`);
  });
});

const table: TableDocument = {
  title: 'Успеваемость',
  lines: ['5А · 1 четверть'],
  tables: [
    {
      title: 'Итоги',
      columns: [{ label: 'Ученик' }, { label: 'Средний балл', align: 'right' }],
      rows: [
        ['Әлиева Әйгерім', 4.5],
        ['Петрова Маша', null],
      ],
    },
  ],
};

describe('table documents (R-RPT-4)', () => {
  it('R-RPT-4: one table document renders as PDF, XLSX (numbers stay numbers) and CSV', async () => {
    const [pdf] = await pages(await renderTablePdf(table, meta));
    expect(pdf).toContain(
      'Успеваемость 5А · 1 четверть Итоги Ученик Средний балл Әлиева Әйгерім 4.5 Петрова Маша',
    );

    // Made by the system (the year's archive): no person in the footer.
    const [bySystem] = await pages(await renderTablePdf(table));
    expect(bySystem).toMatch(/Напечатано \d\d\.\d\d\.\d{4}, \d\d:\d\d стр\. 1 из 1$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderTableXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Итоги')!;
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['Ученик', 'Средний балл']);
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(['Әлиева Әйгерім', 4.5]);

    const csv = renderTableCsv(table);
    expect(csv.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(parse(csv, { bom: true })).toEqual([
      ['Ученик', 'Средний балл'],
      ['Әлиева Әйгерім', '4.5'],
      ['Петрова Маша', ''],
    ]);
  });

  it('R-RPT-4: the download keeps its Cyrillic name, with an ASCII fallback', () => {
    expect(contentDisposition('5А Математика.pdf')).toBe(
      `attachment; filename="5_ __________.pdf"; filename*=UTF-8''5%D0%90%20%D0%9C%D0%B0%D1%82%D0%B5%D0%BC%D0%B0%D1%82%D0%B8%D0%BA%D0%B0.pdf`,
    );
  });
});
