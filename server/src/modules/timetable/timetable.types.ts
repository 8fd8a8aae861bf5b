import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Lesson, LessonStatus } from '../journal/lesson.entity.js';
import { TimetableChangeKind } from './timetable-change.entity.js';

// Read model of the timetable (R-YEAR-4). Rows carry ids; relations (page, teacher, class) are
// followed by field resolvers through the per-operation loaders.

@ObjectType('BellTime', { description: 'When lesson N starts and ends, in school time.' })
export class BellTimeView {
  @Field(() => Int, { description: 'Lesson number (0: a lesson before the first).' })
  lessonNumber!: number;

  @Field(() => String, { description: 'Start (HH:MM).' })
  startsAt!: string;

  @Field(() => String, { description: 'End (HH:MM).' })
  endsAt!: string;
}

@ObjectType('TimetableSlot', {
  description: 'A weekly place of a journal page, valid for a range of dates (R-YEAR-4).',
})
export class TimetableSlotView {
  @Field(() => ID, { description: 'The slot.' })
  id!: string;

  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' })
  weekday!: number;

  @Field(() => Int, { description: 'Number in the bell schedule.' })
  lessonNumber!: number;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room!: string | null;

  @Field(() => String, { description: 'First day it applies (YYYY-MM-DD).' })
  validFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'First day it no longer applies; null: to the end of the year.',
  })
  validTo!: string | null;

  assignmentId!: string;
}

@ObjectType('TimetableChange', {
  description: 'A dated change of one lesson, published to the diaries concerned (R-YEAR-4).',
})
export class TimetableChangeView {
  @Field(() => ID, { description: 'The change.' })
  id!: string;

  @Field(() => String, { description: 'The day (YYYY-MM-DD); for a move, the new day.' })
  date!: string;

  @Field(() => TimetableChangeKind, { description: 'What the change does.' })
  kind!: TimetableChangeKind;

  @Field(() => Int, { description: 'Lesson number; for a move, the new one.' })
  lessonNumber!: number;

  @Field(() => String, { nullable: true, description: 'Room, when the change names one.' })
  room!: string | null;

  @Field(() => String, { nullable: true, description: 'A note shown with the change.' })
  note!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was published; null: a draft.' })
  publishedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The weekly slot affected, if any.' })
  slotId!: string | null;

  assignmentId!: string;
  substituteTeacherId!: string | null;
}

@ObjectType({
  description:
    'A lesson already entered in the journal at a place the timetable change leaves: it keeps its records.',
})
export class TimetableConflict {
  @Field(() => Lesson, { description: 'The lesson, unchanged.' })
  lesson!: Lesson;

  @Field(() => Int, { description: 'Marks given at it.' })
  markCount!: number;

  @Field(() => Int, { description: 'Absences and latenesses recorded at it.' })
  attendanceCount!: number;

  @Field(() => Int, { description: 'Homework set at it.' })
  homeworkCount!: number;
}

@ObjectType({ description: 'A changed or ended slot, and the recorded lessons it leaves.' })
export class TimetableSlotPayload {
  @Field(() => TimetableSlotView, {
    description: 'The slot from the change on (for an end: the ended slot).',
  })
  slot!: TimetableSlotView;

  @Field(() => TimetableSlotView, {
    nullable: true,
    description: 'The slot as it was up to the change, now ended; null when changed in place.',
  })
  previousSlot!: TimetableSlotView | null;

  @Field(() => [TimetableConflict], {
    description:
      'Lessons already entered at the old place on or after the change: kept with their records.',
  })
  conflicts!: TimetableConflict[];
}

@ObjectType({ description: 'A published change and the recorded lessons it concerns.' })
export class PublishTimetableChangePayload {
  @Field(() => TimetableChangeView, { description: 'The change.' })
  change!: TimetableChangeView;

  @Field(() => [TimetableConflict], {
    description: 'Lessons already entered at the cancelled or vacated place: kept as they are.',
  })
  conflicts!: TimetableConflict[];
}

@ObjectType({ description: 'One lesson of a class timetable on a day.' })
export class TimetableEntry {
  @Field(() => String, { description: 'Date (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Int, { nullable: true, description: 'Number in the bell schedule.' })
  lessonNumber!: number | null;

  @Field(() => String, { nullable: true, description: 'Start (HH:MM).' })
  startsAt!: string | null;

  @Field(() => String, { nullable: true, description: 'End (HH:MM).' })
  endsAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room!: string | null;

  @Field(() => LessonStatus, { description: 'Planned, held or cancelled.' })
  status!: LessonStatus;

  @Field(() => TimetableChangeKind, { nullable: true, description: 'The change applied, if any.' })
  change!: TimetableChangeKind | null;

  @Field(() => String, { nullable: true, description: 'The note of the change.' })
  changeNote!: string | null;

  @Field(() => ID, { nullable: true, description: 'The weekly slot it comes from.' })
  slotId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The journal lesson, once entered.' })
  lessonId!: string | null;

  assignmentId!: string;
  teacherId!: string | null;
}

@ObjectType({ description: 'A day of a class timetable.' })
export class TimetableDay {
  @Field(() => String, { description: 'Date (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' })
  weekday!: number;

  @Field(() => [TimetableEntry], { description: 'Lessons by number.' })
  lessons!: TimetableEntry[];
}

@ObjectType({ description: "A class's timetable for one week, with its changes (R-YEAR-4)." })
export class ClassTimetable {
  @Field(() => String, { description: 'Monday (YYYY-MM-DD).' })
  startsOn!: string;

  @Field(() => String, { description: 'Sunday (YYYY-MM-DD).' })
  endsOn!: string;

  @Field(() => [BellTimeView], { description: "The school's bell schedule." })
  bellTimes!: BellTimeView[];

  @Field(() => [TimetableSlotView], {
    description: "Weekly slots of the class's pages valid during the week.",
  })
  slots!: TimetableSlotView[];

  @Field(() => [TimetableChangeView], { description: 'Dated changes of the week.' })
  changes!: TimetableChangeView[];

  @Field(() => [TimetableDay], { description: 'Monday to Sunday as the class will have it.' })
  days!: TimetableDay[];

  schoolClassId!: string;
}
