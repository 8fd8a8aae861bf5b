// Reports (issue 7) on a small hand-built fixture: every expected figure below is worked out by
// hand from the marks and absences written here, never by the code under test.
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createPerson,
  createSchool,
  createYear,
} from '../../../test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  createWorkType,
  enrol,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { AbsenceReason, Attendance, AttendanceStatus } from '../journal/attendance.entity.js';
import { LessonStatus, type Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { PeriodMark, PeriodMarkSpecial } from '../journal/period-mark.entity.js';
import { AdmissionKind, DepartureKind, Enrolment } from '../people/enrolment.entity.js';
import { Guardianship, GuardianshipKind } from '../people/guardianship.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import type { School } from '../school/school.entity.js';
import { PeriodKind, ReportingPeriod } from '../year/reporting-period.entity.js';
import type { SchoolClass } from '../year/school-class.entity.js';
import type { Subject } from '../year/subject.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import type { WorkType } from '../year/work-type.entity.js';

const ROW = `kind id label attested exempt successRate qualityRate averageMark
  excellentCount singleGoodCount singleSatisfactoryCount failingCount
  excellent { name className subjects } singleGood { name className subjects }
  singleSatisfactory { name className subjects } failing { name className subjects }`;
const PERFORMANCE = /* GraphQL */ `
  query P($input: PerformanceReportInput!) {
    performanceReport(input: $input) {
      periodName periodKind scale restricted
      total { ${ROW} } byClass { ${ROW} } bySubject { ${ROW} } byTeacher { ${ROW} }
    }
  }
`;
const COUNTS = 'total illness excused unexcused other noReason late';
const ATTENDANCE = /* GraphQL */ `
  query A($input: AttendanceReportInput!) {
    attendanceReport(input: $input) {
      from to restricted total { ${COUNTS} }
      classes { className counts { ${COUNTS} } students { name counts { ${COUNTS} } } }
    }
  }
`;
const SHEET = /* GraphQL */ `
  query S($input: SummarySheetInput!) {
    summarySheet(input: $input) {
      className
      yearName
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
      }
      students {
        id
        name
        enrolledFrom
        admissionKind
        arrived
        leftOn
        departureKind
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
const EXPLAIN = /* GraphQL */ `
  query E($input: ExplainAverageInput!) {
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
        numericValue
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

interface Row {
  kind: string;
  id: string | null;
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
interface Named {
  name: string;
  className: string;
  subjects: string[];
}
interface Performance {
  performanceReport: {
    periodName: string;
    periodKind: string;
    scale: string;
    restricted: boolean;
    total: Row;
    byClass: Row[];
    bySubject: Row[];
    byTeacher: Row[];
  };
}
interface Counts {
  total: number;
  illness: number;
  excused: number;
  unexcused: number;
  other: number;
  noReason: number;
  late: number;
}
interface AttendanceData {
  attendanceReport: {
    from: string;
    to: string;
    restricted: boolean;
    total: Counts;
    classes: { className: string; counts: Counts; students: { name: string; counts: Counts }[] }[];
  };
}
interface SheetData {
  summarySheet: {
    className: string;
    yearName: string;
    classTeacherName: string | null;
    restricted: boolean;
    periods: { id: string; name: string; kind: string }[];
    subjects: { id: string; name: string }[];
    students: {
      id: string;
      name: string;
      enrolledFrom: string;
      admissionKind: string;
      arrived: boolean;
      leftOn: string | null;
      departureKind: string | null;
      marks: {
        subjectId: string;
        periodId: string;
        value: string | null;
        special: string | null;
      }[];
    }[];
  };
}
interface ExplainData {
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
      numericValue: number;
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

let app: TestApp;
let em: EntityManager;
let school: School;
let q1: ReportingPeriod;
let q2: ReportingPeriod;
let yearPeriod: ReportingPeriod;
let class5a: SchoolClass;
let class5b: SchoolClass;
let math: Subject;
let russian: Subject;
let math5a: TeachingAssignment;
let russian5a: TeachingAssignment;
let math5b: TeachingAssignment;
let oral: WorkType;
let test: WorkType;
const s: Record<string, Person> = {};
const token: Record<string, string> = {};

const OTHER_YEAR_START = '2026-09-01';

async function student(
  lastName: string,
  firstName: string,
  cls: SchoolClass,
  from = OTHER_YEAR_START,
) {
  const p = await createPerson(em, { school, roles: [Role.STUDENT], lastName, firstName });
  await enrol(em, p, cls, from);
  return p;
}

function periodMark(
  who: Person,
  subject: Subject,
  period: ReportingPeriod,
  mark: string | PeriodMarkSpecial,
) {
  const special = Object.values(PeriodMarkSpecial).includes(mark as PeriodMarkSpecial)
    ? (mark as PeriodMarkSpecial)
    : null;
  em.persist(
    em.create(PeriodMark, {
      school,
      student: who,
      subject,
      period,
      value: special ? null : mark,
      numericValue: special ? null : Number(mark),
      special,
      enteredBy: who,
    }),
  );
}

function mark(lesson: Lesson, who: Person, value: number, workType: WorkType) {
  em.persist(
    em.create(Mark, {
      school,
      lesson,
      student: who,
      value: String(value),
      numericValue: value,
      workType,
      weight: workType.weight,
      enteredBy: lesson.conductingTeacher,
    }),
  );
}

function absence(
  lesson: Lesson,
  who: Person,
  status: AttendanceStatus,
  reason: AbsenceReason | null,
) {
  em.persist(
    em.create(Attendance, {
      school,
      lesson,
      student: who,
      status,
      reason,
      minutesLate: status === AttendanceStatus.LATE ? 5 : null,
      enteredBy: lesson.conductingTeacher,
    }),
  );
}

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  school = await createSchool(em, { minMarksForPeriodMark: 3 });
  const year = await createYear(em, school);
  q1 = await createPeriod(em, year, { number: 1, startsOn: '2026-09-01', endsOn: '2026-10-26' });
  q2 = await createPeriod(em, year, { number: 2, startsOn: '2026-11-05', endsOn: '2026-12-28' });
  yearPeriod = em.create(ReportingPeriod, {
    school,
    year,
    kind: PeriodKind.YEAR,
    number: 1,
    name: 'Год',
    startsOn: '2026-09-01',
    endsOn: '2027-05-31',
    gradeLevels: [5],
  });
  await em.persist(yearPeriod).flush();

  const staff = async (key: string, roles: Role[], lastName: string, firstName: string) => {
    s[key] = await createPerson(em, { school, roles, lastName, firstName });
    token[key] = await sessionFor(em, s[key]);
  };
  await staff('deputy', [Role.DEPUTY], 'Завучева', 'Анна');
  await staff('clerk', [Role.RECORDS_CLERK], 'Секретарева', 'Бэла');
  await staff('t1', [Role.TEACHER], 'Кузнецова', 'Ольга');
  await staff('t2', [Role.TEACHER], 'Лебедев', 'Павел');
  await staff('t3', [Role.TEACHER], 'Морозова', 'Раиса');
  await staff('ct', [Role.TEACHER], 'Новикова', 'Светлана');

  class5a = await createClass(em, {
    school,
    year,
    gradeLevel: 5,
    letter: 'А',
    classTeacher: s.ct!,
  });
  class5b = await createClass(em, { school, year, gradeLevel: 5, letter: 'Б' });
  math = await createSubject(em, school, 'Математика');
  russian = await createSubject(em, school, 'Русский язык');
  math5a = await createAssignment(em, { teacher: s.t1!, subject: math, schoolClass: class5a });
  russian5a = await createAssignment(em, {
    teacher: s.t2!,
    subject: russian,
    schoolClass: class5a,
  });
  math5b = await createAssignment(em, { teacher: s.t3!, subject: math, schoolClass: class5b });
  oral = await createWorkType(em, school, { name: 'Ответ на уроке', weight: 1 });
  test = await createWorkType(em, school, {
    name: 'Контрольная работа',
    weight: 2,
    isWritten: true,
  });

  // 5А: one excellent, one with a single 4, one with a single 3, one failing, one «н/а», one
  // exempt from everything; Зайцева leaves for 5Б on 1 October; Павлов arrives in November.
  s.a = await student('Алексеев', 'Антон', class5a);
  s.b = await student('Борисова', 'Вера', class5a);
  s.v = await student('Васильев', 'Глеб', class5a);
  s.g = await student('Григорьева', 'Дина', class5a);
  s.d = await student('Дмитриев', 'Егор', class5a);
  s.e = await student('Ершов', 'Ефим', class5a);
  s.z = await createPerson(em, {
    school,
    roles: [Role.STUDENT],
    lastName: 'Зайцева',
    firstName: 'Ирина',
  });
  await enrol(em, s.z, class5a, '2026-09-01', '2026-10-01');
  em.persist(
    em.create(Enrolment, {
      school,
      student: s.z,
      schoolClass: class5b,
      startsOn: '2026-10-01',
      admissionKind: AdmissionKind.TRANSFER_IN,
    }),
  );
  s.p = await createPerson(em, {
    school,
    roles: [Role.STUDENT],
    lastName: 'Павлов',
    firstName: 'Роман',
  });
  await enrol(em, s.p, class5a, '2026-11-10');
  for (const [key, child] of [
    ['parentV', s.v],
    ['parentG', s.g],
  ] as const) {
    s[key] = await createPerson(em, {
      school,
      roles: [Role.PARENT],
      lastName: 'Родитель',
      firstName: key,
    });
    em.persist(
      em.create(Guardianship, {
        school,
        guardian: s[key],
        student: child,
        kind: GuardianshipKind.MOTHER,
      }),
    );
  }
  await em.flush();
  for (const key of ['v', 'parentV', 'parentG']) {
    token[key] = await sessionFor(em, s[key]!);
  }

  // Another school's deputy and parent.
  const other = await createSchool(em);
  s.otherDeputy = await createPerson(em, { school: other, roles: [Role.DEPUTY] });
  token.otherDeputy = await sessionFor(em, s.otherDeputy);

  // Period marks, first quarter.
  periodMark(s.a, math, q1, '5');
  periodMark(s.a, russian, q1, '5');
  periodMark(s.b, math, q1, '4');
  periodMark(s.b, russian, q1, PeriodMarkSpecial.EXEMPT);
  periodMark(s.v, math, q1, '3');
  periodMark(s.v, russian, q1, '4');
  periodMark(s.g, math, q1, '2');
  periodMark(s.g, russian, q1, '4');
  periodMark(s.d, math, q1, PeriodMarkSpecial.NOT_ATTESTED);
  periodMark(s.d, russian, q1, '3');
  periodMark(s.e, math, q1, PeriodMarkSpecial.EXEMPT);
  periodMark(s.e, russian, q1, PeriodMarkSpecial.EXEMPT);
  periodMark(s.z, math, q1, '5');
  // Year marks of two students.
  periodMark(s.a, math, yearPeriod, '5');
  periodMark(s.a, russian, yearPeriod, '5');
  periodMark(s.b, math, yearPeriod, '5');
  periodMark(s.b, russian, yearPeriod, '4');

  // Lessons, current marks and absences.
  const m14 = await createLesson(em, math5a, {
    date: '2026-09-14',
    lessonNumber: 1,
    workType: oral,
    topic: 'Дроби',
  });
  const m15 = await createLesson(em, math5a, {
    date: '2026-09-15',
    lessonNumber: 2,
    workType: test,
    topic: 'Контрольная',
  });
  const m16 = await createLesson(em, math5a, {
    date: '2026-09-16',
    lessonNumber: 1,
    status: LessonStatus.CANCELLED,
  });
  const m21 = await createLesson(em, math5a, {
    date: '2026-09-21',
    lessonNumber: 3,
    workType: oral,
    topic: 'Десятичные',
  });
  const m1020 = await createLesson(em, math5a, { date: '2026-10-20', lessonNumber: 1 });
  const mQ2 = await createLesson(em, math5a, {
    date: '2026-11-09',
    lessonNumber: 1,
    workType: oral,
  });
  const r14 = await createLesson(em, russian5a, { date: '2026-09-14', lessonNumber: 2 });
  const b05 = await createLesson(em, math5b, { date: '2026-10-05', lessonNumber: 1 });

  // Васильев: 5 (weight 1), 3 (test, weight 2), 4 (weight 1): plain 12/3 = 4.00,
  // weighted (5 + 6 + 4) / 4 = 3.75 → proposed 4; the teacher gave 3. A second-quarter 2 stays out.
  mark(m14, s.v, 5, oral);
  mark(m15, s.v, 3, test);
  mark(m21, s.v, 4, oral);
  mark(mQ2, s.v, 2, oral);
  // Григорьева: 2 and 3 (weight 1): 2.5 → proposed 3, two marks < three required.
  mark(m14, s.g, 2, oral);
  mark(m21, s.g, 3, oral);
  // Alexeev's Russian mark: another page, never in the Math explanation.
  mark(r14, s.a, 5, oral);

  absence(m14, s.a, AttendanceStatus.ABSENT, AbsenceReason.ILLNESS);
  absence(r14, s.a, AttendanceStatus.ABSENT, AbsenceReason.ILLNESS);
  absence(m15, s.b, AttendanceStatus.ABSENT, AbsenceReason.UNEXCUSED);
  absence(m15, s.v, AttendanceStatus.LATE, null);
  absence(r14, s.g, AttendanceStatus.ABSENT, null);
  absence(m16, s.g, AttendanceStatus.ABSENT, AbsenceReason.ILLNESS); // cancelled lesson: not counted
  absence(m14, s.z, AttendanceStatus.ABSENT, AbsenceReason.EXCUSED);
  absence(b05, s.z, AttendanceStatus.ABSENT, AbsenceReason.OTHER);
  absence(m1020, s.d, AttendanceStatus.ABSENT, AbsenceReason.ILLNESS); // after the range
  await em.flush();
});

afterAll(async () => {
  await app?.close();
});

const performance = (who: string, input: Record<string, unknown>) =>
  gql<Performance>(app.url, PERFORMANCE, { input }, { token: token[who] });
const names = (list: Named[]) => list.map((n) => n.name);
const byLabel = (rows: Row[], label: string) => rows.find((r) => r.label === label)!;

describe('R-RPT-2: performance and quality report', () => {
  it('R-RPT-2: the first quarter by class, with the names behind each count', async () => {
    const r = await performance('deputy', { periodId: q1.id });
    expect(r.errors).toBeUndefined();
    const report = r.data!.performanceReport;
    expect(report).toMatchObject({
      periodName: '1 четверть',
      periodKind: 'QUARTER',
      scale: 'FIVE_POINT',
      restricted: false,
    });
    expect(report.byClass.map((c) => c.label)).toEqual(['5А', '5Б']);
    const a = report.byClass[0]!;
    // Six students on the roll on 26 October; Ершов is exempt from everything: 5 attested.
    expect(a).toMatchObject({
      kind: 'CLASS',
      id: class5a.id,
      attested: 5,
      exempt: 1,
      successRate: 60, // Алексеев, Борисова, Васильев: 3 of 5
      qualityRate: 40, // Алексеев, Борисова: 2 of 5
      averageMark: 3.75, // 5 5 4 3 4 2 4 3 = 30 / 8
      excellentCount: 1,
      singleGoodCount: 1,
      singleSatisfactoryCount: 1,
      failingCount: 2,
    });
    expect(a.excellent).toEqual([{ name: 'Алексеев Антон', className: '5А', subjects: [] }]);
    expect(a.singleGood).toEqual([
      { name: 'Борисова Вера', className: '5А', subjects: ['Математика'] },
    ]);
    expect(a.singleSatisfactory).toEqual([
      { name: 'Васильев Глеб', className: '5А', subjects: ['Математика'] },
    ]);
    expect(a.failing).toEqual([
      { name: 'Григорьева Дина', className: '5А', subjects: ['Математика'] },
      { name: 'Дмитриев Егор', className: '5А', subjects: ['Математика'] }, // «н/а»
    ]);
    // Зайцева left 5А on 1 October: she counts in 5Б, with the 5 she got there.
    expect(report.byClass[1]).toMatchObject({
      label: '5Б',
      attested: 1,
      exempt: 0,
      successRate: 100,
      qualityRate: 100,
      averageMark: 5,
      excellentCount: 1,
      failingCount: 0,
    });
    expect(names(report.byClass[1]!.excellent)).toEqual(['Зайцева Ирина']);
  });

  it('R-RPT-2: the school total, by subject and by teacher', async () => {
    const report = (await performance('deputy', { periodId: q1.id })).data!.performanceReport;
    expect(report.total).toMatchObject({
      kind: 'SCHOOL',
      id: null,
      label: school.name,
      attested: 6,
      exempt: 1,
      successRate: 66.7, // 4 of 6
      qualityRate: 50, // 3 of 6
      averageMark: 3.89, // 35 / 9
      excellentCount: 2,
      singleGoodCount: 1,
      singleSatisfactoryCount: 1,
      failingCount: 2,
    });
    expect(names(report.total.excellent)).toEqual(['Алексеев Антон', 'Зайцева Ирина']);

    expect(report.bySubject.map((r) => r.label)).toEqual(['Математика', 'Русский язык']);
    // Mathematics: 5 4 3 2 н/а осв 5 — Ершов exempt, six attested.
    expect(byLabel(report.bySubject, 'Математика')).toMatchObject({
      kind: 'SUBJECT',
      id: math.id,
      attested: 6,
      exempt: 1,
      successRate: 66.7,
      qualityRate: 50,
      averageMark: 3.8, // 5 4 3 2 5 = 19 / 5
      excellentCount: 2,
      singleGoodCount: 1,
      singleSatisfactoryCount: 1,
      failingCount: 2,
    });
    // Russian: 5 осв 4 4 3 осв — Борисова and Ершов exempt, four attested; each 4 is "a single 4".
    const ru = byLabel(report.bySubject, 'Русский язык');
    expect(ru).toMatchObject({
      attested: 4,
      exempt: 2,
      successRate: 100,
      qualityRate: 75,
      averageMark: 4,
      excellentCount: 1,
      singleGoodCount: 2,
      singleSatisfactoryCount: 1,
      failingCount: 0,
    });
    expect(names(ru.singleGood)).toEqual(['Васильев Глеб', 'Григорьева Дина']);
    expect(ru.singleSatisfactory).toEqual([
      { name: 'Дмитриев Егор', className: '5А', subjects: ['Русский язык'] },
    ]);

    expect(report.byTeacher.map((r) => [r.label, r.id])).toEqual([
      ['Кузнецова Ольга', s.t1!.id],
      ['Лебедев Павел', s.t2!.id],
      ['Морозова Раиса', s.t3!.id],
    ]);
    // Кузнецова teaches mathematics in 5А only: 5 4 3 2 н/а осв.
    expect(byLabel(report.byTeacher, 'Кузнецова Ольга')).toMatchObject({
      kind: 'TEACHER',
      attested: 5,
      exempt: 1,
      successRate: 60,
      qualityRate: 40,
      averageMark: 3.5, // 14 / 4
      failingCount: 2,
    });
    expect(byLabel(report.byTeacher, 'Морозова Раиса')).toMatchObject({
      attested: 1,
      successRate: 100,
      excellentCount: 1,
    });
  });

  it('R-RPT-2: a YEAR period reports the year marks', async () => {
    const r = await performance('deputy', { periodId: yearPeriod.id, schoolClassId: class5a.id });
    expect(r.errors).toBeUndefined();
    const report = r.data!.performanceReport;
    expect(report.periodKind).toBe('YEAR');
    expect(report.byClass).toHaveLength(1);
    // Алексеев 5 5, Борисова 5 4; the others have no year mark yet and are not counted.
    expect(report.byClass[0]).toMatchObject({
      attested: 2,
      successRate: 100,
      qualityRate: 100,
      averageMark: 4.75,
      excellentCount: 1,
      singleGoodCount: 1,
    });
    expect(report.byClass[0]!.singleGood[0]!.subjects).toEqual(['Русский язык']);
  });

  it('R-RPT-2: the class teacher sees their class whole, nothing of other classes', async () => {
    const report = (await performance('ct', { periodId: q1.id })).data!.performanceReport;
    expect(report.restricted).toBe(true);
    expect(report.byClass.map((c) => c.label)).toEqual(['5А']);
    expect(report.total).toMatchObject({
      attested: 5,
      exempt: 1,
      successRate: 60,
      qualityRate: 40,
    });
    expect(report.bySubject.map((r) => [r.label, r.attested])).toEqual([
      ['Математика', 5],
      ['Русский язык', 4],
    ]);
  });

  it('R-RPT-2: a subject teacher sees only their own pages; FORBIDDEN for a class they do not teach', async () => {
    const report = (await performance('t2', { periodId: q1.id })).data!.performanceReport;
    expect(report.restricted).toBe(true);
    expect(report.bySubject.map((r) => r.label)).toEqual(['Русский язык']);
    expect(report.byTeacher.map((r) => r.label)).toEqual(['Лебедев Павел']);
    // 5А over Russian only: 5 4 4 3, Борисова and Ершов exempt.
    expect(report.byClass).toHaveLength(1);
    expect(report.byClass[0]).toMatchObject({
      label: '5А',
      attested: 4,
      exempt: 2,
      successRate: 100,
      qualityRate: 75,
    });
    expect(codes(await performance('t2', { periodId: q1.id, schoolClassId: class5b.id }))).toEqual([
      'FORBIDDEN',
    ]);
    const own = await performance('t2', { periodId: q1.id, schoolClassId: class5a.id });
    expect(own.data!.performanceReport.total.attested).toBe(4);
  });

  it('R-RPT-2: another school’s staff, unknown ids and mismatched classes', async () => {
    expect(codes(await performance('otherDeputy', { periodId: q1.id }))).toEqual(['NOT_FOUND']);
    expect(
      codes(await performance('otherDeputy', { periodId: q1.id, schoolClassId: class5a.id })),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await performance('deputy', { periodId: 'nope' }))).toEqual(['NOT_FOUND']);
    expect(codes(await performance('deputy', { periodId: crypto.randomUUID() }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      codes(await performance('deputy', { periodId: q1.id, schoolClassId: crypto.randomUUID() })),
    ).toEqual(['NOT_FOUND']);
    // A class of another year of the school, and a period that does not apply to the grade.
    const nextYear = await createYear(em, school, '2027/2028');
    const class6a = await createClass(em, { school, year: nextYear, gradeLevel: 6, letter: 'А' });
    expect(
      codes(await performance('deputy', { periodId: q1.id, schoolClassId: class6a.id })),
    ).toEqual(['BAD_USER_INPUT']);
    const class9 = await createClass(em, { school, year: q1.year, gradeLevel: 9, letter: 'В' });
    expect(
      codes(await performance('deputy', { periodId: yearPeriod.id, schoolClassId: class9.id })),
    ).toEqual(['BAD_USER_INPUT']);
    // Families and the clerk do not get past the permission layer.
    expect(codes(await performance('parentV', { periodId: q1.id }))).toEqual(['FORBIDDEN']);
    expect(codes(await performance('clerk', { periodId: q1.id }))).toEqual(['FORBIDDEN']);
  });
});

const attendance = (who: string, input: Record<string, unknown>) =>
  gql<AttendanceData>(app.url, ATTENDANCE, { input }, { token: token[who] });
const c = (total: number, more: Partial<Counts> = {}): Counts => ({
  total,
  illness: 0,
  excused: 0,
  unexcused: 0,
  other: 0,
  noReason: 0,
  late: 0,
  ...more,
});

describe('Attendance report: lessons missed per student and class, by reason', () => {
  const range = { from: '2026-09-01', to: '2026-10-10' };

  it('counts absences by reason per student and class, lates apart, cancelled lessons out', async () => {
    const r = await attendance('deputy', range);
    expect(r.errors).toBeUndefined();
    const report = r.data!.attendanceReport;
    expect(report).toMatchObject({ ...range, restricted: false });
    expect(report.total).toEqual(
      c(6, { illness: 2, excused: 1, unexcused: 1, other: 1, noReason: 1, late: 1 }),
    );
    expect(report.classes.map((k) => [k.className, k.counts])).toEqual([
      ['5А', c(5, { illness: 2, excused: 1, unexcused: 1, noReason: 1, late: 1 })],
      ['5Б', c(1, { other: 1 })],
    ]);
    expect(report.classes[0]!.students).toEqual([
      { name: 'Алексеев Антон', counts: c(2, { illness: 2 }) },
      { name: 'Борисова Вера', counts: c(1, { unexcused: 1 }) },
      { name: 'Васильев Глеб', counts: c(0, { late: 1 }) },
      { name: 'Григорьева Дина', counts: c(1, { noReason: 1 }) },
      { name: 'Зайцева Ирина', counts: c(1, { excused: 1 }) },
    ]);
    expect(report.classes[1]!.students).toEqual([
      { name: 'Зайцева Ирина', counts: c(1, { other: 1 }) },
    ]);
  });

  it('the range bounds the lessons; one class on request', async () => {
    const r = await attendance('deputy', {
      from: '2026-10-01',
      to: '2026-10-31',
      schoolClassId: class5a.id,
    });
    // Only Дмитриев’s absence on 20 October, in 5А.
    expect(r.data!.attendanceReport.classes).toEqual([
      {
        className: '5А',
        counts: c(1, { illness: 1 }),
        students: [{ name: 'Дмитриев Егор', counts: c(1, { illness: 1 }) }],
      },
    ]);
  });

  it('a subject teacher counts only their own pages; the class teacher the whole class', async () => {
    const t1 = (await attendance('t1', range)).data!.attendanceReport;
    expect(t1.restricted).toBe(true);
    expect(t1.classes.map((k) => [k.className, k.counts])).toEqual([
      ['5А', c(3, { illness: 1, excused: 1, unexcused: 1, late: 1 })],
    ]);
    const ct = (await attendance('ct', range)).data!.attendanceReport;
    expect(ct.total).toEqual(c(5, { illness: 2, excused: 1, unexcused: 1, noReason: 1, late: 1 }));
    expect(codes(await attendance('t1', { ...range, schoolClassId: class5b.id }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('refuses a reversed, malformed or too long range; another school is NOT_FOUND', async () => {
    expect(codes(await attendance('deputy', { from: '2026-10-10', to: '2026-10-01' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await attendance('deputy', { from: '2026-02-30', to: '2026-10-01' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await attendance('deputy', { from: '2025-09-01', to: '2026-10-01' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await attendance('otherDeputy', { ...range, schoolClassId: class5a.id }))).toEqual(
      ['NOT_FOUND'],
    );
    expect(codes(await attendance('otherDeputy', { ...range, schoolId: school.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await attendance('parentV', range))).toEqual(['FORBIDDEN']);
  });
});

const sheet = (who: string, cls: SchoolClass) =>
  gql<SheetData>(app.url, SHEET, { input: { schoolClassId: cls.id } }, { token: token[who] });

describe('R-RPT-3: summary sheet of attestation', () => {
  it('R-RPT-3: students × subjects × periods and the year, with who left and who arrived', async () => {
    const r = await sheet('deputy', class5a);
    expect(r.errors).toBeUndefined();
    const data = r.data!.summarySheet;
    expect(data).toMatchObject({
      className: '5А',
      yearName: '2026/2027',
      classTeacherName: 'Новикова Светлана',
      restricted: false,
    });
    expect(data.periods.map((p) => [p.name, p.kind])).toEqual([
      ['1 четверть', 'QUARTER'],
      ['2 четверть', 'QUARTER'],
      ['Год', 'YEAR'],
    ]);
    expect(data.subjects.map((x) => x.name)).toEqual(['Математика', 'Русский язык']);
    expect(
      data.students.map((x) => [x.name, x.enrolledFrom, x.arrived, x.leftOn, x.departureKind]),
    ).toEqual([
      ['Алексеев Антон', '2026-09-01', false, null, null],
      ['Борисова Вера', '2026-09-01', false, null, null],
      ['Васильев Глеб', '2026-09-01', false, null, null],
      ['Григорьева Дина', '2026-09-01', false, null, null],
      ['Дмитриев Егор', '2026-09-01', false, null, null],
      ['Ершов Ефим', '2026-09-01', false, null, null],
      ['Зайцева Ирина', '2026-09-01', false, '2026-10-01', DepartureKind.TRANSFER_OUT],
      ['Павлов Роман', '2026-11-10', true, null, null],
    ]);
    const cells = (name: string) =>
      data.students
        .find((x) => x.name === name)!
        .marks.map(
          (m) =>
            `${m.subjectId === math.id ? 'М' : 'Р'}/${m.periodId === q1.id ? 'Q1' : m.periodId === q2.id ? 'Q2' : 'Y'}=${m.value ?? m.special}`,
        )
        .sort();
    expect(cells('Алексеев Антон')).toEqual(['М/Q1=5', 'М/Y=5', 'Р/Q1=5', 'Р/Y=5']);
    expect(cells('Борисова Вера')).toEqual(['М/Q1=4', 'М/Y=5', 'Р/Q1=EXEMPT', 'Р/Y=4']);
    expect(cells('Дмитриев Егор')).toEqual(['М/Q1=NOT_ATTESTED', 'Р/Q1=3']);
    expect(cells('Зайцева Ирина')).toEqual(['М/Q1=5']);
    expect(cells('Павлов Роман')).toEqual([]);

    const b = (await sheet('deputy', class5b)).data!.summarySheet;
    expect(b.students.map((x) => [x.name, x.enrolledFrom, x.admissionKind, x.arrived])).toEqual([
      ['Зайцева Ирина', '2026-10-01', 'TRANSFER_IN', true],
    ]);
    expect(b.subjects.map((x) => x.name)).toEqual(['Математика']);
  });

  it('R-RPT-3: the clerk and the class teacher see it whole; a subject teacher their columns only', async () => {
    expect((await sheet('clerk', class5a)).data!.summarySheet.subjects).toHaveLength(2);
    expect((await sheet('ct', class5a)).data!.summarySheet).toMatchObject({ restricted: false });
    const t2 = (await sheet('t2', class5a)).data!.summarySheet;
    expect(t2.restricted).toBe(true);
    expect(t2.subjects.map((x) => x.name)).toEqual(['Русский язык']);
    expect(
      t2.students.find((x) => x.name === 'Алексеев Антон')!.marks.map((m) => m.subjectId),
    ).toEqual([russian.id, russian.id]);
    expect(codes(await sheet('t2', class5b))).toEqual(['FORBIDDEN']);
    expect(codes(await sheet('ct', class5b))).toEqual(['FORBIDDEN']);
    expect(codes(await sheet('otherDeputy', class5a))).toEqual(['NOT_FOUND']);
    expect(codes(await sheet('parentV', class5a))).toEqual(['FORBIDDEN']);
    const bad = await gql(
      app.url,
      SHEET,
      { input: { schoolClassId: 'x' } },
      { token: token.deputy },
    );
    expect(codes(bad)).toEqual(['NOT_FOUND']);
  });
});

const explain = (who: string, studentId: string, assignmentId = math5a.id, periodId = q1.id) =>
  gql<ExplainData>(
    app.url,
    EXPLAIN,
    { input: { studentId, assignmentId, periodId } },
    { token: token[who] },
  );

describe('Explain this average', () => {
  it('R-JRN-5: the marks, their weights, both averages, the proposal and the teacher’s mark', async () => {
    const r = await explain('deputy', s.v!.id);
    expect(r.errors).toBeUndefined();
    expect(r.data!.explainAverage).toEqual({
      studentName: 'Васильев Глеб',
      subjectName: 'Математика',
      periodName: '1 четверть',
      marks: [
        {
          date: '2026-09-14',
          lessonNumber: 1,
          topic: 'Дроби',
          workType: 'Ответ на уроке',
          value: '5',
          numericValue: 5,
          weight: 1,
        },
        {
          date: '2026-09-15',
          lessonNumber: 2,
          topic: 'Контрольная',
          workType: 'Контрольная работа',
          value: '3',
          numericValue: 3,
          weight: 2,
        },
        {
          date: '2026-09-21',
          lessonNumber: 3,
          topic: 'Десятичные',
          workType: 'Ответ на уроке',
          value: '4',
          numericValue: 4,
          weight: 1,
        },
      ],
      average: 4,
      weightedAverage: 3.75,
      proposedMark: '4',
      enoughMarks: true,
      minMarks: 3,
      periodMark: '3',
      periodMarkSpecial: null,
    });
  });

  it('R-JRN-5: x.5 rounds up; too few marks is flagged', async () => {
    const g = (await explain('t1', s.g!.id)).data!.explainAverage;
    expect(g).toMatchObject({
      average: 2.5,
      weightedAverage: 2.5,
      proposedMark: '3',
      enoughMarks: false,
      periodMark: '2',
    });
    const d = (await explain('t1', s.d!.id)).data!.explainAverage;
    expect(d).toMatchObject({
      marks: [],
      average: null,
      proposedMark: null,
      enoughMarks: false,
      periodMarkSpecial: 'NOT_ATTESTED',
    });
  });

  it('the student and their parent see it; another family, another school and other pages do not', async () => {
    expect((await explain('v', s.v!.id)).data!.explainAverage.weightedAverage).toBe(3.75);
    expect((await explain('parentV', s.v!.id)).data!.explainAverage.proposedMark).toBe('4');
    expect((await explain('ct', s.v!.id)).data!.explainAverage.periodMark).toBe('3');
    expect(codes(await explain('parentG', s.v!.id))).toEqual(['NOT_FOUND']);
    expect(codes(await explain('v', s.g!.id))).toEqual(['NOT_FOUND']);
    expect(codes(await explain('otherDeputy', s.v!.id))).toEqual(['NOT_FOUND']);
    // Лебедев teaches Russian: the mathematics page is not his.
    expect(codes(await explain('t2', s.v!.id))).toEqual(['NOT_FOUND']);
    // Васильев was never in 5Б.
    expect(codes(await explain('deputy', s.v!.id, math5b.id))).toEqual(['NOT_FOUND']);
    expect(codes(await explain('parentV', s.v!.id, math5b.id))).toEqual(['NOT_FOUND']);
    expect(codes(await explain('deputy', s.v!.id, math5a.id, crypto.randomUUID()))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await explain('deputy', 'nope'))).toEqual(['NOT_FOUND']);
    expect(codes(await explain('clerk', s.v!.id))).toEqual(['FORBIDDEN']);
  });

  it('by subject instead of page (from the diary): the student’s page of it; one of the two only', async () => {
    const bySubject = (who: string, input: Record<string, unknown>) =>
      gql<ExplainData>(
        app.url,
        EXPLAIN,
        { input: { periodId: q1.id, ...input } },
        { token: token[who] },
      );
    const r = await bySubject('parentV', { studentId: s.v!.id, subjectId: math.id });
    expect(r.data!.explainAverage).toMatchObject({
      subjectName: 'Математика',
      weightedAverage: 3.75,
      periodMark: '3',
    });
    expect(r.data!.explainAverage.marks).toHaveLength(3);
    expect(codes(await bySubject('parentG', { studentId: s.v!.id, subjectId: math.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      codes(await bySubject('parentV', { studentId: s.v!.id, subjectId: crypto.randomUUID() })),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await bySubject('parentV', { studentId: s.v!.id }))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await bySubject('parentV', {
          studentId: s.v!.id,
          subjectId: math.id,
          assignmentId: math5a.id,
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});

describe('fast by construction', () => {
  it('each report costs the same number of SQL statements with 8 students and with 38', async () => {
    const statements = async () => {
      const counts: number[] = [];
      for (const run of [
        () => performance('deputy', { periodId: q1.id }),
        () => attendance('deputy', { from: '2026-09-01', to: '2026-10-31' }),
        () => sheet('deputy', class5a),
        () => explain('deputy', s.v!.id),
      ]) {
        app.resetQueries();
        const r = await run();
        expect(r.errors).toBeUndefined();
        counts.push(app.queries.length);
      }
      return counts;
    };
    const before = await statements();
    // Thirty more students in 5А and 5Б, each with period marks, current marks and absences.
    const m = await createLesson(em, math5a, {
      date: '2026-10-12',
      lessonNumber: 4,
      workType: oral,
    });
    const bm = await createLesson(em, math5b, {
      date: '2026-10-13',
      lessonNumber: 4,
      workType: oral,
    });
    for (let i = 0; i < 30; i++) {
      const cls = i % 2 ? class5a : class5b;
      const p = await student(`Ученик${i}`, 'Тест', cls);
      periodMark(p, math, q1, String(2 + (i % 4)));
      periodMark(p, russian, q1, String(2 + ((i + 1) % 4)));
      periodMark(p, math, yearPeriod, '4');
      mark(i % 2 ? m : bm, p, 4, oral);
      absence(i % 2 ? m : bm, p, AttendanceStatus.ABSENT, AbsenceReason.ILLNESS);
    }
    await em.flush();
    const after = await statements();
    expect(after).toEqual(before);
    expect(Math.max(...before)).toBeLessThanOrEqual(8);
  });
});
