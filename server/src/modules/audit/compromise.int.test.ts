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
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { Attendance } from '../journal/attendance.entity.js';
import type { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { AuditEvent } from './audit-event.entity.js';

// R-AUTH-3: a leaked account is cut off at once, and what was done with it is listed and voided.
const SET_MARKS = `mutation($i: SetMarksInput!) { setMarks(input: $i) { marks { id studentId value version } } }`;
const SET_ATTENDANCE = `mutation($i: SetAttendanceInput!) { setAttendance(input: $i) { attendance { id } } }`;
const REPORT = `mutation($p: ID!, $s: DateTimeISO!) { reportCompromise(personId: $p, since: $s, note: "Пароль подсмотрели") }`;
const DISPUTED = `query($p: ID!, $s: DateTimeISO!) { disputedOperations(personId: $p, since: $s) { action before after actor { id } } }`;
const VOID = `mutation($p: ID!, $s: DateTimeISO!) { voidOperations(personId: $p, since: $s, reason: "Взлом учётной записи") }`;

let app: TestApp;
const token: Record<string, string> = {};
let teacher: Person;
let lesson: Lesson;
const kids: Person[] = [];

beforeAll(async () => {
  app = await startTestApp();
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const schoolClass = await createClass(em, { school, year });
  const page = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school),
    schoolClass,
  });
  for (let i = 0; i < 3; i++) {
    kids.push((await createFamily(em, { schoolClass })).student);
  }
  lesson = await createLesson(em, page, { date: '2026-09-15' });
  token.teacher = await sessionFor(em, teacher);
  token.deputy = await sessionFor(em, await createPerson(em, { school, roles: [Role.DEPUTY] }));
  token.colleague = await sessionFor(em, await createPerson(em, { school, roles: [Role.TEACHER] }));
  const other = await createSchool(em);
  token.otherDeputy = await sessionFor(
    em,
    await createPerson(em, { school: other, roles: [Role.DEPUTY] }),
  );
});

afterAll(async () => {
  await app?.close();
});

describe('a compromised account (R-AUTH-3)', () => {
  it('is cut off, its operations since the leak listed and voided back to the previous values', async () => {
    const before = await gql<{
      setMarks: { marks: { id: string; studentId: string; version: number }[] };
    }>(
      app.url,
      SET_MARKS,
      {
        i: {
          lessonId: lesson.id,
          add: [
            { studentId: kids[0]!.id, value: '4' },
            { studentId: kids[2]!.id, value: '5' },
          ],
        },
      },
      { token: token.teacher },
    );
    expect(before.errors).toBeUndefined();
    const [markA, markC] = [kids[0]!, kids[2]!].map((k) =>
      before.data!.setMarks.marks.find((m) => m.studentId === k.id)!,
    );
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));

    // The intruder, with the teacher's session.
    const attack = await gql(
      app.url,
      SET_MARKS,
      {
        i: {
          lessonId: lesson.id,
          add: [{ studentId: kids[1]!.id, value: '5' }],
          change: [
            { markId: markA!.id, version: markA!.version, value: '2', reason: 'исправление' },
          ],
          remove: [{ markId: markC!.id, version: markC!.version, reason: 'ошибка' }],
        },
      },
      { token: token.teacher },
    );
    expect(attack.errors).toBeUndefined();
    await gql(
      app.url,
      SET_ATTENDANCE,
      { i: { lessonId: lesson.id, entries: [{ studentId: kids[0]!.id, status: 'ABSENT' }] } },
      { token: token.teacher },
    );

    // The teacher reports it: every session ends.
    const reported = await gql<{ reportCompromise: number }>(
      app.url,
      REPORT,
      { p: teacher.id, s: since },
      { token: token.teacher },
    );
    expect(reported.data?.reportCompromise).toBeGreaterThanOrEqual(1);
    expect(
      codes(
        await gql(
          app.url,
          SET_MARKS,
          { i: { lessonId: lesson.id, add: [] } },
          { token: token.teacher },
        ),
      ),
    ).toEqual(['UNAUTHENTICATED']);

    const disputed = await gql<{ disputedOperations: { action: string }[] }>(
      app.url,
      DISPUTED,
      { p: teacher.id, s: since },
      { token: token.deputy },
    );
    expect(disputed.data?.disputedOperations.map((d) => d.action).sort()).toEqual([
      'create',
      'create',
      'delete',
      'update',
    ]);

    expect(
      codes(await gql(app.url, VOID, { p: teacher.id, s: since }, { token: token.colleague })),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(await gql(app.url, VOID, { p: teacher.id, s: since }, { token: token.otherDeputy })),
    ).toEqual(['NOT_FOUND']);

    const voided = await gql<{ voidOperations: number }>(
      app.url,
      VOID,
      { p: teacher.id, s: since },
      { token: token.deputy },
    );
    expect(voided.errors).toBeUndefined();
    expect(voided.data?.voidOperations).toBe(4);

    const em = app.orm.em.fork();
    const marks = await em.find(Mark, { lesson: lesson.id });
    expect(Object.fromEntries(marks.map((m) => [m.student.id, m.value]))).toEqual({
      [kids[0]!.id]: '4',
      [kids[2]!.id]: '5',
    });
    expect(marks.find((m) => m.student.id === kids[2]!.id)?.id).toBe(markC!.id);
    expect(await em.count(Attendance, { lesson: lesson.id })).toBe(0);
    expect(await em.count(AuditEvent, { action: 'void' })).toBe(4);
  });

  it('a teacher cannot report someone else; a bad moment is refused', async () => {
    expect(
      codes(
        await gql(
          app.url,
          REPORT,
          { p: teacher.id, s: new Date().toISOString() },
          { token: token.colleague },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      codes(await gql(app.url, REPORT, { p: teacher.id, s: future }, { token: token.deputy })),
    ).toEqual(['BAD_USER_INPUT']);
  });
});
