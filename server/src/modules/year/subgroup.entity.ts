import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { SchoolClass } from './school-class.entity.js';
import { Subject } from './subject.entity.js';
import { Field, ObjectType } from 'type-graphql';

/**
 * Part of a class taught a subject separately, e.g. the two English groups of 5А (R-YEAR-2). Set
 * up by the class teacher with the subject teachers at the start of the year or period (R-ROLE-6).
 */
@ObjectType({ simpleResolvers: true, description: 'Part of a class taught a subject separately.' })
@Entity({ tableName: 'subgroup' })
@Unique({ name: 'subgroup_name_unique', properties: ['schoolClass', 'subject', 'name'] })
@Index({ name: 'subgroup_subject_idx', properties: ['subject'] })
export class Subgroup extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => SchoolClass, { deleteRule: 'restrict' })
  schoolClass!: SchoolClass;

  @ManyToOne(() => Subject, { deleteRule: 'restrict' })
  subject!: Subject;

  /** e.g. `1 группа`. */
  @Field(() => String, { description: 'e.g. 1 группа.' })
  @Property({ type: 'text' })
  name!: string;
}
