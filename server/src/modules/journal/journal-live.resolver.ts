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
import { LiveAccess } from '../../auth/access.js';
import { ADMINISTRATION, requireViewer, type Viewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { forbidden, notFound } from '../../core/errors.js';
import { liveEvents } from '../../core/live.js';
import type { Wanted } from '../../core/pubsub.js';
import { requireId } from '../../core/ids.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { Subject } from '../year/subject.entity.js';
import { Lesson } from './lesson.entity.js';
import { LIVE_ROLES } from './journal.permissions.js';
import { JOURNAL_CHANGED, JournalEvent, type JournalEventPayload } from './journal.events.js';

type Check = (
  event: JournalEventPayload | null,
  viewer: Viewer,
  access: LiveAccess,
) => Promise<boolean>;

/**
 * Authorised when subscribing (NOT_FOUND for what the viewer may not read) and again for every
 * event delivered, with the viewer as they are at that moment (`liveEvents`): a guardian unlinked
 * mid-session, a revoked role or an ended session stops receiving at once. The check reads only the
 * viewer and `access`: a live group runs it once per person, batched (core/live.ts, issue 9).
 */
async function follow(
  ctx: Context,
  feed: keyof typeof LIVE_ROLES,
  field: string,
  wanted: Wanted<JournalEventPayload>,
  mayRead: Check,
) {
  const viewer = requireViewer(ctx);
  if (!viewer.hasAnyRole(...LIVE_ROLES[feed])) {
    throw forbidden();
  }
  if (!(await mayRead(null, viewer, new LiveAccess(ctx.em)))) {
    throw notFound(field);
  }
  return liveEvents<JournalEventPayload>(
    ctx,
    JOURNAL_CHANGED,
    wanted,
    // No async wrapper: one promise less per person and event (issue 9).
    (event, now, access) => now.hasAnyRole(...LIVE_ROLES[feed]) && mayRead(event, now, access),
  );
}

async function studentReach(
  access: LiveAccess,
  viewer: Viewer,
  studentId: string,
  classId?: string,
) {
  const reach = await access.diaryReach(viewer, studentId);
  return Boolean(reach && (reach.whole || !classId || reach.classIds.has(classId)));
}

async function leadsOrAdministers(access: LiveAccess, viewer: Viewer, schoolClassId: string) {
  const row = await access.schoolClass(schoolClassId);
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
        { studentId },
        (e, viewer, access) => studentReach(access, viewer, studentId, e?.schoolClassId),
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
        { assignmentId },
        async (_e, viewer, access) => (await access.pageAccess(viewer, assignmentId)) !== null,
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
        { schoolClassId },
        (_e, viewer, access) => leadsOrAdministers(access, viewer, schoolClassId),
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
