// Issue 8: API access for analytics tools — clients, scoped read-only tokens, rate limit, request
// log, and keyset connections.
import type { EntityManager } from '@mikro-orm/postgresql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
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
  createPeriod,
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { Attendance, AttendanceStatus } from '../journal/attendance.entity.js';
import type { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { ApiClient } from './api-client.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role, RoleAssignment } from '../people/role-assignment.entity.js';
import type { School } from '../school/school.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import type { ReportingPeriod } from '../year/reporting-period.entity.js';
import type { AcademicYear } from '../year/academic-year.entity.js';

let app: TestApp;
let em: EntityManager;

interface Fixture {
  school: School;
  year: AcademicYear;
  period: ReportingPeriod;
  assignment: TeachingAssignment;
  director: Person;
  teacher: Person;
  students: Person[];
  lessons: Lesson[];
}

let a: Fixture;
let b: Fixture;
let directorA: string;
let teacherA: string;
let directorB: string;

const LESSON_DATES = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-07', '2026-09-08'];

async function fixture(): Promise<Fixture> {
  const school = await createSchool(em);
  const director = await createPerson(em, { school, roles: [Role.DIRECTOR] });
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const year = await createYear(em, school);
  const period = await createPeriod(em, year);
  const schoolClass = await createClass(em, { school, year, classTeacher: teacher });
  const subject = await createSubject(em, school);
  const assignment = await createAssignment(em, { teacher, subject, schoolClass });
  const students: Person[] = [];
  for (let i = 0; i < 3; i++) {
    students.push((await createFamily(em, { schoolClass })).student);
  }
  const lessons: Lesson[] = [];
  for (const date of LESSON_DATES) {
    lessons.push(await createLesson(em, assignment, { date }));
  }
  // Every student a mark at every lesson; the first student absent at every lesson.
  for (const lesson of lessons) {
    for (const student of students) {
      em.persist(
        em.create(Mark, {
          school,
          lesson,
          student,
          value: '5',
          numericValue: 5,
          enteredBy: teacher,
        }),
      );
    }
    em.persist(
      em.create(Attendance, {
        school,
        lesson,
        student: students[0]!,
        status: AttendanceStatus.ABSENT,
        enteredBy: teacher,
      }),
    );
  }
  await em.flush();
  return { school, year, period, assignment, director, teacher, students, lessons };
}

const CREATE = `mutation($input: CreateApiClientInput!) {
  createApiClient(input: $input) { token client { id name scopes schoolIds tokenPrefix lastUsedAt revokedAt } }
}`;

async function createToken(
  scopes: string[],
  schoolIds = [a.school.id],
  as = directorA,
): Promise<{ id: string; token: string }> {
  const r = await gql<{ createApiClient: { token: string; client: { id: string } } }>(
    app.url,
    CREATE,
    { input: { name: 'Analytics', schoolIds, scopes } },
    { token: as },
  );
  expect(r.errors).toBeUndefined();
  return { id: r.data!.createApiClient.client.id, token: r.data!.createApiClient.token };
}

const MARKS_PAGE = `query($schoolId: ID!, $first: Int, $after: String) {
  marksConnection(schoolId: $schoolId, from: "2026-09-01", to: "2026-09-30", first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id value lesson { id date } student { id lastName } } }
  }
}`;

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  a = await fixture();
  b = await fixture();
  directorA = await sessionFor(em, a.director);
  teacherA = await sessionFor(em, a.teacher);
  directorB = await sessionFor(em, b.director);
});

afterAll(async () => {
  await app?.close();
});

describe('API clients: the administration issues, lists and revokes them', () => {
  it('creates a client whose token is shown once and never again', async () => {
    const r = await gql<{
      createApiClient: { token: string; client: { id: string; scopes: string[] } };
    }>(
      app.url,
      CREATE,
      { input: { name: ' BI tool ', schoolIds: [a.school.id], scopes: ['MARKS', 'STRUCTURE'] } },
      { token: directorA },
    );
    expect(r.errors).toBeUndefined();
    const { token, client } = r.data!.createApiClient;
    expect(token).toMatch(/^cbk_[A-Za-z0-9_-]{43}$/);
    expect(client.scopes).toEqual(['MARKS', 'STRUCTURE']);

    // The list has no field that could carry the token, and no value that holds it.
    const type = await gql<{ __type: { fields: { name: string }[] } }>(
      app.url,
      '{ __type(name: "ApiClient") { fields { name } } }',
      {},
      { token: directorA },
    );
    const fields = type.data!.__type.fields.map((f) => f.name);
    expect(fields).not.toContain('token');
    expect(fields).not.toContain('tokenHash');
    const list = await gql<{ apiClients: { id: string; name: string; tokenPrefix: string }[] }>(
      app.url,
      `query($s: ID!) { apiClients(schoolId: $s) { id name tokenPrefix scopes lastUsedAt revokedAt createdBy { id } } }`,
      { s: a.school.id },
      { token: directorA },
    );
    expect(list.errors).toBeUndefined();
    const listed = list.data!.apiClients.find((c) => c.id === client.id)!;
    expect(listed.name).toBe('BI tool');
    expect(token.startsWith(listed.tokenPrefix)).toBe(true);
    expect(JSON.stringify(list.data)).not.toContain(token);
    // The database keeps only the hash.
    const rows = await em
      .getConnection()
      .execute<{ token_hash: string }[]>('select token_hash from api_client where id = ?', [
        client.id,
      ]);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toContain(token.slice(4));

    // Audited under the school, without the token.
    const audit = await em
      .getConnection()
      .execute<{ actor_id: string; school_id: string; after: Record<string, unknown> }[]>(
        `select actor_id, school_id, after from audit_event where entity_type = 'ApiClient' and entity_id = ? and action = 'createApiClient'`,
        [client.id],
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(a.director.id);
    expect(audit[0]!.school_id).toBe(a.school.id);
    expect(audit[0]!.after).toMatchObject({ name: 'BI tool', scopes: ['MARKS', 'STRUCTURE'] });
    expect(JSON.stringify(audit[0]!.after)).not.toContain(token.slice(4));
  });

  it('is the administration’s: a teacher is refused, another school is not found', async () => {
    const input = { name: 'x', schoolIds: [a.school.id], scopes: ['MARKS'] };
    expect(codes(await gql(app.url, CREATE, { input }, { token: teacherA }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await gql(app.url, CREATE, { input }, { token: directorB }))).toEqual([
      'NOT_FOUND',
    ]);
    const both = { ...input, schoolIds: [a.school.id, b.school.id] };
    expect(codes(await gql(app.url, CREATE, { input: both }, { token: directorA }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      codes(
        await gql(
          app.url,
          `query($s: ID!) { apiClients(schoolId: $s) { id } }`,
          { s: a.school.id },
          { token: directorB },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
  });

  it('refuses bad input with typed errors and writes nothing', async () => {
    const before = await em.fork().count(ApiClient, {});
    for (const input of [
      { name: ' ', schoolIds: [a.school.id], scopes: ['MARKS'] },
      { name: 'x', schoolIds: [], scopes: ['MARKS'] },
      { name: 'x', schoolIds: [a.school.id], scopes: [] },
      { name: 'x'.repeat(201), schoolIds: [a.school.id], scopes: ['MARKS'] },
    ]) {
      expect(codes(await gql(app.url, CREATE, { input }, { token: directorA }))).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
    expect(await em.fork().count(ApiClient, {})).toBe(before);
  });

  it('revokes with a reason: the token is refused at once, and the revocation is audited', async () => {
    const { id, token } = await createToken(['STRUCTURE']);
    const years = `query($s: ID!) { academicYears(schoolId: $s) { id } }`;
    expect((await gql(app.url, years, { s: a.school.id }, { token })).errors).toBeUndefined();

    const REVOKE = `mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { id revokedAt revokeReason } }`;
    expect(
      codes(await gql(app.url, REVOKE, { input: { id, reason: ' ' } }, { token: directorA })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(await gql(app.url, REVOKE, { input: { id, reason: 'leak' } }, { token: directorB })),
    ).toEqual(['NOT_FOUND']);
    expect(
      codes(await gql(app.url, REVOKE, { input: { id, reason: 'leak' } }, { token: teacherA })),
    ).toEqual(['FORBIDDEN']);
    const revoked = await gql<{ revokeApiClient: { revokedAt: string; revokeReason: string } }>(
      app.url,
      REVOKE,
      { input: { id, reason: 'Tool retired' } },
      { token: directorA },
    );
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeApiClient.revokeReason).toBe('Tool retired');

    const refused = await gql(app.url, years, { s: a.school.id }, { token });
    expect(refused.status).toBe(401);
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    // Even fields anyone may ask are refused: the token itself is dead.
    expect(codes(await gql(app.url, '{ me { __typename } }', {}, { token }))).toEqual([
      'UNAUTHENTICATED',
    ]);

    expect(
      codes(await gql(app.url, REVOKE, { input: { id, reason: 'again' } }, { token: directorA })),
    ).toEqual(['BAD_USER_INPUT']);
    const audit = await em.getConnection().execute<
      {
        actor_id: string;
        reason: string;
        before: { revokedAt: unknown };
        after: { revokedAt: unknown };
      }[]
    >(`select actor_id, reason, before, after from audit_event where entity_id = ? and action = 'revokeApiClient'`, [id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: a.director.id, reason: 'Tool retired' });
    expect(audit[0]!.before.revokedAt).toBeNull();
    expect(audit[0]!.after.revokedAt).toEqual(expect.any(String));
  });

  it('covers several schools for one who administers each; either school may revoke it', async () => {
    const district = await createPerson(em, { school: a.school, roles: [Role.DIRECTOR] });
    em.persist(
      em.create(RoleAssignment, { school: b.school, person: district, role: Role.DEPUTY }),
    );
    await em.flush();
    const both = await createToken(
      ['MARKS'],
      [a.school.id, b.school.id],
      await sessionFor(em, district),
    );
    for (const school of [a.school, b.school]) {
      const r = await gql<{ marksConnection: { totalCount: number } }>(
        app.url,
        MARKS_PAGE,
        { schoolId: school.id, first: 1 },
        { token: both.token },
      );
      expect(r.data?.marksConnection.totalCount).toBe(15);
    }
    const revoked = await gql(
      app.url,
      `mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { id } }`,
      { input: { id: both.id, reason: 'School B opts out' } },
      { token: directorB },
    );
    expect(revoked.errors).toBeUndefined();
    expect(
      codes(await gql(app.url, MARKS_PAGE, { schoolId: a.school.id }, { token: both.token })),
    ).toEqual(['UNAUTHENTICATED']);
    // Each school's trail records the creation and the revocation.
    const audit = await em
      .getConnection()
      .execute<{ school_id: string; action: string }[]>(
        `select school_id, action from audit_event where entity_id = ? order by action, school_id`,
        [both.id],
      );
    expect(audit).toEqual(
      expect.arrayContaining([
        { school_id: a.school.id, action: 'createApiClient' },
        { school_id: b.school.id, action: 'createApiClient' },
        { school_id: a.school.id, action: 'revokeApiClient' },
        { school_id: b.school.id, action: 'revokeApiClient' },
      ]),
    );
    expect(audit).toHaveLength(4);
  });

  it('answers an unknown API token UNAUTHENTICATED', async () => {
    const r = await gql(app.url, '{ me { id } }', {}, { token: 'cbk_not-a-real-token' });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('API tokens read their schools, within their scopes, and never write', () => {
  it('reads scoped data of its school', async () => {
    const { token } = await createToken(['MARKS', 'ATTENDANCE', 'STRUCTURE']);
    const r = await gql<{ marksConnection: { totalCount: number } }>(
      app.url,
      MARKS_PAGE,
      { schoolId: a.school.id, first: 5 },
      { token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.marksConnection.totalCount).toBe(15);
    const page = await gql<{ journalPage: { __typename: string } }>(
      app.url,
      `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) { __typename } }`,
      { a: a.assignment.id, p: a.period.id },
      { token },
    );
    expect(page.errors).toBeUndefined();
    const classes = await gql<{ schoolClasses: { id: string }[] }>(
      app.url,
      `query($y: ID!) { schoolClasses(yearId: $y) { id } }`,
      { y: a.year.id },
      { token },
    );
    expect(classes.errors).toBeUndefined();
    expect(classes.data!.schoolClasses).toHaveLength(1);
  });

  it('is refused a field outside its scopes, and any field without a scope', async () => {
    const { token } = await createToken(['MARKS']);
    const attendance = `query($s: ID!) { attendanceConnection(schoolId: $s, from: "2026-09-01", to: "2026-09-30") { totalCount } }`;
    expect(codes(await gql(app.url, attendance, { s: a.school.id }, { token }))).toEqual([
      'FORBIDDEN',
    ]);
    // A journal page shows absences: it needs ATTENDANCE as well.
    expect(
      codes(
        await gql(
          app.url,
          `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) { __typename } }`,
          { a: a.assignment.id, p: a.period.id },
          { token },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    for (const query of [
      '{ me { __typename } }',
      '{ staff { __typename } }',
      '{ myThreads { __typename } }',
    ]) {
      expect(codes(await gql(app.url, query, {}, { token }))).toEqual(['FORBIDDEN']);
    }
    expect(
      codes(
        await gql(
          app.url,
          `query($s: ID!) { apiClients(schoolId: $s) { id } }`,
          { s: a.school.id },
          { token },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('does not reach another school’s data, by school or by id', async () => {
    const { token } = await createToken(['MARKS', 'ATTENDANCE', 'STRUCTURE']);
    expect(
      codes(await gql(app.url, MARKS_PAGE, { schoolId: b.school.id, first: 5 }, { token })),
    ).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await gql(
          app.url,
          `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) { __typename } }`,
          { a: b.assignment.id, p: b.period.id },
          { token },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const classes = await gql<{ schoolClasses: unknown[] }>(
      app.url,
      `query($y: ID!) { schoolClasses(yearId: $y) { id } }`,
      { y: b.year.id },
      { token },
    );
    expect(classes.data?.schoolClasses ?? []).toEqual([]);
  });

  it('is refused every mutation and subscription', async () => {
    const { token } = await createToken(['MARKS', 'ATTENDANCE', 'STRUCTURE']);
    const input = { name: 'x', schoolIds: [a.school.id], scopes: ['MARKS'] };
    expect(codes(await gql(app.url, CREATE, { input }, { token }))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await gql(
          app.url,
          `mutation($l: String!) { setMyLocale(input: { locale: $l }) { id } }`,
          { l: 'en' },
          { token },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, 'mutation { signOut }', {}, { token }))).toEqual(['FORBIDDEN']);
    // Sockets are for people's live screens: an API token does not open one.
    const closed = await new Promise<number | string>((resolve) => {
      const client = createClient({
        url: app.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authToken: token },
        retryAttempts: 0,
      });
      client.subscribe(
        {
          query: `subscription($s: ID!) { studentJournalChanged(studentId: $s) { __typename } }`,
          variables: { s: a.students[0]!.id },
        },
        {
          next: (r) => resolve(String(r.errors?.[0]?.extensions?.code)),
          error: (err) => {
            resolve((err as { code?: number }).code ?? 'ERROR');
            void client.dispose();
          },
          complete: () => resolve('COMPLETE'),
        },
      );
    });
    expect(closed).toBe(4403);
  });

  it('sees names but no personal data or sign-in names without CONTACTS', async () => {
    const students = `query($s: ID!) {
      studentsConnection(schoolId: $s) { nodes { id lastName login personalData { phone email } } }
    }`;
    const query = `query($s: ID!, $p: ID!) {
      studentsConnection(schoolId: $s) { nodes { id lastName login personalData { phone email } } }
      personalData(personId: $p) { phone }
    }`;
    const vars = { s: a.school.id, p: a.students[0]!.id };
    const { token } = await createToken(['STRUCTURE']);
    const r = await gql<{ studentsConnection: { nodes: Record<string, unknown>[] } }>(
      app.url,
      students,
      { s: a.school.id },
      { token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.studentsConnection.nodes).toHaveLength(3);
    for (const node of r.data!.studentsConnection.nodes) {
      expect(node.lastName).toBe('Петрова');
      expect(node.login).toBeNull();
      expect(node.personalData).toBeNull();
    }
    expect(codes(await gql(app.url, query, vars, { token }))).toContain('FORBIDDEN');

    const granted = await createToken(['STRUCTURE', 'CONTACTS']);
    const g = await gql<{
      studentsConnection: { nodes: { personalData: unknown }[] };
      personalData: unknown;
    }>(app.url, query, vars, { token: granted.token });
    expect(g.errors).toBeUndefined();
    expect(g.data!.personalData).not.toBeNull();
    expect(g.data!.studentsConnection.nodes.every((n) => n.personalData !== null)).toBe(true);
  });

  it('may introspect the schema', async () => {
    const { token } = await createToken(['MARKS']);
    const r = await gql(app.url, '{ __schema { queryType { name } } }', {}, { token });
    expect(r.errors).toBeUndefined();
    expect(codes(await gql(app.url, '{ __schema { queryType { name } } }'))).toEqual(['FORBIDDEN']);
  });

  it('logs requests per minute and root fields, and keeps the last use', async () => {
    const { id, token } = await createToken(['MARKS']);
    for (let i = 0; i < 3; i++) {
      await gql(app.url, MARKS_PAGE, { schoolId: a.school.id, first: 1 }, { token });
    }
    await gql(app.url, '{ me { __typename } }', {}, { token });
    const rows = await em
      .fork()
      .getConnection()
      .execute<{ fields: string; count: number; ip: string }[]>(
        'select fields, count, ip from api_request where client_id = ? order by fields',
        [id],
      );
    expect(rows.map((r) => [r.fields, r.count])).toEqual([
      ['marksConnection', 3],
      ['me', 1],
    ]);
    expect(rows[0]!.ip).not.toBe('');
    const list = await gql<{ apiClients: { id: string; lastUsedAt: string | null }[] }>(
      app.url,
      `query($s: ID!) { apiClients(schoolId: $s) { id lastUsedAt } }`,
      { s: a.school.id },
      { token: directorA },
    );
    expect(list.data!.apiClients.find((c) => c.id === id)!.lastUsedAt).not.toBeNull();
  });
});

describe('connections: keyset pages with a maximum size', () => {
  async function walk<T>(
    query: string,
    root: string,
    vars: Record<string, unknown>,
    token: string,
  ): Promise<{ ids: T[]; pages: number; total: number }> {
    const ids: T[] = [];
    let after: string | null = null;
    let pages = 0;
    let total: number;
    for (;;) {
      const r: GqlResult<Record<string, Conn>> = await gql<Record<string, Conn>>(
        app.url,
        query,
        { ...vars, after },
        { token },
      );
      expect(r.errors).toBeUndefined();
      const conn = r.data![root]!;
      total = conn.totalCount;
      ids.push(...conn.edges.map((e) => e.node.id as T));
      pages++;
      if (!conn.pageInfo.hasNextPage) {
        expect(conn.edges.length).toBeGreaterThan(0);
        break;
      }
      after = conn.pageInfo.endCursor;
    }
    return { ids, pages, total };
  }

  interface Conn {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string } }[];
  }

  it('walks every mark, attendance record, lesson and student exactly once', async () => {
    const { token } = await createToken(['MARKS', 'ATTENDANCE', 'STRUCTURE']);
    const dated = (root: string) => `query($s: ID!, $first: Int, $after: String) {
      ${root}(schoolId: $s, from: "2026-09-01", to: "2026-09-30", first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`;
    const cases: [string, string, number][] = [
      ['marksConnection', dated('marksConnection'), 15],
      ['attendanceConnection', dated('attendanceConnection'), 5],
      ['lessonsConnection', dated('lessonsConnection'), 5],
      [
        'studentsConnection',
        `query($s: ID!, $first: Int, $after: String) { studentsConnection(schoolId: $s, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
        3,
      ],
    ];
    for (const [root, query, expected] of cases) {
      const { ids, pages, total } = await walk<string>(
        query,
        root,
        { s: a.school.id, first: 2 },
        token,
      );
      expect(new Set(ids).size, root).toBe(ids.length);
      expect(ids, root).toHaveLength(expected);
      expect(total, root).toBe(expected);
      expect(pages, root).toBe(Math.ceil(expected / 2));
    }
    // The same set as the database holds, in lesson-date order.
    const { ids } = await walk<string>(
      dated('marksConnection'),
      'marksConnection',
      { s: a.school.id, first: 4 },
      token,
    );
    const inDb = await em
      .getConnection()
      .execute<{ id: string }[]>(
        'select m.id from mark m join lesson l on l.id = m.lesson_id where m.school_id = ? order by l.date, m.id',
        [a.school.id],
      );
    expect(ids).toEqual(inDb.map((r) => r.id));
  });

  it('keeps to the maximum page size and refuses a forged cursor', async () => {
    const { token } = await createToken(['MARKS']);
    for (const first of [501, 0, -1]) {
      const r = await gql(app.url, MARKS_PAGE, { schoolId: a.school.id, first }, { token });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions!.field).toBe('first');
    }
    expect(
      (await gql(app.url, MARKS_PAGE, { schoolId: a.school.id, first: 500 }, { token })).errors,
    ).toBeUndefined();
    for (const after of ['garbage', Buffer.from('["x","y"]').toString('base64url')]) {
      expect(
        codes(await gql(app.url, MARKS_PAGE, { schoolId: a.school.id, after }, { token })),
      ).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('costs the same statements for a page of 2 as for a page of 15', async () => {
    const { token } = await createToken(['MARKS']);
    const statements = async (first: number) => {
      app.resetQueries();
      const r = await gql(app.url, MARKS_PAGE, { schoolId: a.school.id, first }, { token });
      expect(r.errors).toBeUndefined();
      return app.queries.length;
    };
    await statements(1); // warm: metadata and first-use queries
    expect(await statements(2)).toBe(await statements(15));
  });

  it('is the administration’s for people, of their own school', async () => {
    expect(
      codes(await gql(app.url, MARKS_PAGE, { schoolId: a.school.id }, { token: teacherA })),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(await gql(app.url, MARKS_PAGE, { schoolId: a.school.id }, { token: directorB })),
    ).toEqual(['NOT_FOUND']);
    const r = await gql<{ marksConnection: { totalCount: number } }>(
      app.url,
      MARKS_PAGE,
      { schoolId: a.school.id, first: 3 },
      { token: directorA },
    );
    expect(r.data!.marksConnection.totalCount).toBe(15);
  });
});

describe('rate limit per API token', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the limit, then serves again', async () => {
    const limited = await startTestApp({ apiRateLimit: { points: 3, windowSeconds: 1 } }, app);
    try {
      const { token } = await createToken(['STRUCTURE']);
      const other = await createToken(['STRUCTURE']);
      const ask = (t: string) =>
        fetch(limited.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
          body: JSON.stringify({
            query: 'query($s: ID!) { academicYears(schoolId: $s) { id } }',
            variables: { s: a.school.id },
          }),
        });
      for (let i = 0; i < 3; i++) {
        expect((await ask(token)).status).toBe(200);
      }
      const refused = await ask(token);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
      // Another token has its own allowance.
      expect((await ask(other.token)).status).toBe(200);
      // After the window the token is served again (waits for the window, not a guessed time).
      let status = 429;
      for (let tries = 0; status === 429 && tries < 50; tries++) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await ask(token)).status;
      }
      expect(status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
