import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Attendance } from '../journal/attendance.entity.js';
import { Homework } from '../journal/homework.entity.js';
import { LessonStatus } from '../journal/lesson.entity.js';
import { PeriodMark } from '../journal/period-mark.entity.js';
import { ClassAnnouncement } from '../messages/announcements.js';
import { Person } from '../people/person.entity.js';
import { TimetableChangeKind } from '../timetable/timetable-change.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Subject } from '../year/subject.entity.js';
import { WorkType } from '../year/work-type.entity.js';

// Read model of the diary (R-DRY-1, R-DRY-2). The services read a whole response in a constant
// number of statements and fill every field here, relations (subject, teacher, work type, class,
// homework) included: nothing below the root queries the database. The rows that are the
// student's own (marks, attendance) are chosen by the services and nothing else is reachable.

@ObjectType({ description: "One of the student's own marks in the diary." })
export class DiaryMark {
  @Field(() => ID, { description: 'The mark.' })
  id!: string;

  @Field(() => ID, { description: 'The lesson it was given at.' })
  lessonId!: string;

  @Field(() => String, { description: 'Date of the lesson (YYYY-MM-DD).' })
  date!: string;

  @Field(() => String, { description: 'The mark as written on the school scale.' })
  value!: string;

  @Field(() => Float, { description: 'Weight in the weighted average.' })
  weight!: number;

  @Field(() => String, { nullable: true, description: "Teacher's comment." })
  comment!: string | null;

  @Field(() => WorkType, {
    nullable: true,
    description: "The kind of work: the mark's own, or the lesson's.",
  })
  workType!: WorkType | null;

  numericValue!: number;
}

@ObjectType({
  description:
    'A lesson in the diary: from the timetable with the published changes, or as recorded in the journal.',
})
export class DiaryLesson {
  @Field(() => String, { description: 'Date (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Number in the bell schedule; null for a lesson outside the timetable.',
  })
  lessonNumber!: number | null;

  @Field(() => String, { nullable: true, description: 'Start time (HH:MM, school time).' })
  startsAt!: string | null;

  @Field(() => String, { nullable: true, description: 'End time (HH:MM, school time).' })
  endsAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Room.' })
  room!: string | null;

  @Field(() => LessonStatus, {
    description: 'Planned (nothing recorded yet), held or cancelled.',
  })
  status!: LessonStatus;

  @Field(() => TimetableChangeKind, {
    nullable: true,
    description: 'The published timetable change that applies to the lesson, if any.',
  })
  change!: TimetableChangeKind | null;

  @Field(() => String, { nullable: true, description: 'Note published with the change.' })
  changeNote!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The lesson recorded in the journal; null while it is only in the timetable.',
  })
  lessonId!: string | null;

  @Field(() => String, { nullable: true, description: 'Topic as written in the journal.' })
  topic!: string | null;

  @Field(() => [DiaryMark], { description: "The student's own marks at this lesson." })
  marks!: DiaryMark[];

  @Field(() => Attendance, {
    nullable: true,
    description: "The student's own absence or lateness; null when present.",
  })
  attendance!: Attendance | null;

  @Field(() => Subject, { description: 'The subject.' })
  subject!: Subject;

  @Field(() => Person, { description: 'Who teaches it: the teacher or a substitute.' })
  teacher!: Person;

  @Field(() => WorkType, { nullable: true, description: 'The kind of work.' })
  workType!: WorkType | null;

  @Field(() => [Homework], { description: 'Homework set at the lesson.' })
  homework!: Homework[];
}

@ObjectType({ description: 'A day of the diary week.' })
export class DiaryDay {
  @Field(() => String, { description: 'Date (YYYY-MM-DD).' })
  date!: string;

  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday.' })
  weekday!: number;

  @Field(() => [DiaryLesson], { description: 'Lessons by lesson number.' })
  lessons!: DiaryLesson[];

  // Null also for a day out of the viewer's reach.
  @Field(() => SchoolClass, {
    nullable: true,
    description: 'The class the student was in that day; null when not enrolled.',
  })
  schoolClass!: SchoolClass | null;
}

@ObjectType({
  description: "A week (Monday to Sunday) of one student's diary (R-DRY-2).",
})
export class DiaryWeek {
  @Field(() => String, { description: 'Monday (YYYY-MM-DD).' })
  startsOn!: string;

  @Field(() => String, { description: 'Sunday (YYYY-MM-DD).' })
  endsOn!: string;

  @Field(() => [DiaryDay], { description: 'The seven days, Monday first.' })
  days!: DiaryDay[];

  @Field(() => Person, { description: 'The student.' })
  student!: Person;

  @Field(() => [ClassAnnouncement], {
    description:
      "Announcements published this week to the student's classes, newest first: a student sees those for students, a parent those for parents (R-MSG-2).",
  })
  announcements!: ClassAnnouncement[];
}

@ObjectType({ description: "A subject in the diary's period view: the student's marks in it." })
export class DiarySubject {
  @Field(() => Subject, { description: 'The subject.' })
  subject!: Subject;

  @Field(() => [DiaryMark], { description: 'Current marks in the period, by date.' })
  marks!: DiaryMark[];

  @Field(() => Float, { nullable: true, description: 'Plain mean of the current marks.' })
  average!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean weighted by work type (R-JRN-5).',
  })
  weightedAverage!: number | null;

  @Field(() => PeriodMark, {
    nullable: true,
    description: 'The period mark (a value, or exempt / not attested), once set.',
  })
  periodMark!: PeriodMark | null;

  @Field(() => PeriodMark, {
    nullable: true,
    description: 'The year mark of the same school year, once set.',
  })
  yearMark!: PeriodMark | null;
}

@ObjectType({
  description: "One student's marks by subject for a reporting period (R-DRY-1).",
})
export class DiaryPeriod {
  @Field(() => ReportingPeriod, { description: 'The period.' })
  period!: ReportingPeriod;

  @Field(() => [DiarySubject], { description: 'Subjects by name.' })
  subjects!: DiarySubject[];

  @Field(() => Person, { description: 'The student.' })
  student!: Person;
}
