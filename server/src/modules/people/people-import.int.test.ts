import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createPerson,
  createSchool,
  createYear,
  uniqueLogin,
} from '../../../test/factories/index.js';
import { sessionFor } from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import type { School } from '../school/school.entity.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import type { SchoolClass } from '../year/school-class.entity.js';
import { Enrolment } from './enrolment.entity.js';
import { Guardianship, GuardianshipKind } from './guardianship.entity.js';
import { Person } from './person.entity.js';
import { Role, RoleAssignment } from './role-assignment.entity.js';

const IMPORT = `mutation($input: ImportPeopleInput!) { importPeople(input: $input) {
  dryRun written problems { row column code message }
  rows { row lastName firstName middleName birthDate className admittedOn roles
         child { id } person { id } }
  peopleCreated enrolmentsCreated guardianshipsCreated rolesGranted
  invitations { code role expiresAt person { id lastName } } } }`;

interface Payload {
  dryRun: boolean;
  written: boolean;
  problems: { row: number; column: string | null; code: string; message: string }[];
  rows: {
    row: number;
    lastName: string;
    firstName: string;
    middleName: string | null;
    birthDate: string | null;
    className: string | null;
    admittedOn: string | null;
    roles: Role[];
    child: { id: string } | null;
    person: { id: string } | null;
  }[];
  peopleCreated: number;
  enrolmentsCreated: number;
  guardianshipsCreated: number;
  rolesGranted: number;
  invitations: { code: string; role: Role; expiresAt: string; person: { id: string } }[];
}

let app: TestApp;
let em: EntityManager;
let school: School;
let otherSchool: School;
let class5a: SchoolClass;
let class5b: SchoolClass;
let pupil: Person;
const pupilLogin = uniqueLogin('pupil');
const token: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  school = await createSchool(em);
  otherSchool = await createSchool(em);
  const year = await createYear(em, school, '2026/2027');
  class5a = await createClass(em, { school, year, gradeLevel: 5, letter: 'А' });
  class5b = await createClass(em, { school, year, gradeLevel: 5, letter: 'Б' });
  // Already in the school: importing her again is a duplicate.
  pupil = await createPerson(em, {
    school,
    roles: [Role.STUDENT],
    lastName: 'Смирнова',
    firstName: 'Анна',
    login: pupilLogin,
  });
  pupil.middleName = 'Игоревна';
  pupil.birthDate = '2015-04-02';
  await em.flush();
  for (const role of [
    Role.RECORDS_CLERK,
    Role.ADMINISTRATOR,
    Role.DEPUTY,
    Role.DIRECTOR,
    Role.TEACHER,
    Role.STUDENT,
    Role.PARENT,
  ]) {
    token[role] = await sessionFor(em, await createPerson(em, { school, roles: [role] }));
  }
  token.otherClerk = await sessionFor(
    em,
    await createPerson(em, { school: otherSchool, roles: [Role.RECORDS_CLERK] }),
  );
});

afterAll(async () => {
  await app?.close();
});

const run = (
  kind: 'STUDENTS' | 'PARENTS' | 'STAFF',
  file: Buffer | string,
  format: 'CSV' | 'XLSX',
  dryRun: boolean,
  as: string = Role.RECORDS_CLERK,
  schoolId?: string,
) =>
  gql<{ importPeople: Payload }>(
    app.url,
    IMPORT,
    {
      input: {
        kind,
        fileBase64: Buffer.from(file).toString('base64'),
        format,
        dryRun,
        ...(schoolId ? { schoolId } : {}),
      },
    },
    { token: token[as] },
  );

/** Everything an import writes, counted: a refused import must leave all of it unchanged. */
const footprint = async () => {
  const f = em.fork();
  return {
    people: await f.count(Person, {}),
    roles: await f.count(RoleAssignment, {}),
    enrolments: await f.count(Enrolment, {}),
    guardianships: await f.count(Guardianship, {}),
    audit: await f.count(AuditEvent, { schoolId: school.id }),
  };
};

const xlsx = async (rows: (string | Date | number)[][]) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Список');
  for (const row of rows) {
    sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

// As Excel saves it in a Russian locale: a BOM, semicolons, a title line, an extra column.
const BROKEN_CSV =
  '\uFEFFСписок зачисленных;;;;;\n' +
  '№;Фамилия;Имя;Отчество;Дата рождения;Класс;Дата зачисления\n' +
  '1;Ковалёв;Илья;Сергеевич;12.03.2015;5А;01.09.2026\n' + // row 3: good
  '2;Орлова;Дарья;;31.02.2015;5А;01.09.2026\n' + // row 4: no 31 February
  '3;Зайцев;Олег;;05.05.2015;5Я;01.09.2026\n' + // row 5: no 5Я
  '4;Лебедев;;;07.07.2015;5Б;01.09.2026\n' + // row 6: no given name
  '5;Ковалев;Илья;Сергеевич;2015-03-12;5 а;01.09.2026\n' + // row 7: row 3 again (е for ё)
  '6;Смирнова;Анна;Игоревна;02.04.2015;5Б;01.09.2026\n'; // row 8: already in the school

const GOOD_STUDENTS_CSV =
  'last_name,first_name,middle_name,birth_date,class,admitted_on,email\n' +
  'Волков,Максим,Андреевич,2015-01-20,5A,2026-09-01,\n' + // Latin A: still 5А
  'Волкова,Ева,,2015-06-11,5Б,2026-10-05,eva@example.org\n';

describe('importPeople', () => {
  it('R-ROLE-3: a file with broken rows lists every problem and writes nothing', async () => {
    const before = await footprint();
    const real = await run('STUDENTS', BROKEN_CSV, 'CSV', false);
    expect(codes(real)).toEqual(['BAD_USER_INPUT']);
    expect(real.errors?.[0]?.extensions?.field).toBe('fileBase64');
    const listed = (real.errors?.[0]?.extensions?.problems ?? []) as Payload['problems'];
    const expected = [
      { row: 4, column: 'Дата рождения', code: 'peopleImport.date' },
      { row: 5, column: 'Класс', code: 'peopleImport.unknownClass' },
      { row: 6, column: 'Имя', code: 'input.required' },
      { row: 7, column: null, code: 'peopleImport.duplicateInFile' },
      { row: 8, column: null, code: 'peopleImport.exists' },
    ];
    expect(listed.map(({ row, column, code }) => ({ row, column, code }))).toEqual(expected);
    expect(await footprint()).toEqual(before);

    // The dry run answers the same problems as data, in the viewer's language.
    const dry = await run('STUDENTS', BROKEN_CSV, 'CSV', true);
    expect(dry.errors).toBeUndefined();
    const payload = dry.data!.importPeople;
    expect(payload.problems.map(({ row, column, code }) => ({ row, column, code }))).toEqual(
      expected,
    );
    expect(payload.problems[0]!.message).toMatch(/ДД\.ММ\.ГГГГ/);
    expect(payload).toMatchObject({ dryRun: true, written: false });
    expect(await footprint()).toEqual(before);
  });

  it('R-ROLE-3: a file without the needed columns is one problem, not one per row', async () => {
    const r = await run('STUDENTS', 'Фамилия;Имя\nИванов;Иван\n', 'CSV', true);
    expect(r.data?.importPeople.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [1, 'Дата рождения', 'peopleImport.missingColumn'],
      [1, 'Класс', 'peopleImport.missingColumn'],
    ]);
    const headless = await run('STUDENTS', 'a;b\n1;2\n', 'CSV', true);
    expect(headless.data?.importPeople.problems.map((p) => p.code)).toEqual([
      'peopleImport.noHeader',
    ]);
  });

  it('R-ROLE-3: a dry run of a good file shows what would be created and writes nothing', async () => {
    const before = await footprint();
    const r = await run('STUDENTS', GOOD_STUDENTS_CSV, 'CSV', true);
    expect(r.errors).toBeUndefined();
    const payload = r.data!.importPeople;
    expect(payload).toMatchObject({
      dryRun: true,
      written: false,
      problems: [],
      peopleCreated: 2,
      enrolmentsCreated: 2,
      guardianshipsCreated: 0,
      rolesGranted: 2,
      invitations: [],
    });
    expect(
      payload.rows.map((x) => [x.row, x.lastName, x.className, x.admittedOn, x.roles]),
    ).toEqual([
      [2, 'Волков', '5А', '2026-09-01', [Role.STUDENT]],
      [3, 'Волкова', '5Б', '2026-10-05', [Role.STUDENT]],
    ]);
    expect(payload.rows.every((x) => x.person === null)).toBe(true);
    expect(await footprint()).toEqual(before);
  });

  it('R-ROLE-3: a good CSV admits the students to their classes, audited', async () => {
    const before = await footprint();
    const r = await run('STUDENTS', GOOD_STUDENTS_CSV, 'CSV', false);
    expect(r.errors).toBeUndefined();
    const payload = r.data!.importPeople;
    expect(payload).toMatchObject({ dryRun: false, written: true, peopleCreated: 2 });
    const ids = payload.rows.map((x) => x.person!.id);
    const f = em.fork();
    const people = await f.find(Person, { id: { $in: ids } }, { orderBy: { firstName: 'asc' } });
    expect(
      people.map((p) => [p.lastName, p.firstName, p.middleName, p.birthDate, p.email]),
    ).toEqual([
      ['Волкова', 'Ева', null, '2015-06-11', 'eva@example.org'],
      ['Волков', 'Максим', 'Андреевич', '2015-01-20', null],
    ]);
    const roles = await f.find(RoleAssignment, { person: { $in: ids } });
    expect(roles.map((x) => [x.school.id, x.role])).toEqual([
      [school.id, Role.STUDENT],
      [school.id, Role.STUDENT],
    ]);
    const enrolments = await f.find(Enrolment, { student: { $in: ids } });
    expect(
      enrolments
        .map((e) => [e.student.id, e.schoolClass.id, e.startsOn, e.endsOn ?? null])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      [ids[0], class5a.id, '2026-09-01', null],
      [ids[1], class5b.id, '2026-10-05', null],
    ]);
    const events = await f.find(AuditEvent, { entityId: { $in: [...ids, school.id] } });
    expect(events.map((e) => e.action).sort()).toEqual([
      'importPeople',
      'importPerson',
      'importPerson',
    ]);
    const after = await footprint();
    expect(after.people - before.people).toBe(2);
    // Now they are in the school: the same file again is all duplicates.
    const again = await run('STUDENTS', GOOD_STUDENTS_CSV, 'CSV', true);
    expect(again.data?.importPeople.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'peopleImport.exists'],
      [3, 'peopleImport.exists'],
    ]);
  });

  it('R-ROLE-3: students without an admission date are admitted today', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const shift = (days: number) =>
      new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const f = app.orm.em.fork();
    const current = await createSchool(f);
    const year = f.create(AcademicYear, {
      school: current,
      name: 'current',
      startsOn: shift(-60),
      endsOn: shift(60),
    });
    await f.persist(year).flush();
    const schoolClass = await createClass(f, { school: current, year, gradeLevel: 7, letter: 'В' });
    token.currentClerk = await sessionFor(
      f,
      await createPerson(f, { school: current, roles: [Role.RECORDS_CLERK] }),
    );
    const r = await run(
      'STUDENTS',
      'Фамилия;Имя;Дата рождения;Класс\nПетров;Пётр;01.01.2013;7в\n',
      'CSV',
      false,
      'currentClerk',
    );
    expect(r.errors).toBeUndefined();
    const id = r.data!.importPeople.rows[0]!.person!.id;
    const enrolment = await em.fork().findOneOrFail(Enrolment, { student: id });
    expect([enrolment.schoolClass.id, enrolment.startsOn]).toEqual([schoolClass.id, today]);
  });

  it('R-ROLE-3: parents from an XLSX file are linked to their children by login or name and birth date', async () => {
    const file = await xlsx([
      [
        'Фамилия',
        'Имя',
        'Отчество',
        'Телефон',
        'Логин ученика',
        'Ребёнок',
        'Дата рождения ребёнка',
        'Кем приходится',
      ],
      [
        'Смирнов',
        'Игорь',
        'Павлович',
        '+7 (900) 123-45-67',
        pupilLogin.toUpperCase(),
        '',
        '',
        'отец',
      ],
      // The same mother of two: one person, two guardianships.
      [
        'Волкова',
        'Ольга',
        '',
        '',
        '',
        'Волков Максим Андреевич',
        new Date(Date.UTC(2015, 0, 20)),
        'мать',
      ],
      ['Волкова', 'Ольга', '', '', '', 'Волкова Ева', '11.06.2015', 'Мать'],
    ]);
    const before = await footprint();
    const r = await run('PARENTS', file, 'XLSX', false);
    expect(r.errors).toBeUndefined();
    const payload = r.data!.importPeople;
    expect(payload).toMatchObject({
      written: true,
      problems: [],
      peopleCreated: 2,
      guardianshipsCreated: 3,
      rolesGranted: 2,
    });
    const [father, mother, motherAgain] = payload.rows;
    expect(father!.child!.id).toBe(pupil.id);
    expect(mother!.person!.id).toBe(motherAgain!.person!.id);
    const f = em.fork();
    const links = await f.find(Guardianship, {
      guardian: { $in: [father!.person!.id, mother!.person!.id] },
    });
    expect(links.map((g) => [g.guardian.id, g.student.id, g.kind])).toEqual(
      expect.arrayContaining([
        [father!.person!.id, pupil.id, GuardianshipKind.FATHER],
        [mother!.person!.id, mother!.child!.id, GuardianshipKind.MOTHER],
        [mother!.person!.id, motherAgain!.child!.id, GuardianshipKind.MOTHER],
      ]),
    );
    expect(links).toHaveLength(3);
    const fatherRecord = await f.findOneOrFail(Person, father!.person!.id);
    expect(fatherRecord.phone).toBe('+7 (900) 123-45-67');
    const roles = await f.find(RoleAssignment, { person: mother!.person!.id });
    expect(roles.map((x) => x.role)).toEqual([Role.PARENT]);
    const after = await footprint();
    expect([after.people - before.people, after.guardianships - before.guardianships]).toEqual([
      2, 3,
    ]);
  });

  it('R-ROLE-3: a parent row naming no known student is a problem', async () => {
    const file = await xlsx([
      ['Фамилия', 'Имя', 'Ребёнок', 'Дата рождения ребёнка', 'Логин ученика', 'Кем приходится'],
      ['Иванова', 'Мария', 'Неизвестный Ученик', '01.01.2015', '', 'мать'],
      ['Иванов', 'Иван', '', '', 'nobody.here', 'папа'],
      ['Сидорова', 'Нина', '', '', '', 'тётя'],
    ]);
    const r = await run('PARENTS', file, 'XLSX', true);
    expect(r.data?.importPeople.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'peopleImport.childNotFound'],
      [3, 'peopleImport.childNotFound'],
      [4, 'peopleImport.childRequired'],
      [4, 'peopleImport.relation'],
    ]);
  });

  it('R-ROLE-1, R-AUTH-1: staff from an XLSX file get their roles and one-time codes, not passwords', async () => {
    const file = await xlsx([
      ['Фамилия', 'Имя', 'Отчество', 'Email', 'Роль'],
      ['Кузнецова', 'Мария', 'Ивановна', 'kuz@example.org', 'учитель'],
      ['Морозов', 'Павел', '', '', 'Завуч, учитель'],
    ]);
    const r = await run('STAFF', file, 'XLSX', false, Role.ADMINISTRATOR);
    expect(r.errors).toBeUndefined();
    const payload = r.data!.importPeople;
    expect(payload).toMatchObject({ written: true, peopleCreated: 2, rolesGranted: 3 });
    expect(payload.rows.map((x) => x.roles)).toEqual([[Role.TEACHER], [Role.DEPUTY, Role.TEACHER]]);
    expect(payload.invitations.map((i) => [i.person.id, i.role])).toEqual([
      [payload.rows[0]!.person!.id, Role.TEACHER],
      [payload.rows[1]!.person!.id, Role.DEPUTY],
    ]);
    // The code signs the new teacher in with credentials they choose.
    const redeemed = await gql<{ redeemInvitation: { viewer: { roles: { role: Role }[] } } }>(
      app.url,
      `mutation($input: RedeemInvitationInput!) { redeemInvitation(input: $input) { viewer { roles { role } } } }`,
      {
        input: {
          code: payload.invitations[0]!.code,
          login: uniqueLogin('kuz'),
          password: 'a long enough password',
        },
      },
    );
    expect(redeemed.errors).toBeUndefined();
    expect(redeemed.data!.redeemInvitation.viewer.roles.map((x) => x.role)).toEqual([Role.TEACHER]);
    const audit = await em.fork().find(AuditEvent, {
      entityType: 'Invitation',
      action: 'issueInvitation',
      schoolId: school.id,
    });
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('R-ROLE-3: staff rows with an unknown role are refused whole', async () => {
    const before = await footprint();
    const r = await run(
      'STAFF',
      'Фамилия,Имя,Роль\nПавлов,Антон,учитель\nЗуев,Глеб,"учитель, дворник"\n',
      'CSV',
      false,
      Role.ADMINISTRATOR,
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(
      (r.errors?.[0]?.extensions?.problems as Payload['problems']).map((p) => [p.row, p.code]),
    ).toEqual([[3, 'peopleImport.unknownRole']]);
    expect(await footprint()).toEqual(before);
  });

  it('R-ROLE-3: refuses those who do not keep the lists, and staff lists from anyone but the administrator', async () => {
    const csv = GOOD_STUDENTS_CSV;
    for (const role of [Role.TEACHER, Role.STUDENT, Role.PARENT]) {
      expect(codes(await run('STUDENTS', csv, 'CSV', true, role))).toEqual(['FORBIDDEN']);
    }
    const staffCsv = 'Фамилия;Имя;Роль\nРябов;Лев;учитель\n';
    for (const role of [Role.RECORDS_CLERK, Role.DEPUTY, Role.DIRECTOR]) {
      expect(codes(await run('STAFF', staffCsv, 'CSV', true, role))).toEqual(['FORBIDDEN']);
    }
    // The administration imports students too; another school's clerk cannot see this school.
    for (const role of [Role.DEPUTY, Role.DIRECTOR, Role.ADMINISTRATOR]) {
      expect(codes(await run('STUDENTS', csv, 'CSV', true, role))).toEqual([]);
    }
    expect(codes(await run('STUDENTS', csv, 'CSV', true, 'otherClerk', school.id))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      codes(await run('STUDENTS', csv, 'CSV', true, Role.RECORDS_CLERK, otherSchool.id)),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await run('STAFF', staffCsv, 'CSV', true, Role.RECORDS_CLERK, school.id))).toEqual(
      ['FORBIDDEN'],
    );
    expect(codes(await run('STUDENTS', 'not a zip', 'XLSX', true))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await run('STUDENTS', csv, 'CSV', true, 'nobody'))).toEqual(['UNAUTHENTICATED']);
  });
});
