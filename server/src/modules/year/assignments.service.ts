import { QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Lesson } from '../journal/lesson.entity.js';
import { isoDateInput, requiredReason } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import { TimetableSlot } from '../timetable/timetable-slot.entity.js';
import { AcademicYear } from './academic-year.entity.js';
import { PlannedTopic } from './planned-topic.entity.js';
import { Subgroup } from './subgroup.entity.js';
import { Subject } from './subject.entity.js';
import { TeachingAssignment } from './teaching-assignment.entity.js';
import { classFor, ofSchool, requireYearOpen, yearFor } from './structure.service.js';
import {
  audit,
  isTeacherOf,
  LOAD_READERS,
  requireAdministration,
  requireReader,
} from './year-access.js';
import type { AssignTeacherInput, ChangeTeacherInput } from './year.inputs.js';

export const assignmentSnapshot = (a: TeachingAssignment) => ({
  yearId: a.year.id,
  teacherId: a.teacher.id,
  subjectId: a.subject.id,
  schoolClassId: a.schoolClass.id,
  subgroupId: a.subgroup?.id ?? null,
  individualStudentId: a.individualStudent?.id ?? null,
  startsOn: a.startsOn ?? null,
  endsOn: a.endsOn ?? null,
});

/** The teacher load of a year, optionally of one class (R-YEAR-3). */
export async function teachingAssignments(
  em: EntityManager,
  viewer: Viewer,
  yearId: string,
  schoolClassId: string | null,
) {
  const year = await yearFor(em, viewer, yearId, 'yearId');
  requireReader(viewer, year.school.id, 'yearId', LOAD_READERS);
  const where: Record<string, unknown> = { year };
  if (schoolClassId) {
    const schoolClass = await classFor(em, viewer, schoolClassId, 'schoolClassId');
    if (schoolClass.year.id !== year.id) {
      throw notFound('schoolClassId');
    }
    where.schoolClass = schoolClass;
  }
  return em.find(TeachingAssignment, where, {
    orderBy: {
      schoolClass: { gradeLevel: 'asc', letter: 'asc' },
      subject: { name: 'asc' },
      startsOn: QueryOrder.ASC_NULLS_FIRST,
    },
  });
}

async function teacherInput(tx: EntityManager, schoolId: string, id: string) {
  const personId = requireId(id, 'teacherId');
  if (!(await isTeacherOf(tx, schoolId, personId))) {
    throw badInput('teacherId', 'assignment.notATeacher');
  }
  return tx.getReference(Person, personId);
}

/** Gives a journal page (subject × class or subgroup) to a teacher, audited. */
export async function assignTeacher(em: EntityManager, viewer: Viewer, input: AssignTeacherInput) {
  return em.transactional(async (tx) => {
    const schoolClass = await classFor(tx, viewer, input.schoolClassId, 'schoolClassId');
    const schoolId = schoolClass.school.id;
    requireAdministration(viewer, schoolId, 'schoolClassId');
    requireYearOpen(await tx.findOneOrFail(AcademicYear, schoolClass.year.id), 'schoolClassId');
    const subject = await ofSchool(tx, Subject, schoolId, input.subjectId, 'subjectId');
    const teacher = await teacherInput(tx, schoolId, input.teacherId);
    let subgroup: Subgroup | null = null;
    if (input.subgroupId) {
      subgroup = await ofSchool(tx, Subgroup, schoolId, input.subgroupId, 'subgroupId');
      if (subgroup.schoolClass.id !== schoolClass.id || subgroup.subject.id !== subject.id) {
        throw badInput('subgroupId', 'assignment.subgroupMismatch');
      }
    }
    const year = await tx.findOneOrFail(AcademicYear, schoolClass.year.id);
    const startsOn = input.startsOn ? isoDateInput(input.startsOn, 'startsOn') : null;
    if (startsOn && (startsOn < year.startsOn || startsOn > year.endsOn)) {
      throw badInput('startsOn', 'assignment.outsideYear');
    }
    // One keeper per page at a time: a second teacher comes through changeTeacher.
    const clash = await tx.count(TeachingAssignment, {
      schoolClass,
      subject,
      subgroup,
      individualStudent: null,
      $or: [{ endsOn: null }, { endsOn: { $gt: startsOn ?? year.startsOn } }],
    });
    if (clash) {
      throw badInput(subgroup ? 'subgroupId' : 'subjectId', 'assignment.duplicate');
    }
    const assignment = tx.create(TeachingAssignment, {
      school: schoolClass.school,
      year,
      teacher,
      subject,
      schoolClass,
      subgroup,
      startsOn,
    });
    tx.persist(assignment);
    audit(tx, viewer, {
      schoolId,
      entityType: 'TeachingAssignment',
      entityId: assignment.id,
      action: 'create',
      after: assignmentSnapshot(assignment),
    });
    await tx.flush();
    return assignment;
  });
}

/**
 * Another teacher keeps the page from `from` (R-YEAR-3). The row is ended (`endsOn` = `from`,
 * half-open: its last day is the day before) and a new row starts on `from`, so who kept the page
 * when — and who entered what (Lesson.conductingTeacher, Mark.enteredBy) — stays as it was.
 * The new row takes the plan (a copy of the calendar-thematic plan), the timetable places from
 * `from` on, and lessons already recorded on or after `from` (with their marks): those days are
 * the new teacher's page now.
 */
export async function changeTeacher(em: EntityManager, viewer: Viewer, input: ChangeTeacherInput) {
  const assignmentId = requireId(input.assignmentId, 'assignmentId');
  return em.transactional(async (tx) => {
    const old = await tx.findOne(TeachingAssignment, assignmentId);
    if (!old) {
      throw notFound('assignmentId');
    }
    const schoolId = old.school.id;
    requireAdministration(viewer, schoolId, 'assignmentId');
    const reason = requiredReason(input.reason, 'reason');
    const from = isoDateInput(input.from, 'from');
    const year = await tx.findOneOrFail(AcademicYear, old.year.id);
    requireYearOpen(year, 'assignmentId');
    if (old.endsOn && from >= old.endsOn) {
      // Someone has ended this row already: the page has a newer keeper to change instead.
      const current = await tx.findOne(
        TeachingAssignment,
        { schoolClass: old.schoolClass, subject: old.subject, subgroup: old.subgroup ?? null },
        { orderBy: { startsOn: QueryOrder.DESC_NULLS_LAST } },
      );
      throw new DomainError(ErrorCode.CONFLICT, 'assignment.alreadyEnded', {
        field: 'assignmentId',
        details: {
          current: {
            assignmentId: current?.id ?? old.id,
            teacherId: current?.teacher.id ?? old.teacher.id,
            startsOn: current?.startsOn ?? null,
          },
        },
      });
    }
    if (from <= (old.startsOn ?? year.startsOn) || from > year.endsOn) {
      throw badInput('from', 'assignment.changeOutsideRange');
    }
    const teacher = await teacherInput(tx, schoolId, input.teacherId);
    if (teacher.id === old.teacher.id) {
      throw badInput('teacherId', 'assignment.sameTeacher');
    }
    const actor = { schoolId, reason };
    const oldBefore = assignmentSnapshot(old);
    old.endsOn = from;
    const next = tx.create(TeachingAssignment, {
      school: old.school,
      year: old.year,
      teacher,
      subject: old.subject,
      schoolClass: old.schoolClass,
      subgroup: old.subgroup ?? null,
      individualStudent: old.individualStudent ?? null,
      startsOn: from,
      endsOn: oldBefore.endsOn,
    });
    tx.persist(next);
    audit(tx, viewer, {
      ...actor,
      entityType: 'TeachingAssignment',
      entityId: old.id,
      action: 'end',
      before: oldBefore,
      after: assignmentSnapshot(old),
    });
    audit(tx, viewer, {
      ...actor,
      entityType: 'TeachingAssignment',
      entityId: next.id,
      action: 'create',
      after: { ...assignmentSnapshot(next), previousAssignmentId: old.id },
    });

    // The plan goes on: the new teacher continues the same calendar-thematic plan.
    const topicCopies = new Map<string, PlannedTopic>();
    for (const topic of await tx.find(
      PlannedTopic,
      { assignment: old },
      { orderBy: { position: 'asc' } },
    )) {
      const copy = tx.create(PlannedTopic, {
        school: old.school,
        assignment: next,
        position: topic.position,
        title: topic.title,
        plannedHours: topic.plannedHours,
      });
      tx.persist(copy);
      topicCopies.set(topic.id, copy);
    }

    const moved = await tx.find(Lesson, { assignment: old, date: { $gte: from } });
    for (const lesson of moved) {
      const before = { assignmentId: old.id, plannedTopicId: lesson.plannedTopic?.id ?? null };
      lesson.assignment = next;
      if (lesson.plannedTopic) {
        lesson.plannedTopic = topicCopies.get(lesson.plannedTopic.id) ?? null;
      }
      audit(tx, viewer, {
        ...actor,
        entityType: 'Lesson',
        entityId: lesson.id,
        action: 'reassign',
        before,
        after: { assignmentId: next.id, plannedTopicId: lesson.plannedTopic?.id ?? null },
      });
    }

    // Timetable places: those valid on or after `from` now belong to the new row.
    const slots = await tx.find(TimetableSlot, {
      assignment: old,
      $or: [{ validTo: null }, { validTo: { $gt: from } }],
    });
    for (const slot of slots) {
      const before = {
        assignmentId: old.id,
        validFrom: slot.validFrom,
        validTo: slot.validTo ?? null,
      };
      if (slot.validFrom >= from) {
        slot.assignment = next;
      } else {
        const copy = tx.create(TimetableSlot, {
          school: slot.school,
          year: slot.year,
          assignment: next,
          weekday: slot.weekday,
          lessonNumber: slot.lessonNumber,
          room: slot.room ?? null,
          validFrom: from,
          validTo: slot.validTo ?? null,
        });
        tx.persist(copy);
        slot.validTo = from;
        audit(tx, viewer, {
          ...actor,
          entityType: 'TimetableSlot',
          entityId: copy.id,
          action: 'create',
          after: { assignmentId: next.id, validFrom: from, validTo: copy.validTo ?? null },
        });
      }
      audit(tx, viewer, {
        ...actor,
        entityType: 'TimetableSlot',
        entityId: slot.id,
        action: 'update',
        before,
        after: {
          assignmentId: slot.assignment.id,
          validFrom: slot.validFrom,
          validTo: slot.validTo ?? null,
        },
      });
    }
    await tx.flush();
    return next;
  });
}
