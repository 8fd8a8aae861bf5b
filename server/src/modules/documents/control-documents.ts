// Journal control (R-CTL-1) and monthly user activity (R-RPT-1) as documents: their figures per
// class, teacher and page as tables, printed and exported through table-document.ts (R-RPT-4).
import type { Locale } from '../../core/messages.js';
import { fullDate, label } from './labels.js';
import { percentOf, reportLabel, roleName, type ReportLabelKey } from './report-labels.js';
import type { Cell, DocumentTable, TableDocument } from './table-document.js';

const COUNTS = 'count';
const SHARE = 'count total share';
const FIGURES = /* GraphQL */ `
  fragment DocumentControlFigures on ControlFigures {
    lessonsHeld
    lessonsPlanned
    completion
    lessonsWithoutTopic { ${COUNTS} }
    lessonsWithoutHomework { ${COUNTS} }
    lateMarks { ${COUNTS} }
    lateWrittenMarks { ${COUNTS} }
    lessonsWithoutAttendance { ${COUNTS} }
    studentsWithoutMarks { ${SHARE} }
    studentsWithOneMark { ${SHARE} }
    periodMarksMissing { ${COUNTS} }
    periodMarksLate { ${COUNTS} }
  }
`;
const SIGN_INS = 'signIns { students { total signedIn share } parents { total signedIn share } }';

export const JOURNAL_CONTROL_OPERATION = /* GraphQL */ `
  ${FIGURES}
  query JournalControlDocument($input: JournalControlInput!) {
    journalControl(input: $input) {
      from
      to
      total { ...DocumentControlFigures unansweredMessages { count } ${SIGN_INS} }
      classes { className ...DocumentControlFigures ${SIGN_INS} }
      teachers { teacherName ...DocumentControlFigures unansweredMessages { count } }
      pages { className subjectName audience teacherName ...DocumentControlFigures }
    }
  }
`;

interface Count {
  count: number;
}
interface Share {
  count: number;
  total: number;
  share: number | null;
}
interface Figures {
  lessonsHeld: number;
  lessonsPlanned: number;
  completion: number | null;
  lessonsWithoutTopic: Count;
  lessonsWithoutHomework: Count;
  lateMarks: Count;
  lateWrittenMarks: Count;
  lessonsWithoutAttendance: Count;
  studentsWithoutMarks: Share;
  studentsWithOneMark: Share;
  periodMarksMissing: Count;
  periodMarksLate: Count;
}
interface SignIns {
  students: { total: number; signedIn: number; share: number | null };
  parents: { total: number; signedIn: number; share: number | null };
}

export interface JournalControlData {
  journalControl: {
    from: string;
    to: string;
    total: Figures & { unansweredMessages: Count; signIns: SignIns };
    classes: (Figures & { className: string; signIns: SignIns })[];
    teachers: (Figures & { teacherName: string; unansweredMessages: Count })[];
    pages: (Figures & {
      className: string;
      subjectName: string;
      audience: string | null;
      teacherName: string;
    })[];
  };
}

/** "1/4 (25%)": a count of students against those on the pages. */
const shareText = (s: { count?: number; signedIn?: number; total: number; share: number | null }) =>
  `${s.count ?? s.signedIn}/${s.total}${s.share === null ? '' : ` (${Math.round(s.share * 100)}%)`}`;

const FIGURE_COLUMNS: ReportLabelKey[] = [
  'held',
  'planned',
  'completion',
  'withoutTopic',
  'withoutHomework',
  'lateMarks',
  'lateWritten',
  'withoutAttendance',
  'noMarks',
  'oneMark',
  'periodMissing',
  'periodLate',
];

const figureCells = (f: Figures): Cell[] => [
  f.lessonsHeld,
  f.lessonsPlanned,
  percentOf(f.completion),
  f.lessonsWithoutTopic.count,
  f.lessonsWithoutHomework.count,
  f.lateMarks.count,
  f.lateWrittenMarks.count,
  f.lessonsWithoutAttendance.count,
  shareText(f.studentsWithoutMarks),
  shareText(f.studentsWithOneMark),
  f.periodMarksMissing.count,
  f.periodMarksLate.count,
];

const figureHeads = (locale: Locale) =>
  FIGURE_COLUMNS.map((key) => ({
    label: reportLabel(locale, key),
    align: 'center' as const,
  }));

export function journalControlTables(data: JournalControlData, locale: Locale): TableDocument {
  const c = data.journalControl;
  const l = (key: ReportLabelKey) => reportLabel(locale, key);
  const named = (label: string, width = 80) => ({ label, width });
  const byClass: DocumentTable = {
    title: l('byClass'),
    columns: [
      named(label(locale, 'schoolClass'), 62),
      ...figureHeads(locale),
      { label: l('studentsSignedIn'), align: 'center' },
      { label: l('parentsSignedIn'), align: 'center' },
    ],
    rows: [
      [
        l('wholeSchool'),
        ...figureCells(c.total),
        shareText(c.total.signIns.students),
        shareText(c.total.signIns.parents),
      ],
      ...c.classes.map((x) => [
        x.className,
        ...figureCells(x),
        shareText(x.signIns.students),
        shareText(x.signIns.parents),
      ]),
    ],
    fontSize: 7,
  };
  const byTeacher: DocumentTable = {
    title: l('byTeacher'),
    columns: [
      named(label(locale, 'teacher'), 90),
      ...figureHeads(locale),
      { label: l('unanswered'), align: 'center' },
    ],
    rows: c.teachers.map((t) => [t.teacherName, ...figureCells(t), t.unansweredMessages.count]),
    fontSize: 7,
  };
  const byPage: DocumentTable = {
    title: l('byPage'),
    columns: [
      named(label(locale, 'schoolClass'), 34),
      named(label(locale, 'subject'), 70),
      named(label(locale, 'teacher'), 80),
      ...figureHeads(locale),
    ],
    rows: c.pages.map((p) => [
      p.className,
      p.audience ? `${p.subjectName} (${p.audience})` : p.subjectName,
      p.teacherName,
      ...figureCells(p),
    ]),
    fontSize: 7,
  };
  return {
    title: l('journalControl'),
    lines: [reportLabel(locale, 'range', { from: fullDate(c.from), to: fullDate(c.to) })],
    tables: [byClass, byTeacher, byPage],
    landscape: true,
  };
}

export const journalControlFileName = (data: JournalControlData) =>
  `control ${data.journalControl.from} ${data.journalControl.to}`;

export const USER_ACTIVITY_OPERATION = /* GraphQL */ `
  query UserActivityDocument($input: UserActivityInput!) {
    userActivity(input: $input) {
      month
      roles {
        role
        people
        signedIn
        signIns
        actions
      }
      teachers {
        teacherName
        lessons
        keptOnDay
        share
      }
      lessons
      keptOnDay
      share
    }
  }
`;

export interface UserActivityData {
  userActivity: {
    month: string;
    roles: { role: string; people: number; signedIn: number; signIns: number; actions: number }[];
    teachers: { teacherName: string; lessons: number; keptOnDay: number; share: number | null }[];
    lessons: number;
    keptOnDay: number;
    share: number | null;
  };
}

export function userActivityTables(data: UserActivityData, locale: Locale): TableDocument {
  const a = data.userActivity;
  const l = (key: ReportLabelKey) => reportLabel(locale, key);
  const num = (label: string) => ({ label, align: 'right' as const });
  return {
    title: l('userActivity'),
    lines: [
      reportLabel(locale, 'month', { month: `${a.month.slice(5, 7)}.${a.month.slice(0, 4)}` }),
    ],
    tables: [
      {
        title: l('byRole'),
        columns: [
          { label: l('role') },
          num(l('people')),
          num(l('signedIn')),
          num(l('signIns')),
          num(l('actions')),
        ],
        rows: a.roles.map((r) => [
          roleName(locale, r.role),
          r.people,
          r.signedIn,
          r.signIns,
          r.actions,
        ]),
      },
      {
        title: l('lessonsKept'),
        columns: [
          { label: label(locale, 'teacher') },
          num(l('lessons')),
          num(l('keptOnDay')),
          num(l('share')),
        ],
        rows: [
          ...a.teachers.map((t) => [t.teacherName, t.lessons, t.keptOnDay, percentOf(t.share)]),
          [l('wholeSchool'), a.lessons, a.keptOnDay, percentOf(a.share)],
        ],
      },
    ],
  };
}

export const userActivityFileName = (data: UserActivityData) =>
  `activity ${data.userActivity.month}`;
