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
import { gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { Role } from '../people/role-assignment.entity.js';
import type { Lesson } from './lesson.entity.js';

// A school's morning: many teachers save at once. Every statement of a write must run on the
// write's own transaction: one that reached for a second pooled connection while holding the
// first let as many concurrent writes as the pool has connections wait for each other for ever
// (found by the fan-out benchmark of issue 9). More writes than the pool's 10 connections here.
const WRITES = 16;

const SET_MARKS = /* GraphQL */ `
  mutation ($input: SetMarksInput!) {
    setMarks(input: $input) {
      marks {
        id
      }
    }
  }
`;
const SET_ATTENDANCE = /* GraphQL */ `
  mutation ($input: SetAttendanceInput!) {
    setAttendance(input: $input) {
      attendance {
        id
      }
    }
  }
`;

let app: TestApp;
let token: string;
let studentId: string;
const lessons: Lesson[] = [];

beforeAll(async () => {
  app = await startTestApp();
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  await createPeriod(em, year);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const schoolClass = await createClass(em, { school, year });
  const assignment = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school),
    schoolClass,
  });
  studentId = (await createFamily(em, { schoolClass })).student.id;
  for (let i = 0; i < WRITES; i++) {
    const day = String(2 + i).padStart(2, '0');
    lessons.push(await createLesson(em, assignment, { date: `2026-09-${day}` }));
  }
  token = await sessionFor(em, teacher);
});

afterAll(async () => {
  await app?.close();
});

/** Fails with a clear message instead of hanging until the test's own timeout. */
const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`writes still waiting after ${ms} ms`)), ms),
    ),
  ]);

describe('concurrent writes', () => {
  it(`${WRITES} marks and ${WRITES} absences at once all commit`, async () => {
    const writes: Promise<GqlResult>[] = lessons.flatMap((lesson, i) => [
      gql(
        app.url,
        SET_MARKS,
        {
          input: {
            lessonId: lesson.id,
            clientMutationId: `m${i}`,
            add: [{ studentId, value: '5' }],
          },
        },
        { token },
      ),
      gql(
        app.url,
        SET_ATTENDANCE,
        {
          input: {
            lessonId: lesson.id,
            clientMutationId: `a${i}`,
            entries: [{ studentId, status: 'ABSENT', reason: 'ILLNESS' }],
          },
        },
        { token },
      ),
    ]);
    const results = await within(30_000, Promise.all(writes));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const em = app.orm.em.fork();
    const [row] = await em.execute<{ marks: number; absences: number }[]>(
      `select (select count(*)::int from mark where student_id = ?) as marks,
              (select count(*)::int from attendance where student_id = ?) as absences`,
      [studentId, studentId],
    );
    expect(row).toEqual({ marks: WRITES, absences: WRITES });
  }, 60_000);
});
