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
  createSubject,
  enrol,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { Attendance } from './attendance.entity.js';
import { LessonStatus, type Lesson } from './lesson.entity.js';

const SET = /* GraphQL */ `
  mutation Set($input: SetAttendanceInput!) {
    setAttendance(input: $input) {
      replayed
      attendance {
        id
        studentId
        status
        reason
        minutesLate
        version
      }
    }
  }
`;
const CORRECT = /* GraphQL */ `
  mutation Correct($input: CorrectAttendanceInput!) {
    correctAttendance(input: $input) {
      attendance {
        status
        reason
        version
        correctedAt
      }
    }
  }
`;

interface SetData {
  setAttendance: {
    replayed: boolean;
    attendance: { id: string; studentId: string; status: string; version: number }[];
  };
}

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
const kids: Record<string, Person> = {};
let lesson: Lesson;
let cancelled: Lesson;

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const classTeacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const otherClassTeacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const c5a = await createClass(em, { school, year, classTeacher });
  await createClass(em, { school, year, letter: 'Б', classTeacher: otherClassTeacher });
  const assignment = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school),
    schoolClass: c5a,
  });
  kids.a = (await createFamily(em, { schoolClass: c5a })).student;
  kids.b = (await createFamily(em, { schoolClass: c5a })).student;
  kids.late = await createPerson(em, { school, roles: [Role.STUDENT] });
  await enrol(em, kids.late, c5a, '2026-10-01');
  lesson = await createLesson(em, assignment, { date: '2026-09-15' });
  cancelled = await createLesson(em, assignment, {
    date: '2026-09-16',
    status: LessonStatus.CANCELLED,
  });
  for (const [name, p] of Object.entries({ teacher, classTeacher, otherClassTeacher })) {
    token[name] = await sessionFor(em, p);
  }
  token.student = await sessionFor(em, kids.a);
});

afterAll(async () => {
  await app?.close();
});

const set = (as: string, input: Record<string, unknown>) =>
  gql<SetData>(app.url, SET, { input }, { token: token[as] });
const count = () => em.fork().count(Attendance, {});

describe('setAttendance (R-JRN-2)', () => {
  it('records absences and lateness of several students in one call, audited', async () => {
    const r = await set('teacher', {
      lessonId: lesson.id,
      entries: [
        { studentId: kids.a!.id, status: 'ABSENT', reason: 'ILLNESS' },
        { studentId: kids.b!.id, status: 'LATE', minutesLate: 10 },
      ],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.setAttendance.attendance.map((a) => a.status).sort()).toEqual([
      'ABSENT',
      'LATE',
    ]);
    expect(await em.fork().count(AuditEvent, { entityType: 'Attendance' })).toBe(2);
  });

  it('marks a student present again only with the version seen; otherwise CONFLICT', async () => {
    const before = await em.fork().findOneOrFail(Attendance, { student: kids.b!.id });
    const blind = await set('teacher', {
      lessonId: lesson.id,
      entries: [{ studentId: kids.b!.id, status: null }],
    });
    expect(codes(blind)).toEqual(['CONFLICT']);
    expect(blind.errors?.[0]?.extensions?.current).toMatchObject({ status: 'LATE' });
    const ok = await set('teacher', {
      lessonId: lesson.id,
      entries: [{ studentId: kids.b!.id, status: null, version: before.version }],
    });
    expect(ok.errors).toBeUndefined();
    expect(await em.fork().count(Attendance, { student: kids.b!.id })).toBe(0);
  });

  it.each([
    [
      'minutes late on an absence',
      { studentId: 'A', status: 'ABSENT', minutesLate: 5 },
      'entries[0].minutesLate',
    ],
    [
      'a lateness of 500 minutes',
      { studentId: 'A', status: 'LATE', minutesLate: 500 },
      'entries[0].minutesLate',
    ],
    ['a reason without an absence', { studentId: 'A', reason: 'ILLNESS' }, 'entries[0].reason'],
    ['a student not yet enrolled', { studentId: 'LATE', status: 'ABSENT' }, 'entries[0].studentId'],
  ])('refuses %s, writing nothing', async (_name, entry, at) => {
    const before = await count();
    const studentId = entry.studentId === 'LATE' ? kids.late!.id : kids.b!.id;
    const r = await set('teacher', { lessonId: lesson.id, entries: [{ ...entry, studentId }] });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe(at);
    expect(await count()).toBe(before);
  });

  it('refuses a cancelled lesson and a student listed twice', async () => {
    const entry = { studentId: kids.b!.id, status: 'ABSENT' };
    expect(codes(await set('teacher', { lessonId: cancelled.id, entries: [entry] }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await set('teacher', { lessonId: lesson.id, entries: [entry, entry] }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('applies a retried batch once', async () => {
    const input = {
      clientMutationId: 'att-1',
      lessonId: lesson.id,
      entries: [{ studentId: kids.b!.id, status: 'ABSENT' }],
    };
    const first = await set('teacher', input);
    const again = await set('teacher', input);
    expect(first.errors).toBeUndefined();
    expect(again.data?.setAttendance.replayed).toBe(true);
    expect(await em.fork().count(Attendance, { student: kids.b!.id })).toBe(1);
  });

  it('the class teacher cannot record attendance on another teacher’s lesson; a student cannot at all', async () => {
    const entries = [{ studentId: kids.b!.id, status: 'LATE', minutesLate: 3 }];
    expect(codes(await set('classTeacher', { lessonId: lesson.id, entries }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await set('student', { lessonId: lesson.id, entries }))).toEqual(['FORBIDDEN']);
  });
});

describe('correctAttendance (R-JRN-2, R-ROLE-6)', () => {
  const correct = (as: string, input: Record<string, unknown>) =>
    gql<{ correctAttendance: { attendance: { status: string; reason: string } | null } }>(
      app.url,
      CORRECT,
      { input },
      { token: token[as] },
    );

  it('the class teacher excuses an absence, with a note kept in the audit trail', async () => {
    const current = await em.fork().findOneOrFail(Attendance, { student: kids.a!.id });
    const r = await correct('classTeacher', {
      lessonId: lesson.id,
      studentId: kids.a!.id,
      status: 'ABSENT',
      reason: 'EXCUSED',
      version: current.version,
      note: 'Справка от врача',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.correctAttendance.attendance).toMatchObject({
      status: 'ABSENT',
      reason: 'EXCUSED',
    });
    const audit = await em
      .fork()
      .findOneOrFail(AuditEvent, { entityId: current.id, action: 'update' });
    expect(audit.reason).toBe('Справка от врача');
    expect(audit.before).toMatchObject({ reason: 'ILLNESS' });
  });

  it('needs a note, and refuses the class teacher of another class', async () => {
    const input = { lessonId: lesson.id, studentId: kids.a!.id, status: null, note: ' ' };
    const noNote = await correct('classTeacher', { ...input, version: 2 });
    expect(codes(noNote)).toEqual(['BAD_USER_INPUT']);
    expect(noNote.errors?.[0]?.extensions?.field).toBe('note');
    expect(codes(await correct('otherClassTeacher', { ...input, note: 'x' }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await correct('teacher', { ...input, note: 'x' }))).toEqual(['FORBIDDEN']);
  });
});
