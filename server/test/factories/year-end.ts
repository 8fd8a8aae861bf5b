// A small closed year to archive (issue 7, R-DATA-2), hand-built so every count is known:
// one class 5А with two students, one page (mathematics) with three lessons, four marks and two
// attendance records entered by the teacher through the API (seven audit events: four marks, the
// lesson's attendance taken, two attendance records), one period mark,
// and the year closed by the director (two more events: the open quarter and the year).
import type { EntityManager } from '@mikro-orm/postgresql';
import { AttendanceStatus } from '../../src/modules/journal/attendance.entity.js';
import type { Lesson } from '../../src/modules/journal/lesson.entity.js';
import { PeriodMark } from '../../src/modules/journal/period-mark.entity.js';
import type { Person } from '../../src/modules/people/person.entity.js';
import { Role } from '../../src/modules/people/role-assignment.entity.js';
import type { School } from '../../src/modules/school/school.entity.js';
import type { AcademicYear } from '../../src/modules/year/academic-year.entity.js';
import type { ReportingPeriod } from '../../src/modules/year/reporting-period.entity.js';
import type { TeachingAssignment } from '../../src/modules/year/teaching-assignment.entity.js';
import { gql } from '../harness.js';
import { createClass, createFamily, createPerson, createSchool, createYear } from './index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  sessionFor,
} from './journal.js';

export interface ClosedYearFixture {
  school: School;
  year: AcademicYear;
  period: ReportingPeriod;
  assignment: TeachingAssignment;
  lessons: Lesson[];
  students: Person[];
  parent: Person;
  teacher: Person;
  director: Person;
  markIds: string[];
  periodMark: PeriodMark;
  token: { teacher: string; director: string; parent: string; clerk: string; deputy: string };
}

const SET_MARKS = `mutation($input: SetMarksInput!) { setMarks(input: $input) { marks { id studentId value } } }`;
const SET_ATTENDANCE = `mutation($input: SetAttendanceInput!) { setAttendance(input: $input) { attendance { id } } }`;
const CLOSE_YEAR = `mutation($input: CloseAcademicYearInput!) { closeAcademicYear(input: $input) { id closedAt } }`;

function must<T>(result: { data?: T | null; errors?: unknown[] }): T {
  if (result.errors?.length || !result.data) {
    throw new Error(`fixture step failed: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

export async function closedYearFixture(
  em: EntityManager,
  url: string,
  options: { close?: boolean } = {},
): Promise<ClosedYearFixture> {
  const school = await createSchool(em);
  const year = await createYear(em, school, '2025/2026');
  const period = await createPeriod(em, year);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER], lastName: 'Учителева' });
  const director = await createPerson(em, {
    school,
    roles: [Role.DIRECTOR],
    lastName: 'Директорова',
  });
  const deputy = await createPerson(em, { school, roles: [Role.DEPUTY] });
  const clerk = await createPerson(em, { school, roles: [Role.RECORDS_CLERK] });
  const schoolClass = await createClass(em, { school, year, classTeacher: teacher });
  const first = await createFamily(em, { schoolClass });
  const second = await createFamily(em, { schoolClass });
  const subject = await createSubject(em, school, 'Математика');
  const assignment = await createAssignment(em, { teacher, subject, schoolClass });
  const lessons = [
    await createLesson(em, assignment, { date: '2025-09-02', topic: 'Натуральные числа' }),
    await createLesson(em, assignment, { date: '2025-09-09', topic: 'Сложение' }),
    await createLesson(em, assignment, { date: '2025-09-16', topic: 'Вычитание' }),
  ];
  const token = {
    teacher: await sessionFor(em, teacher),
    director: await sessionFor(em, director),
    deputy: await sessionFor(em, deputy),
    clerk: await sessionFor(em, clerk),
    parent: await sessionFor(em, first.parent),
  };
  const [s1, s2] = [first.student, second.student];
  const markIds: string[] = [];
  for (const [lesson, values] of [
    [lessons[0]!, ['5', '4']],
    [lessons[1]!, ['3', '5']],
  ] as const) {
    const data = must(
      await gql<{ setMarks: { marks: { id: string; studentId: string }[] } }>(
        url,
        SET_MARKS,
        {
          input: {
            lessonId: lesson.id,
            add: [
              { studentId: s1.id, value: values[0] },
              { studentId: s2.id, value: values[1] },
            ],
          },
        },
        { token: token.teacher },
      ),
    );
    // By student, not in the answer's order (which the API does not promise): tests tamper with
    // a known mark.
    for (const student of [s1, s2]) {
      markIds.push(data.setMarks.marks.find((m) => m.studentId === student.id)!.id);
    }
  }
  must(
    await gql(
      url,
      SET_ATTENDANCE,
      {
        input: {
          lessonId: lessons[2]!.id,
          entries: [
            { studentId: s1.id, status: AttendanceStatus.ABSENT, reason: 'ILLNESS' },
            { studentId: s2.id, status: AttendanceStatus.LATE, minutesLate: 5 },
          ],
        },
      },
      { token: token.teacher },
    ),
  );
  const periodMark = em.create(PeriodMark, {
    school,
    student: s1,
    subject,
    period,
    value: '4',
    numericValue: 4,
    enteredBy: teacher,
  });
  await em.persist(periodMark).flush();
  if (options.close !== false) {
    must(await gql(url, CLOSE_YEAR, { input: { yearId: year.id } }, { token: token.director }));
  }
  return {
    school,
    year,
    period,
    assignment,
    lessons,
    students: [s1, s2],
    parent: first.parent,
    teacher,
    director,
    markIds,
    periodMark,
    token,
  };
}
