import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import {
  createClass,
  createPerson,
  createSchool,
  createYear,
  uniqueLogin,
} from '../../server/test/factories/index.js';
import { createAssignment, createSubject } from '../../server/test/factories/journal.js';
import { startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, PHONE, screenshots, startClientApp, type ClientApp } from './client-app.js';
import { hydrated } from './live-wait.js';
import { screenshotDir } from './paths.js';

// The administration pages through a real browser (issue 6): the records clerk's student
// movement, the director's reporting periods, a checked import, and a teacher kept out.

const PASSWORD = 'correct horse battery';
const LAPTOP = { width: 1366, height: 768 };

let api: TestApp;
let web: ClientApp;
let browser: Browser;
const clerk = { login: uniqueLogin('clerk') };
const director = { login: uniqueLogin('director') };
const teacher = { login: uniqueLogin('teacher') };
const administrator = { login: uniqueLogin('admin') };
let classA: string;
let classB: string;

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Гимназия № 7' });
  const people = [];
  for (const [who, role, lastName] of [
    [clerk, Role.RECORDS_CLERK, 'Кузнецова'],
    [director, Role.DIRECTOR, 'Орлов'],
    [teacher, Role.TEACHER, 'Смирнова'],
    [administrator, Role.ADMINISTRATOR, 'Ахметов'],
  ] as const) {
    people.push(
      await createPerson(em, {
        school,
        roles: [role],
        login: who.login,
        password: PASSWORD,
        lastName,
        firstName: 'Анна',
      }),
    );
  }
  // The factory's year runs 1 Sep 2026 – 31 May 2027.
  const year = await createYear(em, school, '2026/2027');
  const fifthA = await createClass(em, { school, year, gradeLevel: 5, letter: 'А' });
  classA = fifthA.id;
  const maths = await createSubject(em, school, 'Математика');
  await createAssignment(em, { teacher: people[2]!, subject: maths, schoolClass: fifthA });
  classB = (await createClass(em, { school, year, gradeLevel: 5, letter: 'Б' })).id;

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

async function signedIn(
  login: string,
  viewport = LAPTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport,
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

/** The phone and desktop shots of screenshots(), plus the old laptop's 1366×768 screen. */
async function shots(page: Page, name: string) {
  await screenshots(page, name);
  await mkdir(screenshotDir, { recursive: true });
  await page.setViewportSize(LAPTOP);
  await page.screenshot({ path: resolve(screenshotDir, `${name}-laptop.png`), fullPage: true });
}

const rosterNames = async (page: Page) =>
  (await page.getByTestId('roster').count()) === 0
    ? []
    : (await page.getByTestId('roster').locator('tbody td:nth-child(2)').allInnerTexts()).map((s) =>
        s.trim(),
      );

describe('administration', () => {
  it('R-YEAR-5: the records clerk admits a new student and transfers them from a date; a date outside the year is refused beside its field', async () => {
    const { context, page } = await signedIn(clerk.login);
    try {
      await page.goto(`${web.url}/admin/students?class=${classA}&on=2026-11-30`);
      expect(await page.getByTestId('roster-heading').innerText()).toBe(
        'Список класса 5А на 30.11.2026',
      );
      expect(await page.getByTestId('roster-empty').innerText()).toBe(
        'На эту дату в классе нет учеников.',
      );

      const create = page.getByTestId('create-student');
      await create.getByLabel('Фамилия').fill('Новикова');
      await create.getByLabel('Имя', { exact: true }).fill('Вера');
      await create.getByLabel('Дата рождения').fill('2015-04-12');
      await create.getByLabel('С даты').fill('2026-11-30');
      await create.getByLabel('Причина').fill('Приказ № 12 о зачислении');
      await create.getByRole('button', { name: 'Зачислить' }).click();
      await create.getByTestId('form-notice').waitFor();
      expect(await create.getByTestId('form-notice').innerText()).toBe('Ученик зачислен.');
      expect(await rosterNames(page)).toEqual(['Новикова Вера']);

      await page.getByRole('link', { name: 'Новикова Вера' }).click();
      const card = page.getByTestId('student-card');
      await card.waitFor();
      await hydrated(page); // a <details> opened before hydration is closed again by it
      await card.getByText('Перевести в другой класс').click();
      const transfer = card.getByTestId('transfer');
      await transfer.getByLabel('В класс').selectOption({ label: '5Б' });
      await transfer.getByLabel('С даты').fill('2027-08-01');
      await transfer.getByLabel('Причина', { exact: true }).fill('Заявление родителей');
      await transfer.getByRole('button', { name: 'Перевести' }).click();

      // The API's complaint stands beside the date, and nothing moved.
      const dateError = transfer.locator('#transferStudent-from-error');
      await dateError.waitFor();
      expect((await dateError.innerText()).length).toBeGreaterThan(0);
      expect(await transfer.getByLabel('С даты').getAttribute('aria-invalid')).toBe('true');
      expect(await transfer.getByLabel('С даты').inputValue()).toBe('2027-08-01');
      expect(await card.getByTestId('history').locator('tbody tr').count()).toBe(1);
      await page.goto(`${web.url}/admin/students?class=${classB}&on=2026-12-14`);
      expect(await rosterNames(page)).toEqual([]);

      // Now from a date inside the year.
      await page.goto(`${web.url}/admin/students?class=${classA}&on=2026-11-30`);
      await page.getByRole('link', { name: 'Новикова Вера' }).click();
      await card.waitFor();
      await hydrated(page); // a <details> opened before hydration is closed again by it
      await card.getByText('Перевести в другой класс').click();
      await transfer.getByLabel('В класс').selectOption({ label: '5Б' });
      await transfer.getByLabel('С даты').fill('2026-12-14');
      await transfer.getByLabel('Причина', { exact: true }).fill('Заявление родителей');
      await transfer.getByRole('button', { name: 'Перевести' }).click();
      await transfer.getByTestId('form-notice').waitFor();
      expect(await transfer.getByTestId('form-notice').innerText()).toBe('Ученик переведён.');
      expect(await card.getByTestId('history').locator('tbody tr').allInnerTexts()).toEqual([
        expect.stringMatching(/^5А\s+30\.11\.2026\s+14\.12\.2026/),
        expect.stringMatching(/^5Б\s+14\.12\.2026/),
      ]);

      await transfer.getByTestId('transfer-roster').click();
      await page.waitForURL(/on=2026-12-14/);
      expect(await page.getByTestId('roster-heading').innerText()).toBe(
        'Список класса 5Б на 14.12.2026',
      );
      expect(await rosterNames(page)).toEqual(['Новикова Вера']);
      // Still in 5А the day before, gone from it on the day.
      await page.goto(`${web.url}/admin/students?class=${classA}&on=2026-12-13`);
      expect(await rosterNames(page)).toEqual(['Новикова Вера']);
      await page.goto(`${web.url}/admin/students?class=${classA}&on=2026-12-14`);
      expect(await rosterNames(page)).toEqual([]);

      await page.goto(`${web.url}/admin/students?class=${classB}&on=2026-12-14`);
      await page.getByRole('link', { name: 'Новикова Вера' }).click();
      await card.waitFor();
      await shots(page, 'admin-students');
    } finally {
      await context.close();
    }
  });

  it('R-YEAR-1: the director creates a reporting period', async () => {
    const { context, page } = await signedIn(director.login);
    try {
      await page.goto(`${web.url}/admin`);
      await page.getByTestId('admin-sections').getByRole('link', { name: 'Учебный год' }).click();
      await page.waitForURL(`${web.url}/admin/year`);
      expect(await page.getByTestId('years').innerText()).toContain('2026/2027');

      const create = page.getByTestId('create-period');
      await create.getByLabel('Вид').selectOption('QUARTER');
      await create.getByLabel('№').fill('2');
      await create.getByLabel('Название').fill('2 четверть');
      await create.getByLabel('Начало').fill('2026-11-09');
      await create.getByLabel('Окончание').fill('2026-12-28');
      await create.getByLabel('Классы (параллели)').fill('1-11');
      await create.getByRole('button', { name: 'Создать период' }).click();
      await create.getByTestId('form-notice').waitFor();

      const period = page.getByTestId('period');
      expect(await period.count()).toBe(1);
      const shown = await period.innerText();
      expect(shown).toContain('2 четверть');
      expect(shown).toContain('09.11.2026 — 28.12.2026');
      expect(shown).toContain('открыт');
      await shots(page, 'admin-year');
    } finally {
      await context.close();
    }
  });

  it('R-ROLE-3: a dry run of an import with a broken row lists the problem and writes nothing; the fixed file imports', async () => {
    const { context, page } = await signedIn(clerk.login, PHONE);
    try {
      await page.goto(`${web.url}/admin/students/import`);
      await page.getByLabel('Кого загружаем').selectOption('STUDENTS');
      const csv = [
        'Фамилия,Имя,Дата рождения,Класс,Дата зачисления',
        'Петров,Иван,12.03.2015,5А,01.12.2026',
        'Сидорова,,01.02.2015,5А,01.12.2026',
      ].join('\n');
      await page.getByLabel('Файл').setInputFiles({
        name: 'students.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByRole('button', { name: 'Проверить' }).click();
      const problems = page.getByTestId('import-problems');
      await problems.waitFor();
      const rows = await problems.locator('tbody tr').allInnerTexts();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatch(/^3\s+Имя\s+\S/);
      expect(await page.getByTestId('import-result').locator('h2').innerText()).toBe(
        'Ошибки в файле (1) — ничего не записано',
      );
      expect(await page.getByTestId('import-run').count()).toBe(0);

      await page.goto(`${web.url}/admin/students?class=${classA}&on=2026-12-01`);
      expect(await rosterNames(page)).not.toContain('Петров Иван');

      // The fixed file: checked, then imported as checked.
      await page.goto(`${web.url}/admin/students/import`);
      await page.getByLabel('Кого загружаем').selectOption('STUDENTS');
      await page.getByLabel('Файл').setInputFiles({
        name: 'students.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv.replace('Сидорова,,', 'Сидорова,Мария,'), 'utf8'),
      });
      await page.getByRole('button', { name: 'Проверить' }).click();
      await page.getByTestId('import-ready').waitFor();
      expect(await page.getByTestId('import-ready').innerText()).toContain('строк к импорту — 2');
      await page.getByTestId('import-run').click();
      await page.getByText('Импорт выполнен: людей — 2').waitFor();

      await page.goto(`${web.url}/admin/students?class=${classA}&on=2026-12-01`);
      expect(await rosterNames(page)).toEqual(
        expect.arrayContaining(['Петров Иван', 'Сидорова Мария']),
      );
    } finally {
      await context.close();
    }
  });

  it('R-ROLE-2: a teacher opening /admin is refused', async () => {
    const { context, page } = await signedIn(teacher.login, PHONE);
    try {
      const response = await page.goto(`${web.url}/admin`);
      expect(response?.status()).toBe(403);
      expect(await page.locator('main').innerText()).toContain(
        'Этот раздел открыт администрации школы и делопроизводителю.',
      );
      const students = await page.goto(`${web.url}/admin/students`);
      expect(students?.status()).toBe(403);
    } finally {
      await context.close();
    }
  });

  it('R-YEAR-4: the director sets bell times, puts a lesson into the week and cancels it for a day', async () => {
    const { context, page } = await signedIn(director.login);
    try {
      await page.goto(`${web.url}/admin/timetable?class=${classA}&week=2026-12-09`);
      expect(await page.locator('#week-heading').innerText()).toBe(
        '5А: неделя 07.12.2026 — 13.12.2026',
      );

      const bells = page.getByTestId('bell-times');
      await bells.getByLabel('Звонки').fill('1 08:30 09:15\n2 09:25 10:10');
      await bells.getByRole('button', { name: 'Сохранить звонки' }).click();
      await bells.getByTestId('form-notice').waitFor();

      const slot = page.getByTestId('create-slot');
      await slot
        .getByLabel('Журнал (предмет, учитель)')
        .selectOption({ label: 'Математика — Смирнова Анна' });
      await slot.getByLabel('День недели').selectOption({ label: 'Понедельник' });
      await slot.getByLabel('Номер урока').fill('1');
      await slot.getByLabel('Кабинет').fill('12');
      await slot.getByLabel('Действует с').fill('2026-12-07');
      await slot.getByRole('button', { name: 'Добавить' }).click();
      await slot.getByTestId('form-notice').waitFor();
      const week = page.getByTestId('timetable-week');
      expect(await week.innerText()).toContain('Математика');
      expect(await week.innerText()).toContain('08:30–09:15');

      const change = page.getByTestId('publish-change');
      await change.getByLabel('Дата').fill('2026-12-07');
      await change.getByLabel('Что меняется').selectOption('CANCELLED');
      await change.getByLabel('Урок по сетке').selectOption({ label: 'Пн, 1 — Математика' });
      await change.getByLabel('Примечание').fill('Учитель на курсах');
      await change.getByRole('button', { name: 'Опубликовать изменение' }).click();
      await change.getByTestId('form-notice').waitFor();
      expect(await page.getByTestId('timetable-changes').innerText()).toContain(
        '07.12.2026, 1 — Отмена: Математика',
      );
      expect(await week.innerText()).toContain('Отмена: Учитель на курсах');
      await shots(page, 'admin-timetable');
    } finally {
      await context.close();
    }
  });

  it('R-ROLE-1: the administrator creates a staff account and sees its one-time code', async () => {
    const { context, page } = await signedIn(administrator.login);
    try {
      await page.goto(`${web.url}/admin/staff`);
      const create = page.getByTestId('create-staff');
      await create.getByLabel('Фамилия').fill('Васильев');
      await create.getByLabel('Имя', { exact: true }).fill('Пётр');
      await create.getByRole('button', { name: 'Создать учётную запись' }).click();
      const code = page.getByTestId('invitation-code');
      await code.waitFor();
      expect((await code.innerText()).trim()).toMatch(/^\S{6,}$/);
      expect(await page.getByTestId('staff').innerText()).toContain('Васильев Пётр');
      await shots(page, 'admin-staff');
    } finally {
      await context.close();
    }
  });
});
