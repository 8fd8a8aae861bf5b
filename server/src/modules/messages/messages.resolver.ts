import {
  Arg,
  Ctx,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { requireId } from '../../core/ids.js';
import { liveEvents } from '../../core/live.js';
import { notFound } from '../../core/errors.js';
import { Person } from '../people/person.entity.js';
import {
  ANNOUNCEMENT_PUBLISHED,
  ClassAnnouncement,
  classAnnouncements,
  classReach,
  publishAnnouncement,
  PublishAnnouncementInput,
} from './announcements.js';
import { setDigestSubscription } from './digest.js';
import { DigestFrequency, DigestSubscription } from './digest-subscription.entity.js';
import { MESSAGE_SENT, THREAD_READ } from './messages.events.js';
import {
  markThreadRead,
  messageRecipients,
  myThreads,
  overdueThreads,
  readThread,
  sendMessage,
  startThread,
  takesPart,
} from './messages.service.js';
import {
  MailThread,
  MessageRecipient,
  MessageReceived,
  StartThreadInput,
} from './messages.types.js';

@Resolver()
export class MessagesResolver {
  @Query(() => [MailThread], {
    description: 'Your conversations, newest first, with unread counts.',
  })
  myThreads(@Ctx() ctx: Context): Promise<MailThread[]> {
    return myThreads(ctx.em, requireViewer(ctx));
  }

  @Query(() => MailThread, {
    description: 'One of your conversations with its messages; NOT_FOUND for anyone else’s.',
  })
  thread(
    @Arg('threadId', () => ID, { description: 'The thread.' }) threadId: string,
    @Ctx() ctx: Context,
  ): Promise<MailThread> {
    return readThread(ctx.em, requireViewer(ctx), threadId);
  }

  @Query(() => [MessageRecipient], {
    description:
      'The people you may start a conversation with, by family name, with their roles (R-MSG-1); a parent sees only their children’s teachers and the administration, never another family.',
  })
  messageRecipients(
    @Arg('schoolId', () => ID, {
      nullable: true,
      description: 'The school, when you belong to several.',
    })
    schoolId: string | null,
    @Ctx() ctx: Context,
  ): Promise<MessageRecipient[]> {
    return messageRecipients(ctx.em, requireViewer(ctx), schoolId);
  }

  @Query(() => [MailThread], {
    description: 'Threads where a parent has waited more than 7 days for an answer (R-MSG-2).',
  })
  overdueThreads(
    @Arg('schoolId', () => ID, { description: 'The school.' }) schoolId: string,
    @Ctx() ctx: Context,
  ): Promise<MailThread[]> {
    return overdueThreads(ctx.em, requireViewer(ctx), schoolId);
  }

  @Mutation(() => MailThread, {
    description: 'Starts a conversation with people you may write to (R-MSG-1).',
  })
  async startThread(
    @Arg('input', () => StartThreadInput) input: StartThreadInput,
    @Ctx() ctx: Context,
  ): Promise<MailThread> {
    const sent = await startThread(ctx.em, requireViewer(ctx), input);
    ctx.bus.publish(MESSAGE_SENT, sent.event);
    return sent.thread;
  }

  @Mutation(() => MailThread, { description: 'Writes in one of your conversations.' })
  async sendMessage(
    @Arg('threadId', () => ID, { description: 'The thread.' }) threadId: string,
    @Arg('body', () => String, { description: 'The message, up to 5000 characters.' }) body: string,
    @Ctx() ctx: Context,
  ): Promise<MailThread> {
    const sent = await sendMessage(ctx.em, requireViewer(ctx), threadId, body);
    ctx.bus.publish(MESSAGE_SENT, sent.event);
    return sent.thread;
  }

  @Mutation(() => MailThread, {
    description: 'Marks a conversation read (your other open tabs hear `threadRead`).',
  })
  async markThreadRead(
    @Arg('threadId', () => ID, { description: 'The thread.' }) threadId: string,
    @Ctx() ctx: Context,
  ): Promise<MailThread> {
    const viewer = requireViewer(ctx);
    const thread = await markThreadRead(ctx.em, viewer, threadId);
    ctx.bus.publish(THREAD_READ, { personId: viewer.personId, threadId: thread.id });
    return thread;
  }

  @Subscription(() => ID, {
    description:
      'Threads you have just read elsewhere (another tab or device), so unread counts stay in step.',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) => {
      const personId = requireViewer(context).personId;
      return liveEvents<{ personId: string; threadId: string }>(
        context,
        THREAD_READ,
        { personId },
        () => true,
      );
    },
  })
  threadRead(@Root() event: { threadId: string }): string {
    return event.threadId;
  }

  @Query(() => [ClassAnnouncement], {
    description:
      "A class's announcements, newest first: for its families, teachers and the administration.",
  })
  classAnnouncements(
    @Arg('schoolClassId', () => ID, { description: 'The class.' }) schoolClassId: string,
    @Ctx() ctx: Context,
  ): Promise<ClassAnnouncement[]> {
    return classAnnouncements(ctx.em, requireViewer(ctx), schoolClassId);
  }

  @Mutation(() => ClassAnnouncement, {
    description:
      "Publishes a notice to a class's parents, students, or both (class teacher, administration).",
  })
  async publishAnnouncement(
    @Arg('input', () => PublishAnnouncementInput) input: PublishAnnouncementInput,
    @Ctx() ctx: Context,
  ): Promise<ClassAnnouncement> {
    const published = await publishAnnouncement(ctx.em, requireViewer(ctx), input);
    ctx.bus.publish(ANNOUNCEMENT_PUBLISHED, { ...published, author: { id: published.author.id } });
    return published;
  }

  @Subscription(() => ClassAnnouncement, {
    description:
      'Announcements of a class as they are published: to its staff all, to a student those for students, to a parent those for parents.',
    subscribe: async ({
      args,
      context,
    }: SubscribeResolverData<unknown, { schoolClassId: string }, Context>) => {
      const viewer = requireViewer(context);
      const schoolClassId = requireId(args.schoolClassId, 'schoolClassId');
      if (!(await classReach(context.em, viewer, schoolClassId))) {
        throw notFound('schoolClassId');
      }
      // Per event, with the viewer as they are now: still of the class, and of the audience.
      return liveEvents<ClassAnnouncement>(
        context,
        ANNOUNCEMENT_PUBLISHED,
        { schoolClassId },
        async (a, now, _access, em) =>
          Boolean((await classReach(em(), now, schoolClassId))?.audiences.includes(a.audience)),
      );
    },
  })
  async announcementPublished(
    @Root() event: ClassAnnouncement,
    @Arg('schoolClassId', () => ID, { description: 'The class to follow.' }) _schoolClassId: string,
    @Ctx() ctx: Context,
  ): Promise<ClassAnnouncement> {
    // Events carry ids only; the author is loaded for this subscriber.
    const author = await ctx.loaders.load(Person, event.author.id);
    return Object.assign(new ClassAnnouncement(), event, {
      author,
      publishedAt: new Date(event.publishedAt),
    });
  }

  @Query(() => DigestSubscription, {
    nullable: true,
    description: 'Your e-mail digest subscription, if any.',
  })
  myDigestSubscription(@Ctx() ctx: Context): Promise<DigestSubscription | null> {
    return ctx.em.findOne(DigestSubscription, { person: requireViewer(ctx).personId });
  }

  @Mutation(() => DigestSubscription, {
    nullable: true,
    description:
      "Subscribes to a daily or weekly e-mail digest of your children's marks, absences and homework; null frequency unsubscribes (R-DRY-3).",
  })
  setDigestSubscription(
    @Arg('frequency', () => DigestFrequency, { nullable: true, description: 'Null: unsubscribe.' })
    frequency: DigestFrequency | null,
    @Arg('email', () => String, {
      nullable: true,
      description: 'Address; default: the one on your profile.',
    })
    email: string | null,
    @Ctx() ctx: Context,
  ): Promise<DigestSubscription | null> {
    return setDigestSubscription(ctx.em, requireViewer(ctx), frequency, email);
  }

  @Subscription(() => MessageReceived, {
    description: 'New messages for you, as they are sent.',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) => {
      const personId = requireViewer(context).personId;
      return liveEvents<MessageReceived>(
        context,
        MESSAGE_SENT,
        { recipientIds: personId },
        (e, _now, _access, em) => takesPart(em(), personId, e.threadId),
      );
    },
  })
  messageReceived(@Root() event: MessageReceived): MessageReceived {
    return Object.assign(new MessageReceived(), event);
  }
}
