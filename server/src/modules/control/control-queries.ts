// Set-based reads behind journal control (R-CTL-1): one statement per kind of figure, whatever the
// number of pages, lessons or students, so a year of a large school stays one round of queries.
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import type { ControlScope } from './control-scope.js';

export interface PageRow {
  id: string;
  teacher_id: string;
  teacher_name: string;
  school_class_id: string;
  grade_level: number;
  letter: string;
  subject_name: string;
  audience: string | null;
  p_from: string;
  p_to: string;
  planned: number;
}

/**
 * The pages in scope with the part of the range each was kept by its teacher (`p_from`..`p_to`,
 * inclusive) and lessons planned by the curriculum for that part (lessons held: `pageFigures`).
 */
export function pagesInScope(em: EntityManager, scope: ControlScope): Promise<PageRow[]> {
  return em.execute<PageRow[]>(
    `with pg as (
       select a.*, y.starts_on as year_from, y.ends_on as year_to,
              greatest(?::date, coalesce(a.starts_on, y.starts_on)) as p_from,
              least(?::date, coalesce(a.ends_on - 1, y.ends_on)) as p_to
         from teaching_assignment a
         join academic_year y on y.id = a.year_id
         join school_class c on c.id = a.school_class_id
        where a.school_id = ?
          and (?::uuid is null or a.school_class_id = ?::uuid)
          and (?::uuid is null or a.teacher_id = ?::uuid)
          and (?::uuid is null or a.teacher_id = ?::uuid or c.class_teacher_id = ?::uuid)
     )
     select pg.id, pg.teacher_id, concat_ws(' ', t.last_name, t.first_name) as teacher_name,
            pg.school_class_id, c.grade_level, c.letter, s.name as subject_name,
            coalesce(g.name, nullif(concat_ws(' ', ip.last_name, ip.first_name), '')) as audience,
            to_char(pg.p_from, 'YYYY-MM-DD') as p_from, to_char(pg.p_to, 'YYYY-MM-DD') as p_to,
            (case when exists (
                    select 1 from curriculum_item ci
                      join reporting_period rp on rp.id = ci.period_id and rp.kind <> 'YEAR'
                     where ci.school_class_id = pg.school_class_id and ci.subject_id = pg.subject_id)
                  then coalesce((
                    select sum(round(ci.planned_lessons::numeric
                             * (least(rp.ends_on, pg.p_to) - greatest(rp.starts_on, pg.p_from) + 1)
                             / (rp.ends_on - rp.starts_on + 1)))
                      from curriculum_item ci
                      join reporting_period rp on rp.id = ci.period_id and rp.kind <> 'YEAR'
                     where ci.school_class_id = pg.school_class_id and ci.subject_id = pg.subject_id
                       and rp.starts_on <= pg.p_to and rp.ends_on >= pg.p_from), 0)
                  else coalesce((
                    select round(ci.planned_lessons::numeric
                             * (least(coalesce(rp.ends_on, pg.year_to), pg.p_to)
                                - greatest(coalesce(rp.starts_on, pg.year_from), pg.p_from) + 1)
                             / (coalesce(rp.ends_on, pg.year_to) - coalesce(rp.starts_on, pg.year_from) + 1))
                      from curriculum_item ci
                      left join reporting_period rp on rp.id = ci.period_id
                     where ci.school_class_id = pg.school_class_id and ci.subject_id = pg.subject_id
                       and (ci.period_id is null or rp.kind = 'YEAR')
                     order by ci.period_id nulls first limit 1), 0)
             end)::int as planned
       from pg
       join school_class c on c.id = pg.school_class_id
       join subject s on s.id = pg.subject_id
       join person t on t.id = pg.teacher_id
       left join subgroup g on g.id = pg.subgroup_id
       left join person ip on ip.id = pg.individual_student_id
      where pg.p_from <= pg.p_to
      order by c.grade_level, c.letter, s.name, audience nulls first, pg.p_from, pg.id`,
    [
      scope.from,
      scope.to,
      scope.schoolId,
      scope.schoolClassId,
      scope.schoolClassId,
      scope.teacherId,
      scope.teacherId,
      scope.ownPagesOf,
      scope.ownPagesOf,
      scope.ownPagesOf,
    ],
  );
}

/** The pages as a relation the other statements join: `p(id, p_from, p_to)`. */
const PAGES = `p as (select * from unnest(?::uuid[], ?::date[], ?::date[]) as p(id, p_from, p_to))`;
const pagesParams = (pages: PageRow[]) => [
  uuidArray(pages.map((p) => p.id)),
  `{${pages.map((p) => p.p_from).join(',')}}`,
  `{${pages.map((p) => p.p_to).join(',')}}`,
];

export interface LessonRow {
  id: string;
  assignment_id: string;
  date: string;
  lesson_number: number | null;
  topic: string | null;
  no_topic: boolean;
  no_homework: boolean;
  no_attendance: boolean;
  late_marks: number;
  late_written: number;
}

export interface StudentRow {
  page_id: string;
  student_id: string;
  name: string;
  /** Their marks on the page. */
  n: number;
}

/** One row of `pageFigures`: a flagged lesson (`L`), a student on a page (`S`), a page's held count (`H`). */
interface PageFigureRow {
  kind: 'L' | 'S' | 'H';
  page_id: string;
  id: string | null;
  date: string | null;
  lesson_number: number | null;
  topic: string | null;
  no_topic: boolean | null;
  no_homework: boolean | null;
  no_attendance: boolean | null;
  late_marks: number | null;
  late_written: number | null;
  name: string | null;
  n: number | null;
}

export interface PageFigures {
  /** Lessons held on each page in its part of the range. */
  held: Map<string, number>;
  lessons: LessonRow[];
  students: StudentRow[];
}

/**
 * What the pages' lessons and marks say, in one statement that reads lessons and marks once:
 * - `held`: lessons held on each page in its part of the range;
 * - `lessons`: held lessons with something missing or late. Times are the school's: a lesson ends
 *   at its bell time on its date (R-JRN-4), a mark's day is its creation day there (R-JRN-3);
 * - `students`: everyone on each page at some time in its part of the range — the class, or the
 *   subgroup members while in the class, or the individual student (R-YEAR-5) — with their marks
 *   there (every lesson's, whatever its status), by name.
 * Why it is shaped so (a year of a 1000-student school: 40 000 lessons, 400 000 marks, and every
 * row read pays the row-security filter):
 * - marks are aggregated per lesson and per (page, student) in one pass (grouping sets);
 * - lessons are taken by school, date range and page id — conditions the planner estimates well —
 *   and the page's own part of the range is a flag (`in_page`), not a join condition: as one, the
 *   planner guessed a ninth of the rows and chose a sort of all 400 000 marks that spilled to disk.
 */
export async function pageFigures(
  em: EntityManager,
  scope: ControlScope,
  pages: PageRow[],
): Promise<PageFigures> {
  const rows = await em.execute<PageFigureRow[]>(
    `with ${PAGES}, z as (select ?::text as tz),
     l as materialized (
       select l.id, l.assignment_id, l.date, l.lesson_number, l.topic, l.work_type_id,
              l.attendance_taken_at, l.status = 'HELD' as held,
              l.date between p.p_from and p.p_to as in_page,
              -- A mark is late from the school's next midnight, written work's from a week later:
              -- two instants per lesson instead of a time-zone conversion per mark.
              ((l.date + 1)::timestamp at time zone z.tz) as late_from,
              ((l.date + 8)::timestamp at time zone z.tz) as written_late_from,
              case when b.ends_at is not null
                   then ((l.date + b.ends_at) at time zone z.tz) + interval '90 minutes'
                   else ((l.date + 1)::timestamp at time zone z.tz) end as homework_due
         from lesson l cross join z
         join p on p.id = l.assignment_id
         left join bell_time b on b.school_id = l.school_id and b.lesson_number = l.lesson_number
        where l.school_id = ? and l.date between ?::date and ?::date
          and l.assignment_id = any(?::uuid[])
     ),
     mk as materialized (
       select grouping(l.id) as by_student, l.id as lesson_id, l.assignment_id, m.student_id,
              count(*) as n,
              count(*) filter (where not coalesce(w.is_written, false)
                                 and m.created_at >= l.late_from) as late_marks,
              count(*) filter (where w.is_written and m.created_at >= l.written_late_from)
                as late_written
         from l
         -- Each lesson's marks by index ("offset 0" keeps it a per-lesson probe): under row security
         -- every mark read pays the policy, and a hash join would read the school's whole year
         -- of marks for a month's report (S5b: 0.65 s of PostgreSQL CPU instead of 0.16 s).
         cross join lateral (select m.student_id, m.created_at, m.work_type_id
                               from mark m where m.lesson_id = l.id offset 0) m
         left join work_type w on w.id = coalesce(m.work_type_id, l.work_type_id)
        where l.in_page
        group by grouping sets ((l.id), (l.assignment_id, m.student_id))
     ),
     hw as (
       select h.lesson_id, min(h.created_at) as first_at
         from l join homework h on h.lesson_id = l.id
        where l.in_page and l.held
        group by h.lesson_id
     ),
     f as (
       select l.*,
              (l.topic is null or btrim(l.topic) = '') as no_topic,
              (l.homework_due < now() and (hw.first_at is null or hw.first_at > l.homework_due))
                as no_homework,
              (l.attendance_taken_at is null) as no_attendance,
              coalesce(mk.late_marks, 0)::int as late_marks,
              coalesce(mk.late_written, 0)::int as late_written
         from l
         left join mk on mk.by_student = 0 and mk.lesson_id = l.id
         left join hw on hw.lesson_id = l.id
        where l.in_page and l.held
     ),
     r as (
       select distinct p.id as page_id, e.student_id
         from p
         join teaching_assignment a on a.id = p.id
         join enrolment e on e.school_class_id = a.school_class_id
                         and e.starts_on <= p.p_to and (e.ends_on is null or e.ends_on > p.p_from)
         left join subgroup_membership sm
           on sm.subgroup_id = a.subgroup_id and sm.student_id = e.student_id
          and sm.starts_on <= p.p_to and (sm.ends_on is null or sm.ends_on > p.p_from)
          and sm.starts_on < coalesce(e.ends_on, 'infinity'::date)
          and e.starts_on < coalesce(sm.ends_on, 'infinity'::date)
        where (a.subgroup_id is null or sm.id is not null)
          and (a.individual_student_id is null or e.student_id = a.individual_student_id)
     )
     select 'H' as kind, assignment_id as page_id, null::uuid as id, null as date,
            null::int as lesson_number, null as topic, null::boolean as no_topic,
            null::boolean as no_homework, null::boolean as no_attendance, null::int as late_marks,
            null::int as late_written, null as name, count(*)::int as n,
            null as last_name, null as first_name
       from l
      where l.in_page and l.held
      group by assignment_id
     union all
     select 'L', assignment_id, id, to_char(date, 'YYYY-MM-DD'), lesson_number, topic, no_topic,
            no_homework, no_attendance, late_marks, late_written, null, null, null, null
       from f
      where no_topic or no_homework or no_attendance or late_marks > 0 or late_written > 0
     union all
     select 'S', r.page_id, r.student_id, null, null, null, null, null, null, null, null,
            concat_ws(' ', s.last_name, s.first_name), coalesce(mk.n, 0)::int,
            s.last_name, s.first_name
       from r
       join person s on s.id = r.student_id
       left join mk on mk.by_student = 1 and mk.assignment_id = r.page_id
                   and mk.student_id = r.student_id
      order by kind, last_name, first_name, id`,
    [
      ...pagesParams(pages),
      scope.timeZone,
      scope.schoolId,
      scope.from,
      scope.to,
      uuidArray(pages.map((p) => p.id)),
    ],
  );
  const out: PageFigures = { held: new Map(), lessons: [], students: [] };
  for (const r of rows) {
    if (r.kind === 'H') {
      out.held.set(r.page_id, r.n!);
    } else if (r.kind === 'L') {
      out.lessons.push({
        id: r.id!,
        assignment_id: r.page_id,
        date: r.date!,
        lesson_number: r.lesson_number,
        topic: r.topic,
        no_topic: r.no_topic!,
        no_homework: r.no_homework!,
        no_attendance: r.no_attendance!,
        late_marks: r.late_marks!,
        late_written: r.late_written!,
      });
    } else {
      out.students.push({ page_id: r.page_id, student_id: r.id!, name: r.name!, n: r.n! });
    }
  }
  return out;
}

export interface PeriodMarkRow {
  page_id: string;
  student_id: string;
  name: string;
  period_id: string;
  period_name: string;
  ends_on: string;
  set_on: string | null;
}

/**
 * Periods of the class's grade ending within each page's part of the range: students on the page
 * on the last day whose period mark is missing after the 4-day deadline, or came after it (R-JRN-5).
 * The school's period marks of those periods are read once and hashed (`pmk`, materialised), not
 * probed by index for each of the ~50 000 expected marks of a year, which the planner — expecting
 * a hundred — would otherwise do, paying the row-security filter on each probe.
 */
export function periodMarkIssues(
  em: EntityManager,
  scope: ControlScope,
  pages: PageRow[],
): Promise<PeriodMarkRow[]> {
  return em.execute<PeriodMarkRow[]>(
    `with ${PAGES}, z as (select ?::text as tz),
     pp as (
       select p.id as page_id, a.subject_id, a.school_class_id, a.subgroup_id,
              a.individual_student_id, rp.id as period_id, rp.ends_on
         from p
         join teaching_assignment a on a.id = p.id
         join school_class c on c.id = a.school_class_id
         join reporting_period rp on rp.year_id = a.year_id and c.grade_level = any(rp.grade_levels)
                                 and rp.ends_on between p.p_from and p.p_to
     ),
     st as (
       select distinct pp.page_id, pp.subject_id, pp.period_id, pp.ends_on, e.student_id
         from pp
         join enrolment e on e.school_class_id = pp.school_class_id
                         and e.starts_on <= pp.ends_on and (e.ends_on is null or e.ends_on > pp.ends_on)
        where (pp.subgroup_id is null or exists (
                 select 1 from subgroup_membership sm
                  where sm.subgroup_id = pp.subgroup_id and sm.student_id = e.student_id
                    and sm.starts_on <= pp.ends_on and (sm.ends_on is null or sm.ends_on > pp.ends_on)))
          and (pp.individual_student_id is null or e.student_id = pp.individual_student_id)
     ),
     pmk as materialized (
       select pm.id, pm.student_id, pm.subject_id, pm.period_id, pm.created_at
         from period_mark pm
         join reporting_period rp on rp.id = pm.period_id
        where pm.school_id = ? and rp.ends_on between ?::date and ?::date
     )
     select st.page_id, st.student_id, concat_ws(' ', s.last_name, s.first_name) as name,
            st.period_id, rp.name as period_name, to_char(st.ends_on, 'YYYY-MM-DD') as ends_on,
            to_char((pm.created_at at time zone z.tz)::date, 'YYYY-MM-DD') as set_on
       from st cross join z
       join person s on s.id = st.student_id
       join reporting_period rp on rp.id = st.period_id
       left join pmk pm on pm.student_id = st.student_id and pm.subject_id = st.subject_id
                       and pm.period_id = st.period_id
      where (pm.id is null and (now() at time zone z.tz)::date > st.ends_on + 4)
         or (pm.id is not null and (pm.created_at at time zone z.tz)::date > st.ends_on + 4)
      order by st.ends_on, s.last_name, s.first_name, s.id`,
    [...pagesParams(pages), scope.timeZone, scope.schoolId, scope.from, scope.to],
  );
}

export interface RequestRow {
  thread_id: string;
  subject: string;
  teacher_id: string;
  parent_name: string;
  sent_at: Date;
  answered_at: Date | null;
}

/**
 * Parents' requests to the teachers whose 7-day deadline fell in the range and passed unanswered
 * (R-MSG-2). The rule is the mailbox's: a run of messages by parents, unbroken by anyone else,
 * waits from its first message until someone who is not a parent writes in the thread.
 */
export function overdueRequests(
  em: EntityManager,
  scope: ControlScope,
  teacherIds: string[],
): Promise<RequestRow[]> {
  return em.execute<RequestRow[]>(
    `with z as (select ?::text as tz),
     b as (select ((?::date)::timestamp at time zone z.tz) as from_ts,
                  ((?::date + 1)::timestamp at time zone z.tz) as to_ts from z),
     th as (
       select distinct tp.thread_id
         from thread_participant tp join message_thread t on t.id = tp.thread_id
        where t.school_id = ? and tp.person_id = any(?::uuid[])
     ),
     msgs as (
       select m.id, m.thread_id, m.author_id, m.sent_at,
              exists (select 1 from role_assignment r where r.person_id = m.author_id
                         and r.school_id = t.school_id and r.role = 'PARENT') as from_parent
         from th
         join message_thread t on t.id = th.thread_id
         join message m on m.thread_id = th.thread_id
     ),
     runs as (
       select msgs.*, lag(from_parent) over (partition by thread_id order by sent_at, id) as prev
         from msgs
     ),
     req as (
       select r.thread_id, r.author_id, r.sent_at,
              (select min(a.sent_at) from msgs a
                where a.thread_id = r.thread_id and not a.from_parent
                  and a.sent_at > r.sent_at) as answered_at
         from runs r
        where r.from_parent and r.prev is distinct from true
     )
     select q.thread_id, t.subject, tp.person_id as teacher_id,
            concat_ws(' ', a.last_name, a.first_name) as parent_name, q.sent_at, q.answered_at
       from req q cross join b
       join message_thread t on t.id = q.thread_id
       join thread_participant tp on tp.thread_id = q.thread_id and tp.person_id = any(?::uuid[])
                                 and tp.person_id <> q.author_id
       join person a on a.id = q.author_id
      where q.sent_at + interval '7 days' >= b.from_ts and q.sent_at + interval '7 days' < b.to_ts
        and coalesce(q.answered_at, now()) > q.sent_at + interval '7 days'
      order by q.sent_at, q.thread_id`,
    [
      scope.timeZone,
      scope.from,
      scope.to,
      scope.schoolId,
      uuidArray(teacherIds),
      uuidArray(teacherIds),
    ],
  );
}

export interface SignInRow {
  class_id: string;
  person_id: string;
  kind: 'STUDENT' | 'PARENT';
  name: string;
  signed_in: boolean;
}

/**
 * Students enrolled in the classes during the range and their guardians, and whether each signed
 * in during it (the audit trail's `signIn` events; `lastSignInAt` keeps only the latest).
 */
export function classSignIns(
  em: EntityManager,
  scope: ControlScope,
  classIds: string[],
): Promise<SignInRow[]> {
  return em.execute<SignInRow[]>(
    `with z as (select ?::text as tz),
     b as (select ((?::date)::timestamp at time zone z.tz) as from_ts,
                  ((?::date + 1)::timestamp at time zone z.tz) as to_ts from z),
     st as (
       select distinct e.school_class_id as class_id, e.student_id as person_id
         from enrolment e
        where e.school_class_id = any(?::uuid[])
          and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)
     ),
     who as (
       select class_id, person_id, 'STUDENT' as kind from st
       union
       select st.class_id, g.guardian_id, 'PARENT' from st join guardianship g on g.student_id = st.person_id
     )
     select w.class_id, w.person_id, w.kind, concat_ws(' ', s.last_name, s.first_name) as name,
            exists (select 1 from audit_event ev
                     where ev.actor_id = w.person_id and ev.action = 'signIn'
                       and ev.occurred_at >= b.from_ts and ev.occurred_at < b.to_ts) as signed_in
       from who w cross join b
       join person s on s.id = w.person_id
      order by s.last_name, s.first_name, s.id`,
    [scope.timeZone, scope.from, scope.to, uuidArray(classIds), scope.to, scope.from],
  );
}
