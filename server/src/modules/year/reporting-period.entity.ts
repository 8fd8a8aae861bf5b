import { ArrayType } from '@mikro-orm/core';
import { Check, Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear } from './academic-year.entity.js';

export enum PeriodKind {
  QUARTER = 'QUARTER',
  TRIMESTER = 'TRIMESTER',
  HALF_YEAR = 'HALF_YEAR',
  /** The whole year: the period the year mark is given for. */
  YEAR = 'YEAR',
}
registerEnumType(PeriodKind, {
  name: 'PeriodKind',
  description: 'How a school year is divided for period marks (R-YEAR-1).',
});

/**
 * A reporting period: a quarter, trimester, half-year or the year itself (R-YEAR-1). Which grade
 * levels use it is configurable: e.g. quarters for grades 2–9 and half-years for 10–11. Dates are
 * inclusive and periods of one kind in a year do not overlap; the holidays are the gaps between
 * consecutive periods. Period marks are set in its last week and up to 4 days after `endsOn`
 * (R-JRN-5); `closedAt` freezes them.
 */
@ObjectType({
  simpleResolvers: true,
  description: 'A quarter, trimester, half-year or the year, for some grade levels.',
})
@Entity({ tableName: 'reporting_period' })
@Unique({ name: 'reporting_period_number_unique', properties: ['year', 'kind', 'number'] })
@Check({ name: 'reporting_period_dates_check', expression: 'ends_on > starts_on' })
@Check({
  name: 'reporting_period_no_overlap',
  expression:
    "exclude using gist (year_id with =, kind with =, daterange(starts_on, ends_on, '[]') with &&)",
})
@Check({ name: 'reporting_period_number_check', expression: 'number > 0' })
@Check({
  name: 'reporting_period_grade_levels_check',
  expression:
    'cardinality(grade_levels) > 0 and 1 <= all(grade_levels) and 12 >= all(grade_levels)',
})
export class ReportingPeriod extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => AcademicYear, { deleteRule: 'restrict' })
  year!: AcademicYear;

  @Field(() => PeriodKind, { description: 'Quarter, trimester, half-year or year.' })
  @Enum({ items: () => PeriodKind, nativeEnumName: 'period_kind' })
  kind!: PeriodKind;

  /** 1-based position within the year among periods of the same kind. */
  @Field(() => Int, { description: 'Number within the year and kind.' })
  @Property({ type: 'integer' })
  number!: number;

  /** e.g. `1 четверть`, `I полугодие`. */
  @Field(() => String, { description: 'e.g. 1 четверть.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'First day (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD), inclusive.' })
  @Property({ type: 'date' })
  endsOn!: string;

  /** Grade levels (1..12) that use this period. */
  @Field(() => [Int], { description: 'Grade levels the period applies to.' })
  @Property({ type: new ArrayType(Number), columnType: 'int[]' })
  gradeLevels!: number[];

  /** When the administration closed the period: its period marks are final. */
  @Field(() => Date, {
    nullable: true,
    description: 'When period marks were closed; null while open.',
  })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;
}
