import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { LiveAccess } from '../../auth/access.js';
import { ADMINISTRATION, requireViewer, type Viewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { liveFilter } from '../../core/live.js';
import { busRoute, type Wanted } from '../../core/pubsub.js';
import type { GradingScale } from '../school/school.entity.js';
import { MESSAGE_SENT, THREAD_READ } from '../messages/messages.events.js';
import { MessageReceived } from '../messages/messages.types.js';
import { Role } from '../people/role-assignment.entity.js';
import { School } from '../school/school.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { Subject } from '../year/subject.entity.js';
import { Attendance } from './attendance.entity.js';
import { todayIn } from './audience.js';
import { parseMark, scaleRange } from './grading.js';
import {
  JOURNAL_CHANGED,
  JournalEvent,
  LESSON_CHANGED,
  LessonChange,
  type JournalEventPayload,
  type LessonEventPayload,
} from './journal.events.js';
import { LIVE_ROLES } from './journal.permissions.js';
import { Lesson, LessonStatus } from './lesson.entity.js';
import { Mark } from './mark.entity.js';
import { isoDateInput } from './text-inputs.js';

@ObjectType({
  description:
    "The class teacher's day at a glance; `classDashboardChanged` events keep it current without a refetch.",
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

  @Field(() => Int, { description: 'Unread messages to you from parents of this class.' })
  unreadFromParents!: number;
}

/** "Low" is the bottom fifth of the scale: 2 and below on five points, 2 on ten, 20% on percent. */
function lowMarkLimit(scale: GradingScale): number {
  return Math.max(2, Math.floor(scaleRange(scale).max / 5));
}

/**
 * SQL: whether `author` is a guardian of a student in the class on the day ("a parent of this
 * class"). Parameters: the class, the day, the day.
 */
const classParent = (author: string) =>
  `exists (select 1 from guardianship g join enrolment e on e.student_id = g.student_id
    where g.guardian_id = ${author} and e.school_class_id = ?
      and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date))`;

/** Messages to `personId` not yet read, written by parents of the class's students on `date`. */
async function unreadFromParentsOf(
  em: EntityManager,
  personId: string,
  schoolClassId: string,
  date: string,
): Promise<number> {
  const rows = await em.execute<{ n: string }[]>(
    `select count(*) as n from message m
       join thread_participant p on p.thread_id = m.thread_id and p.person_id = ?
      where m.author_id <> ? and m.sent_at > coalesce(p.last_read_at, '-infinity')
        and ${classParent('m.author_id')}`,
    [personId, personId, schoolClassId, date, date],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Whether the person is a parent of the class on `date`. */
async function isParentInClass(
  em: EntityManager,
  personId: string,
  schoolClassId: string,
  date: string,
): Promise<boolean> {
  const rows = await em.execute<{ ok: boolean }[]>(`select ${classParent('?')} as ok`, [
    personId,
    schoolClassId,
    date,
    date,
  ]);
  return Boolean(rows[0]?.ok);
}

/**
 * The class (school, time zone, scale, class teacher) when the viewer leads or administers it;
 * through `access`, so a live event's lookups for every dashboard it reaches are one statement.
 */
async function dashboardClass(access: LiveAccess, viewer: Viewer, schoolClassId: string) {
  const row = await access.schoolClass(schoolClassId);
  const leads =
    row?.class_teacher_id === viewer.personId && viewer.hasRole(row.school_id, Role.TEACHER);
  return row && (leads || viewer.hasRole(row.school_id, ...ADMINISTRATION)) ? row : null;
}

export enum ClassDashboardEventKind {
  MARK_SET = 'MARK_SET',
  MARK_CHANGED = 'MARK_CHANGED',
  MARK_REMOVED = 'MARK_REMOVED',
  ATTENDANCE_SET = 'ATTENDANCE_SET',
  ATTENDANCE_REMOVED = 'ATTENDANCE_REMOVED',
  LESSON_CREATED = 'LESSON_CREATED',
  LESSON_UPDATED = 'LESSON_UPDATED',
  LESSON_CANCELLED = 'LESSON_CANCELLED',
  PARENT_MESSAGE = 'PARENT_MESSAGE',
  MESSAGES_READ = 'MESSAGES_READ',
}
registerEnumType(ClassDashboardEventKind, {
  name: 'ClassDashboardEventKind',
  description: 'What changed on the class dashboard.',
});

@ObjectType({
  description:
    'One change to a class dashboard, carrying what the dashboard needs to update without a refetch (issue 5).',
})
export class ClassDashboardEvent {
  @Field(() => ClassDashboardEventKind, { description: 'What happened.' })
  kind!: ClassDashboardEventKind;

  @Field(() => ID, { description: 'The class.' })
  schoolClassId!: string;

  @Field(() => String, {
    description:
      'The day it concerns (YYYY-MM-DD): the lesson date, or today for messages. A dashboard of another day ignores it.',
  })
  date!: string;

  @Field(() => JournalEvent, {
    nullable: true,
    description:
      'Mark and attendance events: the mark or the absence/lateness (with minutes late and reason).',
  })
  journal!: JournalEvent | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Mark events: whether the mark now belongs in `lowMarks`.',
  })
  lowMark!: boolean | null;

  @Field(() => LessonChange, {
    nullable: true,
    description:
      'Lesson events: the lesson now, with `missingRecords` for `lessonsMissingRecords`.',
  })
  lesson!: LessonChange | null;

  @Field(() => MessageReceived, {
    nullable: true,
    description: 'PARENT_MESSAGE: the message from a parent of the class.',
  })
  message!: MessageReceived | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Message events: your unread messages from parents of this class, now.',
  })
  unreadFromParents!: number | null;
}

/** What the dashboard feed hears, tagged by its topic. */
type FeedItem =
  | { topic: 'journal'; event: JournalEventPayload }
  | { topic: 'lesson'; event: LessonEventPayload }
  | { topic: 'message'; event: MessageReceived }
  | { topic: 'read'; event: { personId: string; threadId: string } };

async function dashboard(
  em: EntityManager,
  viewer: Viewer,
  schoolClassId: string,
  dateInput: string | null,
): Promise<ClassDashboard> {
  if (!(await dashboardClass(new LiveAccess(em), viewer, schoolClassId))) {
    throw notFound('schoolClassId');
  }
  const schoolClass = await em.findOneOrFail(SchoolClass, schoolClassId);
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
    em.execute<{ lesson_id: string }[]>(
      `select distinct lesson_id from homework where lesson_id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    ),
    unreadFromParentsOf(em, viewer.personId, schoolClassId, date),
  ]);
  const withHomework = new Set(homework.map((h) => h.lesson_id));
  const low = lowMarkLimit(school.gradingScale);
  return {
    date,
    absences,
    marks,
    lowMarks: marks.filter((m) => m.numericValue <= low),
    lessonsMissingRecords: lessons.filter(
      (l) => l.status !== LessonStatus.CANCELLED && (!l.topic || !withHomework.has(l.id)),
    ),
    unreadFromParents: unread,
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

  @Subscription(() => ClassDashboardEvent, {
    description:
      "Changes to a class's dashboard as they happen: marks, absences and lates, lessons recorded or edited or cancelled, parents' messages to you (class teacher, administration).",
    subscribe: async ({
      args,
      context,
    }: SubscribeResolverData<unknown, { schoolClassId: string }, Context>) => {
      const viewer = requireViewer(context);
      if (!viewer.hasAnyRole(...LIVE_ROLES.classDashboardChanged)) {
        throw forbidden();
      }
      const schoolClassId = requireId(args.schoolClassId, 'schoolClassId');
      if (!(await dashboardClass(new LiveAccess(context.em), viewer, schoolClassId))) {
        throw notFound('schoolClassId');
      }
      const personId = viewer.personId;
      // Matched by the bus's index (core/pubsub.ts): other classes' events are never queued.
      const tag = <T extends FeedItem>(topic: string, as: T['topic'], wanted: Wanted<T['event']>) =>
        busRoute(topic, wanted, (event: T['event']) => ({ topic: as, event }) as FeedItem);
      return liveFilter<FeedItem>(
        context,
        context.bus.subscribeMany([
          tag(JOURNAL_CHANGED, 'journal', { schoolClassId }),
          tag(LESSON_CHANGED, 'lesson', { schoolClassId }),
          tag(MESSAGE_SENT, 'message', { recipientIds: personId }),
          tag(THREAD_READ, 'read', { personId }),
        ]),
        async (item, now, access, em) => {
          if (!now.hasAnyRole(...LIVE_ROLES.classDashboardChanged)) {
            return false;
          }
          const cls = await dashboardClass(access, now, schoolClassId);
          if (!cls) {
            return false;
          }
          // Only messages from parents of this class move its dashboard.
          return item.topic === 'message'
            ? isParentInClass(em(), item.event.authorId, schoolClassId, todayIn(cls.time_zone))
            : true;
        },
        // The bus's event, shared by every dashboard it reaches: its school and batched checks.
        (item) => item.event,
      );
    },
  })
  async classDashboardChanged(
    @Root() item: FeedItem,
    @Arg('schoolClassId', () => ID, { description: 'The class to follow.' }) schoolClassId: string,
    @Ctx() ctx: Context,
  ): Promise<ClassDashboardEvent> {
    const viewer = requireViewer(ctx);
    const cls = (await dashboardClass(
      ctx.access ?? new LiveAccess(ctx.em),
      viewer,
      schoolClassId,
    ))!;
    const today = todayIn(cls.time_zone);
    const base = { schoolClassId, journal: null, lowMark: null, lesson: null, message: null };
    const unread = () => unreadFromParentsOf(ctx.em, viewer.personId, schoolClassId, today);
    switch (item.topic) {
      case 'journal': {
        const e = item.event;
        const value = e.value === null ? null : parseMark(cls.grading_scale, e.value);
        return Object.assign(new ClassDashboardEvent(), base, {
          kind: e.kind as unknown as ClassDashboardEventKind,
          date: e.lessonDate,
          journal: Object.assign(new JournalEvent(), e),
          lowMark: e.markId ? value !== null && value <= lowMarkLimit(cls.grading_scale) : null,
          unreadFromParents: null,
        });
      }
      case 'lesson': {
        const {
          kind,
          schoolId: _s,
          schoolClassId: _c,
          actorId: _a,
          occurredAt: _o,
          ...lesson
        } = item.event;
        return Object.assign(new ClassDashboardEvent(), base, {
          kind: kind as unknown as ClassDashboardEventKind,
          date: lesson.date,
          lesson: Object.assign(new LessonChange(), lesson),
          unreadFromParents: null,
        });
      }
      case 'message':
        return Object.assign(new ClassDashboardEvent(), base, {
          kind: ClassDashboardEventKind.PARENT_MESSAGE,
          date: today,
          message: Object.assign(new MessageReceived(), item.event),
          unreadFromParents: await unread(),
        });
      case 'read':
        return Object.assign(new ClassDashboardEvent(), base, {
          kind: ClassDashboardEventKind.MESSAGES_READ,
          date: today,
          unreadFromParents: await unread(),
        });
    }
  }
}

/** The subject's name for a lesson in the dashboard's list, batched per delivery. */
@Resolver(() => LessonChange)
export class LessonChangeRelations {
  @FieldResolver(() => Subject, { description: 'The subject.' })
  subject(@Root() l: LessonChange, @Ctx() ctx: Context) {
    return ctx.loaders.load(Subject, l.subjectId);
  }
}
