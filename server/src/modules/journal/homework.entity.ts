import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { Lesson } from './lesson.entity.js';
import { Field, ObjectType } from 'type-graphql';

/**
 * Homework set at a lesson (R-JRN-1): pages, exercises, attachments. Entered during the lesson or
 * within 1.5 hours after it (R-JRN-4), measured from `createdAt`.
 */
@ObjectType({ simpleResolvers: true, description: 'Homework set at a lesson.' })
@Entity({ tableName: 'homework' })
@Index({ name: 'homework_lesson_idx', properties: ['lesson'] })
@Index({ name: 'homework_due_idx', properties: ['school', 'dueOn'] })
export class Homework extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Lesson, { deleteRule: 'restrict' })
  lesson!: Lesson;

  @Field(() => String, { description: 'What to do: pages, exercises.' })
  @Property({ type: 'text' })
  text!: string;

  /** Null: due at the next lesson of the assignment. */
  @Field(() => String, {
    nullable: true,
    description: 'When it is due (YYYY-MM-DD); null: the next lesson.',
  })
  @Property({ type: 'date', nullable: true })
  dueOn?: string | null;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  enteredBy!: Person;

  @Field(() => Date, { description: 'Last change.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  @Property({ version: true })
  version: number & Opt = 1;
}
