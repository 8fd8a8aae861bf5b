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
 * `pg`: the teaching assignments in scope, each with the part of the range it was kept by its
 * teacher (`p_from`..`p_to`, inclusive; empty when `p_from` > `p_to`), and its year's bounds.
 */
function pagesCte(scope: ControlScope): { sql: string; params: unknown[] } {
  return {
    sql: `pg as (
       select a.*, y.starts_on as year_from, y.ends_on as year_to,
              greatest(?::date, coalesce(a.starts_on, y.starts_on)) as p_from,
              least(?::date, coalesce(a.ends_on - 1, y.ends_on)) as p_to
         from teaching_assignment a
         join academic_year y on y.id = a.year_id
         join school_class c on c.id = a.school_class_id
        where a.school_id = ?
          and (?::uuid is null or a.school_class_id = ?::uuid)
          and (?::uuid is null or a.teacher_id = ?::uuid)
          and (?::uuid is null or a.id = ?::uuid)
          and (?::uuid is null or a.teacher_id = ?::uuid or c.class_teacher_id = ?::uuid)
     )`,
    params: [
      scope.from,
      scope.to,
      scope.schoolId,
      scope.schoolClassId,
      scope.schoolClassId,
      scope.teacherId,
      scope.teacherId,
      scope.assignmentId,
      scope.assignmentId,
      scope.ownPagesOf,
      scope.ownPagesOf,
      scope.ownPagesOf,
    ],
  };
}

/** How journal control orders pages: by class, subject, audience (whole class first). */
const AUDIENCE = `coalesce(g.name, nullif(concat_ws(' ', ip.last_name, ip.first_name), ''))`;
const PAGE_ORDER = `c.grade_level, c.letter, s.name, ${AUDIENCE} nulls first, pg.p_from, pg.id`;

/**
 * The pages in scope with the part of the range each was kept by its teacher (`p_from`..`p_to`,
 * inclusive) and lessons planned by the curriculum for that part (lessons held: `pageFigures`).
 */
export function pagesInScope(em: EntityManager, scope: ControlScope): Promise<PageRow[]> {
  const pg = pagesCte(scope);
  return em.execute<PageRow[]>(
    `with ${pg.sql}
     select pg.id, pg.teacher_id, concat_ws(' ', t.last_name, t.first_name) as teacher_name,
            pg.school_class_id, c.grade_level, c.letter, s.name as subject_name,
            ${AUDIENCE} as audience,
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
      order by ${PAGE_ORDER}`,
    pg.params,
  );
}

/** The pages as a relation the other statements join: `p(id, p_from, p_to)`. */
const PAGES = `p as (select * from unnest(?::uuid[], ?::date[], ?::date[]) as p(id, p_from, p_to))`;
const pagesParams = (pages: PageRow[]) => [
  uuidArray(pages.map((p) => p.id)),
  `{${pages.map((p) => p.p_from).join(',')}}`,
  `{${pages.map((p) => p.p_to).join(',')}}`,
];

/**
 * Everyone on each page `p` at some time in its part of the range — the class, or the subgroup
 * members while in the class, or the individual student (R-YEAR-5): `r(page_id, student_id)`.
 */
const ROSTER = `r as (
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
     )`;

// When a held lesson's homework is due (R-JRN-4): 1.5 hours after its bell time in the school's
// time zone `z.tz`, or by the end of its day without one; and from when its marks are late
// (R-JRN-3): the school's next midnight, written work's a week later — two instants per lesson
// instead of a time-zone conversion per mark. `l` is a lesson, `b` its bell time.
const LATE_FROM = `((l.date + 1)::timestamp at time zone z.tz)`;
const WRITTEN_LATE_FROM = `((l.date + 8)::timestamp at time zone z.tz)`;
const HOMEWORK_DUE = `case when b.ends_at is not null
                   then ((l.date + b.ends_at) at time zone z.tz) + interval '90 minutes'
                   else ((l.date + 1)::timestamp at time zone z.tz) end`;

/** Counts of one page: lessons held and flagged, students on it and with 0 or 1 marks. */
export interface PageCountRow {
  page_id: string;
  held: number;
  no_topic: number;
  no_homework: number;
  no_attendance: number;
  /** Marks, not lessons. */
  late_marks: number;
  late_written: number;
  students: number;
  no_marks: number;
  one_mark: number;
}

/**
 * What the pages' lessons and marks say, as counts per page, in one statement that reads lessons
 * and marks once (the lists behind them: `controlList`):
 * - held lessons in the page's part of the range, and of them those with something missing or
 *   late. Times are the school's: a lesson ends at its bell time on its date (R-JRN-4), a mark's
 *   day is its creation day there (R-JRN-3);
 * - everyone on each page at some time in its part of the range (`ROSTER`) and how many of them
 *   have no marks or one there (every lesson's, whatever its status).
 * Why it is shaped so (a year of a 1000-student school: 40 000 lessons, 400 000 marks, and every
 * row read pays the row-security filter):
 * - marks are aggregated per lesson and per (page, student) in one pass (grouping sets);
 * - lessons are taken by school, date range and page id — conditions the planner estimates well —
 *   and the page's own part of the range is a flag (`in_page`), not a join condition: as one, the
 *   planner guessed a ninth of the rows and chose a sort of all 400 000 marks that spilled to disk.
 */
export function pageFigures(
  em: EntityManager,
  scope: ControlScope,
  pages: PageRow[],
): Promise<PageCountRow[]> {
  return em.execute<PageCountRow[]>(
    `with ${PAGES}, z as (select ?::text as tz),
     l as materialized (
       select l.id, l.assignment_id, l.date, l.lesson_number, l.topic, l.work_type_id,
              l.attendance_taken_at, l.status = 'HELD' as held,
              l.date between p.p_from and p.p_to as in_page,
              ${LATE_FROM} as late_from, ${WRITTEN_LATE_FROM} as written_late_from,
              ${HOMEWORK_DUE} as homework_due
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
       select l.assignment_id,
              count(*) as held,
              count(*) filter (where l.topic is null or btrim(l.topic) = '') as no_topic,
              count(*) filter (where l.homework_due < now()
                                 and (hw.first_at is null or hw.first_at > l.homework_due))
                as no_homework,
              count(*) filter (where l.attendance_taken_at is null) as no_attendance,
              sum(coalesce(mk.late_marks, 0)) as late_marks,
              sum(coalesce(mk.late_written, 0)) as late_written
         from l
         left join mk on mk.by_student = 0 and mk.lesson_id = l.id
         left join hw on hw.lesson_id = l.id
        where l.in_page and l.held
        group by l.assignment_id
     ),
     ${ROSTER},
     st as (
       select r.page_id, count(*) as students,
              count(*) filter (where mk.n is null) as no_marks,
              count(*) filter (where mk.n = 1) as one_mark
         from r
         left join mk on mk.by_student = 1 and mk.assignment_id = r.page_id
                     and mk.student_id = r.student_id
        group by r.page_id
     )
     select p.id as page_id, coalesce(f.held, 0)::int as held,
            coalesce(f.no_topic, 0)::int as no_topic, coalesce(f.no_homework, 0)::int as no_homework,
            coalesce(f.no_attendance, 0)::int as no_attendance,
            coalesce(f.late_marks, 0)::int as late_marks,
            coalesce(f.late_written, 0)::int as late_written,
            coalesce(st.students, 0)::int as students, coalesce(st.no_marks, 0)::int as no_marks,
            coalesce(st.one_mark, 0)::int as one_mark
       from p
       left join f on f.assignment_id = p.id
       left join st on st.page_id = p.id`,
    [
      ...pagesParams(pages),
      scope.timeZone,
      scope.schoolId,
      scope.from,
      scope.to,
      uuidArray(pages.map((p) => p.id)),
    ],
  );
}

/**
 * Periods of the class's grade ending within each page `p`'s part of the range, and the students
 * on the page on the last day (`st`), with their period mark of the subject if any (`pm`). An
 * issue (R-JRN-5) is a mark missing after the 4-day deadline (`MISSING`) or set after it (`LATE`).
 * The school's period marks of those periods are read once and hashed (`pmk`, materialised), not
 * probed by index for each of the ~50 000 expected marks of a year, which the planner — expecting
 * a hundred — would otherwise do, paying the row-security filter on each probe.
 * Parameters: the school, the range's first and last day; `z.tz` must be in scope.
 */
const PERIOD_MARKS = `pp as (
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
     ),
     pi as (
       select st.*, to_char((pm.created_at at time zone z.tz)::date, 'YYYY-MM-DD') as set_on,
              case when pm.id is null then 'MISSING' else 'LATE' end as issue
         from st cross join z
         left join pmk pm on pm.student_id = st.student_id and pm.subject_id = st.subject_id
                         and pm.period_id = st.period_id
        where (pm.id is null and (now() at time zone z.tz)::date > st.ends_on + 4)
           or (pm.id is not null and (pm.created_at at time zone z.tz)::date > st.ends_on + 4)
     )`;

export interface PeriodMarkCountRow {
  page_id: string;
  missing: number;
  late: number;
}

/** Period marks missing and late (R-JRN-5) per page, counted (the lists: `controlList`). */
export function periodMarkCounts(
  em: EntityManager,
  scope: ControlScope,
  pages: PageRow[],
): Promise<PeriodMarkCountRow[]> {
  return em.execute<PeriodMarkCountRow[]>(
    `with ${PAGES}, z as (select ?::text as tz), ${PERIOD_MARKS}
     select page_id, count(*) filter (where issue = 'MISSING')::int as missing,
            count(*) filter (where issue = 'LATE')::int as late
       from pi group by page_id`,
    [...pagesParams(pages), scope.timeZone, scope.schoolId, scope.from, scope.to],
  );
}

export type ControlListKind =
  | 'NO_TOPIC'
  | 'NO_HOMEWORK'
  | 'NO_ATTENDANCE'
  | 'LATE_MARKS'
  | 'LATE_WRITTEN'
  | 'NO_MARKS'
  | 'ONE_MARK'
  | 'PERIOD_MISSING'
  | 'PERIOD_LATE';

/** One item behind a figure; which columns are set depends on the kind of figure. */
export interface ControlListRow {
  page_id: string;
  class_name: string;
  subject_name: string;
  /** Lessons: the lesson; students and period marks: the student. */
  id: string;
  date: string | null;
  lesson_number: number | null;
  topic: string | null;
  /** Lessons: late marks on it (1 for other lesson figures). */
  n: number | null;
  name: string | null;
  period_id: string | null;
  period_name: string | null;
  ends_on: string | null;
  set_on: string | null;
}

const LESSON_CONDITION: Record<
  'NO_TOPIC' | 'NO_HOMEWORK' | 'NO_ATTENDANCE' | 'LATE_MARKS' | 'LATE_WRITTEN',
  { from?: string; n: string; where: string }
> = {
  NO_TOPIC: { n: '1', where: `l.topic is null or btrim(l.topic) = ''` },
  NO_ATTENDANCE: { n: '1', where: 'l.attendance_taken_at is null' },
  NO_HOMEWORK: {
    n: '1',
    where: `l.homework_due < now() and not exists (
              select 1 from homework h where h.lesson_id = l.id and h.created_at <= l.homework_due)`,
  },
  // The lesson's late marks by index, as in `pageFigures` (a per-lesson probe under row security).
  LATE_MARKS: {
    from: `cross join lateral (
             select count(*) as n from mark m
               left join work_type w on w.id = coalesce(m.work_type_id, l.work_type_id)
              where m.lesson_id = l.id and m.created_at >= ${LATE_FROM}
                and not coalesce(w.is_written, false)) k`,
    n: 'k.n',
    where: 'k.n > 0',
  },
  LATE_WRITTEN: {
    from: `cross join lateral (
             select count(*) as n from mark m
               join work_type w on w.id = coalesce(m.work_type_id, l.work_type_id)
              where m.lesson_id = l.id and m.created_at >= ${WRITTEN_LATE_FROM}
                and w.is_written) k`,
    n: 'k.n',
    where: 'k.n > 0',
  },
};

/**
 * The items behind one figure of the pages in `scope` (`journalControlList`), in one statement:
 * the pages (`pg`, as `pagesInScope` takes them), then only what the figure needs — a year's
 * topics or registers read no marks; late marks read each held lesson's marks by index; students
 * count their marks per page; period marks as `periodMarkCounts`.
 */
export function controlList(
  em: EntityManager,
  scope: ControlScope,
  kind: ControlListKind,
): Promise<ControlListRow[]> {
  const pg = pagesCte(scope);
  const head = `with ${pg.sql},
     p as materialized (
       select pg.id, pg.p_from, pg.p_to, concat(c.grade_level, c.letter) as class_name,
              s.name as subject_name, row_number() over (order by ${PAGE_ORDER}) as ord
         from pg
         join school_class c on c.id = pg.school_class_id
         join subject s on s.id = pg.subject_id
         left join subgroup g on g.id = pg.subgroup_id
         left join person ip on ip.id = pg.individual_student_id
        where pg.p_from <= pg.p_to
     ),
     z as (select ?::text as tz)`;
  const params: unknown[] = [...pg.params, scope.timeZone];
  const range = [scope.schoolId, scope.from, scope.to];
  switch (kind) {
    case 'NO_TOPIC':
    case 'NO_HOMEWORK':
    case 'NO_ATTENDANCE':
    case 'LATE_MARKS':
    case 'LATE_WRITTEN': {
      const c = LESSON_CONDITION[kind];
      return em.execute<ControlListRow[]>(
        `${head},
         l as materialized (
           select l.id, l.assignment_id, l.date, l.lesson_number, l.topic, l.work_type_id,
                  l.attendance_taken_at, ${HOMEWORK_DUE} as homework_due
             from lesson l cross join z
             join p on p.id = l.assignment_id
             left join bell_time b on b.school_id = l.school_id and b.lesson_number = l.lesson_number
            where l.school_id = ? and l.date between ?::date and ?::date and l.status = 'HELD'
              and l.date between p.p_from and p.p_to
         )
         select l.assignment_id as page_id, p.class_name, p.subject_name, l.id,
                to_char(l.date, 'YYYY-MM-DD') as date, l.lesson_number, l.topic,
                (${c.n})::int as n
           from l cross join z
           join p on p.id = l.assignment_id
           ${c.from ?? ''}
          where ${c.where}
          order by l.date, l.lesson_number nulls last, l.id`,
        [...params, ...range],
      );
    }
    case 'NO_MARKS':
    case 'ONE_MARK':
      return em.execute<ControlListRow[]>(
        `${head},
         l as materialized (
           select l.id, l.assignment_id
             from lesson l join p on p.id = l.assignment_id
            where l.school_id = ? and l.date between ?::date and ?::date
              and l.date between p.p_from and p.p_to
         ),
         mk as (
           select l.assignment_id, m.student_id, count(*) as n
             from l
             cross join lateral (select m.student_id from mark m where m.lesson_id = l.id offset 0) m
            group by l.assignment_id, m.student_id
         ),
         ${ROSTER}
         select r.page_id, p.class_name, p.subject_name, r.student_id as id,
                concat_ws(' ', s.last_name, s.first_name) as name
           from r
           join p on p.id = r.page_id
           join person s on s.id = r.student_id
           left join mk on mk.assignment_id = r.page_id and mk.student_id = r.student_id
          where coalesce(mk.n, 0) = ?
          order by p.ord, s.last_name, s.first_name, s.id`,
        [...params, ...range, kind === 'NO_MARKS' ? 0 : 1],
      );
    case 'PERIOD_MISSING':
    case 'PERIOD_LATE':
      return em.execute<ControlListRow[]>(
        `${head}, ${PERIOD_MARKS}
         select pi.page_id, p.class_name, p.subject_name, pi.student_id as id,
                concat_ws(' ', s.last_name, s.first_name) as name, pi.period_id,
                rp.name as period_name, to_char(pi.ends_on, 'YYYY-MM-DD') as ends_on, pi.set_on
           from pi
           join p on p.id = pi.page_id
           join person s on s.id = pi.student_id
           join reporting_period rp on rp.id = pi.period_id
          where pi.issue = ?
          order by p.ord, pi.ends_on, s.last_name, s.first_name, s.id`,
        [...params, ...range, kind === 'PERIOD_MISSING' ? 'MISSING' : 'LATE'],
      );
  }
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
