import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { Person } from '../people/person.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import { readDiaryPeriod } from './diary-period.service.js';
import { readDiaryWeek } from './diary-week.service.js';
import { diaryPeriods, myStudents } from './diary.service.js';
import { DiaryPeriod, DiaryWeek } from './diary.types.js';

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

export const diaryResolvers = [DiaryResolver] as const;
