// R-AUTH-3: a leaked account is cut off at once (sessions, sockets, tickets), and what was done
// with it between the leak and the report is listed and voided back to the previous values.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { Session } from '../../auth/session.entity.js';
import { SocketTicket } from '../../auth/socket-ticket.entity.js';
import { sha256 } from '../../auth/tokens.js';
import { Attendance } from '../journal/attendance.entity.js';
import { Homework } from '../journal/homework.entity.js';
import { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { CompromiseReport } from './compromise-report.entity.js';
import { VoidedOperation } from './voided-operation.entity.js';

const SET_MARKS = `mutation($i: SetMarksInput!) { setMarks(input: $i) { marks { id studentId value version } } }`;
const SET_ATTENDANCE = `mutation($i: SetAttendanceInput!) { setAttendance(input: $i) { attendance { id studentId status version } } }`;
const UPDATE_LESSON = `mutation($i: UpdateLessonInput!) { updateLesson(input: $i) { id topic version homework { text } } }`;
const CREATE_LESSON = `mutation($i: CreateLessonInput!) { createLesson(input: $i) { id } }`;
const START_THREAD = `mutation($i: StartThreadInput!) { startThread(input: $i) { id } }`;
const TICKET = `mutation { createSocketTicket { ticket } }`;
const REPORT = `mutation($i: ReportCompromiseInput!) { reportCompromise(input: $i) { id since reportedAt sessionsRevoked note person { id } reportedBy { id } } }`;
const REPORTS = `query { compromiseReports { id person { id } } }`;
const DISPUTED = `query($r: ID!) { disputedOperations(reportId: $r) {
  id entityType entityId action before after voidable ipAddress userAgent lessonDate
  actor { id } student { id } } }`;
const VOID = `mutation($i: VoidOperationsInput!) { voidOperations(input: $i) { voided } }`;
const PAGE_FEED = `subscription($a: ID!) { journalPageChanged(assignmentId: $a) { kind markId value attendanceId attendanceStatus studentId } }`;

interface Op {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  voidable: boolean;
  ipAddress: string | null;
  userAgent: string | null;
  lessonDate: string | null;
  actor: { id: string } | null;
  student: { id: string } | null;
}
interface MarkRow {
  id: string;
  studentId: string;
  value: string;
  version: number;
}

let app: TestApp;
let second: TestApp;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const token: Record<string, string> = {};
const people: Record<string, Person> = {};
let teacher: Person;
let page: TeachingAssignment;
let lesson: Lesson;
let lesson2: Lesson;
const kids: Person[] = [];

const until = async (check: () => boolean | Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
};

const ok = <T>(r: GqlResult<T>): T => {
  expect(r.errors).toBeUndefined();
  return r.data!;
};

async function busReady(instance: TestApp) {
  const bus = async () =>
    ((await (await fetch(new URL('/health', instance.url))).json()) as { bus: string }).bus;
  expect(await until(async () => (await bus()) === 'ready')).toBe(true);
}

/** A graphql-ws client that never retries, so the server's close code is seen. */
function follow(url: string, params: Record<string, string>, query: string, variables = {}) {
  const received: Record<string, unknown>[] = [];
  const errors: unknown[] = [];
  let closedWith: number | null = null;
  let connected = false;
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: params,
    retryAttempts: 0,
    lazy: false,
    // The close is what the test watches (closedWith); graphql-ws would also log it.
    onNonLazyError: () => {},
    on: {
      connected: () => (connected = true),
      closed: (event) => (closedWith = (event as { code: number }).code),
    },
  });
  const stop = client.subscribe<Record<string, Record<string, unknown>>>(
    { query, variables },
    {
      next: (r) => {
        if (r.errors) {
          errors.push(...r.errors);
        }
        if (r.data) {
          received.push(Object.values(r.data)[0]!);
        }
      },
      error: (e) => errors.push(e),
      complete: () => {},
    },
  );
  return {
    received,
    errors,
    connected: () => connected,
    closedWith: () => closedWith,
    stop: async () => {
      stop();
      await client.dispose();
    },
  };
}

/** An instant strictly after every audit event so far, and a clock that has passed it. */
async function instantAfterEverything(): Promise<Date> {
  const [row] = await app.orm.em
    .fork()
    .getConnection()
    .execute<{ at: Date }[]>('select max(occurred_at) as at from audit_event');
  const since = new Date(new Date(row!.at).getTime() + 1);
  await until(() => Date.now() > since.getTime() + 1);
  return since;
}

const marksOf = async (l: Lesson) =>
  Object.fromEntries(
    (await app.orm.em.fork().find(Mark, { lesson: l.id })).map((m) => [m.id, m.value]),
  );

async function setMarks(t: string, input: Record<string, unknown>, on = app) {
  return ok(
    await gql<{ setMarks: { marks: MarkRow[] } }>(on.url, SET_MARKS, { i: input }, { token: t }),
  ).setMarks.marks;
}

const writesSoFar = async () => {
  const em = app.orm.em.fork();
  return {
    audit: await em.count(AuditEvent, {}),
    reports: await em.count(CompromiseReport, {}),
    voided: await em.count(VoidedOperation, {}),
    revoked: await em.count(Session, { revokedAt: { $ne: null } }),
  };
};

beforeAll(async () => {
  app = await startTestApp({ redisUrl });
  second = await startTestApp({ redisUrl }, app);
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  await createPeriod(em, year);
  teacher = await createPerson(em, { school, roles: [Role.TEACHER], lastName: 'Учителева' });
  const schoolClass = await createClass(em, { school, year });
  page = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school),
    schoolClass,
  });
  for (let i = 0; i < 3; i++) {
    const family = await createFamily(em, { schoolClass });
    kids.push(family.student);
    if (i === 0) {
      people.student = family.student;
      people.parent = family.parent;
    }
  }
  lesson = await createLesson(em, page, { date: '2026-09-15', topic: 'Дроби' });
  lesson2 = await createLesson(em, page, { date: '2026-09-16', topic: 'Проценты' });
  for (const role of [Role.DEPUTY, Role.DIRECTOR, Role.ADMINISTRATOR, Role.RECORDS_CLERK]) {
    people[role] = await createPerson(em, { school, roles: [role] });
    token[role] = await sessionFor(em, people[role]);
  }
  people.colleague = await createPerson(em, { school, roles: [Role.TEACHER] });
  token.colleague = await sessionFor(em, people.colleague);
  token.student = await sessionFor(em, people.student!);
  token.parent = await sessionFor(em, people.parent!);
  const other = await createSchool(em);
  people.otherDeputy = await createPerson(em, { school: other, roles: [Role.DEPUTY] });
  token.otherDeputy = await sessionFor(em, people.otherDeputy);
  people.otherTeacher = await createPerson(em, { school: other, roles: [Role.TEACHER] });
  await Promise.all([busReady(app), busReady(second)]);
});

afterAll(async () => {
  await second?.close();
  await app?.close();
});

describe('a compromised account (R-AUTH-3)', () => {
  let report: { id: string };
  const ids: Record<string, string> = {};

  it('is cut off at once: sessions, sockets on every instance, pending tickets', async () => {
    const own = await sessionFor(app.orm.em.fork(), teacher);
    const stolen = await sessionFor(app.orm.em.fork(), teacher);
    // What the trail shows of the intruder's session.
    await app.orm.em
      .fork()
      .nativeUpdate(
        Session,
        { tokenHash: sha256(stolen) },
        { ipAddress: '203.0.113.7', userAgent: 'Intruder/1.0', deviceHash: sha256('intruder') },
      );

    // Before the leak: the teacher's own marks, an absence, the lesson's topic. The intruder
    // also changes one mark before the instant reported: that one is not disputed.
    const first = await setMarks(own, {
      lessonId: lesson.id,
      add: [
        { studentId: kids[0]!.id, value: '4' },
        { studentId: kids[1]!.id, value: '3' },
        { studentId: kids[2]!.id, value: '5' },
      ],
    });
    const mark = (k: number) => first.find((m) => m.studentId === kids[k]!.id)!;
    ids.a = mark(0).id;
    ids.d = mark(1).id;
    ids.c = mark(2).id;
    const absence = ok(
      await gql<{ setAttendance: { attendance: { id: string; studentId: string }[] } }>(
        app.url,
        SET_ATTENDANCE,
        { i: { lessonId: lesson.id, entries: [{ studentId: kids[2]!.id, status: 'ABSENT' }] } },
        { token: own },
      ),
    ).setAttendance.attendance;
    ids.x = absence[0]!.id;
    await setMarks(stolen, {
      lessonId: lesson.id,
      change: [{ markId: ids.d, version: mark(1).version, value: '2', reason: 'пересчёт' }],
    });

    const recorded = ok(
      await gql<{ updateLesson: { version: number } }>(
        app.url,
        UPDATE_LESSON,
        { i: { lessonId: lesson.id, version: lesson.version, homework: { text: 'стр. 10' } } },
        { token: own },
      ),
    ).updateLesson;

    const since = await instantAfterEverything();

    // After it: the intruder adds, changes (twice), removes marks, takes attendance, rewrites
    // the lesson and its homework, and writes a message.
    const added = await setMarks(stolen, {
      lessonId: lesson.id,
      add: [{ studentId: kids[0]!.id, value: '5' }],
      change: [{ markId: ids.a, version: mark(0).version, value: '2', reason: 'исправление' }],
      remove: [{ markId: ids.c, version: mark(2).version, reason: 'ошибка' }],
    });
    ids.e = added.find((m) => m.studentId === kids[0]!.id && m.id !== ids.a)!.id;
    const a2 = added.find((m) => m.id === ids.a)!;
    await setMarks(stolen, {
      lessonId: lesson.id,
      change: [{ markId: ids.a, version: a2.version, value: '3', reason: 'ещё раз' }],
    });
    const attendance = ok(
      await gql<{ setAttendance: { attendance: { id: string; studentId: string }[] } }>(
        app.url,
        SET_ATTENDANCE,
        {
          i: {
            lessonId: lesson.id,
            entries: [
              { studentId: kids[0]!.id, status: 'ABSENT' },
              { studentId: kids[2]!.id, status: null, version: 1 },
            ],
          },
        },
        { token: stolen },
      ),
    ).setAttendance.attendance;
    ids.y = attendance.find((r) => r.studentId === kids[0]!.id)!.id;
    const rewritten = ok(
      await gql<{ updateLesson: { version: number } }>(
        app.url,
        UPDATE_LESSON,
        {
          i: {
            lessonId: lesson.id,
            version: recorded.version,
            topic: 'Взломано',
            homework: { text: 'Ничего не задано' },
          },
        },
        { token: stolen },
      ),
    );
    expect(rewritten.updateLesson.version).toBe(recorded.version + 1);
    ok(
      await gql(
        app.url,
        START_THREAD,
        { i: { subject: 'Оценки', recipientIds: [people.parent!.id], body: 'Всё хорошо' } },
        { token: stolen },
      ),
    );

    // The intruder's open socket (on the other instance) and a ticket not yet used.
    const socket = follow(second.url, { authToken: stolen }, PAGE_FEED, { a: page.id });
    expect(await until(socket.connected)).toBe(true);
    const ticket = ok(
      await gql<{ createSocketTicket: { ticket: string } }>(app.url, TICKET, {}, { token: stolen }),
    ).createSocketTicket.ticket;

    const reported = ok(
      await gql<{
        reportCompromise: {
          id: string;
          since: string;
          sessionsRevoked: number;
          person: { id: string };
          reportedBy: { id: string };
        };
      }>(
        app.url,
        REPORT,
        { i: { personId: teacher.id, since: since.toISOString(), note: 'Пароль подсмотрели' } },
        { token: token.DEPUTY },
      ),
    ).reportCompromise;
    expect(reported).toMatchObject({
      since: since.toISOString(),
      sessionsRevoked: 2,
      person: { id: teacher.id },
      reportedBy: { id: people.DEPUTY!.id },
    });
    report = reported;

    for (const t of [own, stolen]) {
      expect(
        codes(await gql(app.url, SET_MARKS, { i: { lessonId: lesson.id, add: [] } }, { token: t })),
      ).toEqual(['UNAUTHENTICATED']);
    }
    // The intruder's device no longer passes for the owner's when sign-in is throttled.
    expect(
      await app.orm.em.fork().count(Session, { person: teacher.id, deviceHash: { $ne: null } }),
    ).toBe(0);
    expect(await until(() => socket.closedWith() === 4401)).toBe(true);
    expect(await app.orm.em.fork().count(SocketTicket, { ticketHash: sha256(ticket) })).toBe(0);
    const late = follow(app.url, { ticket }, PAGE_FEED, { a: page.id });
    expect(await until(() => late.closedWith() !== null)).toBe(true);
    expect(late.connected()).toBe(false);
    await Promise.all([socket.stop(), late.stop()]);
    const audit = await app.orm.em
      .fork()
      .find(AuditEvent, { action: 'reportCompromise', entityId: teacher.id });
    expect(audit.map((e) => [e.actorId, e.reason])).toEqual([
      [people.DEPUTY!.id, 'Пароль подсмотрели'],
    ]);
  });

  it('lists exactly what the account did between the leak and the report', async () => {
    // Back in control, the teacher signs in again and works on: not disputed.
    token.teacher = await sessionFor(app.orm.em.fork(), teacher);
    await setMarks(token.teacher, {
      lessonId: lesson2.id,
      add: [{ studentId: kids[1]!.id, value: '5' }],
    });

    expect(
      codes(await gql(app.url, DISPUTED, { r: report.id }, { token: token.colleague })),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(await gql(app.url, DISPUTED, { r: report.id }, { token: token.otherDeputy })),
    ).toEqual(['NOT_FOUND']);
    const ops = ok(
      await gql<{ disputedOperations: Op[] }>(
        app.url,
        DISPUTED,
        { r: report.id },
        { token: token.DEPUTY },
      ),
    ).disputedOperations;
    const brief = ops.map((o) => [
      o.entityType,
      o.action,
      o.entityId,
      o.before?.value ?? o.before?.topic ?? o.before?.status ?? o.before?.text ?? null,
      o.after?.value ?? o.after?.topic ?? o.after?.status ?? o.after?.text ?? null,
      o.voidable,
    ]);
    expect(brief.filter((b) => b[0] !== 'MessageThread' && b[0] !== 'Homework')).toEqual([
      ['Mark', 'create', ids.e, null, '5', true],
      ['Mark', 'update', ids.a, '4', '2', true],
      ['Mark', 'delete', ids.c, '5', null, true],
      ['Mark', 'update', ids.a, '2', '3', true],
      ['Attendance', 'create', ids.y, null, 'ABSENT', true],
      ['Attendance', 'delete', ids.x, 'ABSENT', null, true],
      ['Lesson', 'update', lesson.id, 'Дроби', 'Взломано', true],
    ]);
    expect(brief.filter((b) => b[0] === 'Homework').map((b) => b.slice(1))).toEqual([
      ['update', expect.any(String), 'стр. 10', 'Ничего не задано', true],
    ]);
    expect(brief.filter((b) => b[0] === 'MessageThread').map((b) => [b[1], b[5]])).toEqual([
      ['start', false],
    ]);
    for (const op of ops) {
      expect(op.actor?.id).toBe(teacher.id);
      expect([op.ipAddress, op.userAgent]).toEqual(['203.0.113.7', 'Intruder/1.0']);
    }
    expect(ops.find((o) => o.entityId === ids.c)).toMatchObject({
      student: { id: kids[2]!.id },
      lessonDate: '2026-09-15',
    });
    expect(ops.map((o) => o.entityId)).not.toContain(ids.d);

    const listed = ok(
      await gql<{ compromiseReports: { id: string; person: { id: string } }[] }>(
        app.url,
        REPORTS,
        {},
        { token: token.DEPUTY },
      ),
    ).compromiseReports;
    expect(listed).toEqual([{ id: report.id, person: { id: teacher.id } }]);
    expect(
      ok(
        await gql<{ compromiseReports: unknown[] }>(
          app.url,
          REPORTS,
          {},
          { token: token.otherDeputy },
        ),
      ).compromiseReports,
    ).toEqual([]);
  });

  it('refuses bad voids without writing anything', async () => {
    const before = await writesSoFar();
    const attempts: [Record<string, unknown>, string, string][] = [
      [{ reportId: report.id, reason: '   ' }, token.DEPUTY!, 'BAD_USER_INPUT'],
      [{ reportId: report.id, reason: 'x'.repeat(501) }, token.DEPUTY!, 'BAD_USER_INPUT'],
      [{ reportId: report.id, reason: 'r', operationIds: [] }, token.DEPUTY!, 'BAD_USER_INPUT'],
      [
        { reportId: report.id, reason: 'r', operationIds: [crypto.randomUUID()] },
        token.DEPUTY!,
        'BAD_USER_INPUT',
      ],
      [{ reportId: crypto.randomUUID(), reason: 'r' }, token.DEPUTY!, 'NOT_FOUND'],
      [{ reportId: 'not-an-id', reason: 'r' }, token.DEPUTY!, 'NOT_FOUND'],
      [{ reportId: report.id, reason: 'r' }, token.otherDeputy!, 'NOT_FOUND'],
      [{ reportId: report.id, reason: 'r' }, token.colleague!, 'FORBIDDEN'],
      [{ reportId: report.id, reason: 'r' }, token.RECORDS_CLERK!, 'FORBIDDEN'],
      [{ reportId: report.id, reason: 'r' }, token.teacher!, 'FORBIDDEN'],
    ];
    for (const [input, t, code] of attempts) {
      expect(codes(await gql(app.url, VOID, { i: input }, { token: t }))).toEqual([code]);
    }
    // A sent message is listed, but cannot be voided.
    const ops = ok(
      await gql<{ disputedOperations: Op[] }>(
        app.url,
        DISPUTED,
        { r: report.id },
        { token: token.DEPUTY },
      ),
    ).disputedOperations;
    const message = ops.find((o) => !o.voidable)!;
    expect(
      codes(
        await gql(
          app.url,
          VOID,
          { i: { reportId: report.id, reason: 'r', operationIds: [message.id] } },
          { token: token.DEPUTY },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(await writesSoFar()).toEqual(before);
  });

  it('voids in one action: every record as it was before the leak, audited, published', async () => {
    const feed = follow(app.url, { authToken: token.teacher! }, PAGE_FEED, { a: page.id });
    expect(await until(feed.connected)).toBe(true);
    // The subscription is registered once an unrelated event reaches it.
    await setMarks(token.teacher!, {
      lessonId: lesson2.id,
      add: [{ studentId: kids[2]!.id, value: '4' }],
    });
    expect(await until(() => feed.received.length === 1)).toBe(true);
    feed.received.length = 0;

    const voided = ok(
      await gql<{ voidOperations: { voided: number } }>(
        app.url,
        VOID,
        { i: { reportId: report.id, reason: 'Взлом учётной записи' } },
        { token: token.DEPUTY },
      ),
    ).voidOperations;
    expect(voided.voided).toBe(8);

    const em = app.orm.em.fork();
    // The mark changed before the instant keeps the intruder's value: it was not disputed.
    expect(await marksOf(lesson)).toEqual({ [ids.a!]: '4', [ids.c!]: '5', [ids.d!]: '2' });
    const restoredC = await em.findOneOrFail(Mark, ids.c!);
    expect(restoredC.enteredBy.id).toBe(teacher.id);
    const absences = await em.find(Attendance, { lesson: lesson.id });
    expect(absences.map((a) => [a.id, a.student.id, a.status])).toEqual([
      [ids.x, kids[2]!.id, 'ABSENT'],
    ]);
    const restored = await em.findOneOrFail(Lesson, lesson.id);
    expect(restored.topic).toBe('Дроби');
    const homework = await em.find(Homework, { lesson: lesson.id });
    expect(homework.map((h) => h.text)).toEqual(['стр. 10']);

    const voids = await em.find(AuditEvent, { action: 'void' }, { orderBy: { seq: 'asc' } });
    expect(voids).toHaveLength(7); // one per record: mark A's two changes restore together
    for (const v of voids) {
      expect([v.actorId, v.reason]).toEqual([people.DEPUTY!.id, 'Взлом учётной записи']);
    }
    const voidOfA = voids.find((v) => v.entityId === ids.a)!;
    expect([voidOfA.before?.value, voidOfA.after?.value]).toEqual(['3', '4']);
    expect(await em.count(AuditEvent, { action: 'voidOperations', entityId: report.id })).toBe(1);

    // Journal pages and diaries hear of it like any other write.
    expect(await until(() => feed.received.length === 5)).toBe(true);
    expect(
      feed.received
        .map((e) => [e.kind, e.markId ?? e.attendanceId, e.value ?? e.attendanceStatus ?? null])
        .sort(),
    ).toEqual(
      [
        ['MARK_CHANGED', ids.a, '4'],
        ['MARK_SET', ids.c, '5'],
        ['MARK_REMOVED', ids.e, null],
        ['ATTENDANCE_REMOVED', ids.y, null],
        ['ATTENDANCE_SET', ids.x, 'ABSENT'],
      ].sort(),
    );
    await feed.stop();

    // Voided operations leave the list (the message stays, listed only); again changes nothing.
    const left = ok(
      await gql<{ disputedOperations: Op[] }>(
        app.url,
        DISPUTED,
        { r: report.id },
        { token: token.DEPUTY },
      ),
    ).disputedOperations;
    expect(left.map((o) => o.entityType)).toEqual(['MessageThread']);
    const snapshot = await writesSoFar();
    const again = ok(
      await gql<{ voidOperations: { voided: number } }>(
        app.url,
        VOID,
        { i: { reportId: report.id, reason: 'ещё раз' } },
        { token: token.DEPUTY },
      ),
    ).voidOperations;
    expect(again.voided).toBe(0);
    const voidedIds = (await em.find(VoidedOperation, {})).map((v) => v.auditEventId);
    const byId = ok(
      await gql<{ voidOperations: { voided: number } }>(
        app.url,
        VOID,
        { i: { reportId: report.id, reason: 'ещё раз', operationIds: voidedIds.slice(0, 2) } },
        { token: token.DEPUTY },
      ),
    ).voidOperations;
    expect(byId.voided).toBe(0);
    expect(await writesSoFar()).toEqual(snapshot);
  });

  it('refuses to overwrite a record someone has corrected since, and voids the rest on request', async () => {
    const stolen = await sessionFor(app.orm.em.fork(), teacher);
    const current = (await app.orm.em.fork().find(Mark, { lesson: lesson.id })).find(
      (m) => m.id === ids.a,
    )!;
    const since = await instantAfterEverything();
    await setMarks(stolen, {
      lessonId: lesson.id,
      change: [{ markId: ids.a, version: current.version, value: '1', reason: 'так надо' }],
    });
    ok(
      await gql(
        app.url,
        SET_ATTENDANCE,
        { i: { lessonId: lesson.id, entries: [{ studentId: kids[1]!.id, status: 'ABSENT' }] } },
        { token: stolen },
      ),
    );
    const report2 = ok(
      await gql<{ reportCompromise: { id: string } }>(
        app.url,
        REPORT,
        { i: { personId: teacher.id, since: since.toISOString() } },
        { token: token.teacher },
      ),
    ).reportCompromise;
    // The teacher, signed in again, corrects the mark the intruder spoiled.
    token.teacher = await sessionFor(app.orm.em.fork(), teacher);
    const spoiled = (await app.orm.em.fork().find(Mark, { id: ids.a }))[0]!;
    await setMarks(token.teacher, {
      lessonId: lesson.id,
      change: [{ markId: ids.a, version: spoiled.version, value: '5', reason: 'исправила' }],
    });

    const ops = ok(
      await gql<{ disputedOperations: Op[] }>(
        app.url,
        DISPUTED,
        { r: report2.id },
        { token: token.DIRECTOR },
      ),
    ).disputedOperations;
    expect(ops.map((o) => [o.entityType, o.entityId])).toEqual([
      ['Mark', ids.a],
      ['Attendance', expect.any(String)],
    ]);
    const before = await writesSoFar();
    const refused = await gql(
      app.url,
      VOID,
      { i: { reportId: report2.id, reason: 'Взлом' } },
      { token: token.DIRECTOR },
    );
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0]!.extensions!.conflicts).toEqual([
      { operationId: ops[0]!.id, entityType: 'Mark', entityId: ids.a, problem: 'CHANGED_SINCE' },
    ]);
    expect(await writesSoFar()).toEqual(before);
    expect((await marksOf(lesson))[ids.a!]).toBe('5');

    // The rest, chosen one by one.
    const voided = ok(
      await gql<{ voidOperations: { voided: number } }>(
        app.url,
        VOID,
        { i: { reportId: report2.id, reason: 'Взлом', operationIds: [ops[1]!.id] } },
        { token: token.ADMINISTRATOR },
      ),
    ).voidOperations;
    expect(voided.voided).toBe(1);
    expect((await marksOf(lesson))[ids.a!]).toBe('5');
    expect(
      await app.orm.em.fork().count(Attendance, { lesson: lesson.id, student: kids[1]!.id }),
    ).toBe(0);
  });

  it('removes a lesson the intruder recorded with its marks; a place taken since is a conflict', async () => {
    const em = app.orm.em.fork();
    const stolen = await sessionFor(em, teacher);
    const since = await instantAfterEverything();
    const fake = ok(
      await gql<{ createLesson: { id: string } }>(
        app.url,
        CREATE_LESSON,
        { i: { assignmentId: page.id, date: '2026-09-17', lessonNumber: 2, topic: 'Фальшивый' } },
        { token: stolen },
      ),
    ).createLesson;
    await setMarks(stolen, { lessonId: fake.id, add: [{ studentId: kids[0]!.id, value: '2' }] });
    const x = await em.findOneOrFail(Attendance, ids.x!);
    ok(
      await gql(
        app.url,
        SET_ATTENDANCE,
        {
          i: {
            lessonId: lesson.id,
            entries: [{ studentId: kids[2]!.id, status: null, version: x.version }],
          },
        },
        { token: stolen },
      ),
    );
    const report3 = ok(
      await gql<{ reportCompromise: { id: string } }>(
        app.url,
        REPORT,
        { i: { personId: teacher.id, since: since.toISOString() } },
        { token: token.DIRECTOR },
      ),
    ).reportCompromise;
    // Signed in again, the teacher records the student late: a new record where the old one was.
    token.teacher = await sessionFor(em, teacher);
    ok(
      await gql(
        app.url,
        SET_ATTENDANCE,
        {
          i: {
            lessonId: lesson.id,
            entries: [{ studentId: kids[2]!.id, status: 'LATE', minutesLate: 5 }],
          },
        },
        { token: token.teacher },
      ),
    );

    const ops = ok(
      await gql<{ disputedOperations: Op[] }>(
        app.url,
        DISPUTED,
        { r: report3.id },
        { token: token.DIRECTOR },
      ),
    ).disputedOperations;
    expect(ops.map((o) => [o.entityType, o.action])).toEqual([
      ['Lesson', 'create'],
      ['Mark', 'create'],
      ['Attendance', 'delete'],
    ]);
    const before = await writesSoFar();
    const refused = await gql(
      app.url,
      VOID,
      { i: { reportId: report3.id, reason: 'Взлом' } },
      { token: token.DIRECTOR },
    );
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0]!.extensions!.conflicts).toEqual([
      { operationId: ops[2]!.id, entityType: 'Attendance', entityId: ids.x, problem: 'OCCUPIED' },
    ]);
    expect(await writesSoFar()).toEqual(before);
    expect(await em.fork().count(Lesson, { id: fake.id })).toBe(1);

    // The lesson and its mark go together; the teacher's lateness stays.
    const voided = ok(
      await gql<{ voidOperations: { voided: number } }>(
        app.url,
        VOID,
        {
          i: {
            reportId: report3.id,
            reason: 'Взлом',
            operationIds: [ops[0]!.id, ops[1]!.id],
          },
        },
        { token: token.DIRECTOR },
      ),
    ).voidOperations;
    expect(voided.voided).toBe(2);
    const after = em.fork();
    expect(await after.count(Lesson, { id: fake.id })).toBe(0);
    expect(await after.count(Mark, { lesson: fake.id })).toBe(0);
    const late = await after.find(Attendance, { lesson: lesson.id, student: kids[2]!.id });
    expect(late.map((a) => [a.status, a.minutesLate])).toEqual([['LATE', 5]]);
  });
});

describe('who may report a compromise (R-AUTH-3)', () => {
  const report = (personId: string, t: string, since = new Date(Date.now() - 60_000)) =>
    gql<{ reportCompromise: { sessionsRevoked: number } }>(
      app.url,
      REPORT,
      { i: { personId, since: since.toISOString() } },
      { token: t },
    );

  it('the person themselves, or the administration of their school; nobody else', async () => {
    const em = app.orm.em.fork();
    const victim = await createPerson(em, {
      school: (await em.findOneOrFail(Lesson, lesson.id)).school,
      roles: [Role.TEACHER],
    });
    await sessionFor(em, victim);
    const before = await writesSoFar();
    for (const who of ['colleague', Role.RECORDS_CLERK, 'student', 'parent', 'otherDeputy']) {
      expect(codes(await report(victim.id, token[who]!)), who).toEqual(['NOT_FOUND']);
    }
    // Another school's people, by id, are out of this administration's reach.
    expect(codes(await report(people.otherTeacher!.id, token.DEPUTY!))).toEqual(['NOT_FOUND']);
    expect(codes(await report(crypto.randomUUID(), token.DEPUTY!))).toEqual(['NOT_FOUND']);
    expect(codes(await report(victim.id, ''))).toEqual(['UNAUTHENTICATED']);
    expect(
      codes(await report(victim.id, token.DEPUTY!, new Date(Date.now() + 86_400_000))),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await gql(
          app.url,
          REPORT,
          { i: { personId: victim.id, since: new Date().toISOString(), note: 'x'.repeat(501) } },
          { token: token.DEPUTY },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(codes(await report('42', token.DEPUTY!))).toEqual(['NOT_FOUND']);
    expect(await writesSoFar()).toEqual(before);

    for (const role of [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR]) {
      const fresh = await sessionFor(app.orm.em.fork(), victim);
      const r = await report(victim.id, token[role]!);
      // The first also ends the session the refused attempts left alone.
      expect(r.data?.reportCompromise.sessionsRevoked, role).toBe(role === Role.DIRECTOR ? 2 : 1);
      expect(codes(await gql(app.url, REPORTS, {}, { token: fresh }))).toEqual(['UNAUTHENTICATED']);
    }
    // A student reports their own account.
    const own = await report(people.student!.id, token.student!);
    expect(own.data?.reportCompromise.sessionsRevoked).toBe(1);
    expect(codes(await gql(app.url, REPORTS, {}, { token: token.student }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});
