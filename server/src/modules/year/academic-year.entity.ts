import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { Field, ObjectType } from 'type-graphql';

/**
 * A school year (R-YEAR-1). Dates are calendar dates, both inclusive: the year runs from
 * `startsOn` to `endsOn` as printed in the school's order. A school's years do not overlap.
 */
@ObjectType({ description: 'A school year with its dates (R-YEAR-1).' })
@Entity({ tableName: 'academic_year' })
@Unique({ name: 'academic_year_name_unique', properties: ['school', 'name'] })
@Check({ name: 'academic_year_dates_check', expression: 'ends_on > starts_on' })
@Check({
  name: 'academic_year_no_overlap',
  expression: "exclude using gist (school_id with =, daterange(starts_on, ends_on, '[]') with &&)",
})
export class AcademicYear extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  /** e.g. `2026/2027`. */
  @Field(() => String, { description: 'e.g. 2026/2027.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'First day (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD), inclusive.' })
  @Property({ type: 'date' })
  endsOn!: string;

  /**
   * When the administration closed the year (R-DATA-2): its journals are read-only from then on;
   * a correction needs the administration and a reason (`correctClosedYearRecord`).
   */
  @Field(() => Date, {
    nullable: true,
    description: 'When the year was closed; its journals are read-only since. Null while open.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}
