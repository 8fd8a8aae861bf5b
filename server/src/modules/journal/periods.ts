import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../core/errors.js';
import type { MessageKey } from '../../core/messages.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { PeriodKind, ReportingPeriod } from '../year/reporting-period.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';

/** The reporting periods of the page's year that apply to its class's grade (R-YEAR-1). */
export async function periodsOfPage(
  em: EntityManager,
  assignment: TeachingAssignment,
): Promise<ReportingPeriod[]> {
  const schoolClass = await em.findOneOrFail(SchoolClass, assignment.schoolClass.id);
  return em.find(ReportingPeriod, {
    year: assignment.year.id,
    gradeLevels: { $contains: [schoolClass.gradeLevel] },
  });
}

/**
 * Whether `date` is a term day among `periods` (of one grade). The YEAR period contains every day
 * from September to May, holidays too, so it never proves a school day on its own; a quarter
 * (trimester, half-year) does. A grade with only a YEAR period has no holidays to tell apart.
 */
export function isTermDay(periods: readonly ReportingPeriod[], date: string): boolean {
  const covering = periods.filter((p) => p.startsOn <= date && date <= p.endsOn);
  const terms = periods.filter((p) => p.kind !== PeriodKind.YEAR);
  return (
    covering.length > 0 && (terms.length === 0 || covering.some((p) => p.kind !== PeriodKind.YEAR))
  );
}

/** The periods of the page's grade that contain `date`, and whether it is a term day. */
export async function periodsCovering(
  em: EntityManager,
  assignment: TeachingAssignment,
  date: string,
): Promise<{ covering: ReportingPeriod[]; inTerm: boolean }> {
  const periods = await periodsOfPage(em, assignment);
  return {
    covering: periods.filter((p) => p.startsOn <= date && date <= p.endsOn),
    inTerm: isTermDay(periods, date),
  };
}

/**
 * R-DATA-2: a closed year's journals are read-only. Every journal write path comes through here
 * (via `requireOpenDay`, `requireOpenLesson`, or directly); the only way to change a closed year's
 * record is the administration's `correctClosedYearRecord`, with a reason.
 */
export async function requireOpenYear(
  em: EntityManager,
  yearId: string,
  field: string,
): Promise<void> {
  const year = await em.findOneOrFail(AcademicYear, yearId);
  if (year.closedAt) {
    throw badInput(field, 'year.closed');
  }
}

/**
 * Refuses a day on which the page takes no new records: outside every term of the grade (the
 * holidays), or inside any closed period — a closed quarter stays closed although the YEAR period
 * around it is still open (R-JRN-5: closing freezes the period).
 */
export async function requireOpenDay(
  em: EntityManager,
  assignment: TeachingAssignment,
  date: string,
  field: string,
  closedKey: MessageKey = 'journal.periodClosed',
): Promise<void> {
  await requireOpenYear(em, assignment.year.id, field);
  const { covering, inTerm } = await periodsCovering(em, assignment, date);
  if (!inTerm) {
    throw badInput(field, 'lesson.outsidePeriods');
  }
  if (covering.some((p) => p.closedAt)) {
    throw badInput(field, closedKey);
  }
}

/**
 * Refuses changes to the records of a lesson in a closed period (marks, attendance, topic,
 * cancellation). A lesson already recorded is not re-judged for holidays: periods may have been
 * edited since, and its records stay correctable until the period closes.
 */
export async function requireOpenLesson(
  em: EntityManager,
  lesson: { assignment: { id: string }; date: string },
): Promise<void> {
  const assignment = await em.findOneOrFail(TeachingAssignment, lesson.assignment.id);
  await requireOpenYear(em, assignment.year.id, 'lessonId');
  const { covering } = await periodsCovering(em, assignment, lesson.date);
  if (covering.some((p) => p.closedAt)) {
    throw badInput('lessonId', 'journal.periodClosed');
  }
}

/**
 * Refuses a period that does not apply to the page's grade: quarters of grades 1–9 are not the
 * half-years of grade 10 (R-YEAR-1), whatever their dates share.
 */
export async function requirePeriodOfGrade(
  em: EntityManager,
  assignment: TeachingAssignment,
  period: ReportingPeriod,
): Promise<void> {
  const schoolClass = await em.findOneOrFail(SchoolClass, assignment.schoolClass.id);
  if (!period.gradeLevels.includes(schoolClass.gradeLevel)) {
    throw badInput('periodId', 'journal.periodNotForGrade');
  }
}
