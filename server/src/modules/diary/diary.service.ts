import type { EntityManager } from '@mikro-orm/postgresql';
import { diaryReach, uuidArray, type DiaryReach } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { entitiesOf } from './diary-rows.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';

/**
 * The students whose diaries are the viewer's own business: a student themself, a parent's
 * children (R-ROLE-7, R-ROLE-8). Staff read diaries by id from the class lists, not from here.
 */
export async function myStudents(em: EntityManager, viewer: Viewer): Promise<Person[]> {
  const ids = viewer.hasAnyRole(Role.STUDENT) ? [viewer.personId] : [];
  if (viewer.hasAnyRole(Role.PARENT)) {
    const rows = await em.execute<{ student_id: string }[]>(
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
 * Whether the reporting period `p` is one of the student's study that the viewer may open: a
 * period of the year of one of the student's classes within reach, for the class's grade level,
 * overlapping the enrolment (R-DRY-1). Parameters: `studyParams`.
 */
export const IN_STUDY = `exists (
  select 1 from enrolment e join school_class c on c.id = e.school_class_id
   where e.student_id = ? and c.year_id = p.year_id and c.grade_level = any(p.grade_levels)
     and e.starts_on <= p.ends_on and (e.ends_on is null or e.ends_on > p.starts_on)
     and (?::uuid[] is null or c.id = any(?::uuid[])))`;

export const studyParams = (studentId: string, reach: DiaryReach) => {
  const classes = reachParam(reach);
  return [studentId, classes, classes];
};

/** Reporting periods of the student's study that the viewer may open, to pick one (R-DRY-1). */
export async function diaryPeriods(
  em: EntityManager,
  viewer: Viewer,
  studentIdInput: string,
): Promise<ReportingPeriod[]> {
  const { studentId, reach } = await requireReach(em, viewer, studentIdInput);
  const rows = await em.execute<Record<string, unknown>[]>(
    `select p.* from reporting_period p where ${IN_STUDY}
      order by p.starts_on, p.ends_on, p.kind, p.number`,
    studyParams(studentId, reach),
  );
  return entitiesOf(em, ReportingPeriod, rows);
}
