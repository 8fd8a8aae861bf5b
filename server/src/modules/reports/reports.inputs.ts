import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description: 'Which period (a YEAR period gives the year) and, optionally, one class.',
})
export class PerformanceReportInput {
  @Field(() => ID, { description: 'The reporting period; a YEAR period reports the year marks.' })
  periodId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only this class; default every class in reach.',
  })
  schoolClassId?: string | null;
}

@InputType({ description: 'A date range and, optionally, one class or one school.' })
export class AttendanceReportInput {
  @Field(() => String, { description: 'First day (YYYY-MM-DD), inclusive.' })
  from!: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD), inclusive; not before `from`.' })
  to!: string;

  @Field(() => ID, { nullable: true, description: 'Only this class.' })
  schoolClassId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The school, when you work at several and give no class.',
  })
  schoolId?: string | null;
}

@InputType({ description: 'The class (a class belongs to one academic year).' })
export class SummarySheetInput {
  @Field(() => ID, { description: 'The class whose summary sheet to build.' })
  schoolClassId!: string;
}

@InputType({ description: "A student's average on one journal page for one period." })
export class ExplainAverageInput {
  @Field(() => ID, { description: 'The student.' })
  studentId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The journal page (teaching assignment); or give subjectId instead.',
  })
  assignmentId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The subject, instead of the page: the student's page of that subject in the period (the diary and the summary sheet know subjects, not pages).",
  })
  subjectId?: string | null;

  @Field(() => ID, { description: 'The reporting period.' })
  periodId!: string;
}
