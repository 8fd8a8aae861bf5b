import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';

/**
 * Of `studentIds`, those on the page's audience on `date`: enrolled in its class that day, and in
 * its subgroup or its individual student when the page is for one (R-YEAR-5: marks only while
 * enrolled).
 */
export async function studentsOnPage(
  em: EntityManager,
  assignment: TeachingAssignment,
  date: string,
  studentIds: readonly string[],
): Promise<Set<string>> {
  if (studentIds.length === 0) {
    return new Set();
  }
  const subgroup = assignment.subgroup?.id ?? null;
  const individual = assignment.individualStudent?.id ?? null;
  const rows = await em.execute<{ student_id: string }[]>(
    `select e.student_id
       from enrolment e
      where e.school_class_id = ? and e.student_id = any(?::uuid[])
        and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)
        and (?::uuid is null or e.student_id = ?::uuid)
        and (?::uuid is null or exists (
              select 1 from subgroup_membership m
               where m.subgroup_id = ?::uuid and m.student_id = e.student_id
                 and m.starts_on <= ?::date and (m.ends_on is null or m.ends_on > ?::date)))`,
    [
      assignment.schoolClass.id,
      uuidArray(studentIds),
      date,
      date,
      individual,
      individual,
      subgroup,
      subgroup,
      date,
      date,
    ],
  );
  return new Set(rows.map((r) => r.student_id));
}

/** Today's date where the school is: a lesson "in the future" is judged by the school's clock. */
export function todayIn(timeZone: string, now = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** Building an `Intl.DateTimeFormat` costs more than formatting with it: one per time zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
