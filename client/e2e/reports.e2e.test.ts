import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mark } from '../../server/src/modules/journal/mark.entity.js';
import {
  PeriodMark,
  PeriodMarkSpecial,
} from '../../server/src/modules/journal/period-mark.entity.js';
import type { Person } from '../../server/src/modules/people/person.entity.js';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import { AcademicYear } from '../../server/src/modules/year/academic-year.entity.js';
import {
  PeriodKind,
  ReportingPeriod,
} from '../../server/src/modules/year/reporting-period.entity.js';
import {
  createClass,
  createPerson,
  createSchool,
  uniqueLogin,
} from '../../server/test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  createWorkType,
  enrol,
} from '../../server/test/factories/journal.js';
import { startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, screenshots, startClientApp, type ClientApp } from './client-app.js';

// Reports (issue 7) through a real browser: the deputy opens the summary sheet of a class, follows
// a mark to "explain this average", and reads the period's performance report with its names.

const PASSWORD = 'correct horse battery';
const deputy = { login: uniqueLogin('deputy') };

let api: TestApp;
let web: ClientApp;
let browser: Browser;

const isoDay = (offset: number) => {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
};

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Лицей № 5' });
  const year = em.create(AcademicYear, {
    school,
    name: `${isoDay(0).slice(0, 4)} e2e`,
    startsOn: isoDay(-90),
    endsOn: isoDay(90),
  });
  await em.persist(year).flush();
  const quarter = await createPeriod(em, year, {
    number: 2,
    startsOn: isoDay(-30),
    endsOn: isoDay(30),
  });
  const yearPeriod = em.create(ReportingPeriod, {
    school,
    year,
    kind: PeriodKind.YEAR,
    number: 1,
    name: 'Год',
    startsOn: isoDay(-90),
    endsOn: isoDay(90),
    gradeLevels: [7],
  });
  await em.persist(yearPeriod).flush();
  await createPerson(em, {
    school,
    roles: [Role.DEPUTY],
    login: deputy.login,
    password: PASSWORD,
    lastName: 'Завьялова',
    firstName: 'Нина',
  });
  const teacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Орлов',
    firstName: 'Павел',
  });
  const schoolClass = await createClass(em, {
    school,
    year,
    gradeLevel: 7,
    letter: 'Б',
    classTeacher: teacher,
  });
  const subjects = await Promise.all(
    ['Алгебра', 'Биология', 'География', 'Русский язык'].map((n) => createSubject(em, school, n)),
  );
  const pages = [];
  for (const subject of subjects) {
    pages.push(await createAssignment(em, { teacher, subject, schoolClass }));
  }
  const names: [string, string, string[]][] = [
    ['Алексеева', 'Анна', ['5', '5', '5', '5']],
    ['Белов', 'Борис', ['4', '5', '5', '5']],
    ['Власова', 'Вера', ['3', '4', '5', '4']],
    ['Григорьев', 'Глеб', ['2', '3', '4', '3']],
    ['Дмитриева', 'Дарья', ['н/а', '4', 'осв', '4']],
  ];
  const students: Person[] = [];
  for (const [lastName, firstName, marks] of names) {
    const student = await createPerson(em, {
      school,
      roles: [Role.STUDENT],
      lastName,
      firstName,
    });
    await enrol(em, student, schoolClass, year.startsOn);
    students.push(student);
    marks.forEach((mark, i) => {
      const special =
        mark === 'н/а'
          ? PeriodMarkSpecial.NOT_ATTESTED
          : mark === 'осв'
            ? PeriodMarkSpecial.EXEMPT
            : null;
      em.persist(
        em.create(PeriodMark, {
          school,
          student,
          subject: subjects[i]!,
          period: quarter,
          value: special ? null : mark,
          numericValue: special ? null : Number(mark),
          special,
          enteredBy: teacher,
        }),
      );
    });
  }
  // Власова's algebra: 4 and 2 (oral) and 3 (test, weight 2) → weighted 3.00; the teacher gave 3.
  const oral = await createWorkType(em, school, { name: 'Ответ на уроке', weight: 1 });
  const test = await createWorkType(em, school, { name: 'Контрольная работа', weight: 2 });
  const lessons = [
    await createLesson(em, pages[0]!, { date: isoDay(-20), workType: oral, topic: 'Уравнения' }),
    await createLesson(em, pages[0]!, { date: isoDay(-10), workType: test, topic: 'Контрольная' }),
    await createLesson(em, pages[0]!, { date: isoDay(-3), workType: oral, topic: 'Неравенства' }),
  ];
  const values: [number, typeof oral][] = [
    [4, oral],
    [3, test],
    [2, oral],
  ];
  values.forEach(([value, type], i) =>
    em.persist(
      em.create(Mark, {
        school,
        lesson: lessons[i]!,
        student: students[2]!,
        value: String(value),
        numericValue: value,
        workType: type,
        weight: type.weight,
        enteredBy: teacher,
      }),
    ),
  );
  await em.flush();

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

describe('reports in the browser', () => {
  it('R-RPT-3, R-RPT-2: the deputy opens the summary sheet, an explanation and the performance report', async () => {
    const context = await browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 1280, height: 800 },
      extraHTTPHeaders: web.browserHeaders,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${web.url}/signin`);
    await page.locator('#login').fill(deputy.login);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`${web.url}/`);

    await page.getByRole('link', { name: 'Отчёты' }).first().click();
    await page.waitForURL(`${web.url}/reports`);
    await page.getByRole('link', { name: 'Сводная ведомость' }).first().click();
    await page.waitForURL(/\/reports\/sheet/);
    const sheet = page.getByTestId('summary-sheet');
    await expect.poll(() => page.getByTestId('sheet-row').count()).toBe(5);
    expect(await page.getByTestId('sheet-title').innerText()).toContain('7Б');
    expect(await sheet.locator('thead').innerText()).toContain('Русский язык');
    const rows = await page.getByTestId('sheet-row').allInnerTexts();
    expect(rows[0]).toMatch(/Алексеева Анна/);
    expect(rows[4]).toMatch(/Дмитриева Дарья[\s\S]*н\/а[\s\S]*осв/);
    await screenshots(page, 'reports-summary-sheet');
    // R-RPT-4: the sheet ready to certify, downloaded through the proxy with the session cookie.
    const href = await page.getByTestId('download-pdf').getAttribute('href');
    expect(href).toMatch(/\/api\/documents\/summary-sheet\.pdf\?schoolClassId=/);
    const pdf = await page.request.get(new URL(href!, page.url()).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // Власова's algebra mark → how it came about.
    await page.getByTestId('sheet-row').nth(2).getByRole('link', { name: '3' }).first().click();
    await page.waitForURL(/\/reports\/explain/);
    expect(await page.getByTestId('explain-title').innerText()).toBe('Власова Вера');
    expect(await page.getByTestId('explain-weighted').innerText()).toBe('3,00');
    expect(await page.getByTestId('explain-proposed').innerText()).toBe('3');
    expect(await page.getByTestId('explain-teacher-mark').innerText()).toBe('3');
    expect(await page.getByTestId('explain-marks').locator('tbody tr').count()).toBe(3);
    await screenshots(page, 'reports-explain');

    await page.goto(`${web.url}/reports/performance`);
    const total = page.getByTestId('performance-total');
    // Attested: all five; success: Алексеева, Белов, Власова = 60 %; quality: Алексеева, Белов = 40 %.
    expect(await total.getByTestId('success-rate').innerText()).toBe('60');
    expect(await total.getByTestId('quality-rate').innerText()).toBe('40');
    const failing = total.getByTestId('failing');
    await failing.locator('summary').click();
    expect(await failing.innerText()).toMatch(/Григорьев Глеб[\s\S]*Дмитриева Дарья/);
    await page.getByTestId('performance-by-subject').getByTestId('excellent').first().click();
    await screenshots(page, 'reports-performance');
    await context.close();
  });
});
