import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import { ADMINISTRATION, STAFF_ROLES, type Viewer } from '../../auth/viewer.js';
import { Role } from '../people/role-assignment.entity.js';

/**
 * Who may start a conversation with whom, within school `schoolId`, on `today` (R-MSG-1):
 * - the administration: anyone in the school;
 * - a teacher: colleagues, and the students (and their guardians) of classes they teach or lead;
 * - a parent: the teachers and class teacher of their children's classes, and the administration;
 * - a student: their teachers and class teacher.
 * Of `personIds`, returns those the viewer may write to. A parent never reaches another family.
 */
export async function mayWriteTo(
  em: EntityManager,
  viewer: Viewer,
  schoolId: string,
  personIds: readonly string[],
  today: string,
): Promise<Set<string>> {
  if (personIds.length === 0) {
    return new Set();
  }
  const asked = uuidArray(personIds);
  if (viewer.hasRole(schoolId, ...ADMINISTRATION)) {
    const rows = await em.execute<{ id: string }[]>(
      `select distinct person_id as id from role_assignment
        where school_id = ? and revoked_at is null and person_id = any(?::uuid[])`,
      [schoolId, asked],
    );
    return new Set(rows.map((r) => r.id).filter((id) => id !== viewer.personId));
  }
  const teacher = viewer.hasRole(schoolId, Role.TEACHER);
  const parent = viewer.hasRole(schoolId, Role.PARENT);
  const student = viewer.hasRole(schoolId, Role.STUDENT);
  const me = viewer.personId;
  // Enrolments current today in this school.
  const current = `e.school_id = ? and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)`;
  const rows = await em.execute<{ id: string }[]>(
    `-- teacher: colleagues
     select r.person_id as id from role_assignment r
      where ?::boolean and r.school_id = ? and r.revoked_at is null
        and r.role::text = any(?::text[]) and r.person_id = any(?::uuid[])
     union
     -- teacher: students of classes taught or led, and their guardians
     select x.id from (
       select e.student_id as id, e.student_id from enrolment e join school_class c on c.id = e.school_class_id
        where ?::boolean and ${current}
          and (c.class_teacher_id = ? or exists (select 1 from teaching_assignment a
                                                  where a.school_class_id = c.id and a.teacher_id = ?))
       union
       select g.guardian_id, g.student_id from guardianship g join enrolment e on e.student_id = g.student_id
         join school_class c on c.id = e.school_class_id
        where ?::boolean and ${current}
          and (c.class_teacher_id = ? or exists (select 1 from teaching_assignment a
                                                  where a.school_class_id = c.id and a.teacher_id = ?))
     ) x where x.id = any(?::uuid[])
     union
     -- parent or student: teachers and class teacher of the (own or child's) class
     select t.id from (
       select a.teacher_id as id from enrolment e join teaching_assignment a on a.school_class_id = e.school_class_id
        where ${current} and ((?::boolean and e.student_id = ?)
              or (?::boolean and e.student_id in (select student_id from guardianship where guardian_id = ?)))
       union
       select c.class_teacher_id from enrolment e join school_class c on c.id = e.school_class_id
        where ${current} and c.class_teacher_id is not null
          and ((?::boolean and e.student_id = ?)
              or (?::boolean and e.student_id in (select student_id from guardianship where guardian_id = ?)))
     ) t where t.id = any(?::uuid[])
     union
     -- parent: the administration of the child's school
     select r.person_id from role_assignment r
      where ?::boolean and r.school_id = ? and r.revoked_at is null
        and r.role::text = any(?::text[]) and r.person_id = any(?::uuid[])
        and exists (select 1 from guardianship g join enrolment e on e.student_id = g.student_id
                     where g.guardian_id = ? and ${current})`,
    [
      teacher,
      schoolId,
      `{${STAFF_ROLES.join(',')}}`,
      asked,
      teacher,
      schoolId,
      today,
      today,
      me,
      me,
      teacher,
      schoolId,
      today,
      today,
      me,
      me,
      asked,
      schoolId,
      today,
      today,
      student,
      me,
      parent,
      me,
      schoolId,
      today,
      today,
      student,
      me,
      parent,
      me,
      asked,
      parent,
      schoolId,
      `{${ADMINISTRATION.join(',')}}`,
      asked,
      me,
      schoolId,
      today,
      today,
    ],
  );
  return new Set(rows.map((r) => r.id).filter((id) => id !== me));
}

/**
 * R-AUTH-4: everyone in a thread sees its participants and the authors of its messages, so a
 * thread may hold at most one family. Of `personIds` (the viewer included), those without a staff
 * role in the school are family members; two of them are one family when they share a student
 * (the student themself, or a child they are a guardian of), directly or through others. Returns
 * how many families the group holds.
 */
export async function familiesAmong(
  em: EntityManager,
  schoolId: string,
  personIds: readonly string[],
): Promise<number> {
  const rows = await em.execute<{ id: string; student_id: string | null }[]>(
    `select p.id, g.student_id from unnest(?::uuid[]) as p(id)
       left join guardianship g on g.guardian_id = p.id
      where not exists (select 1 from role_assignment r
                         where r.person_id = p.id and r.school_id = ? and r.revoked_at is null
                           and r.role::text = any(?::text[]))`,
    [uuidArray(personIds), schoolId, `{${STAFF_ROLES.join(',')}}`],
  );
  // Union-find over people and the students they stand for.
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) {
      r = parent.get(r)!;
    }
    parent.set(x, r);
    return r;
  };
  const join = (a: string, b: string) => parent.set(root(a), root(b));
  for (const row of rows) {
    parent.set(row.id, root(row.id));
    if (row.student_id) {
      join(row.id, row.student_id);
    }
  }
  const members = [...new Set(rows.map((r) => r.id))];
  return new Set(members.map(root)).size;
}
