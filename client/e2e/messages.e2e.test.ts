import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../server/src/modules/people/person.entity.js';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
} from '../../server/test/factories/index.js';
import {
  createAssignment,
  createSubject,
  sessionFor,
} from '../../server/test/factories/journal.js';
import { startTestApp, type TestApp } from '../../server/test/harness.js';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  screenshots,
  startClientApp,
  type ClientApp,
} from './client-app.js';
import { hydrated } from './live-wait.js';

// Internal mail through a real browser (R-MSG-1, R-MSG-2, R-AUTH-4): a parent writes to their
// child's teacher from the compose page, the teacher's open inbox shows it, the teacher answers;
// the parent's list of recipients holds no other family; a class teacher publishes an announcement.

let api: TestApp;
let web: ClientApp;
let browser: Browser;
const who: Record<string, Person> = {};
const token: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Гимназия № 12' });
  const year = await createYear(em, school);
  who.teacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Смирнова',
    firstName: 'Анна',
  });
  who.classTeacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Орлов',
    firstName: 'Игорь',
  });
  who.otherTeacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Чужая',
    firstName: 'Вера',
  });
  const c5a = await createClass(em, { school, year, classTeacher: who.classTeacher });
  const c5b = await createClass(em, { school, year, letter: 'Б' });
  await createAssignment(em, {
    teacher: who.teacher,
    subject: await createSubject(em, school, 'Математика'),
    schoolClass: c5a,
  });
  const family = await createFamily(em, { schoolClass: c5a });
  who.parent = family.parent;
  who.student = family.student;
  // Two other families: a classmate's and one of another class, renamed so a glance tells them.
  const classmates = await createFamily(em, { schoolClass: c5a });
  classmates.parent.lastName = 'Кузнецова';
  classmates.parent.firstName = 'Ольга';
  classmates.student.lastName = 'Кузнецов';
  who.classmateParent = classmates.parent;
  const others = await createFamily(em, { schoolClass: c5b });
  others.parent.lastName = 'Сидорова';
  others.parent.firstName = 'Ирина';
  others.student.lastName = 'Сидоров';
  who.otherParent = others.parent;
  await em.flush();
  for (const [name, person] of Object.entries(who)) {
    token[name] = await sessionFor(em, person);
  }

  await Promise.all([
    startClientApp(api.url).then((app) => (web = app)),
    launchBrowser().then((launched) => (browser = launched)),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.close();
});

/** A browser profile signed in as `name` (the session cookie a sign-in would set). */
async function signedIn(
  name: string,
  viewport = PHONE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport,
    extraHTTPHeaders: web.browserHeaders,
  });
  context.setDefaultTimeout(10_000);
  await context.addCookies([
    { name: 'classbook_session', value: token[name]!, url: web.url, httpOnly: true },
  ]);
  return { context, page: await context.newPage() };
}

/**
 * Resolves once the page has asked its socket for `operation` (graphql-ws `subscribe`), so events
 * from then on reach it. Call before the navigation that opens the socket.
 */
function subscribed(page: Page, operation: string): Promise<void> {
  return new Promise((done) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString();
        if (text.includes('"subscribe"') && text.includes(operation)) {
          done();
        }
      });
    });
  });
}

const fullName = (p: Person) => `${p.lastName} ${p.firstName}`;
const texts = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).allInnerTexts()).map((s) => s.trim());

describe('internal mail in the browser', () => {
  it('R-MSG-1: a parent writes to the teacher, who sees it in the open inbox and replies', async () => {
    const teacher = await signedIn('teacher', DESKTOP);
    const parent = await signedIn('parent');
    try {
      const teacherLive = subscribed(teacher.page, 'MailMessageReceived');
      await teacher.page.goto(`${web.url}/messages`);
      await teacher.page.getByTestId('inbox-empty').waitFor();
      await teacherLive;
      expect(await teacher.page.locator('h1').innerText()).toBe('Сообщения');

      // R-AUTH-4: the parent is offered their child's teachers only, no other family.
      const parentLive = subscribed(parent.page, 'MailMessageReceived');
      await parent.page.goto(`${web.url}/messages/new`);
      const offered = await texts(parent.page, 'recipient-name');
      expect(offered.sort()).toEqual([fullName(who.classTeacher!), fullName(who.teacher!)].sort());
      for (const stranger of ['Кузнецова', 'Сидорова', 'Кузнецов', 'Сидоров', 'Чужая']) {
        expect(offered.join('\n')).not.toContain(stranger);
      }

      // A form sent without a recipient is refused in place.
      await parent.page.getByLabel('Тема').fill('Контрольная');
      await parent.page.getByLabel('Сообщение').fill('Когда будет контрольная по дробям?');
      await parent.page.getByRole('button', { name: 'Отправить' }).click();
      await parent.page.getByText('Выберите, кому написать.').waitFor();
      expect(await parent.page.getByLabel('Тема').inputValue()).toBe('Контрольная');

      await parent.page.getByLabel(fullName(who.teacher!)).check();
      await parent.page.getByRole('button', { name: 'Отправить' }).click();
      await parent.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
      expect(await parent.page.getByTestId('thread-title').innerText()).toBe('Контрольная');
      expect(await texts(parent.page, 'message-body')).toEqual([
        'Когда будет контрольная по дробям?',
      ]);

      // The teacher's inbox, opened before the message was sent, shows it without a reload.
      const thread = teacher.page.getByTestId('thread').filter({ hasText: 'Контрольная' });
      await thread.waitFor();
      expect(await thread.getByTestId('thread-unread').innerText()).toBe('1');
      expect(await teacher.page.getByTestId('unread-total').innerText()).toBe('1');
      expect(await teacher.page.getByTestId('unread-summary').innerText()).toBe('1 непрочитанное');
      expect(await thread.innerText()).toContain('Петрова Елена');
      await screenshots(teacher.page, 'messages-inbox');

      // Opening it reads it; the counter goes.
      await thread.getByRole('link').click();
      await teacher.page.getByTestId('thread-title').waitFor();
      expect(await texts(teacher.page, 'message-body')).toEqual([
        'Когда будет контрольная по дробям?',
      ]);
      expect(await teacher.page.getByTestId('participants').innerText()).toContain('Петрова Елена');
      await teacher.page.getByTestId('unread-total').waitFor({ state: 'detached' });

      await parentLive;
      await teacher.page.getByLabel('Ответ').fill('В пятницу, на втором уроке.');
      await teacher.page.getByRole('button', { name: 'Отправить' }).click();
      await teacher.page.getByText('В пятницу, на втором уроке.').waitFor();
      expect(await teacher.page.getByLabel('Ответ').inputValue()).toBe('');

      // …and the parent's open thread shows the answer without a reload.
      await parent.page.getByText('В пятницу, на втором уроке.').waitFor();
      expect(await texts(parent.page, 'message-body')).toEqual([
        'Когда будет контрольная по дробям?',
        'В пятницу, на втором уроке.',
      ]);
      // Read where it is open: no unread left for the parent either.
      await parent.page.getByTestId('unread-total').waitFor({ state: 'detached' });
      await screenshots(parent.page, 'messages-thread');
    } finally {
      await teacher.context.close();
      await parent.context.close();
    }
  });

  it('R-AUTH-4: a teacher cannot put two families in one thread; the refusal shows on the form', async () => {
    const { context, page } = await signedIn('teacher', DESKTOP);
    try {
      await page.goto(`${web.url}/messages/new`);
      const offered = await texts(page, 'recipient-name');
      expect(offered).toContain(fullName(who.parent!));
      expect(offered).toContain(fullName(who.classmateParent!));
      expect(offered.join('\n')).not.toContain('Сидорова');
      // A class's parents and children share family names: the list says who is who.
      const parents = page.locator('.group').filter({ hasText: 'Родители' });
      expect(await parents.getByTestId('recipient-name').allInnerTexts()).toEqual([
        fullName(who.classmateParent!),
        fullName(who.parent!),
      ]);
      expect(await page.getByText('Ученики', { exact: true }).isVisible()).toBe(true);
      expect(await page.getByText('Учителя и администрация').isVisible()).toBe(true);

      await page.getByLabel(fullName(who.parent!)).check();
      await page.getByLabel(fullName(who.classmateParent!)).check();
      await page.getByLabel('Тема').fill('Экскурсия');
      await page.getByLabel('Сообщение').fill('Собираем подписи.');
      await page.getByRole('button', { name: 'Отправить' }).click();
      const refusal = page.locator('#recipients-error');
      await refusal.waitFor();
      expect((await refusal.innerText()).length).toBeGreaterThan(0);
      expect(page.url()).toBe(`${web.url}/messages/new`);
      expect(await page.getByLabel('Сообщение').inputValue()).toBe('Собираем подписи.');
      await screenshots(page, 'messages-compose-error');
    } finally {
      await context.close();
    }
  });

  it('R-MSG-2: the class teacher publishes an announcement for parents; the parent reads it', async () => {
    const classTeacher = await signedIn('classTeacher', DESKTOP);
    const parent = await signedIn('parent');
    try {
      await classTeacher.page.goto(`${web.url}/messages/announcements`);
      await classTeacher.page.getByTestId('no-announcements').waitFor();
      // Opened before hydration, the <details> would be closed again by it.
      await hydrated(classTeacher.page);
      await classTeacher.page.getByText('Новое объявление').click();
      await classTeacher.page.getByLabel('Заголовок').fill('Родительское собрание');
      await classTeacher.page.getByLabel('Текст').fill('В четверг в 18:00, кабинет 12.');
      await classTeacher.page.getByLabel('Только родителям').check();
      await classTeacher.page.getByRole('button', { name: 'Опубликовать' }).click();
      await classTeacher.page.getByText('Объявление опубликовано.').waitFor();
      await classTeacher.page.getByTestId('announcement').first().waitFor();
      expect(await classTeacher.page.getByTestId('announcement').first().innerText()).toContain(
        'Родительское собрание',
      );

      await parent.page.goto(`${web.url}/messages/announcements`);
      const seen = parent.page.getByTestId('announcement');
      await seen.first().waitFor();
      expect(await seen.count()).toBe(1);
      expect(await seen.first().innerText()).toContain('В четверг в 18:00, кабинет 12.');
      expect(await seen.first().innerText()).toContain('Орлов Игорь');
      // A parent reads; only the class teacher and the office publish.
      expect(await parent.page.getByText('Новое объявление').count()).toBe(0);
      await screenshots(parent.page, 'messages-announcements');
    } finally {
      await classTeacher.context.close();
      await parent.context.close();
    }
  });
});
