import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import { AcademicYear } from '../../server/src/modules/year/academic-year.entity.js';
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
  sessionFor,
} from '../../server/test/factories/journal.js';
import { gql, startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, screenshots, startClientApp, type ClientApp } from './client-app.js';
import { gotoLive } from './live-wait.js';
import { screenshotDir } from './paths.js';

// The teacher's journal grid in a real browser (issue 6): keyboard entry of marks and absences,
// saved at once through the API; refusals shown inline; read-only for the class teacher; refused
// to a student. Dates are relative to today, since the API refuses marks for future lessons.

const PASSWORD = 'correct horse battery';
const LAPTOP = { width: 1366, height: 768 };

let api: TestApp;
let web: ClientApp;
let browser: Browser;

const teacher = { login: uniqueLogin('teacher'), token: '' };
const classTeacher = { login: uniqueLogin('classteacher') };
const student = { login: uniqueLogin('student') };
const director = { login: uniqueLogin('director') };
let assignmentId: string;
let periodId: string;
const studentIds: string[] = [];
const lessonIds: string[] = [];

const STUDENTS: [string, string][] = [
  ['Алексеев', 'Антон'],
  ['Борисова', 'Вера'],
  ['Васильев', 'Глеб'],
  ['Григорьева', 'Дарья'],
  ['Давыдов', 'Егор'],
  ['Егорова', 'Жанна'],
  ['Жуков', 'Захар'],
  ['Зайцева', 'Ирина'],
  ['Иванов', 'Кирилл'],
  ['Козлова', 'Лидия'],
];
const LESSON_COUNT = 14;

const day = (offset: number) => {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const shortDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Лицей № 3' });
  const year = em.create(AcademicYear, {
    school,
    name: 'Текущий год',
    startsOn: day(-120),
    endsOn: day(120),
  });
  await em.persist(year).flush();
  const period = await createPeriod(em, year, { startsOn: day(-60), endsOn: day(30) });
  periodId = period.id;
  const teacherPerson = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    login: teacher.login,
    password: PASSWORD,
    lastName: 'Смирнова',
    firstName: 'Анна',
  });
  teacher.token = await sessionFor(em, teacherPerson);
  const classTeacherPerson = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    login: classTeacher.login,
    password: PASSWORD,
    lastName: 'Кузнецова',
    firstName: 'Ольга',
  });
  await createPerson(em, {
    school,
    roles: [Role.DIRECTOR],
    login: director.login,
    password: PASSWORD,
    lastName: 'Орлова',
    firstName: 'Мария',
  });
  const schoolClass = await createClass(em, {
    school,
    year,
    gradeLevel: 5,
    letter: 'А',
    classTeacher: classTeacherPerson,
  });
  const subject = await createSubject(em, school, 'Математика');
  const assignment = await createAssignment(em, {
    teacher: teacherPerson,
    subject,
    schoolClass,
  });
  assignmentId = assignment.id;
  const answer = await createWorkType(em, school, { name: 'Ответ на уроке' });
  const test = await createWorkType(em, school, {
    name: 'Контрольная работа',
    weight: 2,
    isWritten: true,
  });

  for (const [index, [lastName, firstName]] of STUDENTS.entries()) {
    const person = await createPerson(em, {
      school,
      roles: [Role.STUDENT],
      lastName,
      firstName,
      ...(index === 0 ? { login: student.login, password: PASSWORD } : {}),
    });
    // The last one joined the class late: the grid marks the day.
    await enrol(em, person, schoolClass, index === STUDENTS.length - 1 ? day(-10) : day(-120));
    studentIds.push(person.id);
  }
  for (let i = 0; i < LESSON_COUNT; i += 1) {
    const lesson = await createLesson(em, assignment, {
      date: day(-3 * (LESSON_COUNT - i)),
      workType: i % 5 === 4 ? test : answer,
      topic: `Тема урока ${i + 1}`,
    });
    lessonIds.push(lesson.id);
  }
  // Earlier marks, so that the averages and colours show (not in the cells the tests type in).
  for (const [i, lessonId] of lessonIds.entries()) {
    if (i < 3) {
      continue;
    }
    const add = studentIds
      .slice(0, STUDENTS.length - 1)
      .filter((_, s) => (s + i) % 3 === 0)
      .map((studentId, s) => ({ studentId, value: String(((s + i) % 4) + 2) }));
    if (add.length > 0) {
      const r = await gql(
        api.url,
        'mutation ($input: SetMarksInput!) { setMarks(input: $input) { replayed } }',
        { input: { lessonId, add } },
        { token: teacher.token },
      );
      expect(r.errors).toBeUndefined();
    }
  }

  const plan = await gql(
    api.url,
    'mutation ($input: SetPlannedTopicsInput!) { setPlannedTopics(input: $input) { id } }',
    {
      input: {
        assignmentId,
        topics: [{ title: 'Десятичные дроби' }, { title: 'Сложение десятичных дробей' }],
      },
    },
    { token: teacher.token },
  );
  expect(plan.errors).toBeUndefined();

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

const gridUrl = () => `${web.url}/journal/${assignmentId}?period=${periodId}`;
const cell = (page: Page, row: number, col: number) =>
  page.locator(`[data-testid=journal-grid] td[data-r="${row}"][data-c="${col}"]`);
const cellText = async (page: Page, row: number, col: number) =>
  (await cell(page, row, col).innerText()).trim();

/**
 * A key of the Russian layout, as a real keyboard sends it (keydown with key «н»): Playwright's
 * keyboard knows only the US layout.
 */
async function pressRussian(page: Page, character: string) {
  const cdp = await page.context().newCDPSession(page);
  for (const type of ['keyDown', 'keyUp'] as const) {
    await cdp.send('Input.dispatchKeyEvent', {
      type,
      key: character,
      text: type === 'keyDown' ? character : undefined,
      unmodifiedText: character,
      code: 'KeyY',
      windowsVirtualKeyCode: 89,
    });
  }
  await cdp.detach();
}

/** The page as the API reports it to the teacher: what was really saved. */
async function savedPage() {
  const r = await gql<{
    journalPage: {
      marks: { studentId: string; lessonId: string; value: string }[];
      attendance: { studentId: string; lessonId: string; status: string }[];
    };
  }>(
    api.url,
    `query ($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) {
      marks { studentId lessonId value } attendance { studentId lessonId status } } }`,
    { a: assignmentId, p: periodId },
    { token: teacher.token },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.journalPage;
}

describe('the journal grid', () => {
  it('a teacher opens the grid from their journals, moves with the arrow keys, types a mark and «н», and they are saved', async () => {
    const { context, page } = await signedIn(teacher.login);
    try {
      await page.goto(`${web.url}/journal`);
      expect((await page.locator('h1').innerText()).trim()).toBe('Мои журналы');
      expect((await page.locator('.class-group h3').innerText()).trim()).toBe('5А');
      await screenshots(page, 'journal-list');
      await page.getByRole('link', { name: 'Математика' }).click();
      await page.waitForURL(gridUrl());

      expect((await page.getByTestId('journal-title').innerText()).trim()).toBe('5А · Математика');
      const headers = page.getByTestId('lesson-header');
      expect(await headers.count()).toBe(LESSON_COUNT);
      expect((await headers.first().innerText()).split('\n')[0]).toBe(
        shortDate(day(-3 * LESSON_COUNT)),
      );
      expect(await headers.first().getAttribute('title')).toContain('Тема урока 1');
      expect(await page.getByTestId('student-name').count()).toBe(STUDENTS.length);
      // The newcomer's row says from when, and the days before are not theirs.
      const newcomer = page.getByTestId('student-name').last();
      expect(await newcomer.innerText()).toContain(`с ${shortDate(day(-10))}`);
      expect(await cell(page, STUDENTS.length - 1, 0).getAttribute('aria-disabled')).toBe('true');

      // Into the grid, then right twice and down once: row 1, column 2.
      await cell(page, 0, 0).click();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      expect(await cell(page, 1, 2).evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await cell(page, 1, 2).getAttribute('tabindex')).toBe('0');
      expect(await cell(page, 0, 0).getAttribute('tabindex')).toBe('-1');

      await page.keyboard.press('5');
      await page.keyboard.press('Enter');
      await expect.poll(() => cellText(page, 1, 2)).toBe('5');
      await expect.poll(() => page.getByTestId('grid-status').innerText()).toBe('Сохранено');
      // Enter went down to the next student, as in a spreadsheet.
      expect(await cell(page, 2, 2).evaluate((el) => el === document.activeElement)).toBe(true);
      await pressRussian(page, 'н');
      await page.keyboard.press('Enter');
      await expect.poll(() => cellText(page, 2, 2)).toBe('н');
      await expect.poll(() => page.getByTestId('grid-status').innerText()).toBe('Сохранено');

      const saved = await savedPage();
      expect(saved.marks).toContainEqual({
        studentId: studentIds[1],
        lessonId: lessonIds[2],
        value: '5',
      });
      expect(saved.attendance).toContainEqual({
        studentId: studentIds[2],
        lessonId: lessonIds[2],
        status: 'ABSENT',
      });

      await page.reload();
      expect(await cellText(page, 1, 2)).toBe('5');
      expect(await cellText(page, 2, 2)).toBe('н');

      await page.screenshot({ path: resolve(screenshotDir, 'journal-grid-1366x768.png') });
      await screenshots(page, 'journal-grid');
    } finally {
      await context.close();
    }
  });

  it('a mark off the school scale (7 on five points) is refused inline and nothing is saved', async () => {
    const { context, page } = await signedIn(teacher.login);
    try {
      await page.goto(gridUrl());
      await cell(page, 3, 1).click();
      await page.keyboard.press('7');
      await page.keyboard.press('Enter');

      const status = page.getByTestId('grid-status');
      await expect.poll(() => status.getAttribute('role')).toBe('alert');
      expect((await status.innerText()).trim()).toBe('Оценки «7» нет в шкале школы.');
      expect(await cellText(page, 3, 1)).toBe('');
      expect(await cell(page, 3, 1).getAttribute('aria-invalid')).toBe('true');
      const saved = await savedPage();
      expect(
        saved.marks.filter((m) => m.studentId === studentIds[3] && m.lessonId === lessonIds[1]),
      ).toEqual([]);
      await screenshots(page, 'journal-grid-refused');
    } finally {
      await context.close();
    }
  });

  it('changing a mark asks for a reason, then saves the new value', async () => {
    const { context, page } = await signedIn(teacher.login);
    try {
      await page.goto(gridUrl());
      await cell(page, 1, 2).click();
      // Enter on a cell opens it with what it holds; Esc leaves it as it was.
      await page.keyboard.press('Enter');
      expect(await cell(page, 1, 2).locator('input').inputValue()).toBe('5');
      await page.keyboard.press('Escape');
      expect(await cellText(page, 1, 2)).toBe('5');
      await page.keyboard.press('4');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect((await dialog.locator('h2').innerText()).trim()).toBe('Почему меняется отметка?');
      await dialog.getByLabel('Причина (сохранится в истории изменений)').fill('Пересдача');
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => cellText(page, 1, 2)).toBe('4');
      await expect.poll(() => page.getByTestId('grid-status').innerText()).toBe('Сохранено');
      const saved = await savedPage();
      expect(
        saved.marks.filter((m) => m.studentId === studentIds[1] && m.lessonId === lessonIds[2]),
      ).toEqual([{ studentId: studentIds[1], lessonId: lessonIds[2], value: '4' }]);
    } finally {
      await context.close();
    }
  });

  it('R-JRN-5: a period mark is typed in the column after the last lesson; too few current marks shows a warning beside it; «осв» and a change with a reason', async () => {
    const { context, page } = await signedIn(teacher.login);
    const periodCell = (row: number) => cell(page, row, LESSON_COUNT);
    const newcomer = STUDENTS.length - 1;
    try {
      await page.goto(gridUrl());
      // The arrow keys reach the period-mark column from the last lesson.
      await cell(page, newcomer, LESSON_COUNT - 1).click();
      await page.keyboard.press('ArrowRight');
      expect(await periodCell(newcomer).evaluate((el) => el === document.activeElement)).toBe(true);
      // The newcomer has no current marks (the school asks for 3): set, with a warning.
      await page.keyboard.press('4');
      await page.keyboard.press('Enter');
      const warning = periodCell(newcomer).getByTestId('period-mark-warning');
      await warning.waitFor();
      expect((await warning.innerText()).trim()).toBe('⚠ 0/3');
      expect(await warning.getAttribute('aria-label')).toBe(
        'Отметка за период выставлена при 0 текущих отметках, а нужно не меньше 3.',
      );
      const status = page.getByTestId('grid-status');
      expect((await status.innerText()).trim()).toBe(
        'Отметка за период выставлена при 0 текущих отметках, а нужно не меньше 3.',
      );
      expect((await periodCell(newcomer).getByTestId('period-mark-value').innerText()).trim()).toBe(
        '4',
      );

      // The first student has enough marks: «осв» (exempt), no warning.
      await periodCell(0).click();
      for (const key of 'осв') {
        await pressRussian(page, key);
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => cellText(page, 0, LESSON_COUNT)).toBe('осв.');
      await expect.poll(() => status.innerText()).toBe('Сохранено');
      expect(await periodCell(0).getByTestId('period-mark-warning').count()).toBe(0);

      // Changing a period mark asks for a reason.
      await periodCell(0).click();
      await page.keyboard.press('5');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect((await dialog.locator('h2').innerText()).trim()).toBe(
        'Почему меняется итоговая отметка?',
      );
      await dialog.getByLabel('Причина (сохранится в истории изменений)').fill('Аттестован');
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => cellText(page, 0, LESSON_COUNT)).toBe('5');
      await expect.poll(() => status.innerText()).toBe('Сохранено');
      await screenshots(page, 'journal-period-marks');

      const r = await gql<{
        journalPage: {
          students: {
            student: { id: string };
            periodMark: { value: string | null; special: string | null } | null;
          }[];
        };
      }>(
        api.url,
        `query ($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) {
          students { student { id } periodMark { value special } } } }`,
        { a: assignmentId, p: periodId },
        { token: teacher.token },
      );
      expect(r.errors).toBeUndefined();
      const markOf = (id: string) =>
        r.data!.journalPage.students.find((s) => s.student.id === id)?.periodMark;
      expect(markOf(studentIds[0]!)).toEqual({ value: '5', special: null });
      expect(markOf(studentIds[newcomer]!)).toEqual({ value: '4', special: null });

      // After a reload the warning still stands beside the newcomer's mark.
      await page.reload();
      expect(
        (await periodCell(newcomer).getByTestId('period-mark-warning').innerText()).trim(),
      ).toBe('⚠ 0/3');
    } finally {
      await context.close();
    }
  });

  it('«оп» typed in a lesson cell records the student as late', async () => {
    const { context, page } = await signedIn(teacher.login);
    try {
      await page.goto(gridUrl());
      await cell(page, 6, 0).click();
      await pressRussian(page, 'о');
      await pressRussian(page, 'п');
      await page.keyboard.press('Enter');
      await expect.poll(() => cellText(page, 6, 0)).toBe('оп');
      await expect.poll(() => page.getByTestId('grid-status').innerText()).toBe('Сохранено');
      expect(await cell(page, 6, 0).locator('[title]').getAttribute('title')).toBe('опоздал(а)');
      const saved = await savedPage();
      expect(saved.attendance).toContainEqual({
        studentId: studentIds[6],
        lessonId: lessonIds[0],
        status: 'LATE',
      });
    } finally {
      await context.close();
    }
  });

  it('R-JRN-7: the same page open in a second session shows a mark and an absence as they are typed, without a reload', async () => {
    const first = await signedIn(teacher.login);
    const second = await signedIn(teacher.login);
    try {
      await gotoLive(api, first.page, gridUrl());
      await gotoLive(api, second.page, gridUrl());
      expect(await cellText(second.page, 4, 1)).toBe('');

      await cell(first.page, 4, 1).click();
      await first.page.keyboard.press('3');
      await first.page.keyboard.press('Enter');
      await expect.poll(() => cellText(second.page, 4, 1)).toBe('3');
      await cell(first.page, 5, 0).click();
      await pressRussian(first.page, 'н');
      await first.page.keyboard.press('Enter');
      await expect.poll(() => cellText(second.page, 5, 0)).toBe('н');

      // The second session edits the mark it was shown: its version is current, so no CONFLICT.
      await cell(second.page, 4, 1).click();
      await second.page.keyboard.press('Delete');
      const dialog = second.page.getByRole('dialog');
      await dialog.waitFor();
      expect((await dialog.locator('h2').innerText()).trim()).toBe('Почему удаляется отметка?');
      await dialog.getByLabel('Причина (сохранится в истории изменений)').fill('Ошибка');
      await dialog.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => cellText(second.page, 4, 1)).toBe('');
      await expect.poll(() => cellText(first.page, 4, 1)).toBe('');
      const saved = await savedPage();
      expect(
        saved.marks.filter((m) => m.studentId === studentIds[4] && m.lessonId === lessonIds[1]),
      ).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('a teacher records a lesson with a topic from the plan, work type and homework, then cancels it with a reason', async () => {
    const { context, page } = await signedIn(teacher.login);
    try {
      await page.goto(gridUrl());
      await page.getByTestId('new-lesson').click();
      await page.getByLabel('Дата').fill(day(0));
      await page.getByLabel('Номер урока').fill('3');
      await page.getByLabel('Тема из КТП').selectOption({ label: '1. Десятичные дроби' });
      await page.getByLabel('Вид работы').selectOption({ label: 'Контрольная работа (×2)' });
      await page.getByLabel('Домашнее задание').fill('№ 512, 514');
      await screenshots(page, 'journal-lesson-new');
      await page.getByRole('button', { name: 'Создать урок' }).click();
      await page.waitForURL(gridUrl());
      const last = page.getByTestId('lesson-header').last();
      expect((await last.innerText()).split('\n')).toEqual([shortDate(day(0)), 'КР']);
      expect(await last.getAttribute('title')).toContain('Десятичные дроби');

      await last.getByRole('link').click();
      await page.waitForURL(/\/lesson\//);
      expect((await page.locator('h1').innerText()).trim()).toBe(
        `Урок ${day(0).split('-').reverse().join('.')}`,
      );
      expect(await page.getByLabel('Домашнее задание').inputValue()).toBe('№ 512, 514');
      await page.getByLabel('Причина отмены').fill('Карантин');
      await page.getByRole('button', { name: 'Отменить урок' }).click();
      await page.waitForURL(gridUrl());
      expect(await page.getByTestId('lesson-header').last().getAttribute('title')).toContain(
        'отменён',
      );
    } finally {
      await context.close();
    }
  });
});

describe('who may open the grid', () => {
  it('the class teacher reads the page but cannot change it', async () => {
    const { context, page } = await signedIn(classTeacher.login);
    try {
      await page.goto(gridUrl());
      expect((await page.getByTestId('read-only').innerText()).trim()).toBe(
        'Вы просматриваете эту страницу: изменять отметки может только её учитель.',
      );
      expect(await page.getByTestId('journal-grid').getAttribute('aria-readonly')).toBe('true');
      expect(await cellText(page, 1, 2)).toBe('4');
      await cell(page, 0, 1).click();
      await page.keyboard.press('5');
      await page.keyboard.press('Enter');
      expect(await page.locator('[data-testid=journal-grid] input').count()).toBe(0);
      expect(await cellText(page, 0, 1)).toBe('');
      expect(await page.getByTestId('new-lesson').count()).toBe(0);
      await screenshots(page, 'journal-grid-read-only');
    } finally {
      await context.close();
    }
  });

  it("the director lists the school's pages of the current year and opens one read-only", async () => {
    const { context, page } = await signedIn(director.login);
    try {
      await page.goto(`${web.url}/journal`);
      expect((await page.locator('h1').innerText()).trim()).toMatch(/^Журналы школы/);
      const link = page.getByTestId('journal-page-link');
      expect(await link.count()).toBe(1);
      expect(await link.innerText()).toContain('Смирнова А.');
      await screenshots(page, 'journal-school-list');
      await link.click();
      await page.waitForURL(gridUrl());
      expect(await page.getByTestId('read-only').count()).toBe(1);
      expect(await page.getByTestId('journal-grid').getAttribute('aria-readonly')).toBe('true');
    } finally {
      await context.close();
    }
  });

  it('a student who types the page address is refused: the API answers NOT_FOUND or FORBIDDEN and the page shows an error, not the grid', async () => {
    const { context, page } = await signedIn(student.login);
    try {
      const response = await page.goto(gridUrl());
      expect([403, 404]).toContain(response?.status());
      expect(await page.getByTestId('journal-grid').count()).toBe(0);
      expect(['403', '404']).toContain((await page.locator('h1').innerText()).trim());

      const noPeriod = await page.goto(`${web.url}/journal/${assignmentId}`);
      expect([403, 404]).toContain(noPeriod?.status());

      const cookie = (await context.cookies()).find((c) => c.name === 'classbook_session');
      const r = await gql(
        api.url,
        'query ($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) { access } }',
        { a: assignmentId, p: periodId },
        { token: cookie!.value },
      );
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(r.errors?.[0]?.extensions?.code);
      await screenshots(page, 'journal-student-refused');
    } finally {
      await context.close();
    }
  });
});
