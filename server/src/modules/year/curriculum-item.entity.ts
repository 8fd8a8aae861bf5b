import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { ReportingPeriod } from './reporting-period.entity.js';
import { SchoolClass } from './school-class.entity.js';
import { Subject } from './subject.entity.js';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * The curriculum: how many lessons of a subject a class should get, for the year (no period) or
 * for one period (R-YEAR-3). Programme completion is measured against it (R-CTL-1).
 */
@ObjectType({
  description: 'Planned lessons of a subject for a class, for the year or one period (R-YEAR-3).',
})
@Entity({ tableName: 'curriculum_item' })
@Unique({ name: 'curriculum_item_unique', properties: ['schoolClass', 'subject', 'period'] })
// A unique constraint treats nulls as distinct: this one keeps a single whole-year row.
@Unique({
  name: 'curriculum_item_year_unique',
  properties: ['schoolClass', 'subject'],
  where: 'period_id is null',
})
@Check({ name: 'curriculum_item_planned_check', expression: 'planned_lessons > 0' })
export class CurriculumItem extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => SchoolClass, { deleteRule: 'restrict' })
  schoolClass!: SchoolClass;

  @ManyToOne(() => Subject, { deleteRule: 'restrict' })
  subject!: Subject;

  /** Null: the plan for the whole year. */
  @ManyToOne(() => ReportingPeriod, { nullable: true, deleteRule: 'restrict' })
  period?: ReportingPeriod | null;

  @Field(() => Int, { description: 'Lessons planned.' })
  @Property({ type: 'integer' })
  plannedLessons!: number;
}
