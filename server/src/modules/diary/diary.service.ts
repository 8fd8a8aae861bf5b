import type { EntityManager } from '@mikro-orm/postgresql';
import { diaryReach, uuidArray, type DiaryReach } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';

/**
 * The students whose diaries are the viewer's own business: a student themself, a parent's
 * children (R-ROLE-7, R-ROLE-8). Staff read diaries by id from the class lists, not from here.
 */
export async function myStudents(em: EntityManager, viewer: Viewer): Promise<Person[]> {
  const ids = viewer.hasAnyRole(Role.STUDENT) ? [viewer.personId] : [];
  if (viewer.hasAnyRole(Role.PARENT)) {
    const rows = await em
      .getConnection()
      .execute<{ student_id: string }[]>(
        `select student_id from guardianship where guardian_id = ?`,
        [viewer.personId],
      );
    ids.push(...rows.map((r) => r.student_id));
  }
  if (ids.length === 0) {
    return [];
  }
  return em.find(
    Person,
    { id: { $in: ids } },
    { orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' } },
  );
}

/** The viewer's reach into one student's diary; out of reach and missing look the same. */
export async function requireReach(
  em: EntityManager,
  viewer: Viewer,
  studentIdInput: string,
): Promise<{ studentId: string; reach: DiaryReach }> {
  const studentId = requireId(studentIdInput, 'studentId');
  const reach = (await diaryReach(em, viewer, [studentId])).get(studentId);
  if (!reach) {
    throw notFound('studentId');
  }
  return { studentId, reach };
}

/** The reach as an SQL parameter: null for the whole study, else the classes as an array. */
export const reachParam = (reach: DiaryReach): string | null =>
  reach.whole ? null : uuidArray([...reach.classIds]);

/**
 * Reporting periods of the student's study that the viewer may open: periods of the years of the
 * student's classes, for the class's grade level, overlapping the enrolment (R-DRY-1).
 */
export async function diaryPeriods(
  em: EntityManager,
  viewer: Viewer,
  studentIdInput: string,
): Promise<ReportingPeriod[]> {
  const { studentId, reach } = await requireReach(em, viewer, studentIdInput);
  const ids = await periodsOfStudy(em, studentId, reach, null);
  if (ids.length === 0) {
    return [];
  }
  return em.find(
    ReportingPeriod,
    { id: { $in: ids } },
    { orderBy: { startsOn: 'asc', endsOn: 'asc', kind: 'asc', number: 'asc' } },
  );
}

/** Ids of the periods of the student's study within reach (or just `periodId`, if it is one). */
export async function periodsOfStudy(
  em: EntityManager,
  studentId: string,
  reach: DiaryReach,
  periodId: string | null,
): Promise<string[]> {
  const classes = reachParam(reach);
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `select distinct p.id
       from reporting_period p
       join school_class c on c.year_id = p.year_id and c.grade_level = any(p.grade_levels)
       join enrolment e on e.school_class_id = c.id
      where e.student_id = ?
        and e.starts_on <= p.ends_on and (e.ends_on is null or e.ends_on > p.starts_on)
        and (?::uuid[] is null or c.id = any(?::uuid[]))
        and (?::uuid is null or p.id = ?::uuid)`,
    [studentId, classes, classes, periodId, periodId],
  );
  return rows.map((r) => r.id);
}
