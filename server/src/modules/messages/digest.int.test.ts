import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
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
  createSubgroup,
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { createLogger } from '../../core/logger.js';
import { Homework } from '../journal/homework.entity.js';
import { Mark } from '../journal/mark.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import type { SchoolClass } from '../year/school-class.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { createMailer, sendDueDigests } from './digest.js';
import { DigestSubscription } from './digest-subscription.entity.js';

// R-DRY-3: the e-mail digest, delivered to a real local SMTP receiver.
const SET = `mutation($f: DigestFrequency, $e: String) { setDigestSubscription(frequency: $f, email: $e) { frequency email } }`;
const log = createLogger('silent');

let app: TestApp;
let smtp: SMTPServer;
let smtpPort: number;
const inbox: { to: string; subject: string; text: string }[] = [];
/** Addresses the SMTP receiver refuses (a bounce, a full mailbox). */
const refused = new Set<string>();
const token: Record<string, string> = {};
let child: Person;
let page: TeachingAssignment;
let schoolClass: SchoolClass;
let teacher: Person;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      callback(refused.has(address.address) ? new Error('550 mailbox unavailable') : undefined);
    },
    onData(stream, session, done) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.server.address() as { port: number }).port;

  app = await startTestApp();
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  schoolClass = await createClass(em, { school, year });
  page = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school, 'Физика'),
    schoolClass,
  });
  const family = await createFamily(em, { schoolClass });
  child = family.student;
  token.parent = await sessionFor(em, family.parent);
  token.teacher = await sessionFor(em, teacher);
  const lesson = await createLesson(em, page, { date: '2026-09-15' });
  const r = await gql(
    app.url,
    `mutation($i: SetMarksInput!) { setMarks(input: $i) { marks { id } } }`,
    { i: { lessonId: lesson.id, add: [{ studentId: child.id, value: '5' }] } },
    { token: token.teacher },
  );
  expect(r.errors).toBeUndefined();
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((r) => smtp?.close(() => r()));
});

describe('e-mail digest (R-DRY-3)', () => {
  it('refuses a bad address and a teacher; a parent subscribes', async () => {
    expect(
      codes(await gql(app.url, SET, { f: 'DAILY', e: 'not-an-address' }, { token: token.parent })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await gql(app.url, SET, { f: 'DAILY', e: 'a@b.ru' }, { token: token.teacher })),
    ).toEqual(['FORBIDDEN']);
    const ok = await gql(
      app.url,
      SET,
      { f: 'DAILY', e: 'mama@example.ru' },
      { token: token.parent },
    );
    expect(ok.data).toEqual({
      setDigestSubscription: { frequency: 'DAILY', email: 'mama@example.ru' },
    });
  });

  it('sends a due digest through SMTP with the child’s marks, once', async () => {
    // The subscription's clock starts now; pretend it was a day and a half ago, before the mark.
    const em = app.orm.em.fork();
    await em.nativeUpdate(
      DigestSubscription,
      {},
      { lastSentAt: new Date(Date.now() - 36 * 3_600_000) },
    );
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      mailFrom: 'Classbook <noreply@test>',
      dataDir: '',
    });
    try {
      expect(await sendDueDigests(em, mailer, log)).toBe(1);
      expect(await sendDueDigests(em, mailer, log)).toBe(0);
    } finally {
      mailer.close();
    }
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toBe('mama@example.ru');
    expect(inbox[0]!.subject).toContain('дневник');
    expect(inbox[0]!.text).toContain(
      `${child.lastName} ${child.firstName} — 15.09.2026, Физика: оценка 5`,
    );
  });

  it('without SMTP, writes the digest to the outbox folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'classbook-outbox-'));
    const em = app.orm.em.fork();
    await em.nativeUpdate(
      DigestSubscription,
      {},
      { lastSentAt: new Date(Date.now() - 2 * 86_400_000) },
    );
    const mailer = createMailer({ mailFrom: 'Classbook <noreply@test>', dataDir });
    try {
      expect(await sendDueDigests(em, mailer, log)).toBe(1);
      const files = readdirSync(join(dataDir, 'outbox'));
      expect(files).toHaveLength(1);
      expect(readFileSync(join(dataDir, 'outbox', files[0]!), 'utf8')).toContain(
        'To: mama@example.ru',
      );
    } finally {
      mailer.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('digest: the child’s pages, corrections, a failing send (R-DRY-3)', () => {
  const smtpMailer = () =>
    createMailer({
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      mailFrom: 'Classbook <noreply@test>',
      dataDir: '',
    });
  let classmateParentToken: string;

  beforeAll(async () => {
    const em = app.orm.em.fork();
    const school = schoolClass.school;
    const classmate = await createFamily(em, { schoolClass });
    classmateParentToken = await sessionFor(em, classmate.parent);
    // A subgroup page the child is not in, and a page of the classmate's own curriculum.
    const subject = await createSubject(em, school, 'Английский');
    const groupPage = await createAssignment(em, {
      teacher,
      subject,
      schoolClass,
      subgroup: await createSubgroup(em, schoolClass, subject, [classmate.student]),
    });
    const ownPage = em.create(TeachingAssignment, {
      school,
      year: schoolClass.year,
      teacher,
      subject: await createSubject(em, school, 'ЛФК'),
      schoolClass,
      individualStudent: classmate.student,
    });
    await em.persist(ownPage).flush();
    const lessons = {
      whole: await createLesson(em, page, { date: '2026-09-16' }),
      group: await createLesson(em, groupPage, { date: '2026-09-16' }),
      own: await createLesson(em, ownPage, { date: '2026-09-16' }),
      marks: await createLesson(em, page, { date: '2026-09-17' }),
    };
    for (const [key, text] of [
      ['whole', 'Для всего класса'],
      ['group', 'Только для группы'],
      ['own', 'Индивидуально'],
    ] as const) {
      const lesson = lessons[key];
      em.persist(em.create(Homework, { school, lesson, text, enteredBy: teacher }));
    }
    // Marks set before the digest's span (no audit of their creation within it)…
    const earlier = new Date(Date.now() - 5 * 86_400_000);
    const marks = ['3', '2'].map((value) =>
      em.create(Mark, {
        school,
        lesson: lessons.marks,
        student: child,
        value,
        numericValue: Number(value),
        enteredBy: teacher,
        createdAt: earlier,
      }),
    );
    em.persist(marks);
    await em.flush();
    // …then corrected and removed within it, as a teacher does, with reasons.
    const r = await gql(
      app.url,
      `mutation($i: SetMarksInput!) { setMarks(input: $i) { marks { id } } }`,
      {
        i: {
          lessonId: lessons.marks.id,
          change: [{ markId: marks[0]!.id, version: 1, value: '4', reason: 'Пересчёт' }],
          remove: [{ markId: marks[1]!.id, version: 1, reason: 'Ошибка' }],
        },
      },
      { token: token.teacher },
    );
    expect(r.errors).toBeUndefined();
  });

  it('R-DRY-3: homework of the child’s own pages only, and marks corrected or removed', async () => {
    const em = app.orm.em.fork();
    await em.nativeUpdate(
      DigestSubscription,
      {},
      { lastSentAt: new Date(Date.now() - 36 * 3_600_000) },
    );
    inbox.length = 0;
    const mailer = smtpMailer();
    try {
      expect(await sendDueDigests(em, mailer, log)).toBe(1);
    } finally {
      mailer.close();
    }
    const text = inbox[0]!.text;
    const name = `${child.lastName} ${child.firstName}`;
    expect(text).toContain(`${name} — 16.09.2026, Физика: домашнее задание Для всего класса`);
    expect(text).not.toContain('Только для группы');
    expect(text).not.toContain('Индивидуально');
    expect(text).toContain(`${name} — 17.09.2026, Физика: оценка исправлена: 3 → 4`);
    expect(text).toContain(`${name} — 17.09.2026, Физика: оценка удалена: 2`);
    expect(text).not.toContain('Физика: оценка 4');
  });

  it('R-DRY-3: a digest the SMTP server refuses does not hold up the others; the next run retries it', async () => {
    const sub = await gql(
      app.url,
      SET,
      { f: 'DAILY', e: 'bounce@example.ru' },
      { token: classmateParentToken },
    );
    expect(sub.errors).toBeUndefined();
    const em = app.orm.em.fork();
    // The refused one is the oldest, so it is tried first.
    await em.nativeUpdate(
      DigestSubscription,
      { email: 'bounce@example.ru' },
      { lastSentAt: new Date(Date.now() - 48 * 3_600_000) },
    );
    await em.nativeUpdate(
      DigestSubscription,
      { email: 'mama@example.ru' },
      { lastSentAt: new Date(Date.now() - 36 * 3_600_000) },
    );
    inbox.length = 0;
    refused.add('bounce@example.ru');
    const mailer = smtpMailer();
    try {
      expect(await sendDueDigests(em, mailer, log)).toBe(1);
      expect(inbox.map((m) => m.to)).toEqual(['mama@example.ru']);
      const bounced = await app.orm.em
        .fork()
        .findOneOrFail(DigestSubscription, { email: 'bounce@example.ru' });
      expect(bounced.lastSentAt.getTime()).toBeLessThan(Date.now() - 47 * 3_600_000);

      refused.clear();
      expect(await sendDueDigests(em, mailer, log)).toBe(1);
      expect(inbox.map((m) => m.to)).toEqual(['mama@example.ru', 'bounce@example.ru']);
      expect(await sendDueDigests(em, mailer, log)).toBe(0);
    } finally {
      refused.clear();
      mailer.close();
    }
  });
});
