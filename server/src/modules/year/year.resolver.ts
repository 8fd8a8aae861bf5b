import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { Person } from '../people/person.entity.js';
import { AcademicYear } from './academic-year.entity.js';
import { assignTeacher, changeTeacher, teachingAssignments } from './assignments.service.js';
import { copyYearStructure } from './copy-year.service.js';
import { CurriculumItem } from './curriculum-item.entity.js';
import { PlannedTopic } from './planned-topic.entity.js';
import { importPlannedTopics, plannedTopics, setPlannedTopics } from './planned-topics.service.js';
import { ReportingPeriod } from './reporting-period.entity.js';
import { SchoolClass } from './school-class.entity.js';
import {
  academicYears,
  closeReportingPeriod,
  createAcademicYear,
  createReportingPeriod,
  createSchoolClass,
  createSubject,
  curriculum,
  reportingPeriods,
  schoolClasses,
  setCurriculum,
  subjects,
  updateReportingPeriod,
  updateSchoolClass,
  workTypes,
} from './structure.service.js';
import { Subject } from './subject.entity.js';
import { subgroupResolvers } from './subgroups.resolver.js';
import { TeachingAssignment } from './teaching-assignment.entity.js';
import { WorkType } from './work-type.entity.js';
import {
  AssignTeacherInput,
  ChangeTeacherInput,
  CloseReportingPeriodInput,
  CopyYearStructureInput,
  CopyYearStructurePayload,
  CreateAcademicYearInput,
  CreateReportingPeriodInput,
  CreateSchoolClassInput,
  CreateSubjectInput,
  ImportPlannedTopicsInput,
  ImportPlannedTopicsPayload,
  SetCurriculumInput,
  SetPlannedTopicsInput,
  UpdateReportingPeriodInput,
  UpdateSchoolClassInput,
} from './year.inputs.js';

/** The year's set-up (issue 4; R-ROLE-2, R-YEAR-1..3): reads for staff, writes for administration. */
@Resolver()
export class YearResolver {
  @Query(() => [AcademicYear], { description: "A school's years, newest first." })
  academicYears(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Ctx() ctx: Context,
  ) {
    return academicYears(ctx.em, requireViewer(ctx), schoolId);
  }

  @Query(() => [ReportingPeriod], { description: 'The reporting periods of a year, by date.' })
  reportingPeriods(
    @Arg('yearId', () => ID, { description: 'The school year.' }) yearId: string,
    @Ctx() ctx: Context,
  ) {
    return reportingPeriods(ctx.em, requireViewer(ctx), yearId);
  }

  @Query(() => [SchoolClass], { description: 'The classes of a year, by grade and letter.' })
  schoolClasses(
    @Arg('yearId', () => ID, { description: 'The school year.' }) yearId: string,
    @Ctx() ctx: Context,
  ) {
    return schoolClasses(ctx.em, requireViewer(ctx), yearId);
  }

  @Query(() => [Subject], { description: "A school's subjects, by name." })
  subjects(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Ctx() ctx: Context,
  ) {
    return subjects(ctx.em, requireViewer(ctx), schoolId);
  }

  @Query(() => [WorkType], { description: "A school's kinds of work with their weights, by name." })
  workTypes(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Ctx() ctx: Context,
  ) {
    return workTypes(ctx.em, requireViewer(ctx), schoolId);
  }

  @Query(() => [CurriculumItem], { description: "A class's curriculum (R-YEAR-3)." })
  curriculum(
    @Arg('schoolClassId', () => ID, { description: 'The class.' }) schoolClassId: string,
    @Ctx() ctx: Context,
  ) {
    return curriculum(ctx.em, requireViewer(ctx), schoolClassId);
  }

  @Query(() => [TeachingAssignment], {
    description: 'The teacher load of a year: who keeps which journal page, and from when.',
  })
  teachingAssignments(
    @Arg('yearId', () => ID, { description: 'The school year.' }) yearId: string,
    @Arg('schoolClassId', () => ID, { nullable: true, description: 'Only this class.' })
    schoolClassId: string | null,
    @Ctx() ctx: Context,
  ) {
    return teachingAssignments(ctx.em, requireViewer(ctx), yearId, schoolClassId ?? null);
  }

  @Query(() => [PlannedTopic], { description: "A journal page's calendar-thematic plan." })
  plannedTopics(
    @Arg('assignmentId', () => ID, { description: 'The journal page.' }) assignmentId: string,
    @Ctx() ctx: Context,
  ) {
    return plannedTopics(ctx.em, requireViewer(ctx), assignmentId);
  }

  @Mutation(() => AcademicYear, { description: 'Opens a school year; years never overlap.' })
  createAcademicYear(
    @Arg('input', () => CreateAcademicYearInput) input: CreateAcademicYearInput,
    @Ctx() ctx: Context,
  ) {
    return createAcademicYear(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => ReportingPeriod, {
    description: 'Adds a reporting period; periods of one kind do not overlap (R-YEAR-1).',
  })
  createReportingPeriod(
    @Arg('input', () => CreateReportingPeriodInput) input: CreateReportingPeriodInput,
    @Ctx() ctx: Context,
  ) {
    return createReportingPeriod(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => ReportingPeriod, {
    description: 'Changes an open period; refused if it would leave recorded lessons outside.',
  })
  updateReportingPeriod(
    @Arg('input', () => UpdateReportingPeriodInput) input: UpdateReportingPeriodInput,
    @Ctx() ctx: Context,
  ) {
    return updateReportingPeriod(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => ReportingPeriod, {
    description: 'Closes a period: period marks become final and no lessons are added to it.',
  })
  closeReportingPeriod(
    @Arg('input', () => CloseReportingPeriodInput) input: CloseReportingPeriodInput,
    @Ctx() ctx: Context,
  ) {
    return closeReportingPeriod(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => SchoolClass, { description: 'Opens a class in a year (R-YEAR-2).' })
  createSchoolClass(
    @Arg('input', () => CreateSchoolClassInput) input: CreateSchoolClassInput,
    @Ctx() ctx: Context,
  ) {
    return createSchoolClass(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => SchoolClass, {
    description: "Changes a class's grade, letter or class teacher.",
  })
  updateSchoolClass(
    @Arg('input', () => UpdateSchoolClassInput) input: UpdateSchoolClassInput,
    @Ctx() ctx: Context,
  ) {
    return updateSchoolClass(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Subject, { description: 'Adds a subject to the school.' })
  createSubject(
    @Arg('input', () => CreateSubjectInput) input: CreateSubjectInput,
    @Ctx() ctx: Context,
  ) {
    return createSubject(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => [CurriculumItem], {
    description: "Replaces a class's curriculum: planned lessons per subject (R-YEAR-3).",
  })
  setCurriculum(
    @Arg('input', () => SetCurriculumInput) input: SetCurriculumInput,
    @Ctx() ctx: Context,
  ) {
    return setCurriculum(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => TeachingAssignment, {
    description: 'Gives a journal page (subject × class or subgroup) to a teacher (R-YEAR-3).',
  })
  assignTeacher(
    @Arg('input', () => AssignTeacherInput) input: AssignTeacherInput,
    @Ctx() ctx: Context,
  ) {
    return assignTeacher(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => TeachingAssignment, {
    description:
      'Another teacher keeps a page from a date: the old row ends, a new one starts; history stays.',
  })
  changeTeacher(
    @Arg('input', () => ChangeTeacherInput) input: ChangeTeacherInput,
    @Ctx() ctx: Context,
  ) {
    return changeTeacher(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => [PlannedTopic], { description: "Replaces a page's calendar-thematic plan." })
  setPlannedTopics(
    @Arg('input', () => SetPlannedTopicsInput) input: SetPlannedTopicsInput,
    @Ctx() ctx: Context,
  ) {
    return setPlannedTopics(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => ImportPlannedTopicsPayload, {
    description:
      "Replaces a page's plan from a CSV/XLSX file: all or nothing; a dry run lists every problem.",
  })
  async importPlannedTopics(
    @Arg('input', () => ImportPlannedTopicsInput) input: ImportPlannedTopicsInput,
    @Ctx() ctx: Context,
  ): Promise<ImportPlannedTopicsPayload> {
    return Object.assign(
      new ImportPlannedTopicsPayload(),
      await importPlannedTopics(ctx.em, requireViewer(ctx), input, ctx.locale),
    );
  }

  @Mutation(() => CopyYearStructurePayload, {
    description:
      'Builds a new year from an old one: periods shifted, classes a grade up, curriculum per grade.',
  })
  async copyYearStructure(
    @Arg('input', () => CopyYearStructureInput) input: CopyYearStructureInput,
    @Ctx() ctx: Context,
  ): Promise<CopyYearStructurePayload> {
    return Object.assign(
      new CopyYearStructurePayload(),
      await copyYearStructure(ctx.em, requireViewer(ctx), input),
    );
  }
}

/**
 * Structurally typed (what the resolvers read): type-graphql copies a root typed as the entity
 * class into a new instance unless it is one, and the journal page passes a plain row.
 */
type SchoolClassRow = Pick<SchoolClass, 'classTeacher' | 'year'>;

@Resolver(() => SchoolClass)
export class SchoolClassRelations {
  @FieldResolver(() => Person, { nullable: true, description: 'The class teacher.' })
  classTeacher(@Root() c: SchoolClassRow, @Ctx() ctx: Context) {
    return ctx.loaders.follow(Person, c.classTeacher);
  }

  @FieldResolver(() => AcademicYear, { description: 'The school year.' })
  year(@Root() c: SchoolClassRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(AcademicYear, c.year);
  }
}

@Resolver(() => CurriculumItem)
export class CurriculumItemRelations {
  @FieldResolver(() => Subject, { description: 'The subject.' })
  subject(@Root() item: CurriculumItem, @Ctx() ctx: Context) {
    return ctx.loaders.require(Subject, item.subject);
  }

  @FieldResolver(() => SchoolClass, { description: 'The class.' })
  schoolClass(@Root() item: CurriculumItem, @Ctx() ctx: Context) {
    return ctx.loaders.require(SchoolClass, item.schoolClass);
  }

  @FieldResolver(() => ReportingPeriod, {
    nullable: true,
    description: 'The period; null: the whole year.',
  })
  period(@Root() item: CurriculumItem, @Ctx() ctx: Context) {
    return ctx.loaders.follow(ReportingPeriod, item.period);
  }
}

export const yearResolvers = [
  YearResolver,
  SchoolClassRelations,
  CurriculumItemRelations,
  ...subgroupResolvers,
] as const;
