import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createPerson,
  createSchool,
  createYear,
} from '../../../test/factories/index.js';
import { createAssignment, createSubject, sessionFor } from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import { Role } from '../people/role-assignment.entity.js';
import { PlannedTopic } from './planned-topic.entity.js';
import type { TeachingAssignment } from './teaching-assignment.entity.js';

const IMPORT = `mutation($input: ImportPlannedTopicsInput!) { importPlannedTopics(input: $input) {
  dryRun written problems { row column code message } rows { position title plannedHours }
  topics { position title plannedHours } } }`;

interface Payload {
  dryRun: boolean;
  written: boolean;
  problems: { row: number; column: string | null; code: string; message: string }[];
  rows: { position: number; title: string; plannedHours: number }[];
  topics: { position: number; title: string; plannedHours: number }[];
}

let app: TestApp;
let em: EntityManager;
let page: TeachingAssignment;
const token: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const colleague = await createPerson(em, { school, roles: [Role.TEACHER] });
  const schoolClass = await createClass(em, { school, year, classTeacher: colleague });
  page = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school),
    schoolClass,
  });
  token.teacher = await sessionFor(em, teacher);
  token.colleague = await sessionFor(em, colleague);
  token.student = await sessionFor(em, await createPerson(em, { school, roles: [Role.STUDENT] }));
});

afterAll(async () => {
  await app?.close();
});

const run = (file: Buffer | string, format: 'CSV' | 'XLSX', dryRun: boolean, as = 'teacher') =>
  gql<{ importPlannedTopics: Payload }>(
    app.url,
    IMPORT,
    {
      input: {
        assignmentId: page.id,
        fileBase64: Buffer.from(file).toString('base64'),
        format,
        dryRun,
      },
    },
    { token: token[as] },
  );

const stored = async () =>
  (
    await em.fork().find(PlannedTopic, { assignment: page.id }, { orderBy: { position: 'asc' } })
  ).map((t) => [t.position, t.title, t.plannedHours]);

// As Excel saves it in a Russian locale: a BOM, semicolons, a title row above the header, an
// extra date column and a blank line.
const GOOD_CSV =
  '\uFEFFКТП по математике, 5 класс;;;\n' +
  '№;Тема урока;Кол-во часов;Дата\n' +
  '1;Натуральные числа;2;01.09\n' +
  '\n' +
  '2;"Сложение; вычитание";3;05.09\n' +
  '3;Умножение;;10.09\n';

describe('importing the calendar-thematic plan (issue 4, R-JRN-1)', () => {
  it('R-JRN-1: a dry run of a good CSV shows the lines and writes nothing', async () => {
    const r = await run(GOOD_CSV, 'CSV', true);
    expect(r.errors).toBeUndefined();
    expect(r.data?.importPlannedTopics).toMatchObject({
      dryRun: true,
      written: false,
      problems: [],
      topics: [],
      rows: [
        { position: 1, title: 'Натуральные числа', plannedHours: 2 },
        { position: 2, title: 'Сложение; вычитание', plannedHours: 3 },
        { position: 3, title: 'Умножение', plannedHours: 1 },
      ],
    });
    expect(await stored()).toEqual([]);
  });

  it('R-JRN-1: a real run of the CSV writes the whole plan, audited', async () => {
    const r = await run(GOOD_CSV, 'CSV', false);
    expect(r.errors).toBeUndefined();
    expect(r.data?.importPlannedTopics).toMatchObject({ dryRun: false, written: true });
    expect(await stored()).toEqual([
      [1, 'Натуральные числа', 2],
      [2, 'Сложение; вычитание', 3],
      [3, 'Умножение', 1],
    ]);
    expect(
      await em.fork().count(AuditEvent, { entityType: 'PlannedTopic', action: 'create' }),
    ).toBe(3);
  });

  it('R-JRN-1: an XLSX built by Excel replaces the plan, ordered by its № column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('КТП');
    sheet.addRow(['№', 'Тема', 'Часы']);
    sheet.addRow([2, 'Дроби', 4]);
    sheet.addRow([1, { richText: [{ text: 'Десятичные ' }, { text: 'дроби' }] }, 2]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const r = await run(file, 'XLSX', false);
    expect(r.errors).toBeUndefined();
    expect(await stored()).toEqual([
      [1, 'Десятичные дроби', 2],
      [2, 'Дроби', 4],
    ]);
    // Two lines rewritten in place, the third removed: each change audited.
    const actions = await em.fork().find(AuditEvent, { entityType: 'PlannedTopic' });
    expect(actions.filter((a) => a.action === 'update')).toHaveLength(2);
    expect(actions.filter((a) => a.action === 'delete')).toHaveLength(1);
  });

  it('R-JRN-1: a dry run lists every broken row with its column; a real run writes nothing', async () => {
    const broken =
      'Номер,Тема,Часы\n' +
      '1,Площадь,2\n' +
      '2,,1\n' + // row 3: no topic
      '3,Объём,ноль\n' + // row 4: hours not a number
      '3,Куб,0\n' + // row 5: number used above; hours out of range
      'x,Шар,1\n'; // row 6: number not a number
    const dry = await run(broken, 'CSV', true);
    expect(dry.errors).toBeUndefined();
    const problems = dry.data!.importPlannedTopics.problems;
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'Тема', 'import.titleRequired'],
      [4, 'Часы', 'import.hours'],
      [5, 'Часы', 'import.hours'],
      [5, 'Номер', 'import.positionDuplicate'],
      [6, 'Номер', 'import.position'],
    ]);
    expect(problems[0]!.message).toBe('Не указана тема.');
    const real = await run(broken, 'CSV', false);
    expect(codes(real)).toEqual(['BAD_USER_INPUT']);
    expect(real.errors?.[0]?.extensions?.field).toBe('fileBase64');
    expect((real.errors?.[0]?.extensions?.problems as unknown[]).length).toBe(5);
    expect(await stored()).toEqual([
      [1, 'Десятичные дроби', 2],
      [2, 'Дроби', 4],
    ]);
  });

  it.each([
    ['a file with no topic column', 'a;b\n1;2\n', 'CSV'],
    ['a header with no rows', 'Тема;Часы\n', 'CSV'],
  ] as const)('R-JRN-1: reports %s', async (_n, file, format) => {
    const r = await run(file, format, true);
    expect(r.data?.importPlannedTopics.problems).toHaveLength(1);
    expect(r.data?.importPlannedTopics.problems[0]?.column).toBeNull();
  });

  it('R-JRN-1: refuses a file that is not an XLSX at all', async () => {
    const r = await run('not a workbook', 'XLSX', true);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('fileBase64');
  });

  it('R-ROLE-4: only the page’s teacher (or the administration) imports its plan', async () => {
    expect(codes(await run(GOOD_CSV, 'CSV', false, 'colleague'))).toEqual(['FORBIDDEN']);
    expect(codes(await run(GOOD_CSV, 'CSV', false, 'student'))).toEqual(['FORBIDDEN']);
    expect(await stored()).toHaveLength(2);
  });
});
