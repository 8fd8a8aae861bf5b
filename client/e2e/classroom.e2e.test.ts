import { resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import { AcademicYear } from '../../server/src/modules/year/academic-year.entity.js';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  uniqueLogin,
} from '../../server/test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  enrol,
  sessionFor,
} from '../../server/test/factories/journal.js';
import { gql, startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, PHONE, startClientApp, type ClientApp } from './client-app.js';
import { gotoLive } from './live-wait.js';
import { screenshotDir } from './paths.js';

// The class teacher's side of issue 6 through a real browser against the real API: the live
// dashboard, the week's attendance correction and invitation codes for the class's families.

const PASSWORD = 'correct horse battery';
/** The class teacher's old laptop (issue 6). */
const LAPTOP = { width: 1366, height: 768 };

let api: TestApp;
let web: ClientApp;
let browser: Browser;
const classTeacher = { login: uniqueLogin('classteacher') };
let subjectTeacherToken: string;
let classId: string;
let maths: { lessonId: string };
let russian: { lessonId: string };
let masha: { id: string };
let ivan: { id: string };

const isoDay = (offset: number) => {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
};
const today = isoDay(0);

const SET_ATTENDANCE = `mutation ($input: SetAttendanceInput!) {
  setAttendance(input: $input) { attendance { id } } }`;
const SET_MARKS = `mutation ($input: SetMarksInput!) { setMarks(input: $input) { marks { id } } }`;

async function asSubjectTeacher(query: string, input: Record<string, unknown>) {
  const result = await gql(api.url, query, { input }, { token: subjectTeacherToken });
  expect(result.errors).toBeUndefined();
}

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Гимназия № 7' });
  // The dashboard's "today" is the school's; the lessons below are dated on the test's UTC clock.
  school.timeZone = 'UTC';
  const year = em.create(AcademicYear, {
    school,
    name: `${today.slice(0, 4)} e2e`,
    startsOn: isoDay(-90),
    endsOn: isoDay(90),
  });
  await em.persist(year).flush();
  await createPeriod(em, year, { number: 2, startsOn: isoDay(-30), endsOn: isoDay(30) });

  const teacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    login: classTeacher.login,
    password: PASSWORD,
    lastName: 'Смирнова',
    firstName: 'Анна',
  });
  const subjectTeacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Орлов',
    firstName: 'Павел',
  });
  subjectTeacherToken = await sessionFor(em, subjectTeacher);
  const schoolClass = await createClass(em, {
    school,
    year,
    gradeLevel: 7,
    letter: 'Б',
    classTeacher: teacher,
  });
  classId = schoolClass.id;
  masha = (await createFamily(em, { schoolClass })).student;
  const ivanPerson = await createPerson(em, {
    school,
    roles: [Role.STUDENT],
    lastName: 'Соколов',
    firstName: 'Иван',
  });
  await enrol(em, ivanPerson, schoolClass, year.startsOn);
  ivan = ivanPerson;

  const mathsPage = await createAssignment(em, {
    teacher: subjectTeacher,
    subject: await createSubject(em, school, 'Математика'),
    schoolClass,
  });
  const russianPage = await createAssignment(em, {
    teacher: subjectTeacher,
    subject: await createSubject(em, school, 'Русский язык'),
    schoolClass,
  });
  maths = { lessonId: (await createLesson(em, mathsPage, { date: today, lessonNumber: 1 })).id };
  russian = {
    lessonId: (await createLesson(em, russianPage, { date: today, lessonNumber: 2 })).id,
  };

  // Before the class teacher looks: Маша missed maths, and Иван got a 2 there.
  await asSubjectTeacher(SET_ATTENDANCE, {
    lessonId: maths.lessonId,
    entries: [{ studentId: masha.id, status: 'ABSENT' }],
  });
  await asSubjectTeacher(SET_MARKS, {
    lessonId: maths.lessonId,
    add: [{ studentId: ivan.id, value: '2' }],
  });

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

async function signedInClassTeacher(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: LAPTOP,
    extraHTTPHeaders: web.browserHeaders,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${web.url}/signin`);
  await page.locator('#login').fill(classTeacher.login);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(`${web.url}/`);
  return { context, page };
}

/** Phone and the class teacher's 1366×768 laptop, full page. */
async function shoot(page: Page, name: string) {
  await mkdir(screenshotDir, { recursive: true });
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', LAPTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: resolve(screenshotDir, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(LAPTOP);
}

const rowsText = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ');

describe('the class teacher’s dashboard', () => {
  it('R-JRN-7: shows today’s absence and low mark, and a new absence arrives without reload', async () => {
    const { context, page } = await signedInClassTeacher();
    try {
      await gotoLive(api, page, `${web.url}/class`);
      // The only class opens its dashboard at once.
      await page.waitForURL(`${web.url}/class/${classId}`);
      expect(await page.getByTestId('class-name').innerText()).toBe('7Б');
      expect(await rowsText(page, 'absences')).toContain('Петрова Маша Математика, 1-й урок');
      expect(await page.getByTestId('absent-count').innerText()).toBe('1');
      expect(await rowsText(page, 'low-marks')).toContain('Соколов Иван Математика, 1-й урок 2');
      // Both lessons have a topic but no homework yet.
      expect(await page.getByTestId('missing-count').innerText()).toBe('2');

      // A marker on the page's window: a reload would lose it.
      await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
      await asSubjectTeacher(SET_ATTENDANCE, {
        lessonId: russian.lessonId,
        entries: [{ studentId: ivan.id, status: 'LATE', minutesLate: 10 }],
      });
      await page.getByTestId('absences').getByText('Соколов Иван').waitFor();
      expect(await rowsText(page, 'absences')).toContain(
        'Соколов Иван Русский язык, 2-й урок Опоздание на 10 мин',
      );
      expect(await page.getByTestId('late-count').innerText()).toBe('1');
      expect(
        await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
      ).toBe(true);

      await shoot(page, 'class-dashboard');
    } finally {
      await context.close();
    }
  });
});

describe('attendance correction', () => {
  it('R-JRN-2: asks for the grounds, then saves an absence as illness with them', async () => {
    const { context, page } = await signedInClassTeacher();
    try {
      await page.goto(`${web.url}/class/${classId}/attendance`);
      const record = page.getByTestId('absence-record').filter({ hasText: 'Петрова Маша' });
      await record.getByLabel('Причина пропуска').selectOption('ILLNESS');
      await record.getByRole('button', { name: 'Исправить' }).click();
      await record.getByRole('alert').waitFor();
      expect(await record.getByRole('alert').innerText()).toBe(
        'Укажите основание исправления: оно сохраняется в истории.',
      );
      expect(await record.getByLabel('Основание исправления').getAttribute('aria-invalid')).toBe(
        'true',
      );

      await record.getByLabel('Основание исправления').fill('Справка от врача');
      await record.getByRole('button', { name: 'Исправить' }).click();
      await record.getByText('Исправление сохранено.').waitFor();
      expect(await record.getByTestId('absence-now').innerText()).toBe(
        'Отсутствие · болезнь · исправлено',
      );

      await shoot(page, 'class-attendance');

      // The API keeps it: the dashboard (a fresh load) shows the reason too.
      await page.goto(`${web.url}/class/${classId}`);
      expect(await rowsText(page, 'absences')).toContain('Отсутствие · болезнь');
    } finally {
      await context.close();
    }
  });
});

describe('families and invitation codes', () => {
  it('R-AUTH-1: issues a parent’s one-time code, shown with its expiry, and the code works', async () => {
    const { context, page } = await signedInClassTeacher();
    try {
      await page.goto(`${web.url}/class/${classId}/families`);
      const family = page.getByTestId('family').filter({ hasText: 'Петрова Маша' });
      expect(await family.getByTestId('guardian').innerText()).toContain('Петрова Елена');
      await family.getByRole('button', { name: 'Выдать код приглашения: Петрова Елена' }).click();
      const slip = family.getByTestId('invitation');
      await slip.waitFor();
      expect(await slip.innerText()).toContain('Код приглашения для: Петрова Елена');
      const code = (await slip.getByTestId('invitation-code').innerText()).trim();
      expect(code).toMatch(/^[A-Z0-9-]{8,}$/);
      expect(await slip.getByTestId('invitation-expiry').innerText()).toMatch(/^Действует до /);

      await shoot(page, 'class-families');

      const redeemed = await gql<{ redeemInvitation: { token: string } }>(
        api.url,
        'mutation ($input: RedeemInvitationInput!) { redeemInvitation(input: $input) { token } }',
        { input: { code, login: uniqueLogin('parent'), password: 'parent password 1' } },
      );
      expect(redeemed.errors).toBeUndefined();
    } finally {
      await context.close();
    }
  });
});

describe('the class journal', () => {
  it('lists the class’s pages and sums up each student’s marks by subject', async () => {
    const { context, page } = await signedInClassTeacher();
    try {
      await page.goto(`${web.url}/class/${classId}/journal`);
      const pages = page.getByTestId('class-pages');
      const mathsLink = pages.getByRole('link', { name: 'Математика' });
      // Server-rendered links are relative ("../../journal/…"): compare where they lead.
      const target = new URL(await mathsLink.evaluate((a: HTMLAnchorElement) => a.href));
      expect(`${target.pathname}${target.search}`).toMatch(/^\/journal\/[0-9a-f-]+\?period=/);
      expect(await pages.getByRole('link', { name: 'Русский язык' }).count()).toBe(1);
      const ivanRow = page
        .getByTestId('journal-summary')
        .getByRole('row', { name: /Соколов Иван/ });
      expect((await ivanRow.innerText()).replace(/\s+/g, ' ')).toContain('2,00 1 оценка');
      await shoot(page, 'class-journal');
    } finally {
      await context.close();
    }
  });
});
