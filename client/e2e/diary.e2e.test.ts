import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbsenceReason,
  Attendance,
  AttendanceStatus,
} from '../../server/src/modules/journal/attendance.entity.js';
import { todayIn } from '../../server/src/modules/journal/audience.js';
import { Homework } from '../../server/src/modules/journal/homework.entity.js';
import type { Lesson } from '../../server/src/modules/journal/lesson.entity.js';
import { Mark } from '../../server/src/modules/journal/mark.entity.js';
import { PeriodMark } from '../../server/src/modules/journal/period-mark.entity.js';
import {
  Announcement,
  AnnouncementAudience,
} from '../../server/src/modules/messages/announcement.entity.js';
import {
  Guardianship,
  GuardianshipKind,
} from '../../server/src/modules/people/guardianship.entity.js';
import type { Person } from '../../server/src/modules/people/person.entity.js';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import type { School } from '../../server/src/modules/school/school.entity.js';
import { BellTime } from '../../server/src/modules/timetable/bell-time.entity.js';
import {
  TimetableChange,
  TimetableChangeKind,
} from '../../server/src/modules/timetable/timetable-change.entity.js';
import { TimetableSlot } from '../../server/src/modules/timetable/timetable-slot.entity.js';
import { AcademicYear } from '../../server/src/modules/year/academic-year.entity.js';
import {
  PeriodKind,
  ReportingPeriod,
} from '../../server/src/modules/year/reporting-period.entity.js';
import type { Subject } from '../../server/src/modules/year/subject.entity.js';
import type { TeachingAssignment } from '../../server/src/modules/year/teaching-assignment.entity.js';
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
  createWorkType,
  enrol,
  sessionFor,
} from '../../server/test/factories/journal.js';
import { gql, startTestApp, type TestApp } from '../../server/test/harness.js';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  screenshots,
  startClientApp,
  type ClientApp,
} from './client-app.js';
import { gotoLive } from './live-wait.js';

// The student's and parent's diary through a real browser (issue 6; R-DRY-1, R-DRY-2, R-JRN-7):
// a parent of two children reads each child's week and marks, is refused another family's diary,
// and sees a new mark arrive without reloading. Dates are relative to today in the school's time
// zone, so the data is always inside the school year and "this week" is the real one.

const SESSION_COOKIE = 'classbook_session';

// The client package does not depend on MikroORM itself; the harness's type says what a fork is.
type EntityManager = ReturnType<TestApp['orm']['em']['fork']>;

let api: TestApp;
let web: ClientApp;
let browser: Browser;

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const mondayOf = (date: string) => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return addDays(date, 1 - weekday);
};

// Filled in beforeAll.
let today: string;
/** Monday of last week: the week with the interesting data. */
let lastMonday: string;
const tokens: { parent: string; teacher: string; student: string } = {
  parent: '',
  teacher: '',
  student: '',
};
const ids: { masha: string; kostya: string; stranger: string; todaysLesson: string } = {
  masha: '',
  kostya: '',
  stranger: '',
  todaysLesson: '',
};

async function createBells(em: EntityManager, school: School) {
  const times: [string, string][] = [
    ['08:30', '09:15'],
    ['09:25', '10:10'],
    ['10:30', '11:15'],
  ];
  times.forEach(([startsAt, endsAt], i) =>
    em.persist(em.create(BellTime, { school, lessonNumber: i + 1, startsAt, endsAt })),
  );
  await em.flush();
}

/** The page's lesson at `lessonNumber` on every weekday, from the start of the year. */
async function weeklySlots(
  em: EntityManager,
  assignment: TeachingAssignment,
  lessonNumber: number,
  room: string,
) {
  const slots = [1, 2, 3, 4, 5].map((weekday) =>
    em.create(TimetableSlot, {
      school: assignment.school,
      year: assignment.year,
      assignment,
      weekday,
      lessonNumber,
      room,
      validFrom: assignment.year.startsOn,
    }),
  );
  await em.persist(slots).flush();
  return slots;
}

function addMark(em: EntityManager, lesson: Lesson, student: Person, value: number, weight = 1) {
  em.persist(
    em.create(Mark, {
      school: lesson.school,
      lesson,
      student,
      value: String(value),
      numericValue: value,
      weight,
      enteredBy: lesson.conductingTeacher,
    }),
  );
}

function addPeriodMark(
  em: EntityManager,
  student: Person,
  subject: Subject,
  period: ReportingPeriod,
  value: number,
  enteredBy: Person,
) {
  em.persist(
    em.create(PeriodMark, {
      school: period.school,
      student,
      subject,
      period,
      value: String(value),
      numericValue: value,
      enteredBy,
    }),
  );
}

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Лицей № 3' });
  today = todayIn(school.timeZone);
  lastMonday = addDays(mondayOf(today), -7);
  const day = (n: number) => addDays(lastMonday, n);

  const year = em.create(AcademicYear, {
    school,
    name: 'E2E',
    startsOn: addDays(lastMonday, -120),
    endsOn: addDays(today, 120),
  });
  await em.persist(year).flush();
  const quarter = await createPeriod(em, year, {
    number: 2,
    startsOn: addDays(lastMonday, -35),
    endsOn: addDays(today, 30),
  });
  const yearPeriod = em.create(ReportingPeriod, {
    school,
    year,
    kind: PeriodKind.YEAR,
    number: 1,
    name: 'Год',
    startsOn: year.startsOn,
    endsOn: year.endsOn,
    gradeLevels: [3, 5],
  });
  await em.persist(yearPeriod).flush();
  await createBells(em, school);

  const teacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Смирнова',
    firstName: 'Анна',
  });
  const substitute = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Кузнецова',
    firstName: 'Ольга',
  });
  const class5a = await createClass(em, {
    school,
    year,
    gradeLevel: 5,
    letter: 'А',
    classTeacher: teacher,
  });
  const class3b = await createClass(em, { school, year, gradeLevel: 3, letter: 'Б' });

  const parent = await createPerson(em, {
    school,
    roles: [Role.PARENT],
    lastName: 'Соколова',
    firstName: 'Ирина',
  });
  const masha = await createPerson(em, {
    school,
    roles: [Role.STUDENT],
    lastName: 'Соколова',
    firstName: 'Маша',
  });
  const kostya = await createPerson(em, {
    school,
    roles: [Role.STUDENT],
    lastName: 'Соколов',
    firstName: 'Костя',
  });
  await enrol(em, masha, class5a, year.startsOn);
  await enrol(em, kostya, class3b, year.startsOn);
  for (const child of [masha, kostya]) {
    em.persist(
      em.create(Guardianship, {
        school,
        guardian: parent,
        student: child,
        kind: GuardianshipKind.MOTHER,
      }),
    );
  }
  await em.flush();
  // Another family in Masha's class: «Петрова Маша».
  const { student: stranger } = await createFamily(em, { schoolClass: class5a });

  const maths = await createSubject(em, school, 'Математика');
  const russian = await createSubject(em, school, 'Русский язык');
  const world = await createSubject(em, school, 'Окружающий мир');
  const test = await createWorkType(em, school, { name: 'Контрольная работа', weight: 2 });
  const maths5a = await createAssignment(em, { teacher, subject: maths, schoolClass: class5a });
  const russian5a = await createAssignment(em, { teacher, subject: russian, schoolClass: class5a });
  const world3b = await createAssignment(em, { teacher, subject: world, schoolClass: class3b });
  const mathsSlots = await weeklySlots(em, maths5a, 1, '12');
  await weeklySlots(em, russian5a, 2, '14');
  await weeklySlots(em, world3b, 1, '3');

  // Masha's maths across the quarter: 4, 3, then a test marked 5 (weight 2) last Monday.
  for (const [offset, value] of [
    [-21, 4],
    [-14, 3],
  ] as const) {
    addMark(
      em,
      await createLesson(em, maths5a, { date: day(offset), lessonNumber: 1 }),
      masha,
      value,
    );
  }
  const mathsMonday = await createLesson(em, maths5a, {
    date: day(0),
    lessonNumber: 1,
    topic: 'Сложение дробей',
    workType: test,
  });
  addMark(em, mathsMonday, masha, 5, 2);
  addMark(em, mathsMonday, stranger, 2);
  em.persist(
    em.create(Homework, {
      school,
      lesson: mathsMonday,
      text: '№ 125, 126',
      dueOn: day(2),
      enteredBy: teacher,
    }),
  );
  // Russian: absent last Monday (ill), a substitute on Tuesday who gave a 4; a 5 the week before.
  const russianMonday = await createLesson(em, russian5a, {
    date: day(0),
    lessonNumber: 2,
    topic: 'Причастие',
  });
  em.persist(
    em.create(Attendance, {
      school,
      lesson: russianMonday,
      student: masha,
      status: AttendanceStatus.ABSENT,
      reason: AbsenceReason.ILLNESS,
      enteredBy: teacher,
    }),
  );
  addMark(em, await createLesson(em, russian5a, { date: day(-7), lessonNumber: 2 }), masha, 5);
  em.persist(
    em.create(TimetableChange, {
      school,
      assignment: russian5a,
      date: day(1),
      kind: TimetableChangeKind.SUBSTITUTION,
      lessonNumber: 2,
      substituteTeacher: substitute,
      publishedAt: new Date(),
      createdBy: teacher,
    }),
  );
  await em.flush();
  const russianTuesday = await createLesson(em, russian5a, {
    date: day(1),
    lessonNumber: 2,
    conductingTeacher: substitute,
    topic: 'Деепричастие',
  });
  addMark(em, russianTuesday, masha, 4);
  // Maths on Wednesday is cancelled, with a note.
  em.persist(
    em.create(TimetableChange, {
      school,
      assignment: maths5a,
      date: day(2),
      kind: TimetableChangeKind.CANCELLED,
      lessonNumber: 1,
      slot: mathsSlots[2]!,
      note: 'Учитель на курсах',
      publishedAt: new Date(),
      createdBy: teacher,
    }),
  );
  addPeriodMark(em, masha, maths, quarter, 4, teacher);
  addPeriodMark(em, masha, maths, yearPeriod, 5, teacher);

  // Kostya's world studies: a 4 and homework on Monday, late on Tuesday.
  const worldMonday = await createLesson(em, world3b, {
    date: day(0),
    lessonNumber: 1,
    topic: 'Времена года',
  });
  addMark(em, worldMonday, kostya, 4);
  em.persist(
    em.create(Homework, {
      school,
      lesson: worldMonday,
      text: 'Нарисовать осенний лес',
      enteredBy: teacher,
    }),
  );
  const worldTuesday = await createLesson(em, world3b, { date: day(1), lessonNumber: 1 });
  em.persist(
    em.create(Attendance, {
      school,
      lesson: worldTuesday,
      student: kostya,
      status: AttendanceStatus.LATE,
      minutesLate: 10,
      enteredBy: teacher,
    }),
  );

  // Announcements of last week: the parent sees theirs, not the one for students only.
  const announce = (
    schoolClass: typeof class5a,
    title: string,
    audience: AnnouncementAudience,
    on: string,
  ) =>
    em.persist(
      em.create(Announcement, {
        school,
        schoolClass,
        author: teacher,
        title,
        body: `${title}: подробности у классного руководителя.`,
        audience,
        publishedAt: new Date(`${on}T09:00:00Z`),
      }),
    );
  announce(class5a, 'Родительское собрание в четверг', AnnouncementAudience.PARENTS, day(1));
  announce(class5a, 'Дежурство по классу', AnnouncementAudience.STUDENTS, day(1));
  announce(class3b, 'Экскурсия в музей', AnnouncementAudience.BOTH, day(3));
  await em.flush();

  // Today's maths lesson, for the teacher to mark while the parent watches.
  const todaysLesson = await createLesson(em, maths5a, {
    date: today,
    lessonNumber: 1,
    topic: 'Умножение дробей',
  });

  Object.assign(ids, {
    masha: masha.id,
    kostya: kostya.id,
    stranger: stranger.id,
    todaysLesson: todaysLesson.id,
  });
  tokens.parent = await sessionFor(em, parent);
  tokens.teacher = await sessionFor(em, teacher);
  tokens.student = await sessionFor(em, masha);

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

/** A phone signed in as `token`'s person (the session cookie as the sign-in page would set it). */
async function phone(token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: PHONE,
    extraHTTPHeaders: web.browserHeaders,
  });
  context.setDefaultTimeout(10_000);
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: web.url, httpOnly: true, sameSite: 'Lax' },
  ]);
  return { context, page: await context.newPage() };
}

const parentPhone = () => phone(tokens.parent);

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).innerText()).trim();

const allText = async (page: Page, selector: string) =>
  (await page.locator(selector).allInnerTexts()).map((s) => s.trim());

describe('the diary week (R-DRY-2)', () => {
  it('a parent of two children switches between them and sees each child’s week', async () => {
    const { context, page } = await parentPhone();
    try {
      // No parameters: this week, the first child (by name: Соколов Костя).
      await page.goto(`${web.url}/diary`);
      expect(await text(page, '[data-testid=diary-title]')).toBe('Дневник: Соколов Костя');
      expect(await page.getByRole('navigation', { name: 'Чей дневник открыть' }).isVisible()).toBe(
        true,
      );
      expect(await allText(page, '[data-testid=child-link]')).toEqual(['Костя', 'Маша']);
      expect(
        await page.getByRole('link', { name: 'Костя', exact: true }).getAttribute('aria-current'),
      ).toBe('page');
      const thisWeek = await text(page, '[data-testid=week-range]');

      // Back a week, then to Masha: the week is kept.
      await page.getByRole('link', { name: 'Предыдущая неделя' }).click();
      await page.waitForURL(/week=/);
      expect(new URL(page.url()).searchParams.get('week')).toBe(lastMonday);
      expect(await text(page, '[data-testid=week-range]')).not.toBe(thisWeek);
      await page.getByRole('link', { name: 'Маша', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('student') === ids.masha);
      expect(new URL(page.url()).searchParams.get('week')).toBe(lastMonday);
      expect(await text(page, '[data-testid=diary-title]')).toBe('Дневник: Соколова Маша');

      const monday = page.locator(`[data-testid=day-${lastMonday}]`);
      const mathsMonday = monday.locator('[data-testid=lesson]').filter({ hasText: 'Математика' });
      expect(await mathsMonday.locator('.when').innerText()).toContain('08:30');
      expect(await mathsMonday.innerText()).toContain('Смирнова А.');
      expect(await mathsMonday.innerText()).toContain('каб. 12');
      expect(await mathsMonday.innerText()).toContain('Тема: Сложение дробей');
      expect((await mathsMonday.locator('[data-testid=homework]').innerText()).trim()).toMatch(
        /^Домашнее задание: № 125, 126 \(к \d+ \S+\)$/,
      );
      // Her own mark only: the classmate's 2 at the same lesson is not in her diary.
      expect(await mathsMonday.locator('[data-testid=mark]').allInnerTexts()).toEqual(['5']);
      expect(await mathsMonday.locator('[data-testid=mark] .mark').getAttribute('title')).toContain(
        'Контрольная работа',
      );
      expect(await mathsMonday.locator('[data-testid=mark-note]').innerText()).toBe(
        '5 — Контрольная работа',
      );

      const russianMonday = monday
        .locator('[data-testid=lesson]')
        .filter({ hasText: 'Русский язык' });
      expect(await russianMonday.locator('[data-testid=attendance]').innerText()).toBe(
        'Отсутствие · по болезни',
      );
      expect(await russianMonday.locator('.absence').innerText()).toBe('Н');

      const tuesday = page.locator(`[data-testid=day-${addDays(lastMonday, 1)}]`);
      const russianTuesday = tuesday
        .locator('[data-testid=lesson]')
        .filter({ hasText: 'Русский язык' });
      expect(await russianTuesday.locator('[data-testid=lesson-change]').innerText()).toBe(
        'Замена учителя',
      );
      expect(await russianTuesday.innerText()).toContain('Кузнецова О.');

      const wednesday = page.locator(`[data-testid=day-${addDays(lastMonday, 2)}]`);
      const cancelled = wednesday.locator('[data-testid=lesson]').filter({ hasText: 'Математика' });
      expect(await cancelled.locator('[data-testid=lesson-change]').innerText()).toBe(
        'Урок отменён: Учитель на курсах',
      );

      expect(await allText(page, '[data-testid=announcement] h3')).toEqual([
        'Родительское собрание в четверг',
      ]);
      await screenshots(page, 'diary-week');

      // Kostya's week: his mark, homework, lateness and his class's announcement.
      await page.getByRole('link', { name: 'Костя', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('student') === ids.kostya);
      expect(await text(page, '[data-testid=diary-title]')).toBe('Дневник: Соколов Костя');
      const world = page
        .locator(`[data-testid=day-${lastMonday}] [data-testid=lesson]`)
        .filter({ hasText: 'Окружающий мир' });
      expect(await world.locator('[data-testid=mark]').allInnerTexts()).toEqual(['4']);
      expect(await world.locator('[data-testid=homework]').innerText()).toBe(
        'Домашнее задание: Нарисовать осенний лес',
      );
      expect(
        await page
          .locator(`[data-testid=day-${addDays(lastMonday, 1)}] [data-testid=attendance]`)
          .innerText(),
      ).toBe('Опоздание, 10 мин');
      expect(await allText(page, '[data-testid=announcement] h3')).toEqual(['Экскурсия в музей']);
      expect(await page.locator('body').innerText()).not.toContain('Родительское собрание');

      // "Today" returns to this week.
      await page.getByRole('link', { name: 'Сегодня', exact: true }).click();
      await page.waitForURL((url) => !url.searchParams.has('week'));
      expect(await text(page, '[data-testid=week-range]')).toBe(thisWeek);
      expect(await page.locator(`[data-testid=day-${today}] .today-badge`).count()).toBe(
        new Date(`${today}T00:00:00Z`).getUTCDay() % 6 === 0 ? 0 : 1,
      );
    } finally {
      await context.close();
    }
  });

  it('R-ROLE-8: a parent who types another family’s student id gets a refusal, not their diary', async () => {
    const { context, page } = await parentPhone();
    try {
      for (const path of [
        `/diary?student=${ids.stranger}&week=${lastMonday}`,
        `/diary/marks?student=${ids.stranger}`,
        '/diary?student=not-an-id',
      ]) {
        const response = await page.goto(`${web.url}${path}`);
        expect(response?.status()).toBe(404);
        expect(await text(page, 'h1')).toBe('Этот дневник вам недоступен');
        const body = await page.locator('body').innerText();
        expect(body).not.toContain('Петрова');
        expect(body).not.toContain('Математика');
        expect(await page.locator('[data-testid=lesson], [data-testid=subject]').count()).toBe(0);
        // Their own children are still a tap away.
        expect(await allText(page, '[data-testid=child-link]')).toEqual(['Костя', 'Маша']);
      }
      await screenshots(page, 'diary-refused');
    } finally {
      await context.close();
    }
  });
});

describe('a student’s own diary (R-ROLE-7)', () => {
  it('a student sees only their own diary, with the announcements for students', async () => {
    const { context, page } = await phone(tokens.student);
    try {
      await page.goto(`${web.url}/diary?week=${lastMonday}`);
      expect(await text(page, '[data-testid=diary-title]')).toBe('Мой дневник');
      expect(await page.locator('[data-testid=child-link]').count()).toBe(0);
      const maths = page
        .locator(`[data-testid=day-${lastMonday}] [data-testid=lesson]`)
        .filter({ hasText: 'Математика' });
      expect(await maths.locator('[data-testid=mark]').allInnerTexts()).toEqual(['5']);
      expect(await allText(page, '[data-testid=announcement] h3')).toEqual(['Дежурство по классу']);

      // A brother's diary is not hers to read.
      const response = await page.goto(`${web.url}/diary?student=${ids.kostya}`);
      expect(response?.status()).toBe(404);
      expect(await text(page, 'h1')).toBe('Этот дневник вам недоступен');
    } finally {
      await context.close();
    }
  });
});

describe('marks by subject (R-DRY-1)', () => {
  it('shows each subject’s marks in date order, averages, period and year marks, and a chart', async () => {
    const { context, page } = await parentPhone();
    try {
      await page.goto(`${web.url}/diary/marks?student=${ids.masha}`);
      expect(await text(page, '[data-testid=diary-title]')).toBe('Дневник: Соколова Маша');
      // The quarter containing today is open by default, not the year.
      const periods = page.getByRole('navigation', { name: 'Учебный период' });
      expect(
        await periods.getByRole('link', { name: '2 четверть' }).getAttribute('aria-current'),
      ).toBe('page');

      const maths = page.locator('[data-testid=subject]').filter({ hasText: 'Математика' });
      expect(
        await maths
          .locator('[data-testid=mark]')
          .evaluateAll((items) =>
            items.map((li) => li.querySelector('.mark')?.textContent?.trim()),
          ),
      ).toEqual(['4', '3', '5']);
      expect(await maths.locator('[data-testid=average]').innerText()).toBe('4,00');
      expect(await maths.locator('[data-testid=weighted-average]').innerText()).toBe('4,25');
      expect(await maths.locator('[data-testid=period-mark]').innerText()).toBe('4');
      expect(await maths.locator('[data-testid=year-mark]').innerText()).toBe('5');

      // The chart: one dot per mark, and the same facts in words for screen readers.
      const chart = maths.locator('[data-testid=marks-chart]');
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.locator('circle').count()).toBe(3);
      const labelIds = (await chart.getAttribute('aria-labelledby'))!.split(' ');
      const label = await page.evaluate(
        (idList) => idList.map((id) => document.getElementById(id)?.textContent).join(' '),
        labelIds,
      );
      expect(label).toContain('Оценки по предмету «Математика» за 2 четверть');
      expect(label).toMatch(/4 — \d+ \S+, 3 — \d+ \S+, 5 — \d+ \S+; средний балл 4,00/);

      const russian = page.locator('[data-testid=subject]').filter({ hasText: 'Русский язык' });
      expect(await russian.locator('[data-testid=average]').innerText()).toBe('4,50');
      expect(await russian.locator('[data-testid=period-mark]').innerText()).toBe('—');

      await screenshots(page, 'diary-marks');
      await page.setViewportSize(DESKTOP);
      expect(await chart.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('the live diary (R-JRN-7)', () => {
  it('a mark the teacher sets appears in the parent’s open diary with a notice, without reload', async () => {
    const { context, page } = await parentPhone();
    try {
      await gotoLive(api, page, `${web.url}/diary?student=${ids.masha}`);
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      const todaysMaths = page
        .locator(`[data-testid=day-${today}] [data-testid=lesson]`)
        .filter({ hasText: 'Умножение дробей' });
      expect(await todaysMaths.locator('[data-testid=mark]').count()).toBe(0);

      const result = await gql<{ setMarks: { marks: { id: string }[] } }>(
        api.url,
        'mutation ($input: SetMarksInput!) { setMarks(input: $input) { marks { id } } }',
        { input: { lessonId: ids.todaysLesson, add: [{ studentId: ids.masha, value: '4' }] } },
        { token: tokens.teacher },
      );
      expect(result.errors).toBeUndefined();

      const notice = page.locator('[data-testid=live-notice]');
      await notice.waitFor();
      expect(await notice.locator('span').innerText()).toMatch(
        /^Новая оценка: 4 — Математика, \d+ \S+$/,
      );
      await todaysMaths.locator('[data-testid=mark]').waitFor();
      expect(await todaysMaths.locator('[data-testid=mark]').allInnerTexts()).toEqual(['4']);
      expect(
        await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
      ).toBe(true);
      await screenshots(page, 'diary-live');

      await notice.getByRole('button', { name: 'Скрыть' }).click();
      expect(await notice.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
