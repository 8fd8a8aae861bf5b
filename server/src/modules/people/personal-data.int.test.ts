// Students, parents, guardianships and their personal data through GraphQL (issue 4; R-ROLE-3,
// R-ROLE-6, R-AUTH-4): who may write, who may read, and that every change is audited.
import type { EntityManager } from '@mikro-orm/postgresql';
import { getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
} from '../../../test/factories/index.js';
import {
  createAssignment,
  createPeriod,
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { buildBareSchema } from '../../core/schema.js';
import type { ReportingPeriod } from '../year/reporting-period.entity.js';
import type { SchoolClass } from '../year/school-class.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { Guardianship } from './guardianship.entity.js';
import { Person } from './person.entity.js';
import { Role } from './role-assignment.entity.js';

const DATA = `personId lastName firstName middleName birthDate email phone version`;
const READ = `query ($id: ID!) { personalData(personId: $id) { ${DATA} guardians { kind guardian { id } } children { student { id } } } }`;
const UPDATE = `mutation ($input: UpdatePersonalDataInput!) { updatePersonalData(input: $input) { ${DATA} } }`;
const CREATE_STUDENT = `mutation ($input: CreateStudentInput!) { createStudent(input: $input) { id personalData { ${DATA} } } }`;
const CREATE_PARENT = `mutation ($input: CreateParentInput!) { createParent(input: $input) { id personalData { ${DATA} } } }`;
const LINK = `mutation ($input: LinkGuardianInput!) { linkGuardian(input: $input) { id kind guardian { id } student { id } } }`;
const UNLINK = `mutation ($input: UnlinkGuardianInput!) { unlinkGuardian(input: $input) }`;
const HISTORY = `query ($t: String!, $id: ID!) { history(entityType: $t, entityId: $id) { action before after reason } }`;
const PAGE = `query ($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) { students { student { id personalData { phone birthDate } } } } }`;

interface Data {
  personId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  version: number;
}

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
const people: Record<string, Person> = {};
let classA: SchoolClass;
let classB: SchoolClass;
let schoolId: string;
let otherSchoolId: string;
let mathsA: TeachingAssignment;
let q1: ReportingPeriod;

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  schoolId = school.id;
  const year = await createYear(em, school);
  q1 = await createPeriod(em, year);
  const person = (lastName: string, roles: Role[], at = school) =>
    createPerson(em, { school: at, roles, lastName, firstName: 'Тест' });
  people.leaderA = await person('Классная', [Role.TEACHER]);
  people.leaderB = await person('Руководова', [Role.TEACHER]);
  people.subjectTeacher = await person('Математикова', [Role.TEACHER]);
  people.clerk = await person('Секретарёва', [Role.RECORDS_CLERK]);
  people.deputy = await person('Завучева', [Role.DEPUTY]);
  classA = await createClass(em, { school, year, letter: 'А', classTeacher: people.leaderA });
  classB = await createClass(em, { school, year, letter: 'Б', classTeacher: people.leaderB });
  mathsA = await createAssignment(em, {
    teacher: people.subjectTeacher,
    subject: await createSubject(em, school, 'Математика'),
    schoolClass: classA,
  });
  const family = await createFamily(em, { schoolClass: classA });
  people.student = family.student;
  people.parent = family.parent;
  const classmates = await createFamily(em, { schoolClass: classA });
  people.classmate = classmates.student;
  people.classmateParent = classmates.parent;
  const familyB = await createFamily(em, { schoolClass: classB });
  people.studentB = familyB.student;
  people.parentB = familyB.parent;
  const otherSchool = await createSchool(em);
  otherSchoolId = otherSchool.id;
  people.otherClerk = await person('Чужая', [Role.RECORDS_CLERK], otherSchool);
  for (const [name, p] of Object.entries(people)) {
    token[name] = await sessionFor(em, p);
  }
});

afterAll(async () => {
  await app?.close();
});

const as = <T>(who: string, query: string, variables: Record<string, unknown>) =>
  gql<T>(app.url, query, variables, { token: token[who] });
const field = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.field;
const read = (who: string, id: string) =>
  as<{ personalData: Data & { guardians: { kind: string; guardian: { id: string } }[] } }>(
    who,
    READ,
    { id },
  );
const personCount = () => em.fork().count(Person, {});

describe('creating students and parents', () => {
  it('R-ROLE-3: the records clerk adds a student with personal data, admitted to a class', async () => {
    const r = await as<{ createStudent: { id: string; personalData: Data } }>(
      'clerk',
      CREATE_STUDENT,
      {
        input: {
          schoolClassId: classA.id,
          from: '2026-09-01',
          lastName: ' Новикова ',
          firstName: 'Вера',
          middleName: 'Павловна',
          birthDate: '2015-02-11',
          email: 'vera@example.org',
          phone: '+7 (900) 123-45-67',
          reason: 'Приказ № 3',
        },
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createStudent.personalData).toMatchObject({
      lastName: 'Новикова',
      firstName: 'Вера',
      middleName: 'Павловна',
      birthDate: '2015-02-11',
      email: 'vera@example.org',
      phone: '+7 (900) 123-45-67',
    });
    people.newcomer = await em.fork().findOneOrFail(Person, r.data!.createStudent.id);
    // Their class teacher reads it; the audit trail keeps what was entered, and no credentials.
    expect((await read('leaderA', people.newcomer.id)).data?.personalData.phone).toBe(
      '+7 (900) 123-45-67',
    );
    const h = await as<{ history: { action: string; after: Record<string, unknown> }[] }>(
      'deputy',
      HISTORY,
      { t: 'Person', id: people.newcomer.id },
    );
    expect(h.data?.history.map((e) => e.action)).toEqual(['createStudent']);
    expect(Object.keys(h.data!.history[0]!.after).sort()).toEqual(
      ['birthDate', 'email', 'firstName', 'lastName', 'middleName', 'phone'].sort(),
    );
  });

  it('R-ROLE-3: refuses bad personal data field by field, and writes nothing', async () => {
    const base = {
      schoolClassId: classA.id,
      from: '2026-09-01',
      lastName: 'Петров',
      firstName: 'Иван',
      reason: 'Приказ № 4',
    };
    const before = await personCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ lastName: '   ' }, 'lastName'],
      [{ firstName: '' }, 'firstName'],
      [{ birthDate: '2099-01-01' }, 'birthDate'],
      [{ birthDate: '11.02.2015' }, 'birthDate'],
      [{ email: 'not-an-address' }, 'email'],
      [{ phone: 'call me' }, 'phone'],
      [{ phone: '12' }, 'phone'],
      [{ from: '2030-01-01' }, 'from'],
    ];
    for (const [change, at] of cases) {
      const r = await as('clerk', CREATE_STUDENT, { input: { ...base, ...change } });
      expect(codes(r), JSON.stringify(change)).toEqual(['BAD_USER_INPUT']);
      expect(field(r)).toBe(at);
    }
    expect(await personCount()).toBe(before);
  });

  it('R-ROLE-3: only record keepers add students; another school is NOT_FOUND', async () => {
    const input = {
      schoolClassId: classA.id,
      from: '2026-09-01',
      lastName: 'Петров',
      firstName: 'Иван',
      reason: 'x',
    };
    for (const who of ['leaderA', 'subjectTeacher', 'parent']) {
      expect(codes(await as(who, CREATE_STUDENT, { input })), who).toEqual(['FORBIDDEN']);
    }
    expect(codes(await as('otherClerk', CREATE_STUDENT, { input }))).toEqual(['NOT_FOUND']);
  });

  it('R-ROLE-6: the class teacher adds a parent for a student of their class, linked at once', async () => {
    const r = await as<{ createParent: { id: string; personalData: Data } }>(
      'leaderA',
      CREATE_PARENT,
      {
        input: {
          schoolId,
          lastName: 'Новиков',
          firstName: 'Павел',
          phone: '8 900 765 43 21',
          studentId: people.newcomer!.id,
          kind: 'FATHER',
        },
      },
    );
    expect(r.errors).toBeUndefined();
    people.newParent = await em.fork().findOneOrFail(Person, r.data!.createParent.id);
    token.newParent = await sessionFor(em, people.newParent);
    const child = await read('newParent', people.newcomer!.id);
    expect(child.errors).toBeUndefined();
    expect(child.data!.personalData.birthDate).toBe('2015-02-11');
    const data = await read('clerk', people.newcomer!.id);
    expect(data.data!.personalData.guardians).toEqual([
      { kind: 'FATHER', guardian: { id: people.newParent.id } },
    ]);
  });

  it('R-ROLE-6: a class teacher adds parents for their own class only', async () => {
    const input = { schoolId, lastName: 'Чужой', firstName: 'Родитель' };
    const before = await personCount();
    expect(
      codes(
        await as('leaderA', CREATE_PARENT, { input: { ...input, studentId: people.studentB!.id } }),
      ),
    ).toEqual(['FORBIDDEN']);
    // Without a student of their class, a parent is the records clerk's to add.
    expect(codes(await as('leaderA', CREATE_PARENT, { input }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('subjectTeacher', CREATE_PARENT, { input }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('otherClerk', CREATE_PARENT, { input: { ...input, schoolId } }))).toEqual(
      ['NOT_FOUND'],
    );
    expect(await personCount()).toBe(before);
    const own = await as('otherClerk', CREATE_PARENT, {
      input: { ...input, schoolId: otherSchoolId },
    });
    expect(own.errors).toBeUndefined();
  });
});

describe('reading personal data (R-AUTH-4)', () => {
  it('is readable by the person, their guardians, their class teacher and the record keepers', async () => {
    for (const who of ['student', 'parent', 'leaderA', 'clerk', 'deputy']) {
      const r = await read(who, people.student!.id);
      expect(r.errors, who).toBeUndefined();
      expect(r.data!.personalData.personId).toBe(people.student!.id);
    }
    // A parent's data: the parent, and the class teacher of their child.
    for (const who of ['parent', 'leaderA', 'clerk']) {
      expect((await read(who, people.parent!.id)).errors, who).toBeUndefined();
    }
  });

  it('is NOT_FOUND for a subject teacher, a classmate, another family, another class teacher, another school', async () => {
    for (const who of [
      'subjectTeacher',
      'classmate',
      'classmateParent',
      'parentB',
      'leaderB',
      'otherClerk',
    ]) {
      expect(codes(await read(who, people.student!.id)), who).toEqual(['NOT_FOUND']);
    }
    // A parent does not read the other family's parent, nor a student their classmate's parent.
    expect(codes(await read('parent', people.classmateParent!.id))).toEqual(['NOT_FOUND']);
    expect(codes(await read('student', people.classmateParent!.id))).toEqual(['NOT_FOUND']);
  });

  it('is null on Person wherever a person is shown to someone else, e.g. on a journal page', async () => {
    type Page = {
      journalPage: { students: { student: { id: string; personalData: Data | null } }[] };
    };
    const shownTo = async (who: string) => {
      const r = await as<Page>(who, PAGE, { a: mathsA.id, p: q1.id });
      expect(r.errors).toBeUndefined();
      return r.data!.journalPage.students.map((s) => s.student);
    };
    const shown = await shownTo('subjectTeacher');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.map((s) => s.personalData)).toEqual(shown.map(() => null));
    const led = await shownTo('leaderA');
    expect(led.every((s) => s.personalData !== null)).toBe(true);
  });

  it('never exposes password or session hashes', async () => {
    const schema = await buildBareSchema({ auth: { sessionTtlHours: 1, invitationTtlHours: 1 } });
    for (const name of ['Person', 'PersonalData', 'Guardianship', 'Enrolment']) {
      const type = schema.getType(name);
      expect(isObjectType(type), name).toBe(true);
      if (isObjectType(type)) {
        const fields = Object.values(type.getFields()).map(
          (f) => `${f.name}:${getNamedType(f.type).name}`,
        );
        expect(
          fields.filter((f) => /hash|password|session|token/i.test(f)),
          name,
        ).toEqual([]);
      }
    }
    const r = await as<{ me: { person: Record<string, unknown> } }>(
      'student',
      `{ me { person { personalData { ${DATA} } } } }`,
      {},
    );
    expect(r.errors).toBeUndefined();
    expect(JSON.stringify(r.data)).not.toMatch(/argon|\$2[aby]\$/);
  });
});

describe('updating personal data', () => {
  it('R-ROLE-6: the class teacher corrects a student of their class; audited before → after', async () => {
    const current = (await read('leaderA', people.student!.id)).data!.personalData;
    const r = await as<{ updatePersonalData: Data }>('leaderA', UPDATE, {
      input: {
        personId: people.student!.id,
        version: current.version,
        birthDate: '2015-05-20',
        phone: '+7 900 000 11 22',
        reason: 'Ежемесячная сверка',
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updatePersonalData).toMatchObject({
      birthDate: '2015-05-20',
      phone: '+7 900 000 11 22',
      lastName: 'Петрова',
    });
    expect(r.data!.updatePersonalData.version).toBeGreaterThan(current.version);
    const h = await as<{
      history: { action: string; before: unknown; after: unknown; reason: string }[];
    }>('deputy', HISTORY, { t: 'Person', id: people.student!.id });
    expect(h.data?.history).toEqual([
      {
        action: 'updatePersonalData',
        before: { birthDate: null, phone: null },
        after: { birthDate: '2015-05-20', phone: '+7 900 000 11 22' },
        reason: 'Ежемесячная сверка',
      },
    ]);
  });

  it("R-ROLE-6: …and their parent's contacts; an explicit null clears a field", async () => {
    const set = await as<{ updatePersonalData: Data }>('leaderA', UPDATE, {
      input: { personId: people.parent!.id, email: 'elena@example.org', phone: '+7 900 1112233' },
    });
    expect(set.errors).toBeUndefined();
    const cleared = await as<{ updatePersonalData: Data }>('clerk', UPDATE, {
      input: { personId: people.parent!.id, phone: null },
    });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updatePersonalData).toMatchObject({
      email: 'elena@example.org',
      phone: null,
    });
  });

  it('refuses a stale version (CONFLICT), no change and bad values (BAD_USER_INPUT)', async () => {
    const stale = await as('clerk', UPDATE, {
      input: { personId: people.student!.id, version: 1, firstName: 'Мария' },
    });
    expect(codes(stale)).toEqual(['CONFLICT']);
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'personId'],
      [{ lastName: 'Петрова' }, 'personId'],
      [{ lastName: null }, 'lastName'],
      [{ email: 'x@' }, 'email'],
      [{ birthDate: '1850-01-01' }, 'birthDate'],
    ];
    for (const [change, at] of cases) {
      const r = await as('clerk', UPDATE, { input: { personId: people.student!.id, ...change } });
      expect(codes(r), JSON.stringify(change)).toEqual(['BAD_USER_INPUT']);
      expect(field(r)).toBe(at);
    }
    expect((await read('clerk', people.student!.id)).data!.personalData.firstName).toBe('Маша');
  });

  it('R-AUTH-4: a subject teacher or another class teacher may not; another school sees nothing', async () => {
    const input = { personId: people.student!.id, phone: '+7 900 999 99 99' };
    for (const who of ['subjectTeacher', 'leaderB']) {
      expect(codes(await as(who, UPDATE, { input })), who).toEqual(['FORBIDDEN']);
    }
    for (const who of ['parent', 'student']) {
      expect(codes(await as(who, UPDATE, { input })), who).toEqual(['FORBIDDEN']);
    }
    expect(codes(await as('otherClerk', UPDATE, { input }))).toEqual(['NOT_FOUND']);
    expect((await read('clerk', people.student!.id)).data!.personalData.phone).toBe(
      '+7 900 000 11 22',
    );
  });
});

describe('guardianships', () => {
  it('R-ROLE-6, R-AUTH-4: the class teacher links a grandmother; she then reads the child, and is unlinked by the clerk', async () => {
    const grandma = await as<{ createParent: { id: string } }>('clerk', CREATE_PARENT, {
      input: { schoolId, lastName: 'Петрова', firstName: 'Зинаида' },
    });
    expect(grandma.errors).toBeUndefined();
    const grandmaId = grandma.data!.createParent.id;
    token.grandma = await sessionFor(em, await em.fork().findOneOrFail(Person, grandmaId));
    expect(codes(await read('grandma', people.student!.id))).toEqual(['NOT_FOUND']);

    const linked = await as<{ linkGuardian: { id: string; kind: string } }>('leaderA', LINK, {
      input: { studentId: people.student!.id, guardianId: grandmaId, kind: 'GUARDIAN' },
    });
    expect(linked.errors).toBeUndefined();
    expect((await read('grandma', people.student!.id)).errors).toBeUndefined();
    const diary = await as('grandma', `query ($s: ID!) { diaryPeriods(studentId: $s) { id } }`, {
      s: people.student!.id,
    });
    expect(diary.errors).toBeUndefined();

    const noReason = await as('clerk', UNLINK, {
      input: { studentId: people.student!.id, guardianId: grandmaId, reason: ' ' },
    });
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(field(noReason)).toBe('reason');
    const unlinked = await as<{ unlinkGuardian: boolean }>('clerk', UNLINK, {
      input: { studentId: people.student!.id, guardianId: grandmaId, reason: 'Решение суда' },
    });
    expect(unlinked.data?.unlinkGuardian).toBe(true);
    expect(codes(await read('grandma', people.student!.id))).toEqual(['NOT_FOUND']);
    const again = await as('clerk', UNLINK, {
      input: { studentId: people.student!.id, guardianId: grandmaId, reason: 'x' },
    });
    expect(codes(again)).toEqual(['NOT_FOUND']);

    const h = await as<{ history: { action: string; reason: string | null }[] }>(
      'deputy',
      HISTORY,
      { t: 'Guardianship', id: linked.data!.linkGuardian.id },
    );
    expect(h.data?.history.map((e) => [e.action, e.reason])).toEqual([
      ['link', null],
      ['unlink', 'Решение суда'],
    ]);
  });

  it('refuses a duplicate, a self link and an unknown guardian, and writes nothing', async () => {
    const before = await em.fork().count(Guardianship, {});
    const cases: [Record<string, unknown>, string, string][] = [
      [{ guardianId: people.parent!.id }, 'BAD_USER_INPUT', 'guardianId'],
      [{ guardianId: people.student!.id }, 'BAD_USER_INPUT', 'guardianId'],
      [{ guardianId: people.otherClerk!.id }, 'NOT_FOUND', 'guardianId'],
      [{ guardianId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'guardianId'],
    ];
    for (const [change, code, at] of cases) {
      const r = await as('clerk', LINK, {
        input: { studentId: people.student!.id, kind: 'MOTHER', ...change },
      });
      expect(codes(r), JSON.stringify(change)).toEqual([code]);
      expect(field(r)).toBe(at);
    }
    expect(await em.fork().count(Guardianship, {})).toBe(before);
  });

  it('R-AUTH-4: nobody links themself; a class teacher links known parents, not colleagues', async () => {
    const before = await em.fork().count(Guardianship, {});
    for (const [who, guardian] of [
      ['leaderA', people.leaderA!],
      ['clerk', people.clerk!],
      ['leaderA', people.subjectTeacher!],
    ] as const) {
      const r = await as(who, LINK, {
        input: { studentId: people.student!.id, guardianId: guardian.id, kind: 'OTHER' },
      });
      expect(codes(r), `${who} → ${guardian.lastName}`).toEqual(['FORBIDDEN']);
    }
    expect(await em.fork().count(Guardianship, {})).toBe(before);
  });

  it('R-AUTH-4: a class teacher links and unlinks for their own class only', async () => {
    const input = { studentId: people.studentB!.id, guardianId: people.parent!.id, kind: 'OTHER' };
    expect(codes(await as('leaderA', LINK, { input }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('subjectTeacher', LINK, { input }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('otherClerk', LINK, { input }))).toEqual(['NOT_FOUND']);
    const unlink = {
      studentId: people.studentB!.id,
      guardianId: people.parentB!.id,
      reason: 'x',
    };
    expect(codes(await as('leaderA', UNLINK, { input: unlink }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('parentB', UNLINK, { input: unlink }))).toEqual(['FORBIDDEN']);
    expect((await read('parentB', people.studentB!.id)).errors).toBeUndefined();
  });
});
