import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit } from '../audit/index.js';
import { Person } from '../people/person.entity.js';
import { TimetableChange, TimetableChangeKind } from '../timetable/timetable-change.entity.js';
import { TimetableSlot } from '../timetable/timetable-slot.entity.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { Lesson } from './lesson.entity.js';
import { isTermDay, periodsOfPage, requireOpenYear } from './periods.js';
import type { AssignSubstituteInput } from './substitution.inputs.js';
import { isoDateInput, requiredReason } from './text-inputs.js';

const MAX_DAYS = 92;

function* schoolDays(from: string, to: string) {
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to;) {
    yield { date: d.toISOString().slice(0, 10), weekday: ((d.getUTCDay() + 6) % 7) + 1 };
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

/**
 * The administration gives a page's lessons of some days to a substitute (R-ROLE-5): each
 * timetabled lesson becomes a published SUBSTITUTION change, and lessons already recorded in the
 * range pass to the substitute. From then on the substitute keeps those lessons, and only those.
 */
export async function assignSubstitute(
  em: EntityManager,
  viewer: Viewer,
  input: AssignSubstituteInput,
) {
  const assignmentId = requireId(input.assignmentId, 'assignmentId');
  const substituteId = requireId(input.substituteId, 'substituteId');
  const from = isoDateInput(input.from, 'from');
  const to = isoDateInput(input.to, 'to');
  return em.transactional(async (tx) => {
    const assignment = await tx.findOne(TeachingAssignment, assignmentId);
    if (!assignment || !viewer.hasRole(assignment.school.id, ...ADMINISTRATION)) {
      // Teachers may hold pages of the school but do not assign substitutes.
      throw assignment && viewer.schoolIds().includes(assignment.school.id)
        ? forbidden()
        : notFound('assignmentId');
    }
    await requireOpenYear(tx, assignment.year.id, 'assignmentId');
    const reason = requiredReason(input.reason, 'reason');
    if (to < from) {
      throw badInput('to', 'substitution.rangeReversed');
    }
    const year = await tx.findOneOrFail(AcademicYear, assignment.year.id);
    if (from < year.startsOn || to > year.endsOn) {
      throw badInput('from', 'substitution.outsideYear');
    }
    if ([...schoolDays(from, to)].length > MAX_DAYS) {
      throw badInput('to', 'substitution.tooLong', { max: MAX_DAYS });
    }
    const rows = await tx.execute<{ id: string }[]>(
      `select p.id from person p join role_assignment r on r.person_id = p.id
        where p.id = any(?::uuid[]) and r.school_id = ? and r.role = 'TEACHER' and r.revoked_at is null`,
      [uuidArray([substituteId]), assignment.school.id],
    );
    if (rows.length === 0) {
      throw badInput('substituteId', 'substitution.notATeacher');
    }
    if (substituteId === assignment.teacher.id) {
      throw badInput('substituteId', 'substitution.sameTeacher');
    }

    // Term days of the class's grade only: the timetable does not run in the holidays.
    const periods = await periodsOfPage(tx, assignment);
    const inTerm = (date: string) => isTermDay(periods, date);
    const slots = await tx.find(TimetableSlot, {
      assignment,
      validFrom: { $lte: to },
      $or: [{ validTo: null }, { validTo: { $gt: from } }],
    });
    const substitute = tx.getReference(Person, substituteId);
    const me = tx.getReference(Person, viewer.personId);
    let timetabled = 0;
    for (const { date, weekday } of schoolDays(from, to)) {
      if (!inTerm(date)) {
        continue;
      }
      for (const slot of slots) {
        const valid = slot.validFrom <= date && (!slot.validTo || slot.validTo > date);
        if (slot.weekday !== weekday || !valid) {
          continue;
        }
        tx.persist(
          tx.create(TimetableChange, {
            school: assignment.school,
            date,
            kind: TimetableChangeKind.SUBSTITUTION,
            slot,
            assignment,
            lessonNumber: slot.lessonNumber,
            substituteTeacher: substitute,
            note: reason,
            publishedAt: new Date(),
            createdBy: me,
          }),
        );
        timetabled++;
      }
    }
    const recorded = await tx.find(Lesson, { assignment, date: { $gte: from, $lte: to } });
    for (const lesson of recorded) {
      recordAudit(
        tx,
        { personId: viewer.personId, sessionId: viewer.sessionId },
        {
          schoolId: assignment.school.id,
          entityType: 'Lesson',
          entityId: lesson.id,
          action: 'substitute',
          before: { conductingTeacherId: lesson.conductingTeacher.id },
          after: { conductingTeacherId: substituteId },
          reason,
        },
      );
      lesson.conductingTeacher = substitute;
    }
    recordAudit(
      tx,
      { personId: viewer.personId, sessionId: viewer.sessionId },
      {
        schoolId: assignment.school.id,
        entityType: 'TeachingAssignment',
        entityId: assignment.id,
        action: 'assignSubstitute',
        after: { substituteId, from, to, timetabledLessons: timetabled },
        reason,
      },
    );
    await tx.flush();
    return {
      substitute: await tx.findOneOrFail(Person, substituteId),
      timetabledLessons: timetabled,
      recordedLessons: recorded.length,
    };
  });
}

/**
 * Whether `viewer` substitutes this page on `date` by a published change (may record the lesson):
 * for that lesson number when one is given, so a substitute of the 2nd lesson does not record the
 * 5th (`lessonsKeptBy` applies the same rule to lessons already recorded).
 */
export async function substitutesOn(
  em: EntityManager,
  viewer: Viewer,
  assignmentId: string,
  date: string,
  lessonNumber: number | null = null,
): Promise<boolean> {
  const count = await em.count(TimetableChange, {
    assignment: assignmentId,
    date,
    kind: TimetableChangeKind.SUBSTITUTION,
    substituteTeacher: viewer.personId,
    publishedAt: { $ne: null },
    ...(lessonNumber !== null ? { lessonNumber } : {}),
  });
  return count > 0;
}
