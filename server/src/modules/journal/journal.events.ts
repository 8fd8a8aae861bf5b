import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { EventBus } from '../../core/pubsub.js';

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

  @Field(() => ID, { description: 'Who made the change.' })
  actorId!: string;

  @Field(() => String, { description: 'When (ISO 8601).' })
  occurredAt!: string;
}

export type JournalEventPayload = Omit<JournalEvent, never>;

/** Called by resolvers after the service's transaction has committed, never before. */
export function publishJournalEvents(bus: EventBus, events: readonly JournalEventPayload[]) {
  for (const event of events) {
    bus.publish(JOURNAL_CHANGED, { ...event });
  }
}
