// The summary sheet of attestation (сводная ведомость, R-RPT-3) ready to certify (R-RPT-4):
// landscape, students × subjects × periods with the year last, the school, class and year above,
// and at the bottom the class teacher's and the director's signature lines, the date and the
// place for the seal. Subjects that do not fit across a sheet continue on the next one with the
// names repeated; students that do not fit down a sheet continue with the header repeated.
import type { Locale } from '../../core/messages.js';
import { fullDate, label } from './labels.js';
import {
  createPdf,
  drawHeader,
  pageContentWidth,
  systemPrint,
  type Pdf,
  type PrintMeta,
} from './pdf-layout.js';
import { reportLabel } from './report-labels.js';
import type { TableDocument } from './table-document.js';

export const SUMMARY_SHEET_OPERATION = /* GraphQL */ `
  query SummarySheetDocument($input: SummarySheetInput!) {
    summarySheet(input: $input) {
      className
      yearName
      schoolName
      classTeacherName
      restricted
      periods {
        id
        name
        kind
      }
      subjects {
        id
        name
        shortName
      }
      students {
        id
        name
        arrived
        enrolledFrom
        leftOn
        marks {
          subjectId
          periodId
          value
          special
        }
      }
    }
  }
`;

export interface SummarySheetData {
  summarySheet: {
    className: string;
    yearName: string;
    schoolName: string;
    classTeacherName: string | null;
    restricted: boolean;
    periods: { id: string; name: string; kind: string }[];
    subjects: { id: string; name: string; shortName: string }[];
    students: {
      id: string;
      name: string;
      arrived: boolean;
      enrolledFrom: string;
      leftOn: string | null;
      marks: {
        subjectId: string;
        periodId: string;
        value: string | null;
        special: string | null;
      }[];
    }[];
  };
}

type Sheet = SummarySheetData['summarySheet'];

/** «2 четверть» → «2 ч.», «I полугодие» → «I п.»; the year keeps its name (as the client shows). */
export function periodShort(p: { name: string; kind: string }): string {
  const [first, second] = p.name.split(/\s+/);
  return p.kind === 'YEAR' || !second ? p.name : `${first} ${second.charAt(0)}.`;
}

function headerLines(sheet: Sheet, locale: Locale): string[] {
  return [
    `${label(locale, 'school')}: ${sheet.schoolName}`,
    `${label(locale, 'schoolClass')}: ${sheet.className} · ${reportLabel(locale, 'year')}: ${sheet.yearName}`,
    ...(sheet.classTeacherName
      ? [`${reportLabel(locale, 'classTeacher')}: ${sheet.classTeacherName}`]
      : []),
    ...(sheet.restricted ? [reportLabel(locale, 'restricted')] : []),
  ];
}

/** A cell: the mark, «осв.» or «н/а». */
function cellsOf(sheet: Sheet, locale: Locale) {
  const cells = new Map<string, string>();
  for (const s of sheet.students) {
    for (const m of s.marks) {
      const text =
        m.special === 'EXEMPT'
          ? label(locale, 'exempt')
          : m.special === 'NOT_ATTESTED'
            ? label(locale, 'notAttested')
            : (m.value ?? '');
      cells.set(`${s.id}/${m.subjectId}/${m.periodId}`, text);
    }
  }
  return (studentId: string, subjectId: string, periodId: string) =>
    cells.get(`${studentId}/${subjectId}/${periodId}`) ?? '';
}

function studentLabel(s: Sheet['students'][number], locale: Locale): string {
  const notes = [
    ...(s.arrived ? [reportLabel(locale, 'arrivedOn', { date: fullDate(s.enrolledFrom) })] : []),
    ...(s.leftOn ? [reportLabel(locale, 'leftOn', { date: fullDate(s.leftOn) })] : []),
  ];
  return notes.length > 0 ? `${s.name} (${notes.join(', ')})` : s.name;
}

/** The sheet as one table, for XLSX and CSV: a column per subject and period. */
export function summarySheetTables(data: SummarySheetData, locale: Locale): TableDocument {
  const sheet = data.summarySheet;
  const cell = cellsOf(sheet, locale);
  return {
    title: reportLabel(locale, 'summarySheet'),
    lines: headerLines(sheet, locale),
    tables: [
      {
        title: sheet.className,
        columns: [
          { label: label(locale, 'number') },
          { label: label(locale, 'student') },
          ...sheet.subjects.flatMap((subject) =>
            sheet.periods.map((p) => ({ label: `${subject.name}: ${periodShort(p)}` })),
          ),
        ],
        rows: sheet.students.map((s, i) => [
          i + 1,
          studentLabel(s, locale),
          ...sheet.subjects.flatMap((subject) =>
            sheet.periods.map((p) => cell(s.id, subject.id, p.id)),
          ),
        ]),
      },
    ],
    landscape: true,
  };
}

export const summarySheetFileName = (data: SummarySheetData) =>
  `${data.summarySheet.className} ${data.summarySheet.yearName.replace('/', '-')}`;

const NUMBER_WIDTH = 20;
const NAME_WIDTH = 150;
const PERIOD_WIDTH = 26;
const MIN_SUBJECT_WIDTH = 64;
const PAD = 2.5;
const SIGNATURES_HEIGHT = 110;

function box(
  doc: Pdf,
  x: number,
  y: number,
  w: number,
  h: number,
  text: string,
  options: { fill?: string; align?: 'left' | 'center' | 'right'; bold?: boolean; size: number },
) {
  if (options.fill) {
    doc.rect(x, y, w, h).fillColor(options.fill).fill();
    doc.fillColor('black');
  }
  doc.rect(x, y, w, h).lineWidth(0.4).strokeColor('#777').stroke();
  doc
    .font(options.bold ? 'bold' : 'regular')
    .fontSize(options.size)
    .text(text, x + PAD, y + PAD, { width: w - 2 * PAD, align: options.align ?? 'left' });
}

/** The signature lines (R-RPT-3: the sheet is certified by the class teacher and the director). */
function drawSignatures(doc: Pdf, sheet: Sheet, locale: Locale) {
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + SIGNATURES_HEIGHT > bottom) {
    doc.addPage();
  }
  const left = doc.page.margins.left;
  let y = Math.max(doc.y + 18, bottom - SIGNATURES_HEIGHT + 10);
  const line = (role: string, name: string | null) => {
    doc.font('regular').fontSize(10);
    doc.text(`${role}`, left, y, { continued: false, lineBreak: false });
    const x = left + 190;
    doc.text('________________', x, y, { lineBreak: false });
    doc.text(`/ ${name ?? '______________________'} /`, x + 110, y, { lineBreak: false });
    doc.fontSize(6.5).fillColor('#555');
    doc.text(reportLabel(locale, 'signature'), x + 30, y + 12, { lineBreak: false });
    doc.text(reportLabel(locale, 'fullName'), x + 150, y + 12, { lineBreak: false });
    doc.fillColor('black');
    y += 30;
  };
  line(reportLabel(locale, 'classTeacher'), sheet.classTeacherName);
  line(reportLabel(locale, 'director'), null);
  doc.font('regular').fontSize(10);
  doc.text(reportLabel(locale, 'dateLine'), left, y, { lineBreak: false });
  doc.font('bold').text(reportLabel(locale, 'seal'), left + 540, y - 24, { lineBreak: false });
  doc.font('regular');
  doc.y = y + 14;
}

/** The sheet as it is printed and certified. */
export async function renderSummarySheetPdf(
  data: SummarySheetData,
  meta: PrintMeta = systemPrint(),
): Promise<Buffer> {
  const { locale } = meta;
  const sheet = data.summarySheet;
  const title = reportLabel(locale, 'summarySheet');
  const { doc, finish } = createPdf({ title, landscape: true });
  drawHeader(doc, title, headerLines(sheet, locale));
  const cell = cellsOf(sheet, locale);
  const periods = sheet.periods;
  // A subject's columns are at least wide enough for its name on two lines.
  const subjectWidth = Math.max(Math.max(1, periods.length) * PERIOD_WIDTH, MIN_SUBJECT_WIDTH);
  const periodWidth = subjectWidth / Math.max(1, periods.length);
  const perSheet = Math.max(
    1,
    Math.floor((pageContentWidth(doc) - NUMBER_WIDTH - NAME_WIDTH) / subjectWidth),
  );
  const chunks: (typeof sheet.subjects)[] = [];
  for (let i = 0; i < sheet.subjects.length || chunks.length === 0; i += perSheet) {
    chunks.push(sheet.subjects.slice(i, i + perSheet));
  }
  const left = doc.page.margins.left;
  const headSize = 6.5;
  const bodySize = 8;

  const drawHead = (subjects: typeof sheet.subjects) => {
    doc.font('bold').fontSize(headSize);
    const subjectHeight = Math.max(
      14,
      ...subjects.map(
        (s) => doc.heightOfString(s.name, { width: subjectWidth - 2 * PAD }) + 2 * PAD,
      ),
    );
    const periodHeight = Math.max(
      12,
      ...periods.map(
        (p) => doc.heightOfString(periodShort(p), { width: periodWidth - 2 * PAD }) + 2 * PAD,
      ),
    );
    const top = doc.y;
    const both = subjectHeight + periodHeight;
    const head = { fill: '#e8e8e8', bold: true, size: headSize, align: 'center' as const };
    box(doc, left, top, NUMBER_WIDTH, both, label(locale, 'number'), head);
    box(doc, left + NUMBER_WIDTH, top, NAME_WIDTH, both, label(locale, 'student'), head);
    let x = left + NUMBER_WIDTH + NAME_WIDTH;
    for (const subject of subjects) {
      box(doc, x, top, subjectWidth, subjectHeight, subject.name, head);
      periods.forEach((p, i) => {
        const fill = p.kind === 'YEAR' ? '#d8d8d8' : '#e8e8e8';
        box(
          doc,
          x + i * periodWidth,
          top + subjectHeight,
          periodWidth,
          periodHeight,
          periodShort(p),
          {
            ...head,
            fill,
          },
        );
      });
      x += subjectWidth;
    }
    doc.y = top + both;
  };

  chunks.forEach((subjects, index) => {
    if (index > 0) {
      doc.addPage(); // the next sheet of subjects, names repeated
    }
    drawHead(subjects);
    sheet.students.forEach((s, i) => {
      const name = studentLabel(s, locale);
      doc.font('regular').fontSize(bodySize);
      const height = Math.max(
        13,
        doc.heightOfString(name, { width: NAME_WIDTH - 2 * PAD }) + 2 * PAD,
      );
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        drawHead(subjects);
      }
      const top = doc.y;
      const body = { size: bodySize };
      box(doc, left, top, NUMBER_WIDTH, height, String(i + 1), { ...body, align: 'right' });
      box(doc, left + NUMBER_WIDTH, top, NAME_WIDTH, height, name, body);
      let x = left + NUMBER_WIDTH + NAME_WIDTH;
      for (const subject of subjects) {
        periods.forEach((p, pi) => {
          box(doc, x + pi * periodWidth, top, periodWidth, height, cell(s.id, subject.id, p.id), {
            ...body,
            align: 'center',
            bold: p.kind === 'YEAR',
            fill: p.kind === 'YEAR' ? '#f4f4f4' : undefined,
          });
        });
        x += subjectWidth;
      }
      doc.y = top + height;
    });
    doc.x = left;
  });
  drawSignatures(doc, sheet, locale);
  return finish(meta);
}
