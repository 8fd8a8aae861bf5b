import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { Role } from '../people/role-assignment.entity.js';

/**
 * How much of a school's reports the viewer sees (issue 7, "Reports"):
 * - the administration (director, deputy, administrator): everything of their school;
 * - a teacher: the classes they lead (class teacher) whole, and elsewhere only the subjects they
 *   teach there (their own journal pages) — `restricted`;
 * - the records clerk: only where `clerk` is allowed (the summary sheet, which they file and
 *   copy year marks from into personal files); they read no other marks (diary.permissions.ts);
 * - anyone else, another school's staff included: nothing (NOT_FOUND, no probing for ids).
 */
export interface ReportScope {
  schoolId: string;
  /** Everything of the school. */
  full: boolean;
  /** The teacher whose classes and pages bound the report when not `full`. */
  teacherId: string | null;
}

export function reportScope(
  viewer: Viewer,
  schoolId: string,
  options: { clerk?: boolean } = {},
): ReportScope | null {
  if (
    viewer.hasRole(schoolId, ...ADMINISTRATION) ||
    (options.clerk && viewer.hasRole(schoolId, Role.RECORDS_CLERK))
  ) {
    return { schoolId, full: true, teacherId: null };
  }
  if (viewer.hasRole(schoolId, Role.TEACHER)) {
    return { schoolId, full: false, teacherId: viewer.personId };
  }
  return null;
}

/**
 * SQL: the scope admits the mark or absence of class `cls` in subject `subject`. Parameters, in
 * order: `scopeParams(scope)`.
 */
export const inScope = (cls: string, subject: string) =>
  `(?::boolean or ${cls}.class_teacher_id = ?::uuid
     or exists (select 1 from teaching_assignment ta
                 where ta.teacher_id = ?::uuid and ta.school_class_id = ${cls}.id
                   and ta.subject_id = ${subject}))`;

export const scopeParams = (scope: ReportScope) => [scope.full, scope.teacherId, scope.teacherId];

export interface ClassRow {
  id: string;
  school_id: string;
  year_id: string;
  grade_level: number;
  name: string;
  year_name: string;
  school_name: string;
  year_starts_on: string;
  class_teacher_name: string | null;
  leads: boolean;
  teaches: boolean;
}

/**
 * The class a report is asked for, with how the viewer stands to it. NOT_FOUND when missing or
 * out of every scope (another school); FORBIDDEN for a teacher of the school who neither leads
 * the class nor teaches in it: staff know the school's classes exist, but not their marks.
 */
export async function requireClass(
  em: EntityManager,
  viewer: Viewer,
  schoolClassId: string,
  options: { clerk?: boolean } = {},
): Promise<{ schoolClass: ClassRow; scope: ReportScope }> {
  const rows = await em.execute<ClassRow[]>(
    `select c.id, c.school_id, c.year_id, c.grade_level, c.grade_level || c.letter as name,
            y.name as year_name, sc.name as school_name, to_char(y.starts_on, 'YYYY-MM-DD') as year_starts_on,
            nullif(concat_ws(' ', t.last_name, t.first_name, t.middle_name), '') as class_teacher_name,
            coalesce(c.class_teacher_id = ?::uuid, false) as leads,
            exists (select 1 from teaching_assignment ta
                     where ta.school_class_id = c.id and ta.teacher_id = ?::uuid) as teaches
       from school_class c
       join academic_year y on y.id = c.year_id
       join school sc on sc.id = c.school_id
       left join person t on t.id = c.class_teacher_id
      where c.id = any(?::uuid[])`,
    [viewer.personId, viewer.personId, uuidArray([schoolClassId])],
  );
  const schoolClass = rows[0];
  const scope = schoolClass && reportScope(viewer, schoolClass.school_id, options);
  if (!schoolClass || !scope) {
    throw notFound('schoolClassId');
  }
  if (!scope.full && !schoolClass.leads && !schoolClass.teaches) {
    throw forbidden();
  }
  return { schoolClass, scope };
}

/** A date range as reports take it: both real days, `from` ≤ `to`, at most a year and a day. */
export function requireRange(from: string, to: string): void {
  if (from > to) {
    throw badInput('to', 'reports.rangeReversed');
  }
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > 366) {
    throw badInput('to', 'reports.rangeTooLong', { max: 366 });
  }
}

/** `Фамилия Имя Отчество` as SQL over a person alias. */
export const personName = (p: string) =>
  `concat_ws(' ', ${p}.last_name, ${p}.first_name, ${p}.middle_name)`;
