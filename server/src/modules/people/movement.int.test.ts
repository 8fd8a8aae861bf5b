// Student movement through GraphQL (issue 4, R-YEAR-5): admission, transfer and departure by the
// records clerk and the administration, and what the journal and the diary show afterwards.
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
} from '../../../test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubgroup,
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import type { Lesson } from '../journal/lesson.entity.js';
import type { ReportingPeriod } from '../year/reporting-period.entity.js';
import type { SchoolClass } from '../year/school-class.entity.js';
import { SubgroupMembership } from '../year/subgroup-membership.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { Enrolment } from './enrolment.entity.js';
import { Person } from './person.entity.js';
import { Role } from './role-assignment.entity.js';

const CREATE_STUDENT = /* GraphQL */ `
  mutation ($input: CreateStudentInput!) {
    createStudent(input: $input) {
      id
      lastName
      firstName
    }
  }
`;
const CREATE_PARENT = /* GraphQL */ `
  mutation ($input: CreateParentInput!) {
    createParent(input: $input) {
      id
    }
  }
`;
const ENROLMENT = `id startsOn endsOn admissionKind departureKind note student { id } schoolClass { id name }`;
const ADMIT = `mutation ($input: AdmitStudentInput!) { admitStudent(input: $input) { ${ENROLMENT} } }`;
const TRANSFER = `mutation ($input: TransferStudentInput!) { transferStudent(input: $input) { ${ENROLMENT} } }`;
const DEPART = `mutation ($input: DepartStudentInput!) { departStudent(input: $input) { ${ENROLMENT} } }`;
const ROSTER = `query ($c: ID!, $on: String!) { classRoster(schoolClassId: $c, on: $on) { ${ENROLMENT} } }`;
const PAGE = /* GraphQL */ `
  query ($a: ID!, $p: ID!) {
    journalPage(assignmentId: $a, periodId: $p) {
      students {
        student {
          id
        }
        enrolledFrom
        leftOn
        markCount
      }
      marks {
        studentId
        value
        lessonId
      }
    }
  }
`;
const SET_MARKS = /* GraphQL */ `
  mutation ($input: SetMarksInput!) {
    setMarks(input: $input) {
      marks {
        id
        studentId
        value
      }
    }
  }
`;
const DIARY_PERIOD = /* GraphQL */ `
  query ($s: ID!, $p: ID!) {
    diaryPeriod(studentId: $s, periodId: $p) {
      subjects {
        subject {
          name
        }
        marks {
          date
          value
          lessonId
        }
      }
    }
  }
`;
const DIARY_WEEK = /* GraphQL */ `
  query ($s: ID!, $w: String!) {
    diaryWeek(studentId: $s, weekOf: $w) {
      days {
        date
        schoolClass {
          name
        }
        lessons {
          lessonId
          marks {
            value
          }
        }
      }
    }
  }
`;
const HISTORY = /* GraphQL */ `
  query ($t: String!, $id: ID!) {
    history(entityType: $t, entityId: $id) {
      action
      before
      after
      reason
    }
  }
`;

interface EnrolmentData {
  id: string;
  startsOn: string;
  endsOn: string | null;
  admissionKind: string;
  departureKind: string | null;
  note: string | null;
  student: { id: string };
  schoolClass: { id: string; name: string };
}
interface PageData {
  journalPage: {
    students: {
      student: { id: string };
      enrolledFrom: string;
      leftOn: string | null;
      markCount: number;
    }[];
    marks: { studentId: string; value: string; lessonId: string }[];
  };
}
interface DiaryPeriodData {
  diaryPeriod: {
    subjects: { subject: { name: string }; marks: { date: string; value: string }[] }[];
  };
}
interface DiaryWeekData {
  diaryWeek: {
    days: {
      date: string;
      schoolClass: { name: string } | null;
      lessons: { lessonId: string | null; marks: { value: string }[] }[];
    }[];
  };
}

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
const classes: Record<string, SchoolClass> = {};
const lessons: Record<string, Lesson> = {};
let q1: ReportingPeriod;
let q2: ReportingPeriod;
let maths5a: TeachingAssignment;
let maths5b: TeachingAssignment;
let schoolId: string;
let mover: string;
let stayer: Person;

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  schoolId = school.id;
  const year = await createYear(em, school);
  const lastYear = await createYear(em, school, '2025/2026');
  q1 = await createPeriod(em, year);
  q2 = await createPeriod(em, year, { number: 2, startsOn: '2026-11-05', endsOn: '2026-12-27' });
  const person = (lastName: string, roles: Role[], at = school) =>
    createPerson(em, { school: at, roles, lastName, firstName: 'Тест' });
  const teacher = await person('Математикова', [Role.TEACHER]);
  const leaderA = await person('Классная', [Role.TEACHER]);
  const leaderB = await person('Руководова', [Role.TEACHER]);
  const clerk = await person('Секретарёва', [Role.RECORDS_CLERK]);
  const deputy = await person('Завучева', [Role.DEPUTY]);
  classes.a = await createClass(em, { school, year, letter: 'А', classTeacher: leaderA });
  classes.b = await createClass(em, { school, year, letter: 'Б', classTeacher: leaderB });
  classes.lastYear = await createClass(em, { school, year: lastYear, gradeLevel: 4 });
  const maths = await createSubject(em, school, 'Математика');
  maths5a = await createAssignment(em, { teacher, subject: maths, schoolClass: classes.a });
  maths5b = await createAssignment(em, { teacher, subject: maths, schoolClass: classes.b });
  lessons.a1 = await createLesson(em, maths5a, { date: '2026-09-08' });
  lessons.a2 = await createLesson(em, maths5a, { date: '2026-09-15' });
  lessons.a3 = await createLesson(em, maths5a, { date: '2026-09-22' });
  lessons.b1 = await createLesson(em, maths5b, { date: '2026-09-22' });
  lessons.b2 = await createLesson(em, maths5b, { date: '2026-10-13' });
  lessons.b3 = await createLesson(em, maths5b, { date: '2026-11-10' });
  // A 5Б student who stays, so 5Б's pages are never empty by accident.
  stayer = (await createFamily(em, { schoolClass: classes.b })).student;

  const otherSchool = await createSchool(em);
  const otherClerk = await person('Чужая', [Role.RECORDS_CLERK], otherSchool);
  for (const [name, p] of Object.entries({
    teacher,
    leaderA,
    leaderB,
    clerk,
    deputy,
    otherClerk,
  })) {
    token[name] = await sessionFor(em, p);
  }
});

afterAll(async () => {
  await app?.close();
});

const as = <T>(who: string, query: string, variables: Record<string, unknown>) =>
  gql<T>(app.url, query, variables, { token: token[who] });
const field = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.field;
const roster = async (c: SchoolClass, on: string, who = 'clerk') => {
  const r = await as<{ classRoster: EnrolmentData[] }>(who, ROSTER, { c: c.id, on });
  expect(r.errors).toBeUndefined();
  return r.data!.classRoster;
};
const page = async (a: TeachingAssignment, p: ReportingPeriod) => {
  const r = await as<PageData>('teacher', PAGE, { a: a.id, p: p.id });
  expect(r.errors).toBeUndefined();
  return r.data!.journalPage;
};
const mark = (lesson: Lesson, value = '5') =>
  as<{ setMarks: { marks: { studentId: string; value: string }[] } }>('teacher', SET_MARKS, {
    input: { lessonId: lesson.id, add: [{ studentId: mover, value }] },
  });
const enrolmentsOfMover = () =>
  em.fork().find(Enrolment, { student: mover }, { orderBy: { startsOn: 'asc' } });
const diaryMarks = async (who: string, period = q1) => {
  const r = await as<DiaryPeriodData>(who, DIARY_PERIOD, { s: mover, p: period.id });
  expect(r.errors).toBeUndefined();
  return r.data!.diaryPeriod.subjects.flatMap((s) => s.marks.map((m) => `${m.date} ${m.value}`));
};

describe('admission', () => {
  it('R-YEAR-5, R-ROLE-3: the records clerk adds a student to 5А from a date (createStudent)', async () => {
    const r = await as<{ createStudent: { id: string } }>('clerk', CREATE_STUDENT, {
      input: {
        schoolClassId: classes.a!.id,
        from: '2026-09-01',
        lastName: 'Переходов',
        firstName: 'Миша',
        birthDate: '2015-03-04',
        reason: 'Приказ № 1',
      },
    });
    expect(r.errors).toBeUndefined();
    mover = r.data!.createStudent.id;
    const p = await as<{ createParent: { id: string } }>('clerk', CREATE_PARENT, {
      input: {
        schoolId,
        lastName: 'Переходова',
        firstName: 'Анна',
        studentId: mover,
        kind: 'MOTHER',
      },
    });
    expect(p.errors).toBeUndefined();
    const moverPerson = await em.findOneOrFail(Person, mover);
    token.student = await sessionFor(em, moverPerson);
    token.parent = await sessionFor(em, await em.findOneOrFail(Person, p.data!.createParent.id));

    const list = await roster(classes.a!, '2026-09-01');
    expect(list.map((e) => [e.student.id, e.startsOn, e.admissionKind])).toEqual([
      [mover, '2026-09-01', 'ADMISSION'],
    ]);
    expect(await roster(classes.a!, '2026-08-31')).toEqual([]);
  });

  it('R-YEAR-5: refuses a student in two classes at once, and writes nothing', async () => {
    const r = await as('clerk', ADMIT, {
      input: { studentId: mover, schoolClassId: classes.b!.id, from: '2026-09-10', reason: 'x' },
    });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(field(r)).toBe('studentId');
    expect((await enrolmentsOfMover()).length).toBe(1);
    expect((await roster(classes.b!, '2026-09-10')).map((e) => e.student.id)).toEqual([stayer.id]);
  });

  it('R-YEAR-5: admitStudent refuses a date outside the class year, a missing reason, a non-student', async () => {
    const stranger = await createPerson(em, { school: classes.a!.school, roles: [Role.PARENT] });
    const cases: [Record<string, unknown>, string][] = [
      [{ studentId: stayer.id, from: '2027-06-15', reason: 'x' }, 'from'],
      [{ studentId: stayer.id, from: '2026-13-01', reason: 'x' }, 'from'],
      [{ studentId: stayer.id, from: '2027-01-10', reason: '  ' }, 'reason'],
      [{ studentId: stranger.id, from: '2027-01-10', reason: 'x' }, 'studentId'],
    ];
    for (const [input, at] of cases) {
      const r = await as('clerk', ADMIT, { input: { schoolClassId: classes.a!.id, ...input } });
      expect(codes(r), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(field(r)).toBe(at);
    }
  });

  it('R-ROLE-3: a teacher or class teacher may not admit; another school is NOT_FOUND', async () => {
    const input = { studentId: stayer.id, schoolClassId: classes.a!.id, from: '2027-01-10' };
    for (const who of ['teacher', 'leaderA']) {
      expect(codes(await as(who, ADMIT, { input: { ...input, reason: 'x' } }))).toEqual([
        'FORBIDDEN',
      ]);
    }
    expect(codes(await as('otherClerk', ADMIT, { input: { ...input, reason: 'x' } }))).toEqual([
      'NOT_FOUND',
    ]);
  });
});

describe('transfer', () => {
  it('gives marks in 5А before the transfer (setMarks by the teacher)', async () => {
    for (const [lesson, value] of [
      [lessons.a1!, '4'],
      [lessons.a2!, '5'],
    ] as const) {
      const r = await mark(lesson, value);
      expect(r.errors).toBeUndefined();
    }
  });

  it('R-YEAR-5: refuses a bad transfer and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ toSchoolClassId: classes.a!.id, from: '2026-09-21' }, 'BAD_USER_INPUT', 'toSchoolClassId'],
      [
        { toSchoolClassId: classes.lastYear!.id, from: '2026-09-21' },
        'BAD_USER_INPUT',
        'toSchoolClassId',
      ],
      [{ toSchoolClassId: classes.b!.id, from: '2026-08-20' }, 'BAD_USER_INPUT', 'from'],
      [{ toSchoolClassId: classes.b!.id, from: '2026-09-01' }, 'BAD_USER_INPUT', 'from'],
      [{ toSchoolClassId: classes.b!.id, from: '21.09.2026' }, 'BAD_USER_INPUT', 'from'],
      [
        { toSchoolClassId: '00000000-0000-4000-8000-000000000000', from: '2026-09-21' },
        'NOT_FOUND',
        'toSchoolClassId',
      ],
    ];
    for (const [input, code, at] of cases) {
      const r = await as('clerk', TRANSFER, { input: { studentId: mover, reason: 'x', ...input } });
      expect(codes(r), JSON.stringify(input)).toEqual([code]);
      expect(field(r)).toBe(at);
    }
    // Dated back before the marks of 15 September: they would drop out of 5А's journal.
    const backdated = await as('clerk', TRANSFER, {
      input: { studentId: mover, toSchoolClassId: classes.b!.id, from: '2026-09-10', reason: 'x' },
    });
    expect(codes(backdated)).toEqual(['CONFLICT']);
    expect(backdated.errors?.[0]?.extensions).toMatchObject({
      field: 'from',
      marks: 1,
      absences: 0,
    });
    const blank = await as('clerk', TRANSFER, {
      input: { studentId: mover, toSchoolClassId: classes.b!.id, from: '2026-09-21', reason: '' },
    });
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(field(blank)).toBe('reason');
    expect((await enrolmentsOfMover()).map((e) => e.endsOn ?? null)).toEqual([null]);
  });

  it('R-ROLE-3: only the records clerk and the administration of the school transfer', async () => {
    const input = {
      studentId: mover,
      toSchoolClassId: classes.b!.id,
      from: '2026-09-21',
      reason: 'x',
    };
    for (const who of ['teacher', 'leaderA', 'student', 'parent']) {
      expect(codes(await as(who, TRANSFER, { input })), who).toEqual(['FORBIDDEN']);
    }
    expect(codes(await as('otherClerk', TRANSFER, { input }))).toEqual(['NOT_FOUND']);
    expect((await enrolmentsOfMover()).length).toBe(1);
  });

  it('R-YEAR-5: the clerk transfers the student to 5Б from 21 September, in one step', async () => {
    const english = await createSubject(em, classes.a!.school, 'Английский язык');
    const moverPerson = await em.findOneOrFail(Person, mover);
    const group = await createSubgroup(em, classes.a!, english, [moverPerson]);

    const r = await as<{ transferStudent: EnrolmentData }>('clerk', TRANSFER, {
      input: {
        studentId: mover,
        toSchoolClassId: classes.b!.id,
        from: '2026-09-21',
        reason: 'Приказ № 17',
        note: 'по заявлению родителей',
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.transferStudent).toMatchObject({
      startsOn: '2026-09-21',
      endsOn: null,
      admissionKind: 'TRANSFER_IN',
      note: 'по заявлению родителей',
      schoolClass: { name: '5Б' },
    });
    const rows = await enrolmentsOfMover();
    expect(
      rows.map((e) => [e.schoolClass.id, e.startsOn, e.endsOn ?? null, e.departureKind ?? null]),
    ).toEqual([
      [classes.a!.id, '2026-09-01', '2026-09-21', 'TRANSFER_OUT'],
      [classes.b!.id, '2026-09-21', null, null],
    ]);
    // The old class's groups end with it.
    const membership = await em.fork().findOneOrFail(SubgroupMembership, { subgroup: group });
    expect(membership.endsOn).toBe('2026-09-21');

    const deputy = await as<{ history: { action: string; reason: string; after: unknown }[] }>(
      'deputy',
      HISTORY,
      { t: 'Enrolment', id: rows[0]!.id },
    );
    expect(deputy.data?.history.map((h) => [h.action, h.reason])).toEqual([
      ['admit', 'Приказ № 1'],
      ['transferOut', 'Приказ № 17'],
    ]);
    expect(deputy.data?.history[1]?.after).toMatchObject({ endsOn: '2026-09-21' });
  });

  it('R-YEAR-5: classRoster shows the student in 5А up to 20 September and in 5Б from the 21st', async () => {
    expect((await roster(classes.a!, '2026-09-20')).map((e) => e.student.id)).toEqual([mover]);
    expect(await roster(classes.a!, '2026-09-21')).toEqual([]);
    expect((await roster(classes.b!, '2026-09-21')).map((e) => e.student.id).sort()).toEqual(
      [mover, stayer.id].sort(),
    );
    // The class teacher reads their own class's list, not another's.
    expect((await roster(classes.b!, '2026-09-21', 'leaderB')).length).toBe(2);
    const r = await as('leaderA', ROSTER, { c: classes.b!.id, on: '2026-09-21' });
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(codes(await as('teacher', ROSTER, { c: classes.a!.id, on: '2026-09-21' }))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('R-YEAR-5: the history keeps both classes, for the family and the clerk, not a subject teacher', async () => {
    const HISTORY_OF = `query ($s: ID!) { enrolmentHistory(studentId: $s) { ${ENROLMENT} } }`;
    for (const who of ['clerk', 'parent', 'student', 'leaderB']) {
      const r = await as<{ enrolmentHistory: EnrolmentData[] }>(who, HISTORY_OF, { s: mover });
      expect(r.errors, who).toBeUndefined();
      expect(
        r.data!.enrolmentHistory.map((e) => [e.schoolClass.name, e.startsOn, e.endsOn]),
      ).toEqual([
        ['5А', '2026-09-01', '2026-09-21'],
        ['5Б', '2026-09-21', null],
      ]);
    }
    for (const who of ['teacher', 'otherClerk']) {
      expect(codes(await as(who, HISTORY_OF, { s: mover })), who).toEqual(['NOT_FOUND']);
    }
  });

  it('R-YEAR-5 (the movement test): marks given in 5А stay in 5А journal up to the date; 5Б shows the student from it', async () => {
    // A mark in 5А after the date is refused; in 5Б it is taken.
    expect(codes(await mark(lessons.a3!))).toEqual(['BAD_USER_INPUT']);
    expect((await mark(lessons.b1!, '3')).errors).toBeUndefined();

    const a = await page(maths5a, q1);
    expect(a.students.find((s) => s.student.id === mover)).toMatchObject({
      enrolledFrom: '2026-09-01',
      leftOn: '2026-09-21',
      markCount: 2,
    });
    expect(a.marks.filter((m) => m.studentId === mover).map((m) => [m.lessonId, m.value])).toEqual([
      [lessons.a1!.id, '4'],
      [lessons.a2!.id, '5'],
    ]);

    const b = await page(maths5b, q1);
    expect(b.students.find((s) => s.student.id === mover)).toMatchObject({
      enrolledFrom: '2026-09-21',
      leftOn: null,
      markCount: 1,
    });
    expect(b.marks.filter((m) => m.studentId === mover).map((m) => m.value)).toEqual(['3']);
  });

  it("R-YEAR-5 (the movement test): the student's diary keeps the 5А marks and shows the new class from the date", async () => {
    for (const who of ['parent', 'student']) {
      expect(await diaryMarks(who)).toEqual(['2026-09-08 4', '2026-09-15 5', '2026-09-22 3']);
    }
    const before = await as<DiaryWeekData>('parent', DIARY_WEEK, { s: mover, w: '2026-09-14' });
    expect(before.errors).toBeUndefined();
    const tuesday = before.data!.diaryWeek.days.find((d) => d.date === '2026-09-15')!;
    expect(tuesday.schoolClass?.name).toBe('5А');
    expect(tuesday.lessons.find((l) => l.lessonId === lessons.a2!.id)?.marks).toEqual([
      { value: '5' },
    ]);

    const after = await as<DiaryWeekData>('parent', DIARY_WEEK, { s: mover, w: '2026-09-21' });
    expect(after.errors).toBeUndefined();
    const days = Object.fromEntries(after.data!.diaryWeek.days.map((d) => [d.date, d]));
    expect(days['2026-09-21']!.schoolClass?.name).toBe('5Б');
    const tue = days['2026-09-22']!;
    expect(tue.schoolClass?.name).toBe('5Б');
    expect(tue.lessons.map((l) => l.lessonId)).toContain(lessons.b1!.id);
    expect(tue.lessons.map((l) => l.lessonId)).not.toContain(lessons.a3!.id);
  });
});

describe('departure', () => {
  it('R-YEAR-5: refuses a bad departure', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ from: '2026-10-05', kind: 'PROMOTION', reason: 'x' }, 'kind'],
      [{ from: '2026-09-21', reason: 'x' }, 'from'],
      [{ from: '2026-10-05', reason: '' }, 'reason'],
    ];
    for (const [input, at] of cases) {
      const r = await as('clerk', DEPART, { input: { studentId: mover, ...input } });
      expect(codes(r), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(field(r)).toBe(at);
    }
    const backdated = await as('clerk', DEPART, {
      input: { studentId: mover, from: '2026-09-22', reason: 'x' },
    });
    expect(codes(backdated)).toEqual(['CONFLICT']);
    expect(field(backdated)).toBe('from');
    expect(
      codes(
        await as('leaderB', DEPART, {
          input: { studentId: mover, from: '2026-10-05', reason: 'x' },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect((await enrolmentsOfMover())[1]!.endsOn ?? null).toBeNull();
  });

  it('R-YEAR-5: the deputy records the departure from 5 October', async () => {
    const r = await as<{ departStudent: EnrolmentData }>('deputy', DEPART, {
      input: {
        studentId: mover,
        from: '2026-10-05',
        reason: 'Приказ № 30',
        note: 'в школу № 5 г. Казани',
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.departStudent).toMatchObject({
      endsOn: '2026-10-05',
      departureKind: 'DEPARTURE',
      note: 'в школу № 5 г. Казани',
      schoolClass: { name: '5Б' },
    });
    // Departed already: nothing to end on a later date.
    const again = await as('clerk', DEPART, {
      input: { studentId: mover, from: '2026-10-20', reason: 'x' },
    });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(field(again)).toBe('from');
  });

  it('R-YEAR-5: a departed student disappears from journals after the date', async () => {
    expect((await page(maths5b, q2)).students.map((s) => s.student.id)).toEqual([stayer.id]);
    expect((await roster(classes.b!, '2026-10-05')).map((e) => e.student.id)).toEqual([stayer.id]);
    expect(codes(await mark(lessons.b2!))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await mark(lessons.b3!))).toEqual(['BAD_USER_INPUT']);
    // Up to the date the row is there, with its mark.
    expect((await page(maths5b, q1)).students.find((s) => s.student.id === mover)).toMatchObject({
      enrolledFrom: '2026-09-21',
      leftOn: '2026-10-05',
      markCount: 1,
    });
  });

  it('R-YEAR-5: …but never from the archive: the diary keeps every mark', async () => {
    for (const who of ['parent', 'student']) {
      expect(await diaryMarks(who)).toEqual(['2026-09-08 4', '2026-09-15 5', '2026-09-22 3']);
    }
    expect((await page(maths5a, q1)).students.map((s) => s.student.id)).toContain(mover);
  });
});
