import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ImportFormat, ImportProblem } from '../../core/table-file.js';
import { AcademicYear } from './academic-year.entity.js';
import { PlannedTopic } from './planned-topic.entity.js';
import { PeriodKind, ReportingPeriod } from './reporting-period.entity.js';
import { SchoolClass } from './school-class.entity.js';

export { ImportFormat, ImportProblem } from '../../core/table-file.js';

@InputType({ description: 'A new school year of a school (R-YEAR-1).' })
export class CreateAcademicYearInput {
  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field(() => String, { description: 'e.g. 2026/2027; unique in the school.' })
  name!: string;

  @Field(() => String, { description: 'First day (YYYY-MM-DD).' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD), inclusive.' })
  endsOn!: string;
}

@InputType({ description: 'A quarter, trimester, half-year or the year, for some grade levels.' })
export class CreateReportingPeriodInput {
  @Field(() => ID, { description: 'The school year.' })
  yearId!: string;

  @Field(() => PeriodKind, { description: 'Quarter, trimester, half-year or year.' })
  kind!: PeriodKind;

  @Field(() => Int, { description: 'Number within the year and kind, from 1.' })
  number!: number;

  @Field(() => String, { description: 'e.g. 1 четверть.' })
  name!: string;

  @Field(() => String, { description: 'First day (YYYY-MM-DD), inside the year.' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD), inclusive, inside the year.' })
  endsOn!: string;

  @Field(() => [Int], {
    description: 'Grade levels (1..12) using it; a grade uses one kind of division per year.',
  })
  gradeLevels!: number[];
}

@InputType({ description: 'Changes to an open reporting period; absent fields stay as they are.' })
export class UpdateReportingPeriodInput {
  @Field(() => ID, { description: 'The period.' })
  periodId!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New first day (YYYY-MM-DD).' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'New last day (YYYY-MM-DD), inclusive.' })
  endsOn?: string | null;

  @Field(() => [Int], { nullable: true, description: 'New grade levels.' })
  gradeLevels?: number[] | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail).' })
  reason?: string | null;
}

@InputType({ description: 'Closes a period: its period marks become final.' })
export class CloseReportingPeriodInput {
  @Field(() => ID, { description: 'The period.' })
  periodId!: string;

  @Field(() => String, { nullable: true, description: 'Why or on whose order (audit trail).' })
  reason?: string | null;
}

@InputType({ description: 'A class of a school year, e.g. 5А (R-YEAR-2).' })
export class CreateSchoolClassInput {
  @Field(() => ID, { description: 'The school year.' })
  yearId!: string;

  @Field(() => Int, { description: 'Grade level, 1 to 12.' })
  gradeLevel!: number;

  @Field(() => String, { description: 'Letter, e.g. А; empty for a single class of the grade.' })
  letter!: string;

  @Field(() => ID, { nullable: true, description: 'The class teacher: a teacher of the school.' })
  classTeacherId?: string | null;
}

@InputType({ description: 'Changes to a class; absent fields stay as they are.' })
export class UpdateSchoolClassInput {
  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => Int, { nullable: true, description: 'New grade level.' })
  gradeLevel?: number | null;

  @Field(() => String, { nullable: true, description: 'New letter.' })
  letter?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'New class teacher; an explicit null removes the class teacher.',
  })
  classTeacherId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail).' })
  reason?: string | null;
}

@InputType({ description: 'A subject of the school (R-YEAR-3).' })
export class CreateSubjectInput {
  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field(() => String, { description: 'Full name, unique in the school.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name; default: the name.' })
  shortName?: string | null;
}

@InputType({ description: 'Planned lessons of one subject, for the year or one period.' })
export class CurriculumItemInput {
  @Field(() => ID, { description: 'The subject.' })
  subjectId!: string;

  @Field(() => ID, { nullable: true, description: 'A period of the year; null: the whole year.' })
  periodId?: string | null;

  @Field(() => Int, { description: 'Lessons planned.' })
  plannedLessons!: number;
}

@InputType({ description: "A class's whole curriculum: rows not listed are removed." })
export class SetCurriculumInput {
  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => [CurriculumItemInput], { description: 'Every row of the class curriculum.' })
  items!: CurriculumItemInput[];
}

@InputType({ description: 'Gives a journal page to a teacher: subject × class or subgroup.' })
export class AssignTeacherInput {
  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => ID, { description: 'The subject.' })
  subjectId!: string;

  @Field(() => ID, { description: 'The teacher: a teacher of the school.' })
  teacherId!: string;

  @Field(() => ID, { nullable: true, description: 'A subgroup of the class for this subject.' })
  subgroupId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First day (YYYY-MM-DD) the teacher keeps the page; null: the whole year.',
  })
  startsOn?: string | null;
}

@InputType({ description: 'Another teacher keeps a journal page from a date.' })
export class ChangeTeacherInput {
  @Field(() => ID, { description: 'The teaching assignment to end.' })
  assignmentId!: string;

  @Field(() => ID, { description: 'The new teacher.' })
  teacherId!: string;

  @Field(() => String, { description: 'First day (YYYY-MM-DD) the new teacher keeps the page.' })
  from!: string;

  @Field(() => String, { description: 'Why (kept in the audit trail).' })
  reason!: string;
}

@InputType({ description: 'A line of the calendar-thematic plan.' })
export class PlannedTopicInput {
  @Field(() => String, { description: 'Topic.' })
  title!: string;

  @Field(() => Int, { nullable: true, description: 'Lessons planned for it; default 1.' })
  plannedHours?: number | null;
}

@InputType({ description: "A page's whole calendar-thematic plan, in order." })
export class SetPlannedTopicsInput {
  @Field(() => ID, { description: 'The journal page (teaching assignment).' })
  assignmentId!: string;

  @Field(() => [PlannedTopicInput], { description: 'The lines, in the order taught.' })
  topics!: PlannedTopicInput[];
}

@InputType({
  description:
    'A calendar-thematic plan file: a header row with a topic column (Тема / Topic), optionally № and hours (Часы / Hours).',
})
export class ImportPlannedTopicsInput {
  @Field(() => ID, { description: 'The journal page (teaching assignment).' })
  assignmentId!: string;

  @Field(() => String, { description: 'The file, base64-encoded.' })
  fileBase64!: string;

  @Field(() => ImportFormat, { description: 'CSV (comma, semicolon or tab) or XLSX.' })
  format!: ImportFormat;

  @Field(() => Boolean, { description: 'Check only: report every problem, write nothing.' })
  dryRun!: boolean;
}

@ObjectType({ description: 'A line as read from the file.' })
export class PlannedTopicRow {
  @Field(() => Int, { description: 'Order in the plan, from 1.' })
  position!: number;

  @Field(() => String, { description: 'Topic.' })
  title!: string;

  @Field(() => Int, { description: 'Lessons planned for it.' })
  plannedHours!: number;
}

@ObjectType({ description: 'The outcome of importing a calendar-thematic plan.' })
export class ImportPlannedTopicsPayload {
  @Field(() => Boolean, { description: 'True when nothing was written on purpose.' })
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'True when the plan was replaced by the file.' })
  written!: boolean;

  @Field(() => [ImportProblem], {
    description: 'Every problem found; empty when the file is good.',
  })
  problems!: ImportProblem[];

  @Field(() => [PlannedTopicRow], { description: 'The lines read from the file.' })
  rows!: PlannedTopicRow[];

  @Field(() => [PlannedTopic], { description: 'The plan now stored (after a real run).' })
  topics!: PlannedTopic[];
}

@InputType({ description: "A new school year built from last year's structure." })
export class CopyYearStructureInput {
  @Field(() => ID, { description: 'The year to copy.' })
  fromYearId!: string;

  @Field(() => String, { description: 'Name of the new year, e.g. 2027/2028.' })
  name!: string;

  @Field(() => String, { description: 'First day of the new year (YYYY-MM-DD).' })
  startsOn!: string;

  @Field(() => String, { description: 'Last day of the new year (YYYY-MM-DD), inclusive.' })
  endsOn!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The last grade level of the school, whose classes graduate; default 11.',
  })
  lastGrade?: number | null;
}

@ObjectType({ description: 'What copying a year created.' })
export class CopyYearStructurePayload {
  @Field(() => AcademicYear, { description: 'The new year.' })
  year!: AcademicYear;

  @Field(() => [ReportingPeriod], { description: 'Its periods, shifted to the new dates.' })
  reportingPeriods!: ReportingPeriod[];

  @Field(() => [SchoolClass], { description: 'Its classes, one grade up.' })
  schoolClasses!: SchoolClass[];

  @Field(() => [SchoolClass], { description: 'Classes of the old year that graduated.' })
  graduatedClasses!: SchoolClass[];

  @Field(() => Int, { description: 'Curriculum rows carried over.' })
  curriculumItemCount!: number;
}
