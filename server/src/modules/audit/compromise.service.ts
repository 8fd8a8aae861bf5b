import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import { Session } from '../../auth/session.entity.js';
import { SocketTicket } from '../../auth/socket-ticket.entity.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Attendance, type AttendanceStatus } from '../journal/attendance.entity.js';
import { Homework } from '../journal/homework.entity.js';
import {
  JournalEventKind,
  LessonEventKind,
  type JournalEventPayload,
} from '../journal/journal.events.js';
import { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { PeriodMark } from '../journal/period-mark.entity.js';
import { optionalText, requiredReason } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import { PlannedTopic } from '../year/planned-topic.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { recordAudit, type AuditActor } from './audit.service.js';
import { CompromiseReport } from './compromise-report.entity.js';
import { VoidedOperation } from './voided-operation.entity.js';

/**
 * What the disputed list shows, by record type: the actions that change a journal record (voidable)
 * and the messages sent (listed so the administration sees them; a sent message cannot be unsent).
 */
const LISTED: Record<string, { actions: string[]; voidable: boolean }> = {
  Mark: { actions: ['create', 'update', 'delete'], voidable: true },
  Attendance: { actions: ['create', 'update', 'delete'], voidable: true },
  PeriodMark: { actions: ['create', 'update', 'delete'], voidable: true },
  Lesson: { actions: ['create', 'update', 'cancel'], voidable: true },
  Homework: { actions: ['create', 'update', 'delete'], voidable: true },
  Message: { actions: ['send'], voidable: false },
  MessageThread: { actions: ['start'], voidable: false },
};

/** Actions after which a record no longer holds what a disputed operation left in it. */
const CHANGES_STATE = ['create', 'update', 'delete', 'cancel', 'void'];

const MAX_SELECTED = 2000;

export const isVoidable = (event: AuditEvent) => LISTED[event.entityType]?.voidable === true;

/** Schools where the person holds a role and the viewer administers. */
async function administeredSchoolsOf(em: EntityManager, viewer: Viewer, personId: string) {
  const rows = await em.execute<{ school_id: string }[]>(
    `select distinct school_id from role_assignment where person_id = any(?::uuid[])`,
    [uuidArray([personId])],
  );
  return rows.map((r) => r.school_id).filter((s) => viewer.hasRole(s, ...ADMINISTRATION));
}

async function schoolsOfPerson(em: EntityManager, personId: string): Promise<string[]> {
  const rows = await em.execute<{ school_id: string }[]>(
    `select distinct school_id from role_assignment where person_id = any(?::uuid[]) order by 1`,
    [uuidArray([personId])],
  );
  return rows.map((r) => r.school_id);
}

function sinceOf(value: Date, now: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()) || value > now) {
    throw badInput('since', 'compromise.since');
  }
  return value;
}

const actorOf = (viewer: Viewer): AuditActor => ({
  personId: viewer.personId,
  sessionId: viewer.sessionId,
});

export interface ReportCompromiseArgs {
  personId: string;
  since: Date;
  note?: string | null;
}

/**
 * R-AUTH-3: the person (or the administration of their school) reports their credentials leaked
 * as of `since`. At once every session of the account ends and its unused socket tickets go;
 * its open sockets close when the resolver publishes SESSIONS_REVOKED after commit. What the
 * account did from `since` to now becomes disputed.
 */
export async function reportCompromise(
  em: EntityManager,
  viewer: Viewer,
  args: ReportCompromiseArgs,
  now = new Date(),
): Promise<CompromiseReport> {
  const personId = requireId(args.personId, 'personId');
  const since = sinceOf(args.since, now);
  const note = optionalText(args.note, 'note', 500);
  const self = personId === viewer.personId;
  // Another school's person, or no one at all, looks the same: NOT_FOUND.
  if (!self && (await administeredSchoolsOf(em, viewer, personId)).length === 0) {
    throw notFound('personId');
  }
  return em.transactional(async (tx) => {
    const sessionsRevoked = await tx.nativeUpdate(
      Session,
      { person: personId, revokedAt: null },
      { revokedAt: now },
    );
    // The intruder's device signed in successfully, so sign-in throttling would treat it as the
    // owner's known device (auth/throttle.ts): after a leak, no device of the account is known.
    await tx.nativeUpdate(Session, { person: personId }, { deviceHash: null });
    // A ticket asked for a moment ago must not open a socket for the ended session either.
    await tx.nativeDelete(SocketTicket, { session: { person: personId } });
    const report = tx.create(CompromiseReport, {
      person: tx.getReference(Person, personId),
      since,
      reportedBy: tx.getReference(Person, viewer.personId),
      note,
      sessionsRevoked,
      createdAt: now,
    });
    tx.persist(report);
    // In each of the person's schools' trails, so each administration sees it in its own chain.
    const schools = await schoolsOfPerson(tx, personId);
    for (const schoolId of schools.length > 0 ? schools : [null]) {
      recordAudit(tx, actorOf(viewer), {
        schoolId,
        entityType: 'Person',
        entityId: personId,
        action: 'reportCompromise',
        after: { reportId: report.id, since: since.toISOString(), sessionsRevoked },
        reason: note,
      });
    }
    await tx.flush();
    return report;
  });
}

/** The reports on people of the schools the viewer administers, newest first. */
export async function compromiseReports(
  em: EntityManager,
  viewer: Viewer,
): Promise<CompromiseReport[]> {
  const schools = viewer.schoolIds(...ADMINISTRATION);
  if (schools.length === 0) {
    return [];
  }
  const rows = await em.execute<{ id: string }[]>(
    `select r.id from compromise_report r
      where exists (select 1 from role_assignment ra
                     where ra.person_id = r.person_id and ra.school_id = any(?::uuid[]))
      order by r.created_at desc, r.id
      limit 200`,
    [uuidArray(schools)],
  );
  const reports = await em.find(CompromiseReport, { id: { $in: rows.map((r) => r.id) } });
  const byId = new Map(reports.map((r) => [r.id, r]));
  return rows.map((r) => byId.get(r.id)!);
}

/** The report and the viewer's schools among the person's; NOT_FOUND when there are none. */
async function reportFor(em: EntityManager, viewer: Viewer, reportIdInput: string) {
  const reportId = requireId(reportIdInput, 'reportId');
  const report = await em.findOne(CompromiseReport, reportId);
  const schools = report ? await administeredSchoolsOf(em, viewer, report.person.id) : [];
  if (!report || schools.length === 0) {
    throw notFound('reportId');
  }
  return { report, schools };
}

/**
 * The disputed operations: what the account did from `since` to the report, in the viewer's
 * schools, not yet voided, oldest first. After the report the account is its owner's again
 * (new sign-in), so later operations are not disputed.
 */
async function disputedOf(
  em: EntityManager,
  report: CompromiseReport,
  schools: string[],
): Promise<AuditEvent[]> {
  const kinds = Object.entries(LISTED);
  const rows = await em.execute<{ id: string }[]>(
    `select e.id from audit_event e
      where e.actor_id = ? and e.occurred_at >= ? and e.occurred_at <= ?
        and e.school_id = any(?::uuid[])
        and (${kinds.map(() => '(e.entity_type = ? and e.action = any(?::text[]))').join(' or ')})
        and not exists (select 1 from voided_operation v where v.audit_event_id = e.id)
      order by e.occurred_at, e.seq`,
    [
      report.person.id,
      report.since,
      report.createdAt,
      uuidArray(schools),
      ...kinds.flatMap(([type, k]) => [type, `{${k.actions.join(',')}}`]),
    ],
  );
  const events = await em.find(AuditEvent, { id: { $in: rows.map((r) => r.id) } });
  const byId = new Map(events.map((e) => [e.id, e]));
  return rows.map((r) => byId.get(r.id)!);
}

export async function disputedOperations(
  em: EntityManager,
  viewer: Viewer,
  reportId: string,
): Promise<AuditEvent[]> {
  const { report, schools } = await reportFor(em, viewer, reportId);
  return disputedOf(em, report, schools);
}

/** One record that a void would not restore without overwriting someone else's work. */
export interface VoidConflict {
  operationId: string;
  entityType: string;
  entityId: string;
  /** CHANGED_SINCE: written again since, by someone else; OCCUPIED: its place is taken; IN_USE: a lesson with records left. */
  problem: 'CHANGED_SINCE' | 'OCCUPIED' | 'IN_USE';
}

export interface VoidArgs {
  reportId: string;
  /** Null: every voidable disputed operation of the report. */
  operationIds?: string[] | null;
  reason: string;
}

export interface VoidResult {
  voided: number;
  /** To publish after commit, like the journal's own writes. */
  journalEvents: JournalEventPayload[];
  lessonChanges: { kind: LessonEventKind; lessonId: string }[];
}

type Snapshot = Record<string, unknown>;
const str = (s: Snapshot, k: string) => (s[k] ?? null) as string | null;
const num = (s: Snapshot, k: string) => (s[k] === null || s[k] === undefined ? null : Number(s[k]));

/** The operations on one record, oldest first. */
interface Chain {
  entityType: string;
  entityId: string;
  schoolId: string;
  events: AuditEvent[];
}

/**
 * R-AUTH-3: voids the chosen disputed operations in one transaction. Each record they touched goes
 * back to what it was before the account's first disputed operation on it (created → removed,
 * deleted → re-created with its id). A record someone else has written since is a conflict: the
 * whole void is refused with the list (CONFLICT, nothing written), so no later correction is
 * silently overwritten. Each restoration is audited (action `void`, the reason, the actor), and
 * the operations are marked voided so they leave the list; voiding them again changes nothing.
 */
export async function voidOperations(
  em: EntityManager,
  viewer: Viewer,
  args: VoidArgs,
): Promise<VoidResult> {
  const reason = requiredReason(args.reason, 'reason');
  const wanted = args.operationIds ?? null;
  if (wanted && (wanted.length === 0 || wanted.length > MAX_SELECTED)) {
    throw badInput('operationIds', 'compromise.selection', { max: MAX_SELECTED });
  }
  const wantedIds = wanted?.map((id, i) => requireId(id, `operationIds[${i}]`)) ?? null;
  const { report, schools } = await reportFor(em, viewer, args.reportId);
  return em.transactional(async (tx) => {
    // Two administrators voiding the same report take turns: the second sees the first's marks.
    await tx.execute(
      'select pg_advisory_xact_lock(hashtext(?))',
      [`void:${report.person.id}`],
      'all',
      tx.getTransactionContext(),
    );
    const disputed = await disputedOf(tx, report, schools);
    let selected = disputed.filter(isVoidable);
    if (wantedIds) {
      const byId = new Map(disputed.map((e) => [e.id, e]));
      const already = new Set(
        (
          await tx.find(VoidedOperation, { auditEventId: { $in: wantedIds }, report: report.id })
        ).map((v) => v.auditEventId),
      );
      wantedIds.forEach((id, i) => {
        const event = byId.get(id);
        if (!event && !already.has(id)) {
          throw badInput(`operationIds[${i}]`, 'compromise.unknownOperation');
        }
        if (event && !isVoidable(event)) {
          throw badInput(`operationIds[${i}]`, 'compromise.notVoidable');
        }
      });
      const chosen = new Set(wantedIds);
      selected = selected.filter((e) => chosen.has(e.id));
    }
    if (selected.length === 0) {
      return { voided: 0, journalEvents: [], lessonChanges: [] };
    }

    const chains = new Map<string, Chain>();
    for (const event of selected) {
      const key = `${event.entityType}:${event.entityId}`;
      const chain = chains.get(key) ?? {
        entityType: event.entityType,
        entityId: event.entityId,
        schoolId: event.schoolId!,
        events: [],
      };
      chain.events.push(event);
      chains.set(key, chain);
    }
    const conflicts: VoidConflict[] = [];
    const selectedIds = new Set(selected.map((e) => e.id));

    // Anyone's write to the record after the first operation voided, not itself being voided.
    for (const chain of chains.values()) {
      const first = chain.events[0]!;
      const later = await tx.execute<{ id: string }[]>(
        `select e.id from audit_event e
          where e.entity_type = ? and e.entity_id = ? and e.school_id = ?
            and e.action = any(?::text[]) and e.seq > ?`,
        [
          chain.entityType,
          chain.entityId,
          chain.schoolId,
          `{${CHANGES_STATE.join(',')}}`,
          first.seq,
        ],
        'all',
        tx.getTransactionContext(),
      );
      if (later.some((r) => !selectedIds.has(r.id))) {
        const last = chain.events[chain.events.length - 1]!;
        conflicts.push({
          operationId: last.id,
          entityType: chain.entityType,
          entityId: chain.entityId,
          problem: 'CHANGED_SINCE',
        });
      }
    }
    if (conflicts.length > 0) {
      throw conflictError(conflicts);
    }

    const actor = actorOf(viewer);
    const journalEvents: JournalEventPayload[] = [];
    const lessonChanges = new Map<string, LessonEventKind>();
    // Newest chain first: an account's marks on a lesson it created go before the lesson does.
    const ordered = [...chains.values()].sort((a, b) =>
      Number(BigInt(b.events.at(-1)!.seq) - BigInt(a.events.at(-1)!.seq)),
    );
    let voided = 0;
    for (const chain of ordered) {
      const first = chain.events[0]!;
      const last = chain.events.at(-1)!;
      const target = first.action === 'create' ? null : (first.before ?? null);
      const context = await restoreContext(tx, chain, first);
      const outcome = await restore(tx, chain, target, context);
      if (outcome.problem) {
        conflicts.push({
          operationId: last.id,
          entityType: chain.entityType,
          entityId: chain.entityId,
          problem: outcome.problem,
        });
        continue;
      }
      const voidEvent = recordAudit(tx, actor, {
        schoolId: chain.schoolId,
        entityType: chain.entityType,
        entityId: chain.entityId,
        action: 'void',
        before: last.action === 'delete' ? null : (last.after ?? null),
        after: target,
        reason,
      });
      for (const event of chain.events) {
        tx.persist(
          tx.create(VoidedOperation, {
            auditEventId: event.id,
            report: report,
            voidedBy: tx.getReference(Person, viewer.personId),
            voidEventId: voidEvent.id,
          }),
        );
        voided += 1;
      }
      // Flush per record: a re-created row must exist before an older record refers to it.
      await tx.flush();
      journalEvents.push(...(await liveEventsOf(tx, chain, target, last, viewer)));
      const lessonId =
        chain.entityType === 'Lesson'
          ? chain.entityId
          : chain.entityType === 'Homework'
            ? (str(target ?? last.after ?? last.before ?? {}, 'lessonId') ?? null)
            : null;
      if (lessonId) {
        lessonChanges.set(lessonId, LessonEventKind.LESSON_UPDATED);
      }
    }
    if (conflicts.length > 0) {
      throw conflictError(conflicts);
    }
    recordAudit(tx, actor, {
      schoolId: schools[0]!,
      entityType: 'CompromiseReport',
      entityId: report.id,
      action: 'voidOperations',
      after: { operationIds: selected.map((e) => e.id), voided },
      reason,
    });
    await tx.flush();
    return {
      voided,
      journalEvents,
      lessonChanges: [...lessonChanges].map(([lessonId, kind]) => ({ lessonId, kind })),
    };
  });
}

function conflictError(conflicts: VoidConflict[]) {
  return new DomainError(ErrorCode.CONFLICT, 'compromise.conflict', {
    field: 'operationIds',
    params: { count: conflicts.length },
    details: { conflicts },
  });
}

/** Who entered the record as it will stand again, and when it was first created. */
interface RestoreContext {
  enteredBy: string;
  createdAt: Date | null;
}

async function restoreContext(
  tx: EntityManager,
  chain: Chain,
  first: AuditEvent,
): Promise<RestoreContext> {
  const [previous] = await tx.execute<{ actor_id: string | null }[]>(
    `select actor_id from audit_event
      where entity_type = ? and entity_id = ? and school_id = ? and seq < ?
        and action = any(?::text[])
      order by seq desc limit 1`,
    [chain.entityType, chain.entityId, chain.schoolId, first.seq, `{${CHANGES_STATE.join(',')}}`],
    'all',
    tx.getTransactionContext(),
  );
  const [created] = await tx.execute<{ occurred_at: Date }[]>(
    `select occurred_at from audit_event
      where entity_type = ? and entity_id = ? and school_id = ? and action = 'create'
      order by seq limit 1`,
    [chain.entityType, chain.entityId, chain.schoolId],
    'all',
    tx.getTransactionContext(),
  );
  return {
    // The system's own writes (seeding) have no actor: the record was then the account's own.
    enteredBy: previous?.actor_id ?? first.actorId!,
    createdAt: created ? new Date(created.occurred_at) : null,
  };
}

/** Puts one record back to `target` (null: it did not exist). */
async function restore(
  tx: EntityManager,
  chain: Chain,
  target: Snapshot | null,
  context: RestoreContext,
): Promise<{ problem?: VoidConflict['problem'] }> {
  const id = chain.entityId;
  const enteredBy = tx.getReference(Person, context.enteredBy);
  const created = context.createdAt ? { createdAt: context.createdAt } : {};
  switch (chain.entityType) {
    case 'Mark': {
      const mark = await tx.findOne(Mark, id);
      if (!target) {
        if (mark) {
          tx.remove(mark);
        }
        return {};
      }
      const fields = {
        value: str(target, 'value')!,
        numericValue: Number(target.value),
        workType: str(target, 'workTypeId')
          ? tx.getReference(WorkType, str(target, 'workTypeId')!)
          : null,
        weight: Number(target.weight ?? 1),
        comment: str(target, 'comment'),
        enteredBy,
      };
      if (mark) {
        tx.assign(mark, fields);
      } else {
        tx.persist(
          tx.create(Mark, {
            id,
            school: chain.schoolId,
            lesson: str(target, 'lessonId')!,
            student: str(target, 'studentId')!,
            ...fields,
            ...created,
          }),
        );
      }
      return {};
    }
    case 'Attendance': {
      const record = await tx.findOne(Attendance, id);
      if (!target) {
        if (record) {
          tx.remove(record);
        }
        return {};
      }
      const fields = {
        status: str(target, 'status') as AttendanceStatus,
        reason: str(target, 'reason') as Attendance['reason'],
        minutesLate: num(target, 'minutesLate'),
        enteredBy,
      };
      if (record) {
        tx.assign(record, fields);
        return {};
      }
      const lessonId = str(target, 'lessonId')!;
      const studentId = str(target, 'studentId')!;
      if (await tx.count(Attendance, { lesson: lessonId, student: studentId })) {
        return { problem: 'OCCUPIED' };
      }
      tx.persist(
        tx.create(Attendance, {
          id,
          school: chain.schoolId,
          lesson: lessonId,
          student: studentId,
          ...fields,
          ...created,
        }),
      );
      return {};
    }
    case 'PeriodMark': {
      const mark = await tx.findOne(PeriodMark, id);
      if (!target) {
        if (mark) {
          tx.remove(mark);
        }
        return {};
      }
      const fields = {
        value: str(target, 'value'),
        numericValue: num(target, 'value'),
        special: str(target, 'special') as PeriodMark['special'],
        enteredBy,
      };
      if (mark) {
        tx.assign(mark, fields);
        return {};
      }
      const key = {
        student: str(target, 'studentId')!,
        subject: str(target, 'subjectId')!,
        period: str(target, 'periodId')!,
      };
      if (await tx.count(PeriodMark, key)) {
        return { problem: 'OCCUPIED' };
      }
      tx.persist(
        tx.create(PeriodMark, { id, school: chain.schoolId, ...key, ...fields, ...created }),
      );
      return {};
    }
    case 'Homework': {
      const homework = await tx.findOne(Homework, id);
      if (!target) {
        if (homework) {
          tx.remove(homework);
        }
        return {};
      }
      const fields = { text: str(target, 'text')!, dueOn: str(target, 'dueOn'), enteredBy };
      if (homework) {
        tx.assign(homework, fields);
        return {};
      }
      const lessonId = str(target, 'lessonId')!;
      if (await tx.count(Homework, { lesson: lessonId })) {
        return { problem: 'OCCUPIED' };
      }
      tx.persist(
        tx.create(Homework, {
          id,
          school: chain.schoolId,
          lesson: lessonId,
          ...fields,
          ...created,
        }),
      );
      return {};
    }
    case 'Lesson': {
      const lesson = await tx.findOne(Lesson, id);
      if (!lesson) {
        return {};
      }
      if (!target) {
        // A lesson the account created goes only once nothing is recorded on it any more.
        const [marks, absences, homework] = await Promise.all([
          tx.count(Mark, { lesson }),
          tx.count(Attendance, { lesson }),
          tx.count(Homework, { lesson }),
        ]);
        if (marks + absences + homework > 0) {
          return { problem: 'IN_USE' };
        }
        tx.remove(lesson);
        return {};
      }
      tx.assign(lesson, {
        topic: str(target, 'topic'),
        plannedTopic: str(target, 'plannedTopicId')
          ? tx.getReference(PlannedTopic, str(target, 'plannedTopicId')!)
          : null,
        workType: str(target, 'workTypeId')
          ? tx.getReference(WorkType, str(target, 'workTypeId')!)
          : null,
        status: str(target, 'status') as Lesson['status'],
        enteredBy,
      });
      return {};
    }
    default:
      return {};
  }
}

/** The journal events a diary or journal page needs for a restored mark or absence. */
async function liveEventsOf(
  tx: EntityManager,
  chain: Chain,
  target: Snapshot | null,
  last: AuditEvent,
  viewer: Viewer,
): Promise<JournalEventPayload[]> {
  if (chain.entityType !== 'Mark' && chain.entityType !== 'Attendance') {
    return [];
  }
  const shape = target ?? last.after ?? last.before ?? {};
  const lesson = await tx.findOne(Lesson, str(shape, 'lessonId')!);
  if (!lesson) {
    return [];
  }
  const assignment = await tx.findOneOrFail(TeachingAssignment, lesson.assignment.id);
  const existedBefore = last.action !== 'delete';
  const base = {
    schoolId: chain.schoolId,
    schoolClassId: assignment.schoolClass.id,
    subjectId: assignment.subject.id,
    assignmentId: assignment.id,
    lessonId: lesson.id,
    lessonDate: lesson.date,
    studentId: str(shape, 'studentId')!,
    actorId: viewer.personId,
    occurredAt: new Date().toISOString(),
  };
  if (chain.entityType === 'Mark') {
    return [
      {
        ...base,
        kind: !target
          ? JournalEventKind.MARK_REMOVED
          : existedBefore
            ? JournalEventKind.MARK_CHANGED
            : JournalEventKind.MARK_SET,
        markId: chain.entityId,
        value: target ? str(target, 'value') : null,
        attendanceId: null,
        attendanceStatus: null,
      },
    ];
  }
  return [
    {
      ...base,
      kind: target ? JournalEventKind.ATTENDANCE_SET : JournalEventKind.ATTENDANCE_REMOVED,
      markId: null,
      value: null,
      attendanceId: chain.entityId,
      attendanceStatus: target ? str(target, 'status') : null,
      minutesLate: target ? num(target, 'minutesLate') : null,
      reason: target ? (str(target, 'reason') as Attendance['reason']) : null,
    },
  ];
}
