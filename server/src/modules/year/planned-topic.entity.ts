import type { Opt } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { TeachingAssignment } from './teaching-assignment.entity.js';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * One line of a journal page's calendar-thematic plan (КТП): lesson topics are picked from it
 * (R-JRN-1) and programme completion is measured against it (R-CTL-1).
 */
@ObjectType({ simpleResolvers: true, description: 'A line of the calendar-thematic plan.' })
@Entity({ tableName: 'planned_topic' })
@Unique({ name: 'planned_topic_position_unique', properties: ['assignment', 'position'] })
@Check({ name: 'planned_topic_position_check', expression: 'position > 0' })
@Check({ name: 'planned_topic_hours_check', expression: 'planned_hours > 0' })
export class PlannedTopic extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => TeachingAssignment, { deleteRule: 'cascade' })
  assignment!: TeachingAssignment;

  /** 1-based order in the plan. */
  @Field(() => Int, { description: 'Order in the plan, from 1.' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String, { description: 'Topic.' })
  @Property({ type: 'text' })
  title!: string;

  /** Lessons planned for the topic. */
  @Field(() => Int, { description: 'Lessons planned for it.' })
  @Property({ type: 'integer' })
  plannedHours: number & Opt = 1;
}
