import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { diaryReach, journalPageAccess, uuidArray } from '../../auth/access.js';
import { ADMINISTRATION, requireViewer, type Viewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { forbidden, notFound } from '../../core/errors.js';
import { liveEvents } from '../../core/live.js';
import { requireId } from '../../core/ids.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { Subject } from '../year/subject.entity.js';
import { Lesson } from './lesson.entity.js';
import { LIVE_ROLES } from './journal.permissions.js';
import { JOURNAL_CHANGED, JournalEvent, type JournalEventPayload } from './journal.events.js';

type Check = (event: JournalEventPayload | null, viewer: Viewer) => Promise<boolean>;

/**
 * Authorised when subscribing (NOT_FOUND for what the viewer may not read) and again for every
 * event delivered, with the viewer as they are at that moment (`liveEvents`): a guardian unlinked
 * mid-session, a revoked role or an ended session stops receiving at once.
 */
async function follow(
  ctx: Context,
  feed: keyof typeof LIVE_ROLES,
  field: string,
  wanted: (event: JournalEventPayload) => boolean,
  mayRead: Check,
) {
  const viewer = requireViewer(ctx);
  if (!viewer.hasAnyRole(...LIVE_ROLES[feed])) {
    throw forbidden();
  }
  if (!(await mayRead(null, viewer))) {
    throw notFound(field);
  }
  return liveEvents<JournalEventPayload>(
    ctx,
    JOURNAL_CHANGED,
    wanted,
    async (event, now) => now.hasAnyRole(...LIVE_ROLES[feed]) && (await mayRead(event, now)),
  );
}

async function studentReach(ctx: Context, viewer: Viewer, studentId: string, classId?: string) {
  const reach = (await diaryReach(ctx.em, viewer, [studentId])).get(studentId);
  return Boolean(reach && (reach.whole || !classId || reach.classIds.has(classId)));
}

async function leadsOrAdministers(ctx: Context, viewer: Viewer, schoolClassId: string) {
  const rows = await ctx.em.execute<{ school_id: string; class_teacher_id: string | null }[]>(
    `select school_id, class_teacher_id from school_class where id = any(?::uuid[])`,
    [uuidArray([schoolClassId])],
  );
  const row = rows[0];
  return Boolean(
    row &&
    (viewer.hasRole(row.school_id, ...ADMINISTRATION) ||
      (row.class_teacher_id === viewer.personId && viewer.hasRole(row.school_id, Role.TEACHER))),
  );
}

type Args<T> = SubscribeResolverData<unknown, T, Context>;

@Resolver()
export class JournalLiveResolver {
  @Subscription(() => JournalEvent, {
    description:
      "A student's marks and attendance as they are set, changed or removed: the live diary (R-JRN-7).",
    subscribe: ({ args, context }: Args<{ studentId: string }>) => {
      const studentId = requireId(args.studentId, 'studentId');
      return follow(
        context,
        'studentJournalChanged',
        'studentId',
        (e) => e.studentId === studentId,
        (e, viewer) => studentReach(context, viewer, studentId, e?.schoolClassId),
      );
    },
  })
  studentJournalChanged(
    @Root() event: JournalEventPayload,
    @Arg('studentId', () => ID, { description: 'The student whose diary to follow.' })
    _studentId: string,
  ): JournalEvent {
    return Object.assign(new JournalEvent(), event);
  }

  @Subscription(() => JournalEvent, {
    description:
      'Changes to one journal page: teachers keeping the same page see each other’s edits.',
    subscribe: ({ args, context }: Args<{ assignmentId: string }>) => {
      const assignmentId = requireId(args.assignmentId, 'assignmentId');
      return follow(
        context,
        'journalPageChanged',
        'assignmentId',
        (e) => e.assignmentId === assignmentId,
        async (_e, viewer) =>
          (await journalPageAccess(context.em, viewer, [assignmentId])).has(assignmentId),
      );
    },
  })
  journalPageChanged(
    @Root() event: JournalEventPayload,
    @Arg('assignmentId', () => ID, { description: 'The journal page to follow.' })
    _assignmentId: string,
  ): JournalEvent {
    return Object.assign(new JournalEvent(), event);
  }

  @Subscription(() => JournalEvent, {
    description:
      "Every mark and absence of a class as it happens: the class teacher's and the administration's live view.",
    subscribe: ({ args, context }: Args<{ schoolClassId: string }>) => {
      const schoolClassId = requireId(args.schoolClassId, 'schoolClassId');
      return follow(
        context,
        'classJournalChanged',
        'schoolClassId',
        (e) => e.schoolClassId === schoolClassId,
        (_e, viewer) => leadsOrAdministers(context, viewer, schoolClassId),
      );
    },
  })
  classJournalChanged(
    @Root() event: JournalEventPayload,
    @Arg('schoolClassId', () => ID, { description: 'The class to follow.' })
    _schoolClassId: string,
  ): JournalEvent {
    return Object.assign(new JournalEvent(), event);
  }
}

/** Names for a dashboard to show an event without a refetch, batched per delivery. */
@Resolver(() => JournalEvent)
export class JournalEventRelations {
  @FieldResolver(() => Person, { description: 'The student.' })
  student(@Root() e: JournalEvent, @Ctx() ctx: Context) {
    return ctx.loaders.load(Person, e.studentId);
  }

  @FieldResolver(() => Subject, { description: 'The subject.' })
  subject(@Root() e: JournalEvent, @Ctx() ctx: Context) {
    return ctx.loaders.load(Subject, e.subjectId);
  }

  @FieldResolver(() => Lesson, { description: 'The lesson.' })
  lesson(@Root() e: JournalEvent, @Ctx() ctx: Context) {
    return ctx.loaders.load(Lesson, e.lessonId);
  }
}
