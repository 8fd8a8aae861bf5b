import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../server/src/modules/journal/audience.js';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import { AcademicYear } from '../../server/src/modules/year/academic-year.entity.js';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
} from '../../server/test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  sessionFor,
} from '../../server/test/factories/journal.js';
import { startTestApp, type TestApp } from '../../server/test/harness.js';
import { DESKTOP, launchBrowser, PHONE, startClientApp, type ClientApp } from './client-app.js';
import { gotoLive } from './live-wait.js';

// Issue 6's end-to-end promise (R-JRN-7): a teacher types a mark into the journal grid in one
// browser, and the parent's diary, open on a phone in another, shows it without a reload.

const SESSION_COOKIE = 'classbook_session';

let api: TestApp;
let web: ClientApp;
let browser: Browser;
const tokens = { teacher: '', parent: '' };
const ids = { assignment: '', period: '', student: '' };
let today: string;

/** A date `days` from `iso`, as YYYY-MM-DD. */
const shift = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Школа № 5' });
  today = todayIn(school.timeZone);
  const year = em.create(AcademicYear, {
    school,
    name: 'Текущий год',
    startsOn: shift(today, -100),
    endsOn: shift(today, 100),
  });
  await em.persist(year).flush();
  const period = await createPeriod(em, year, {
    startsOn: shift(today, -30),
    endsOn: shift(today, 30),
  });
  const teacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Смирнова',
    firstName: 'Анна',
  });
  const schoolClass = await createClass(em, { school, year, gradeLevel: 5, letter: 'А' });
  const { student, parent } = await createFamily(em, { schoolClass });
  const assignment = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school, 'Математика'),
    schoolClass,
  });
  await createLesson(em, assignment, { date: today, lessonNumber: 1, topic: 'Проценты' });
  Object.assign(ids, { assignment: assignment.id, period: period.id, student: student.id });
  tokens.teacher = await sessionFor(em, teacher);
  tokens.parent = await sessionFor(em, parent);

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

/** A browser context already signed in with `token` (the httpOnly cookie the sign-in sets). */
async function signedIn(
  token: string,
  viewport: typeof PHONE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport,
    extraHTTPHeaders: web.browserHeaders,
  });
  context.setDefaultTimeout(10_000);
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: web.url, httpOnly: true, sameSite: 'Lax' },
  ]);
  return { context, page: await context.newPage() };
}

describe('a mark from the grid to the diary (R-JRN-7)', () => {
  it('a teacher types a mark in the grid; the parent’s open diary shows it without reload', async () => {
    const parent = await signedIn(tokens.parent, PHONE);
    const teacher = await signedIn(tokens.teacher, DESKTOP);
    try {
      await gotoLive(api, parent.page, `${web.url}/diary?student=${ids.student}`);
      await parent.page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      const lesson = parent.page
        .locator(`[data-testid=day-${today}] [data-testid=lesson]`)
        .filter({ hasText: 'Проценты' });
      expect(await lesson.locator('[data-testid=mark]').count()).toBe(0);

      await teacher.page.goto(`${web.url}/journal/${ids.assignment}?period=${ids.period}`);
      await teacher.page.locator('[data-testid=journal-grid] td[data-r="0"][data-c="0"]').click();
      await teacher.page.keyboard.press('5');
      await teacher.page.keyboard.press('Enter');
      await expect
        .poll(() => teacher.page.getByTestId('grid-status').innerText())
        .toBe('Сохранено');

      await parent.page.locator('[data-testid=live-notice]').waitFor();
      expect(await parent.page.locator('[data-testid=live-notice] span').innerText()).toMatch(
        /^Новая оценка: 5 — Математика/,
      );
      await lesson.locator('[data-testid=mark]').waitFor();
      expect(await lesson.locator('[data-testid=mark]').allInnerTexts()).toEqual(['5']);
      expect(
        await parent.page.evaluate(
          () => (window as unknown as { notReloaded?: boolean }).notReloaded,
        ),
      ).toBe(true);
    } finally {
      await parent.context.close();
      await teacher.context.close();
    }
  });
});
