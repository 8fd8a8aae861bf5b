import type { EntityManager } from '@mikro-orm/postgresql';
import {
  graphql,
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
} from '../../test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  sessionFor,
} from '../../test/factories/journal.js';
import { gql, startTestApp, type TestApp } from '../../test/harness.js';
import { viewerFromToken } from '../auth/viewer.js';
import { Lesson } from '../modules/journal/lesson.entity.js';
import { Mark } from '../modules/journal/mark.entity.js';
import { Person } from '../modules/people/person.entity.js';
import { Role, RoleAssignment } from '../modules/people/role-assignment.entity.js';
import type { School } from '../modules/school/school.entity.js';
import { newRowScope, scopeToViewer, withRowScope } from './row-scope.js';

/** One school's journal: a teacher, a class with a family, a lesson with a mark. */
async function journalOf(em: EntityManager, school: School) {
  const year = await createYear(em, school);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const schoolClass = await createClass(em, { school, year, classTeacher: teacher });
  const { student, parent } = await createFamily(em, { schoolClass });
  const subject = await createSubject(em, school);
  const period = await createPeriod(em, year);
  const assignment = await createAssignment(em, { teacher, subject, schoolClass });
  const lesson = await createLesson(em, assignment, { date: '2026-09-07' });
  const mark = em.create(Mark, {
    school,
    lesson,
    student,
    value: '5',
    numericValue: 5,
    enteredBy: teacher,
  });
  await em.persist(mark).flush();
  return { school, teacher, student, parent, schoolClass, assignment, period, lesson, mark };
}

type Journal = Awaited<ReturnType<typeof journalOf>>;

describe('row-level security under the GraphQL permissions (issue 8, defence in depth)', () => {
  let app: TestApp;
  let a: Journal;
  let b: Journal;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    app = await startTestApp();
    // The owner's connection (factories) is not under row security: it sets up both schools.
    const em = app.orm.em.fork();
    a = await journalOf(em, await createSchool(em));
    b = await journalOf(em, await createSchool(em));
    tokenA = await sessionFor(em, a.teacher);
    tokenB = await sessionFor(em, b.teacher);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** What the application does for an operation: a row scope, filled once the viewer is known. */
  async function asViewerOf<T>(token: string, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return withRowScope(newRowScope(), async () => {
      const em = app.appOrm.em.fork();
      scopeToViewer(await viewerFromToken(em, token));
      return fn(em);
    });
  }

  it('the application connects as a role that is no superuser, cannot bypass row security and owns no table', async () => {
    const conn = app.appOrm.em.fork().getConnection();
    const [me] = await conn.execute<{ name: string; rolsuper: boolean; rolbypassrls: boolean }[]>(
      `select r.rolname as name, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`,
    );
    expect(me).toEqual({ name: 'classbook_app', rolsuper: false, rolbypassrls: false });
    const [owned] = await conn.execute<{ n: number }[]>(
      `select count(*)::int as n from pg_class where relowner = (select oid from pg_roles where rolname = current_user)`,
    );
    expect(owned!.n).toBe(0);
  });

  it('every table with a school_id column has row security enabled and a policy (but one, on purpose)', async () => {
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ table: string; rls: boolean; policies: number }[]>(
        `select c.relname as table, c.relrowsecurity as rls,
                (select count(*)::int from pg_policies p where p.tablename = c.relname) as policies
           from information_schema.columns col
           join pg_class c on c.relname = col.table_name and c.relkind = 'r'
           join pg_namespace n on n.oid = c.relnamespace and n.nspname = col.table_schema
          where col.table_schema = 'public' and col.column_name = 'school_id'
          order by 1`,
      );
    expect(rows.length).toBeGreaterThanOrEqual(28);
    // An invitation is looked up by its code by someone not yet signed in, before any school is
    // known (redeemInvitation); the row holds only the code's hash (README, "Row-level security").
    expect(rows.filter((r) => !r.rls || r.policies === 0).map((r) => r.table)).toEqual([
      'invitation',
    ]);
  });

  it('a deliberately unguarded path, run as a viewer of school A, finds none of school B’s rows by id', async () => {
    // An API field that forgot its permission rule: it loads whatever id it is given.
    const unguarded = new GraphQLSchema({
      query: new GraphQLObjectType<unknown, { em: EntityManager }>({
        name: 'Query',
        fields: {
          markValue: {
            type: GraphQLString,
            args: { id: { type: new GraphQLNonNull(GraphQLID) } },
            resolve: async (_root, args: { id: string }, ctx) =>
              (await ctx.em.findOne(Mark, args.id))?.value ?? null,
          },
          lessonTopics: {
            type: new GraphQLList(GraphQLString),
            args: { ids: { type: new GraphQLList(new GraphQLNonNull(GraphQLID)) } },
            resolve: async (_root, args: { ids: string[] }, ctx) =>
              (await ctx.em.find(Lesson, { id: { $in: args.ids } })).map((l) => l.topic),
          },
          classmates: {
            type: new GraphQLList(GraphQLString),
            args: { classId: { type: new GraphQLNonNull(GraphQLID) } },
            // Raw SQL too: the scope is on the connection, not in the ORM.
            resolve: async (_root, args: { classId: string }, ctx) =>
              (
                await ctx.em
                  .getConnection()
                  .execute<{ student_id: string }[]>(
                    'select student_id from enrolment where school_class_id = ?',
                    [args.classId],
                  )
              ).map((r) => r.student_id),
          },
        },
      }),
    });
    const ask = (token: string, query: string, variableValues: Record<string, unknown>) =>
      asViewerOf(token, (em) =>
        graphql({ schema: unguarded, source: query, variableValues, contextValue: { em } }),
      );
    const q = `query($mark: ID!, $lessons: [ID!], $class: ID!) {
      markValue(id: $mark) lessonTopics(ids: $lessons) classmates(classId: $class)
    }`;

    // School A's own rows come back: the path works...
    const own = await ask(tokenA, q, {
      mark: a.mark.id,
      lessons: [a.lesson.id],
      class: a.schoolClass.id,
    });
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual({
      markValue: '5',
      lessonTopics: [a.lesson.topic],
      classmates: [a.student.id],
    });
    // ...and school B's, asked for by id through the same path, do not exist for A's teacher.
    const other = await ask(tokenA, q, {
      mark: b.mark.id,
      lessons: [b.lesson.id, a.lesson.id],
      class: b.schoolClass.id,
    });
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ markValue: null, lessonTopics: [a.lesson.topic], classmates: [] });
    // The same for B's teacher the other way round.
    const back = await ask(tokenB, q, {
      mark: a.mark.id,
      lessons: [a.lesson.id],
      class: a.schoolClass.id,
    });
    expect(back.data).toEqual({ markValue: null, lessonTopics: [], classmates: [] });
  });

  it('without a viewer (anonymous, or a path that forgot the scope) no school row is visible', async () => {
    const counts = await withRowScope(newRowScope(), async () => {
      const em = app.appOrm.em.fork();
      return {
        marks: await em.count(Mark, {}),
        lessons: await em.count(Lesson, {}),
        roles: await em.count(RoleAssignment, {}),
      };
    });
    expect(counts).toEqual({ marks: 0, lessons: 0, roles: 0 });
    // Outside any operation's scope too (what a background task on the app's pool would see).
    expect(await app.appOrm.em.fork().count(Mark, {})).toBe(0);
    // The owner's connection sees both schools' marks: the rows are there.
    expect(await app.orm.em.fork().count(Mark, {})).toBeGreaterThanOrEqual(2);
  });

  it('raw SQL on the app’s connection with school A’s setting sees A’s rows and no B rows; no setting sees none', async () => {
    const em = app.appOrm.em.fork();
    const seen = await em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx: unknown = tx.getTransactionContext();
      const count = async () =>
        (
          await conn.execute<{ a: number; b: number }[]>(
            `select count(*) filter (where school_id = ?)::int as a,
                    count(*) filter (where school_id = ?)::int as b from mark`,
            [a.school.id, b.school.id],
            'all',
            ctx,
          )
        )[0];
      // Transaction-local, so the pool's remembered scope of this connection stays true.
      await conn.execute(`select set_config('classbook.school_ids', '', true)`, [], 'all', ctx);
      const none = await count();
      await conn.execute(
        `select set_config('classbook.school_ids', ?, true)`,
        [`{${a.school.id}}`],
        'all',
        ctx,
      );
      const onlyA = await count();
      // Writing into school B is refused, and B's rows cannot be changed.
      const updated = await conn.execute(
        `update mark set value = '2' where id = ?`,
        [b.mark.id],
        'run',
        ctx,
      );
      return { none, onlyA, updated: (updated as { affectedRows?: number }).affectedRows };
    });
    expect(seen).toEqual({ none: { a: 0, b: 0 }, onlyA: { a: 1, b: 0 }, updated: 0 });
    const markB = await app.orm.em.fork().findOneOrFail(Mark, b.mark.id);
    expect(markB.value).toBe('5');
  });

  it('a row of another school can neither be written nor referred to, though it is hidden', async () => {
    await asViewerOf(tokenA, async (em) => {
      // A mark of school B written by school A's teacher: the policy's check refuses it.
      await expect(
        em.getConnection().execute(
          `insert into mark (id, school_id, lesson_id, student_id, value, numeric_value, entered_by_id)
           values (gen_random_uuid(), ?, ?, ?, '5', 5, ?)`,
          [b.school.id, b.lesson.id, b.student.id, a.teacher.id],
        ),
      ).rejects.toThrow(/row-level security/);
      // A mark of school A on school B's lesson: the lesson is hidden from A, but the same-school
      // trigger runs as its owner and still sees it, so the stitch is refused (R-AUTH-4).
      await expect(
        em.getConnection().execute(
          `insert into mark (id, school_id, lesson_id, student_id, value, numeric_value, entered_by_id)
           values (gen_random_uuid(), ?, ?, ?, '5', 5, ?)`,
          [a.school.id, b.lesson.id, a.student.id, a.teacher.id],
        ),
      ).rejects.toThrow(/another school/);
    });
  });

  it('a viewer with roles in two schools (a parent of children in both) sees both schools’ rows', async () => {
    const em = app.orm.em.fork();
    const parent = await em.findOneOrFail(Person, a.parent.id);
    em.persist(
      em.create(RoleAssignment, { school: b.school.id, person: parent, role: Role.PARENT }),
    );
    await em.flush();
    const token = await sessionFor(em, parent);
    const found = await asViewerOf(token, async (scoped) => {
      app.resetQueries();
      const ids = (await scoped.find(Mark, { id: { $in: [a.mark.id, b.mark.id] } }))
        .map((m) => m.id)
        .sort();
      const [set] = await scoped
        .getConnection()
        .execute<{ schools: string }[]>(
          `select current_setting('classbook.school_ids') as schools`,
        );
      return { ids, schools: set!.schools, scopeStatements: app.scopeStatements.length };
    });
    // Both schools, in the order of the roles, as the viewer's statement set them.
    expect(found).toEqual({
      ids: [a.mark.id, b.mark.id].sort(),
      schools: `{${a.school.id},${b.school.id}}`,
      scopeStatements: 0,
    });
  });

  it("the viewer's statement leaves exactly the viewer's scope on its connection, and the next statement of the operation sees that school only", async () => {
    for (const [token, j, other] of [
      [tokenA, a, b],
      [tokenB, b, a],
    ] as const) {
      const seen = await asViewerOf(token, async (em) => {
        app.resetQueries();
        const [row] = await em
          .getConnection()
          .execute<{ schools: string; person: string; own: number; others: number }[]>(
            `select current_setting('classbook.school_ids') as schools,
                  current_setting('classbook.person_id') as person,
                  count(*) filter (where school_id = ?)::int as own,
                  count(*) filter (where school_id = ?)::int as others from mark`,
            [j.school.id, other.school.id],
          );
        return { ...row, scopeStatements: app.scopeStatements.length };
      });
      expect(seen).toEqual({
        schools: `{${j.school.id}}`,
        person: j.teacher.id,
        own: 1,
        others: 0,
        // One pooled connection, reused: the viewer's statement already set its scope.
        scopeStatements: 0,
      });
    }
  });

  it('a session that is not live leaves no scope on the connection', async () => {
    const seen = await asViewerOf('no-such-token', async (em) => {
      const [row] = await em.getConnection().execute<{ schools: string; marks: number }[]>(
        `select current_setting('classbook.school_ids') as schools,
                (select count(*)::int from mark) as marks`,
      );
      return row;
    });
    expect(seen).toEqual({ schools: '{}', marks: 0 });
  });

  it('the normal API still answers for its own school, and a journal page costs the same statements', async () => {
    const PAGE = `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) {
      students { student { id } } lessons { id } marks { id value } } }`;
    const page = async (token: string, j: Journal) => {
      app.resetQueries();
      const r = await gql<{ journalPage: { marks: { value: string }[] } }>(
        app.url,
        PAGE,
        { a: j.assignment.id, p: j.period.id },
        { token },
      );
      expect(r.errors).toBeUndefined();
      return {
        marks: r.data!.journalPage.marks.map((m) => m.value),
        statements: app.queries.length,
        scope: app.scopeStatements.length,
      };
    };
    const first = await page(tokenB, b);
    const again = await page(tokenA, a);
    const repeat = await page(tokenA, a);
    expect(first.marks).toEqual(['5']);
    expect(again.marks).toEqual(['5']);
    // The ORM's statements are unchanged whoever asked before. The scope comes with the viewer's
    // own statement (auth/viewer.ts): a separate scope statement only when the page's statements
    // land on another connection than the viewer's.
    expect(again.statements).toBe(repeat.statements);
    expect(again.scope).toBeLessThanOrEqual(1);
    expect(repeat.scope).toBeLessThanOrEqual(1);
    console.info(
      `journal page: ${again.statements} ORM statements; row-scope statements ${again.scope} after another school's request, ${repeat.scope} on repeat`,
    );
  });
});
