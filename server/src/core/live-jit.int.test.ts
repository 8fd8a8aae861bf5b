import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
} from '../../test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  sessionFor,
} from '../../test/factories/journal.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { JOURNAL_CHANGED } from '../modules/journal/journal.events.js';
import { Role } from '../modules/people/role-assignment.entity.js';

// Live groups execute each event with graphql-jit (core/jit-executor.ts liveJit). The same
// subscriptions on an instance that executes with graphql-js, over the same database, given the
// same events, must receive byte for byte the same frames: data, names, errors and their codes.
let jit: TestApp;
let js: TestApp;
const token: Record<string, string> = {};
const ids: Record<string, string> = {};

const DIARY = `subscription Diary($studentId: ID!) {
  studentJournalChanged(studentId: $studentId) { kind studentId markId value lessonDate subject { id name } }
}`;
const PAGE = `subscription Page($assignmentId: ID!) {
  journalPageChanged(assignmentId: $assignmentId) {
    kind lessonId studentId markId value attendanceId attendanceStatus minutesLate
    lesson { id workType { id weight } }
  }
}`;
const DASHBOARD = `subscription Dashboard($schoolClassId: ID!) {
  classDashboardChanged(schoolClassId: $schoolClassId) {
    kind date lowMark unreadFromParents
    journal {
      kind markId lessonId studentId value attendanceStatus minutesLate reason
      student { id lastName firstName login } lesson { id lessonNumber } subject { id name }
    }
  }
}`;

/** The raw `next` frames one socket receives for one subscription (graphql-transport-ws). */
function frames(app: TestApp, as: string, query: string, variables: Record<string, unknown>) {
  const received: string[] = [];
  const socket = new WebSocket(app.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const ready = new Promise<void>((resolve, reject) => {
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authToken: token[as] } })),
    );
    socket.on('message', (data: Buffer) => {
      const text = data.toString();
      const message = JSON.parse(text) as { type: string };
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        // No acknowledgement of a subscription: give the server a moment to register it.
        setTimeout(resolve, 300);
      } else if (message.type !== 'ping' && message.type !== 'pong') {
        received.push(text);
      }
    });
    socket.on('error', reject);
  });
  return { received, ready, close: () => socket.close() };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
};

/** A mark event as setMarks publishes it after its commit. */
const markEvent = (over: Record<string, unknown> = {}) => ({
  kind: 'MARK_SET',
  schoolId: ids.school,
  schoolClassId: ids.class,
  assignmentId: ids.page,
  subjectId: ids.subject,
  lessonId: ids.lesson,
  lessonDate: '2026-09-02',
  studentId: ids.student,
  markId: randomUUID(),
  value: '2',
  attendanceId: null,
  attendanceStatus: null,
  minutesLate: null,
  reason: null,
  actorId: ids.teacher,
  occurredAt: new Date().toISOString(),
  ...over,
});

beforeAll(async () => {
  jit = await startTestApp();
  js = await startTestApp({}, jit, true);
  const em = jit.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  await createPeriod(em, year);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER], lastName: 'Учителева' });
  const classTeacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const c5a = await createClass(em, { school, year, classTeacher });
  const subject = await createSubject(em, school, 'Математика');
  const page = await createAssignment(em, { teacher, subject, schoolClass: c5a });
  const family = await createFamily(em, { schoolClass: c5a });
  const lesson = await createLesson(em, page, { date: '2026-09-02' });
  const director = await createPerson(em, { school, roles: [Role.DIRECTOR] });
  token.teacher = await sessionFor(em, teacher);
  token.classTeacher = await sessionFor(em, classTeacher);
  token.parent = await sessionFor(em, family.parent);
  token.director = await sessionFor(em, director);
  Object.assign(ids, {
    school: school.id,
    class: c5a.id,
    page: page.id,
    subject: subject.id,
    lesson: lesson.id,
    student: family.student.id,
    teacher: teacher.id,
  });
});

afterAll(async () => {
  await js?.close();
  await jit?.close();
});

describe('live events executed by graphql-jit answer as graphql-js does', () => {
  // [name, subscription, as, variables, the error codes of the frames]
  const cases: [string, string, string, () => Record<string, unknown>, string[]][] = [
    ['the diary', DIARY, 'parent', () => ({ studentId: ids.student }), []],
    ['the journal page', PAGE, 'teacher', () => ({ assignmentId: ids.page }), []],
    [
      'the class dashboard (class teacher: no logins)',
      DASHBOARD,
      'classTeacher',
      () => ({ schoolClassId: ids.class }),
      [],
    ],
    [
      'the class dashboard (director)',
      DASHBOARD,
      'director',
      () => ({ schoolClassId: ids.class }),
      [],
    ],
  ];
  for (const [name, query, as, variables, codes] of cases) {
    it(name, async () => {
      const a = frames(jit, as, query, variables());
      const b = frames(js, as, query, variables());
      await Promise.all([a.ready, b.ready]);
      try {
        const events = [markEvent({ value: '5' }), markEvent({ value: '2', kind: 'MARK_SET' })];
        for (const event of events) {
          jit.publish(JOURNAL_CHANGED, event);
          js.publish(JOURNAL_CHANGED, event);
        }
        expect(await until(() => a.received.length >= 2 && b.received.length >= 2)).toBe(true);
        expect(a.received).toEqual(b.received);
        const parsed = a.received.map(
          (f) =>
            JSON.parse(f) as {
              payload: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
            },
        );
        expect(
          parsed.flatMap((f) => (f.payload.errors ?? []).map((e) => e.extensions?.code)),
        ).toEqual(codes);
        expect(parsed.every((f) => f.payload.data !== undefined)).toBe(true);
      } finally {
        a.close();
        b.close();
      }
    });
  }

  it('a field that fails (a lesson that is not there): the same error, code and path', async () => {
    const a = frames(jit, 'teacher', PAGE, { assignmentId: ids.page });
    const b = frames(js, 'teacher', PAGE, { assignmentId: ids.page });
    await Promise.all([a.ready, b.ready]);
    try {
      const event = markEvent({ lessonId: randomUUID() });
      jit.publish(JOURNAL_CHANGED, event);
      js.publish(JOURNAL_CHANGED, event);
      expect(await until(() => a.received.length >= 1 && b.received.length >= 1)).toBe(true);
      expect(a.received).toEqual(b.received);
      const frame = JSON.parse(a.received[0]!) as {
        payload: { errors?: { extensions?: { code?: string }; path?: unknown[] }[] };
      };
      expect(frame.payload.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
        ['INTERNAL_SERVER_ERROR', ['journalPageChanged', 'lesson']],
      ]);
    } finally {
      a.close();
      b.close();
    }
  });
});
