import type { EntityManager } from '@mikro-orm/postgresql';
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
import { createAssignment, createSubject, sessionFor } from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import type { Person } from '../people/person.entity.js';
import { todayIn } from '../journal/audience.js';
import { Role } from '../people/role-assignment.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Message } from './message.entity.js';
import { MessageThread } from './message-thread.entity.js';

const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id subject unreadCount participants { id } messages { body author { id } } } }`;
const SEND = `mutation($t: ID!, $b: String!) { sendMessage(threadId: $t, body: $b) { id messages { body } } }`;
const INBOX = `{ myThreads { id subject unreadCount awaitingReplySince overdue } }`;
const READ = `mutation($t: ID!) { markThreadRead(threadId: $t) { unreadCount } }`;
const THREAD = `query($t: ID!) { thread(threadId: $t) { id messages { body } } }`;

interface Inbox {
  myThreads: { id: string; subject: string; unreadCount: number; overdue: boolean }[];
}

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
const who: Record<string, Person> = {};

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(
    em,
    school,
    `${new Date().getFullYear() - 1}/${new Date().getFullYear() + 1}`,
  );
  who.teacher = await createPerson(em, { school, roles: [Role.TEACHER], lastName: 'Учителева' });
  who.classTeacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  who.otherTeacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  who.deputy = await createPerson(em, { school, roles: [Role.DEPUTY] });
  const c5a = await createClass(em, { school, year, classTeacher: who.classTeacher });
  const c5b = await createClass(em, { school, year, letter: 'Б' });
  await createAssignment(em, {
    teacher: who.teacher,
    subject: await createSubject(em, school),
    schoolClass: c5a,
  });
  const mine = await createFamily(em, { schoolClass: c5a });
  who.student = mine.student;
  who.parent = mine.parent;
  const classmates = await createFamily(em, { schoolClass: c5a });
  who.classmate = classmates.student;
  who.classmateParent = classmates.parent;
  const other = await createFamily(em, { schoolClass: c5b });
  who.otherStudent = other.student;
  who.otherParent = other.parent;
  for (const [name, p] of Object.entries(who)) {
    token[name] = await sessionFor(em, p);
  }
});

afterAll(async () => {
  await app?.close();
});

const start = (as: string, recipients: string[], body = 'Здравствуйте!') =>
  gql<{ startThread: { id: string; participants: { id: string }[] } }>(
    app.url,
    START,
    { input: { subject: 'Вопрос', recipientIds: recipients.map((r) => who[r]!.id), body } },
    { token: token[as] },
  );

describe('internal mail (R-MSG-1)', () => {
  it.each([
    ['parent', ['teacher', 'classTeacher', 'deputy']],
    ['teacher', ['parent', 'student', 'otherTeacher']],
    ['student', ['teacher', 'classTeacher']],
    ['deputy', ['otherParent', 'student']],
  ])('a %s writes to whom the rules allow', async (from, to) => {
    for (const recipient of to) {
      const r = await start(from, [recipient]);
      expect(r.errors, `${from} → ${recipient}`).toBeUndefined();
    }
  });

  it.each([
    ['parent', 'otherParent'],
    ['parent', 'otherStudent'],
    ['parent', 'otherTeacher'],
    ['student', 'otherStudent'],
    ['student', 'deputy'],
    ['teacher', 'otherParent'],
  ])('a %s cannot write to %s, and cannot tell whether they exist', async (from, to) => {
    const before = await em.fork().count(MessageThread, {});
    const r = await start(from, [to]);
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.errors?.[0]?.extensions?.field).toBe('recipientIds[0]');
    expect(await em.fork().count(MessageThread, {})).toBe(before);
  });

  it.each([
    ['teacher', ['parent', 'classmateParent']],
    ['teacher', ['student', 'classmate']],
    ['teacher', ['parent', 'classmate']],
    ['deputy', ['parent', 'otherParent']],
    ['deputy', ['otherTeacher', 'student', 'otherStudent']],
  ])(
    'R-AUTH-4: no parent discovers another family through a thread (%s → %s is refused)',
    async (from, to) => {
      const before = await em.fork().count(MessageThread, {});
      const r = await start(from, to);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.extensions?.field).toBe('recipientIds');
      expect(await em.fork().count(MessageThread, {})).toBe(before);
    },
  );

  it('R-AUTH-4: a thread with one family and staff is allowed; a parent sees only them', async () => {
    const r = await start('deputy', ['parent', 'student', 'teacher', 'classTeacher']);
    expect(r.errors).toBeUndefined();
    const thread = r.data!.startThread;
    const seen = await gql<{ thread: { participants: { id: string }[] } }>(
      app.url,
      `query($t: ID!) { thread(threadId: $t) { participants { id } } }`,
      { t: thread.id },
      { token: token.parent },
    );
    expect(seen.data?.thread.participants.map((p) => p.id).sort()).toEqual(
      ['deputy', 'parent', 'student', 'teacher', 'classTeacher'].map((n) => who[n]!.id).sort(),
    );
  });

  it('R-MSG-1, R-AUTH-4: messageRecipients lists whom each may write to, never another family', async () => {
    const RECIPIENTS = `{ messageRecipients { person { id } roles } }`;
    const listed = async (as: string) => {
      const r = await gql<{ messageRecipients: { person: { id: string }; roles: string[] }[] }>(
        app.url,
        RECIPIENTS,
        {},
        { token: token[as] },
      );
      expect(r.errors).toBeUndefined();
      const ids = new Set(r.data!.messageRecipients.map((p) => p.person.id));
      return Object.keys(who)
        .filter((name) => ids.has(who[name]!.id))
        .sort();
    };
    expect(await listed('parent')).toEqual(['classTeacher', 'deputy', 'teacher']);
    const roles = await gql<{ messageRecipients: { person: { id: string }; roles: string[] }[] }>(
      app.url,
      RECIPIENTS,
      {},
      { token: token.teacher },
    );
    const rolesOf = (name: string) =>
      roles.data!.messageRecipients.find((r) => r.person.id === who[name]!.id)?.roles;
    expect(rolesOf('parent')).toEqual(['PARENT']);
    expect(rolesOf('student')).toEqual(['STUDENT']);
    expect(rolesOf('deputy')).toEqual(['DEPUTY']);
    expect(await listed('student')).toEqual(['classTeacher', 'teacher']);
    expect(await listed('teacher')).toEqual(
      [
        'classTeacher',
        'classmate',
        'classmateParent',
        'deputy',
        'otherTeacher',
        'parent',
        'student',
      ].sort(),
    );
    expect(await listed('otherParent')).toEqual(['deputy']);
    expect(await listed('deputy')).toEqual(
      Object.keys(who)
        .filter((name) => name !== 'deputy')
        .sort(),
    );
  });

  it('refuses an empty body or subject, and an empty recipient list', async () => {
    expect(codes(await start('parent', ['teacher'], '  '))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await start('parent', []))).toEqual(['BAD_USER_INPUT']);
  });

  it('counts unread messages, marks them read, and keeps threads private to participants', async () => {
    const thread = (await start('parent', ['teacher'], 'Когда контрольная?')).data!.startThread;
    const inbox = await gql<Inbox>(app.url, INBOX, {}, { token: token.teacher });
    expect(inbox.data?.myThreads.find((t) => t.id === thread.id)?.unreadCount).toBe(1);
    await gql(app.url, READ, { t: thread.id }, { token: token.teacher });
    const after = await gql<Inbox>(app.url, INBOX, {}, { token: token.teacher });
    expect(after.data?.myThreads.find((t) => t.id === thread.id)?.unreadCount).toBe(0);

    expect(
      codes(await gql(app.url, THREAD, { t: thread.id }, { token: token.otherParent })),
    ).toEqual(['NOT_FOUND']);
    expect(
      codes(await gql(app.url, SEND, { t: thread.id, b: 'x' }, { token: token.otherParent })),
    ).toEqual(['NOT_FOUND']);
    const reply = await gql(
      app.url,
      SEND,
      { t: thread.id, b: 'В пятницу.' },
      { token: token.teacher },
    );
    expect(reply.errors).toBeUndefined();
    expect(await em.fork().count(Message, { thread: thread.id })).toBe(2);
  });

  it("R-MSG-2: a parent's message unanswered for more than 7 days is flagged for the teacher and for control", async () => {
    const thread = (await start('parent', ['teacher'], 'Ответьте, пожалуйста')).data!.startThread;
    const old = new Date(Date.now() - 8 * 86_400_000);
    await em.fork().nativeUpdate(Message, { thread: thread.id }, { sentAt: old });
    const inbox = await gql<Inbox>(app.url, INBOX, {}, { token: token.teacher });
    expect(inbox.data?.myThreads.find((t) => t.id === thread.id)?.overdue).toBe(true);
    const school = (await em.fork().findOneOrFail(MessageThread, thread.id)).school.id;
    const control = await gql<{ overdueThreads: { id: string }[] }>(
      app.url,
      `query($s: ID!) { overdueThreads(schoolId: $s) { id } }`,
      { s: school },
      { token: token.deputy },
    );
    expect(control.data?.overdueThreads.map((t) => t.id)).toContain(thread.id);
    await gql(app.url, SEND, { t: thread.id, b: 'Извините, отвечаю.' }, { token: token.teacher });
    const answered = await gql<Inbox>(app.url, INBOX, {}, { token: token.teacher });
    expect(answered.data?.myThreads.find((t) => t.id === thread.id)?.overdue).toBe(false);
  });

  it('a message arrives live to its recipients only', async () => {
    const received: { threadId: string }[] = [];
    const spied: unknown[] = [];
    const client = (t: string) =>
      createClient({
        url: app.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authToken: t },
        retryAttempts: 0,
      });
    const teacherWs = client(token.teacher!);
    const otherWs = client(token.otherParent!);
    const query = `subscription { messageReceived { threadId messageId authorId subject sentAt } }`;
    teacherWs.subscribe<{ messageReceived: { threadId: string } }>(
      { query },
      {
        next: (r) => r.data && received.push(r.data.messageReceived),
        error: () => {},
        complete: () => {},
      },
    );
    otherWs.subscribe(
      { query },
      { next: (r) => spied.push(r), error: () => {}, complete: () => {} },
    );
    await new Promise((r) => setTimeout(r, 400));
    const thread = (await start('parent', ['teacher'], 'Живое сообщение')).data!.startThread;
    const end = Date.now() + 5000;
    while (received.length === 0 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(received.map((e) => e.threadId)).toEqual([thread.id]);
    expect(spied).toEqual([]);
    // Reading it in one tab tells the teacher's other tabs.
    const read: unknown[] = [];
    teacherWs.subscribe<{ threadRead: string }>(
      { query: 'subscription { threadRead }' },
      { next: (r) => r.data && read.push(r.data.threadRead), error: () => {}, complete: () => {} },
    );
    await new Promise((r) => setTimeout(r, 300));
    await gql(app.url, READ, { t: thread.id }, { token: token.teacher });
    const until = Date.now() + 5000;
    while (read.length === 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(read).toEqual([thread.id]);
    await Promise.all([teacherWs.dispose(), otherWs.dispose()]);
  });
});

describe('class announcements (R-MSG-2)', () => {
  const PUBLISH = `mutation($input: PublishAnnouncementInput!) { publishAnnouncement(input: $input) { id title author { id } } }`;
  const LIST = `query($c: ID!) { classAnnouncements(schoolClassId: $c) { title } }`;
  let classId: string;
  let schoolTimeZone: string;

  beforeAll(async () => {
    const row = await em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from school_class where class_teacher_id = ?`, [
        who.classTeacher!.id,
      ]);
    classId = row[0]!.id;
    schoolTimeZone = (await em.fork().findOneOrFail(SchoolClass, classId, { populate: ['school'] }))
      .school.timeZone;
  });

  it('the class teacher publishes to the class; its families and teachers read it, others do not', async () => {
    const r = await gql<{ publishAnnouncement: { author: { id: string } } }>(
      app.url,
      PUBLISH,
      { input: { schoolClassId: classId, title: 'Собрание', body: 'В пятницу в 18:30.' } },
      { token: token.classTeacher },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.publishAnnouncement.author.id).toBe(who.classTeacher!.id);
    for (const reader of ['parent', 'student', 'teacher', 'deputy']) {
      const list = await gql<{ classAnnouncements: { title: string }[] }>(
        app.url,
        LIST,
        { c: classId },
        { token: token[reader] },
      );
      expect(
        list.data?.classAnnouncements.map((a) => a.title),
        reader,
      ).toContain('Собрание');
    }
    for (const outsider of ['otherParent', 'otherStudent', 'otherTeacher']) {
      expect(codes(await gql(app.url, LIST, { c: classId }, { token: token[outsider] }))).toEqual([
        'NOT_FOUND',
      ]);
    }
  });

  it('a subject teacher may not publish to a class they do not lead; an empty title is refused', async () => {
    const input = { schoolClassId: classId, title: 'x', body: 'y' };
    expect(codes(await gql(app.url, PUBLISH, { input }, { token: token.teacher }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await gql(app.url, PUBLISH, { input }, { token: token.otherTeacher }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      codes(
        await gql(
          app.url,
          PUBLISH,
          { input: { ...input, title: ' ' } },
          { token: token.classTeacher },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });

  const subscribe = (as: string) => {
    const got: { title: string; audience: string }[] = [];
    const errors: unknown[] = [];
    const client = createClient({
      url: app.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authToken: token[as] },
      retryAttempts: 0,
    });
    const stop = client.subscribe<{ announcementPublished: { title: string; audience: string } }>(
      {
        query: `subscription($c: ID!) { announcementPublished(schoolClassId: $c) { title audience author { id } } }`,
        variables: { c: classId },
      },
      {
        next: (r) => {
          if (r.data) {
            got.push(r.data.announcementPublished);
          }
          if (r.errors) {
            errors.push(...r.errors);
          }
        },
        error: (e) => errors.push(e),
        complete: () => {},
      },
    );
    return {
      got,
      errors,
      close: async () => {
        stop();
        await client.dispose();
      },
    };
  };
  const publish = async (title: string, audience: string) => {
    const r = await gql(
      app.url,
      PUBLISH,
      { input: { schoolClassId: classId, title, body: 'Текст', audience } },
      { token: token.classTeacher },
    );
    expect(r.errors).toBeUndefined();
  };
  const titles = (list: { title: string }[]) => list.map((a) => a.title).sort();
  const schoolToday = (at = Date.now()) => todayIn(schoolTimeZone, new Date(at));

  it('R-MSG-2: announcementPublished reaches the chosen audience only, live; outsiders cannot follow', async () => {
    const feeds = {
      parent: subscribe('parent'),
      student: subscribe('student'),
      teacher: subscribe('teacher'),
      otherParent: subscribe('otherParent'),
    };
    await new Promise((r) => setTimeout(r, 400));
    await publish('Live: родителям', 'PARENTS');
    await publish('Live: ученикам', 'STUDENTS');
    await publish('Live: всем', 'BOTH');
    const end = Date.now() + 5000;
    while (feeds.teacher.got.length < 3 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 400));
    expect(titles(feeds.teacher.got)).toEqual(['Live: всем', 'Live: родителям', 'Live: ученикам']);
    expect(titles(feeds.parent.got)).toEqual(['Live: всем', 'Live: родителям']);
    expect(titles(feeds.student.got)).toEqual(['Live: всем', 'Live: ученикам']);
    expect(feeds.otherParent.got).toEqual([]);
    const codeOf = (e: unknown) =>
      ((Array.isArray(e) ? e[0] : e) as { extensions?: { code?: string } }).extensions?.code;
    expect(codeOf(feeds.otherParent.errors[0])).toBe('NOT_FOUND');
    await Promise.all(Object.values(feeds).map((f) => f.close()));
  });

  it('R-MSG-2: the audience decides who reads an announcement in the list and in the diary week', async () => {
    await publish('Диарий: родителям', 'PARENTS');
    await publish('Диарий: ученикам', 'STUDENTS');
    const list = async (as: string) =>
      (
        await gql<{ classAnnouncements: { title: string; audience: string }[] }>(
          app.url,
          `query($c: ID!) { classAnnouncements(schoolClassId: $c) { title audience } }`,
          { c: classId },
          { token: token[as] },
        )
      ).data!.classAnnouncements.filter((a) => a.title.startsWith('Диарий'));
    expect(titles(await list('parent'))).toEqual(['Диарий: родителям']);
    expect(titles(await list('student'))).toEqual(['Диарий: ученикам']);
    expect(titles(await list('teacher'))).toEqual(['Диарий: родителям', 'Диарий: ученикам']);

    const week = async (as: string) => {
      const r = await gql<{ diaryWeek: { announcements: { title: string; audience: string }[] } }>(
        app.url,
        `query($s: ID!, $w: String!) { diaryWeek(studentId: $s, weekOf: $w) {
           announcements { title audience author { id } } } }`,
        { s: who.student!.id, w: schoolToday() },
        { token: token[as] },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.diaryWeek.announcements.filter((a) => a.title.startsWith('Диарий'));
    };
    expect(titles(await week('parent'))).toEqual(['Диарий: родителям']);
    expect(titles(await week('student'))).toEqual(['Диарий: ученикам']);
    expect(titles(await week('classTeacher'))).toEqual(['Диарий: родителям', 'Диарий: ученикам']);
    // The week's announcements of this class only: last week's diary has none of them.
    const lastWeek = await gql<{ diaryWeek: { announcements: { title: string }[] } }>(
      app.url,
      `query($s: ID!, $w: String!) { diaryWeek(studentId: $s, weekOf: $w) { announcements { title } } }`,
      { s: who.student!.id, w: schoolToday(Date.now() - 7 * 86_400_000) },
      { token: token.parent },
    );
    expect(lastWeek.data?.diaryWeek.announcements).toEqual([]);
  });
});
