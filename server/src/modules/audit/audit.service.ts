import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditActor {
  personId: string | null;
  sessionId: string | null;
}

export interface AuditEntry {
  schoolId?: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

/**
 * Queues an audit event in the caller's unit of work, so it commits (or rolls back) with the
 * write it describes (R-DATA-3).
 */
export function recordAudit(em: EntityManager, actor: AuditActor, entry: AuditEntry): AuditEvent {
  const event = em.create(AuditEvent, {
    schoolId: entry.schoolId ?? null,
    actorId: actor.personId,
    sessionId: actor.sessionId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  });
  em.persist(event);
  return event;
}
