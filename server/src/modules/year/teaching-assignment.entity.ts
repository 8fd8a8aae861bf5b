import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear } from './academic-year.entity.js';
import { SchoolClass } from './school-class.entity.js';
import { Subgroup } from './subgroup.entity.js';
import { Subject } from './subject.entity.js';
import { Field, ObjectType } from 'type-graphql';

/**
 * A journal page: who teaches which subject to which class, subgroup or individual-plan student
 * in a year (R-YEAR-3, "assigning journal pages to teachers"). The teacher keeps the page
 * (R-ROLE-4); a substitute writes single lessons of it (Lesson.conductingTeacher). A change of
 * teacher mid-year ends this row and starts another; the range is half-open (`endsOn` is the first
 * day the teacher no longer keeps the page; nulls: the whole year).
 */
@ObjectType({
  simpleResolvers: true,
  description:
    'A journal page: a teacher, a subject and a class, subgroup or individual student for a year.',
})
@Entity({ tableName: 'teaching_assignment' })
@Index({ name: 'teaching_assignment_teacher_idx', properties: ['teacher', 'year'] })
@Index({ name: 'teaching_assignment_class_idx', properties: ['schoolClass', 'subject'] })
@Check({
  name: 'teaching_assignment_dates_check',
  expression: 'ends_on is null or starts_on is null or ends_on >= starts_on',
})
@Check({
  name: 'teaching_assignment_audience_check',
  expression: 'subgroup_id is null or individual_student_id is null',
})
export class TeachingAssignment extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => AcademicYear, { deleteRule: 'restrict' })
  year!: AcademicYear;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  teacher!: Person;

  @ManyToOne(() => Subject, { deleteRule: 'restrict' })
  subject!: Subject;

  @ManyToOne(() => SchoolClass, { deleteRule: 'restrict' })
  schoolClass!: SchoolClass;

  /** Set when the page is for one subgroup of the class. */
  @ManyToOne(() => Subgroup, { nullable: true, deleteRule: 'restrict' })
  subgroup?: Subgroup | null;

  /** Set when the page is for one student on an individual curriculum (R-YEAR-2). */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'restrict' })
  individualStudent?: Person | null;

  @Field(() => String, {
    nullable: true,
    description: 'First day the teacher keeps the page; null: from the start of the year.',
  })
  @Property({ type: 'date', nullable: true })
  startsOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First day the teacher no longer keeps it; null: to the end of the year.',
  })
  @Property({ type: 'date', nullable: true })
  endsOn?: string | null;
}
