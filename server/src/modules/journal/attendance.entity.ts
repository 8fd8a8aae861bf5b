import type { Opt } from '@mikro-orm/core';
import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { Lesson } from './lesson.entity.js';

export enum AttendanceStatus {
  ABSENT = 'ABSENT',
  LATE = 'LATE',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'A student missing a lesson or part of it; presence is not stored (R-JRN-2).',
});

export enum AbsenceReason {
  ILLNESS = 'ILLNESS',
  EXCUSED = 'EXCUSED',
  UNEXCUSED = 'UNEXCUSED',
  OTHER = 'OTHER',
}
registerEnumType(AbsenceReason, {
  name: 'AbsenceReason',
  description: 'Why a student was absent, as corrected by the class teacher (R-JRN-2).',
});

/**
 * An absence or lateness at one lesson (R-JRN-2). Only exceptions are stored: a student with no
 * row was present. The subject teacher records it; the class teacher sets the reason weekly.
 */
@ObjectType({
  simpleResolvers: true,
  description: 'An absence or lateness of a student at a lesson.',
})
@Entity({ tableName: 'attendance' })
@Unique({ name: 'attendance_unique', properties: ['lesson', 'student'] })
@Index({ name: 'attendance_student_idx', properties: ['student'] })
@Check({
  name: 'attendance_minutes_late_check',
  expression: "minutes_late is null or (status = 'LATE' and minutes_late > 0)",
})
@Check({
  name: 'attendance_correction_check',
  expression: '(corrected_by_id is null) = (corrected_at is null)',
})
export class Attendance extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Lesson, { deleteRule: 'restrict' })
  lesson!: Lesson;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  student!: Person;

  @Field(() => AttendanceStatus, { description: 'Absent or late.' })
  @Enum({ items: () => AttendanceStatus, nativeEnumName: 'attendance_status' })
  status!: AttendanceStatus;

  @Field(() => AbsenceReason, { nullable: true, description: 'Why, when known.' })
  @Enum({ items: () => AbsenceReason, nativeEnumName: 'absence_reason', nullable: true })
  reason?: AbsenceReason | null;

  @Field(() => Int, { nullable: true, description: 'Minutes late.' })
  @Property({ type: 'integer', nullable: true })
  minutesLate?: number | null;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  enteredBy!: Person;

  @Field(() => Date, { description: 'Last change.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  /** The class teacher's weekly correction (R-JRN-2, R-ROLE-6). */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  correctedBy?: Person | null;

  @Field(() => Date, { nullable: true, description: 'When the class teacher corrected it.' })
  @Property({ type: 'timestamptz', nullable: true })
  correctedAt?: Date | null;

  @Field(() => Int, { description: 'Optimistic-lock version.' })
  @Property({ version: true })
  version: number & Opt = 1;
}
