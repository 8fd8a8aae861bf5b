// The reports of issue 7 as documents (R-RPT-2, R-RPT-4): performance and quality, attendance and
// "explain this average" as tables, printed and exported through table-document.ts. The summary
// sheet has its own print layout (summary-sheet.document.ts).
import type { Locale } from '../../core/messages.js';
import { fullDate, label } from './labels.js';
import { reportLabel, type ReportLabelKey } from './report-labels.js';
import type { Cell, DocumentTable, TableDocument } from './table-document.js';

const NAMED = 'name className subjects';
const ROW = `label attested exempt successRate qualityRate averageMark
  excellentCount singleGoodCount singleSatisfactoryCount failingCount
  excellent { ${NAMED} } singleGood { ${NAMED} } singleSatisfactory { ${NAMED} } failing { ${NAMED} }`;

export const PERFORMANCE_OPERATION = /* GraphQL */ `
  query PerformanceDocument($input: PerformanceReportInput!) {
    performanceReport(input: $input) {
      periodName
      restricted
      total { ${ROW} }
      byClass { ${ROW} }
      bySubject { ${ROW} }
      byTeacher { ${ROW} }
    }
  }
`;

interface Named {
  name: string;
  className: string;
  subjects: string[];
}
interface PerformanceRow {
  label: string;
  attested: number;
  exempt: number;
  successRate: number | null;
  qualityRate: number | null;
  averageMark: number | null;
  excellentCount: number;
  singleGoodCount: number;
  singleSatisfactoryCount: number;
  failingCount: number;
  excellent: Named[];
  singleGood: Named[];
  singleSatisfactory: Named[];
  failing: Named[];
}

export interface PerformanceData {
  performanceReport: {
    periodName: string;
    restricted: boolean;
    total: PerformanceRow;
    byClass: PerformanceRow[];
    bySubject: PerformanceRow[];
    byTeacher: PerformanceRow[];
  };
}

const NAMED_LISTS = [
  ['excellent', 'excellent'],
  ['singleGood', 'singleGood'],
  ['singleSatisfactory', 'singleSatisfactory'],
  ['failing', 'failing'],
] as const satisfies readonly (readonly [keyof PerformanceRow, ReportLabelKey])[];

export function performanceTables(data: PerformanceData, locale: Locale): TableDocument {
  const r = data.performanceReport;
  const l = (key: ReportLabelKey) => reportLabel(locale, key);
  const num = (key: ReportLabelKey) => ({ label: l(key), align: 'right' as const });
  const figures = (head: string, rows: PerformanceRow[], title: string): DocumentTable => ({
    title,
    columns: [
      { label: head, width: 130 },
      num('attested'),
      num('exempt'),
      num('successRate'),
      num('qualityRate'),
      num('averageMark'),
      num('excellent'),
      num('singleGood'),
      num('singleSatisfactory'),
      num('failing'),
    ],
    rows: rows.map((row) => [
      row.label,
      row.attested,
      row.exempt,
      row.successRate,
      row.qualityRate,
      row.averageMark,
      row.excellentCount,
      row.singleGoodCount,
      row.singleSatisfactoryCount,
      row.failingCount,
    ]),
    fontSize: 7.5,
  });
  // The names behind the counts, over everything the report covers (the school total's lists).
  const names: DocumentTable[] = NAMED_LISTS.map(([list, key]) => ({
    title: `${l(key)} (${r.total[list].length})`,
    columns: [
      { label: label(locale, 'student'), width: 170 },
      { label: label(locale, 'schoolClass'), width: 50 },
      { label: l('subjects') },
    ],
    rows: r.total[list].map((s) => [s.name, s.className, s.subjects.join(', ')]),
  }));
  return {
    title: l('performance'),
    lines: [
      reportLabel(locale, 'periodLine', { period: r.periodName }),
      ...(r.restricted ? [l('restricted')] : []),
    ],
    tables: [
      figures(label(locale, 'schoolClass'), [r.total, ...r.byClass], l('byClass')),
      figures(label(locale, 'subject'), r.bySubject, l('bySubject')),
      figures(label(locale, 'teacher'), r.byTeacher, l('byTeacher')),
      ...names,
    ],
    landscape: true,
  };
}

export const performanceFileName = (data: PerformanceData) => data.performanceReport.periodName;

const COUNTS = 'total illness excused unexcused other noReason late';
export const ATTENDANCE_OPERATION = /* GraphQL */ `
  query AttendanceDocument($input: AttendanceReportInput!) {
    attendanceReport(input: $input) {
      from
      to
      restricted
      total { ${COUNTS} }
      classes { className counts { ${COUNTS} } students { name counts { ${COUNTS} } } }
    }
  }
`;

interface Counts {
  total: number;
  illness: number;
  excused: number;
  unexcused: number;
  other: number;
  noReason: number;
  late: number;
}

export interface AttendanceData {
  attendanceReport: {
    from: string;
    to: string;
    restricted: boolean;
    total: Counts;
    classes: { className: string; counts: Counts; students: { name: string; counts: Counts }[] }[];
  };
}

const countCells = (c: Counts): Cell[] => [
  c.total,
  c.illness,
  c.excused,
  c.unexcused,
  c.other,
  c.noReason,
  c.late,
];

export function attendanceTables(data: AttendanceData, locale: Locale): TableDocument {
  const a = data.attendanceReport;
  const l = (key: ReportLabelKey) => reportLabel(locale, key);
  const countColumns = (
    ['missed', 'illness', 'excused', 'unexcused', 'other', 'noReason', 'late'] as const
  ).map((key) => ({ label: l(key), align: 'right' as const }));
  return {
    title: l('attendance'),
    lines: [
      reportLabel(locale, 'range', { from: fullDate(a.from), to: fullDate(a.to) }),
      ...(a.restricted ? [l('restricted')] : []),
    ],
    tables: [
      {
        title: l('byClass'),
        columns: [{ label: label(locale, 'schoolClass'), width: 120 }, ...countColumns],
        rows: [
          [l('wholeSchool'), ...countCells(a.total)],
          ...a.classes.map((c) => [c.className, ...countCells(c.counts)]),
        ],
      },
      {
        title: l('byStudent'),
        columns: [
          { label: label(locale, 'schoolClass'), width: 50 },
          { label: label(locale, 'student'), width: 150 },
          ...countColumns,
        ],
        rows: a.classes.flatMap((c) =>
          c.students.map((s) => [c.className, s.name, ...countCells(s.counts)]),
        ),
      },
    ],
  };
}

export const attendanceFileName = (data: AttendanceData) =>
  `attendance ${data.attendanceReport.from} ${data.attendanceReport.to}`;

export const EXPLAIN_OPERATION = /* GraphQL */ `
  query ExplainAverageDocument($input: ExplainAverageInput!) {
    explainAverage(input: $input) {
      studentName
      subjectName
      periodName
      marks {
        date
        lessonNumber
        topic
        workType
        value
        weight
      }
      average
      weightedAverage
      proposedMark
      enoughMarks
      minMarks
      periodMark
      periodMarkSpecial
    }
  }
`;

export interface ExplainData {
  explainAverage: {
    studentName: string;
    subjectName: string;
    periodName: string;
    marks: {
      date: string;
      lessonNumber: number | null;
      topic: string | null;
      workType: string | null;
      value: string;
      weight: number;
    }[];
    average: number | null;
    weightedAverage: number | null;
    proposedMark: string | null;
    enoughMarks: boolean;
    minMarks: number;
    periodMark: string | null;
    periodMarkSpecial: string | null;
  };
}

export function explainTables(data: ExplainData, locale: Locale): TableDocument {
  const e = data.explainAverage;
  const l = (key: ReportLabelKey) => reportLabel(locale, key);
  const special =
    e.periodMarkSpecial === 'EXEMPT'
      ? label(locale, 'exempt')
      : e.periodMarkSpecial === 'NOT_ATTESTED'
        ? label(locale, 'notAttested')
        : null;
  return {
    title: l('explain'),
    lines: [
      `${label(locale, 'student')}: ${e.studentName}`,
      `${label(locale, 'subject')}: ${e.subjectName} · ${label(locale, 'period')}: ${e.periodName}`,
    ],
    tables: [
      {
        title: label(locale, 'marks'),
        columns: [
          { label: label(locale, 'date'), width: 62 },
          { label: label(locale, 'lessonNumber'), width: 40, align: 'center' },
          { label: label(locale, 'topic') },
          { label: label(locale, 'workType'), width: 110 },
          { label: l('mark'), width: 50, align: 'center' },
          { label: l('weight'), width: 40, align: 'center' },
        ],
        rows: e.marks.map((m) => [
          fullDate(m.date),
          m.lessonNumber,
          m.topic,
          m.workType,
          m.value,
          m.weight,
        ]),
      },
      {
        title: label(locale, 'average'),
        columns: [{ label: '', width: 220 }, { label: '' }],
        rows: [
          [l('simpleAverage'), e.average],
          [l('weightedAverage'), e.weightedAverage],
          [l('proposedMark'), e.proposedMark],
          [l('teacherMark'), special ?? e.periodMark],
          [reportLabel(locale, 'enoughMarks', { count: e.marks.length, min: e.minMarks }), null],
        ],
      },
    ],
  };
}

export const explainFileName = (data: ExplainData) =>
  `${data.explainAverage.studentName} ${data.explainAverage.subjectName} ${data.explainAverage.periodName}`;
