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
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { TimetableChange } from '../timetable/timetable-change.entity.js';
import { TimetableSlot } from '../timetable/timetable-slot.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import type { Lesson } from './lesson.entity.js';

const ASSIGN = /* GraphQL */ `
  mutation Assign($input: AssignSubstituteInput!) {
    assignSubstitute(input: $input) {
      substitute {
        id
      }
      timetabledLessons
      recordedLessons
    }
  }
`;
const CREATE = `mutation($input: CreateLessonInput!) { createLesson(input: $input) { id conductingTeacher { id } } }`;
const MARKS = `mutation($input: SetMarksInput!) { setMarks(input: $input) { marks { id } } }`;

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
let page: TeachingAssignment;
let sub: Person;
let student: Person;
let recorded: Lesson;

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  await createPeriod(em, year);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  sub = await createPerson(em, { school, roles: [Role.TEACHER] });
  const deputy = await createPerson(em, { school, roles: [Role.DEPUTY] });
  const schoolClass = await createClass(em, { school, year });
  student = (await createFamily(em, { schoolClass })).student;
  page = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school),
    schoolClass,
  });
  // Mondays, second lesson.
  em.persist(
    em.create(TimetableSlot, {
      school,
      year,
      assignment: page,
      weekday: 1,
      lessonNumber: 2,
      validFrom: year.startsOn,
    }),
  );
  await em.flush();
  recorded = await createLesson(em, page, { date: '2026-09-14', lessonNumber: 2 });

  const otherSchool = await createSchool(em);
  const otherDeputy = await createPerson(em, { school: otherSchool, roles: [Role.DEPUTY] });
  for (const [name, p] of Object.entries({ teacher, sub, deputy, otherDeputy })) {
    token[name] = await sessionFor(em, p);
  }
});

afterAll(async () => {
  await app?.close();
});

const assign = (as: string, extra: Record<string, unknown> = {}) =>
  gql<{ assignSubstitute: { timetabledLessons: number; recordedLessons: number } }>(
    app.url,
    ASSIGN,
    {
      input: {
        assignmentId: page.id,
        substituteId: sub.id,
        from: '2026-09-14',
        to: '2026-09-25',
        reason: 'Болезнь учителя',
        ...extra,
      },
    },
    { token: token[as] },
  );

describe('substitution (R-ROLE-5)', () => {
  it.each([
    ['a range that ends before it starts', { to: '2026-09-01' }, 'to'],
    ['a range outside the school year', { to: '2027-07-01' }, 'from'],
    ['a substitute who is not a teacher', { substituteId: 'STUDENT' }, 'substituteId'],
    ['no reason', { reason: ' ' }, 'reason'],
  ])('refuses %s and writes nothing', async (_name, extra, at) => {
    const input: Record<string, unknown> = { ...extra };
    if (input.substituteId === 'STUDENT') {
      input.substituteId = student.id;
    }
    const r = await assign('deputy', input);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe(at);
    expect(await em.fork().count(TimetableChange, {})).toBe(0);
  });

  it('only the administration of the school assigns a substitute', async () => {
    expect(codes(await assign('teacher'))).toEqual(['FORBIDDEN']);
    expect(codes(await assign('otherDeputy'))).toEqual(['NOT_FOUND']);
  });

  it('the deputy gives two weeks of Mondays to a substitute, published as changes', async () => {
    const r = await assign('deputy');
    expect(r.errors).toBeUndefined();
    expect(r.data?.assignSubstitute).toMatchObject({ timetabledLessons: 2, recordedLessons: 1 });
    expect(await em.fork().count(TimetableChange, { substituteTeacher: sub.id })).toBe(2);
  });

  it('the substitute keeps the covered lessons and records new ones on covered days only', async () => {
    const marks = await gql(
      app.url,
      MARKS,
      { input: { lessonId: recorded.id, add: [{ studentId: student.id, value: '4' }] } },
      { token: token.sub },
    );
    expect(marks.errors).toBeUndefined();

    const covered = await gql<{ createLesson: { conductingTeacher: { id: string } } }>(
      app.url,
      CREATE,
      { input: { assignmentId: page.id, date: '2026-09-21', lessonNumber: 2 } },
      { token: token.sub },
    );
    expect(covered.errors).toBeUndefined();
    expect(covered.data?.createLesson.conductingTeacher.id).toBe(sub.id);

    const uncovered = await gql(
      app.url,
      CREATE,
      { input: { assignmentId: page.id, date: '2026-09-28', lessonNumber: 2 } },
      { token: token.sub },
    );
    expect(codes(uncovered)).toEqual(['FORBIDDEN']);
  });
});
