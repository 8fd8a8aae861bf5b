import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AbsenceReason, AttendanceStatus } from '../journal/attendance.entity.js';
import { PeriodMarkSpecial } from '../journal/period-mark.entity.js';

@InputType({ description: 'Closes a school year: its journals become read-only (R-DATA-2).' })
export class CloseAcademicYearInput {
  @Field(() => ID, { description: 'The school year.' })
  yearId!: string;

  @Field(() => String, { nullable: true, description: 'Why or on whose order (audit trail).' })
  reason?: string | null;
}

@InputType({ description: "A closed year's mark to change or remove." })
export class ClosedYearMarkCorrection {
  @Field(() => ID, { description: 'The mark.' })
  markId!: string;

  @Field(() => Int, { description: 'The version the administration saw.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'The new mark on the school scale.' })
  value?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Removes the mark instead.' })
  remove?: boolean | null;
}

@InputType({ description: "A closed year's attendance record of one student at one lesson." })
export class ClosedYearAttendanceCorrection {
  @Field(() => ID, { description: 'The lesson.' })
  lessonId!: string;

  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => AttendanceStatus, {
    nullable: true,
    description: 'Absent or late; null: the student was present (the record goes).',
  })
  status?: AttendanceStatus | null;

  @Field(() => AbsenceReason, { nullable: true, description: 'Why the student was absent.' })
  absenceReason?: AbsenceReason | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version of the existing record, as seen; omitted when there is none.',
  })
  version?: number | null;
}

@InputType({ description: "A closed year's period mark to change." })
export class ClosedYearPeriodMarkCorrection {
  @Field(() => ID, { description: 'The period mark.' })
  periodMarkId!: string;

  @Field(() => Int, { description: 'The version the administration saw.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'The new mark on the school scale.' })
  value?: string | null;

  @Field(() => PeriodMarkSpecial, { nullable: true, description: 'Or EXEMPT / NOT_ATTESTED.' })
  special?: PeriodMarkSpecial | null;
}

@InputType({
  description:
    'The administration corrects one record of a closed year, with a reason (R-DATA-2): exactly one of mark, attendance, periodMark.',
})
export class CorrectClosedYearRecordInput {
  @Field(() => ID, { description: 'The closed school year the record belongs to.' })
  yearId!: string;

  @Field(() => String, { description: 'Why the closed record changes (required, audited).' })
  reason!: string;

  @Field(() => ClosedYearMarkCorrection, { nullable: true, description: 'A mark to correct.' })
  mark?: ClosedYearMarkCorrection | null;

  @Field(() => ClosedYearAttendanceCorrection, {
    nullable: true,
    description: 'An attendance record to correct.',
  })
  attendance?: ClosedYearAttendanceCorrection | null;

  @Field(() => ClosedYearPeriodMarkCorrection, {
    nullable: true,
    description: 'A period mark to correct.',
  })
  periodMark?: ClosedYearPeriodMarkCorrection | null;
}

@ObjectType({ description: 'What a correction of a closed year changed.' })
export class ClosedYearCorrection {
  @Field(() => String, { description: 'Mark, Attendance or PeriodMark.' })
  entityType!: string;

  @Field(() => ID, { description: 'The record corrected.' })
  entityId!: string;

  @Field(() => String, { description: 'create, update or delete.' })
  action!: string;
}

@InputType({ description: 'Builds and keeps the archive of a closed year (R-DATA-2).' })
export class ArchiveAcademicYearInput {
  @Field(() => ID, { description: 'The closed school year.' })
  yearId!: string;
}
