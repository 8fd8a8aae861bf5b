import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { Lesson } from './lesson.entity.js';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * A current mark, tied to a lesson and a work type (R-JRN-3). A student may get several marks at
 * one lesson (e.g. homework and a test). Timeliness — same day, or up to 7 days for written work —
 * is measured from `createdAt` against the lesson date.
 */
@ObjectType({ simpleResolvers: true, description: 'A current mark for a student at a lesson.' })
@Entity({ tableName: 'mark' })
// Covering: journal control probes each lesson's marks index-only (migration covering_indexes).
@Index({
  name: 'mark_lesson_idx',
  properties: ['lesson'],
  include: ['student', 'createdAt', 'workType', 'school'],
})
@Index({ name: 'mark_student_idx', properties: ['student', 'lesson'] })
@Check({ name: 'mark_value_check', expression: "value <> ''" })
@Check({ name: 'mark_weight_check', expression: 'weight > 0' })
export class Mark extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Lesson, { deleteRule: 'restrict' })
  lesson!: Lesson;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  student!: Person;

  /** The mark as written on the school's scale: `5`, `10`, `87`. */
  @Field(() => String, { description: 'The mark as written on the school scale.' })
  @Property({ type: 'text' })
  value!: string;

  /** `value` as a number, for averages. */
  @Property({ type: 'numeric', precision: 5, scale: 2, runtimeType: 'number' })
  numericValue!: number;

  /** Null: the lesson's work type. */
  @ManyToOne(() => WorkType, { nullable: true, deleteRule: 'restrict' })
  workType?: WorkType | null;

  /** Copied from the work type when set, so later changes of the weight do not rewrite history. */
  @Field(() => Float, { description: 'Weight in the weighted average.' })
  @Property({ type: 'numeric', precision: 4, scale: 2, runtimeType: 'number' })
  weight: number & Opt = 1;

  @Field(() => String, { nullable: true, description: "Teacher's comment." })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  enteredBy!: Person;

  @Field(() => Date, { description: 'Last change.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  @Field(() => Int, {
    description: 'Optimistic-lock version: send it back to change or remove the mark.',
  })
  @Property({ version: true })
  version: number & Opt = 1;
}
