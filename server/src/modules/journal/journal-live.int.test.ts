import { randomUUID } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
  uniqueLogin,
} from '../../../test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { Session } from '../../auth/session.entity.js';
import { sha256 } from '../../auth/tokens.js';
import { Guardianship, GuardianshipKind } from '../people/guardianship.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role, RoleAssignment } from '../people/role-assignment.entity.js';
import type { SchoolClass } from '../year/school-class.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { JOURNAL_CHANGED } from './journal.events.js';
import type { Lesson } from './lesson.entity.js';

// Live journal events over a real graphql-ws client (issue 5): delivery, filtering by who may
// read, unsubscribe, per-event authorisation, revoked sessions, and two instances through Redis.

interface Received {
  kind: string;
  studentId: string;
  value: string | null;
  attendanceStatus: string | null;
}

const FIELDS = 'kind studentId value attendanceStatus lessonId markId';
const SET_MARKS = `mutation($input: SetMarksInput!) { setMarks(input: $input) { marks { id } } }`;
const SET_ATTENDANCE = `mutation($input: SetAttendanceInput!) { setAttendance(input: $input) { attendance { id } } }`;

/** A subscription collecting its events, with a way to wait for the next few. */
/**
 * Per app: its count of started journal subscriptions when the first `follow` was made, the
 * follows made since and those the server refused (graphql-ws never confirms a subscription).
 */
const followed = new WeakMap<TestApp, { base: number; made: number; refused: number }>();

function follow(app: TestApp, token: string, query: string, variables: Record<string, unknown>) {
  const url = app.url;
  let tally = followed.get(app);
  if (!tally) {
    tally = { base: app.subscriptionsStarted(JOURNAL_CHANGED), made: 0, refused: 0 };
    followed.set(app, tally);
  }
  const mine = tally;
  mine.made += 1;
  let refused = false;
  const refuse = () => {
    if (!refused) {
      refused = true;
      mine.refused += 1;
    }
  };
  const received: Received[] = [];
  const errors: unknown[] = [];
  let closedWith: number | null = null;
  const client: Client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authToken: token },
    retryAttempts: 0,
    lazy: false,
    // The close is asserted through `closedWith`; graphql-ws would also print it.
    onNonLazyError: () => {},
    on: { closed: (event) => (closedWith = (event as { code: number }).code) },
  });
  let ready!: () => void;
  const subscribed = new Promise<void>((r) => (ready = r));
  const stop = client.subscribe<Record<string, Received>>(
    { query, variables },
    {
      next: (r) => {
        if (r.errors) {
          errors.push(...r.errors);
          refuse();
        }
        const value = r.data ? Object.values(r.data)[0] : undefined;
        if (value) {
          received.push(value);
        }
      },
      error: (e) => {
        errors.push(e);
        refuse();
      },
      complete: () => {},
    },
  );
  // Subscribed once the app has started as many journal subscriptions as were followed and not
  // refused (a busy CI machine can take longer than any fixed moment), and at least 300 ms on.
  void Promise.all([
    new Promise((r) => setTimeout(r, 300)),
    until(() => app.subscriptionsStarted(JOURNAL_CHANGED) - mine.base >= mine.made - mine.refused),
  ]).then(() => ready());
  return {
    received,
    errors,
    subscribed,
    closedWith: () => closedWith,
    stop: async () => {
      stop();
      await client.dispose();
    },
  };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
};
const quiet = () => new Promise((r) => setTimeout(r, 400));

let app: TestApp;
const token: Record<string, string> = {};
const kids: Record<string, Person> = {};
let parent: Person;
let newcomerParent: Person;
let classTeacher: Person;
let page: TeachingAssignment;
let c5a: SchoolClass;
let lesson: Lesson;
let otherPage: TeachingAssignment;
let subjectName: string;

const STUDENT_SUB = `subscription($s: ID!) { studentJournalChanged(studentId: $s) { ${FIELDS} } }`;
const CLASS_SUB = `subscription($c: ID!) { classJournalChanged(schoolClassId: $c) { ${FIELDS} } }`;
const PAGE_SUB = `subscription($a: ID!) { journalPageChanged(assignmentId: $a) { ${FIELDS} } }`;

beforeAll(async () => {
  app = await startTestApp();
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  await createPeriod(em, year);
  await createPeriod(em, year, { number: 2, startsOn: '2026-11-05', endsOn: '2026-12-28' });
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  classTeacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  c5a = await createClass(em, { school, year, classTeacher });
  const subject = await createSubject(em, school);
  subjectName = subject.name;
  page = await createAssignment(em, { teacher, subject, schoolClass: c5a });
  const mine = await createFamily(em, { schoolClass: c5a });
  kids.mine = mine.student;
  parent = mine.parent;
  kids.classmate = (await createFamily(em, { schoolClass: c5a })).student;
  const newcomers = await createFamily(em, { schoolClass: c5a });
  kids.newcomer = newcomers.student;
  newcomerParent = newcomers.parent;
  lesson = await createLesson(em, page, { date: '2026-09-15' });
  // Another class the class teacher also teaches: its parents may write to them.
  const c5b = await createClass(em, { school, year, letter: 'Б' });
  otherPage = await createAssignment(em, {
    teacher: classTeacher,
    subject: await createSubject(em, school),
    schoolClass: c5b,
  });
  const otherFamily = await createFamily(em, { schoolClass: c5b });
  token.otherParent = await sessionFor(em, otherFamily.parent);
  token.teacher = await sessionFor(em, teacher);
  token.classTeacher = await sessionFor(em, classTeacher);
  token.parent = await sessionFor(em, parent);
  token.student = await sessionFor(em, kids.mine);
});

afterAll(async () => {
  await app?.close();
});

const setMark = (studentId: string, value: string, on = app) =>
  gql(
    on.url,
    SET_MARKS,
    { input: { lessonId: lesson.id, add: [{ studentId, value }] } },
    {
      token: token.teacher,
    },
  );

describe('live journal (R-JRN-7)', () => {
  it("a parent's open diary gets the child's mark the moment it is set, and never a classmate's", async () => {
    const diary = follow(app, token.parent!, STUDENT_SUB, { s: kids.mine!.id });
    await diary.subscribed;
    expect((await setMark(kids.classmate!.id, '2')).errors).toBeUndefined();
    expect((await setMark(kids.mine!.id, '5')).errors).toBeUndefined();
    expect(await until(() => diary.received.length === 1)).toBe(true);
    await quiet();
    expect(diary.received).toEqual([
      expect.objectContaining({ kind: 'MARK_SET', studentId: kids.mine!.id, value: '5' }),
    ]);
    await diary.stop();
  });

  it('the class teacher’s feed has every student of the class; attendance too', async () => {
    const feed = follow(app, token.classTeacher!, CLASS_SUB, { c: c5a.id });
    await feed.subscribed;
    await setMark(kids.classmate!.id, '4');
    await gql(
      app.url,
      SET_ATTENDANCE,
      {
        input: {
          lessonId: lesson.id,
          entries: [{ studentId: kids.mine!.id, status: 'LATE', minutesLate: 5 }],
        },
      },
      { token: token.teacher },
    );
    expect(await until(() => feed.received.length === 2)).toBe(true);
    expect(feed.received.map((e) => [e.kind, e.studentId])).toEqual([
      ['MARK_SET', kids.classmate!.id],
      ['ATTENDANCE_SET', kids.mine!.id],
    ]);
    await feed.stop();
  });

  it('refuses to subscribe to what the viewer may not read: another family, a class feed, a page', async () => {
    const spy = follow(app, token.parent!, STUDENT_SUB, { s: kids.classmate!.id });
    const feed = follow(app, token.student!, CLASS_SUB, { c: c5a.id });
    const pageFeed = follow(app, token.parent!, PAGE_SUB, { a: page.id });
    await until(
      () => spy.errors.length > 0 && feed.errors.length > 0 && pageFeed.errors.length > 0,
    );
    const codeOf = (e: unknown) =>
      ((Array.isArray(e) ? e[0] : e) as { extensions?: { code?: string } }).extensions?.code;
    expect(codeOf(spy.errors[0])).toBe('NOT_FOUND');
    expect(codeOf(feed.errors[0])).toBe('FORBIDDEN');
    expect(codeOf(pageFeed.errors[0])).toBe('FORBIDDEN');
    await setMark(kids.classmate!.id, '3');
    await quiet();
    expect(spy.received).toEqual([]);
    await Promise.all([spy.stop(), feed.stop(), pageFeed.stop()]);
  });

  it('a guardian unlinked mid-session stops receiving the child’s events', async () => {
    const diary = follow(app, token.parent!, STUDENT_SUB, { s: kids.mine!.id });
    await diary.subscribed;
    await setMark(kids.mine!.id, '4');
    expect(await until(() => diary.received.length === 1)).toBe(true);
    const em = app.orm.em.fork();
    const link = await em.findOneOrFail(Guardianship, {
      guardian: parent.id,
      student: kids.mine!.id,
    });
    await em.remove(link).flush();
    await setMark(kids.mine!.id, '5');
    await quiet();
    expect(diary.received).toHaveLength(1);
    await diary.stop();
    em.persist(
      em.create(Guardianship, {
        school: link.school,
        guardian: parent,
        student: kids.mine!,
        kind: link.kind,
      }),
    );
    await em.flush();
  });

  it('signing out closes the session’s sockets', async () => {
    const own = await sessionFor(app.orm.em.fork(), parent);
    const diary = follow(app, own, STUDENT_SUB, { s: kids.mine!.id });
    await diary.subscribed;
    await gql(app.url, `mutation { signOut }`, {}, { token: own });
    expect(await until(() => diary.closedWith() !== null)).toBe(true);
    expect(diary.closedWith()).toBe(4401);
    await diary.stop();
  });
});

describe('a shared journal page and unsubscribing (issue 5)', () => {
  let substitute: Person;
  let subLesson: Lesson;

  beforeAll(async () => {
    const em = app.orm.em.fork();
    substitute = await createPerson(em, { school: c5a.school, roles: [Role.TEACHER] });
    token.substitute = await sessionFor(em, substitute);
    subLesson = await createLesson(em, page, {
      date: '2026-09-18',
      conductingTeacher: substitute,
    });
  });

  it('R-ROLE-5: the page’s teacher and its substitute see each other’s marks on the page, live', async () => {
    const mine = follow(app, token.teacher!, PAGE_SUB, { a: page.id });
    const theirs = follow(app, token.substitute!, PAGE_SUB, { a: page.id });
    await Promise.all([mine.subscribed, theirs.subscribed]);
    const bySubstitute = await gql(
      app.url,
      SET_MARKS,
      { input: { lessonId: subLesson.id, add: [{ studentId: kids.classmate!.id, value: '5' }] } },
      { token: token.substitute },
    );
    expect(bySubstitute.errors).toBeUndefined();
    await setMark(kids.mine!.id, '4');
    // A mark on another page reaches neither.
    const other = await createLesson(app.orm.em.fork(), otherPage, { date: '2026-09-18' });
    await gql(
      app.url,
      SET_MARKS,
      { input: { lessonId: other.id, add: [{ studentId: kids.mine!.id, value: '3' }] } },
      { token: token.classTeacher },
    );
    expect(await until(() => mine.received.length >= 2 && theirs.received.length >= 2)).toBe(true);
    await quiet();
    for (const feed of [mine, theirs]) {
      expect(feed.received.map((e) => [e.kind, e.studentId, e.value])).toEqual([
        ['MARK_SET', kids.classmate!.id, '5'],
        ['MARK_SET', kids.mine!.id, '4'],
      ]);
    }
    await Promise.all([mine.stop(), theirs.stop()]);
  });

  it('after a subscription stops, no event arrives for it and the server stops working on it', async () => {
    // Two subscriptions on one socket; the server renews a subscription's viewer for each
    // event meant for it (a session lookup by id), which shows what it still works on.
    const own = await sessionFor(app.orm.em.fork(), parent);
    const client = createClient({
      url: app.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authToken: own },
      retryAttempts: 0,
    });
    const got = { kept: [] as unknown[], stopped: [] as unknown[] };
    const sink = (into: unknown[]) => ({
      next: (r: { data?: unknown }) => void (r.data && into.push(r.data)),
      error: () => {},
      complete: () => {},
    });
    // Two operations (identical ones would share one execution: see issue 9 below).
    const stopKept = client.subscribe(
      { query: STUDENT_SUB, variables: { s: kids.mine!.id } },
      sink(got.kept),
    );
    const stopStopped = client.subscribe(
      {
        query: STUDENT_SUB.replace('subscription(', 'subscription Other('),
        variables: { s: kids.mine!.id },
      },
      sink(got.stopped),
    );
    await quiet();
    // Renewal reads the sessions of every subscription an event reaches in one statement
    // (core/live.ts); each person's access is then checked once for all their subscriptions, in
    // one batched statement (auth/access.ts, LiveAccess); each subscription is executed.
    const renewals = () =>
      app.queries.filter((q) => q.includes('session_viewer(null, s.id')).length;
    const accessChecks = () =>
      app.queries.filter((q) => q.includes('join guardianship g on g.guardian_id = x.guardian_id'))
        .length;
    let executed = app.liveExecutions();
    const executions = () => {
      const n = app.liveExecutions() - executed;
      executed = app.liveExecutions();
      return n;
    };

    app.resetQueries();
    await setMark(kids.mine!.id, '5');
    expect(await until(() => got.kept.length === 1 && got.stopped.length === 1)).toBe(true);
    expect(renewals()).toBe(1);
    expect(accessChecks()).toBe(1);
    expect(executions()).toBe(2);

    stopStopped();
    await quiet();
    app.resetQueries();
    await setMark(kids.mine!.id, '4');
    expect(await until(() => got.kept.length === 2)).toBe(true);
    await quiet();
    expect(got.stopped).toHaveLength(1);
    expect(renewals()).toBe(1);
    expect(accessChecks()).toBe(1);
    expect(executions()).toBe(1);

    // Closing the socket ends the rest.
    stopKept();
    await client.dispose();
    await quiet();
    app.resetQueries();
    await setMark(kids.mine!.id, '3');
    await quiet();
    expect(got.kept).toHaveLength(2);
    expect(renewals()).toBe(0);
    expect(accessChecks()).toBe(0);
    expect(executions()).toBe(0);
  });
});

describe('one execution per operation, variables and person (issue 9)', () => {
  it('sockets of one session cost the same statements per event as one socket, and all receive it', async () => {
    const own = await sessionFor(app.orm.em.fork(), parent);
    const statementsFor = async (sockets: number) => {
      const started = app.subscriptionsStarted('journal.changed');
      const tabs = Array.from({ length: sockets }, () =>
        follow(app, own, STUDENT_SUB, { s: kids.mine!.id }),
      );
      // Every socket subscribed (joining counts as starting), and its own statements done.
      expect(
        await until(() => app.subscriptionsStarted('journal.changed') === started + sockets),
      ).toBe(true);
      await quiet();
      app.resetQueries();
      await setMark(kids.mine!.id, '5');
      expect(await until(() => tabs.every((t) => t.received.length === 1))).toBe(true);
      await quiet();
      const count = app.queries.length;
      for (const t of tabs) {
        expect(t.errors).toEqual([]);
        expect(t.received).toEqual([
          expect.objectContaining({ kind: 'MARK_SET', studentId: kids.mine!.id, value: '5' }),
        ]);
        await t.stop();
      }
      return count;
    };
    const one = await statementsFor(1);
    expect(await statementsFor(4)).toBe(one);
  });

  it('a revoked session among the sockets sharing an execution is closed; the others still receive', async () => {
    const first = await sessionFor(app.orm.em.fork(), parent);
    const second = await sessionFor(app.orm.em.fork(), parent);
    const a = follow(app, first, STUDENT_SUB, { s: kids.mine!.id });
    const b = follow(app, second, STUDENT_SUB, { s: kids.mine!.id });
    // The child follows the same operation with the same variables: a person of their own.
    const child = follow(app, token.student!, STUDENT_SUB, { s: kids.mine!.id });
    await Promise.all([a.subscribed, b.subscribed, child.subscribed]);
    await app.orm.em
      .fork()
      .nativeUpdate(Session, { tokenHash: sha256(second) }, { revokedAt: new Date() });
    await setMark(kids.mine!.id, '4');
    expect(await until(() => a.received.length === 1 && child.received.length === 1)).toBe(true);
    expect(await until(() => b.closedWith() !== null)).toBe(true);
    expect(b.closedWith()).toBe(4401);
    expect(b.received).toEqual([]);
    // Signing the first session out ends it too; the child's own subscription goes on.
    await app.orm.em
      .fork()
      .nativeUpdate(Session, { tokenHash: sha256(first) }, { revokedAt: new Date() });
    await setMark(kids.mine!.id, '3');
    expect(await until(() => child.received.length === 2 && a.closedWith() !== null)).toBe(true);
    expect(a.closedWith()).toBe(4401);
    expect(a.received).toHaveLength(1);
    await Promise.all([a.stop(), b.stop(), child.stop()]);
  });

  it('joining a running execution still authorises the newcomer: another family is refused', async () => {
    const diary = follow(app, token.parent!, STUDENT_SUB, { s: kids.mine!.id });
    await diary.subscribed;
    const stranger = follow(app, token.otherParent!, STUDENT_SUB, { s: kids.mine!.id });
    await stranger.subscribed;
    await setMark(kids.mine!.id, '5');
    expect(await until(() => diary.received.length === 1)).toBe(true);
    await quiet();
    expect(stranger.received).toEqual([]);
    const first = stranger.errors[0];
    expect(
      ((Array.isArray(first) ? first[0] : first) as { extensions?: { code?: string } })?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
    await Promise.all([diary.stop(), stranger.stop()]);
  });
});

describe('one execution per operation, variables and permission set (issue 9)', () => {
  // Operations selecting viewer-free fields only (LIVE_VIEWER_FREE_FIELDS) share one execution
  // among everyone with the same roles in the same schools; access is still decided per person.
  let child: Person;
  let otherChild: Person;
  let mother: Person;
  let father: Person;
  let otherParent: Person;
  let director: Person;
  let deputy: Person;
  let school: SchoolClass['school'];
  /** This block's own sessions (the file's `token` names others). */
  const t: Record<string, string> = {};

  beforeAll(async () => {
    const em = app.orm.em.fork();
    school = c5a.school;
    const family = await createFamily(em, { schoolClass: c5a });
    child = family.student;
    mother = family.parent;
    father = await createPerson(em, { school, roles: [Role.PARENT], firstName: 'Иван' });
    em.persist(
      em.create(Guardianship, {
        school,
        guardian: father,
        student: child,
        kind: GuardianshipKind.FATHER,
      }),
    );
    await em.flush();
    const other = await createFamily(em, { schoolClass: c5a });
    otherChild = other.student;
    otherParent = other.parent;
    director = await createPerson(em, { school, roles: [Role.DIRECTOR] });
    deputy = await createPerson(em, { school, roles: [Role.DIRECTOR] });
    for (const [name, person] of Object.entries({
      mother,
      father,
      otherParent,
      director,
      deputy,
    })) {
      t[name] = await sessionFor(em, person);
    }
  });

  /** Executions since the last call. */
  let executed = 0;
  const executions = () => {
    const n = app.liveExecutions() - executed;
    executed = app.liveExecutions();
    return n;
  };
  const groupsSettled = (sizes: number[]) =>
    until(() => JSON.stringify(app.liveGroupSizes()) === JSON.stringify(sizes));

  it('two guardians of a child share one execution; a parent of another child is refused it and gets only their own child’s events', async () => {
    const mine = follow(app, t.mother!, STUDENT_SUB, { s: child.id });
    const his = follow(app, t.father!, STUDENT_SUB, { s: child.id });
    const intruder = follow(app, t.otherParent!, STUDENT_SUB, { s: child.id });
    const theirs = follow(app, t.otherParent!, STUDENT_SUB, { s: otherChild.id });
    await Promise.all([mine.subscribed, his.subscribed, intruder.subscribed, theirs.subscribed]);
    expect(await groupsSettled([2, 1])).toBe(true);
    executions();
    await setMark(child.id, '5');
    expect(await until(() => mine.received.length === 1 && his.received.length === 1)).toBe(true);
    await quiet();
    // One execution for both guardians of the child.
    expect(executions()).toBe(1);
    await setMark(otherChild.id, '3');
    expect(await until(() => theirs.received.length === 1)).toBe(true);
    await quiet();
    for (const feed of [mine, his]) {
      expect(feed.received).toEqual([
        expect.objectContaining({ kind: 'MARK_SET', studentId: child.id, value: '5' }),
      ]);
    }
    expect(theirs.received).toEqual([
      expect.objectContaining({ kind: 'MARK_SET', studentId: otherChild.id, value: '3' }),
    ]);
    expect(intruder.received).toEqual([]);
    const first = intruder.errors[0];
    expect(
      ((Array.isArray(first) ? first[0] : first) as { extensions?: { code?: string } })?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
    await Promise.all([mine.stop(), his.stop(), intruder.stop(), theirs.stop()]);
  });

  it('a guardian unlinked while sharing an execution stops receiving; the other guardian still receives', async () => {
    const mine = follow(app, t.mother!, STUDENT_SUB, { s: child.id });
    const his = follow(app, t.father!, STUDENT_SUB, { s: child.id });
    await Promise.all([mine.subscribed, his.subscribed]);
    expect(await groupsSettled([2])).toBe(true);
    const em = app.orm.em.fork();
    await em.nativeDelete(Guardianship, { guardian: father.id, student: child.id });
    try {
      await setMark(child.id, '4');
      expect(await until(() => mine.received.length === 1)).toBe(true);
      await quiet();
      expect(his.received).toEqual([]);
      expect(his.closedWith()).toBeNull();
    } finally {
      em.persist(
        em.create(Guardianship, {
          school,
          guardian: father.id,
          student: child.id,
          kind: GuardianshipKind.FATHER,
        }),
      );
      await em.flush();
      await Promise.all([mine.stop(), his.stop()]);
    }
  });

  it('a guardianship recorded only in another school does not deliver the child’s events', async () => {
    const em = app.orm.em.fork();
    const elsewhere = await createSchool(em);
    // A parent in both schools, whose guardianship of the child is recorded in the other one.
    const guardian = await createPerson(em, { school: elsewhere, roles: [Role.PARENT] });
    em.persist(em.create(RoleAssignment, { school, person: guardian, role: Role.PARENT }));
    em.persist(
      em.create(Guardianship, {
        school: elsewhere,
        guardian,
        student: child,
        kind: GuardianshipKind.GUARDIAN,
      }),
    );
    await em.flush();
    const diary = follow(app, await sessionFor(em, guardian), STUDENT_SUB, { s: child.id });
    const mine = follow(app, t.mother!, STUDENT_SUB, { s: child.id });
    await Promise.all([diary.subscribed, mine.subscribed]);
    await setMark(child.id, '2');
    expect(await until(() => mine.received.length === 1)).toBe(true);
    await quiet();
    expect(diary.received).toEqual([]);
    await Promise.all([diary.stop(), mine.stop()]);
  });

  it('two directors with the same roles share one execution and get the same event', async () => {
    const a = follow(app, t.director!, CLASS_SUB, { c: c5a.id });
    const b = follow(app, t.deputy!, CLASS_SUB, { c: c5a.id });
    await Promise.all([a.subscribed, b.subscribed]);
    expect(await groupsSettled([2])).toBe(true);
    executions();
    await setMark(kids.classmate!.id, '5');
    expect(await until(() => a.received.length === 1 && b.received.length === 1)).toBe(true);
    await quiet();
    expect(executions()).toBe(1);
    expect(b.received).toEqual(a.received);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('a role change moves a viewer to the execution of their new permission set; a revoked role stops it', async () => {
    const a = follow(app, t.director!, CLASS_SUB, { c: c5a.id });
    const b = follow(app, t.deputy!, CLASS_SUB, { c: c5a.id });
    await Promise.all([a.subscribed, b.subscribed]);
    expect(await groupsSettled([2])).toBe(true);
    const em = app.orm.em.fork();
    em.persist(em.create(RoleAssignment, { school, person: deputy.id, role: Role.TEACHER }));
    await em.flush();
    try {
      executions();
      await setMark(kids.classmate!.id, '4');
      expect(await until(() => a.received.length === 1 && b.received.length === 1)).toBe(true);
      await quiet();
      // Roles differ now: one execution each.
      expect(executions()).toBe(2);
      // Without DIRECTOR, a teacher who does not lead the class may not follow it.
      await em.nativeUpdate(
        RoleAssignment,
        { person: deputy.id, role: Role.DIRECTOR },
        { revokedAt: new Date() },
      );
      await setMark(kids.classmate!.id, '3');
      expect(await until(() => a.received.length === 2)).toBe(true);
      await quiet();
      expect(executions()).toBe(1);
      expect(b.received).toHaveLength(1);
      expect(b.closedWith()).toBeNull();
    } finally {
      await em.nativeUpdate(
        RoleAssignment,
        { person: deputy.id, role: Role.DIRECTOR },
        { revokedAt: null },
      );
      await em.nativeDelete(RoleAssignment, { person: deputy.id, role: Role.TEACHER });
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('a revoked session in a shared execution is closed 4401 at the next event; the others still receive', async () => {
    const own = await sessionFor(app.orm.em.fork(), deputy);
    const a = follow(app, t.director!, CLASS_SUB, { c: c5a.id });
    const b = follow(app, own, CLASS_SUB, { c: c5a.id });
    await Promise.all([a.subscribed, b.subscribed]);
    expect(await groupsSettled([2])).toBe(true);
    await app.orm.em
      .fork()
      .nativeUpdate(Session, { tokenHash: sha256(own) }, { revokedAt: new Date() });
    await setMark(kids.classmate!.id, '5');
    expect(await until(() => a.received.length === 1 && b.closedWith() !== null)).toBe(true);
    expect(b.closedWith()).toBe(4401);
    expect(b.received).toEqual([]);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('statements per event do not grow with the people it reaches (batched access, names once)', async () => {
    const NAMED = `subscription($s: ID!) { studentJournalChanged(studentId: $s) { kind student { lastName } subject { name } } }`;
    const CLASS_NAMED = `subscription($c: ID!) { classJournalChanged(schoolClassId: $c) { kind student { lastName } subject { name } } }`;
    const statementsFor = async (
      date: string,
      who: { token: string; query: string; vars: object }[],
    ) => {
      const feeds = who.map((w) =>
        follow(app, w.token, w.query, w.vars as Record<string, unknown>),
      );
      await Promise.all(feeds.map((f) => f.subscribed));
      // A fresh lesson each time: the mutation's own statements are the same in both runs.
      const fresh = await createLesson(app.orm.em.fork(), page, { date });
      app.resetQueries();
      const set = await gql(
        app.url,
        SET_MARKS,
        { input: { lessonId: fresh.id, add: [{ studentId: child.id, value: '5' }] } },
        { token: token.teacher },
      );
      expect(set.errors).toBeUndefined();
      expect(await until(() => feeds.every((f) => f.received.length === 1))).toBe(true);
      await quiet();
      const count = app.queries.length;
      await Promise.all(feeds.map((f) => f.stop()));
      return count;
    };
    const few = await statementsFor('2026-09-21', [
      { token: t.mother!, query: NAMED, vars: { s: child.id } },
      { token: t.director!, query: CLASS_NAMED, vars: { c: c5a.id } },
    ]);
    const many = await statementsFor('2026-09-22', [
      { token: t.mother!, query: NAMED, vars: { s: child.id } },
      { token: t.father!, query: NAMED, vars: { s: child.id } },
      { token: await sessionFor(app.orm.em.fork(), child), query: NAMED, vars: { s: child.id } },
      { token: t.director!, query: CLASS_NAMED, vars: { c: c5a.id } },
      { token: t.deputy!, query: CLASS_NAMED, vars: { c: c5a.id } },
      { token: token.classTeacher!, query: CLASS_NAMED, vars: { c: c5a.id } },
    ]);
    expect(many).toBe(few);
  });

  it('operations with per-viewer fields stay per person: the class dashboard, a sign-in name', async () => {
    const FEED = `subscription($c: ID!) { classDashboardChanged(schoolClassId: $c) { kind unreadFromParents } }`;
    const WITH_LOGIN = `subscription($c: ID!) { classJournalChanged(schoolClassId: $c) { kind student { login } } }`;
    const feeds = [
      follow(app, t.director!, FEED, { c: c5a.id }),
      follow(app, t.deputy!, FEED, { c: c5a.id }),
      follow(app, t.director!, WITH_LOGIN, { c: c5a.id }),
      follow(app, t.deputy!, WITH_LOGIN, { c: c5a.id }),
    ];
    await Promise.all(feeds.map((f) => f.subscribed));
    expect(await groupsSettled([1, 1, 1, 1])).toBe(true);
    executions();
    await setMark(kids.classmate!.id, '4');
    expect(await until(() => feeds.every((f) => f.received.length === 1))).toBe(true);
    await quiet();
    expect(executions()).toBe(4);
    await Promise.all(feeds.map((f) => f.stop()));
    expect(await groupsSettled([])).toBe(true);
  });
});

describe('a burst of events shares its reads (issue 9)', () => {
  // Events delivered at the same time share their access checks and names (core/live.ts,
  // SharedWork): a burst costs statements per round, not per event. Every read behind an event is
  // still sent after that event was published.
  const families: { student: Person; parent: Person; token: string }[] = [];
  let father: Person;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    const em = app.orm.em.fork();
    for (let i = 0; i < 4; i++) {
      const family = await createFamily(em, { schoolClass: c5a });
      families.push({ ...family, token: await sessionFor(em, family.parent) });
    }
    father = await createPerson(em, { school: c5a.school, roles: [Role.PARENT] });
    em.persist(
      em.create(Guardianship, {
        school: c5a.school,
        guardian: father,
        student: families[0]!.student,
        kind: GuardianshipKind.FATHER,
      }),
    );
    await em.flush();
    t.father = await sessionFor(em, father);
    for (const name of ['director', 'deputy']) {
      t[name] = await sessionFor(
        em,
        await createPerson(em, { school: c5a.school, roles: [Role.DIRECTOR] }),
      );
    }
  });

  /** A mark event as setMarks publishes it after its commit. */
  const markEvent = (studentId: string, value: string) => ({
    kind: 'MARK_SET',
    schoolId: c5a.school.id,
    schoolClassId: c5a.id,
    assignmentId: page.id,
    subjectId: page.subject.id,
    lessonId: lesson.id,
    lessonDate: lesson.date,
    studentId,
    markId: randomUUID(),
    value,
    attendanceId: null,
    attendanceStatus: null,
    minutesLate: null,
    reason: null,
    actorId: page.teacher.id,
    occurredAt: new Date().toISOString(),
  });
  const groupsSettled = (sizes: number[]) =>
    until(() => JSON.stringify(app.liveGroupSizes()) === JSON.stringify(sizes));

  it('statements per burst do not grow with its events: checks and names are read once per round', async () => {
    const NAMED = `subscription($s: ID!) { studentJournalChanged(studentId: $s) { kind value student { lastName } subject { name } } }`;
    const feeds = families.map((f) => follow(app, f.token, NAMED, { s: f.student.id }));
    await Promise.all(feeds.map((f) => f.subscribed));
    expect(await groupsSettled([1, 1, 1, 1])).toBe(true);
    const statementsFor = async (burst: typeof families) => {
      const before = feeds.map((f) => f.received.length);
      app.resetQueries();
      for (const f of burst) {
        app.publish(JOURNAL_CHANGED, markEvent(f.student.id, '5'));
      }
      expect(
        await until(() => burst.every((_, i) => feeds[i]!.received.length === before[i]! + 1)),
      ).toBe(true);
      await quiet();
      return app.queries.length;
    };
    try {
      const one = await statementsFor(families.slice(0, 1));
      // Sessions, guardianships, the students' and the subjects' names: one statement each.
      expect(one).toBe(4);
      expect(await statementsFor(families)).toBe(one);
      for (const [i, feed] of feeds.entries()) {
        expect(feed.received.at(-1)).toEqual({
          kind: 'MARK_SET',
          value: '5',
          student: { lastName: families[i]!.student.lastName },
          subject: { name: subjectName },
        });
      }
      expect(feeds.map((f) => f.received.length)).toEqual([2, 1, 1, 1]);
    } finally {
      await Promise.all(feeds.map((f) => f.stop()));
    }
  });

  it('a shared execution’s queued events are read in one round and sent in the order published', async () => {
    const NAMED = `subscription($s: ID!) { studentJournalChanged(studentId: $s) { kind value student { lastName } subject { name } } }`;
    const family = families[2]!;
    const feed = follow(app, family.token, NAMED, { s: family.student.id });
    await feed.subscribed;
    expect(await groupsSettled([1])).toBe(true);
    try {
      app.resetQueries();
      const values = ['1', '2', '3', '4', '5', '4', '3', '2'];
      for (const value of values) {
        app.publish(JOURNAL_CHANGED, markEvent(family.student.id, value));
      }
      expect(await until(() => feed.received.length === values.length)).toBe(true);
      await quiet();
      expect(feed.received.map((e) => e.value)).toEqual(values);
      // Sessions, guardianships, the student's and the subject's names: one statement each.
      expect(app.queries.length).toBe(4);
    } finally {
      await feed.stop();
    }
  });

  it('per-person executions (class dashboards) read an event’s names once, under the schools alone', async () => {
    const DASH = `subscription($c: ID!) { classDashboardChanged(schoolClassId: $c) { kind unreadFromParents journal { value student { lastName } subject { name } lesson { date } } } }`;
    const statementsFor = async (tokens: string[]) => {
      const feeds = tokens.map((tk) => follow(app, tk, DASH, { c: c5a.id }));
      await Promise.all(feeds.map((f) => f.subscribed));
      expect(await groupsSettled(tokens.map(() => 1))).toBe(true);
      app.resetQueries();
      app.publish(JOURNAL_CHANGED, markEvent(families[1]!.student.id, '2'));
      expect(await until(() => feeds.every((f) => f.received.length === 1))).toBe(true);
      await quiet();
      const count = app.queries.length;
      await Promise.all(feeds.map((f) => f.stop()));
      expect(await groupsSettled([])).toBe(true);
      for (const f of feeds) {
        expect(f.received).toEqual([
          {
            kind: 'MARK_SET',
            unreadFromParents: null,
            journal: {
              value: '2',
              student: { lastName: families[1]!.student.lastName },
              subject: { name: subjectName },
              lesson: { date: lesson.date },
            },
          },
        ]);
      }
      return count;
    };
    const one = await statementsFor([t.director!]);
    // Sessions, the class, then the student's, subject's and lesson's names: one statement each.
    expect(one).toBe(5);
    expect(await statementsFor([t.director!, t.deputy!, token.classTeacher!])).toBe(one);
  });

  it('a class dashboard’s queued events are read in one round and sent in the order published', async () => {
    const DASH = `subscription($c: ID!) { classDashboardChanged(schoolClassId: $c) { kind journal { value student { lastName } subject { name } } } }`;
    const feed = follow(app, t.director!, DASH, { c: c5a.id });
    await feed.subscribed;
    expect(await groupsSettled([1])).toBe(true);
    try {
      app.resetQueries();
      const values = ['1', '2', '3', '4', '5', '4', '3', '2'];
      for (const [i, value] of values.entries()) {
        app.publish(JOURNAL_CHANGED, markEvent(families[i % families.length]!.student.id, value));
      }
      expect(await until(() => feed.received.length === values.length)).toBe(true);
      await quiet();
      const journals = feed.received.map(
        (e) =>
          (e as unknown as { journal: { value: string; student: { lastName: string } } }).journal,
      );
      expect(journals.map((j) => j.value)).toEqual(values);
      expect(journals.map((j) => j.student)).toEqual(
        values.map((_, i) => ({ lastName: families[i % families.length]!.student.lastName })),
      );
      // Sessions, the class, the students' and the subject's names: one statement each, not per event.
      expect(app.queries.length).toBe(4);
    } finally {
      await feed.stop();
    }
  });

  it('a role revoked between two events of a dashboard’s burst: the earlier one still goes, with its own viewer; the later one not', async () => {
    const DASH = `subscription($c: ID!) { classDashboardChanged(schoolClassId: $c) { kind unreadFromParents journal { value } } }`;
    const em = app.orm.em.fork();
    const head = await createPerson(em, { school: c5a.school, roles: [Role.DIRECTOR] });
    const feed = follow(app, await sessionFor(em, head), DASH, { c: c5a.id });
    await feed.subscribed;
    expect(await groupsSettled([1])).toBe(true);
    // The dashboard's class check reads school_class: held here, the first event's preparation
    // stays in flight (its viewer already read) while the second is prepared.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holding = app.orm.em.fork().transactional(async (tx) => {
      await tx.execute('lock table school_class in access exclusive mode');
      locked();
      await released;
    });
    try {
      await isLocked;
      app.resetQueries();
      app.publish(JOURNAL_CHANGED, markEvent(families[0]!.student.id, '4'));
      // Its viewer (with the role) has been read; its class check now waits on the lock.
      expect(await until(() => app.queries.some((q) => q.includes('session_viewer')))).toBe(true);
      await em.nativeUpdate(
        RoleAssignment,
        { person: head.id, role: Role.DIRECTOR },
        { revokedAt: new Date() },
      );
      app.publish(JOURNAL_CHANGED, markEvent(families[0]!.student.id, '3'));
      await quiet();
      expect(feed.received).toEqual([]);
      release();
      await holding;
      expect(await until(() => feed.received.length === 1)).toBe(true);
      await quiet();
      expect(feed.received).toEqual([
        { kind: 'MARK_SET', unreadFromParents: null, journal: { value: '4' } },
      ]);
      expect(feed.closedWith()).toBeNull();
    } finally {
      release();
      await holding;
      await feed.stop();
    }
  });

  it('a guardian unlinked between two events of a burst gets the earlier one only, though reads of the earlier one are still in flight', async () => {
    const child = families[0]!;
    const mother = follow(app, child.token, STUDENT_SUB, { s: child.student.id });
    const his = follow(app, t.father!, STUDENT_SUB, { s: child.student.id });
    const keeper = follow(app, token.teacher!, PAGE_SUB, { a: page.id });
    await Promise.all([mother.subscribed, his.subscribed, keeper.subscribed]);
    expect(await groupsSettled([2, 1])).toBe(true);
    // The page's check reads teaching_assignment: held here, the first event's delivery to the
    // page stays in flight, with its work object (and the guardianship it read) alive.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holding = app.orm.em.fork().transactional(async (tx) => {
      await tx.execute('lock table teaching_assignment in access exclusive mode');
      locked();
      await released;
    });
    const em = app.orm.em.fork();
    try {
      await isLocked;
      app.publish(JOURNAL_CHANGED, markEvent(child.student.id, '4'));
      expect(await until(() => mother.received.length === 1 && his.received.length === 1)).toBe(
        true,
      );
      expect(keeper.received).toEqual([]);
      // Committed after the first event's reads, before the second event is published.
      await em.nativeDelete(Guardianship, { guardian: father.id, student: child.student.id });
      app.publish(JOURNAL_CHANGED, markEvent(child.student.id, '3'));
      expect(await until(() => mother.received.length === 2)).toBe(true);
      await quiet();
      expect(his.received.map((e) => e.value)).toEqual(['4']);
      expect(mother.received.map((e) => e.value)).toEqual(['4', '3']);
      release();
      await holding;
      // The page's keeper gets both, in order, once its reads go through.
      expect(await until(() => keeper.received.length === 2)).toBe(true);
      expect(keeper.received.map((e) => e.value)).toEqual(['4', '3']);
    } finally {
      release();
      await holding;
      em.persist(
        em.create(Guardianship, {
          school: c5a.school,
          guardian: father.id,
          student: child.student.id,
          kind: GuardianshipKind.FATHER,
        }),
      );
      await em.flush();
      await Promise.all([mother.stop(), his.stop(), keeper.stop()]);
    }
  });
});

describe('ended sessions and revoked roles stop delivery (issue 5)', () => {
  const expireIn = async (tokenValue: string, ms: number) => {
    await app.orm.em
      .fork()
      .nativeUpdate(
        Session,
        { tokenHash: sha256(tokenValue) },
        { expiresAt: new Date(Date.now() + ms) },
      );
  };

  it('R-AUTH-3: a session that expires while subscribed is closed with 4401 on time', async () => {
    const own = await sessionFor(app.orm.em.fork(), parent);
    await expireIn(own, 1500);
    const diary = follow(app, own, STUDENT_SUB, { s: kids.mine!.id });
    await diary.subscribed;
    expect(await until(() => diary.closedWith() !== null, 4000)).toBe(true);
    expect(diary.closedWith()).toBe(4401);
    await setMark(kids.mine!.id, '5');
    await quiet();
    expect(diary.received).toEqual([]);
    await diary.stop();
  });

  it('R-AUTH-3: a session revoked without its event reaching this instance gets no further event', async () => {
    // As when the revocation was published while Redis was unreachable: only the database knows.
    const own = await sessionFor(app.orm.em.fork(), parent);
    const diary = follow(app, own, STUDENT_SUB, { s: kids.mine!.id });
    await diary.subscribed;
    await setMark(kids.mine!.id, '4');
    expect(await until(() => diary.received.length === 1)).toBe(true);
    await app.orm.em
      .fork()
      .nativeUpdate(Session, { tokenHash: sha256(own) }, { revokedAt: new Date() });
    await setMark(kids.mine!.id, '3');
    expect(await until(() => diary.closedWith() !== null)).toBe(true);
    expect(diary.closedWith()).toBe(4401);
    expect(diary.received).toHaveLength(1);
    await diary.stop();
  });

  it('R-AUTH-3: a session past its expiry in the database gets no further event', async () => {
    const own = await sessionFor(app.orm.em.fork(), parent);
    const diary = follow(app, own, STUDENT_SUB, { s: kids.mine!.id });
    await diary.subscribed;
    await expireIn(own, -1000);
    await setMark(kids.mine!.id, '5');
    expect(await until(() => diary.closedWith() !== null)).toBe(true);
    expect(diary.closedWith()).toBe(4401);
    expect(diary.received).toEqual([]);
    await diary.stop();
  });

  it('R-AUTH-4: a class teacher whose role is revoked mid-session stops receiving the class feed', async () => {
    const own = await sessionFor(app.orm.em.fork(), classTeacher);
    const feed = follow(app, own, CLASS_SUB, { c: c5a.id });
    await feed.subscribed;
    await setMark(kids.classmate!.id, '4');
    expect(await until(() => feed.received.length === 1)).toBe(true);
    const em = app.orm.em.fork();
    await em.nativeUpdate(
      RoleAssignment,
      { person: classTeacher.id, role: Role.TEACHER },
      { revokedAt: new Date() },
    );
    try {
      await setMark(kids.classmate!.id, '3');
      await quiet();
      expect(feed.received).toHaveLength(1);
      expect(feed.closedWith()).toBeNull();
    } finally {
      await em.nativeUpdate(
        RoleAssignment,
        { person: classTeacher.id, role: Role.TEACHER },
        { revokedAt: null },
      );
      await feed.stop();
    }
  });

  it('redeeming an invitation ends the older sessions’ sockets, not the new one’s', async () => {
    const old = await sessionFor(app.orm.em.fork(), newcomerParent);
    const oldDiary = follow(app, old, STUDENT_SUB, { s: kids.newcomer!.id });
    await oldDiary.subscribed;
    const issued = await gql<{ issueInvitation: { code: string } }>(
      app.url,
      `mutation($input: IssueInvitationInput!) { issueInvitation(input: $input) { code } }`,
      { input: { personId: newcomerParent.id } },
      { token: token.classTeacher },
    );
    expect(issued.errors).toBeUndefined();
    const redeemed = await gql<{ redeemInvitation: { token: string } }>(
      app.url,
      `mutation($input: RedeemInvitationInput!) { redeemInvitation(input: $input) { token } }`,
      {
        input: {
          code: issued.data!.issueInvitation.code,
          login: uniqueLogin('newcomer'),
          password: 'a long enough password',
        },
      },
    );
    expect(redeemed.errors).toBeUndefined();
    expect(await until(() => oldDiary.closedWith() !== null)).toBe(true);
    expect(oldDiary.closedWith()).toBe(4401);
    const diary = follow(app, redeemed.data!.redeemInvitation.token, STUDENT_SUB, {
      s: kids.newcomer!.id,
    });
    await diary.subscribed;
    await setMark(kids.newcomer!.id, '5');
    expect(await until(() => diary.received.length === 1)).toBe(true);
    expect(diary.closedWith()).toBeNull();
    await Promise.all([oldDiary.stop(), diary.stop()]);
  });
});

describe('class dashboard (issue 5)', () => {
  const DASHBOARD = `query($c: ID!, $d: String) { classDashboard(schoolClassId: $c, date: $d) {
    date absences { status student { lastName } } marks { value student { id } }
    lowMarks { value } lessonsMissingRecords { id } unreadFromParents } }`;

  it("shows the class teacher the day's absences, marks, low marks and lessons missing homework", async () => {
    const r = await gql<{
      classDashboard: {
        absences: { status: string }[];
        marks: { value: string }[];
        lowMarks: { value: string }[];
        lessonsMissingRecords: { id: string }[];
        unreadFromParents: number;
      };
    }>(app.url, DASHBOARD, { c: c5a.id, d: '2026-09-15' }, { token: token.classTeacher });
    expect(r.errors).toBeUndefined();
    const d = r.data!.classDashboard;
    expect(d.absences.map((a) => a.status)).toEqual(['LATE']);
    expect(d.marks.length).toBeGreaterThanOrEqual(3);
    expect(d.lowMarks.every((m) => Number(m.value) <= 2)).toBe(true);
    expect(d.lowMarks.length).toBeGreaterThanOrEqual(1);
    // The lesson has a topic but no homework yet.
    expect(d.lessonsMissingRecords.map((l) => l.id)).toEqual([lesson.id]);
    expect(d.unreadFromParents).toBe(0);
  });

  it('names the lesson and page of each absence, mark and missing record (issue 6)', async () => {
    const r = await gql<{
      classDashboard: {
        absences: { lessonId: string; lesson: { id: string; assignmentId: string } }[];
        marks: { lessonId: string; lesson: { id: string; assignmentId: string } }[];
        lessonsMissingRecords: { assignmentId: string }[];
      };
    }>(
      app.url,
      `query($c: ID!, $d: String) { classDashboard(schoolClassId: $c, date: $d) {
        absences { lessonId lesson { id assignmentId } } marks { lessonId lesson { id assignmentId } }
        lessonsMissingRecords { assignmentId } } }`,
      { c: c5a.id, d: '2026-09-15' },
      { token: token.classTeacher },
    );
    expect(r.errors).toBeUndefined();
    const d = r.data!.classDashboard;
    expect(d.absences.length).toBeGreaterThan(0);
    expect(d.marks.length).toBeGreaterThan(0);
    for (const row of [...d.absences, ...d.marks]) {
      expect(row.lesson).toEqual({ id: lesson.id, assignmentId: page.id });
      expect(row.lessonId).toBe(lesson.id);
    }
    expect(d.lessonsMissingRecords).toEqual([{ assignmentId: page.id }]);
  });

  it('is the class teacher’s and the administration’s only', async () => {
    const codeFor = async (who: string) =>
      (await gql(app.url, DASHBOARD, { c: c5a.id }, { token: token[who] })).errors?.[0]?.extensions
        ?.code;
    expect(await codeFor('teacher')).toBe('NOT_FOUND');
    expect(await codeFor('parent')).toBe('FORBIDDEN');
  });

  it('events carry names for the dashboard: student, subject, lesson', async () => {
    const feed = follow(
      app,
      token.classTeacher!,
      `subscription($c: ID!) { classJournalChanged(schoolClassId: $c) { kind student { lastName } subject { name } lesson { date } } }`,
      { c: c5a.id },
    );
    await feed.subscribed;
    await setMark(kids.mine!.id, '4');
    expect(await until(() => feed.received.length === 1)).toBe(true);
    expect(feed.received[0]).toMatchObject({
      kind: 'MARK_SET',
      student: { lastName: kids.mine!.lastName },
      lesson: { date: '2026-09-15' },
    });
    await feed.stop();
  });
});

describe('class dashboard feed (issue 5)', () => {
  const FEED = `subscription($c: ID!) { classDashboardChanged(schoolClassId: $c) {
    kind date lowMark unreadFromParents
    journal { kind studentId value attendanceStatus minutesLate reason student { lastName } }
    lesson { lessonId topic hasHomework status missingRecords subject { name } }
    message { threadId authorId } } }`;
  interface DashboardEvent {
    kind: string;
    date: string;
    lowMark: boolean | null;
    unreadFromParents: number | null;
    journal: Record<string, unknown> | null;
    lesson: Record<string, unknown> | null;
    message: { threadId: string; authorId: string } | null;
  }
  const LESSON = 'id version';
  const op = async <T>(query: string, input: Record<string, unknown>, as: string) => {
    const r = await gql<Record<string, T>>(app.url, query, { input }, { token: token[as] });
    expect(r.errors).toBeUndefined();
    return Object.values(r.data!)[0]!;
  };
  const newLesson = (assignmentId: string, lessonNumber: number, as = 'teacher') =>
    op<{ id: string; version: number }>(
      `mutation($input: CreateLessonInput!) { createLesson(input: $input) { ${LESSON} } }`,
      { assignmentId, date: '2026-11-20', lessonNumber },
      as,
    );
  const startThread = (as: string, body: string) =>
    op<{ id: string }>(
      `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`,
      { subject: 'Вопрос', recipientIds: [classTeacher.id], body },
      as,
    );

  it('R-JRN-7: the class teacher’s dashboard moves with lessons, marks, lates and parents’ messages, without a refetch', async () => {
    const feed = follow(app, token.classTeacher!, FEED, { c: c5a.id });
    await feed.subscribed;
    const events = feed.received as unknown as DashboardEvent[];
    const next = async (n: number) => {
      expect(await until(() => events.length >= n), `event ${n}`).toBe(true);
      return events[n - 1]!;
    };

    // A lesson recorded without topic or homework belongs in `lessonsMissingRecords`…
    const recorded = await newLesson(page.id, 3);
    expect(await next(1)).toMatchObject({
      kind: 'LESSON_CREATED',
      date: '2026-11-20',
      lesson: { lessonId: recorded.id, topic: null, hasHomework: false, missingRecords: true },
    });
    expect((await next(1)).lesson!.subject).toEqual({ name: subjectName });
    // …and leaves it once both are written.
    await op(
      `mutation($input: UpdateLessonInput!) { updateLesson(input: $input) { id } }`,
      {
        lessonId: recorded.id,
        version: recorded.version,
        topic: 'Дроби',
        homework: { text: '§ 5' },
      },
      'teacher',
    );
    expect(await next(2)).toMatchObject({
      kind: 'LESSON_UPDATED',
      lesson: { topic: 'Дроби', hasHomework: true, missingRecords: false, status: 'HELD' },
    });

    // A low mark, and a lateness with its minutes.
    await op(
      SET_MARKS,
      { lessonId: recorded.id, add: [{ studentId: kids.mine!.id, value: '2' }] },
      'teacher',
    );
    expect(await next(3)).toMatchObject({
      kind: 'MARK_SET',
      date: '2026-11-20',
      lowMark: true,
      journal: { value: '2', studentId: kids.mine!.id, student: { lastName: kids.mine!.lastName } },
    });
    await op(
      SET_ATTENDANCE,
      {
        lessonId: recorded.id,
        entries: [{ studentId: kids.classmate!.id, status: 'LATE', minutesLate: 7 }],
      },
      'teacher',
    );
    expect(await next(4)).toMatchObject({
      kind: 'ATTENDANCE_SET',
      lowMark: null,
      journal: { attendanceStatus: 'LATE', minutesLate: 7, reason: null },
    });

    // A cancelled lesson no longer waits for records.
    const dropped = await newLesson(page.id, 4);
    expect(await next(5)).toMatchObject({
      kind: 'LESSON_CREATED',
      lesson: { missingRecords: true },
    });
    await op(
      `mutation($input: CancelLessonInput!) { cancelLesson(input: $input) { id } }`,
      { lessonId: dropped.id, version: dropped.version, reason: 'Карантин' },
      'teacher',
    );
    expect(await next(6)).toMatchObject({
      kind: 'LESSON_CANCELLED',
      lesson: { lessonId: dropped.id, status: 'CANCELLED', missingRecords: false },
    });

    // Another class's lesson and another class's parent do not move this dashboard.
    await newLesson(otherPage.id, 3, 'classTeacher');
    await startThread('otherParent', 'Вопрос от родителя другого класса');
    // A parent of this class writes: the count arrives with the message.
    const thread = await startThread('parent', 'Маша заболела');
    expect(await next(7)).toMatchObject({
      kind: 'PARENT_MESSAGE',
      unreadFromParents: 1,
      message: { threadId: thread.id, authorId: parent.id },
    });
    const dashboard = await gql<{ classDashboard: { unreadFromParents: number } }>(
      app.url,
      `query($c: ID!) { classDashboard(schoolClassId: $c) { unreadFromParents } }`,
      { c: c5a.id },
      { token: token.classTeacher },
    );
    expect(dashboard.data?.classDashboard.unreadFromParents).toBe(1);
    // Reading it, in this tab or another, brings the count down.
    await gql(
      app.url,
      `mutation($t: ID!) { markThreadRead(threadId: $t) { id } }`,
      { t: thread.id },
      { token: token.classTeacher },
    );
    expect(await next(8)).toMatchObject({ kind: 'MESSAGES_READ', unreadFromParents: 0 });
    await quiet();
    expect(events.map((e) => e.kind)).toEqual([
      'LESSON_CREATED',
      'LESSON_UPDATED',
      'MARK_SET',
      'ATTENDANCE_SET',
      'LESSON_CREATED',
      'LESSON_CANCELLED',
      'PARENT_MESSAGE',
      'MESSAGES_READ',
    ]);
    await feed.stop();
  });

  it('is the class teacher’s and the administration’s only', async () => {
    const teacherFeed = follow(app, token.teacher!, FEED, { c: c5a.id });
    const parentFeed = follow(app, token.parent!, FEED, { c: c5a.id });
    await until(() => teacherFeed.errors.length > 0 && parentFeed.errors.length > 0);
    const codeOf = (e: unknown) =>
      ((Array.isArray(e) ? e[0] : e) as { extensions?: { code?: string } }).extensions?.code;
    expect(codeOf(teacherFeed.errors[0])).toBe('NOT_FOUND');
    expect(codeOf(parentFeed.errors[0])).toBe('FORBIDDEN');
    await Promise.all([teacherFeed.stop(), parentFeed.stop()]);
  });
});

describe('several instances (REDIS_URL)', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

  it('a mark set through instance A reaches a subscriber connected to instance B', async () => {
    const a = await startTestApp({ redisUrl }, app);
    const b = await startTestApp({ redisUrl }, app);
    try {
      // Both instances report their Redis connection on /health once it is up.
      for (const instance of [a, b]) {
        const bus = async () =>
          ((await (await fetch(new URL('/health', instance.url))).json()) as { bus: string }).bus;
        const end = Date.now() + 5000;
        while ((await bus()) !== 'ready' && Date.now() < end) {
          await new Promise((r) => setTimeout(r, 50));
        }
        expect(await bus()).toBe('ready');
      }
      const diary = follow(b, token.parent!, STUDENT_SUB, { s: kids.mine!.id });
      await diary.subscribed;
      expect((await setMark(kids.mine!.id, '3', a)).errors).toBeUndefined();
      expect(await until(() => diary.received.length === 1)).toBe(true);
      expect(diary.received[0]).toMatchObject({ kind: 'MARK_SET', value: '3' });
      await diary.stop();
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a lost Redis connection (issue 5)', () => {
  it('is reported on /health, and delivery resumes when Redis returns', async () => {
    // A TCP relay to Redis that the test can cut and restore.
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const upstream = connect(6379, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => sockets.delete(s));
      }
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const port = (relay.address() as AddressInfo).port;
    const direct = await startTestApp({ redisUrl: 'redis://127.0.0.1:6379' }, app);
    const relayed = await startTestApp({ redisUrl: `redis://127.0.0.1:${port}` }, app);
    const health = async () =>
      (await fetch(new URL('/health', relayed.url))).json() as Promise<{
        status: string;
        bus: string;
      }>;
    try {
      const diary = follow(relayed, token.parent!, STUDENT_SUB, { s: kids.mine!.id });
      await diary.subscribed;

      await new Promise<void>((r) => {
        relay.close(() => r());
        sockets.forEach((s) => s.destroy());
      });
      let report = await health();
      for (let i = 0; i < 40 && report.bus === 'ready'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        report = await health();
      }
      expect(report.status).toBe('degraded');
      expect(report.bus).not.toBe('ready');

      await new Promise<void>((r) => relay.listen(port, '127.0.0.1', r));
      for (let i = 0; i < 100 && (await health()).bus !== 'ready'; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await health()).status).toBe('ok');
      await setMark(kids.mine!.id, '4', direct);
      expect(await until(() => diary.received.length === 1, 8000)).toBe(true);
      await diary.stop();
    } finally {
      await direct.close();
      await relayed.close();
      sockets.forEach((s) => s.destroy());
      relay.close();
    }
  }, 30_000);
});
