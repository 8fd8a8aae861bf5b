import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { Homework } from '../journal/homework.entity.js';
import { ClassAnnouncement, diaryAnnouncements } from '../messages/announcements.js';
import { Person } from '../people/person.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Subject } from '../year/subject.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { readDiaryPeriod } from './diary-period.service.js';
import { readDiaryWeek } from './diary-week.service.js';
import { diaryPeriods, myStudents } from './diary.service.js';
import { DiaryDay, DiaryLesson, DiaryMark, DiaryPeriod, DiaryWeek } from './diary.types.js';

const STUDENT_ID = { description: 'The student whose diary to read.' };

@Resolver()
export class DiaryResolver {
  @Query(() => [Person], {
    description:
      'The students whose diaries are yours: yourself as a student, your children as a parent; empty for anyone else.',
  })
  myStudents(@Ctx() ctx: Context): Promise<Person[]> {
    return myStudents(ctx.em, requireViewer(ctx));
  }

  @Query(() => DiaryWeek, {
    description:
      "A week (Monday to Sunday) of a student's diary: timetable with its changes, lessons, homework, the student's own marks and absences. NOT_FOUND when the student is out of your reach.",
  })
  diaryWeek(
    @Arg('studentId', () => ID, STUDENT_ID) studentId: string,
    @Arg('weekOf', () => String, { description: 'Any date (YYYY-MM-DD) of the week.' })
    weekOf: string,
    @Ctx() ctx: Context,
  ): Promise<DiaryWeek> {
    return readDiaryWeek(ctx.em, requireViewer(ctx), studentId, weekOf);
  }

  @Query(() => [ReportingPeriod], {
    description:
      "The reporting periods of a student's study, to pick one for diaryPeriod. NOT_FOUND when the student is out of your reach.",
  })
  diaryPeriods(
    @Arg('studentId', () => ID, STUDENT_ID) studentId: string,
    @Ctx() ctx: Context,
  ): Promise<ReportingPeriod[]> {
    return diaryPeriods(ctx.em, requireViewer(ctx), studentId);
  }

  @Query(() => DiaryPeriod, {
    description:
      "A student's marks by subject for a reporting period, with averages, period and year marks. NOT_FOUND when the student or the period is out of your reach.",
  })
  diaryPeriod(
    @Arg('studentId', () => ID, STUDENT_ID) studentId: string,
    @Arg('periodId', () => ID, { description: 'The reporting period.' }) periodId: string,
    @Ctx() ctx: Context,
  ): Promise<DiaryPeriod> {
    return readDiaryPeriod(ctx.em, requireViewer(ctx), studentId, periodId);
  }
}

// Relations through the per-operation loaders: one query per entity type per response.

@Resolver(() => DiaryWeek)
export class DiaryWeekRelations {
  @FieldResolver(() => Person, { description: 'The student.' })
  student(@Root() w: DiaryWeek, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, { id: w.studentId });
  }

  @FieldResolver(() => [ClassAnnouncement], {
    description:
      "Announcements published this week to the student's classes, newest first: a student sees those for students, a parent those for parents (R-MSG-2).",
  })
  announcements(@Root() w: DiaryWeek, @Ctx() ctx: Context): Promise<ClassAnnouncement[]> {
    const classIds = [
      ...new Set(w.days.map((d) => d.schoolClassId).filter((id): id is string => id !== null)),
    ];
    return diaryAnnouncements(
      ctx.em,
      requireViewer(ctx),
      w.studentId,
      classIds,
      w.startsOn,
      w.endsOn,
    );
  }
}

@Resolver(() => DiaryPeriod)
export class DiaryPeriodRelations {
  @FieldResolver(() => Person, { description: 'The student.' })
  student(@Root() p: DiaryPeriod, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, { id: p.studentId });
  }
}

@Resolver(() => DiaryDay)
export class DiaryDayRelations {
  @FieldResolver(() => SchoolClass, {
    nullable: true,
    description: 'The class the student was in that day; null when not enrolled.',
  })
  schoolClass(@Root() d: DiaryDay, @Ctx() ctx: Context) {
    return d.schoolClassId ? ctx.loaders.load(SchoolClass, d.schoolClassId) : null;
  }
}

@Resolver(() => DiaryLesson)
export class DiaryLessonRelations {
  @FieldResolver(() => Subject, { description: 'The subject.' })
  subject(@Root() l: DiaryLesson, @Ctx() ctx: Context) {
    return ctx.loaders.require(Subject, { id: l.subjectId });
  }

  @FieldResolver(() => Person, { description: 'Who teaches it: the teacher or a substitute.' })
  teacher(@Root() l: DiaryLesson, @Ctx() ctx: Context) {
    return ctx.loaders.require(Person, { id: l.teacherId });
  }

  @FieldResolver(() => WorkType, { nullable: true, description: 'The kind of work.' })
  workType(@Root() l: DiaryLesson, @Ctx() ctx: Context) {
    return l.workTypeId ? ctx.loaders.load(WorkType, l.workTypeId) : null;
  }

  @FieldResolver(() => [Homework], { description: 'Homework set at the lesson.' })
  homework(@Root() l: DiaryLesson, @Ctx() ctx: Context) {
    return l.lessonId ? ctx.loaders.children(Homework, 'lesson', l.lessonId) : [];
  }
}

@Resolver(() => DiaryMark)
export class DiaryMarkRelations {
  @FieldResolver(() => WorkType, {
    nullable: true,
    description: "The kind of work: the mark's own, or the lesson's.",
  })
  workType(@Root() m: DiaryMark, @Ctx() ctx: Context) {
    return m.workTypeId ? ctx.loaders.load(WorkType, m.workTypeId) : null;
  }
}

export const diaryResolvers = [
  DiaryResolver,
  DiaryWeekRelations,
  DiaryPeriodRelations,
  DiaryDayRelations,
  DiaryLessonRelations,
  DiaryMarkRelations,
] as const;
