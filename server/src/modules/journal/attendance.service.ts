import type { EntityManager } from '@mikro-orm/postgresql';
import { journalPageAccess, uuidArray } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit } from '../audit/index.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { School } from '../school/school.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { Attendance, AttendanceStatus } from './attendance.entity.js';
import type { CorrectAttendanceInput, SetAttendanceInput } from './attendance.inputs.js';
import { studentsOnPage, todayIn } from './audience.js';
import { applyOnce } from './idempotency.js';
import { JournalEventKind, type JournalEventPayload } from './journal.events.js';
import { Lesson, LessonStatus } from './lesson.entity.js';
import { LOCKED, writableLesson } from './marks.service.js';
import { requireOpenLesson } from './periods.js';
import { requiredReason } from './text-inputs.js';

const MAX_MINUTES_LATE = 90;
const TEACHING = [Role.TEACHER];

const snapshot = (a: Attendance) => ({
  studentId: a.student.id,
  lessonId: a.lesson.id,
  status: a.status,
  reason: a.reason ?? null,
  minutesLate: a.minutesLate ?? null,
  version: a.version,
});

const attendanceOf = (em: EntityManager, lesson: Lesson) =>
  em.find(Attendance, { lesson }, { orderBy: { createdAt: 'asc', id: 'asc' } });

interface Entry {
  status?: AttendanceStatus | null;
  reason?: Attendance['reason'];
  minutesLate?: number | null;
  version?: number | null;
}

/** Checks one entry's shape; the database would refuse it too, but without a field to point at. */
function checkEntry(entry: Entry, field: string) {
  if (entry.minutesLate !== null && entry.minutesLate !== undefined) {
    if (entry.status !== AttendanceStatus.LATE) {
      throw badInput(`${field}.minutesLate`, 'attendance.minutesOnlyWhenLate');
    }
    if (
      !Number.isInteger(entry.minutesLate) ||
      entry.minutesLate < 1 ||
      entry.minutesLate > MAX_MINUTES_LATE
    ) {
      throw badInput(`${field}.minutesLate`, 'attendance.minutesRange', { max: MAX_MINUTES_LATE });
    }
  }
  if (!entry.status && entry.reason) {
    throw badInput(`${field}.reason`, 'attendance.reasonWithoutAbsence');
  }
}

/** Lessons that did not take place, or have not yet, take no attendance. */
async function checkLessonTakesRecords(tx: EntityManager, lesson: Lesson) {
  if (lesson.status === LessonStatus.CANCELLED) {
    throw badInput('lessonId', 'attendance.lessonCancelled');
  }
  const school = await tx.findOneOrFail(School, lesson.school.id);
  if (lesson.date > todayIn(school.timeZone)) {
    throw badInput('lessonId', 'attendance.lessonInFuture');
  }
}

interface EntryTarget {
  viewer: Viewer;
  lesson: Lesson;
  assignment: TeachingAssignment;
  studentId: string;
  existing: Attendance | undefined;
  field: string;
  /** The class teacher's note for a correction; null for the subject teacher's own record. */
  reason: string | null;
  correction: boolean;
  /** Collects the live events to publish after commit. */
  events: JournalEventPayload[];
}

/**
 * Applies one entry to the record that exists (or not): create, change, or delete for "present".
 * A record that exists needs the version the user saw, so two people never overwrite each other.
 */
function applyEntry(tx: EntityManager, target: EntryTarget, entry: Entry) {
  const { viewer, lesson, assignment, studentId, existing, field, reason, correction } = target;
  const actor = { personId: viewer.personId, sessionId: viewer.sessionId };
  const audit = (a: Attendance, action: string, before: object | null, after: object | null) =>
    recordAudit(tx, actor, {
      schoolId: lesson.school.id,
      entityType: 'Attendance',
      entityId: a.id,
      action,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
      reason,
    });
  const publish = (a: Attendance, status: AttendanceStatus | null) =>
    target.events.push({
      kind: status ? JournalEventKind.ATTENDANCE_SET : JournalEventKind.ATTENDANCE_REMOVED,
      schoolId: lesson.school.id,
      schoolClassId: assignment.schoolClass.id,
      subjectId: assignment.subject.id,
      assignmentId: assignment.id,
      lessonId: lesson.id,
      lessonDate: lesson.date,
      studentId,
      markId: null,
      value: null,
      attendanceId: a.id,
      attendanceStatus: status,
      actorId: viewer.personId,
      occurredAt: new Date().toISOString(),
    });
  if (existing && existing.version !== entry.version) {
    throw new DomainError(ErrorCode.CONFLICT, 'error.conflict', {
      field: `${field}.version`,
      details: { current: { studentId, status: existing.status, version: existing.version } },
    });
  }
  if (!entry.status) {
    if (existing) {
      audit(existing, 'delete', snapshot(existing), null);
      tx.remove(existing);
      publish(existing, null);
    }
    return;
  }
  const me = tx.getReference(Person, viewer.personId);
  if (existing) {
    const before = snapshot(existing);
    existing.status = entry.status;
    existing.reason = entry.reason ?? null;
    existing.minutesLate = entry.minutesLate ?? null;
    if (correction) {
      existing.correctedBy = me;
      existing.correctedAt = new Date();
    }
    audit(existing, 'update', before, { ...snapshot(existing), version: existing.version + 1 });
    publish(existing, entry.status);
    return;
  }
  const created = tx.create(Attendance, {
    school: lesson.school,
    lesson,
    student: tx.getReference(Person, studentId),
    status: entry.status,
    reason: entry.reason ?? null,
    minutesLate: entry.minutesLate ?? null,
    enteredBy: me,
    correctedBy: correction ? me : null,
    correctedAt: correction ? new Date() : null,
  });
  tx.persist(created);
  audit(created, 'create', null, snapshot(created));
  publish(created, entry.status);
}

/**
 * Stamps the lesson the first time its register is taken, even when everyone is present (no rows):
 * journal control counts lessons without it (R-CTL-1). A plain update, so the lesson's version —
 * which the teacher's open topic edit holds — does not move.
 */
async function markRegisterTaken(tx: EntityManager, viewer: Viewer, lesson: Lesson) {
  if (lesson.attendanceTakenAt) {
    return;
  }
  const at = new Date();
  // Raw SQL: the ORM's update would bump the optimistic-lock version.
  await tx.execute(
    'update lesson set attendance_taken_at = ? where id = ? and attendance_taken_at is null',
    [at, lesson.id],
    'run',
    tx.getTransactionContext(),
  );
  recordAudit(
    tx,
    { personId: viewer.personId, sessionId: viewer.sessionId },
    {
      schoolId: lesson.school.id,
      entityType: 'Lesson',
      entityId: lesson.id,
      action: 'takeAttendance',
      before: null,
      after: { attendanceTakenAt: at.toISOString() },
      reason: null,
    },
  );
}

/** The subject teacher records attendance of many students at a lesson in one call (R-JRN-2). */
export async function setAttendance(em: EntityManager, viewer: Viewer, input: SetAttendanceInput) {
  const lessonId = requireId(input.lessonId, 'lessonId');
  const { result, replayed } = await applyOnce(em, viewer, {
    operation: 'setAttendance',
    clientMutationId: input.clientMutationId,
    input,
    apply: async (tx, remember) => {
      const lesson = await writableLesson(tx, viewer, lessonId);
      await remember(lesson.school.id, { lessonId: lesson.id });
      await checkLessonTakesRecords(tx, lesson);
      if (input.entries.length === 0 || input.entries.length > 200) {
        throw badInput('entries', 'attendance.batchSize', { max: 200 });
      }
      const ids = input.entries.map((e, i) => requireId(e.studentId, `entries[${i}].studentId`));
      if (new Set(ids).size !== ids.length) {
        throw badInput('entries', 'attendance.duplicateStudent');
      }
      const assignment = await tx.findOneOrFail(TeachingAssignment, lesson.assignment.id);
      const onPage = await studentsOnPage(tx, assignment, lesson.date, ids);
      const events: JournalEventPayload[] = [];
      const existing = new Map(
        (await tx.find(Attendance, { lesson, student: { $in: ids } }, LOCKED)).map((a) => [
          a.student.id,
          a,
        ]),
      );
      await markRegisterTaken(tx, viewer, lesson);
      input.entries.forEach((entry, i) => {
        const field = `entries[${i}]`;
        if (!onPage.has(ids[i]!)) {
          throw badInput(`${field}.studentId`, 'marks.studentNotEnrolled');
        }
        checkEntry(entry, field);
        const target = { viewer, lesson, assignment, field, reason: null, correction: false };
        applyEntry(
          tx,
          { ...target, studentId: ids[i]!, existing: existing.get(ids[i]!), events },
          entry,
        );
      });
      await tx.flush();
      return { lesson, attendance: await attendanceOf(tx, lesson), events };
    },
    replay: async (from, stored) => {
      const lesson = await from.findOneOrFail(Lesson, (stored as { lessonId: string }).lessonId);
      return { lesson, attendance: await attendanceOf(from, lesson), events: [] };
    },
  });
  return { ...result, replayed };
}

/** Whether the viewer led the student's class on the lesson's date, the class the lesson is for. */
async function leadsClassOf(
  tx: EntityManager,
  viewer: Viewer,
  lesson: Lesson,
  studentId: string,
): Promise<boolean> {
  const rows = await tx.execute<{ ok: number }[]>(
    `select 1 as ok
       from enrolment e
       join school_class c on c.id = e.school_class_id
       join teaching_assignment a on a.school_class_id = c.id
      where a.id = ? and e.student_id = any(?::uuid[]) and c.class_teacher_id = ?
        and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)`,
    [lesson.assignment.id, uuidArray([studentId]), viewer.personId, lesson.date, lesson.date],
  );
  return rows.length > 0;
}

/** The class teacher corrects an absence record of a student of their class, with a reason. */
export async function correctAttendance(
  em: EntityManager,
  viewer: Viewer,
  input: CorrectAttendanceInput,
) {
  const lessonId = requireId(input.lessonId, 'lessonId');
  const studentId = requireId(input.studentId, 'studentId');
  return em.transactional(async (tx) => {
    // Locked like writableLesson's: the lesson's writers take turns (see there).
    const lesson = await tx.findOne(Lesson, lessonId, LOCKED);
    if (!lesson) {
      throw notFound('lessonId');
    }
    if (
      !viewer.hasRole(lesson.school.id, ...TEACHING) ||
      !(await leadsClassOf(tx, viewer, lesson, studentId))
    ) {
      const readable = await journalPageAccess(tx, viewer, [lesson.assignment.id]);
      throw readable.has(lesson.assignment.id) ? forbidden() : notFound('lessonId');
    }
    await checkLessonTakesRecords(tx, lesson);
    await requireOpenLesson(tx, lesson);
    const note = requiredReason(input.note, 'note');
    checkEntry(input, 'input');
    const existing =
      (await tx.findOne(Attendance, { lesson, student: studentId }, LOCKED)) ?? undefined;
    const assignment = await tx.findOneOrFail(TeachingAssignment, lesson.assignment.id);
    const events: JournalEventPayload[] = [];
    applyEntry(
      tx,
      {
        viewer,
        lesson,
        assignment,
        studentId,
        existing,
        field: 'input',
        reason: note,
        correction: true,
        events,
      },
      input,
    );
    await tx.flush();
    const now = await tx.findOne(Attendance, { lesson, student: studentId });
    return { attendance: now, events };
  });
}
