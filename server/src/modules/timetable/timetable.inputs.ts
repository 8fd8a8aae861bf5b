import { Field, ID, InputType, Int } from 'type-graphql';
import { TimetableChangeKind } from './timetable-change.entity.js';

@InputType({ description: 'When one lesson starts and ends.' })
export class BellTimeInput {
  @Field(() => Int, { description: 'Lesson number, 0 to 12.' })
  lessonNumber!: number;

  @Field(() => String, { description: 'Start (HH:MM, school time).' })
  startsAt!: string;

  @Field(() => String, { description: 'End (HH:MM, school time).' })
  endsAt!: string;
}

@InputType({ description: "A school's whole bell schedule: lessons not listed are removed." })
export class SetBellTimesInput {
  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field(() => [BellTimeInput], {
    description: 'Every lesson, in any order; they may not overlap.',
  })
  times!: BellTimeInput[];
}

@InputType({ description: 'Puts a journal page into the weekly timetable from a date.' })
export class CreateTimetableSlotInput {
  @Field(() => ID, { description: 'The journal page (teaching assignment).' })
  assignmentId!: string;

  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' })
  weekday!: number;

  @Field(() => Int, { description: 'Lesson number, 0 to 12.' })
  lessonNumber!: number;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First day (YYYY-MM-DD); default: the first day of the page in the year.',
  })
  validFrom?: string | null;
}

@InputType({
  description: 'Changes a slot from a date: the old one ends the day before; absent fields stay.',
})
export class UpdateTimetableSlotInput {
  @Field(() => ID, { description: 'The slot.' })
  slotId!: string;

  @Field(() => String, { description: 'First day (YYYY-MM-DD) of the new place.' })
  from!: string;

  @Field(() => Int, { nullable: true, description: 'New weekday.' })
  weekday?: number | null;

  @Field(() => Int, { nullable: true, description: 'New lesson number.' })
  lessonNumber?: number | null;

  @Field(() => String, { nullable: true, description: 'New room; an empty string clears it.' })
  room?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail).' })
  reason?: string | null;
}

@InputType({ description: 'Takes a slot out of the timetable from a date; its history stays.' })
export class EndTimetableSlotInput {
  @Field(() => ID, { description: 'The slot.' })
  slotId!: string;

  @Field(() => String, { description: 'First day (YYYY-MM-DD) the slot no longer applies.' })
  from!: string;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail).' })
  reason?: string | null;
}

@InputType({
  description:
    'A one-day change published to the diaries: CANCELLED, SUBSTITUTION, ROOM_CHANGE and MOVED name a slot; ADDED names a page.',
})
export class PublishTimetableChangeInput {
  @Field(() => TimetableChangeKind, { description: 'What the change does.' })
  kind!: TimetableChangeKind;

  @Field(() => String, { description: 'The day (YYYY-MM-DD); for MOVED, the new day (same week).' })
  date!: string;

  @Field(() => ID, { nullable: true, description: 'The weekly slot affected.' })
  slotId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The journal page, for ADDED.' })
  assignmentId?: string | null;

  @Field(() => Int, { nullable: true, description: 'For MOVED and ADDED: the lesson number.' })
  lessonNumber?: number | null;

  @Field(() => String, { nullable: true, description: 'For ROOM_CHANGE (required), MOVED, ADDED.' })
  room?: string | null;

  @Field(() => ID, { nullable: true, description: 'For SUBSTITUTION: the substitute teacher.' })
  substituteTeacherId?: string | null;

  @Field(() => String, { nullable: true, description: 'Shown with the change in the diary.' })
  note?: string | null;
}
