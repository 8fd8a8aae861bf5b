import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';

/** The bell schedule: when lesson N starts and ends, in the school's local time (R-YEAR-4). */
@Entity({ tableName: 'bell_time' })
@Unique({ name: 'bell_time_lesson_unique', properties: ['school', 'lessonNumber'] })
// Lesson 0 is the "zero lesson" some schools hold before the first.
@Check({ name: 'bell_time_lesson_number_check', expression: 'lesson_number >= 0' })
@Check({ name: 'bell_time_times_check', expression: 'ends_at > starts_at' })
export class BellTime extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @Property({ type: 'integer' })
  lessonNumber!: number;

  /** `HH:MM:SS`, local to School.timeZone. */
  @Property({ type: 'time' })
  startsAt!: string;

  @Property({ type: 'time' })
  endsAt!: string;
}
