import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { withRowScope, type RowScope } from '../core/row-scope.js';
import type { GradingScale } from '../modules/school/school.entity.js';
import { Role } from '../modules/people/role-assignment.entity.js';
import { ADMINISTRATION, type Viewer } from './viewer.js';

/**
 * Ownership questions answered for a set of ids in one query each (STYLE: permissions). Dates are
 * ISO `YYYY-MM-DD`; an enrolment's `ends_on` is exclusive (the day the student left).
 */

/** Of `personIds`, those who are students of a class `teacherId` leads on `on`, or their guardians. */
export async function familiesOfClassTeacher(
  em: EntityManager,
  teacherId: string,
  personIds: readonly string[],
  on: string,
): Promise<Set<string>> {
  if (personIds.length === 0) {
    return new Set();
  }
  const rows = await em.execute<{ person_id: string }[]>(
    `select e.student_id as person_id
       from enrolment e join school_class c on c.id = e.school_class_id
      where c.class_teacher_id = ? and e.student_id = any(?::uuid[])
        and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)
     union
     select g.guardian_id
       from guardianship g
       join enrolment e on e.student_id = g.student_id
       join school_class c on c.id = e.school_class_id
      where c.class_teacher_id = ? and g.guardian_id = any(?::uuid[])
        and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)`,
    [teacherId, uuidArray(personIds), on, on, teacherId, uuidArray(personIds), on, on],
  );
  return new Set(rows.map((r) => r.person_id));
}

/** Rows by key (a batch's answer per key, without a scan of every row for each key). */
function groupBy<R, V = R>(
  rows: readonly R[],
  key: (row: R) => string,
  value: (row: R) => V = (row) => row as unknown as V,
): Map<string, V[]> {
  const grouped = new Map<string, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = grouped.get(k);
    if (list) {
      list.push(value(row));
    } else {
      grouped.set(k, [value(row)]);
    }
  }
  return grouped;
}

/** MikroORM expands a JS array parameter into a list; `= any(?::uuid[])` wants one array literal. */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** How a viewer stands to a journal page (teaching assignment). */
export enum PageAccess {
  /**
   * Keeps the page: the teacher it is assigned to (R-ROLE-4), for the days of their row only —
   * writes check the date against the row (`assignmentCovers`, `lessonsKeptBy`).
   */
  KEEP = 'KEEP',
  /** Reads it: class teacher of the class, the school's administration, a substitute (R-ROLE-2, -5, -6). */
  READ = 'READ',
}

/**
 * SQL: the viewer (its one parameter) was, at some time, the teacher of a row of the same page
 * as `a` (same class, subject, subgroup, individual student). Such a person conducts the page's
 * lessons as its keeper, never as a substitute: after a change of teacher the lessons moved to the
 * new row still name the old teacher as conducting, and that must not keep them (R-YEAR-3).
 */
const TAUGHT_PAGE = `exists (select 1 from teaching_assignment p
                        where p.teacher_id = ? and p.school_class_id = a.school_class_id
                          and p.subject_id = a.subject_id
                          and p.subgroup_id is not distinct from a.subgroup_id
                          and p.individual_student_id is not distinct from a.individual_student_id)`;

/** SQL: `a` (a teaching assignment) covers the date `d`; `ends_on` is exclusive (half-open). */
const COVERS = (d: string) =>
  `(a.starts_on is null or a.starts_on <= ${d}) and (a.ends_on is null or ${d} < a.ends_on)`;

/**
 * SQL: how the viewer stands to `a` (a teaching assignment joined with its class as `c`): columns
 * `teaches`, `leads`, `substitutes`, with `PAGE_ACCESS_PARAMS` parameters, all the viewer's person
 * id. A substitute reads the page when a published substitution names them, or when they conduct
 * one of its lessons without ever having kept the page (a former keeper is not a substitute).
 */
export const PAGE_ACCESS_COLUMNS = `a.teacher_id = ? as teaches,
            coalesce(c.class_teacher_id = ?, false) as leads,
            (exists (select 1 from timetable_change t
                      where t.assignment_id = a.id and t.kind = 'SUBSTITUTION'
                        and t.substitute_teacher_id = ? and t.published_at is not null)
             or (exists (select 1 from lesson l
                          where l.assignment_id = a.id and l.conducting_teacher_id = ?)
                 and not ${TAUGHT_PAGE}))
              as substitutes`;

export const pageAccessParams = (viewer: Viewer): string[] =>
  Array<string>(5).fill(viewer.personId);

/** The viewer's access to a page from `PAGE_ACCESS_COLUMNS` and its school; null: out of reach. */
export function pageAccessOf(
  viewer: Viewer,
  row: { school_id: string; teaches: boolean; leads: boolean; substitutes: boolean },
): PageAccess | null {
  const teacher = viewer.hasRole(row.school_id, Role.TEACHER);
  if (teacher && row.teaches) {
    return PageAccess.KEEP;
  }
  if (
    (teacher && (row.leads || row.substitutes)) ||
    viewer.hasRole(row.school_id, ...ADMINISTRATION)
  ) {
    return PageAccess.READ;
  }
  return null;
}

/** Of `assignmentIds`, how the viewer may use each; absent ids are out of reach (NOT_FOUND). */
export async function journalPageAccess(
  em: EntityManager,
  viewer: Viewer,
  assignmentIds: readonly string[],
): Promise<Map<string, PageAccess>> {
  const access = new Map<string, PageAccess>();
  if (assignmentIds.length === 0) {
    return access;
  }
  const rows = await em.execute<
    { id: string; school_id: string; teaches: boolean; leads: boolean; substitutes: boolean }[]
  >(
    `select a.id, a.school_id, ${PAGE_ACCESS_COLUMNS}
       from teaching_assignment a
       join school_class c on c.id = a.school_class_id
      where a.id = any(?::uuid[])`,
    [...pageAccessParams(viewer), uuidArray(assignmentIds)],
  );
  for (const row of rows) {
    const found = pageAccessOf(viewer, row);
    if (found) {
      access.set(row.id, found);
    }
  }
  return access;
}

/**
 * Of `lessonIds`, those the viewer may write (R-ROLE-4, R-ROLE-5):
 * - the page's teacher, while their row covers the lesson's date (`ends_on` exclusive);
 * - a substitute named by a published SUBSTITUTION change of that page, date (and lesson number,
 *   when the lesson has one) — what `assignSubstitute` publishes;
 * - the teacher conducting the lesson, when they never kept the page: a lesson recorded by a
 *   substitute, or handed to one by `assignSubstitute`. A former keeper is not a substitute.
 */
export async function lessonsKeptBy(
  em: EntityManager,
  viewer: Viewer,
  lessonIds: readonly string[],
): Promise<Set<string>> {
  if (lessonIds.length === 0) {
    return new Set();
  }
  const me = viewer.personId;
  const rows = await em.execute<{ id: string; school_id: string }[]>(
    `select l.id, l.school_id
       from lesson l join teaching_assignment a on a.id = l.assignment_id
      where l.id = any(?::uuid[])
        and ((a.teacher_id = ? and ${COVERS('l.date')})
             or exists (select 1 from timetable_change t
                         where t.assignment_id = l.assignment_id and t.date = l.date
                           and t.kind = 'SUBSTITUTION' and t.substitute_teacher_id = ?
                           and t.published_at is not null
                           and (l.lesson_number is null or t.lesson_number = l.lesson_number))
             or (l.conducting_teacher_id = ? and not ${TAUGHT_PAGE}))`,
    [uuidArray(lessonIds), me, me, me, me],
  );
  return new Set(rows.filter((r) => viewer.hasRole(r.school_id, Role.TEACHER)).map((r) => r.id));
}

/** Whether the assignment's row covers `date` (`endsOn` exclusive, nulls: the whole year). */
export function assignmentCovers(
  a: { startsOn?: string | null; endsOn?: string | null },
  date: string,
): boolean {
  return (!a.startsOn || a.startsOn <= date) && (!a.endsOn || date < a.endsOn);
}

/** How far a viewer sees into one student's diary. */
export interface DiaryReach {
  /** The student themself or a guardian: the whole period of study (R-ROLE-7, R-ROLE-8, R-DRY-1). */
  whole: boolean;
  /**
   * Staff: the student's classes whose days they may read — the same classes whose journal they
   * read (R-ROLE-2, R-ROLE-6): administration of the class's school, or the class teacher.
   * A subject teacher or a substitute reads their own pages in the journal, not the diary.
   */
  classIds: ReadonlySet<string>;
}

/**
 * Of `studentIds`, whose diary the viewer may read and how far; absent ids are out of reach
 * (NOT_FOUND). The student needs the STUDENT role; a guardian the PARENT role (in any school: a
 * child may have moved school since the guardianship was recorded).
 */
export async function diaryReach(
  em: EntityManager,
  viewer: Viewer,
  studentIds: readonly string[],
): Promise<Map<string, DiaryReach>> {
  const reach = new Map<string, DiaryReach>();
  const others = studentIds.filter((id) => id !== viewer.personId);
  if (others.length < studentIds.length && viewer.hasAnyRole(Role.STUDENT)) {
    reach.set(viewer.personId, { whole: true, classIds: new Set() });
  }
  const parent = viewer.hasAnyRole(Role.PARENT);
  const leads = viewer.schoolIds(Role.TEACHER);
  const administers = viewer.schoolIds(...ADMINISTRATION);
  if (others.length === 0 || (!parent && leads.length === 0 && administers.length === 0)) {
    return reach;
  }
  const rows = await em.execute<{ student_id: string; class_id: string | null }[]>(
    `select g.student_id, null::uuid as class_id
       from guardianship g
      where ?::boolean and g.guardian_id = ? and g.student_id = any(?::uuid[])
     union all
     select e.student_id, e.school_class_id
       from enrolment e join school_class c on c.id = e.school_class_id
      where e.student_id = any(?::uuid[])
        and ((c.class_teacher_id = ? and c.school_id = any(?::uuid[]))
             or c.school_id = any(?::uuid[]))`,
    [
      parent,
      viewer.personId,
      uuidArray(others),
      uuidArray(others),
      viewer.personId,
      uuidArray(leads),
      uuidArray(administers),
    ],
  );
  for (const row of rows) {
    const found = reach.get(row.student_id) ?? { whole: false, classIds: new Set<string>() };
    reach.set(row.student_id, {
      whole: found.whole || row.class_id === null,
      classIds: row.class_id ? new Set([...found.classIds, row.class_id]) : found.classIds,
    });
  }
  return reach;
}

/** A class as the live feeds check it: its school, class teacher, the school's clock and scale. */
export interface LiveClassRow {
  id: string;
  school_id: string;
  class_teacher_id: string | null;
  time_zone: string;
  grading_scale: GradingScale;
}

/**
 * The access decisions of one live event for every person it may reach, batched (issue 9): the
 * decisions are per person (a parent sees only their own child), but the statements are one per
 * kind of question per tick, whatever the number of people. With `scope` (the event's school) the
 * statements run under that row scope, so a fact recorded only in another school does not count;
 * a row must also be in one of the asking viewer's own schools, as under their own scope.
 * Without it (subscribe time), they run under the current operation's scope.
 */
export class LiveAccess {
  private readonly guardians: DataLoader<string, string[]>;
  private readonly enrolments: DataLoader<
    string,
    { school_class_id: string; school_id: string; class_teacher_id: string | null }[]
  >;
  private readonly classes: DataLoader<string, LiveClassRow | null>;
  private readonly pages: DataLoader<
    string,
    { id: string; school_id: string; teacher_id: string; class_teacher_id: string | null } | null
  >;
  private readonly substitutes: DataLoader<string, boolean>;

  constructor(
    private readonly em: EntityManager,
    private readonly scope?: RowScope,
    /** Called as each statement is sent (core/live.ts seals a shared work object there). */
    private readonly onRead?: () => void,
  ) {
    // `guardian|student` → the schools the guardianship is recorded in (one statement per tick).
    this.guardians = new DataLoader(async (keys) => {
      const pairs = keys.map((k) => k.split('|') as [string, string]);
      const rows = await this.run<{ guardian_id: string; student_id: string; school_id: string }>(
        `select g.guardian_id, g.student_id, g.school_id
           from unnest(?::uuid[], ?::uuid[]) as x(guardian_id, student_id)
           join guardianship g on g.guardian_id = x.guardian_id and g.student_id = x.student_id`,
        [uuidArray(pairs.map((p) => p[0])), uuidArray(pairs.map((p) => p[1]))],
      );
      const grouped = groupBy(
        rows,
        (r) => `${r.guardian_id}|${r.student_id}`,
        (r) => r.school_id,
      );
      return keys.map((k) => grouped.get(k) ?? []);
    });
    this.enrolments = new DataLoader(async (studentIds) => {
      const rows = await this.run<{
        student_id: string;
        school_class_id: string;
        school_id: string;
        class_teacher_id: string | null;
      }>(
        `select e.student_id, e.school_class_id, c.school_id, c.class_teacher_id
           from enrolment e join school_class c on c.id = e.school_class_id
          where e.student_id = any(?::uuid[])`,
        [uuidArray(studentIds)],
      );
      const byStudent = groupBy(rows, (r) => r.student_id);
      return studentIds.map((id) => byStudent.get(id) ?? []);
    });
    this.classes = new DataLoader(async (ids) => {
      const rows = await this.run<LiveClassRow>(
        `select c.id, c.school_id, c.class_teacher_id, s.time_zone, s.grading_scale
           from school_class c join school s on s.id = c.school_id where c.id = any(?::uuid[])`,
        [uuidArray(ids)],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.pages = new DataLoader(async (ids) => {
      const rows = await this.run<{
        id: string;
        school_id: string;
        teacher_id: string;
        class_teacher_id: string | null;
      }>(
        `select a.id, a.school_id, a.teacher_id, c.class_teacher_id
           from teaching_assignment a join school_class c on c.id = a.school_class_id
          where a.id = any(?::uuid[])`,
        [uuidArray(ids)],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    // `person|assignment` → whether the person substitutes on the page (PAGE_ACCESS_COLUMNS).
    this.substitutes = new DataLoader(async (keys) => {
      const pairs = keys.map((k) => k.split('|') as [string, string]);
      const rows = await this.run<{ person_id: string; assignment_id: string }>(
        `select x.person_id, x.assignment_id
           from unnest(?::uuid[], ?::uuid[]) as x(person_id, assignment_id)
           join teaching_assignment a on a.id = x.assignment_id
          where exists (select 1 from timetable_change t
                         where t.assignment_id = a.id and t.kind = 'SUBSTITUTION'
                           and t.substitute_teacher_id = x.person_id and t.published_at is not null)
             or (exists (select 1 from lesson l
                          where l.assignment_id = a.id and l.conducting_teacher_id = x.person_id)
                 and not exists (select 1 from teaching_assignment p
                        where p.teacher_id = x.person_id and p.school_class_id = a.school_class_id
                          and p.subject_id = a.subject_id
                          and p.subgroup_id is not distinct from a.subgroup_id
                          and p.individual_student_id is not distinct from a.individual_student_id))`,
        [uuidArray(pairs.map((p) => p[0])), uuidArray(pairs.map((p) => p[1]))],
      );
      const found = new Set(rows.map((r) => `${r.person_id}|${r.assignment_id}`));
      return keys.map((k) => found.has(k));
    });
  }

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    this.onRead?.();
    const statement = () => this.em.execute<T[]>(sql, params);
    return this.scope ? withRowScope(this.scope, statement) : statement();
  }

  /** A row of another school than the viewer's counts for nothing (their own scope's rule). */
  private inViewerSchools(viewer: Viewer, schoolId: string) {
    return viewer.roles.some((r) => r.school.id === schoolId);
  }

  /** `diaryReach` for one viewer and student, batched with the other people of the event. */
  async diaryReach(viewer: Viewer, studentId: string): Promise<DiaryReach | null> {
    if (studentId === viewer.personId && viewer.hasAnyRole(Role.STUDENT)) {
      return { whole: true, classIds: new Set() };
    }
    const parent = viewer.hasAnyRole(Role.PARENT);
    const leads = viewer.schoolIds(Role.TEACHER);
    const administers = viewer.schoolIds(...ADMINISTRATION);
    if (studentId === viewer.personId || (!parent && !leads.length && !administers.length)) {
      return null;
    }
    const [links, enrolments] = await Promise.all([
      parent ? this.guardians.load(`${viewer.personId}|${studentId}`) : [],
      leads.length || administers.length ? this.enrolments.load(studentId) : [],
    ]);
    const whole = links.some((schoolId) => this.inViewerSchools(viewer, schoolId));
    const classIds = new Set(
      enrolments
        .filter(
          (e) =>
            this.inViewerSchools(viewer, e.school_id) &&
            (administers.includes(e.school_id) ||
              (e.class_teacher_id === viewer.personId && leads.includes(e.school_id))),
        )
        .map((e) => e.school_class_id),
    );
    return whole || classIds.size > 0 ? { whole, classIds } : null;
  }

  /** The class (school, class teacher, time zone, scale), batched; null out of scope. */
  schoolClass(schoolClassId: string): Promise<LiveClassRow | null> {
    return this.classes.load(schoolClassId);
  }

  /** `journalPageAccess` for one viewer and page, batched with the other people of the event. */
  async pageAccess(viewer: Viewer, assignmentId: string): Promise<PageAccess | null> {
    const page = await this.pages.load(assignmentId);
    if (!page || !this.inViewerSchools(viewer, page.school_id)) {
      return null;
    }
    const teaches = page.teacher_id === viewer.personId;
    const leads = page.class_teacher_id === viewer.personId;
    // Only a teacher of the school who neither keeps nor leads the page needs the substitute check.
    const substitutes =
      !teaches && !leads && viewer.hasRole(page.school_id, Role.TEACHER)
        ? await this.substitutes.load(`${viewer.personId}|${assignmentId}`)
        : false;
    return pageAccessOf(viewer, { school_id: page.school_id, teaches, leads, substitutes });
  }
}
