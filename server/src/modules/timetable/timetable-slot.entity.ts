import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';

/**
 * A recurring place of a journal page in the weekly timetable (R-YEAR-4). Validity is half-open:
 * `validTo` is the first day the slot no longer applies (null: to the end of the year).
 */
@Entity({ tableName: 'timetable_slot' })
@Index({ name: 'timetable_slot_assignment_idx', properties: ['assignment'] })
@Index({ name: 'timetable_slot_weekday_idx', properties: ['school', 'weekday'] })
// ISO weekday: 1 is Monday, 7 is Sunday.
@Check({ name: 'timetable_slot_weekday_check', expression: 'weekday >= 1 and weekday <= 7' })
@Check({ name: 'timetable_slot_lesson_number_check', expression: 'lesson_number >= 0' })
@Check({
  name: 'timetable_slot_validity_check',
  expression: 'valid_to is null or valid_to > valid_from',
})
// One journal page is not put twice into the same place of the week.
@Check({
  name: 'timetable_slot_no_overlap',
  expression:
    "exclude using gist (assignment_id with =, weekday with =, lesson_number with =, daterange(valid_from, valid_to, '[)') with &&)",
})
export class TimetableSlot extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => AcademicYear, { deleteRule: 'restrict' })
  year!: AcademicYear;

  @ManyToOne(() => TeachingAssignment, { deleteRule: 'restrict' })
  assignment!: TeachingAssignment;

  @Property({ type: 'integer' })
  weekday!: number;

  @Property({ type: 'integer' })
  lessonNumber!: number;

  @Property({ type: 'text', nullable: true })
  room?: string | null;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validTo?: string | null;
}
