import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { uuidArray } from '../../auth/access.js';
import type { EventBus } from '../../core/pubsub.js';
import { AbsenceReason, type Attendance } from './attendance.entity.js';
import { LessonStatus } from './lesson.entity.js';

/** One topic for every journal change: subscribers filter by student, class or page. */
export const JOURNAL_CHANGED = 'journal.changed';

export enum JournalEventKind {
  MARK_SET = 'MARK_SET',
  MARK_CHANGED = 'MARK_CHANGED',
  MARK_REMOVED = 'MARK_REMOVED',
  ATTENDANCE_SET = 'ATTENDANCE_SET',
  ATTENDANCE_REMOVED = 'ATTENDANCE_REMOVED',
}
registerEnumType(JournalEventKind, {
  name: 'JournalEventKind',
  description: 'What changed in the journal.',
});

/**
 * A change to a mark or an attendance record, published after its transaction commits. It
 * carries ids and plain values (ISO strings), so it travels through Redis unchanged and a diary
 * can update without a refetch.
 */
@ObjectType({ description: 'A mark or attendance record set, changed or removed (R-JRN-7).' })
export class JournalEvent {
  @Field(() => JournalEventKind, { description: 'What happened.' })
  kind!: JournalEventKind;

  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field(() => ID, { description: 'The class of the page.' })
  schoolClassId!: string;

  @Field(() => ID, { description: 'The journal page.' })
  assignmentId!: string;

  @Field(() => ID, { description: 'The subject of the page.' })
  subjectId!: string;

  @Field(() => ID, { description: 'The lesson.' })
  lessonId!: string;

  @Field(() => String, { description: 'The lesson date (YYYY-MM-DD).' })
  lessonDate!: string;

  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => ID, { nullable: true, description: 'The mark, for mark events.' })
  markId!: string | null;

  @Field(() => String, { nullable: true, description: 'The mark now; null when removed.' })
  value!: string | null;

  @Field(() => ID, { nullable: true, description: 'The attendance record, for attendance events.' })
  attendanceId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ABSENT or LATE now; null when the student is marked present again.',
  })
  attendanceStatus!: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes late, for a lateness.' })
  minutesLate?: number | null;

  @Field(() => AbsenceReason, {
    nullable: true,
    description: 'Why the student was absent or late, when known.',
  })
  reason?: AbsenceReason | null;

  @Field(() => ID, { description: 'Who made the change.' })
  actorId!: string;

  @Field(() => String, { description: 'When (ISO 8601).' })
  occurredAt!: string;
}

export type JournalEventPayload = Omit<JournalEvent, never>;

/**
 * Attendance events with the record's minutes late and reason as committed, so a dashboard shows
 * "late 5 min, illness" without a refetch. `records` are the lesson's records after the change.
 */
export function withAttendanceDetails(
  events: readonly JournalEventPayload[],
  records: readonly (Attendance | null | undefined)[],
): JournalEventPayload[] {
  const byId = new Map(records.filter((r) => r).map((r) => [r!.id, r!]));
  return events.map((e) => {
    const record = e.attendanceId && e.attendanceStatus ? byId.get(e.attendanceId) : undefined;
    return { ...e, minutesLate: record?.minutesLate ?? null, reason: record?.reason ?? null };
  });
}

/** Called by resolvers after the service's transaction has committed, never before. */
export function publishJournalEvents(bus: EventBus, events: readonly JournalEventPayload[]) {
  for (const event of events) {
    bus.publish(JOURNAL_CHANGED, { ...event });
  }
}

/** A lesson recorded, edited (topic, homework) or cancelled: the class dashboard's lesson list. */
export const LESSON_CHANGED = 'journal.lessonChanged';

export enum LessonEventKind {
  LESSON_CREATED = 'LESSON_CREATED',
  LESSON_UPDATED = 'LESSON_UPDATED',
  LESSON_CANCELLED = 'LESSON_CANCELLED',
}

@ObjectType({
  description: 'A lesson as it stands after a change: what the class dashboard lists (issue 5).',
})
export class LessonChange {
  @Field(() => ID, { description: 'The lesson.' })
  lessonId!: string;

  @Field(() => ID, { description: 'The journal page.' })
  assignmentId!: string;

  @Field(() => ID, { description: 'The subject of the page.' })
  subjectId!: string;

  @Field(() => String, { description: 'The lesson date (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Int, { nullable: true, description: 'Number in the bell schedule.' })
  lessonNumber!: number | null;

  @Field(() => String, { nullable: true, description: 'Topic as written in the journal.' })
  topic!: string | null;

  @Field(() => Boolean, { description: 'Whether homework is set.' })
  hasHomework!: boolean;

  @Field(() => LessonStatus, { description: 'Planned, held or cancelled.' })
  status!: LessonStatus;

  @Field(() => Boolean, {
    description:
      'Not cancelled and still without a topic or homework: belongs in `lessonsMissingRecords`.',
  })
  missingRecords!: boolean;
}

export interface LessonEventPayload extends LessonChange {
  kind: LessonEventKind;
  schoolId: string;
  schoolClassId: string;
  actorId: string;
  occurredAt: string;
}

/**
 * Reads the lesson as committed (topic, homework, status) and publishes it. Called by resolvers
 * after the service's transaction has committed, never before.
 */
export async function publishLessonChange(
  em: EntityManager,
  bus: EventBus,
  kind: LessonEventKind,
  lessonId: string,
  actorId: string,
) {
  const [row] = await em.execute<
    {
      school_id: string;
      school_class_id: string;
      subject_id: string;
      assignment_id: string;
      date: string;
      lesson_number: number | null;
      topic: string | null;
      status: LessonStatus;
      has_homework: boolean;
    }[]
  >(
    `select l.school_id, a.school_class_id, a.subject_id, l.assignment_id,
            to_char(l.date, 'YYYY-MM-DD') as date, l.lesson_number, l.topic, l.status,
            exists (select 1 from homework h where h.lesson_id = l.id) as has_homework
       from lesson l join teaching_assignment a on a.id = l.assignment_id
      where l.id = any(?::uuid[])`,
    [uuidArray([lessonId])],
  );
  if (!row) {
    return;
  }
  const payload: LessonEventPayload = {
    kind,
    schoolId: row.school_id,
    schoolClassId: row.school_class_id,
    assignmentId: row.assignment_id,
    subjectId: row.subject_id,
    lessonId,
    date: row.date,
    lessonNumber: row.lesson_number,
    topic: row.topic,
    hasHomework: row.has_homework,
    status: row.status,
    missingRecords: row.status !== LessonStatus.CANCELLED && (!row.topic || !row.has_homework),
    actorId,
    occurredAt: new Date().toISOString(),
  };
  bus.publish(LESSON_CHANGED, payload);
}
