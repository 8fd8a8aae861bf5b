// A journal page for a period in the paper journal's layout (R-RPT-4): on the left, students by
// lesson dates with marks and absences, the period mark right after the last lesson; on the right,
// the lessons with their dates, topics and homework. Read through the `journalPage` query.
import type { Locale } from '../../core/messages.js';
import { dayMonth, fullDate, label, personName } from './labels.js';
import {
  createPdf,
  drawHeader,
  drawHeading,
  drawTable,
  pageContentWidth,
  systemPrint,
  type PrintMeta,
} from './pdf-layout.js';
import type { DocumentTable, TableDocument } from './table-document.js';

export const JOURNAL_PAGE_OPERATION = /* GraphQL */ `
  query JournalPageDocument($assignmentId: ID!, $periodId: ID!) {
    journalPage(assignmentId: $assignmentId, periodId: $periodId) {
      assignment {
        id
        school {
          name
          timeZone
        }
        schoolClass {
          name
        }
        subgroup {
          name
        }
        individualStudent {
          lastName
          firstName
        }
        subject {
          name
        }
        teacher {
          lastName
          firstName
          middleName
        }
      }
      period {
        id
        name
        startsOn
        endsOn
      }
      students {
        student {
          id
          lastName
          firstName
          middleName
        }
        enrolledFrom
        leftOn
        weightedAverage
        periodMark {
          value
          special
        }
      }
      lessons {
        id
        date
        lessonNumber
        status
        topic
        homework {
          text
        }
      }
      marks {
        studentId
        lessonId
        value
      }
      attendance {
        studentId
        lessonId
        status
      }
    }
  }
`;

interface Name {
  lastName: string;
  firstName: string;
  middleName?: string | null;
}

/** What JOURNAL_PAGE_OPERATION answers. */
export interface JournalPageData {
  journalPage: {
    assignment: {
      id: string;
      school: { name: string; timeZone: string };
      schoolClass: { name: string };
      subgroup: { name: string } | null;
      individualStudent: Name | null;
      subject: { name: string };
      teacher: Name;
    };
    period: { id: string; name: string; startsOn: string; endsOn: string };
    students: {
      student: Name & { id: string };
      enrolledFrom: string;
      leftOn: string | null;
      weightedAverage: number | null;
      periodMark: { value: string | null; special: string | null } | null;
    }[];
    lessons: {
      id: string;
      date: string;
      lessonNumber: number | null;
      status: string;
      topic: string | null;
      homework: { text: string }[];
    }[];
    marks: { studentId: string; lessonId: string; value: string }[];
    attendance: { studentId: string; lessonId: string; status: string }[];
  };
}

type Page = JournalPageData['journalPage'];

function headerLines(page: Page, locale: Locale): string[] {
  const a = page.assignment;
  const group = a.subgroup
    ? ` · ${label(locale, 'subgroup')}: ${a.subgroup.name}`
    : a.individualStudent
      ? ` · ${label(locale, 'individual')}: ${personName(a.individualStudent)}`
      : '';
  return [
    `${label(locale, 'school')}: ${a.school.name}`,
    `${label(locale, 'schoolClass')}: ${a.schoolClass.name}${group} · ${label(locale, 'subject')}: ${a.subject.name}`,
    `${label(locale, 'teacher')}: ${personName(a.teacher)}`,
    `${label(locale, 'period')}: ${page.period.name} (${fullDate(page.period.startsOn)} – ${fullDate(page.period.endsOn)})`,
  ];
}

/** The lessons a paper journal shows: those not cancelled, in date order (as the query gives). */
const shownLessons = (page: Page) => page.lessons.filter((l) => l.status !== 'CANCELLED');

/** Column heads by date; a second lesson on the same day gets its number ("14.09/2"). */
function lessonHeads(lessons: Page['lessons']): string[] {
  const perDate = new Map<string, number>();
  for (const l of lessons) {
    perDate.set(l.date, (perDate.get(l.date) ?? 0) + 1);
  }
  return lessons.map((l) =>
    (perDate.get(l.date) ?? 0) > 1 && l.lessonNumber !== null
      ? `${dayMonth(l.date)}/${l.lessonNumber}`
      : dayMonth(l.date),
  );
}

/** What a grid cell shows: the marks, then "н" for an absence or "оп" for lateness. */
function gridCells(page: Page, locale: Locale) {
  const cells = new Map<string, string[]>();
  const key = (studentId: string, lessonId: string) => `${studentId}:${lessonId}`;
  for (const m of page.marks) {
    const k = key(m.studentId, m.lessonId);
    cells.set(k, [...(cells.get(k) ?? []), m.value]);
  }
  for (const a of page.attendance) {
    const k = key(a.studentId, a.lessonId);
    const sign = a.status === 'ABSENT' ? label(locale, 'absent') : label(locale, 'late');
    cells.set(k, [...(cells.get(k) ?? []), sign]);
  }
  return (studentId: string, lessonId: string) =>
    (cells.get(key(studentId, lessonId)) ?? []).join('/');
}

function periodMarkText(mark: Page['students'][number]['periodMark'], locale: Locale): string {
  if (!mark) {
    return '';
  }
  if (mark.special === 'EXEMPT') {
    return label(locale, 'exempt');
  }
  if (mark.special === 'NOT_ATTESTED') {
    return label(locale, 'notAttested');
  }
  return mark.value ?? '';
}

function studentLabel(s: Page['students'][number], page: Page, locale: Locale): string {
  const notes: string[] = [];
  if (s.enrolledFrom > page.period.startsOn) {
    notes.push(label(locale, 'arrived', { date: dayMonth(s.enrolledFrom) }));
  }
  if (s.leftOn) {
    notes.push(label(locale, 'left', { date: dayMonth(s.leftOn) }));
  }
  const name = personName({ ...s.student, middleName: null });
  return notes.length > 0 ? `${name} (${notes.join(', ')})` : name;
}

function lessonListRows(page: Page): string[][] {
  return shownLessons(page).map((l, i) => [
    String(i + 1),
    fullDate(l.date),
    l.topic ?? '',
    l.homework.map((h) => h.text).join('\n'),
  ]);
}

/** The page as tables, for XLSX and CSV (and for any report that wants the same grid). */
export function journalPageTables(data: JournalPageData, locale: Locale): TableDocument {
  const page = data.journalPage;
  const lessons = shownLessons(page);
  const cell = gridCells(page, locale);
  const grid: DocumentTable = {
    title: label(locale, 'marksAndAttendance'),
    columns: [
      { label: label(locale, 'number') },
      { label: label(locale, 'student') },
      ...lessonHeads(lessons).map((h) => ({ label: h })),
      { label: label(locale, 'periodMark') },
      { label: label(locale, 'average') },
    ],
    rows: page.students.map((s, i) => [
      i + 1,
      studentLabel(s, page, locale),
      ...lessons.map((l) => cell(s.student.id, l.id)),
      periodMarkText(s.periodMark, locale),
      s.weightedAverage === null ? null : Math.round(s.weightedAverage * 100) / 100,
    ]),
  };
  const list: DocumentTable = {
    title: label(locale, 'lessonList'),
    columns: [
      { label: label(locale, 'number') },
      { label: label(locale, 'date') },
      { label: label(locale, 'topic') },
      { label: label(locale, 'homework') },
    ],
    rows: lessonListRows(page),
  };
  return {
    title: label(locale, 'journalPage'),
    lines: headerLines(page, locale),
    tables: [grid, list],
    landscape: true,
  };
}

const NUMBER_WIDTH = 18;
const NAME_WIDTH = 150;
const LESSON_WIDTH = 25;
const PERIOD_MARK_WIDTH = 34;

/**
 * The page as the paper journal prints it. Lessons that do not fit across the sheet continue on
 * the next one with the names repeated; the period mark stands after the last lesson's column.
 */
export async function renderJournalPagePdf(
  data: JournalPageData,
  meta: PrintMeta = systemPrint(),
): Promise<Buffer> {
  const { locale } = meta;
  const page = data.journalPage;
  const title = label(locale, 'journalPage');
  const { doc, finish } = createPdf({ title, landscape: true });
  drawHeader(doc, title, headerLines(page, locale));

  const lessons = shownLessons(page);
  const heads = lessonHeads(lessons);
  const cell = gridCells(page, locale);
  const perSheet = Math.max(
    1,
    Math.floor(
      (pageContentWidth(doc) - NUMBER_WIDTH - NAME_WIDTH - PERIOD_MARK_WIDTH) / LESSON_WIDTH,
    ),
  );
  const chunks: number[][] = [];
  for (let start = 0; start < lessons.length || chunks.length === 0; start += perSheet) {
    chunks.push(
      Array.from({ length: Math.min(perSheet, lessons.length - start) }, (_, i) => start + i),
    );
  }
  drawHeading(doc, label(locale, 'marksAndAttendance'));
  chunks.forEach((chunk, index) => {
    const last = index === chunks.length - 1;
    if (index > 0) {
      doc.addPage(); // a new sheet of the paper journal
    }
    const columns = [
      { label: label(locale, 'number'), width: NUMBER_WIDTH, align: 'right' as const },
      { label: label(locale, 'student'), width: NAME_WIDTH },
      ...chunk.map((i) => ({ label: heads[i]!, width: LESSON_WIDTH, align: 'center' as const })),
      ...(last
        ? [
            {
              label: label(locale, 'periodMark'),
              width: PERIOD_MARK_WIDTH,
              align: 'center' as const,
            },
          ]
        : []),
    ];
    const rows = page.students.map((s, i) => [
      String(i + 1),
      studentLabel(s, page, locale),
      ...chunk.map((li) => cell(s.student.id, lessons[li]!.id)),
      ...(last ? [periodMarkText(s.periodMark, locale)] : []),
    ]);
    drawTable(doc, columns, rows, {
      fontSize: 7.5,
      headerFontSize: 6,
      shadeColumns: last ? [columns.length - 1] : [],
    });
  });

  doc.addPage();
  drawHeading(doc, label(locale, 'lessonList'));
  drawTable(
    doc,
    [
      { label: label(locale, 'number'), width: 24, align: 'right' },
      { label: label(locale, 'date'), width: 62 },
      { label: label(locale, 'topic') },
      { label: label(locale, 'homework') },
    ],
    lessonListRows(page),
  );
  return finish({ ...meta, timeZone: meta.timeZone ?? page.assignment.school.timeZone });
}

export const journalPageFileName = (data: JournalPageData) => {
  const a = data.journalPage.assignment;
  return `${a.schoolClass.name} ${a.subject.name} ${data.journalPage.period.name}`;
};
