import type { EntityManager } from '@mikro-orm/postgresql';
import { assignmentCovers, journalPageAccess, PageAccess } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit } from '../audit/index.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { PlannedTopic } from '../year/planned-topic.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { todayIn } from './audience.js';
import { Homework } from './homework.entity.js';
import { Lesson, LessonStatus } from './lesson.entity.js';
import type {
  CancelLessonInput,
  CreateLessonInput,
  HomeworkInput,
  UpdateLessonInput,
} from './lessons.inputs.js';
import { Mark } from './mark.entity.js';
import { writableLesson } from './marks.service.js';
import { requireOpenDay } from './periods.js';
import { substitutesOn } from './substitution.service.js';
import { isoDateInput, optionalText, requiredReason } from './text-inputs.js';

const snapshot = (l: Lesson) => ({
  assignmentId: l.assignment.id,
  date: l.date,
  lessonNumber: l.lessonNumber ?? null,
  topic: l.topic ?? null,
  plannedTopicId: l.plannedTopic?.id ?? null,
  workTypeId: l.workType?.id ?? null,
  status: l.status,
  conductingTeacherId: l.conductingTeacher.id,
  version: l.version,
});

const actorOf = (viewer: Viewer) => ({ personId: viewer.personId, sessionId: viewer.sessionId });

async function plannedTopicOf(tx: EntityManager, assignmentId: string, id: string) {
  const topic = await tx.findOne(PlannedTopic, {
    id: requireId(id, 'plannedTopicId'),
    assignment: assignmentId,
  });
  if (!topic) {
    throw notFound('plannedTopicId');
  }
  return topic;
}

async function workTypeOf(tx: EntityManager, schoolId: string, id: string) {
  const workType = await tx.findOne(WorkType, {
    id: requireId(id, 'workTypeId'),
    school: schoolId,
  });
  if (!workType) {
    throw notFound('workTypeId');
  }
  return workType;
}

/** Sets, replaces or (empty text) removes the lesson's homework, audited. */
async function putHomework(
  tx: EntityManager,
  viewer: Viewer,
  lesson: Lesson,
  input: HomeworkInput,
) {
  const text = optionalText(input.text, 'homework.text', 2000);
  const dueOn = input.dueOn ? isoDateInput(input.dueOn, 'homework.dueOn') : null;
  if (dueOn && dueOn < lesson.date) {
    throw badInput('homework.dueOn', 'lesson.homeworkDueBeforeLesson');
  }
  const existing = await tx.findOne(Homework, { lesson }, { orderBy: { createdAt: 'asc' } });
  const audit = (h: Homework, action: string, before: object | null, after: object | null) =>
    recordAudit(tx, actorOf(viewer), {
      schoolId: lesson.school.id,
      entityType: 'Homework',
      entityId: h.id,
      action,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
    });
  // The lesson's id rides in every snapshot: a lesson's history finds its homework by it.
  const lessonId = lesson.id;
  if (!text) {
    if (existing) {
      const before = { lessonId, text: existing.text, dueOn: existing.dueOn ?? null };
      audit(existing, 'delete', before, null);
      tx.remove(existing);
    }
    return;
  }
  if (existing) {
    const before = { lessonId, text: existing.text, dueOn: existing.dueOn ?? null };
    existing.text = text;
    existing.dueOn = dueOn;
    audit(existing, 'update', before, { lessonId, text, dueOn });
    return;
  }
  const created = tx.create(Homework, {
    school: lesson.school,
    lesson,
    text,
    dueOn,
    enteredBy: tx.getReference(Person, viewer.personId),
  });
  tx.persist(created);
  audit(created, 'create', null, { lessonId, text, dueOn });
}

/** The teacher who keeps the page records a lesson on it (R-JRN-1). */
export async function createLesson(em: EntityManager, viewer: Viewer, input: CreateLessonInput) {
  const assignmentId = requireId(input.assignmentId, 'assignmentId');
  const date = isoDateInput(input.date, 'date');
  return em.transactional(async (tx) => {
    const lessonNumber = input.lessonNumber ?? null;
    const access = (await journalPageAccess(tx, viewer, [assignmentId])).get(assignmentId);
    // The page's teacher, or a substitute on a day the administration gave them (R-ROLE-5).
    const substitute =
      access === PageAccess.READ &&
      (await substitutesOn(tx, viewer, assignmentId, date, lessonNumber));
    if (access !== PageAccess.KEEP && !substitute) {
      throw access ? forbidden() : notFound('assignmentId');
    }
    const assignment = await tx.findOneOrFail(TeachingAssignment, assignmentId);
    // A change of teacher splits the page by date (R-YEAR-3): each keeps only their own days.
    if (access === PageAccess.KEEP && !assignmentCovers(assignment, date)) {
      throw badInput('date', 'lesson.outsideAssignment');
    }
    // A term day of the page's grade, in no closed period (R-YEAR-1, R-JRN-5).
    await requireOpenDay(tx, assignment, date, 'date', 'lesson.periodClosed');
    if (lessonNumber !== null && (lessonNumber < 0 || lessonNumber > 12)) {
      throw badInput('lessonNumber', 'lesson.numberRange');
    }
    if (await tx.count(Lesson, { assignment, date, lessonNumber })) {
      throw badInput('lessonNumber', 'lesson.duplicate');
    }
    const plannedTopic = input.plannedTopicId
      ? await plannedTopicOf(tx, assignmentId, input.plannedTopicId)
      : null;
    const school = await tx.findOneOrFail(School, assignment.school.id);
    const lesson = tx.create(Lesson, {
      school,
      assignment,
      date,
      lessonNumber,
      conductingTeacher: tx.getReference(Person, viewer.personId),
      plannedTopic,
      topic: optionalText(input.topic, 'topic', 500) ?? plannedTopic?.title ?? null,
      workType: input.workTypeId ? await workTypeOf(tx, school.id, input.workTypeId) : null,
      status: date <= todayIn(school.timeZone) ? LessonStatus.HELD : LessonStatus.PLANNED,
      enteredBy: tx.getReference(Person, viewer.personId),
    });
    tx.persist(lesson);
    recordAudit(tx, actorOf(viewer), {
      schoolId: school.id,
      entityType: 'Lesson',
      entityId: lesson.id,
      action: 'create',
      after: snapshot(lesson),
    });
    if (input.homework) {
      await putHomework(tx, viewer, lesson, input.homework);
    }
    await tx.flush();
    return lesson;
  });
}

function checkVersion(lesson: Lesson, version: number) {
  if (lesson.version !== version) {
    throw new DomainError(ErrorCode.CONFLICT, 'error.conflict', {
      field: 'version',
      details: {
        current: { lessonId: lesson.id, topic: lesson.topic ?? null, version: lesson.version },
      },
    });
  }
}

/** The page's teacher, or the substitute of this lesson, edits topic, work type and homework. */
export async function updateLesson(em: EntityManager, viewer: Viewer, input: UpdateLessonInput) {
  const lessonId = requireId(input.lessonId, 'lessonId');
  return em.transactional(async (tx) => {
    const lesson = await writableLesson(tx, viewer, lessonId);
    checkVersion(lesson, input.version);
    if (lesson.status === LessonStatus.CANCELLED) {
      throw badInput('lessonId', 'lesson.cancelled');
    }
    const before = snapshot(lesson);
    if (input.plannedTopicId) {
      lesson.plannedTopic = await plannedTopicOf(tx, lesson.assignment.id, input.plannedTopicId);
      lesson.topic = lesson.plannedTopic.title;
    }
    if (input.topic !== undefined && input.topic !== null) {
      lesson.topic = optionalText(input.topic, 'topic', 500);
    }
    if (input.workTypeId) {
      lesson.workType = await workTypeOf(tx, lesson.school.id, input.workTypeId);
    }
    lesson.enteredBy = tx.getReference(Person, viewer.personId);
    // Always a change of the lesson, homework only included: its version moves as the audit says.
    lesson.updatedAt = new Date();
    recordAudit(tx, actorOf(viewer), {
      schoolId: lesson.school.id,
      entityType: 'Lesson',
      entityId: lesson.id,
      action: 'update',
      before,
      after: { ...snapshot(lesson), version: lesson.version + 1 },
    });
    if (input.homework) {
      await putHomework(tx, viewer, lesson, input.homework);
    }
    await tx.flush();
    return lesson;
  });
}

/** A lesson that did not take place; one with marks must lose them (with reasons) first. */
export async function cancelLesson(em: EntityManager, viewer: Viewer, input: CancelLessonInput) {
  const lessonId = requireId(input.lessonId, 'lessonId');
  return em.transactional(async (tx) => {
    const lesson = await writableLesson(tx, viewer, lessonId);
    checkVersion(lesson, input.version);
    const reason = requiredReason(input.reason, 'reason');
    if (lesson.status === LessonStatus.CANCELLED) {
      throw badInput('lessonId', 'lesson.cancelled');
    }
    if (await tx.count(Mark, { lesson })) {
      throw badInput('lessonId', 'lesson.hasMarks');
    }
    const before = snapshot(lesson);
    lesson.status = LessonStatus.CANCELLED;
    recordAudit(tx, actorOf(viewer), {
      schoolId: lesson.school.id,
      entityType: 'Lesson',
      entityId: lesson.id,
      action: 'cancel',
      before,
      after: { ...snapshot(lesson), version: lesson.version + 1 },
      reason,
    });
    await tx.flush();
    return lesson;
  });
}
