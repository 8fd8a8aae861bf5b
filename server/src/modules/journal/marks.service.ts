import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { journalPageAccess, lessonsKeptBy } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { applyOnce } from './idempotency.js';
import { JournalEventKind, type JournalEventPayload } from './journal.events.js';
import { optionalText, requiredReason } from './text-inputs.js';
import { studentsOnPage, todayIn } from './audience.js';
import { parseMark } from './grading.js';
import { requireOpenLesson } from './periods.js';
import { Lesson, LessonStatus } from './lesson.entity.js';
import { Mark } from './mark.entity.js';
import type { SetMarksInput } from './marks.inputs.js';

const MAX_BATCH = 500;

/** Row lock for the transaction, re-reading rows the unit of work may already hold. */
export const LOCKED = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;
const MAX_COMMENT = 500;

export interface SetMarksResult {
  /** To publish once the transaction has committed (empty for a replay). */
  events: JournalEventPayload[];
  replayed: boolean;
  lesson: Lesson;
  marks: Mark[];
}

const actorOf = (viewer: Viewer): AuditActor => ({
  personId: viewer.personId,
  sessionId: viewer.sessionId,
});

const snapshot = (m: Mark) => ({
  studentId: m.student.id,
  lessonId: m.lesson.id,
  value: m.value,
  workTypeId: m.workType?.id ?? null,
  weight: m.weight,
  comment: m.comment ?? null,
  version: m.version,
});

/**
 * Sets, changes and removes marks of one lesson in one transaction (R-JRN-3). Only the page's
 * teacher or the lesson's substitute may; a change or removal needs the version the teacher saw
 * and a reason; every write is audited; a retried batch (same clientMutationId) is applied once.
 */
export async function setMarks(
  em: EntityManager,
  viewer: Viewer,
  input: SetMarksInput,
): Promise<SetMarksResult> {
  const lessonId = requireId(input.lessonId, 'lessonId');
  const { result, replayed } = await applyOnce(em, viewer, {
    operation: 'setMarks',
    clientMutationId: input.clientMutationId,
    input,
    apply: async (tx, remember) => {
      const lesson = await writableLesson(tx, viewer, lessonId);
      await remember(lesson.school.id, { lessonId: lesson.id });
      return applyMarks(tx, viewer, lesson, input);
    },
    replay: async (from, stored) => {
      const lesson = await from.findOneOrFail(Lesson, (stored as { lessonId: string }).lessonId);
      return { lesson, marks: await marksOf(from, lesson), events: [] };
    },
  });
  return { ...result, replayed };
}

const marksOf = (em: EntityManager, lesson: Lesson) =>
  em.find(Mark, { lesson }, { orderBy: { createdAt: 'asc', id: 'asc' } });

async function applyMarks(
  tx: EntityManager,
  viewer: Viewer,
  lesson: Lesson,
  input: SetMarksInput,
): Promise<Omit<SetMarksResult, 'replayed'>> {
  const total = input.add.length + input.change.length + input.remove.length;
  if (total === 0) {
    throw badInput('add', 'marks.emptyBatch');
  }
  if (total > MAX_BATCH) {
    throw badInput('add', 'marks.batchTooLarge', { max: MAX_BATCH });
  }
  if (lesson.status === LessonStatus.CANCELLED) {
    throw badInput('lessonId', 'marks.lessonCancelled');
  }
  const [school, assignment] = await Promise.all([
    tx.findOneOrFail(School, lesson.school.id),
    tx.findOneOrFail(TeachingAssignment, lesson.assignment.id),
  ]);
  if (lesson.date > todayIn(school.timeZone)) {
    throw badInput('lessonId', 'marks.lessonInFuture');
  }

  const workTypeIds = [...input.add, ...input.change]
    .map((m, i) => (m.workTypeId ? requireId(m.workTypeId, `workTypeId[${i}]`) : null))
    .filter((id): id is string => id !== null);
  const workTypes = new Map(
    (await tx.find(WorkType, { id: { $in: workTypeIds }, school: school.id })).map((w) => [
      w.id,
      w,
    ]),
  );
  const workTypeOf = (id: string | null | undefined, field: string) => {
    if (!id) {
      return null;
    }
    const found = workTypes.get(id.toLowerCase());
    if (!found) {
      throw notFound(field);
    }
    return found;
  };
  const valueOf = (written: string, field: string) => {
    const numeric = parseMark(school.gradingScale, written);
    if (numeric === null) {
      throw badInput(field, 'marks.offScale', { value: written.slice(0, 10) });
    }
    return { value: String(numeric), numeric };
  };
  const commentOf = (comment: string | null | undefined, field: string) =>
    optionalText(comment, field, MAX_COMMENT);
  const lessonWorkType = lesson.workType ? await tx.findOne(WorkType, lesson.workType.id) : null;

  // Additions: students on the page that day.
  const studentIds = input.add.map((m, i) => requireId(m.studentId, `add[${i}].studentId`));
  const onPage = await studentsOnPage(tx, assignment, lesson.date, studentIds);
  const actor = actorOf(viewer);
  const events: JournalEventPayload[] = [];
  const occurredAt = new Date().toISOString();
  const event = (kind: JournalEventKind, mark: Mark, value: string | null) =>
    events.push({
      kind,
      schoolId: school.id,
      schoolClassId: assignment.schoolClass.id,
      subjectId: assignment.subject.id,
      assignmentId: assignment.id,
      lessonId: lesson.id,
      lessonDate: lesson.date,
      studentId: mark.student.id,
      markId: mark.id,
      value,
      attendanceId: null,
      attendanceStatus: null,
      actorId: viewer.personId,
      occurredAt,
    });
  input.add.forEach((m, i) => {
    if (!onPage.has(studentIds[i]!)) {
      throw badInput(`add[${i}].studentId`, 'marks.studentNotEnrolled');
    }
    const { value, numeric } = valueOf(m.value, `add[${i}].value`);
    const workType = workTypeOf(m.workTypeId, `add[${i}].workTypeId`) ?? lessonWorkType;
    const mark = tx.create(Mark, {
      school: school.id,
      lesson,
      student: tx.getReference(Person, studentIds[i]!),
      value,
      numericValue: numeric,
      workType,
      weight: workType?.weight ?? 1,
      comment: commentOf(m.comment, `add[${i}].comment`),
      enteredBy: viewer.personId,
    });
    tx.persist(mark);
    event(JournalEventKind.MARK_SET, mark, value);
    recordAudit(tx, actor, {
      schoolId: school.id,
      entityType: 'Mark',
      entityId: mark.id,
      action: 'create',
      after: snapshot(mark),
    });
  });

  // Changes and removals: marks of this lesson, at the version the teacher saw.
  const targetIds = [
    ...input.change.map((m, i) => requireId(m.markId, `change[${i}].markId`)),
    ...input.remove.map((m, i) => requireId(m.markId, `remove[${i}].markId`)),
  ];
  if (new Set(targetIds).size !== targetIds.length) {
    throw badInput('change', 'marks.duplicateMark');
  }
  // Locked, then compared: a concurrent writer of the same mark waits here and then sees the
  // version the winner left, so the loser gets CONFLICT with the current value rather than an
  // optimistic-lock failure at flush (or, for a removal, a silent delete).
  const existing = new Map(
    (await tx.find(Mark, { id: { $in: targetIds }, lesson }, LOCKED)).map((m) => [m.id, m]),
  );
  const current = (markId: string, version: number, field: string) => {
    const mark = existing.get(markId.toLowerCase());
    if (!mark) {
      throw notFound(field);
    }
    if (mark.version !== version) {
      throw new DomainError(ErrorCode.CONFLICT, 'error.conflict', {
        field,
        details: { current: { markId: mark.id, value: mark.value, version: mark.version } },
      });
    }
    return mark;
  };
  input.change.forEach((m, i) => {
    const mark = current(m.markId, m.version, `change[${i}].markId`);
    const reason = requiredReason(m.reason, `change[${i}].reason`);
    const before = snapshot(mark);
    const { value, numeric } = valueOf(m.value, `change[${i}].value`);
    const workType = m.workTypeId ? workTypeOf(m.workTypeId, `change[${i}].workTypeId`) : null;
    mark.value = value;
    mark.numericValue = numeric;
    if (workType) {
      mark.workType = workType;
      mark.weight = workType.weight;
    }
    if (m.comment !== undefined && m.comment !== null) {
      mark.comment = commentOf(m.comment, `change[${i}].comment`);
    }
    mark.enteredBy = tx.getReference(Person, viewer.personId);
    event(JournalEventKind.MARK_CHANGED, mark, value);
    recordAudit(tx, actor, {
      schoolId: school.id,
      entityType: 'Mark',
      entityId: mark.id,
      action: 'update',
      before,
      after: { ...snapshot(mark), version: mark.version + 1 },
      reason,
    });
  });
  input.remove.forEach((m, i) => {
    const mark = current(m.markId, m.version, `remove[${i}].markId`);
    recordAudit(tx, actor, {
      schoolId: school.id,
      entityType: 'Mark',
      entityId: mark.id,
      action: 'delete',
      before: snapshot(mark),
      reason: requiredReason(m.reason, `remove[${i}].reason`),
    });
    tx.remove(mark);
    event(JournalEventKind.MARK_REMOVED, mark, null);
  });
  await tx.flush();
  return { lesson, marks: await marksOf(tx, lesson), events };
}

/**
 * The lesson, when the viewer keeps it and its period is open; FORBIDDEN when they only read its
 * page; else NOT_FOUND. BAD_USER_INPUT (lessonId) when a period containing it is closed.
 */
export async function writableLesson(tx: EntityManager, viewer: Viewer, lessonId: string) {
  // Locked for the transaction: writes to one lesson (marks, attendance, edits, cancelling) take
  // turns, so each checks its versions and the lesson's status against what the last one left.
  const lesson = await tx.findOne(Lesson, lessonId, LOCKED);
  if (!lesson) {
    throw notFound('lessonId');
  }
  if ((await lessonsKeptBy(tx, viewer, [lessonId])).has(lessonId)) {
    await requireOpenLesson(tx, lesson);
    return lesson;
  }
  const readable = await journalPageAccess(tx, viewer, [lesson.assignment.id]);
  throw readable.has(lesson.assignment.id) ? forbidden() : notFound('lessonId');
}
