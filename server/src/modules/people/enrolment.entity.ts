import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { School } from '../school/school.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Person } from './person.entity.js';

export enum AdmissionKind {
  /** Admitted to the school. */
  ADMISSION = 'ADMISSION',
  /** Moved from another class of the school during the year. */
  TRANSFER_IN = 'TRANSFER_IN',
  /** Moved up from last year's class at the start of a year. */
  PROMOTION = 'PROMOTION',
}
registerEnumType(AdmissionKind, {
  name: 'AdmissionKind',
  description: 'How a student came into a class (R-YEAR-5).',
});

export enum DepartureKind {
  /** Moved to another class of the school or to another school. */
  TRANSFER_OUT = 'TRANSFER_OUT',
  /** Left the school. */
  DEPARTURE = 'DEPARTURE',
  /** Finished school. */
  GRADUATION = 'GRADUATION',
  /** Moved up to next year's class at the end of the year. */
  PROMOTION = 'PROMOTION',
}
registerEnumType(DepartureKind, {
  name: 'DepartureKind',
  description: 'How a student left a class (R-YEAR-5).',
});

/**
 * A student's membership of a class: the movement of students (R-ROLE-3, R-YEAR-5). Rows are
 * ended, never deleted, so history and marks stay. The range is half-open: `endsOn` is the first
 * day the student is no longer in the class, so a transfer on day D ends the old row and starts
 * the new one on the same D. An exclusion constraint (constraints migration) refuses overlapping
 * enrolments of one student.
 */
@ObjectType({
  description: "A student's membership of a class from a date, ended (never deleted) on leaving.",
})
@Entity({ tableName: 'enrolment' })
@Index({ name: 'enrolment_class_idx', properties: ['schoolClass', 'startsOn'] })
@Index({ name: 'enrolment_student_idx', properties: ['student'] })
@Check({ name: 'enrolment_dates_check', expression: 'ends_on is null or ends_on >= starts_on' })
// A student is in one class at a time; a null end is unbounded (needs btree_gist: constraints migration).
@Check({
  name: 'enrolment_no_overlap',
  expression: "exclude using gist (student_id with =, daterange(starts_on, ends_on, '[)') with &&)",
})
@Check({
  name: 'enrolment_departure_check',
  expression: '(ends_on is null) = (departure_kind is null)',
})
export class Enrolment extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  student!: Person;

  @ManyToOne(() => SchoolClass, { deleteRule: 'restrict' })
  schoolClass!: SchoolClass;

  @Field(() => String, { description: 'First day in the class (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'First day no longer in the class (YYYY-MM-DD); null while enrolled.',
  })
  @Property({ type: 'date', nullable: true })
  endsOn?: string | null;

  @Field(() => AdmissionKind, { description: 'How the student came into the class.' })
  @Enum({ items: () => AdmissionKind, nativeEnumName: 'admission_kind' })
  admissionKind: AdmissionKind & Opt = AdmissionKind.ADMISSION;

  /** Set together with `endsOn`. */
  @Field(() => DepartureKind, {
    nullable: true,
    description: 'How the student left; null while enrolled.',
  })
  @Enum({ items: () => DepartureKind, nativeEnumName: 'departure_kind', nullable: true })
  departureKind?: DepartureKind | null;

  /** e.g. the number of the order, or where the student went. */
  @Field(() => String, {
    nullable: true,
    description: 'e.g. the number of the order, or where the student went.',
  })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
