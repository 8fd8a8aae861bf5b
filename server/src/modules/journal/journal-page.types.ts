import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageAccess } from '../../auth/access.js';
import { Person } from '../people/person.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { Attendance } from './attendance.entity.js';
import { Lesson } from './lesson.entity.js';
import { Mark } from './mark.entity.js';
import { PeriodMark } from './period-mark.entity.js';

registerEnumType(PageAccess, {
  name: 'PageAccess',
  description: 'Whether the viewer keeps a journal page or only reads it.',
});

@ObjectType({
  simpleResolvers: true,
  description: 'A row of a journal page: a student enrolled during the period.',
})
export class JournalStudent {
  @Field(() => Person, { description: 'The student.' })
  student!: Person;

  @Field(() => String, {
    description: 'First day on this page within the period (YYYY-MM-DD): later for a newcomer.',
  })
  enrolledFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'First day no longer on this page (YYYY-MM-DD), when the student left.',
  })
  leftOn!: string | null;

  @Field(() => Int, { description: 'Current marks in the period.' })
  markCount!: number;

  @Field(() => Float, { nullable: true, description: 'Plain mean of the current marks.' })
  average!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean weighted by work type (R-JRN-5).',
  })
  weightedAverage!: number | null;

  @Field(() => Boolean, {
    description:
      "Whether the student has the school's minimum of current marks for a justified period mark.",
  })
  enoughMarksForPeriodMark!: boolean;

  @Field(() => PeriodMark, { nullable: true, description: 'The period mark, once set.' })
  periodMark!: PeriodMark | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'One journal page for one reporting period: students, lessons in date order, the grid of marks and attendance, and period marks (R-JRN-1..5).',
})
export class JournalPage {
  @Field(() => TeachingAssignment, { description: 'The page.' })
  assignment!: TeachingAssignment;

  @Field(() => ReportingPeriod, { description: 'The period shown.' })
  period!: ReportingPeriod;

  @Field(() => PageAccess, { description: 'Whether the viewer keeps the page or only reads it.' })
  access!: PageAccess;

  @Field(() => Int, { description: "The school's minimum of current marks for a period mark." })
  minMarksForPeriodMark!: number;

  @Field(() => [JournalStudent], { description: 'Students by name.' })
  students!: JournalStudent[];

  @Field(() => [Lesson], { description: 'Lessons in the period by date and lesson number.' })
  lessons!: Lesson[];

  @Field(() => [Mark], { description: 'Every current mark of the page in the period.' })
  marks!: Mark[];

  @Field(() => [Attendance], { description: 'Every absence and lateness in the period.' })
  attendance!: Attendance[];
}
