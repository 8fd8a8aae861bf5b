import { OptionalProps, type Opt } from '@mikro-orm/core';
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
import { PlannedTopic } from '../year/planned-topic.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { WorkType } from '../year/work-type.entity.js';

export enum LessonStatus {
  /** Expected from the timetable; nothing recorded yet. */
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(LessonStatus, {
  name: 'LessonStatus',
  description: 'Whether a lesson took place.',
});

/**
 * A column of a journal page: one lesson of a teaching assignment (R-JRN-1). Attendance, marks and
 * homework hang off it. `createdAt`/`updatedAt` measure how timely it was filled in (R-CTL-1).
 */
@ObjectType({ simpleResolvers: true, description: 'A lesson: a column of a journal page.' })
@Entity({ tableName: 'lesson' })
// Also the journal page's access path: lessons of an assignment by date.
@Unique({
  name: 'lesson_assignment_date_unique',
  properties: ['assignment', 'date', 'lessonNumber'],
})
@Index({ name: 'lesson_date_idx', properties: ['school', 'date'] })
@Index({ name: 'lesson_teacher_idx', properties: ['conductingTeacher', 'date'] })
@Check({ name: 'lesson_lesson_number_check', expression: 'lesson_number >= 0' })
export class Lesson extends BaseEntity {
  // Plain enum type (not `& Opt`), so comparisons with LessonStatus stay type-safe.
  [OptionalProps]?: 'status';

  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => TeachingAssignment, { deleteRule: 'restrict' })
  assignment!: TeachingAssignment;

  @Field(() => String, { description: 'Date (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  date!: string;

  /** Bell-schedule number; null for a lesson outside the timetable. */
  @Field(() => Int, { nullable: true, description: 'Number in the bell schedule.' })
  @Property({ type: 'integer', nullable: true })
  lessonNumber?: number | null;

  /** The assignment's teacher, or a substitute (R-ROLE-5). */
  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  conductingTeacher!: Person;

  /** The line of the calendar-thematic plan the lesson covers. */
  @ManyToOne(() => PlannedTopic, { nullable: true, deleteRule: 'set null' })
  plannedTopic?: PlannedTopic | null;

  /** The topic as written in the journal; defaults to the planned topic's title. */
  @Field(() => String, { nullable: true, description: 'Topic as written in the journal.' })
  @Property({ type: 'text', nullable: true })
  topic?: string | null;

  @ManyToOne(() => WorkType, { nullable: true, deleteRule: 'restrict' })
  workType?: WorkType | null;

  @Field(() => LessonStatus, { description: 'Planned, held or cancelled.' })
  @Enum({ items: () => LessonStatus, nativeEnumName: 'lesson_status' })
  status: LessonStatus = LessonStatus.PLANNED;

  /** Who last recorded the lesson; null while it is only planned. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  enteredBy?: Person | null;

  /**
   * When the register was first taken (setAttendance). Only absences are rows, so without this a
   * lesson where everyone was present cannot be told from one nobody took (R-CTL-1).
   */
  @Property({ type: 'timestamptz', nullable: true })
  attendanceTakenAt?: Date | null;

  @Field(() => Date, { description: 'Last change.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  @Field(() => Int, {
    description: 'Optimistic-lock version: send it back when you change the lesson.',
  })
  @Property({ version: true })
  version: number & Opt = 1;
}
