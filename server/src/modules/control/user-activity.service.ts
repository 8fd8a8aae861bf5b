import type { EntityManager } from '@mikro-orm/postgresql';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput } from '../../core/errors.js';
import { Role } from '../people/role-assignment.entity.js';
import { reportSchool } from './control-scope.js';
import {
  RoleActivity,
  TeacherTimeliness,
  UserActivityReport,
  type UserActivityInput,
} from './control.types.js';

const share = (count: number, total: number) => (total === 0 ? null : count / total);

/** `YYYY-MM` → its first day. */
function monthStart(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw badInput('month', 'control.month');
  }
  return `${month}-01`;
}

/**
 * Monthly user activity (R-RPT-1), for the administration. Per role: the people holding it (not
 * revoked before the month), who of them signed in and how often (sign-ins are per person, not per
 * school), and their audited writes at this school. Per conducting teacher: the held lessons of the
 * month and how many were recorded on or before their day in the school's time zone.
 */
export async function userActivity(
  em: EntityManager,
  viewer: Viewer,
  input: UserActivityInput,
): Promise<UserActivityReport> {
  const from = monthStart(input.month);
  const schoolId = reportSchool(viewer, input.schoolId, ADMINISTRATION);
  const bounds = `z as (select time_zone as tz from school where id = ?),
     b as (select (?::date::timestamp at time zone z.tz) as from_ts,
                  ((?::date + interval '1 month') at time zone z.tz) as to_ts from z)`;
  const [roles, teachers] = await Promise.all([
    em.execute<
      { role: Role; people: number; signed_in: number; sign_ins: number; actions: number }[]
    >(
      `with ${bounds},
       ra as (
         select distinct r.role, r.person_id from role_assignment r cross join b
          where r.school_id = ? and (r.revoked_at is null or r.revoked_at >= b.from_ts)
       ),
       si as (
         select ev.actor_id, count(*) as n from audit_event ev cross join b
          where ev.action = 'signIn' and ev.occurred_at >= b.from_ts and ev.occurred_at < b.to_ts
            and ev.actor_id in (select person_id from ra)
          group by ev.actor_id
       ),
       ac as (
         select ev.actor_id, count(*) as n from audit_event ev cross join b
          where ev.school_id = ? and ev.action <> 'signIn'
            and ev.occurred_at >= b.from_ts and ev.occurred_at < b.to_ts
          group by ev.actor_id
       )
       select ra.role, count(*)::int as people, count(si.actor_id)::int as signed_in,
              coalesce(sum(si.n), 0)::int as sign_ins, coalesce(sum(ac.n), 0)::int as actions
         from ra
         left join si on si.actor_id = ra.person_id
         left join ac on ac.actor_id = ra.person_id
        group by ra.role`,
      [schoolId, from, from, schoolId, schoolId],
    ),
    em.execute<{ teacher_id: string; name: string; lessons: number; kept: number }[]>(
      `with z as (select time_zone as tz from school where id = ?)
       select l.conducting_teacher_id as teacher_id,
              concat_ws(' ', t.last_name, t.first_name) as name,
              count(*)::int as lessons,
              count(*) filter (where (l.created_at at time zone z.tz)::date <= l.date)::int as kept
         from lesson l cross join z
         join person t on t.id = l.conducting_teacher_id
        where l.school_id = ? and l.status = 'HELD'
          and l.date >= ?::date and l.date < (?::date + interval '1 month')
        group by l.conducting_teacher_id, t.last_name, t.first_name
        order by t.last_name, t.first_name, l.conducting_teacher_id`,
      [schoolId, schoolId, from, from],
    ),
  ]);
  const byRole = new Map(roles.map((r) => [r.role, r]));
  const lessons = teachers.reduce((n, t) => n + t.lessons, 0);
  const kept = teachers.reduce((n, t) => n + t.kept, 0);
  return Object.assign(new UserActivityReport(), {
    month: input.month,
    schoolId,
    // Every role, in the enum's order, so a month without parents still shows the row.
    roles: Object.values(Role).map((role) => {
      const r = byRole.get(role);
      return Object.assign(new RoleActivity(), {
        role,
        people: r?.people ?? 0,
        signedIn: r?.signed_in ?? 0,
        signIns: r?.sign_ins ?? 0,
        actions: r?.actions ?? 0,
      });
    }),
    teachers: teachers.map((t) =>
      Object.assign(new TeacherTimeliness(), {
        teacherId: t.teacher_id,
        teacherName: t.name,
        lessons: t.lessons,
        keptOnDay: t.kept,
        share: share(t.kept, t.lessons),
      }),
    ),
    lessons,
    keptOnDay: kept,
    share: share(kept, lessons),
  });
}
