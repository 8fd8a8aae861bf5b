import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../server/src/modules/journal/audience.js';
import { Homework } from '../../server/src/modules/journal/homework.entity.js';
import { Mark } from '../../server/src/modules/journal/mark.entity.js';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import { BellTime } from '../../server/src/modules/timetable/bell-time.entity.js';
import { TimetableSlot } from '../../server/src/modules/timetable/timetable-slot.entity.js';
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
import {
  DESKTOP,
  launchBrowser,
  screenshots,
  startClientApp,
  type ClientApp,
} from './client-app.js';

// Printing and export from the browser (issue 7; R-DRY-3, R-RPT-4): a parent downloads the week
// of the diary as a PDF, a teacher the journal page as CSV, through the client's /api/documents
// proxy that adds the session token from the cookie.

const SESSION_COOKIE = 'classbook_session';

let api: TestApp;
let web: ClientApp;
let browser: Browser;
const tokens = { parent: '', teacher: '' };
const ids = { page: '', period: '' };

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Гимназия № 5' });
  const today = todayIn(school.timeZone);
  const year = em.create(AcademicYear, {
    school,
    name: 'E2E',
    startsOn: addDays(today, -60),
    endsOn: addDays(today, 60),
  });
  await em.persist(year).flush();
  const period = await createPeriod(em, year, {
    startsOn: addDays(today, -30),
    endsOn: addDays(today, 30),
  });
  em.persist(em.create(BellTime, { school, lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' }));
  const teacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Смирнова',
    firstName: 'Анна',
  });
  const schoolClass = await createClass(em, { school, year, gradeLevel: 5, letter: 'А' });
  // «Петрова Маша» and her mother «Петрова Елена».
  const { student, parent } = await createFamily(em, { schoolClass });
  const maths = await createSubject(em, school, 'Математика');
  const page = await createAssignment(em, { teacher, subject: maths, schoolClass });
  em.persist(
    [1, 2, 3, 4, 5].map((weekday) =>
      em.create(TimetableSlot, {
        school,
        year,
        assignment: page,
        weekday,
        lessonNumber: 1,
        validFrom: year.startsOn,
      }),
    ),
  );
  await em.flush();
  const lesson = await createLesson(em, page, {
    date: today,
    lessonNumber: 1,
    topic: 'Деление дробей',
  });
  em.persist(em.create(Homework, { school, lesson, text: '№ 301', enteredBy: teacher }));
  em.persist(
    em.create(Mark, {
      school,
      lesson,
      student,
      value: '5',
      numericValue: 5,
      enteredBy: teacher,
    }),
  );
  await em.flush();
  Object.assign(ids, { page: page.id, period: period.id });
  tokens.parent = await sessionFor(em, parent);
  tokens.teacher = await sessionFor(em, teacher);

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

async function signedIn(token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: DESKTOP,
    extraHTTPHeaders: web.browserHeaders,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(10_000);
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: web.url, httpOnly: true, sameSite: 'Lax' },
  ]);
  return { context, page: await context.newPage() };
}

describe('downloads (R-RPT-4)', () => {
  it("R-DRY-3: a parent prints the child's week: the link downloads a PDF", async () => {
    const { context, page } = await signedIn(tokens.parent);
    try {
      await page.goto(`${web.url}/diary`);
      const link = page.getByRole('link', { name: 'Распечатать неделю (PDF)' });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^Петрова \d{4}-\d{2}-\d{2}\.pdf$/);
      const body = await readFile(await download.path());
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(body.length).toBeGreaterThan(5_000);
    } finally {
      await context.close();
    }
  });

  it('R-RPT-4: a teacher exports the journal page as CSV; a parent is refused the page', async () => {
    const { context, page } = await signedIn(tokens.teacher);
    try {
      await page.goto(`${web.url}/journal/${ids.page}?period=${ids.period}`);
      expect(await page.getByTestId('downloads').innerText()).toContain('PDF для печати');
      await screenshots(page, 'journal-downloads');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-csv').click(),
      ]);
      expect(download.suggestedFilename()).toBe('5А Математика 1 четверть.csv');
      const csv = (await readFile(await download.path())).toString('utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv).toContain('Петрова Маша');
      expect(csv).toContain('Деление дробей');
      expect(csv).toContain('№ 301');
    } finally {
      await context.close();
    }
    const parent = await signedIn(tokens.parent);
    try {
      await parent.page.goto(`${web.url}/diary`);
      const refused = await parent.page.evaluate(async (path) => {
        const res = await fetch(path);
        return { status: res.status, body: (await res.json()) as { code: string } };
      }, `/api/documents/journal-page.pdf?assignmentId=${ids.page}&periodId=${ids.period}`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    } finally {
      await parent.context.close();
    }
  });
});
