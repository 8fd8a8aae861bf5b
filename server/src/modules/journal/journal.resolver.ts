import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { selectedFieldNames } from '../../core/selection.js';
import type { Context } from '../../core/context.js';
import { requireViewer } from '../../auth/viewer.js';
import { isoDateInput } from './text-inputs.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { School } from '../school/school.entity.js';
import { PlannedTopic } from '../year/planned-topic.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Subgroup } from '../year/subgroup.entity.js';
import { Subject } from '../year/subject.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { todayIn } from './audience.js';
import { Attendance } from './attendance.entity.js';
import { Homework } from './homework.entity.js';
import { myJournalPages, readJournalPage } from './journal-page.service.js';
import { JournalPage } from './journal-page.types.js';
import { Lesson } from './lesson.entity.js';
import { Mark } from './mark.entity.js';
import { SetMarksInput, SetMarksPayload } from './marks.inputs.js';
import { setMarks } from './marks.service.js';
import {
  LessonEventKind,
  publishJournalEvents,
  publishLessonChange,
  withAttendanceDetails,
} from './journal.events.js';
import { JournalEventRelations, JournalLiveResolver } from './journal-live.resolver.js';
import { ClassDashboardResolver, LessonChangeRelations } from './class-dashboard.js';
import {
  CorrectAttendanceInput,
  CorrectAttendancePayload,
  SetAttendanceInput,
  SetAttendancePayload,
} from './attendance.inputs.js';
import { correctAttendance, setAttendance } from './attendance.service.js';
import { CancelLessonInput, CreateLessonInput, UpdateLessonInput } from './lessons.inputs.js';
import { cancelLesson, createLesson, updateLesson } from './lessons.service.js';
import { SetPeriodMarksInput, SetPeriodMarksPayload } from './period-marks.inputs.js';
import { setPeriodMarks } from './period-marks.service.js';
import { AssignSubstituteInput, SubstitutionPayload } from './substitution.inputs.js';
import { assignSubstitute } from './substitution.service.js';
import { PeriodMark } from './period-mark.entity.js';

@Resolver()
export class JournalResolver {
  @Query(() => [TeachingAssignment], {
    description: 'The journal pages the signed-in teacher keeps in the current school year.',
  })
  async myJournalPages(
    @Arg('on', () => String, {
      nullable: true,
      description: 'Date (YYYY-MM-DD) whose school year to list; default today.',
    })
    on: string | null | undefined, // left out: undefined; explicit null: null; both mean today
    @Ctx() ctx: Context,
  ): Promise<TeachingAssignment[]> {
    const viewer = requireViewer(ctx);
    // "Today" on the clock of the (first) school the viewer teaches at.
    const timeZone = viewer.roles.find((r) => r.role === Role.TEACHER)?.school.timeZone;
    const date = on ? isoDateInput(on, 'on') : todayIn(timeZone ?? 'Europe/Moscow');
    return myJournalPages(ctx.em, viewer, date);
  }

  @Query(() => JournalPage, {
    description:
      'A journal page for one reporting period. NOT_FOUND when the page is out of your reach.',
  })
  journalPage(
    @Arg('assignmentId', () => ID, { description: 'The teaching assignment (the page).' })
    assignmentId: string,
    @Arg('periodId', () => ID, { description: 'The reporting period.' }) periodId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<JournalPage> {
    return readJournalPage(
      ctx.em,
      ctx.loaders,
      requireViewer(ctx),
      assignmentId,
      periodId,
      selectedFieldNames(info),
    );
  }

  @Mutation(() => SetMarksPayload, {
    description:
      'Sets, changes (with a reason) and removes marks of one lesson in one transaction (R-JRN-3).',
  })
  async setMarks(
    @Arg('input', () => SetMarksInput) input: SetMarksInput,
    @Ctx() ctx: Context,
  ): Promise<SetMarksPayload> {
    const { events, ...result } = await setMarks(ctx.em, requireViewer(ctx), input);
    publishJournalEvents(ctx.bus, events);
    return Object.assign(new SetMarksPayload(), {
      clientMutationId: input.clientMutationId ?? null,
      ...result,
    });
  }

  @Mutation(() => Lesson, { description: 'Records a lesson on a journal page you keep (R-JRN-1).' })
  async createLesson(
    @Arg('input', () => CreateLessonInput) input: CreateLessonInput,
    @Ctx() ctx: Context,
  ): Promise<Lesson> {
    const viewer = requireViewer(ctx);
    const lesson = await createLesson(ctx.em, viewer, input);
    await publishLessonChange(
      ctx.em.fork(),
      ctx.bus,
      LessonEventKind.LESSON_CREATED,
      lesson.id,
      viewer.personId,
    );
    return lesson;
  }

  @Mutation(() => Lesson, { description: "Edits a lesson's topic, work type and homework." })
  async updateLesson(
    @Arg('input', () => UpdateLessonInput) input: UpdateLessonInput,
    @Ctx() ctx: Context,
  ): Promise<Lesson> {
    const viewer = requireViewer(ctx);
    const lesson = await updateLesson(ctx.em, viewer, input);
    await publishLessonChange(
      ctx.em.fork(),
      ctx.bus,
      LessonEventKind.LESSON_UPDATED,
      lesson.id,
      viewer.personId,
    );
    return lesson;
  }

  @Mutation(() => Lesson, { description: 'Marks a lesson as not held, with a reason.' })
  async cancelLesson(
    @Arg('input', () => CancelLessonInput) input: CancelLessonInput,
    @Ctx() ctx: Context,
  ): Promise<Lesson> {
    const viewer = requireViewer(ctx);
    const lesson = await cancelLesson(ctx.em, viewer, input);
    await publishLessonChange(
      ctx.em.fork(),
      ctx.bus,
      LessonEventKind.LESSON_CANCELLED,
      lesson.id,
      viewer.personId,
    );
    return lesson;
  }

  @Mutation(() => SetPeriodMarksPayload, {
    description:
      'Sets period marks of a page; warns (does not refuse) on too few current marks (R-JRN-5).',
  })
  async setPeriodMarks(
    @Arg('input', () => SetPeriodMarksInput) input: SetPeriodMarksInput,
    @Ctx() ctx: Context,
  ): Promise<SetPeriodMarksPayload> {
    const result = await setPeriodMarks(ctx.em, requireViewer(ctx), input);
    return Object.assign(new SetPeriodMarksPayload(), {
      clientMutationId: input.clientMutationId ?? null,
      ...result,
    });
  }

  @Mutation(() => SubstitutionPayload, {
    description:
      "Gives a page's lessons of some days to a substitute teacher; published as timetable changes (R-ROLE-5).",
  })
  async assignSubstitute(
    @Arg('input', () => AssignSubstituteInput) input: AssignSubstituteInput,
    @Ctx() ctx: Context,
  ): Promise<SubstitutionPayload> {
    return Object.assign(
      new SubstitutionPayload(),
      await assignSubstitute(ctx.em, requireViewer(ctx), input),
    );
  }

  @Mutation(() => SetAttendancePayload, {
    description: 'Records absences and lateness of many students at one lesson (R-JRN-2).',
  })
  async setAttendance(
    @Arg('input', () => SetAttendanceInput) input: SetAttendanceInput,
    @Ctx() ctx: Context,
  ): Promise<SetAttendancePayload> {
    const { events, ...result } = await setAttendance(ctx.em, requireViewer(ctx), input);
    publishJournalEvents(ctx.bus, withAttendanceDetails(events, result.attendance));
    return Object.assign(new SetAttendancePayload(), {
      clientMutationId: input.clientMutationId ?? null,
      ...result,
    });
  }

  @Mutation(() => CorrectAttendancePayload, {
    description:
      "The class teacher's correction of a student's absence record, with a reason (R-JRN-2).",
  })
  async correctAttendance(
    @Arg('input', () => CorrectAttendanceInput) input: CorrectAttendanceInput,
    @Ctx() ctx: Context,
  ): Promise<CorrectAttendancePayload> {
    const { events, ...result } = await correctAttendance(ctx.em, requireViewer(ctx), input);
    publishJournalEvents(ctx.bus, withAttendanceDetails(events, [result.attendance]));
    return Object.assign(new CorrectAttendancePayload(), result);
  }
}

// Relations are followed through the per-operation loaders: one query per entity type per page.

/** A structural root (see LessonRow below): the journal page passes its head as a plain row. */
type AssignmentRow = Pick<
  TeachingAssignment,
  'teacher' | 'subject' | 'schoolClass' | 'subgroup' | 'individualStudent' | 'school'
>;

@Resolver(() => TeachingAssignment)
export class TeachingAssignmentRelations {
  @FieldResolver(() => Person, { description: 'The teacher who keeps the page.' })
  teacher(@Root() a: AssignmentRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, a.teacher);
  }

  @FieldResolver(() => Subject, { description: 'The subject.' })
  subject(@Root() a: AssignmentRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(Subject, a.subject);
  }

  @FieldResolver(() => SchoolClass, { description: 'The class.' })
  schoolClass(@Root() a: AssignmentRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(SchoolClass, a.schoolClass);
  }

  @FieldResolver(() => Subgroup, {
    nullable: true,
    description: 'The subgroup, for a split class.',
  })
  subgroup(@Root() a: AssignmentRow, @Ctx() ctx: Context) {
    return ctx.loaders.follow(Subgroup, a.subgroup);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The student, for an individual curriculum.',
  })
  individualStudent(@Root() a: AssignmentRow, @Ctx() ctx: Context) {
    return ctx.loaders.follow(Person, a.individualStudent);
  }

  @FieldResolver(() => School, { description: 'The school.' })
  school(@Root() a: AssignmentRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(School, a.school);
  }
}

/**
 * The roots below are typed structurally (what each resolver reads), not as the entity classes:
 * type-graphql converts a root to its declared class on every call (`new Mark()` and a copy of
 * every property) unless it already is one, and the journal page passes plain rows
 * (journal-page.service.ts) — three such copies per mark cost more than the ORM hydration they
 * replaced (issue 9 profile).
 */
type LessonRow = Pick<
  Lesson,
  'id' | 'assignment' | 'conductingTeacher' | 'workType' | 'plannedTopic'
>;
type MarkRow = Pick<Mark, 'student' | 'lesson' | 'workType'>;
type AttendanceRow = Pick<Attendance, 'student' | 'lesson'>;
type PeriodMarkRow = Pick<PeriodMark, 'student'>;

@Resolver(() => Lesson)
export class LessonRelations {
  // The class teacher's dashboard names each lesson's subject from the class's pages (issue 6).
  @FieldResolver(() => ID, { description: 'The journal page (teaching assignment) it belongs to.' })
  assignmentId(@Root() l: LessonRow): string {
    return l.assignment.id;
  }

  @FieldResolver(() => Person, { description: 'Who conducts it: the teacher or a substitute.' })
  conductingTeacher(@Root() l: LessonRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, l.conductingTeacher);
  }

  @FieldResolver(() => WorkType, { nullable: true, description: 'The kind of work.' })
  workType(@Root() l: LessonRow, @Ctx() ctx: Context) {
    return ctx.loaders.follow(WorkType, l.workType);
  }

  @FieldResolver(() => PlannedTopic, {
    nullable: true,
    description: 'The line of the calendar-thematic plan it covers.',
  })
  plannedTopic(@Root() l: LessonRow, @Ctx() ctx: Context) {
    return ctx.loaders.follow(PlannedTopic, l.plannedTopic);
  }

  @FieldResolver(() => [Homework], { description: 'Homework set at the lesson.' })
  homework(@Root() l: LessonRow, @Ctx() ctx: Context) {
    return ctx.loaders.children(Homework, 'lesson', l.id);
  }
}

@Resolver(() => Mark)
export class MarkRelations {
  @FieldResolver(() => ID, { description: 'The student.' })
  studentId(@Root() m: MarkRow): string {
    return m.student.id;
  }

  @FieldResolver(() => ID, { description: 'The lesson.' })
  lessonId(@Root() m: MarkRow): string {
    return m.lesson.id;
  }

  // Readers of a mark already read its lesson (the page, the diary); the dashboard needs its
  // subject and number (issue 6).
  @FieldResolver(() => Lesson, { description: 'The lesson it was given at.' })
  lesson(@Root() m: MarkRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(Lesson, m.lesson);
  }

  @FieldResolver(() => Person, { description: 'The student.' })
  student(@Root() m: MarkRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, m.student);
  }

  @FieldResolver(() => WorkType, { nullable: true, description: 'The kind of work.' })
  workType(@Root() m: MarkRow, @Ctx() ctx: Context) {
    return ctx.loaders.follow(WorkType, m.workType);
  }
}

@Resolver(() => Attendance)
export class AttendanceRelations {
  @FieldResolver(() => ID, { description: 'The student.' })
  studentId(@Root() a: AttendanceRow): string {
    return a.student.id;
  }

  @FieldResolver(() => ID, { description: 'The lesson.' })
  lessonId(@Root() a: AttendanceRow): string {
    return a.lesson.id;
  }

  @FieldResolver(() => Lesson, { description: 'The lesson it was recorded at.' })
  lesson(@Root() a: AttendanceRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(Lesson, a.lesson);
  }

  @FieldResolver(() => Person, { description: 'The student.' })
  student(@Root() a: AttendanceRow, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, a.student);
  }
}

@Resolver(() => PeriodMark)
export class PeriodMarkRelations {
  @FieldResolver(() => ID, { description: 'The student.' })
  studentId(@Root() m: PeriodMarkRow): string {
    return m.student.id;
  }
}

export const journalResolvers = [
  JournalResolver,
  JournalLiveResolver,
  JournalEventRelations,
  ClassDashboardResolver,
  LessonChangeRelations,
  TeachingAssignmentRelations,
  LessonRelations,
  MarkRelations,
  AttendanceRelations,
  PeriodMarkRelations,
] as const;
