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
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import { Subject } from '../year/subject.entity.js';

export enum PeriodMarkSpecial {
  /** «осв»: exempt from the subject. */
  EXEMPT = 'EXEMPT',
  /** «н/а»: not attested. */
  NOT_ATTESTED = 'NOT_ATTESTED',
}
registerEnumType(PeriodMarkSpecial, {
  name: 'PeriodMarkSpecial',
  description: 'A period mark that is not a number (R-JRN-5).',
});

/**
 * A period or year mark in a subject (R-JRN-5): either a value on the school scale or a special
 * value, never both. Set in the last week of the period and up to 4 days after it ends.
 */
@ObjectType({ simpleResolvers: true, description: 'A period (quarter, half-year, year) mark.' })
@Entity({ tableName: 'period_mark' })
@Unique({ name: 'period_mark_unique', properties: ['student', 'subject', 'period'] })
@Index({ name: 'period_mark_period_idx', properties: ['period', 'subject'] })
@Check({ name: 'period_mark_value_check', expression: '(value is null) <> (special is null)' })
@Check({
  name: 'period_mark_numeric_check',
  expression: 'numeric_value is null or value is not null',
})
export class PeriodMark extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  student!: Person;

  @ManyToOne(() => Subject, { deleteRule: 'restrict' })
  subject!: Subject;

  @ManyToOne(() => ReportingPeriod, { deleteRule: 'restrict' })
  period!: ReportingPeriod;

  /** The mark as written on the school's scale. */
  @Field(() => String, {
    nullable: true,
    description: 'The mark on the school scale; null when special is set.',
  })
  @Property({ type: 'text', nullable: true })
  value?: string | null;

  @Property({ type: 'numeric', precision: 5, scale: 2, runtimeType: 'number', nullable: true })
  numericValue?: number | null;

  @Field(() => PeriodMarkSpecial, {
    nullable: true,
    description: 'Exempt or not attested, instead of a value.',
  })
  @Enum({ items: () => PeriodMarkSpecial, nativeEnumName: 'period_mark_special', nullable: true })
  special?: PeriodMarkSpecial | null;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  enteredBy!: Person;

  @Field(() => Date, { description: 'Last change.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  @Field(() => Int, { description: 'Optimistic-lock version.' })
  @Property({ version: true })
  version: number & Opt = 1;
}
