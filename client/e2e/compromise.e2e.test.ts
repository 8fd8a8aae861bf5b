import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mark } from '../../server/src/modules/journal/mark.entity.js';
import type { Lesson } from '../../server/src/modules/journal/lesson.entity.js';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
  uniqueLogin,
} from '../../server/test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createSubject,
  sessionFor,
} from '../../server/test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, screenshots, startClientApp, type ClientApp } from './client-app.js';
import { screenshotDir } from './paths.js';

// R-AUTH-3 through a real browser: the teacher reports her own account compromised, the deputy
// sees what the intruder did since and voids it; the journal is back as it was.

const PASSWORD = 'correct horse battery';
const LAPTOP = { width: 1366, height: 768 };
const SET_MARKS = `mutation($i: SetMarksInput!) { setMarks(input: $i) { marks { id studentId value version } } }`;

let api: TestApp;
let web: ClientApp;
let browser: Browser;
const teacherLogin = uniqueLogin('teacher');
const deputyLogin = uniqueLogin('deputy');
let lesson: Lesson;
const kids: string[] = [];
let sinceInput: string;
let stolen: string;

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Гимназия № 7' });
  const teacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    login: teacherLogin,
    password: PASSWORD,
    lastName: 'Смирнова',
    firstName: 'Анна',
  });
  await createPerson(em, {
    school,
    roles: [Role.DEPUTY],
    login: deputyLogin,
    password: PASSWORD,
    lastName: 'Орлов',
    firstName: 'Игорь',
  });
  const year = await createYear(em, school, '2026/2027');
  const schoolClass = await createClass(em, { school, year, gradeLevel: 5, letter: 'А' });
  const page = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school, 'Математика'),
    schoolClass,
  });
  for (let i = 0; i < 2; i++) {
    kids.push((await createFamily(em, { schoolClass })).student.id);
  }
  lesson = await createLesson(em, page, { date: '2026-09-15', topic: 'Дроби' });

  // The teacher's own mark, then (from a whole second later, as the form takes it) the intruder's.
  const own = await sessionFor(em, teacher);
  const set = await gql<{ setMarks: { marks: { id: string; version: number }[] } }>(
    api.url,
    SET_MARKS,
    { i: { lessonId: lesson.id, add: [{ studentId: kids[0], value: '4' }] } },
    { token: own },
  );
  const mark = set.data!.setMarks.marks[0]!;
  const since = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
  while (Date.now() <= since.getTime()) {
    await new Promise((r) => setTimeout(r, 50));
  }
  sinceInput = since.toISOString().slice(0, 19);
  stolen = await sessionFor(em, teacher);
  const attack = await gql(
    api.url,
    SET_MARKS,
    {
      i: {
        lessonId: lesson.id,
        add: [{ studentId: kids[1], value: '5' }],
        change: [{ markId: mark.id, version: mark.version, value: '2', reason: 'исправление' }],
      },
    },
    { token: stolen },
  );
  expect(attack.errors).toBeUndefined();

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

async function signedIn(login: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    timezoneId: 'UTC',
    viewport: LAPTOP,
    extraHTTPHeaders: web.browserHeaders,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${web.url}/signin`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(`${web.url}/`);
  return { context, page };
}

const marks = async () =>
  Object.fromEntries(
    (await api.orm.em.fork().find(Mark, { lesson: lesson.id })).map((m) => [m.student.id, m.value]),
  );

describe('a compromised account (R-AUTH-3)', () => {
  it('the teacher reports it, the deputy voids what the intruder did', async () => {
    const teacher = await signedIn(teacherLogin);
    try {
      await teacher.page.getByRole('link', { name: 'Мою учётную запись взломали' }).click();
      await teacher.page.waitForURL(`${web.url}/account/compromised`);
      const form = teacher.page.getByTestId('report-own-compromise');
      await form.getByLabel('Утечка с (дата и время)').fill(sinceInput);
      await form.getByLabel('Что случилось').fill('Ученик подсмотрел пароль');
      await form.getByRole('button', { name: 'Сообщить и выйти везде' }).click();
      await teacher.page.waitForURL(`${web.url}/signin`);
    } finally {
      await teacher.context.close();
    }
    // The intruder's session has ended with the rest.
    expect(
      codes(
        await gql(api.url, SET_MARKS, { i: { lessonId: lesson.id, add: [] } }, { token: stolen }),
      ),
    ).toEqual(['UNAUTHENTICATED']);

    const { context, page } = await signedIn(deputyLogin);
    try {
      await page.goto(`${web.url}/admin`);
      await page
        .getByTestId('admin-sections')
        .getByRole('link', { name: 'Взломанные учётные записи' })
        .click();
      await page.waitForURL(`${web.url}/admin/compromise`);
      await page
        .getByTestId('compromise-reports')
        .getByRole('link', { name: 'Смирнова Анна' })
        .click();
      const rows = page.getByTestId('disputed-operation');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(2);
      expect((await rows.locator('[data-testid=change]').allInnerTexts()).sort()).toEqual([
        '4 → 2',
        '— → 5',
      ]);
      await screenshots(page, 'admin-compromise');
      await mkdir(screenshotDir, { recursive: true });
      await page.screenshot({
        path: resolve(screenshotDir, 'admin-compromise-laptop.png'),
        fullPage: true,
      });

      const voiding = page.getByTestId('void-operations');
      await voiding.getByLabel('Причина отмены').fill('Взлом учётной записи');
      await voiding.getByRole('button', { name: 'Отменить выбранные' }).click();
      await page.getByTestId('form-notice').waitFor();
      expect(await page.getByTestId('form-notice').innerText()).toBe('Отменено операций: 2.');
      await page.getByTestId('no-disputed').waitFor();
      expect(await marks()).toEqual({ [kids[0]!]: '4' });
    } finally {
      await context.close();
    }
  });
});
