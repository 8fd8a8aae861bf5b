import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import { Session } from '../../auth/session.entity.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Attendance, type AttendanceStatus } from '../journal/attendance.entity.js';
import { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { PeriodMark } from '../journal/period-mark.entity.js';
import { optionalText, requiredReason } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { recordAudit } from './audit.service.js';

/** Journal records an account can write and that voiding restores (R-AUTH-3). */
const VOIDABLE = ['Mark', 'Attendance', 'PeriodMark', 'Lesson'];

/** Schools where the person holds a role and the viewer administers. */
async function administeredSchoolsOf(em: EntityManager, viewer: Viewer, personId: string) {
  const rows = await em
    .getConnection()
    .execute<{ school_id: string }[]>(
      `select distinct school_id from role_assignment where person_id = any(?::uuid[])`,
      [uuidArray([personId])],
    );
  return rows.map((r) => r.school_id).filter((s) => viewer.hasRole(s, ...ADMINISTRATION));
}

function sinceOf(value: Date): Date {
  if (Number.isNaN(value.getTime()) || value.getTime() > Date.now()) {
    throw badInput('since', 'compromise.since');
  }
  return value;
}

/**
 * R-AUTH-3: the person (or the administration for them) reports their credentials leaked as of
 * `since`. Every session ends at once (their sockets close through SESSIONS_REVOKED, published
 * by the resolver); the operations since then become disputed.
 */
export async function reportCompromise(
  em: EntityManager,
  viewer: Viewer,
  personIdInput: string,
  sinceInput: Date,
  note: string | null | undefined,
): Promise<{ personId: string; sessionsRevoked: number }> {
  const personId = requireId(personIdInput, 'personId');
  const since = sinceOf(sinceInput);
  const self = personId === viewer.personId;
  if (!self && (await administeredSchoolsOf(em, viewer, personId)).length === 0) {
    throw notFound('personId');
  }
  return em.transactional(async (tx) => {
    const sessionsRevoked = await tx.nativeUpdate(
      Session,
      { person: personId, revokedAt: null },
      { revokedAt: new Date() },
    );
    recordAudit(
      tx,
      { personId: viewer.personId, sessionId: viewer.sessionId },
      {
        entityType: 'Person',
        entityId: personId,
        action: 'reportCompromise',
        after: { since: since.toISOString(), sessionsRevoked },
        reason: optionalText(note, 'note', 500),
      },
    );
    return { personId, sessionsRevoked };
  });
}

/** What the account did since `since` in the viewer's schools: the disputed operations. */
export async function disputedOperations(
  em: EntityManager,
  viewer: Viewer,
  personIdInput: string,
  sinceInput: Date,
): Promise<AuditEvent[]> {
  const personId = requireId(personIdInput, 'personId');
  const since = sinceOf(sinceInput);
  const schools = await administeredSchoolsOf(em, viewer, personId);
  if (schools.length === 0) {
    throw notFound('personId');
  }
  return em.find(
    AuditEvent,
    {
      actorId: personId,
      occurredAt: { $gte: since },
      entityType: { $in: VOIDABLE },
      action: { $in: ['create', 'update', 'delete', 'cancel'] },
      schoolId: { $in: schools },
    },
    { orderBy: { occurredAt: 'asc', id: 'asc' } },
  );
}

type Snapshot = Record<string, unknown>;
const str = (s: Snapshot, k: string) => (s[k] ?? null) as string | null;

/**
 * Restores, newest first, what each disputed operation changed, from the audit trail's `before`
 * (a creation is undone by removing the record). One transaction; each restoration is audited.
 */
export async function voidOperations(
  em: EntityManager,
  viewer: Viewer,
  personIdInput: string,
  sinceInput: Date,
  reasonInput: string,
): Promise<number> {
  const reason = requiredReason(reasonInput, 'reason');
  const events = await disputedOperations(em, viewer, personIdInput, sinceInput);
  if (events.length === 0) {
    return 0;
  }
  if (events.some((e) => !e.schoolId)) {
    throw forbidden();
  }
  return em.transactional(async (tx) => {
    const actor = { personId: viewer.personId, sessionId: viewer.sessionId };
    for (const event of [...events].reverse()) {
      const before = event.before ?? null;
      const id = event.entityId;
      switch (event.entityType) {
        case 'Mark': {
          const mark = await tx.findOne(Mark, id);
          if (event.action === 'create') {
            if (mark) {
              tx.remove(mark);
            }
          } else if (before && mark) {
            mark.value = str(before, 'value')!;
            mark.numericValue = Number(before.value);
            mark.weight = Number(before.weight ?? 1);
            mark.comment = str(before, 'comment');
          } else if (before && !mark) {
            tx.persist(
              tx.create(Mark, {
                id,
                school: event.schoolId!,
                lesson: str(before, 'lessonId')!,
                student: str(before, 'studentId')!,
                value: str(before, 'value')!,
                numericValue: Number(before.value),
                workType: str(before, 'workTypeId'),
                weight: Number(before.weight ?? 1),
                comment: str(before, 'comment'),
                enteredBy: tx.getReference(Person, viewer.personId),
              }),
            );
          }
          break;
        }
        case 'Attendance': {
          const record = await tx.findOne(Attendance, id);
          if (event.action === 'create') {
            if (record) {
              tx.remove(record);
            }
          } else if (before && record) {
            record.status = str(before, 'status') as AttendanceStatus;
            record.reason = str(before, 'reason') as Attendance['reason'];
            record.minutesLate = (before.minutesLate ?? null) as number | null;
          } else if (before && !record) {
            tx.persist(
              tx.create(Attendance, {
                id,
                school: event.schoolId!,
                lesson: str(before, 'lessonId')!,
                student: str(before, 'studentId')!,
                status: str(before, 'status') as AttendanceStatus,
                reason: str(before, 'reason') as Attendance['reason'],
                minutesLate: (before.minutesLate ?? null) as number | null,
                enteredBy: tx.getReference(Person, viewer.personId),
              }),
            );
          }
          break;
        }
        case 'PeriodMark': {
          const mark = await tx.findOne(PeriodMark, id);
          if (event.action === 'create') {
            if (mark) {
              tx.remove(mark);
            }
          } else if (before && mark) {
            mark.value = str(before, 'value');
            mark.numericValue = before.value === null ? null : Number(before.value);
            mark.special = str(before, 'special') as PeriodMark['special'];
          } else if (before && !mark) {
            tx.persist(
              tx.create(PeriodMark, {
                id,
                school: event.schoolId!,
                student: str(before, 'studentId')!,
                subject: str(before, 'subjectId')!,
                period: str(before, 'periodId')!,
                value: str(before, 'value'),
                numericValue: before.value === null ? null : Number(before.value),
                special: str(before, 'special') as PeriodMark['special'],
                enteredBy: tx.getReference(Person, viewer.personId),
              }),
            );
          }
          break;
        }
        case 'Lesson': {
          const lesson = await tx.findOne(Lesson, id);
          if (!lesson) {
            break;
          }
          if (event.action === 'create') {
            // Its marks and absences by the same account were voided first (newest first).
            tx.remove(lesson);
          } else if (before) {
            lesson.topic = str(before, 'topic');
            lesson.status = str(before, 'status') as Lesson['status'];
            lesson.workType = str(before, 'workTypeId') as never;
            lesson.plannedTopic = str(before, 'plannedTopicId') as never;
          }
          break;
        }
        default:
          break;
      }
      recordAudit(tx, actor, {
        schoolId: event.schoolId,
        entityType: event.entityType,
        entityId: id,
        action: 'void',
        before: event.after ?? null,
        after: before,
        reason: `${reason} (voids ${event.action} of ${event.occurredAt.toISOString()})`,
      });
      // Flush per step: a re-created row must exist before an older step touches it.
      await tx.flush();
    }
    return events.length;
  });
}
