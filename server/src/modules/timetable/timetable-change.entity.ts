import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { TimetableSlot } from './timetable-slot.entity.js';

export enum TimetableChangeKind {
  CANCELLED = 'CANCELLED',
  SUBSTITUTION = 'SUBSTITUTION',
  ROOM_CHANGE = 'ROOM_CHANGE',
  /** The lesson moved to another lesson number or date; the row is the new place. */
  MOVED = 'MOVED',
  /** An extra lesson outside the weekly timetable. */
  ADDED = 'ADDED',
}
registerEnumType(TimetableChangeKind, {
  name: 'TimetableChangeKind',
  description: 'What a timetable change does to one lesson (R-YEAR-4).',
});

/**
 * A one-day change to the timetable, published to students and parents (R-YEAR-4, R-MSG-2).
 * Drafts have no `publishedAt` and are seen only by staff.
 */
@Entity({ tableName: 'timetable_change' })
@Index({ name: 'timetable_change_date_idx', properties: ['school', 'date'] })
@Index({ name: 'timetable_change_assignment_idx', properties: ['assignment', 'date'] })
@Check({ name: 'timetable_change_lesson_number_check', expression: 'lesson_number >= 0' })
@Check({
  name: 'timetable_change_substitute_check',
  expression: "kind <> 'SUBSTITUTION' or substitute_teacher_id is not null",
})
@Check({
  name: 'timetable_change_room_check',
  expression: "kind <> 'ROOM_CHANGE' or room is not null",
})
export class TimetableChange extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @Property({ type: 'date' })
  date!: string;

  @Enum({ items: () => TimetableChangeKind, nativeEnumName: 'timetable_change_kind' })
  kind!: TimetableChangeKind;

  /** The regular slot affected; null for an added lesson. */
  @ManyToOne(() => TimetableSlot, { nullable: true, deleteRule: 'set null' })
  slot?: TimetableSlot | null;

  @ManyToOne(() => TeachingAssignment, { deleteRule: 'restrict' })
  assignment!: TeachingAssignment;

  @Property({ type: 'integer' })
  lessonNumber!: number;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  substituteTeacher?: Person | null;

  @Property({ type: 'text', nullable: true })
  room?: string | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  createdBy!: Person;
}
