import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear } from './academic-year.entity.js';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * A class in one school year, e.g. 5А (R-YEAR-2). Next year's 6А is a new row: a class belongs to
 * a year so that archived journals keep the roster they had (R-DATA-2).
 */
@ObjectType({ simpleResolvers: true, description: 'A class of one academic year, e.g. 5\u0410.' })
@Entity({ tableName: 'school_class' })
@Unique({ name: 'school_class_name_unique', properties: ['year', 'gradeLevel', 'letter'] })
@Check({
  name: 'school_class_grade_level_check',
  expression: 'grade_level >= 1 and grade_level <= 12',
})
export class SchoolClass extends BaseEntity {
  /** `name` is derived, never stored or passed to `em.create`. */
  [OptionalProps]?: 'name';

  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => AcademicYear, { deleteRule: 'restrict' })
  year!: AcademicYear;

  @Field(() => Int, { description: 'Grade level, 1 to 12.' })
  @Property({ type: 'integer' })
  gradeLevel!: number;

  /** `А`, `Б`, …; empty where a grade has a single class. */
  @Field(() => String, { description: 'The letter that tells parallel classes apart.' })
  @Property({ type: 'text' })
  letter!: string;

  /** The class teacher (R-ROLE-6): a relation of the class, not a role. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  classTeacher?: Person | null;

  /** e.g. `5А`. */
  @Field(() => String, { description: 'Grade level and letter, e.g. 5А.' })
  get name(): string {
    return `${this.gradeLevel}${this.letter}`;
  }
}
