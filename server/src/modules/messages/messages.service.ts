import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit } from '../audit/index.js';
import { todayIn } from '../journal/audience.js';
import { optionalText } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import type { Role } from '../people/role-assignment.entity.js';
import { School } from '../school/school.entity.js';
import { Message } from './message.entity.js';
import { MessageThread } from './message-thread.entity.js';
import { familiesAmong, mayWriteTo } from './messaging-rules.js';
import type {
  MailMessage,
  MailThread,
  MessageRecipient,
  MessageReceived,
  StartThreadInput,
} from './messages.types.js';
import { ThreadParticipant } from './thread-participant.entity.js';

const OVERDUE_DAYS = 7;
const MAX_RECIPIENTS = 50;

interface ThreadRow {
  id: string;
  subject: string;
  last_message_at: Date;
  unread: string;
  awaiting_since: Date | null;
}

/**
 * Threads with unread counts and the R-MSG-2 response clock: a run of parent messages at the end
 * of a thread, unanswered, counts from its first message.
 */
const THREAD_SQL = `
  select t.id, t.subject, t.last_message_at,
         (select count(*) from message m
           where m.thread_id = t.id and m.author_id <> ?
             and m.sent_at > coalesce(p.last_read_at, '-infinity')) as unread,
         (select min(m.sent_at) from message m
           where m.thread_id = t.id
             and exists (select 1 from role_assignment r where r.person_id = m.author_id
                          and r.school_id = t.school_id and r.role = 'PARENT')
             and m.sent_at > coalesce((select max(m2.sent_at) from message m2
                where m2.thread_id = t.id
                  and not exists (select 1 from role_assignment r where r.person_id = m2.author_id
                                   and r.school_id = t.school_id and r.role = 'PARENT')),
                '-infinity')) as awaiting_since
    from message_thread t`;

async function threadsOf(
  em: EntityManager,
  viewerId: string,
  where: string,
  params: unknown[],
): Promise<MailThread[]> {
  const rows = await em.execute<ThreadRow[]>(
    `${THREAD_SQL} ${where} order by t.last_message_at desc`,
    [viewerId, ...params],
  );
  const participants = await em.find(
    ThreadParticipant,
    { thread: { $in: rows.map((r) => r.id) } },
    { populate: ['person'], orderBy: { createdAt: 'asc' } },
  );
  const overdueBefore = Date.now() - OVERDUE_DAYS * 86_400_000;
  return rows.map((r) => {
    const awaiting = r.awaiting_since ? new Date(r.awaiting_since) : null;
    return {
      id: r.id,
      subject: r.subject,
      lastMessageAt: new Date(r.last_message_at),
      unreadCount: Number(r.unread),
      awaitingReplySince: awaiting,
      overdue: Boolean(awaiting && awaiting.getTime() < overdueBefore),
      participants: participants.filter((p) => p.thread.id === r.id).map((p) => p.person),
      messages: [],
    };
  });
}

/** The viewer's inbox, newest first. */
export function myThreads(em: EntityManager, viewer: Viewer): Promise<MailThread[]> {
  return threadsOf(
    em,
    viewer.personId,
    'join thread_participant p on p.thread_id = t.id and p.person_id = ?',
    [viewer.personId],
  );
}

/** One thread with its messages; NOT_FOUND unless the viewer takes part. */
export async function readThread(em: EntityManager, viewer: Viewer, threadIdInput: string) {
  const threadId = requireId(threadIdInput, 'threadId');
  const [thread] = await threadsOf(
    em,
    viewer.personId,
    'join thread_participant p on p.thread_id = t.id and p.person_id = ? where t.id = ?',
    [viewer.personId, threadId],
  );
  if (!thread) {
    throw notFound('threadId');
  }
  const messages = await em.find(
    Message,
    { thread: threadId },
    { populate: ['author'], orderBy: { sentAt: 'asc', id: 'asc' } },
  );
  thread.messages = messages.map(toMail);
  return thread;
}

/** Threads of the school where a parent has waited more than 7 days: for control (R-MSG-2). */
export async function overdueThreads(em: EntityManager, viewer: Viewer, schoolIdInput: string) {
  const schoolId = requireId(schoolIdInput, 'schoolId');
  if (!viewer.hasRole(schoolId, ...ADMINISTRATION)) {
    throw notFound('schoolId');
  }
  const all = await threadsOf(
    em,
    viewer.personId,
    'left join thread_participant p on p.thread_id = t.id and p.person_id = ? where t.school_id = ?',
    [viewer.personId, schoolId],
  );
  return all.filter((t) => t.overdue);
}

const toMail = (m: Message): MailMessage => ({
  id: m.id,
  threadId: m.thread.id,
  author: m.author,
  body: m.body,
  sentAt: m.sentAt,
});

function bodyOf(text: string) {
  const body = optionalText(text, 'body', 5000);
  if (!body) {
    throw badInput('body', 'messages.emptyBody');
  }
  return body;
}

/** The school a new thread belongs to: the viewer's only one, or the one named. */
function schoolOf(viewer: Viewer, schoolIdInput: string | null | undefined): string {
  const mine = viewer.schoolIds();
  if (schoolIdInput) {
    const id = requireId(schoolIdInput, 'schoolId');
    if (!mine.includes(id)) {
      throw notFound('schoolId');
    }
    return id;
  }
  if (mine.length !== 1) {
    throw badInput('schoolId', 'school.ambiguous');
  }
  return mine[0]!;
}

/**
 * The people the viewer may start a conversation with in a school, by name, with their roles there
 * (R-MSG-1): everyone with a role there or a child there, filtered by the same `mayWriteTo` that
 * `startThread` applies, so the list never shows a parent another family (R-AUTH-4).
 */
export async function messageRecipients(
  em: EntityManager,
  viewer: Viewer,
  schoolIdInput: string | null | undefined,
): Promise<MessageRecipient[]> {
  const schoolId = schoolOf(viewer, schoolIdInput);
  const school = await em.findOneOrFail(School, schoolId);
  const today = todayIn(school.timeZone);
  const candidates = await em.execute<{ id: string }[]>(
    `select person_id as id from role_assignment where school_id = ? and revoked_at is null
     union
     select g.guardian_id from guardianship g join enrolment e on e.student_id = g.student_id
      where e.school_id = ? and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)`,
    [schoolId, schoolId, today, today],
  );
  const allowed = [
    ...(await mayWriteTo(
      em,
      viewer,
      schoolId,
      candidates.map((c) => c.id),
      today,
    )),
  ];
  if (allowed.length === 0) {
    return [];
  }
  const [people, roles] = await Promise.all([
    em.find(
      Person,
      { id: { $in: allowed } },
      { orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' } },
    ),
    em.execute<{ person_id: string; role: Role }[]>(
      `select person_id, role::text as role from role_assignment
        where school_id = ? and revoked_at is null and person_id = any(?::uuid[])
        order by role`,
      [schoolId, uuidArray(allowed)],
    ),
  ]);
  return people.map((person) => ({
    person,
    roles: [...new Set(roles.filter((r) => r.person_id === person.id).map((r) => r.role))],
  }));
}

export interface Sent {
  thread: MailThread;
  event: MessageReceived;
}

/** Starts a conversation with people the viewer may write to (R-MSG-1); audited. */
export async function startThread(
  em: EntityManager,
  viewer: Viewer,
  input: StartThreadInput,
): Promise<Sent> {
  const subject = optionalText(input.subject, 'subject', 200);
  if (!subject) {
    throw badInput('subject', 'messages.emptySubject');
  }
  const body = bodyOf(input.body);
  const recipients = [
    ...new Set(input.recipientIds.map((id, i) => requireId(id, `recipientIds[${i}]`))),
  ].filter((id) => id !== viewer.personId);
  if (recipients.length === 0 || recipients.length > MAX_RECIPIENTS) {
    throw badInput('recipientIds', 'messages.recipientCount', { max: MAX_RECIPIENTS });
  }
  const schoolId = schoolOf(viewer, input.schoolId);
  const threadId = await em.transactional(async (tx) => {
    const school = await tx.findOneOrFail(School, schoolId);
    const allowed = await mayWriteTo(tx, viewer, schoolId, recipients, todayIn(school.timeZone));
    const refused = recipients.findIndex((id) => !allowed.has(id));
    if (refused >= 0) {
      // Someone out of reach and someone who does not exist look the same (no discovery).
      throw notFound(`recipientIds[${refused}]`);
    }
    // Participants see each other: a thread to two families would introduce them (R-AUTH-4).
    if ((await familiesAmong(tx, schoolId, [viewer.personId, ...recipients])) > 1) {
      throw badInput('recipientIds', 'messages.oneFamily');
    }
    const now = new Date();
    const me = tx.getReference(Person, viewer.personId);
    const thread = tx.create(MessageThread, {
      school,
      subject,
      createdBy: me,
      lastMessageAt: now,
    });
    tx.persist(thread);
    tx.persist(tx.create(ThreadParticipant, { school, thread, person: me, lastReadAt: now }));
    for (const id of recipients) {
      tx.persist(
        tx.create(ThreadParticipant, { school, thread, person: tx.getReference(Person, id) }),
      );
    }
    const message = tx.create(Message, { school, thread, author: me, body, sentAt: now });
    tx.persist(message);
    recordAudit(
      tx,
      { personId: viewer.personId, sessionId: viewer.sessionId },
      {
        schoolId,
        entityType: 'MessageThread',
        entityId: thread.id,
        action: 'start',
        after: { subject, recipientIds: recipients, messageId: message.id },
      },
    );
    return thread.id;
  });
  return sentIn(em, viewer, threadId);
}

/** A reply in a thread the viewer takes part in. */
export async function sendMessage(
  em: EntityManager,
  viewer: Viewer,
  threadIdInput: string,
  text: string,
): Promise<Sent> {
  const threadId = requireId(threadIdInput, 'threadId');
  const body = bodyOf(text);
  await em.transactional(async (tx) => {
    const mine = await tx.findOne(ThreadParticipant, { thread: threadId, person: viewer.personId });
    if (!mine) {
      throw notFound('threadId');
    }
    const thread = await tx.findOneOrFail(MessageThread, threadId);
    const now = new Date();
    const message = tx.create(Message, {
      school: thread.school,
      thread,
      author: tx.getReference(Person, viewer.personId),
      body,
      sentAt: now,
    });
    tx.persist(message);
    thread.lastMessageAt = now;
    mine.lastReadAt = now;
    recordAudit(
      tx,
      { personId: viewer.personId, sessionId: viewer.sessionId },
      {
        schoolId: thread.school.id,
        entityType: 'Message',
        entityId: message.id,
        action: 'send',
        after: { threadId },
      },
    );
  });
  return sentIn(em, viewer, threadId);
}

async function sentIn(em: EntityManager, viewer: Viewer, threadId: string): Promise<Sent> {
  const thread = await readThread(em.fork(), viewer, threadId);
  const last = thread.messages[thread.messages.length - 1]!;
  return {
    thread,
    event: {
      threadId,
      messageId: last.id,
      authorId: viewer.personId,
      subject: thread.subject,
      sentAt: last.sentAt.toISOString(),
      recipientIds: thread.participants.map((p) => p.id).filter((id) => id !== viewer.personId),
    },
  };
}

/** Marks everything in the thread read for the viewer. */
export async function markThreadRead(em: EntityManager, viewer: Viewer, threadIdInput: string) {
  const threadId = requireId(threadIdInput, 'threadId');
  const updated = await em.nativeUpdate(
    ThreadParticipant,
    { thread: threadId, person: viewer.personId },
    { lastReadAt: new Date() },
  );
  if (updated === 0) {
    throw notFound('threadId');
  }
  return readThread(em.fork(), viewer, threadId);
}

/** Whether the person still takes part in the thread (checked per delivered event). */
export async function takesPart(em: EntityManager, personId: string, threadId: string) {
  const rows = await em.execute<{ ok: number }[]>(
    `select 1 as ok from thread_participant where person_id = ? and thread_id = any(?::uuid[])`,
    [personId, uuidArray([threadId])],
  );
  return rows.length > 0;
}
