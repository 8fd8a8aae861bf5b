import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createSchool } from '../../../test/factories/index.js';
import {
  createLesson,
  createSubgroup,
  createSubject as createSubjectRow,
  createWorkType,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import { Lesson } from '../journal/lesson.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import type { School } from '../school/school.entity.js';
import { TimetableSlot } from '../timetable/timetable-slot.entity.js';
import { AcademicYear } from './academic-year.entity.js';
import { CurriculumItem } from './curriculum-item.entity.js';
import { PlannedTopic } from './planned-topic.entity.js';
import { ReportingPeriod } from './reporting-period.entity.js';
import { SchoolClass } from './school-class.entity.js';
import { Subject } from './subject.entity.js';
import { TeachingAssignment } from './teaching-assignment.entity.js';

const YEAR = `mutation($input: CreateAcademicYearInput!) { createAcademicYear(input: $input) { id name startsOn endsOn } }`;
const PERIOD = `mutation($input: CreateReportingPeriodInput!) { createReportingPeriod(input: $input) { id kind number name startsOn endsOn gradeLevels closedAt } }`;
const UPDATE_PERIOD = `mutation($input: UpdateReportingPeriodInput!) { updateReportingPeriod(input: $input) { id startsOn endsOn gradeLevels } }`;
const CLOSE_PERIOD = `mutation($input: CloseReportingPeriodInput!) { closeReportingPeriod(input: $input) { id closedAt } }`;
const CLASS = `mutation($input: CreateSchoolClassInput!) { createSchoolClass(input: $input) { id name gradeLevel letter classTeacher { id } year { id } } }`;
const UPDATE_CLASS = `mutation($input: UpdateSchoolClassInput!) { updateSchoolClass(input: $input) { id name classTeacher { id } } }`;
const SUBJECT = `mutation($input: CreateSubjectInput!) { createSubject(input: $input) { id name shortName } }`;
const CURRICULUM = `mutation($input: SetCurriculumInput!) { setCurriculum(input: $input) { id plannedLessons subject { name } period { name } schoolClass { name } } }`;
const ASSIGN = `mutation($input: AssignTeacherInput!) { assignTeacher(input: $input) { id startsOn endsOn teacher { id } subject { id } schoolClass { id } subgroup { id } } }`;
const CHANGE = `mutation($input: ChangeTeacherInput!) { changeTeacher(input: $input) { id startsOn endsOn teacher { id } } }`;
const TOPICS = `mutation($input: SetPlannedTopicsInput!) { setPlannedTopics(input: $input) { id position title plannedHours } }`;
const COPY = `mutation($input: CopyYearStructureInput!) { copyYearStructure(input: $input) {
  year { id name startsOn endsOn }
  reportingPeriods { kind number name startsOn endsOn gradeLevels closedAt }
  schoolClasses { id name classTeacher { id } }
  graduatedClasses { name }
  curriculumItemCount } }`;

let app: TestApp;
let em: EntityManager;
let school: School;
let otherSchool: School;
const token: Record<string, string> = {};
const person: Record<string, Person> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  school = await createSchool(em);
  otherSchool = await createSchool(em);
  const people: [string, School, Role][] = [
    ['director', school, Role.DIRECTOR],
    ['deputy', school, Role.DEPUTY],
    ['teacher', school, Role.TEACHER],
    ['colleague', school, Role.TEACHER],
    ['newcomer', school, Role.TEACHER],
    ['clerk', school, Role.RECORDS_CLERK],
    ['student', school, Role.STUDENT],
    ['parent', school, Role.PARENT],
    ['stranger', otherSchool, Role.DIRECTOR],
  ];
  for (const [name, s, role] of people) {
    person[name] = await createPerson(em, { school: s, roles: [role], lastName: name });
    token[name] = await sessionFor(em, person[name]);
  }
});

afterAll(async () => {
  await app?.close();
});

const call = <T = Record<string, unknown>>(
  op: string,
  as: string,
  input: Record<string, unknown>,
) => gql<Record<string, T>>(app.url, op, { input }, { token: token[as] });
const query = <T = unknown>(op: string, as: string, variables: Record<string, unknown>) =>
  gql<Record<string, T>>(app.url, op, variables, { token: token[as] });
const audits = (entityId: string, action?: string) =>
  em.fork().count(AuditEvent, { entityId, ...(action ? { action } : {}) });
const refusedAt = (r: GqlResult<unknown>, code: string, field?: string) => {
  expect(codes(r)).toEqual([code]);
  if (field) {
    expect(r.errors?.[0]?.extensions?.field).toBe(field);
  }
};

describe('academic years and reporting periods (R-YEAR-1)', () => {
  it('R-YEAR-1: the administration opens a school year, audited; staff read it', async () => {
    const r = await call<{ id: string }>(YEAR, 'director', {
      schoolId: school.id,
      name: '2026/2027',
      startsOn: '2026-09-01',
      endsOn: '2027-05-31',
    });
    expect(r.errors).toBeUndefined();
    ids.year = r.data!.createAcademicYear!.id;
    expect(await audits(ids.year, 'create')).toBe(1);
    const read = await query<{ name: string }[]>(
      `query($s: ID!) { academicYears(schoolId: $s) { id name startsOn endsOn } }`,
      'teacher',
      { s: school.id },
    );
    expect(read.data?.academicYears).toEqual([
      { id: ids.year, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-05-31' },
    ]);
  });

  it.each([
    [
      'an overlapping year',
      { name: 'x', startsOn: '2027-05-01', endsOn: '2028-05-31' },
      'startsOn',
    ],
    [
      'a year that ends before it starts',
      { name: 'y', startsOn: '2028-09-01', endsOn: '2028-08-01' },
      'endsOn',
    ],
    [
      'a name already used',
      { name: '2026/2027', startsOn: '2030-09-01', endsOn: '2031-05-31' },
      'name',
    ],
    [
      'a date that does not exist',
      { name: 'z', startsOn: '2030-02-30', endsOn: '2031-05-31' },
      'startsOn',
    ],
  ])('R-YEAR-1: refuses %s and writes nothing', async (_n, input, field) => {
    const before = await em.fork().count(AcademicYear, {});
    refusedAt(
      await call(YEAR, 'director', { schoolId: school.id, ...input }),
      'BAD_USER_INPUT',
      field,
    );
    expect(await em.fork().count(AcademicYear, {})).toBe(before);
  });

  it('R-ROLE-2: only the administration of the school sets up its year', async () => {
    const input = {
      schoolId: school.id,
      name: '2040/2041',
      startsOn: '2040-09-01',
      endsOn: '2041-05-31',
    };
    for (const who of ['teacher', 'clerk', 'student', 'parent']) {
      refusedAt(await call(YEAR, who, input), 'FORBIDDEN');
    }
    refusedAt(await call(YEAR, 'stranger', input), 'NOT_FOUND', 'schoolId');
    refusedAt(
      await query(`query($s: ID!) { academicYears(schoolId: $s) { id } }`, 'stranger', {
        s: school.id,
      }),
      'NOT_FOUND',
      'schoolId',
    );
    expect(await em.fork().count(AcademicYear, { name: '2040/2041' })).toBe(0);
  });

  it('R-YEAR-1: quarters for grades 1–9, half-years for 10–11 and the year, with holidays between', async () => {
    const quarters = [
      ['2026-09-01', '2026-10-26'],
      ['2026-11-05', '2026-12-28'],
      ['2027-01-09', '2027-03-21'],
      ['2027-04-01', '2027-05-31'],
    ];
    for (const [i, [startsOn, endsOn]] of quarters.entries()) {
      const r = await call<{ id: string }>(PERIOD, 'deputy', {
        yearId: ids.year,
        kind: 'QUARTER',
        number: i + 1,
        name: `${i + 1} четверть`,
        startsOn,
        endsOn,
        gradeLevels: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      });
      expect(r.errors).toBeUndefined();
      ids[`q${i + 1}`] = r.data!.createReportingPeriod!.id;
    }
    for (const [n, startsOn, endsOn] of [
      [1, '2026-09-01', '2026-12-28'],
      [2, '2027-01-09', '2027-05-31'],
    ] as const) {
      const r = await call(PERIOD, 'deputy', {
        yearId: ids.year,
        kind: 'HALF_YEAR',
        number: n,
        name: `${n} полугодие`,
        startsOn,
        endsOn,
        gradeLevels: [11, 10],
      });
      expect(r.errors).toBeUndefined();
    }
    const year = await call(PERIOD, 'deputy', {
      yearId: ids.year,
      kind: 'YEAR',
      number: 1,
      name: 'Год',
      startsOn: '2026-09-01',
      endsOn: '2027-05-31',
      gradeLevels: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    });
    expect(year.errors).toBeUndefined();
    expect(await audits(ids.q1!, 'create')).toBe(1);
    const read = await query<{ kind: string; gradeLevels: number[] }[]>(
      `query($y: ID!) { reportingPeriods(yearId: $y) { kind number gradeLevels } }`,
      'clerk',
      { y: ids.year },
    );
    expect(read.data?.reportingPeriods).toHaveLength(7);
    expect(read.data?.reportingPeriods?.[0]).toMatchObject({
      kind: 'QUARTER',
      gradeLevels: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    });
  });

  it.each([
    [
      'overlapping quarters',
      { number: 5, startsOn: '2026-10-20', endsOn: '2026-10-30' },
      'startsOn',
    ],
    [
      'a period beyond the year',
      { number: 5, startsOn: '2027-05-01', endsOn: '2027-06-30' },
      'endsOn',
    ],
    [
      'a number already used',
      { number: 2, startsOn: '2026-10-28', endsOn: '2026-11-02' },
      'number',
    ],
    [
      'a period that ends before it starts',
      { number: 5, startsOn: '2026-11-02', endsOn: '2026-10-28' },
      'endsOn',
    ],
    [
      'no grade levels',
      { number: 5, startsOn: '2026-10-28', endsOn: '2026-11-02', gradeLevels: [] },
      'gradeLevels',
    ],
    [
      'grade 13',
      { number: 5, startsOn: '2026-10-28', endsOn: '2026-11-02', gradeLevels: [13] },
      'gradeLevels',
    ],
  ])('R-YEAR-1: refuses %s and writes nothing', async (_n, extra, field) => {
    const before = await em.fork().count(ReportingPeriod, {});
    const r = await call(PERIOD, 'director', {
      yearId: ids.year,
      kind: 'QUARTER',
      name: 'x',
      gradeLevels: [5],
      ...extra,
    });
    refusedAt(r, 'BAD_USER_INPUT', field);
    expect(await em.fork().count(ReportingPeriod, {})).toBe(before);
  });

  it('R-YEAR-1: a grade level is divided one way: trimesters for grade 5 beside its quarters are refused', async () => {
    const r = await call(PERIOD, 'director', {
      yearId: ids.year,
      kind: 'TRIMESTER',
      number: 1,
      name: '1 триместр',
      startsOn: '2026-09-01',
      endsOn: '2026-11-30',
      gradeLevels: [5, 6],
    });
    refusedAt(r, 'BAD_USER_INPUT', 'gradeLevels');
  });
});

describe('classes (R-YEAR-2)', () => {
  it('R-YEAR-2: opens 5А with a class teacher and 11А, audited; staff list them', async () => {
    const r = await call<{ id: string; name: string; classTeacher: { id: string } }>(
      CLASS,
      'director',
      {
        yearId: ids.year,
        gradeLevel: 5,
        letter: 'а',
        classTeacherId: person.colleague!.id,
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.createSchoolClass).toMatchObject({
      name: '5А',
      classTeacher: { id: person.colleague!.id },
      year: { id: ids.year },
    });
    ids.c5a = r.data!.createSchoolClass!.id;
    expect(await audits(ids.c5a, 'create')).toBe(1);
    const eleven = await call<{ id: string }>(CLASS, 'director', {
      yearId: ids.year,
      gradeLevel: 11,
      letter: 'А',
    });
    ids.c11a = eleven.data!.createSchoolClass!.id;
    const five = await call<{ id: string }>(CLASS, 'director', {
      yearId: ids.year,
      gradeLevel: 5,
      letter: 'Б',
    });
    ids.c5b = five.data!.createSchoolClass!.id;
    const read = await query<{ name: string }[]>(
      `query($y: ID!) { schoolClasses(yearId: $y) { name } }`,
      'teacher',
      { y: ids.year },
    );
    expect(read.data?.schoolClasses?.map((c) => c.name)).toEqual(['5А', '5Б', '11А']);
  });

  it.each([
    ['a class that exists', { gradeLevel: 5, letter: 'А' }, 'letter'],
    ['grade 0', { gradeLevel: 0, letter: 'В' }, 'gradeLevel'],
    ['a long letter', { gradeLevel: 6, letter: 'АБВГ' }, 'letter'],
    [
      'a student as class teacher',
      { gradeLevel: 6, letter: 'А', classTeacherId: 'student' },
      'classTeacherId',
    ],
    [
      'a teacher of another school',
      { gradeLevel: 6, letter: 'А', classTeacherId: 'stranger' },
      'classTeacherId',
    ],
  ])('R-YEAR-2: refuses %s and writes nothing', async (_n, input, field) => {
    const before = await em.fork().count(SchoolClass, {});
    const classTeacherId = 'classTeacherId' in input ? person[input.classTeacherId]!.id : undefined;
    const r = await call(CLASS, 'director', { yearId: ids.year, ...input, classTeacherId });
    refusedAt(r, 'BAD_USER_INPUT', field);
    expect(await em.fork().count(SchoolClass, {})).toBe(before);
  });

  it('R-YEAR-2: changes the class teacher and takes it away, audited with the reason', async () => {
    const r = await call<{ classTeacher: { id: string } | null }>(UPDATE_CLASS, 'deputy', {
      schoolClassId: ids.c5b,
      classTeacherId: person.teacher!.id,
      reason: 'приказ № 12',
    });
    expect(r.data?.updateSchoolClass?.classTeacher).toEqual({ id: person.teacher!.id });
    const removed = await call<{ classTeacher: null }>(UPDATE_CLASS, 'deputy', {
      schoolClassId: ids.c5b,
      classTeacherId: null,
    });
    expect(removed.data?.updateSchoolClass?.classTeacher).toBeNull();
    const rows = await em
      .fork()
      .find(AuditEvent, { entityId: ids.c5b, action: 'update' }, { orderBy: { createdAt: 'asc' } });
    expect(rows.map((a) => [a.before?.classTeacherId, a.after?.classTeacherId, a.reason])).toEqual([
      [null, person.teacher!.id, 'приказ № 12'],
      [person.teacher!.id, null, null],
    ]);
    refusedAt(
      await call(UPDATE_CLASS, 'stranger', { schoolClassId: ids.c5b, letter: 'В' }),
      'NOT_FOUND',
      'schoolClassId',
    );
    refusedAt(
      await call(UPDATE_CLASS, 'teacher', { schoolClassId: ids.c5b, letter: 'В' }),
      'FORBIDDEN',
    );
  });
});

describe('subjects, curriculum and teacher load (R-YEAR-3)', () => {
  it("R-JRN-1: a teacher lists the school's work types by name for the lesson editor; another school's staff get NOT_FOUND", async () => {
    await createWorkType(em, school, { name: 'Контрольная работа', weight: 2, isWritten: true });
    await createWorkType(em, school, { name: 'Ответ на уроке' });
    await createWorkType(em, otherSchool, { name: 'Чужая работа' });
    const list = await query<{ name: string; weight: number; isWritten: boolean }[]>(
      `query($s: ID!) { workTypes(schoolId: $s) { name weight isWritten } }`,
      'teacher',
      { s: school.id },
    );
    expect(list.data?.workTypes).toEqual([
      { name: 'Контрольная работа', weight: 2, isWritten: true },
      { name: 'Ответ на уроке', weight: 1, isWritten: false },
    ]);
    refusedAt(
      await query(`query($s: ID!) { workTypes(schoolId: $s) { name } }`, 'stranger', {
        s: school.id,
      }),
      'NOT_FOUND',
      'schoolId',
    );
  });

  it('R-YEAR-3: adds subjects, refusing a second of the same name', async () => {
    const r = await call<{ id: string; shortName: string }>(SUBJECT, 'director', {
      schoolId: school.id,
      name: 'Математика',
      shortName: 'Мат.',
    });
    expect(r.data?.createSubject).toMatchObject({ name: 'Математика', shortName: 'Мат.' });
    ids.math = r.data!.createSubject!.id;
    const en = await call<{ id: string; shortName: string }>(SUBJECT, 'director', {
      schoolId: school.id,
      name: 'Английский язык',
    });
    ids.english = en.data!.createSubject!.id;
    expect(en.data?.createSubject?.shortName).toBe('Английский язык');
    expect(await audits(ids.math, 'create')).toBe(1);
    refusedAt(
      await call(SUBJECT, 'director', { schoolId: school.id, name: ' Математика ' }),
      'BAD_USER_INPUT',
      'name',
    );
    const list = await query<{ name: string }[]>(
      `query($s: ID!) { subjects(schoolId: $s) { name } }`,
      'teacher',
      { s: school.id },
    );
    expect(list.data?.subjects?.map((s) => s.name)).toEqual(['Английский язык', 'Математика']);
  });

  it('R-YEAR-3: sets the curriculum of 5А per year and per quarter, then replaces it', async () => {
    const r = await call<
      { plannedLessons: number; subject: { name: string }; period: { name: string } | null }[]
    >(CURRICULUM, 'director', {
      schoolClassId: ids.c5a,
      items: [
        { subjectId: ids.math, plannedLessons: 170 },
        { subjectId: ids.math, periodId: ids.q1, plannedLessons: 40 },
        { subjectId: ids.english, plannedLessons: 102 },
      ],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.setCurriculum).toHaveLength(3);
    const again = await call<{ plannedLessons: number; period: { name: string } | null }[]>(
      CURRICULUM,
      'director',
      {
        schoolClassId: ids.c5a,
        items: [
          { subjectId: ids.math, plannedLessons: 175 },
          { subjectId: ids.english, plannedLessons: 102 },
        ],
      },
    );
    expect(again.data?.setCurriculum?.map((i) => i.plannedLessons)).toEqual([102, 175]);
    const rows = await em.fork().find(AuditEvent, { entityType: 'CurriculumItem' });
    expect(rows.map((a) => a.action).sort()).toEqual([
      'create',
      'create',
      'create',
      'delete',
      'update',
    ]);
    const read = await query<unknown[]>(
      `query($c: ID!) { curriculum(schoolClassId: $c) { plannedLessons } }`,
      'teacher',
      { c: ids.c5a },
    );
    expect(read.data?.curriculum).toHaveLength(2);
  });

  it.each([
    ['no lessons', [{ subjectId: 'math', plannedLessons: 0 }], 'items[0].plannedLessons'],
    [
      'a subject twice',
      [
        { subjectId: 'math', plannedLessons: 1 },
        { subjectId: 'math', plannedLessons: 2 },
      ],
      'items[1].subjectId',
    ],
    [
      'a period of grades 10–11 for grade 5',
      [{ subjectId: 'math', periodId: 'h1', plannedLessons: 2 }],
      'items[0].periodId',
    ],
  ])('R-YEAR-3: refuses a curriculum with %s and keeps the old one', async (_n, items, field) => {
    const h1 = await em
      .fork()
      .findOneOrFail(ReportingPeriod, { year: ids.year, kind: 'HALF_YEAR' as never, number: 1 });
    const resolved = items.map((i) => ({
      ...i,
      subjectId: ids[i.subjectId],
      ...('periodId' in i ? { periodId: h1.id } : {}),
    }));
    refusedAt(
      await call(CURRICULUM, 'director', { schoolClassId: ids.c5a, items: resolved }),
      'BAD_USER_INPUT',
      field,
    );
    expect(await em.fork().count(CurriculumItem, { schoolClass: ids.c5a })).toBe(2);
  });

  it('R-YEAR-3: gives journal pages to teachers, for the class and for a subgroup', async () => {
    const r = await call<{ id: string; teacher: { id: string } }>(ASSIGN, 'director', {
      schoolClassId: ids.c5a,
      subjectId: ids.math,
      teacherId: person.teacher!.id,
    });
    expect(r.errors).toBeUndefined();
    ids.mathPage = r.data!.assignTeacher!.id;
    expect(await audits(ids.mathPage, 'create')).toBe(1);
    const e = em.fork();
    const group = await createSubgroup(
      e,
      await e.findOneOrFail(SchoolClass, ids.c5a!, { populate: ['year', 'school'] }),
      await e.findOneOrFail(Subject, ids.english!),
      [],
    );
    ids.group = group.id;
    const sub = await call<{ subgroup: { id: string } }>(ASSIGN, 'director', {
      schoolClassId: ids.c5a,
      subjectId: ids.english,
      subgroupId: group.id,
      teacherId: person.colleague!.id,
    });
    expect(sub.data?.assignTeacher?.subgroup).toEqual({ id: group.id });
  });

  it.each([
    ['the same page twice', { subjectId: 'math', teacherId: 'colleague' }, 'subjectId'],
    ['a student as teacher', { subjectId: 'english', teacherId: 'student' }, 'teacherId'],
    [
      'a subgroup of another subject',
      { subjectId: 'math', teacherId: 'colleague', subgroupId: 'group' },
      'subgroupId',
    ],
    [
      'a start outside the year',
      { subjectId: 'english', teacherId: 'teacher', startsOn: '2027-07-01' },
      'startsOn',
    ],
  ])('R-YEAR-3: refuses %s and writes nothing', async (_n, input, field) => {
    const before = await em.fork().count(TeachingAssignment, {});
    const r = await call(ASSIGN, 'director', {
      schoolClassId: ids.c5a,
      ...input,
      subjectId: ids[input.subjectId],
      teacherId: person[input.teacherId]!.id,
      subgroupId: 'subgroupId' in input ? ids.group : null,
    });
    refusedAt(r, 'BAD_USER_INPUT', field);
    expect(await em.fork().count(TeachingAssignment, {})).toBe(before);
  });

  it('R-YEAR-3: the page keeps its history when the teacher changes from a date', async () => {
    const e = em.fork();
    const page = await e.findOneOrFail(TeachingAssignment, ids.mathPage!);
    const topic = e.create(PlannedTopic, { school, assignment: page, position: 1, title: 'Дроби' });
    e.persist(topic);
    e.persist(
      e.create(TimetableSlot, {
        school,
        year: page.year,
        assignment: page,
        weekday: 1,
        lessonNumber: 2,
        validFrom: '2026-09-01',
      }),
    );
    await e.flush();
    const before = await createLesson(e, page, { date: '2026-10-05' });
    const after = await createLesson(e, page, { date: '2026-10-20' });
    after.plannedTopic = topic;
    await e.flush();

    const r = await call<{ id: string; startsOn: string; endsOn: null; teacher: { id: string } }>(
      CHANGE,
      'deputy',
      {
        assignmentId: ids.mathPage,
        teacherId: person.newcomer!.id,
        from: '2026-10-12',
        reason: 'Учитель уволился',
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.changeTeacher).toMatchObject({
      startsOn: '2026-10-12',
      endsOn: null,
      teacher: { id: person.newcomer!.id },
    });
    const next = r.data!.changeTeacher!.id;
    const f = em.fork();
    expect((await f.findOneOrFail(TeachingAssignment, ids.mathPage!)).endsOn).toBe('2026-10-12');
    // Who entered what stays; lessons from the date are the new teacher's page now.
    const [l1, l2] = await Promise.all([
      f.findOneOrFail(Lesson, before.id),
      f.findOneOrFail(Lesson, after.id),
    ]);
    expect(l1.assignment.id).toBe(ids.mathPage);
    expect(l2.assignment.id).toBe(next);
    expect(l2.conductingTeacher.id).toBe(person.teacher!.id);
    const copied = await f.findOneOrFail(PlannedTopic, { assignment: next, position: 1 });
    expect(l2.plannedTopic?.id).toBe(copied.id);
    const slots = await f.find(
      TimetableSlot,
      { weekday: 1, lessonNumber: 2 },
      { orderBy: { validFrom: 'asc' } },
    );
    expect(slots.map((s) => [s.assignment.id, s.validFrom, s.validTo ?? null])).toEqual([
      [ids.mathPage, '2026-09-01', '2026-10-12'],
      [next, '2026-10-12', null],
    ]);
    const ended = await f.findOneOrFail(AuditEvent, { entityId: ids.mathPage, action: 'end' });
    expect(ended.reason).toBe('Учитель уволился');
    expect(ended.after?.endsOn).toBe('2026-10-12');
    expect(await audits(after.id, 'reassign')).toBe(1);
    ids.mathPage2 = next;

    const load = await query<{ id: string; startsOn: string | null; endsOn: string | null }[]>(
      `query($y: ID!, $c: ID) { teachingAssignments(yearId: $y, schoolClassId: $c) { id startsOn endsOn subject { name } } }`,
      'teacher',
      { y: ids.year, c: ids.c5a },
    );
    expect(
      load.data?.teachingAssignments?.filter((a) => [ids.mathPage, next].includes(a.id)),
    ).toEqual([
      expect.objectContaining({ id: ids.mathPage, startsOn: null, endsOn: '2026-10-12' }),
      expect.objectContaining({ id: next, startsOn: '2026-10-12', endsOn: null }),
    ]);
  });

  it('R-DATA-3: a change of an already ended row is a CONFLICT naming the current one; bad dates are refused', async () => {
    const before = await em.fork().count(TeachingAssignment, {});
    const stale = await call(CHANGE, 'deputy', {
      assignmentId: ids.mathPage,
      teacherId: person.colleague!.id,
      from: '2026-11-10',
      reason: 'x',
    });
    refusedAt(stale, 'CONFLICT', 'assignmentId');
    expect(stale.errors?.[0]?.extensions?.current).toMatchObject({ assignmentId: ids.mathPage2 });
    const early = await call(CHANGE, 'deputy', {
      assignmentId: ids.mathPage2,
      teacherId: person.colleague!.id,
      from: '2026-10-12',
      reason: 'x',
    });
    refusedAt(early, 'BAD_USER_INPUT', 'from');
    const noReason = await call(CHANGE, 'deputy', {
      assignmentId: ids.mathPage2,
      teacherId: person.colleague!.id,
      from: '2026-11-10',
      reason: ' ',
    });
    refusedAt(noReason, 'BAD_USER_INPUT', 'reason');
    refusedAt(
      await call(CHANGE, 'teacher', {
        assignmentId: ids.mathPage2,
        teacherId: person.colleague!.id,
        from: '2026-11-10',
        reason: 'x',
      }),
      'FORBIDDEN',
    );
    refusedAt(
      await call(CHANGE, 'stranger', {
        assignmentId: ids.mathPage2,
        teacherId: person.colleague!.id,
        from: '2026-11-10',
        reason: 'x',
      }),
      'NOT_FOUND',
      'assignmentId',
    );
    expect(await em.fork().count(TeachingAssignment, {})).toBe(before);
  });

  it('R-JRN-1: the teacher who keeps the page sets its plan; a class teacher reads it only', async () => {
    const r = await call<{ position: number; title: string; plannedHours: number }[]>(
      TOPICS,
      'newcomer',
      {
        assignmentId: ids.mathPage2,
        topics: [{ title: 'Дроби' }, { title: 'Проценты', plannedHours: 3 }],
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.setPlannedTopics?.map((t) => [t.position, t.title, t.plannedHours])).toEqual([
      [1, 'Дроби', 1],
      [2, 'Проценты', 3],
    ]);
    expect(
      await em.fork().count(AuditEvent, { entityType: 'PlannedTopic', action: 'create' }),
    ).toBe(1);
    const read = await query<unknown[]>(
      `query($a: ID!) { plannedTopics(assignmentId: $a) { title } }`,
      'colleague',
      { a: ids.mathPage2 },
    );
    expect(read.data?.plannedTopics).toHaveLength(2);
    refusedAt(
      await call(TOPICS, 'colleague', { assignmentId: ids.mathPage2, topics: [] }),
      'FORBIDDEN',
    );
    refusedAt(
      await call(TOPICS, 'stranger', { assignmentId: ids.mathPage2, topics: [] }),
      'NOT_FOUND',
      'assignmentId',
    );
    refusedAt(
      await call(TOPICS, 'newcomer', {
        assignmentId: ids.mathPage2,
        topics: [{ title: 'ok' }, { title: '  ' }],
      }),
      'BAD_USER_INPUT',
      'topics[1].title',
    );
    expect(await em.fork().count(PlannedTopic, { assignment: ids.mathPage2 })).toBe(2);
  });
});

describe('changing and closing periods (R-YEAR-1, R-JRN-5)', () => {
  it('R-YEAR-1: moves the end of the 1st quarter, refusing to leave recorded lessons outside', async () => {
    const moved = await call<{ endsOn: string }>(UPDATE_PERIOD, 'director', {
      periodId: ids.q1,
      endsOn: '2026-10-27',
      reason: 'приказ',
    });
    expect(moved.data?.updateReportingPeriod?.endsOn).toBe('2026-10-27');
    expect(await audits(ids.q1!, 'update')).toBe(1);
    // A lesson on 2026-10-20 was recorded in 5А: the quarter may not end before it.
    const orphaning = await call(UPDATE_PERIOD, 'director', {
      periodId: ids.q1,
      endsOn: '2026-10-15',
    });
    refusedAt(orphaning, 'BAD_USER_INPUT', 'startsOn');
    refusedAt(
      await call(UPDATE_PERIOD, 'director', { periodId: ids.q1, gradeLevels: [1, 2, 3, 4] }),
      'BAD_USER_INPUT',
      'gradeLevels',
    );
    refusedAt(
      await call(UPDATE_PERIOD, 'director', { periodId: ids.q1, endsOn: '2026-11-06' }),
      'BAD_USER_INPUT',
      'startsOn',
    );
    expect((await em.fork().findOneOrFail(ReportingPeriod, ids.q1!)).endsOn).toBe('2026-10-27');
  });

  it('R-JRN-5: closing a period is audited; it then takes no lessons and no changes', async () => {
    const r = await call<{ closedAt: string | null }>(CLOSE_PERIOD, 'director', {
      periodId: ids.q1,
      reason: 'педсовет',
    });
    expect(r.data?.closeReportingPeriod?.closedAt).toEqual(expect.any(String));
    const row = await em.fork().findOneOrFail(AuditEvent, { entityId: ids.q1!, action: 'close' });
    expect(row.before?.closedAt).toBeNull();
    expect(row.reason).toBe('педсовет');
    refusedAt(
      await call(CLOSE_PERIOD, 'director', { periodId: ids.q1 }),
      'BAD_USER_INPUT',
      'periodId',
    );
    refusedAt(
      await call(UPDATE_PERIOD, 'director', { periodId: ids.q1, name: 'x' }),
      'BAD_USER_INPUT',
      'periodId',
    );
    refusedAt(await call(CLOSE_PERIOD, 'teacher', { periodId: ids.q2 }), 'FORBIDDEN');
    refusedAt(await call(CLOSE_PERIOD, 'stranger', { periodId: ids.q2 }), 'NOT_FOUND', 'periodId');
  });
  // The YEAR period (never closed before the year ends) also contains the date: createLesson
  // checks every period that contains it (journal/periods.ts).
  it('R-JRN-5: a closed quarter takes no lessons, though the YEAR period covers the date', async () => {
    const lesson = await gql(
      app.url,
      `mutation($input: CreateLessonInput!) { createLesson(input: $input) { id } }`,
      { input: { assignmentId: ids.mathPage2, date: '2026-10-21', lessonNumber: 3 } },
      { token: token.newcomer },
    );
    refusedAt(lesson, 'BAD_USER_INPUT', 'date');
  });
});

describe("copying last year's structure (issue 4)", () => {
  it('R-YEAR-2: classes move up a grade with their class teachers, 11А graduates, periods and curriculum carry over', async () => {
    // Last year's 6А had a curriculum: this year's 5А becomes next year's 6А and takes it.
    const e = em.fork();
    const old = await e.findOneOrFail(AcademicYear, ids.year!);
    const geo = await createSubjectRow(e, school, 'География');
    const c6 = e.create(SchoolClass, { school, year: old, gradeLevel: 6, letter: 'А' });
    e.persist(c6);
    e.persist(
      e.create(CurriculumItem, { school, schoolClass: c6, subject: geo, plannedLessons: 34 }),
    );
    e.persist(
      e.create(CurriculumItem, {
        school,
        schoolClass: c6,
        subject: geo,
        period: e.getReference(ReportingPeriod, ids.q2!),
        plannedLessons: 8,
      }),
    );
    await e.flush();

    const r = await call<{
      year: { id: string; startsOn: string };
      reportingPeriods: {
        kind: string;
        number: number;
        startsOn: string;
        endsOn: string;
        closedAt: null;
      }[];
      schoolClasses: { id: string; name: string; classTeacher: { id: string } | null }[];
      graduatedClasses: { name: string }[];
      curriculumItemCount: number;
    }>(COPY, 'director', {
      fromYearId: ids.year,
      name: '2027/2028',
      startsOn: '2027-09-01',
      endsOn: '2028-05-31',
    });
    expect(r.errors).toBeUndefined();
    const out = r.data!.copyYearStructure!;
    expect(out.schoolClasses.map((c) => c.name)).toEqual(['6А', '6Б', '7А']);
    expect(out.schoolClasses[0]!.classTeacher).toEqual({ id: person.colleague!.id });
    expect(out.graduatedClasses.map((c) => c.name)).toEqual(['11А']);
    expect(out.reportingPeriods).toHaveLength(7);
    const q1 = out.reportingPeriods.find((p) => p.kind === 'QUARTER' && p.number === 1)!;
    // Same offsets from the year's start; closing is not copied.
    expect(q1).toMatchObject({ startsOn: '2027-09-01', endsOn: '2027-10-27', closedAt: null });
    expect(out.reportingPeriods.find((p) => p.kind === 'YEAR')).toMatchObject({
      endsOn: '2028-05-31',
    });
    // 6А and 6Б take last year's 6А plan (2 rows each); 7А finds no 7th grade last year.
    expect(out.curriculumItemCount).toBe(4);
    const f = em.fork();
    const new6a = out.schoolClasses[0]!.id;
    const items = await f.find(CurriculumItem, { schoolClass: new6a }, { populate: ['period'] });
    expect(items.map((i) => [i.plannedLessons, i.period?.startsOn ?? null]).sort()).toEqual([
      [34, null],
      [8, '2027-11-05'],
    ]);
    expect(await audits(out.year.id, 'create')).toBe(1);
    expect(await audits(new6a, 'create')).toBe(1);
    // Bell times and subjects are the school's: nothing to copy, still there.
    const subjects = await query<unknown[]>(
      `query($s: ID!) { subjects(schoolId: $s) { id } }`,
      'director',
      { s: school.id },
    );
    expect(subjects.data?.subjects).toHaveLength(3);
  });

  it('R-YEAR-1: refuses a copy into dates that overlap a year, or too short for the periods, writing nothing', async () => {
    const before = await em.fork().count(AcademicYear, {});
    refusedAt(
      await call(COPY, 'director', {
        fromYearId: ids.year,
        name: '2028',
        startsOn: '2028-01-01',
        endsOn: '2028-12-31',
      }),
      'BAD_USER_INPUT',
      'startsOn',
    );
    refusedAt(
      await call(COPY, 'director', {
        fromYearId: ids.year,
        name: '2029',
        startsOn: '2029-09-01',
        endsOn: '2029-10-01',
      }),
      'BAD_USER_INPUT',
      'endsOn',
    );
    refusedAt(
      await call(COPY, 'stranger', {
        fromYearId: ids.year,
        name: '2030',
        startsOn: '2030-09-01',
        endsOn: '2031-05-31',
      }),
      'NOT_FOUND',
      'fromYearId',
    );
    refusedAt(
      await call(COPY, 'teacher', {
        fromYearId: ids.year,
        name: '2030',
        startsOn: '2030-09-01',
        endsOn: '2031-05-31',
      }),
      'FORBIDDEN',
    );
    expect(await em.fork().count(AcademicYear, {})).toBe(before);
  });
});
