import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { Attendance } from '../journal/attendance.entity.js';
import { studentsOnPage, todayIn } from '../journal/audience.js';
import { parseMark } from '../journal/grading.js';
import { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { LOCKED } from '../journal/marks.service.js';
import { PeriodMark } from '../journal/period-mark.entity.js';
import { optionalText, requiredReason } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import { yearFor } from '../year/structure.service.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { requireAdministration } from '../year/year-access.js';
import type {
  ClosedYearAttendanceCorrection,
  ClosedYearCorrection,
  ClosedYearMarkCorrection,
  ClosedYearPeriodMarkCorrection,
  CloseAcademicYearInput,
  CorrectClosedYearRecordInput,
} from './year-end.inputs.js';

const actorOf = (viewer: Viewer) => ({ personId: viewer.personId, sessionId: viewer.sessionId });

/** The year, locked, when the viewer administers its school; FORBIDDEN for its other staff. */
export async function administeredYear(tx: EntityManager, viewer: Viewer, yearId: string) {
  const year = await yearFor(tx, viewer, yearId, 'yearId');
  requireAdministration(viewer, year.school.id, 'yearId');
  return tx.findOneOrFail(AcademicYear, year.id, LOCKED);
}

const yearSnapshot = (y: AcademicYear) => ({
  name: y.name,
  startsOn: y.startsOn,
  endsOn: y.endsOn,
  closedAt: y.closedAt?.toISOString() ?? null,
});

/**
 * Closes a year from its last day on (R-DATA-2): from then on every journal write of the year is
 * refused (journal/periods.ts `requireOpenYear`). Periods still open are closed with it, each
 * audited: a closed year has only final period marks, and nobody has to close the quarters one by
 * one first.
 */
export async function closeAcademicYear(
  em: EntityManager,
  viewer: Viewer,
  input: CloseAcademicYearInput,
): Promise<AcademicYear> {
  return em.transactional(async (tx) => {
    const year = await administeredYear(tx, viewer, input.yearId);
    const reason = optionalText(input.reason, 'reason', 500);
    if (year.closedAt) {
      throw badInput('yearId', 'year.alreadyClosed');
    }
    const school = await tx.findOneOrFail(School, year.school.id);
    if (todayIn(school.timeZone) < year.endsOn) {
      throw badInput('yearId', 'year.notEnded');
    }
    const now = new Date();
    const open = await tx.find(
      ReportingPeriod,
      { year, closedAt: null },
      { ...LOCKED, orderBy: { startsOn: 'asc', id: 'asc' } },
    );
    for (const period of open) {
      period.closedAt = now;
      recordAudit(tx, actorOf(viewer), {
        schoolId: school.id,
        entityType: 'ReportingPeriod',
        entityId: period.id,
        action: 'close',
        before: { closedAt: null },
        after: { closedAt: now.toISOString(), withYear: year.id },
        reason,
      });
    }
    const before = yearSnapshot(year);
    year.closedAt = now;
    recordAudit(tx, actorOf(viewer), {
      schoolId: school.id,
      entityType: 'AcademicYear',
      entityId: year.id,
      action: 'close',
      before,
      after: { ...yearSnapshot(year), periodsClosed: open.map((p) => p.id) },
      reason,
    });
    await tx.flush();
    return year;
  });
}

function conflictUnless(current: number, seen: number | null | undefined, field: string) {
  if ((seen ?? null) !== current) {
    throw new DomainError(ErrorCode.CONFLICT, 'error.conflict', {
      field,
      details: { current: { version: current } },
    });
  }
}

interface Correction {
  entry: AuditEntry;
  result: ClosedYearCorrection;
}

/** A lesson of `year` (of its school); another school's lesson is NOT_FOUND. */
async function lessonOfYear(
  tx: EntityManager,
  year: AcademicYear,
  lessonId: string,
  field: string,
) {
  const lesson = await tx.findOne(Lesson, lessonId, LOCKED);
  if (!lesson || lesson.school.id !== year.school.id) {
    throw notFound(field);
  }
  const assignment = await tx.findOneOrFail(TeachingAssignment, lesson.assignment.id);
  if (assignment.year.id !== year.id) {
    throw badInput(field, 'closedYear.otherYear');
  }
  return { lesson, assignment };
}

async function correctMark(
  tx: EntityManager,
  viewer: Viewer,
  year: AcademicYear,
  school: School,
  input: ClosedYearMarkCorrection,
): Promise<Correction> {
  const mark = await tx.findOne(Mark, requireId(input.markId, 'mark.markId'), LOCKED);
  if (!mark || mark.school.id !== year.school.id) {
    throw notFound('mark.markId');
  }
  await lessonOfYear(tx, year, mark.lesson.id, 'mark.markId');
  conflictUnless(mark.version, input.version, 'mark.version');
  // The shape marks.service.ts audits, so history and voiding read a correction like any change.
  const before = {
    studentId: mark.student.id,
    lessonId: mark.lesson.id,
    value: mark.value,
    workTypeId: mark.workType?.id ?? null,
    weight: mark.weight,
    comment: mark.comment ?? null,
    version: mark.version,
  };
  const base = { schoolId: school.id, entityType: 'Mark', entityId: mark.id };
  if (input.remove) {
    tx.remove(mark);
    return {
      entry: { ...base, action: 'delete', before },
      result: { entityType: 'Mark', entityId: mark.id, action: 'delete' },
    };
  }
  const written = input.value ?? '';
  const numeric = parseMark(school.gradingScale, written);
  if (numeric === null) {
    throw badInput('mark.value', 'marks.offScale', { value: written.slice(0, 10) });
  }
  mark.value = String(numeric);
  mark.numericValue = numeric;
  mark.enteredBy = tx.getReference(Person, viewer.personId);
  return {
    entry: {
      ...base,
      action: 'update',
      before,
      after: { ...before, value: mark.value, version: mark.version + 1 },
    },
    result: { entityType: 'Mark', entityId: mark.id, action: 'update' },
  };
}

async function correctAttendanceRecord(
  tx: EntityManager,
  viewer: Viewer,
  year: AcademicYear,
  input: ClosedYearAttendanceCorrection,
): Promise<Correction> {
  const lessonId = requireId(input.lessonId, 'attendance.lessonId');
  const studentId = requireId(input.studentId, 'attendance.studentId');
  const { lesson, assignment } = await lessonOfYear(tx, year, lessonId, 'attendance.lessonId');
  if (!(await studentsOnPage(tx, assignment, lesson.date, [studentId])).has(studentId)) {
    throw badInput('attendance.studentId', 'marks.studentNotEnrolled');
  }
  if (!input.status && input.absenceReason) {
    throw badInput('attendance.absenceReason', 'attendance.reasonWithoutAbsence');
  }
  const existing = await tx.findOne(Attendance, { lesson, student: studentId }, LOCKED);
  conflictUnless(existing?.version ?? -1, input.version ?? -1, 'attendance.version');
  const me = tx.getReference(Person, viewer.personId);
  const snapshot = (a: Attendance) => ({
    studentId,
    lessonId: lesson.id,
    status: a.status,
    reason: a.reason ?? null,
    minutesLate: a.minutesLate ?? null,
    version: a.version,
  });
  const base = { schoolId: year.school.id, entityType: 'Attendance' };
  if (!input.status) {
    if (!existing) {
      throw badInput('attendance.status', 'closedYear.oneRecord');
    }
    tx.remove(existing);
    return {
      entry: { ...base, entityId: existing.id, action: 'delete', before: snapshot(existing) },
      result: { entityType: 'Attendance', entityId: existing.id, action: 'delete' },
    };
  }
  if (existing) {
    const before = snapshot(existing);
    existing.status = input.status;
    existing.reason = input.absenceReason ?? null;
    existing.minutesLate = null;
    existing.correctedBy = me;
    existing.correctedAt = new Date();
    return {
      entry: {
        ...base,
        entityId: existing.id,
        action: 'update',
        before,
        after: { ...snapshot(existing), version: existing.version + 1 },
      },
      result: { entityType: 'Attendance', entityId: existing.id, action: 'update' },
    };
  }
  const created = tx.create(Attendance, {
    school: lesson.school,
    lesson,
    student: tx.getReference(Person, studentId),
    status: input.status,
    reason: input.absenceReason ?? null,
    minutesLate: null,
    enteredBy: me,
    correctedBy: me,
    correctedAt: new Date(),
  });
  tx.persist(created);
  return {
    entry: { ...base, entityId: created.id, action: 'create', after: snapshot(created) },
    result: { entityType: 'Attendance', entityId: created.id, action: 'create' },
  };
}

async function correctPeriodMark(
  tx: EntityManager,
  viewer: Viewer,
  year: AcademicYear,
  school: School,
  input: ClosedYearPeriodMarkCorrection,
): Promise<Correction> {
  const mark = await tx.findOne(
    PeriodMark,
    requireId(input.periodMarkId, 'periodMark.periodMarkId'),
    LOCKED,
  );
  if (!mark || mark.school.id !== year.school.id) {
    throw notFound('periodMark.periodMarkId');
  }
  const period = await tx.findOneOrFail(ReportingPeriod, mark.period.id);
  if (period.year.id !== year.id) {
    throw badInput('periodMark.periodMarkId', 'closedYear.otherYear');
  }
  conflictUnless(mark.version, input.version, 'periodMark.version');
  const written = input.value?.trim() || null;
  const special = input.special ?? null;
  if ((written === null) === (special === null)) {
    throw badInput('periodMark.special', 'periodMarks.valueOrSpecial');
  }
  const numeric = written === null ? null : parseMark(school.gradingScale, written);
  if (written !== null && numeric === null) {
    throw badInput('periodMark.value', 'marks.offScale', { value: written.slice(0, 10) });
  }
  const snapshot = (m: PeriodMark) => ({
    studentId: m.student.id,
    subjectId: m.subject.id,
    periodId: m.period.id,
    value: m.value ?? null,
    special: m.special ?? null,
    version: m.version,
  });
  const before = snapshot(mark);
  mark.value = numeric === null ? null : String(numeric);
  mark.numericValue = numeric;
  mark.special = special;
  mark.enteredBy = tx.getReference(Person, viewer.personId);
  return {
    entry: {
      schoolId: school.id,
      entityType: 'PeriodMark',
      entityId: mark.id,
      action: 'update',
      before,
      after: { ...snapshot(mark), version: mark.version + 1 },
    },
    result: { entityType: 'PeriodMark', entityId: mark.id, action: 'update' },
  };
}

/**
 * The one way to change a closed year's journal (R-DATA-2): the administration of its school,
 * one record at a time, with a reason. The record's own audit event carries the reason, and the
 * year gets an event naming the correction, so a closed year's corrections are listed from it.
 */
export async function correctClosedYearRecord(
  em: EntityManager,
  viewer: Viewer,
  input: CorrectClosedYearRecordInput,
): Promise<ClosedYearCorrection> {
  return em.transactional(async (tx) => {
    const year = await administeredYear(tx, viewer, input.yearId);
    const reason = requiredReason(input.reason, 'reason');
    if (!year.closedAt) {
      throw badInput('yearId', 'year.notClosed');
    }
    const given = [input.mark, input.attendance, input.periodMark].filter(
      (x) => x !== null && x !== undefined,
    );
    if (given.length !== 1) {
      throw badInput('mark', 'closedYear.oneRecord');
    }
    const school = await tx.findOneOrFail(School, year.school.id);
    const { entry, result } = input.mark
      ? await correctMark(tx, viewer, year, school, input.mark)
      : input.attendance
        ? await correctAttendanceRecord(tx, viewer, year, input.attendance)
        : await correctPeriodMark(tx, viewer, year, school, input.periodMark!);
    recordAudit(tx, actorOf(viewer), { ...entry, reason });
    recordAudit(tx, actorOf(viewer), {
      schoolId: school.id,
      entityType: 'AcademicYear',
      entityId: year.id,
      action: 'correctClosedYearRecord',
      after: { ...result },
      reason,
    });
    await tx.flush();
    return result;
  });
}
