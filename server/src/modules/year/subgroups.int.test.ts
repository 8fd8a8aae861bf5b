import type { EntityManager } from '@mikro-orm/postgresql';
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
  createLesson,
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import { Mark } from '../journal/mark.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import type { School } from '../school/school.entity.js';
import type { SchoolClass } from './school-class.entity.js';
import { SubgroupMembership } from './subgroup-membership.entity.js';
import { Subgroup } from './subgroup.entity.js';
import type { Subject } from './subject.entity.js';

const CREATE = `mutation($input: CreateSubgroupInput!) { createSubgroup(input: $input) {
  id name subject { id } schoolClass { id } members(on: "2026-09-01") { id } } }`;
const SET = `mutation($input: SetSubgroupMembersInput!) { setSubgroupMembers(input: $input) { id } }`;
const MOVE = `mutation($input: MoveToSubgroupInput!) { moveToSubgroup(input: $input) { id } }`;
const LIST = `query($c: ID!, $on: String) { subgroups(schoolClassId: $c) {
  id name subject { id } members(on: $on) { id }
  memberships { student { id } startsOn endsOn } } }`;

interface Listed {
  id: string;
  name: string;
  subject: { id: string };
  members: { id: string }[];
  memberships: { student: { id: string }; startsOn: string; endsOn: string | null }[];
}

let app: TestApp;
let em: EntityManager;
let school: School;
let c5a: SchoolClass;
let c5b: SchoolClass;
let english: Subject;
let maths: Subject;
const token: Record<string, string> = {};
const person: Record<string, Person> = {};
const kid: Record<string, Person> = {};

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  school = await createSchool(em);
  const otherSchool = await createSchool(em);
  const people: [string, School, Role][] = [
    ['director', school, Role.DIRECTOR],
    ['classTeacher', school, Role.TEACHER],
    ['englishTeacher', school, Role.TEACHER],
    ['mathsTeacher', school, Role.TEACHER],
    ['clerk', school, Role.RECORDS_CLERK],
    ['stranger', otherSchool, Role.DIRECTOR],
  ];
  for (const [name, s, role] of people) {
    person[name] = await createPerson(em, { school: s, roles: [role], lastName: name });
    token[name] = await sessionFor(em, person[name]);
  }
  const year = await createYear(em, school);
  c5a = await createClass(em, { school, year, letter: 'А', classTeacher: person.classTeacher });
  c5b = await createClass(em, { school, year, letter: 'Б' });
  english = await createSubject(em, school, 'Английский язык');
  maths = await createSubject(em, school, 'Математика');
  await createAssignment(em, {
    teacher: person.englishTeacher!,
    subject: english,
    schoolClass: c5a,
  });
  await createAssignment(em, { teacher: person.mathsTeacher!, subject: maths, schoolClass: c5a });
  for (const name of ['anna', 'boris', 'vera', 'gleb']) {
    const family = await createFamily(em, { schoolClass: c5a });
    kid[name] = family.student;
    if (name === 'anna') {
      person.parent = family.parent;
      token.parent = await sessionFor(em, family.parent);
    }
  }
  kid.fromB = (await createFamily(em, { schoolClass: c5b })).student;
});

afterAll(async () => {
  await app?.close();
});

const call = (op: string, as: string, input: Record<string, unknown>) =>
  gql<Record<string, { id: string }>>(app.url, op, { input }, { token: token[as] });
const list = async (on?: string) => {
  const r = await gql<{ subgroups: Listed[] }>(
    app.url,
    LIST,
    { c: c5a.id, on },
    { token: token.director },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.subgroups;
};
const refused = (r: GqlResult<unknown>, code: string, field?: string) => {
  expect(codes(r)).toEqual([code]);
  if (field) {
    expect(r.errors?.[0]?.extensions?.field).toBe(field);
  }
};
const ids = (people: { id: string }[]) => people.map((p) => p.id).sort();
const groups: Record<string, string> = {};

describe('subgroups (R-YEAR-2, R-ROLE-6)', () => {
  it('R-YEAR-2: the administration splits a class for a subject, audited; staff read it', async () => {
    const r = await call(CREATE, 'director', {
      schoolClassId: c5a.id,
      subjectId: english.id,
      name: '1 группа',
      studentIds: [kid.anna!.id, kid.boris!.id],
      from: '2026-09-01',
    });
    expect(r.errors).toBeUndefined();
    groups.one = r.data!.createSubgroup!.id;
    expect(ids((r.data!.createSubgroup as unknown as Listed).members)).toEqual(
      ids([kid.anna!, kid.boris!]),
    );
    expect(await em.fork().count(AuditEvent, { entityId: groups.one, action: 'create' })).toBe(1);
    expect(await em.fork().count(AuditEvent, { entityType: 'SubgroupMembership' })).toBe(2);

    const read = await gql<{ subgroups: Listed[] }>(
      app.url,
      LIST,
      { c: c5a.id, on: '2026-10-01' },
      { token: token.clerk },
    );
    expect(read.data?.subgroups.map((g) => [g.name, g.subject.id, ids(g.members)])).toEqual([
      ['1 группа', english.id, ids([kid.anna!, kid.boris!])],
    ]);
  });

  it('R-ROLE-6: the class teacher and the subject teacher split the class too', async () => {
    const byClassTeacher = await call(CREATE, 'classTeacher', {
      schoolClassId: c5a.id,
      subjectId: english.id,
      name: '2 группа',
      studentIds: [kid.vera!.id],
      from: '2026-09-01',
    });
    expect(byClassTeacher.errors).toBeUndefined();
    groups.two = byClassTeacher.data!.createSubgroup!.id;
    const bySubjectTeacher = await call(CREATE, 'mathsTeacher', {
      schoolClassId: c5a.id,
      subjectId: maths.id,
      name: 'Базовая',
    });
    expect(bySubjectTeacher.errors).toBeUndefined();
    groups.maths = bySubjectTeacher.data!.createSubgroup!.id;
  });

  it.each([
    ['a teacher of another subject', 'englishTeacher', 'FORBIDDEN'],
    ['the records clerk', 'clerk', 'FORBIDDEN'],
    ['a parent', 'parent', 'FORBIDDEN'],
    ["another school's director", 'stranger', 'NOT_FOUND'],
  ])('R-ROLE-6: refuses %s and writes nothing', async (_n, as, code) => {
    const before = await em.fork().count(Subgroup, {});
    refused(
      await call(CREATE, as, { schoolClassId: c5a.id, subjectId: maths.id, name: 'Профиль' }),
      code,
    );
    refused(
      await call(SET, as, { subgroupId: groups.maths, studentIds: [], from: '2026-09-01' }),
      code,
    );
    expect(await em.fork().count(Subgroup, {})).toBe(before);
  });

  it("R-AUTH-4: another school's staff do not read the class's subgroups", async () => {
    const r = await gql(app.url, LIST, { c: c5a.id }, { token: token.stranger });
    refused(r, 'NOT_FOUND', 'schoolClassId');
  });

  it('R-YEAR-2: refuses a subgroup member outside the class, writing nothing', async () => {
    const before = await em.fork().count(Subgroup, {});
    const r = await call(CREATE, 'director', {
      schoolClassId: c5a.id,
      subjectId: maths.id,
      name: 'Профильная',
      studentIds: [kid.gleb!.id, kid.fromB!.id],
    });
    refused(r, 'BAD_USER_INPUT', 'studentIds');
    expect(r.errors?.[0]?.extensions?.studentIds).toEqual([kid.fromB!.id]);
    expect(await em.fork().count(Subgroup, {})).toBe(before);
    refused(
      await call(SET, 'director', {
        subgroupId: groups.one,
        studentIds: [kid.anna!.id, kid.fromB!.id],
        from: '2026-10-01',
      }),
      'BAD_USER_INPUT',
      'studentIds',
    );
  });

  it('R-YEAR-2: a student is in one subgroup of a subject at a time', async () => {
    const memberships = await em.fork().count(SubgroupMembership, {});
    refused(
      await call(SET, 'director', {
        subgroupId: groups.two,
        studentIds: [kid.vera!.id, kid.anna!.id],
        from: '2026-10-01',
      }),
      'BAD_USER_INPUT',
      'studentIds',
    );
    expect(await em.fork().count(SubgroupMembership, {})).toBe(memberships);
    // Another subject's subgroup is another matter.
    const r = await call(SET, 'mathsTeacher', {
      subgroupId: groups.maths,
      studentIds: [kid.anna!.id, kid.vera!.id],
      from: '2026-09-01',
    });
    expect(r.errors).toBeUndefined();
  });

  it('R-YEAR-2: membership changes from a date and keeps its dated history', async () => {
    const r = await call(SET, 'englishTeacher', {
      subgroupId: groups.one,
      studentIds: [kid.anna!.id, kid.gleb!.id],
      from: '2026-10-05',
      reason: 'Перераспределение',
    });
    expect(r.errors).toBeUndefined();
    const september = (await list('2026-09-20')).find((g) => g.id === groups.one)!;
    expect(ids(september.members)).toEqual(ids([kid.anna!, kid.boris!]));
    const october = (await list('2026-10-20')).find((g) => g.id === groups.one)!;
    expect(ids(october.members)).toEqual(ids([kid.anna!, kid.gleb!]));
    expect(october.memberships.map((m) => [m.student.id, m.startsOn, m.endsOn]).sort()).toEqual(
      [
        [kid.anna!.id, '2026-09-01', null],
        [kid.boris!.id, '2026-09-01', '2026-10-05'],
        [kid.gleb!.id, '2026-10-05', null],
      ].sort(),
    );
    expect(
      await em.fork().count(AuditEvent, { entityType: 'SubgroupMembership', action: 'end' }),
    ).toBe(1);
  });

  it('R-YEAR-5: a student moves to another subgroup from a date', async () => {
    const r = await call(MOVE, 'classTeacher', {
      studentId: kid.gleb!.id,
      subgroupId: groups.two,
      from: '2026-11-09',
    });
    expect(r.errors).toBeUndefined();
    const before = await list('2026-11-08');
    const after = await list('2026-11-09');
    const members = (gs: Listed[], id: string) => ids(gs.find((g) => g.id === id)!.members);
    expect(members(before, groups.one!)).toEqual(ids([kid.anna!, kid.gleb!]));
    expect(members(before, groups.two!)).toEqual(ids([kid.vera!]));
    expect(members(after, groups.one!)).toEqual(ids([kid.anna!]));
    expect(members(after, groups.two!)).toEqual(ids([kid.vera!, kid.gleb!]));
    refused(
      await call(MOVE, 'director', {
        studentId: kid.gleb!.id,
        subgroupId: groups.two,
        from: '2026-11-20',
      }),
      'BAD_USER_INPUT',
      'subgroupId',
    );
    refused(
      await call(MOVE, 'director', {
        studentId: kid.fromB!.id,
        subgroupId: groups.two,
        from: '2026-11-20',
      }),
      'BAD_USER_INPUT',
      'studentId',
    );
    // Boris left group 1 on 5 October: he joins group 2 without leaving anything.
    const join = await call(MOVE, 'director', {
      studentId: kid.boris!.id,
      subgroupId: groups.two,
      from: '2026-11-23',
    });
    expect(join.errors).toBeUndefined();
    expect(ids((await list('2026-11-23')).find((g) => g.id === groups.two)!.members)).toEqual(
      ids([kid.vera!, kid.gleb!, kid.boris!]),
    );
  });

  it('R-YEAR-4: never orphans records: a member with marks after the date stays', async () => {
    const subgroup = await em.fork().findOneOrFail(Subgroup, groups.two!);
    const page = await createAssignment(em, {
      teacher: person.englishTeacher!,
      subject: english,
      schoolClass: c5a,
      subgroup,
    });
    const lesson = await createLesson(em, page, { date: '2026-11-16' });
    em.persist(
      em.create(Mark, {
        school,
        lesson,
        student: kid.vera!,
        value: '5',
        numericValue: 5,
        enteredBy: person.englishTeacher!,
      }),
    );
    await em.flush();
    const r = await call(SET, 'director', {
      subgroupId: groups.two,
      studentIds: [kid.gleb!.id, kid.boris!.id],
      from: '2026-11-10',
    });
    refused(r, 'CONFLICT', 'from');
    expect(r.errors?.[0]?.extensions?.studentIds).toEqual([kid.vera!.id]);
    const still = (await list('2026-11-20')).find((g) => g.id === groups.two)!;
    expect(ids(still.members)).toEqual(ids([kid.vera!, kid.gleb!]));
    const later = (await list('2026-11-23')).find((g) => g.id === groups.two)!;
    expect(ids(later.members)).toEqual(ids([kid.vera!, kid.gleb!, kid.boris!]));
  });

  it('R-YEAR-2: refuses a name already used and a date outside the year', async () => {
    refused(
      await call(CREATE, 'director', {
        schoolClassId: c5a.id,
        subjectId: english.id,
        name: '1 группа',
      }),
      'BAD_USER_INPUT',
      'name',
    );
    refused(
      await call(SET, 'director', { subgroupId: groups.one, studentIds: [], from: '2027-07-01' }),
      'BAD_USER_INPUT',
      'from',
    );
  });
});
