import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/auth/passwords.js';
import { createOrm } from '../src/core/db.js';
import { createTestDatabase, type TestDatabase } from '../test/harness.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { seedDemoSchool } from './demo-school.js';

// The seeder's invariants (issue 2), checked with SQL on a freshly seeded database.
let db: TestDatabase;
let orm: MikroORM;
let summary: Record<string, number>;

const sql = async <T extends object>(query: string, params: unknown[] = []) =>
  orm.em.fork().getConnection().execute<T[]>(query, params);
const one = async (query: string) => Number(Object.values((await sql(query))[0]!)[0]);

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await createOrm(db.url);
  summary = await seedDemoSchool(orm);
}, 120_000);

afterAll(async () => {
  await orm?.close();
  await db?.drop();
});

/** What the school looks like, independent of uuids and insert times. */
async function fingerprint(target: MikroORM): Promise<string> {
  const rows = await target.em
    .fork()
    .getConnection()
    .execute<{ line: string }[]>(
      `select concat_ws('|', p.last_name, p.first_name, p.middle_name, l.date, l.lesson_number, s.name, m.value) as line
         from mark m join person p on p.id = m.student_id join lesson l on l.id = m.lesson_id
         join teaching_assignment a on a.id = l.assignment_id join subject s on s.id = a.subject_id
        order by 1`,
    );
  return createHash('sha256')
    .update(rows.map((r) => r.line).join('\n'))
    .digest('hex');
}

describe('demo school', () => {
  it('has the size the issue asks for', async () => {
    expect(summary.classes).toBeGreaterThanOrEqual(8);
    expect(await one(`select count(*) from school_class`)).toBeGreaterThanOrEqual(8);
    expect(await one(`select count(distinct student_id) from enrolment`)).toBeGreaterThanOrEqual(
      200,
    );
    expect(
      await one(`select count(distinct person_id) from role_assignment where role = 'TEACHER'`),
    ).toBeGreaterThanOrEqual(25);
    expect(await one(`select count(*) from subject`)).toBeGreaterThanOrEqual(12);
    expect(await one(`select count(*) from timetable_slot`)).toBeGreaterThan(200);
    // The whole first quarter kept: lessons on every school day (Monday to Friday) of it.
    expect(
      await one(
        `select count(distinct date) from lesson where date between '2026-09-01' and '2026-10-25'`,
      ),
    ).toBe(
      await one(`select count(*) from generate_series('2026-09-01'::date, '2026-10-25', '1 day') d
                  where extract(isodow from d) <= 5`),
    );
  });

  it('every student has a guardian, and every guardian is a parent of the school', async () => {
    expect(
      await one(`select count(*) from enrolment e
                  where not exists (select 1 from guardianship g where g.student_id = e.student_id)`),
    ).toBe(0);
    expect(
      await one(`select count(*) from guardianship g
                  where not exists (select 1 from role_assignment r
                                     where r.person_id = g.guardian_id and r.role = 'PARENT')`),
    ).toBe(0);
  });

  it('marks are only on lessons of the student’s own class or group, while enrolled', async () => {
    const stray = await one(`
      select count(*) from mark m
        join lesson l on l.id = m.lesson_id
        join teaching_assignment a on a.id = l.assignment_id
       where not exists (
               select 1 from enrolment e
                where e.student_id = m.student_id and e.school_class_id = a.school_class_id
                  and e.starts_on <= l.date and (e.ends_on is null or e.ends_on > l.date))
          or (a.subgroup_id is not null and not exists (
               select 1 from subgroup_membership sm
                where sm.subgroup_id = a.subgroup_id and sm.student_id = m.student_id
                  and sm.starts_on <= l.date and (sm.ends_on is null or sm.ends_on > l.date)))`);
    expect(stray).toBe(0);
    expect(await one(`select count(*) from mark`)).toBeGreaterThan(10_000);
    expect(await one(`select count(*) from mark where value not in ('2','3','4','5')`)).toBe(0);
    // No mark for a student recorded absent at the same lesson.
    expect(
      await one(`select count(*) from mark m join attendance a
                   on a.lesson_id = m.lesson_id and a.student_id = m.student_id and a.status = 'ABSENT'`),
    ).toBe(0);
  });

  it('spreads marks and absences realistically', async () => {
    const [share] = await sql<{ marks: string; absences: string }>(`
      with places as (
        select count(*) as n from lesson l join teaching_assignment a on a.id = l.assignment_id
          join enrolment e on e.school_class_id = a.school_class_id
           and e.starts_on <= l.date and (e.ends_on is null or e.ends_on > l.date)
         where a.subgroup_id is null)
      select (select count(*) from mark m join lesson l on l.id = m.lesson_id
                join teaching_assignment a on a.id = l.assignment_id where a.subgroup_id is null)::float
               / (select n from places) as marks,
             (select count(*) from attendance where status = 'ABSENT')::float
               / (select n from places) as absences`);
    expect(Number(share!.marks)).toBeGreaterThan(0.25);
    expect(Number(share!.marks)).toBeLessThan(0.5);
    expect(Number(share!.absences)).toBeGreaterThan(0.02);
    expect(Number(share!.absences)).toBeLessThan(0.08);
  });

  it('has no teacher and no class in two places at once', async () => {
    expect(
      await one(`select count(*) from (select conducting_teacher_id from lesson
                  group by conducting_teacher_id, date, lesson_number having count(*) > 1) x`),
    ).toBe(0);
    expect(
      await one(`select count(*) from (select a.school_class_id from lesson l
                   join teaching_assignment a on a.id = l.assignment_id where a.subgroup_id is null
                  group by a.school_class_id, l.date, l.lesson_number having count(*) > 1) x`),
    ).toBe(0);
  });

  it('every lesson has a topic; most have homework', async () => {
    expect(await one(`select count(*) from lesson where topic is null`)).toBe(0);
    const withHomework = await one(`select count(distinct lesson_id) from homework`);
    expect(withHomework / summary.lessons!).toBeGreaterThan(0.6);
  });

  it('the demo accounts exist with their roles and the README password', async () => {
    const rows = await sql<{ login: string; roles: string[]; password_hash: string }>(
      `select p.login, array_agg(r.role::text) as roles, p.password_hash
         from person p join role_assignment r on r.person_id = p.id
        where p.login is not null group by p.login, p.password_hash`,
    );
    expect(rows.map((r) => r.login).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.login).sort());
    for (const account of DEMO_ACCOUNTS) {
      const row = rows.find((r) => r.login === account.login)!;
      expect(row.roles).toContain(account.role);
      expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(true);
    }
    // The demo parent is a guardian of the demo student, who is in 5А, led by `classteacher`.
    expect(
      await one(`select count(*) from guardianship g
                   join person s on s.id = g.student_id and s.login = 'student'
                   join person p on p.id = g.guardian_id and p.login = 'parent'`),
    ).toBe(1);
    expect(
      await one(`select count(*) from enrolment e join person s on s.id = e.student_id and s.login = 'student'
                   join school_class c on c.id = e.school_class_id and c.grade_level = 5 and c.letter = 'А'
                   join person t on t.id = c.class_teacher_id and t.login = 'classteacher'`),
    ).toBe(1);
  });

  it('is deterministic: a second seed gives the same school', async () => {
    const other = await createTestDatabase();
    const otherOrm = await createOrm(other.url);
    try {
      const again = await seedDemoSchool(otherOrm);
      expect(again).toEqual(summary);
      expect(await fingerprint(otherOrm)).toBe(await fingerprint(orm));
    } finally {
      await otherOrm.close();
      await other.drop();
    }
  }, 120_000);
});
