import type { Opt } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { Field, Float, ObjectType } from 'type-graphql';

/**
 * A type of work: answer in class, test, laboratory, practical, dictation, excursion… (R-JRN-1).
 * Its weight is the default weight of marks for it (R-JRN-3, R-JRN-5).
 */
@ObjectType({
  simpleResolvers: true,
  description: 'A kind of work marks are given for, with its weight.',
})
@Entity({ tableName: 'work_type' })
@Unique({ name: 'work_type_code_unique', properties: ['school', 'code'] })
@Check({ name: 'work_type_weight_check', expression: 'weight > 0' })
export class WorkType extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  /** Stable key, e.g. `TEST`, `LAB`; the name may be translated. */
  @Field(() => String, { description: 'Stable code.' })
  @Property({ type: 'text' })
  code!: string;

  @Field(() => String, { description: 'Name shown to users.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Float, { description: 'Weight in the weighted average.' })
  @Property({ type: 'numeric', precision: 4, scale: 2, runtimeType: 'number' })
  weight: number & Opt = 1;

  /** Written work may be marked when checking finishes, up to 7 days later (R-JRN-3). */
  @Field(() => Boolean, {
    description: 'Written work (marks may come up to 7 days after the lesson).',
  })
  @Property({ type: 'boolean' })
  isWritten: boolean & Opt = false;
}
