import type { EntityManager } from '@mikro-orm/postgresql';
import { journalPageAccess } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { School } from '../school/school.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { Attendance } from './attendance.entity.js';
import { averages } from './grading.js';
import type { JournalPage, JournalStudent } from './journal-page.types.js';
import { Lesson } from './lesson.entity.js';
import { Mark } from './mark.entity.js';
import { PeriodMark } from './period-mark.entity.js';
import { requirePeriodOfGrade } from './periods.js';

/**
 * The journal pages the viewer keeps, in every school they teach at, for the year of `on`: rows
 * not ended by `on` (one that starts later in the year is listed, the teacher prepares it). A row
 * ended by a change of teacher drops out of the list; its page stays readable by id (READ).
 */
export async function myJournalPages(
  em: EntityManager,
  viewer: Viewer,
  on: string,
): Promise<TeachingAssignment[]> {
  const schools = viewer.schoolIds(Role.TEACHER);
  if (schools.length === 0) {
    return [];
  }
  return em.find(
    TeachingAssignment,
    {
      teacher: viewer.personId,
      school: { $in: schools },
      year: { startsOn: { $lte: on }, endsOn: { $gte: on } },
      $or: [{ endsOn: null }, { endsOn: { $gt: on } }],
    },
    { orderBy: { schoolClass: { gradeLevel: 'asc', letter: 'asc' }, subject: { name: 'asc' } } },
  );
}

interface RosterRow {
  student_id: string;
  enrolled_from: string;
  left_on: string | null;
}

/**
 * Who is on the page during the period: the class (or subgroup, or individual student) as it was
 * on each day, so a newcomer starts late and a leaver stops early (R-YEAR-5).
 */
export async function roster(
  em: EntityManager,
  assignment: TeachingAssignment,
  period: ReportingPeriod,
): Promise<RosterRow[]> {
  const periodEnd = nextDay(period.endsOn);
  return em.execute<RosterRow[]>(
    `with spans as (
       select e.student_id,
              greatest(e.starts_on, coalesce(m.starts_on, e.starts_on)) as starts_on,
              nullif(least(coalesce(e.ends_on, 'infinity'), coalesce(m.ends_on, 'infinity')),
                     'infinity') as ends_on
         from enrolment e
         left join subgroup_membership m
           on ?::uuid is not null and m.subgroup_id = ?::uuid and m.student_id = e.student_id
        where e.school_class_id = ?
          and (?::uuid is null or m.id is not null)
          and (?::uuid is null or e.student_id = ?::uuid)
     )
     select s.student_id,
            to_char(greatest(min(s.starts_on), ?::date), 'YYYY-MM-DD') as enrolled_from,
            case when bool_or(s.ends_on is null) or max(s.ends_on) >= ?::date then null
                 else to_char(max(s.ends_on), 'YYYY-MM-DD') end as left_on
       from spans s
      where s.starts_on < ?::date and (s.ends_on is null or s.ends_on > ?::date)
        and (s.ends_on is null or s.ends_on > s.starts_on)
      group by s.student_id`,
    [
      assignment.subgroup?.id ?? null,
      assignment.subgroup?.id ?? null,
      assignment.schoolClass.id,
      assignment.subgroup?.id ?? null,
      assignment.individualStudent?.id ?? null,
      assignment.individualStudent?.id ?? null,
      period.startsOn,
      periodEnd,
      periodEnd,
      period.startsOn,
    ],
  );
}

export async function readJournalPage(
  em: EntityManager,
  viewer: Viewer,
  assignmentIdInput: string,
  periodIdInput: string,
): Promise<JournalPage> {
  const assignmentId = requireId(assignmentIdInput, 'assignmentId');
  const periodId = requireId(periodIdInput, 'periodId');
  const access = (await journalPageAccess(em, viewer, [assignmentId])).get(assignmentId);
  if (!access) {
    // Out of reach and missing look the same: no probing for ids (STYLE: permissions).
    throw notFound('assignmentId');
  }
  const [assignment, period] = await Promise.all([
    em.findOneOrFail(TeachingAssignment, assignmentId),
    em.findOne(ReportingPeriod, periodId),
  ]);
  if (!period || period.school.id !== assignment.school.id) {
    throw notFound('periodId');
  }
  if (period.year.id !== assignment.year.id) {
    throw badInput('periodId', 'journal.periodOfAnotherYear');
  }
  await requirePeriodOfGrade(em, assignment, period);
  const school = await em.findOneOrFail(School, assignment.school.id);
  const rows = await roster(em, assignment, period);
  const lessons = await em.find(
    Lesson,
    { assignment, date: { $gte: period.startsOn, $lte: period.endsOn } },
    { orderBy: { date: 'asc', lessonNumber: 'asc' } },
  );
  const lessonIds = lessons.map((l) => l.id);
  const studentIds = rows.map((r) => r.student_id);
  const [people, marks, attendance, periodMarks] = await Promise.all([
    em.find(Person, { id: { $in: studentIds } }),
    em.find(Mark, { lesson: { $in: lessonIds } }, { orderBy: { createdAt: 'asc' } }),
    em.find(Attendance, { lesson: { $in: lessonIds } }),
    em.find(PeriodMark, { period, subject: assignment.subject, student: { $in: studentIds } }),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const periodMarkByStudent = new Map(periodMarks.map((m) => [m.student.id, m]));
  const students: JournalStudent[] = rows
    .map((row) => {
      const own = marks.filter((m) => m.student.id === row.student_id);
      const avg = averages(own.map((m) => ({ value: m.numericValue, weight: m.weight })));
      return {
        student: personById.get(row.student_id)!,
        enrolledFrom: row.enrolled_from,
        leftOn: row.left_on,
        markCount: own.length,
        average: avg.plain,
        weightedAverage: avg.weighted,
        enoughMarksForPeriodMark: own.length >= school.minMarksForPeriodMark,
        periodMark: periodMarkByStudent.get(row.student_id) ?? null,
      };
    })
    .sort((a, b) => byName(a.student, b.student));
  return {
    assignment,
    period,
    access,
    minMarksForPeriodMark: school.minMarksForPeriodMark,
    students,
    lessons,
    marks,
    attendance,
  };
}

function byName(a: Person, b: Person): number {
  return (
    a.lastName.localeCompare(b.lastName, 'ru') ||
    a.firstName.localeCompare(b.firstName, 'ru') ||
    a.id.localeCompare(b.id)
  );
}

/** `YYYY-MM-DD` + 1 day: periods are inclusive, enrolments half-open. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
