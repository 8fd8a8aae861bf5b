import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createPerson,
  createSchool,
  createYear,
} from '../../../test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  createWorkType,
  enrol,
  sessionFor,
} from '../../../test/factories/journal.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { AbsenceReason, Attendance, AttendanceStatus } from '../journal/attendance.entity.js';
import { Homework } from '../journal/homework.entity.js';
import type { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { PeriodMark, PeriodMarkSpecial } from '../journal/period-mark.entity.js';
import { Guardianship, GuardianshipKind } from '../people/guardianship.entity.js';
import { Person as PersonEntity, type Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { BellTime } from '../timetable/bell-time.entity.js';
import { TimetableSlot } from '../timetable/timetable-slot.entity.js';
import type { AcademicYear } from '../year/academic-year.entity.js';
import type { ReportingPeriod } from '../year/reporting-period.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';

// The hand-built fixture: 5А, mathematics, the first quarter of 2026/2027, three lessons in the
// week of Monday 14 September and three students:
//   Петрова Маша   14.09: 5 (answer, weight 1)   18.09: 4 (test, weight 2)   period mark 4
//   Сидоров Иван   14.09: 3 (answer)  16.09: absent           left 01.10     not attested
//   Әлиева Әйгерім 16.09: 5 (no work type)  18.09: 5 (test)                  exempt
// Петрова's weighted average: (5·1 + 4·2) / 3 = 4.33.

let app: TestApp;
let em: EntityManager;
let base: string;
let year: AcademicYear;
let q1: ReportingPeriod;
let page: TeachingAssignment;
type Who =
  | 'teacher'
  | 'admin'
  | 'deputy'
  | 'masha'
  | 'ivan'
  | 'aigerim'
  | 'mother'
  | 'father'
  | 'otherTeacher'
  | 'otherAdmin';
const people = {} as Record<Who, Person>;
const tokens = {} as Record<Who, string>;
const ids: Record<string, string> = {};
const schoolName = 'Школа № 7 имени Абая';

function addMark(
  lesson: Lesson,
  student: Person,
  value: number,
  weight: number,
  workType = lesson.workType,
) {
  const mark = em.create(Mark, {
    school: lesson.school,
    lesson,
    student,
    value: String(value),
    numericValue: value,
    workType: workType ?? null,
    weight,
    enteredBy: lesson.conductingTeacher,
  });
  em.persist(mark);
  return mark;
}

beforeAll(async () => {
  app = await startTestApp();
  base = app.url.replace(/\/graphql$/, '');
  em = app.orm.em.fork();
  const school = await createSchool(em, { name: schoolName, shortName: 'Ш7' });
  year = await createYear(em, school);
  q1 = await createPeriod(em, year);
  const answer = await createWorkType(em, school, { name: 'Ответ на уроке', weight: 1 });
  const test = await createWorkType(em, school, {
    name: 'Контрольная',
    weight: 2,
    isWritten: true,
  });
  const maths = await createSubject(em, school, 'Математика');

  const person = (lastName: string, firstName: string, roles: Role[], at = school) =>
    createPerson(em, { school: at, roles, lastName, firstName });
  people.teacher = await person('Математикова', 'Анна', [Role.TEACHER]);
  people.admin = await person('Директорова', 'Ольга', [Role.ADMINISTRATOR]);
  people.deputy = await person('Завучева', 'Нина', [Role.DEPUTY]);
  people.masha = await person('Петрова', 'Маша', [Role.STUDENT]);
  people.ivan = await person('Сидоров', 'Иван', [Role.STUDENT]);
  people.aigerim = await person('Әлиева', 'Әйгерім', [Role.STUDENT]);
  people.mother = await person('Петрова', 'Елена', [Role.PARENT]);
  people.father = await person('Сидоров', 'Олег', [Role.PARENT]);
  const schoolClass = await createClass(em, { school, year, gradeLevel: 5, letter: 'А' });
  await enrol(em, people.masha, schoolClass, '2026-09-01');
  await enrol(em, people.ivan, schoolClass, '2026-09-01', '2026-10-01');
  await enrol(em, people.aigerim, schoolClass, '2026-09-01');
  em.persist(
    em.create(Guardianship, {
      school,
      guardian: people.mother,
      student: people.masha,
      kind: GuardianshipKind.MOTHER,
    }),
  );
  em.persist(
    em.create(Guardianship, {
      school,
      guardian: people.father,
      student: people.ivan,
      kind: GuardianshipKind.FATHER,
    }),
  );
  page = await createAssignment(em, { teacher: people.teacher, subject: maths, schoolClass });

  const bells: [string, string][] = [
    ['08:30', '09:15'],
    ['09:25', '10:10'],
  ];
  bells.forEach(([startsAt, endsAt], i) =>
    em.persist(em.create(BellTime, { school, lessonNumber: i + 1, startsAt, endsAt })),
  );
  for (const [weekday, lessonNumber] of [
    [1, 1],
    [3, 2],
    [5, 1],
  ] as const) {
    em.persist(
      em.create(TimetableSlot, {
        school,
        year,
        assignment: page,
        weekday,
        lessonNumber,
        validFrom: '2026-09-01',
      }),
    );
  }
  await em.flush();

  const l1 = await createLesson(em, page, {
    date: '2026-09-14',
    lessonNumber: 1,
    workType: answer,
    topic: 'Натуральные числа',
  });
  const l2 = await createLesson(em, page, {
    date: '2026-09-16',
    lessonNumber: 2,
    workType: null,
    topic: 'Сложение дробей',
  });
  const l3 = await createLesson(em, page, {
    date: '2026-09-18',
    lessonNumber: 1,
    workType: test,
    topic: 'Контрольная работа № 1',
  });
  ids.l1 = l1.id;
  ids.l2 = l2.id;
  ids.l3 = l3.id;
  ids.answer = answer.id;
  ids.test = test.id;
  em.persist(
    em.create(Homework, { school, lesson: l1, text: '№ 12, 15', enteredBy: people.teacher }),
  );
  em.persist(
    em.create(Homework, { school, lesson: l2, text: 'Выучить правило', enteredBy: people.teacher }),
  );
  addMark(l1, people.masha, 5, 1);
  addMark(l3, people.masha, 4, 2);
  addMark(l1, people.ivan, 3, 1);
  addMark(l2, people.aigerim, 5, 1);
  addMark(l3, people.aigerim, 5, 2);
  em.persist(
    em.create(Attendance, {
      school,
      lesson: l2,
      student: people.ivan,
      status: AttendanceStatus.ABSENT,
      reason: AbsenceReason.ILLNESS,
      enteredBy: people.teacher,
    }),
  );
  const periodMark = (student: Person, mark: number | PeriodMarkSpecial) =>
    em.persist(
      em.create(PeriodMark, {
        school,
        student,
        subject: maths,
        period: q1,
        value: typeof mark === 'number' ? String(mark) : null,
        numericValue: typeof mark === 'number' ? mark : null,
        special: typeof mark === 'number' ? null : mark,
        enteredBy: people.teacher,
      }),
    );
  periodMark(people.masha, 4);
  periodMark(people.ivan, PeriodMarkSpecial.NOT_ATTESTED);
  periodMark(people.aigerim, PeriodMarkSpecial.EXEMPT);
  await em.flush();

  // Another school with its own teacher and administrator.
  const other = await createSchool(em);
  people.otherTeacher = await person('Чужая', 'Учительница', [Role.TEACHER], other);
  people.otherAdmin = await person('Чужой', 'Директор', [Role.ADMINISTRATOR], other);

  for (const [key, p] of Object.entries(people) as [Who, Person][]) {
    tokens[key] = await sessionFor(em, p);
  }
});

afterAll(async () => {
  await app?.close();
});

async function download(path: string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const body = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    body,
    json: () => JSON.parse(body.toString('utf8')) as { code: string; message: string },
  };
}

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  // Cells wrap inside their column: compare words, not line breaks.
  return text.replace(/\s+/g, ' ');
}

const journalPath = (ext: string) =>
  `/documents/journal-page.${ext}?assignmentId=${page.id}&periodId=${q1.id}`;
const diaryPath = (studentId: string) =>
  `/documents/diary-week.pdf?studentId=${studentId}&weekOf=2026-09-16`;

describe('journal page documents (R-RPT-4)', () => {
  it('R-RPT-4: prints the journal page as a PDF with Cyrillic and Kazakh names, marks, absences, period marks and topics', async () => {
    const res = await download(journalPath('pdf'), tokens.teacher);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('5А Математика 1 четверть.pdf')}`,
    );
    const text = await pdfText(res.body);
    for (const expected of [
      'Классный журнал',
      schoolName,
      'Математика',
      'Математикова Анна',
      '1 четверть (01.09.2026 – 26.10.2026)',
      'Петрова Маша',
      'Әлиева Әйгерім',
      'Сидоров Иван (выбыл(а) 01.10)',
      '14.09',
      '16.09',
      '18.09',
      'Итог',
      'н/а',
      'осв.',
      'Натуральные числа',
      'Сложение дробей',
      'Контрольная работа № 1',
      '№ 12, 15',
      'Выучить правило',
      'Напечатано',
      'стр. 1 из 2',
      'стр. 2 из 2',
    ]) {
      expect(text).toContain(expected);
    }
    // The grid row of Петрова: 5 on 14.09, nothing on 16.09, 4 on 18.09, then the period mark 4.
    expect(text).toMatch(/Петрова Маша\s+5\s+4\s+4/);
    // Сидоров: 3, then "н" for the absence on 16.09, then "not attested".
    expect(text).toMatch(/Сидоров Иван \(выбыл\(а\) 01\.10\)\s+3\s+н\s+н\/а/);
  });

  it('R-RPT-4: exports the journal page as XLSX with the grid and the lesson list', async () => {
    const res = await download(journalPath('xlsx'), tokens.teacher);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Оценки и посещаемость',
      'Что пройдено на уроке',
    ]);
    const grid = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    grid.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[1] === 'Ученик');
    expect(rows[header]).toEqual(['№', 'Ученик', '14.09', '16.09', '18.09', 'Итог', 'Ср.']);
    const body = rows.slice(header + 1);
    // In the order the journal page lists them (the database puts Ә before the Russian letters).
    expect(body.map((r) => r[1])).toEqual([
      'Әлиева Әйгерім',
      'Петрова Маша',
      'Сидоров Иван (выбыл(а) 01.10)',
    ]);
    expect(body[0]).toEqual([1, 'Әлиева Әйгерім', '', '5', '5', 'осв.', 5]);
    expect(body[1]).toEqual([2, 'Петрова Маша', '5', '', '4', '4', 4.33]);
    expect(body[2]).toEqual([3, 'Сидоров Иван (выбыл(а) 01.10)', '3', 'н', '', 'н/а', 3]);
    const lessons: unknown[][] = [];
    workbook.worksheets[1]!.eachRow((row) => lessons.push((row.values as unknown[]).slice(1)));
    expect(lessons.slice(-3)).toEqual([
      ['1', '14.09.2026', 'Натуральные числа', '№ 12, 15'],
      ['2', '16.09.2026', 'Сложение дробей', 'Выучить правило'],
      ['3', '18.09.2026', 'Контрольная работа № 1', ''],
    ]);
  });

  it('R-RPT-4: exports the journal page as CSV in UTF-8 with a byte-order mark', async () => {
    const res = await download(journalPath('csv'), tokens.teacher);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(res.body, { bom: true, relax_column_count: true });
    const header = records.findIndex((r) => r[1] === 'Ученик');
    expect(records[header]).toEqual(['№', 'Ученик', '14.09', '16.09', '18.09', 'Итог', 'Ср.']);
    expect(records[header + 3]).toEqual([
      '3',
      'Сидоров Иван (выбыл(а) 01.10)',
      '3',
      'н',
      '',
      'н/а',
      '3',
    ]);
    expect(records).toContainEqual(['3', '18.09.2026', 'Контрольная работа № 1', '']);
  });

  it('R-RPT-4: the administration of the school prints the page too', async () => {
    const res = await download(journalPath('pdf'), tokens.deputy);
    expect(res.status).toBe(200);
    expect(await pdfText(res.body)).toContain('Завучева Нина');
  });
});

describe('diary week printout (R-DRY-3)', () => {
  it("R-DRY-3: a parent prints the child's week with lessons, topics, homework, marks and times", async () => {
    const res = await download(diaryPath(people.masha.id), tokens.mother);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const text = await pdfText(res.body);
    for (const expected of [
      'Дневник за неделю',
      'Петрова Маша',
      '5А',
      '14.09.2026 – 20.09.2026',
      'Пн, 14.09.2026',
      'Ср, 16.09.2026',
      'Пт, 18.09.2026',
      '08:30–09:15',
      'Натуральные числа',
      '№ 12, 15',
      '5 (Ответ на уроке)',
      '4 (Контрольная)',
      'Петрова Елена',
    ]) {
      expect(text).toContain(expected);
    }
    // Only her own marks: Сидоров's 3 and Әлиева's 5s are not in her diary.
    expect(text).not.toContain('Сидоров');
    expect(text).not.toContain('3 (Ответ на уроке)');
  });

  it('R-DRY-3: a student prints their own week', async () => {
    const res = await download(diaryPath(people.ivan.id), tokens.ivan);
    expect(res.status).toBe(200);
    const text = await pdfText(res.body);
    expect(text).toContain('Сидоров Иван');
    expect(text).toContain('3 (Ответ на уроке)');
  });
});

describe('who may download (permissions through GraphQL)', () => {
  it('R-RPT-4: anonymous callers get 401 with the code, in the language they ask for', async () => {
    const res = await download(journalPath('pdf'), undefined, { 'accept-language': 'en' });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Please sign in.' });
    const ru = await download(diaryPath(people.masha.id));
    expect(ru.status).toBe(401);
    expect(ru.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Войдите в систему.' });
  });

  it("R-DRY-3: a parent asking for another family's child gets 404", async () => {
    const res = await download(diaryPath(people.masha.id), tokens.father);
    expect(res.status).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('R-RPT-4: a student downloading a journal page is refused (403)', async () => {
    for (const ext of ['pdf', 'xlsx', 'csv']) {
      const res = await download(journalPath(ext), tokens.masha);
      expect(res.status).toBe(403);
      expect(res.json()).toEqual({
        code: 'FORBIDDEN',
        message: 'Недостаточно прав для этого действия.',
      });
    }
  });

  it("R-RPT-4: a teacher of another school gets 404 for this school's page", async () => {
    const res = await download(journalPath('pdf'), tokens.otherTeacher);
    expect(res.status).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('R-RPT-4: bad or missing parameters get 400 with BAD_USER_INPUT and the fields at fault', async () => {
    const missing = await download('/documents/journal-page.pdf?assignmentId=x', tokens.teacher);
    expect(missing.status).toBe(400);
    expect(missing.json()).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Неверные параметры документа: assignmentId, periodId.',
      field: 'assignmentId',
    });
    const badDate = await download(
      `/documents/diary-week.pdf?studentId=${people.masha.id}&weekOf=16.09.2026`,
      tokens.mother,
    );
    expect(badDate.status).toBe(400);
    expect(badDate.json().code).toBe('BAD_USER_INPUT');
  });

  it('R-RPT-4: an unknown document or format is 404', async () => {
    for (const path of ['/documents/nothing.pdf', '/documents/journal-page.zip', '/documents/x']) {
      const res = await download(path, tokens.teacher);
      expect(res.status).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });
});

describe('OneRoster 1.2 bundle (R-RPT-4)', () => {
  const zipPath = () => `/documents/oneroster.zip?yearId=${year.id}`;
  let files: Record<string, Record<string, string>[]>;
  let manifest: string[][];

  beforeAll(async () => {
    const res = await download(zipPath(), tokens.admin);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/zip');
    const unzipped = unzipSync(new Uint8Array(res.body));
    manifest = parse(strFromU8(unzipped['manifest.csv']!));
    files = {};
    for (const [name, bytes] of Object.entries(unzipped)) {
      if (name !== 'manifest.csv') {
        files[name] = parse<Record<string, string>>(strFromU8(bytes), { columns: true });
      }
    }
  });

  it('R-RPT-4: the manifest names OneRoster 1.2 and every file as bulk or absent', () => {
    expect(manifest[0]).toEqual(['propertyName', 'value']);
    const props: Record<string, string> = Object.fromEntries(
      manifest.slice(1).map(([k, v]) => [k!, v!]),
    );
    expect(props['oneroster.version']).toBe('1.2');
    expect(props['manifest.version']).toBe('1.0');
    expect(props['file.users']).toBe('bulk');
    expect(props['file.results']).toBe('bulk');
    expect(props['file.demographics']).toBe('absent');
    expect(Object.keys(files).sort()).toEqual([
      'academicSessions.csv',
      'categories.csv',
      'classes.csv',
      'courses.csv',
      'enrollments.csv',
      'lineItems.csv',
      'orgs.csv',
      'results.csv',
      'roles.csv',
      'users.csv',
    ]);
  });

  it('R-RPT-4: rosters: the school, the year and its quarter, the course, the class, six people', () => {
    expect(files['orgs.csv']).toEqual([
      expect.objectContaining({
        name: schoolName,
        type: 'school',
        identifier: 'Ш7',
        status: 'active',
      }),
    ]);
    expect(
      files['academicSessions.csv']!.map((s) => [
        s.title,
        s.type,
        s.startDate,
        s.endDate,
        s.schoolYear,
      ]),
    ).toEqual([
      ['2026/2027', 'schoolYear', '2026-09-01', '2027-05-31', '2027'],
      ['1 четверть', 'gradingPeriod', '2026-09-01', '2026-10-26', '2027'],
    ]);
    expect(files['courses.csv']).toEqual([
      expect.objectContaining({ title: 'Математика', grades: '05', courseCode: 'Матема' }),
    ]);
    expect(files['classes.csv']).toEqual([
      expect.objectContaining({
        sourcedId: page.id,
        title: '5А · Математика',
        grades: '05',
        classType: 'scheduled',
        termSourcedIds: year.id,
      }),
    ]);
    const users = files['users.csv']!;
    expect(users.map((u) => `${u.familyName} ${u.givenName}`)).toEqual([
      'Әлиева Әйгерім',
      'Математикова Анна',
      'Петрова Елена',
      'Петрова Маша',
      'Сидоров Иван',
      'Сидоров Олег',
    ]);
    const masha = users.find((u) => u.givenName === 'Маша')!;
    expect(masha.agentSourcedIds).toBe(people.mother.id);
    expect(masha.grades).toBe('05');
    expect(files['roles.csv']!.map((r) => r.role).sort()).toEqual([
      'parent',
      'parent',
      'student',
      'student',
      'student',
      'teacher',
    ]);
    const enrolments = files['enrollments.csv']!;
    expect(enrolments).toHaveLength(4);
    expect(enrolments.find((e) => e.role === 'teacher')).toMatchObject({
      userSourcedId: people.teacher.id,
      primary: 'true',
    });
    // Сидоров left on 1 October: his last day in the class was 30 September (OneRoster: inclusive).
    expect(enrolments.find((e) => e.userSourcedId === people.ivan.id)).toMatchObject({
      role: 'student',
      beginDate: '2026-09-01',
      endDate: '2026-09-30',
    });
  });

  it('R-RPT-4: marks: line items per lesson and work type, results with weights; exempt and not attested period marks', () => {
    expect(files['categories.csv']!.map((c) => [c.title, c.weight])).toEqual([
      expect.any(Array),
      expect.any(Array),
      ['Урок', '1'],
      ['Итог', ''],
    ]);
    expect(
      files['categories.csv']!.slice(0, 2)
        .map((c) => [c.title, c.weight])
        .sort(),
    ).toEqual([
      ['Контрольная', '2'],
      ['Ответ на уроке', '1'],
    ]);
    const items = files['lineItems.csv']!;
    expect(items.map((i) => i.sourcedId).sort()).toEqual(
      [`${ids.l1}_${ids.answer}`, ids.l2, `${ids.l3}_${ids.test}`, `${page.id}_${q1.id}`].sort(),
    );
    expect(items.find((i) => i.sourcedId === ids.l2)).toMatchObject({
      description: 'Сложение дробей',
      assignDate: '2026-09-16',
      categorySourcedId: 'classbook-lesson',
      gradingPeriodSourcedId: q1.id,
      resultValueMin: '1',
      resultValueMax: '5',
    });
    const results = files['results.csv']!;
    expect(results).toHaveLength(8);
    const of = (student: Person, item: string) =>
      results.find((r) => r.studentSourcedId === student.id && r.lineItemSourcedId === item);
    expect(of(people.masha, `${ids.l3}_${ids.test}`)).toMatchObject({
      scoreStatus: 'fully graded',
      score: '4',
      scoreDate: '2026-09-18',
      'metadata.classbook.weight': '2',
    });
    const periodItem = `${page.id}_${q1.id}`;
    expect(of(people.masha, periodItem)).toMatchObject({
      scoreStatus: 'fully graded',
      score: '4',
    });
    expect(of(people.aigerim, periodItem)).toMatchObject({
      scoreStatus: 'exempt',
      score: '',
      'metadata.classbook.special': 'EXEMPT',
    });
    expect(of(people.ivan, periodItem)).toMatchObject({
      scoreStatus: 'not submitted',
      score: '',
      'metadata.classbook.special': 'NOT_ATTESTED',
    });
  });

  it('R-RPT-4: only the administration of the school downloads the bundle', async () => {
    const deputy = await download(zipPath(), tokens.deputy);
    expect(deputy.status).toBe(200);
    for (const who of ['teacher', 'masha', 'mother'] as const) {
      const res = await download(zipPath(), tokens[who]);
      expect(res.status, who).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    for (const who of ['otherAdmin', 'otherTeacher'] as const) {
      const res = await download(zipPath(), tokens[who]);
      expect(res.status, who).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const anonymous = await download(zipPath());
    expect(anonymous.status).toBe(401);
    const bad = await download('/documents/oneroster.zip?yearId=2026', tokens.admin);
    expect(bad.status).toBe(400);
    expect(bad.json().code).toBe('BAD_USER_INPUT');
  });
});

describe('the reports as documents (R-RPT-2, R-RPT-3, R-RPT-4)', () => {
  const sheetPath = (ext: string) =>
    `/documents/summary-sheet.${ext}?schoolClassId=${page.schoolClass.id}`;
  const performancePath = (ext: string) => `/documents/performance-report.${ext}?periodId=${q1.id}`;

  it('R-RPT-3: the summary sheet prints ready to certify: school, class, year, marks, signature lines and the seal', async () => {
    const res = await download(sheetPath('pdf'), tokens.deputy);
    expect(res.status).toBe(200);
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.body);
    for (const expected of [
      'Сводная ведомость учёта успеваемости',
      `Школа: ${schoolName}`,
      'Класс: 5А · Учебный год: 2026/2027',
      'Математика',
      '1 ч.',
      'Классный руководитель ________________',
      'Директор ________________',
      'подпись',
      'М.П.',
    ]) {
      expect(text).toContain(expected);
    }
    // Әлиева exempt, Петрова 4, Сидоров (left on 1 October) not attested.
    expect(text).toMatch(
      /1 Әлиева Әйгерім осв\. 2 Петрова Маша 4 3 Сидоров Иван \(выбыл\(а\) 01\.10\.2026\) н\/а/,
    );
  });

  it('R-RPT-3: the summary sheet exports as XLSX and CSV with a column per subject and period', async () => {
    const xlsx = await download(sheetPath('xlsx'), tokens.deputy);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[1] === 'Ученик');
    expect(rows[header]).toEqual(['№', 'Ученик', 'Математика: 1 ч.']);
    expect(rows.slice(header + 1)).toEqual([
      [1, 'Әлиева Әйгерім', 'осв.'],
      [2, 'Петрова Маша', '4'],
      [3, 'Сидоров Иван (выбыл(а) 01.10.2026)', 'н/а'],
    ]);
    const csv = await download(sheetPath('csv'), tokens.deputy);
    const records: string[][] = parse(csv.body, { bom: true, relax_column_count: true });
    expect(records.slice(-3)).toEqual([
      ['1', 'Әлиева Әйгерім', 'осв.'],
      ['2', 'Петрова Маша', '4'],
      ['3', 'Сидоров Иван (выбыл(а) 01.10.2026)', 'н/а'],
    ]);
  });

  it('R-RPT-3: in English the sheet prints in English', async () => {
    const res = await download(sheetPath('pdf'), tokens.deputy);
    expect(res.status).toBe(200);
    await em.fork().nativeUpdate(PersonEntity, { id: people.deputy.id }, { locale: 'en' });
    try {
      const text = await pdfText((await download(sheetPath('pdf'), tokens.deputy)).body);
      expect(text).toContain('Summary sheet of attestation');
      expect(text).toContain('Class teacher');
      expect(text).toContain('exempt');
    } finally {
      await em.fork().nativeUpdate(PersonEntity, { id: people.deputy.id }, { locale: 'ru' });
    }
  });

  it('R-RPT-2: the performance report prints the figures by class, subject and teacher and the names', async () => {
    const res = await download(performancePath('pdf'), tokens.deputy);
    expect(res.status).toBe(200);
    const text = await pdfText(res.body);
    expect(text).toContain('Успеваемость и качество знаний');
    expect(text).toContain('Период: 1 четверть');
    // Сидоров left on 1 October, before the quarter ended: not in the class's report. Attested:
    // Петрова (4) alone, Әлиева exempt: success and quality 100%, average 4, one single «4».
    expect(text).toMatch(/5А 1 1 100 100 4 0 1 0 0/);
    expect(text).toMatch(/Математикова Анна 1 1 100 100 4 0 1 0 0/);
    expect(text).toMatch(/С одной «4» \(1\) Ученик Класс Предметы Петрова Маша 5А Математика/);
    expect(text).toContain('Неуспевающие (0)');
  });

  it('R-RPT-2: the performance report exports as XLSX and CSV', async () => {
    const xlsx = await download(performancePath('xlsx'), tokens.deputy);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name).slice(0, 3)).toEqual([
      'По классам',
      'По предметам',
      'По учителям',
    ]);
    const rows: unknown[][] = [];
    workbook.worksheets[1]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.at(-1)).toEqual(['Математика', 1, 1, 100, 100, 4, 0, 1, 0, 0]);
    const csv = await download(performancePath('csv'), tokens.deputy);
    const records: string[][] = parse(csv.body, { bom: true, relax_column_count: true });
    expect(records).toContainEqual(['Петрова Маша', '5А', 'Математика']);
  });

  it('R-RPT-4: attendance and explain-this-average print with their figures', async () => {
    const attendance = await download(
      '/documents/attendance-report.pdf?from=2026-09-01&to=2026-09-30',
      tokens.deputy,
    );
    expect(attendance.status).toBe(200);
    const a = await pdfText(attendance.body);
    expect(a).toContain('Пропуски уроков');
    // One lesson missed, for illness, by Сидоров.
    expect(a).toMatch(/5А Сидоров Иван 1 1 0 0 0 0 0/);
    const explain = await download(
      `/documents/explain-average.pdf?studentId=${people.masha.id}&periodId=${q1.id}&assignmentId=${page.id}`,
      tokens.mother,
    );
    expect(explain.status).toBe(200);
    const e = await pdfText(explain.body);
    expect(e).toContain('Как получен средний балл');
    expect(e).toContain('Петрова Маша');
    // 5 (weight 1) and 4 (weight 2): plain 4.5, weighted 4.33, proposed 4, the teacher's 4.
    expect(e).toMatch(
      /Среднее арифметическое 4\.5 Средневзвешенный балл 4\.33 Предлагаемая итоговая 4 Итоговая учителя 4/,
    );
  });

  it('R-RPT-4: a parent may not download the summary sheet; another school gets 404; a teacher sees their subjects', async () => {
    const parent = await download(sheetPath('pdf'), tokens.mother);
    expect(parent.status).toBe(403);
    expect(parent.json().code).toBe('FORBIDDEN');
    for (const path of [sheetPath('pdf'), sheetPath('xlsx')]) {
      const other = await download(path, tokens.otherAdmin);
      expect(other.status).toBe(404);
      expect(other.json().code).toBe('NOT_FOUND');
    }
    const teacher = await download(sheetPath('pdf'), tokens.teacher);
    expect(teacher.status).toBe(200);
    expect(await pdfText(teacher.body)).toContain('Только ваши классы и предметы');
    const student = await download(performancePath('pdf'), tokens.masha);
    expect(student.status).toBe(403);
  });
});
