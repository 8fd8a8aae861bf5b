import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AbsenceReason, Attendance, AttendanceStatus } from './attendance.entity.js';
import { Lesson } from './lesson.entity.js';

@InputType({ description: "One student's attendance at the lesson." })
export class AttendanceEntryInput {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => AttendanceStatus, { nullable: true, description: 'Absent or late; null: present.' })
  status?: AttendanceStatus | null;

  @Field(() => AbsenceReason, { nullable: true, description: 'Why, when known.' })
  reason?: AbsenceReason | null;

  @Field(() => Int, { nullable: true, description: 'Minutes late (with LATE only).' })
  minutesLate?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version of the record you saw, when one exists; a newer one means CONFLICT.',
  })
  version?: number | null;
}

@InputType({
  description: 'Attendance of many students at one lesson, in one transaction (R-JRN-2).',
})
export class SetAttendanceInput {
  @Field(() => String, {
    nullable: true,
    description: 'Chosen by the client: a retry with the same id is applied once.',
  })
  clientMutationId?: string | null;

  @Field(() => ID, { description: 'The lesson.' })
  lessonId!: string;

  @Field(() => [AttendanceEntryInput], { description: 'One entry per student to record.' })
  entries!: AttendanceEntryInput[];
}

@ObjectType({ description: 'The lesson and its attendance after setAttendance.' })
export class SetAttendancePayload {
  @Field(() => String, { nullable: true, description: 'As sent.' })
  clientMutationId!: string | null;

  @Field(() => Boolean, { description: 'True when the batch had already been applied.' })
  replayed!: boolean;

  @Field(() => Lesson, { description: 'The lesson.' })
  lesson!: Lesson;

  @Field(() => [Attendance], { description: 'Every absence and lateness at the lesson.' })
  attendance!: Attendance[];
}

@InputType({ description: "The class teacher's weekly correction of an absence record (R-JRN-2)." })
export class CorrectAttendanceInput {
  @Field(() => ID, { description: 'The lesson.' })
  lessonId!: string;

  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => AttendanceStatus, { nullable: true, description: 'Absent or late; null: present.' })
  status?: AttendanceStatus | null;

  @Field(() => AbsenceReason, { nullable: true, description: 'Illness, excused, …' })
  reason?: AbsenceReason | null;

  @Field(() => Int, { nullable: true, description: 'Version of the record you saw, if any.' })
  version?: number | null;

  @Field(() => String, { description: 'Why the record is corrected (kept in the audit trail).' })
  note!: string;
}

@ObjectType({ description: 'The attendance record after a correction.' })
export class CorrectAttendancePayload {
  @Field(() => Attendance, { nullable: true, description: 'The record; null: present.' })
  attendance!: Attendance | null;
}
