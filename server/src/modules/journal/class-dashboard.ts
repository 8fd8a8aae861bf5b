import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ADMINISTRATION, requireViewer, type Viewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Role } from '../people/role-assignment.entity.js';
import { School } from '../school/school.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Attendance } from './attendance.entity.js';
import { todayIn } from './audience.js';
import { scaleRange } from './grading.js';
import { Lesson, LessonStatus } from './lesson.entity.js';
import { Mark } from './mark.entity.js';
import { isoDateInput } from './text-inputs.js';

@ObjectType({
  description:
    "The class teacher's day at a glance; `classJournalChanged` events keep it current without a refetch.",
})
export class ClassDashboard {
  @Field(() => String, { description: 'The day (YYYY-MM-DD).' })
  date!: string;

  @Field(() => [Attendance], { description: 'Absences and lates of the day.' })
  absences!: Attendance[];

  @Field(() => [Mark], { description: 'Marks given at the day’s lessons.' })
  marks!: Mark[];

  @Field(() => [Mark], { description: 'The lowest marks of the day (2 and below on five points).' })
  lowMarks!: Mark[];

  @Field(() => [Lesson], { description: 'Lessons of the day still without a topic or homework.' })
  lessonsMissingRecords!: Lesson[];

  @Field(() => Int, { description: 'Unread messages from parents to you.' })
  unreadFromParents!: number;
}

async function dashboard(
  em: EntityManager,
  viewer: Viewer,
  schoolClassId: string,
  dateInput: string | null,
): Promise<ClassDashboard> {
  const schoolClass = await em.findOne(SchoolClass, schoolClassId);
  const leads =
    schoolClass?.classTeacher?.id === viewer.personId &&
    viewer.hasRole(schoolClass.school.id, Role.TEACHER);
  if (!schoolClass || !(leads || viewer.hasRole(schoolClass.school.id, ...ADMINISTRATION))) {
    throw notFound('schoolClassId');
  }
  const school = await em.findOneOrFail(School, schoolClass.school.id);
  const date = dateInput ? isoDateInput(dateInput, 'date') : todayIn(school.timeZone);
  const lessons = await em.find(
    Lesson,
    { assignment: { schoolClass }, date },
    { orderBy: { lessonNumber: 'asc' }, populate: ['assignment'] },
  );
  const ids = lessons.map((l) => l.id);
  const [absences, marks, homework, unread] = await Promise.all([
    em.find(Attendance, { lesson: { $in: ids } }, { orderBy: { createdAt: 'asc' } }),
    em.find(Mark, { lesson: { $in: ids } }, { orderBy: { createdAt: 'asc' } }),
    em
      .getConnection()
      .execute<{ lesson_id: string }[]>(
        `select distinct lesson_id from homework where lesson_id = any(?::uuid[])`,
        [`{${ids.join(',')}}`],
      ),
    em.getConnection().execute<{ n: string }[]>(
      `select count(*) as n from message m
         join thread_participant p on p.thread_id = m.thread_id and p.person_id = ?
        where m.author_id <> ? and m.sent_at > coalesce(p.last_read_at, '-infinity')
          and exists (select 1 from role_assignment r where r.person_id = m.author_id
                       and r.school_id = ? and r.role = 'PARENT')`,
      [viewer.personId, viewer.personId, school.id],
    ),
  ]);
  const withHomework = new Set(homework.map((h) => h.lesson_id));
  // "Low" is the bottom fifth of the scale: 2 and below on five points, 2 on ten, 20% on percent.
  const { max } = scaleRange(school.gradingScale);
  const low = Math.max(2, Math.floor(max / 5));
  return {
    date,
    absences,
    marks,
    lowMarks: marks.filter((m) => m.numericValue <= low),
    lessonsMissingRecords: lessons.filter(
      (l) => l.status !== LessonStatus.CANCELLED && (!l.topic || !withHomework.has(l.id)),
    ),
    unreadFromParents: Number(unread[0]?.n ?? 0),
  };
}

@Resolver()
export class ClassDashboardResolver {
  @Query(() => ClassDashboard, {
    description: "A class's day for its class teacher and the administration.",
  })
  classDashboard(
    @Arg('schoolClassId', () => ID, { description: 'The class.' }) schoolClassId: string,
    @Arg('date', () => String, { nullable: true, description: 'The day; default today.' })
    date: string | null,
    @Ctx() ctx: Context,
  ): Promise<ClassDashboard> {
    return dashboard(ctx.em, requireViewer(ctx), requireId(schoolClassId, 'schoolClassId'), date);
  }
}
