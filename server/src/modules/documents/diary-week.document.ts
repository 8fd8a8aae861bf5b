// A student's diary for a week: the parent's weekly printout (R-DRY-3, R-RPT-4). Read through the
// `diaryWeek` query, so it shows exactly what the diary shows the person printing it.
import type { Locale } from '../../core/messages.js';
import { fullDate, label, personName } from './labels.js';
import {
  createPdf,
  drawHeader,
  drawHeading,
  drawTable,
  systemPrint,
  type PrintMeta,
} from './pdf-layout.js';
import type { TableDocument } from './table-document.js';

export const DIARY_WEEK_OPERATION = /* GraphQL */ `
  query DiaryWeekDocument($studentId: ID!, $weekOf: String!) {
    diaryWeek(studentId: $studentId, weekOf: $weekOf) {
      startsOn
      endsOn
      student {
        lastName
        firstName
        middleName
      }
      days {
        date
        weekday
        schoolClass {
          name
        }
        lessons {
          date
          lessonNumber
          startsAt
          endsAt
          room
          status
          change
          changeNote
          topic
          subject {
            name
          }
          teacher {
            lastName
            firstName
            middleName
          }
          homework {
            text
          }
          marks {
            value
            comment
            workType {
              name
            }
          }
          attendance {
            status
            minutesLate
          }
        }
      }
    }
  }
`;

/** What DIARY_WEEK_OPERATION answers. */
export interface DiaryWeekData {
  diaryWeek: {
    startsOn: string;
    endsOn: string;
    student: { lastName: string; firstName: string; middleName: string | null };
    days: {
      date: string;
      weekday: number;
      schoolClass: { name: string } | null;
      lessons: {
        date: string;
        lessonNumber: number | null;
        startsAt: string | null;
        endsAt: string | null;
        room: string | null;
        status: string;
        change: string | null;
        changeNote: string | null;
        topic: string | null;
        subject: { name: string };
        teacher: { lastName: string; firstName: string; middleName: string | null };
        homework: { text: string }[];
        marks: { value: string; comment: string | null; workType: { name: string } | null }[];
        attendance: { status: string; minutesLate: number | null } | null;
      }[];
    }[];
  };
}

type Week = DiaryWeekData['diaryWeek'];
type DiaryLesson = Week['days'][number]['lessons'][number];

function weekdayName(locale: Locale, weekday: number): string {
  // ISO weekday: 1 = Monday.
  return label(locale, 'weekdays').split(',')[weekday - 1] ?? '';
}

function lines(week: Week, locale: Locale): string[] {
  const classes = [
    ...new Set(week.days.flatMap((d) => (d.schoolClass ? [d.schoolClass.name] : []))),
  ];
  return [
    `${label(locale, 'student')}: ${personName(week.student)}`,
    ...(classes.length > 0 ? [`${label(locale, 'schoolClass')}: ${classes.join(', ')}`] : []),
    `${label(locale, 'week')}: ${fullDate(week.startsOn)} – ${fullDate(week.endsOn)}`,
  ];
}

function lessonRow(l: DiaryLesson, locale: Locale): string[] {
  const time = l.startsAt && l.endsAt ? `${l.startsAt}–${l.endsAt}` : '';
  const subject = [
    l.subject.name,
    l.status === 'CANCELLED' ? `(${label(locale, 'cancelled')})` : '',
    l.change && l.changeNote ? `${label(locale, 'changed')}: ${l.changeNote}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const marks = l.marks
    .map((m) => (m.workType ? `${m.value} (${m.workType.name})` : m.value))
    .join(', ');
  const attendance = l.attendance
    ? l.attendance.status === 'ABSENT'
      ? label(locale, 'absent')
      : `${label(locale, 'late')}${l.attendance.minutesLate ? ` ${l.attendance.minutesLate}′` : ''}`
    : '';
  return [
    l.lessonNumber === null ? '' : String(l.lessonNumber),
    time,
    subject,
    l.topic ?? '',
    l.homework.map((h) => h.text).join('\n'),
    [marks, attendance].filter(Boolean).join(' · '),
  ];
}

function columns(locale: Locale) {
  return [
    { label: label(locale, 'number'), width: 20, align: 'right' as const },
    { label: label(locale, 'time'), width: 58 },
    { label: label(locale, 'subject'), width: 100 },
    { label: label(locale, 'topic') },
    { label: label(locale, 'homework') },
    { label: label(locale, 'marks'), width: 90 },
  ];
}

const dayTitle = (day: Week['days'][number], locale: Locale) =>
  `${weekdayName(locale, day.weekday)}, ${fullDate(day.date)}`;

/** The week as one table per school day, for XLSX and CSV. */
export function diaryWeekTables(data: DiaryWeekData, locale: Locale): TableDocument {
  const week = data.diaryWeek;
  return {
    title: label(locale, 'diaryWeek'),
    lines: lines(week, locale),
    tables: week.days
      .filter((d) => d.lessons.length > 0)
      .map((day) => ({
        title: dayTitle(day, locale),
        columns: columns(locale),
        rows: day.lessons.map((l) => lessonRow(l, locale)),
      })),
  };
}

export async function renderDiaryWeekPdf(
  data: DiaryWeekData,
  meta: PrintMeta = systemPrint(),
): Promise<Buffer> {
  const { locale } = meta;
  const week = data.diaryWeek;
  const title = label(locale, 'diaryWeek');
  const { doc, finish } = createPdf({ title });
  drawHeader(doc, title, lines(week, locale));
  for (const day of week.days) {
    // Weekends without lessons are left out, as in a paper diary.
    if (day.lessons.length === 0 && day.weekday > 5) {
      continue;
    }
    drawHeading(doc, dayTitle(day, locale));
    if (day.lessons.length === 0) {
      doc.font('regular').fontSize(8).text(label(locale, 'noLessons'));
      doc.moveDown(0.6);
      continue;
    }
    drawTable(
      doc,
      columns(locale),
      day.lessons.map((l) => lessonRow(l, locale)),
    );
  }
  return finish(meta);
}

export const diaryWeekFileName = (data: DiaryWeekData) =>
  `${data.diaryWeek.student.lastName} ${data.diaryWeek.startsOn}`;
