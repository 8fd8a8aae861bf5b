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
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { createLogger } from '../../core/logger.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { createMailer, sendDueDigests } from './digest.js';
import { DigestSubscription } from './digest-subscription.entity.js';

// R-DRY-3: the e-mail digest, delivered to a real local SMTP receiver.
const SET = `mutation($f: DigestFrequency, $e: String) { setDigestSubscription(frequency: $f, email: $e) { frequency email } }`;
const log = createLogger('silent');

let app: TestApp;
let smtp: SMTPServer;
let smtpPort: number;
const inbox: { to: string; subject: string; text: string }[] = [];
const token: Record<string, string> = {};
let child: Person;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
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
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const schoolClass = await createClass(em, { school, year });
  const page = await createAssignment(em, {
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
