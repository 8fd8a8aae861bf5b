import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
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
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import type { School } from '../school/school.entity.js';
import type { Person } from './person.entity.js';
import { Role, RoleAssignment } from './role-assignment.entity.js';

const STAFF = `query($schoolId: ID) { staff(schoolId: $schoolId) { person { id lastName } roles } }`;
const GRANT = `mutation($input: GrantRoleInput!) { grantRole(input: $input) { person { id } roles } }`;
const REVOKE = `mutation($input: RevokeRoleInput!) { revokeRole(input: $input) { person { id } roles } }`;

type Member = { person: { id: string; lastName?: string }; roles: Role[] };

let app: TestApp;
let em: EntityManager;
let school: School;
let otherSchool: School;
const people: Record<string, Person> = {};
const token: Record<string, string> = {};
let page: { a: string; p: string };

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  school = await createSchool(em);
  otherSchool = await createSchool(em);
  const make = async (name: string, s: School, roles: Role[], lastName: string) => {
    people[name] = await createPerson(em, { school: s, roles, lastName, firstName: name });
    token[name] = await sessionFor(em, people[name]);
  };
  await make('admin', school, [Role.ADMINISTRATOR], 'Алексеев');
  await make('deputy', school, [Role.DEPUTY, Role.TEACHER], 'Борисова');
  await make('clerk', school, [Role.RECORDS_CLERK], 'Волкова');
  await make('teacher', school, [Role.TEACHER], 'Григорьев');
  await make('parent', school, [Role.PARENT], 'Дмитриева');
  await make('student', school, [Role.STUDENT], 'Егоров');
  await make('otherAdmin', otherSchool, [Role.ADMINISTRATOR], 'Жуков');
  await make('otherTeacher', otherSchool, [Role.TEACHER], 'Зайцев');
  const year = await createYear(em, school);
  const period = await createPeriod(em, year);
  const schoolClass = await createClass(em, { school, year });
  const assignment = await createAssignment(em, {
    teacher: people.teacher!,
    subject: await createSubject(em, school),
    schoolClass,
  });
  page = { a: assignment.id, p: period.id };
});

afterAll(async () => {
  await app?.close();
});

const staff = (as: string, schoolId?: string) =>
  gql<{ staff: Member[] }>(app.url, STAFF, schoolId ? { schoolId } : {}, { token: token[as] });
const grant = (as: string, input: Record<string, unknown>) =>
  gql<{ grantRole: Member }>(app.url, GRANT, { input }, { token: token[as] });
const revoke = (as: string, input: Record<string, unknown>) =>
  gql<{ revokeRole: Member }>(app.url, REVOKE, { input }, { token: token[as] });
const journalPage = (as: string) =>
  gql(
    app.url,
    `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) { __typename } }`,
    page,
    { token: token[as] },
  );
const rolesInDb = async (person: Person, s: School = school) =>
  (await em.fork().find(RoleAssignment, { person, school: s }, { orderBy: { role: 'asc' } })).map(
    (r) => [r.role, r.revokedAt ? 'revoked' : 'active'],
  );

describe('staff', () => {
  it('R-ROLE-1: lists the school’s staff with their current roles, to the administration and the clerk', async () => {
    for (const who of ['admin', 'deputy', 'clerk']) {
      const r = await staff(who);
      expect(r.errors).toBeUndefined();
      expect(r.data!.staff.map((m) => [m.person.lastName, m.roles])).toEqual([
        ['Алексеев', [Role.ADMINISTRATOR]],
        ['Борисова', [Role.DEPUTY, Role.TEACHER]],
        ['Волкова', [Role.RECORDS_CLERK]],
        ['Григорьев', [Role.TEACHER]],
      ]);
    }
    expect(codes(await staff('teacher'))).toEqual(['FORBIDDEN']);
    expect(codes(await staff('parent'))).toEqual(['FORBIDDEN']);
    expect(codes(await staff('admin', otherSchool.id))).toEqual(['NOT_FOUND']);
  });
});

describe('grantRole / revokeRole', () => {
  it('R-ROLE-1: the administrator makes a parent of the school a teacher, audited', async () => {
    const parent = people.parent!;
    const r = await grant('admin', { personId: parent.id, role: Role.TEACHER });
    expect(r.errors).toBeUndefined();
    expect(r.data!.grantRole).toEqual({ person: { id: parent.id }, roles: [Role.TEACHER] });
    expect(await rolesInDb(parent)).toEqual([
      [Role.TEACHER, 'active'],
      [Role.PARENT, 'active'],
    ]);
    const events = await em
      .fork()
      .find(AuditEvent, { action: 'grantRole', actorId: people.admin!.id, schoolId: school.id });
    expect(events.map((e) => e.after)).toContainEqual({
      personId: parent.id,
      role: Role.TEACHER,
      revokedAt: null,
    });
    // Their very next request works as a teacher.
    const mine = await gql<{ myJournalPages: unknown[] }>(
      app.url,
      `query($on: String) { myJournalPages(on: $on) { __typename } }`,
      { on: '2026-10-01' },
      { token: token.parent },
    );
    expect(mine.errors).toBeUndefined();
    expect(codes(await grant('admin', { personId: parent.id, role: Role.TEACHER }))).toEqual([
      'CONFLICT',
    ]);
  });

  it('R-ROLE-1: refuses family roles, other schools’ people and anyone but the administrator', async () => {
    const before = await em.fork().count(RoleAssignment, {});
    const teacher = people.teacher!.id;
    const bad = await grant('admin', { personId: teacher, role: Role.STUDENT });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.extensions?.field).toBe('role');
    expect(
      codes(await grant('admin', { personId: people.otherTeacher!.id, role: Role.DEPUTY })),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await grant('admin', { personId: 'nope', role: Role.DEPUTY }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      codes(
        await grant('otherAdmin', { personId: teacher, role: Role.DEPUTY, schoolId: school.id }),
      ),
    ).toEqual(['NOT_FOUND']);
    // R-AUTH-1 lets the deputy hand out credentials (issueInvitation), not roles.
    for (const who of ['deputy', 'clerk', 'teacher', 'student']) {
      expect(codes(await grant(who, { personId: teacher, role: Role.DEPUTY }))).toEqual([
        'FORBIDDEN',
      ]);
      expect(
        codes(await revoke(who, { personId: teacher, role: Role.TEACHER, reason: 'x' })),
      ).toEqual(['FORBIDDEN']);
    }
    const noReason = await revoke('admin', { personId: teacher, role: Role.TEACHER, reason: ' ' });
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors?.[0]?.extensions?.field).toBe('reason');
    const notHeld = await revoke('admin', { personId: teacher, role: Role.DEPUTY, reason: 'x' });
    expect(codes(notHeld)).toEqual(['BAD_USER_INPUT']);
    expect(notHeld.errors?.[0]?.extensions?.field).toBe('role');
    expect(await em.fork().count(RoleAssignment, {})).toBe(before);
  });

  it('R-ROLE-1, R-AUTH-1: a revoked teacher loses access on their next request', async () => {
    const teacher = people.teacher!;
    expect((await journalPage('teacher')).errors).toBeUndefined();
    // A code issued before the revocation must not let them in afterwards.
    const issued = await gql<{ issueInvitation: { code: string } }>(
      app.url,
      `mutation($input: IssueInvitationInput!) { issueInvitation(input: $input) { code } }`,
      { input: { personId: teacher.id } },
      { token: token.admin },
    );
    expect(issued.errors).toBeUndefined();

    const r = await revoke('admin', {
      personId: teacher.id,
      role: Role.TEACHER,
      reason: 'Приказ № 12-к об увольнении',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.revokeRole).toEqual({ person: { id: teacher.id }, roles: [] });

    // Same session, next request: the role is gone.
    expect(codes(await journalPage('teacher'))).toEqual(['FORBIDDEN']);
    const me = await gql<{ me: { roles: unknown[] } }>(
      app.url,
      `{ me { roles { role } } }`,
      {},
      { token: token.teacher },
    );
    expect(me.data!.me.roles).toEqual([]);
    expect((await staff('admin')).data!.staff.map((m) => m.person.id)).not.toContain(teacher.id);
    const redeem = await gql(
      app.url,
      `mutation($input: RedeemInvitationInput!) { redeemInvitation(input: $input) { token } }`,
      {
        input: {
          code: issued.data!.issueInvitation.code,
          login: 'gone.teacher',
          password: 'a long enough password',
        },
      },
    );
    expect(codes(redeem)).toEqual(['BAD_USER_INPUT']);

    const [event] = await em
      .fork()
      .find(AuditEvent, { action: 'revokeRole', entityType: 'RoleAssignment' });
    expect(event).toMatchObject({
      actorId: people.admin!.id,
      schoolId: school.id,
      reason: 'Приказ № 12-к об увольнении',
      before: { personId: teacher.id, role: Role.TEACHER, revokedAt: null },
    });

    // Taken back on: the same assignment row is live again, and so is the page.
    const back = await grant('admin', { personId: teacher.id, role: Role.TEACHER });
    expect(back.data!.grantRole.roles).toEqual([Role.TEACHER]);
    expect(await rolesInDb(teacher)).toEqual([[Role.TEACHER, 'active']]);
    expect((await journalPage('teacher')).errors).toBeUndefined();
  });

  it('R-ROLE-1: refuses revoking the last administrator of a school', async () => {
    const admin = people.otherAdmin!;
    const last = await revoke('otherAdmin', {
      personId: admin.id,
      role: Role.ADMINISTRATOR,
      reason: 'leaving',
    });
    expect(codes(last)).toEqual(['CONFLICT']);
    expect(await rolesInDb(admin, otherSchool)).toEqual([[Role.ADMINISTRATOR, 'active']]);

    const successor = people.otherTeacher!;
    expect(
      (await grant('otherAdmin', { personId: successor.id, role: Role.ADMINISTRATOR })).errors,
    ).toBeUndefined();
    const handedOver = await revoke('otherAdmin', {
      personId: admin.id,
      role: Role.ADMINISTRATOR,
      reason: 'handed over',
    });
    expect(handedOver.errors).toBeUndefined();
    expect(await rolesInDb(admin, otherSchool)).toEqual([[Role.ADMINISTRATOR, 'revoked']]);
    // The successor, now the only administrator, cannot leave the school without one either.
    expect(
      codes(
        await revoke('otherTeacher', {
          personId: successor.id,
          role: Role.ADMINISTRATOR,
          reason: 'x',
        }),
      ),
    ).toEqual(['CONFLICT']);
  });

  it('R-ROLE-1: two administrators revoking each other at once leave the school one of them', async () => {
    const f = app.orm.em.fork();
    const s = await createSchool(f);
    const a = await createPerson(f, { school: s, roles: [Role.ADMINISTRATOR], lastName: 'А' });
    const b = await createPerson(f, { school: s, roles: [Role.ADMINISTRATOR], lastName: 'Б' });
    token.raceA = await sessionFor(f, a);
    token.raceB = await sessionFor(f, b);
    const results = await Promise.all([
      revoke('raceA', { personId: b.id, role: Role.ADMINISTRATOR, reason: 'race' }),
      revoke('raceB', { personId: a.id, role: Role.ADMINISTRATOR, reason: 'race' }),
    ]);
    // The loser either finds the winner the last administrator (CONFLICT) or, when the winner
    // committed first, is no administrator any more (FORBIDDEN); never do both revocations land.
    const [won, lost] = results.map((r) => codes(r).join()).sort();
    expect(won).toBe('');
    expect(['CONFLICT', 'FORBIDDEN']).toContain(lost);
    const active = await em
      .fork()
      .count(RoleAssignment, { school: s, role: Role.ADMINISTRATOR, revokedAt: null });
    expect(active).toBe(1);
  });
});
