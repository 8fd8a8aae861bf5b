import { canonicalJson, sha256Hex } from './canonical.js';

/** The first event of a chain follows this hash. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * An audit event as hashed and archived (R-DATA-2). Timestamps are UTC text with microseconds as
 * PostgreSQL keeps them, `seq` is text (a bigint): the same fields and forms the `audit_chain`
 * trigger hashes (migration year_archive), so Node and PostgreSQL agree to the byte.
 */
export interface ChainedAuditEvent {
  id: string;
  createdAt: string;
  schoolId: string | null;
  actorId: string | null;
  sessionId: string | null;
  occurredAt: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  seq: string;
  prevHash: string;
  hash: string;
}

const UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** Select list giving `ChainedAuditEvent` rows from `audit_event e`. */
export const AUDIT_EVENT_COLUMNS = `e.id, to_char(e.created_at at time zone 'UTC', ${UTC}) as "createdAt",
  e.school_id as "schoolId", e.actor_id as "actorId", e.session_id as "sessionId",
  to_char(e.occurred_at at time zone 'UTC', ${UTC}) as "occurredAt", e.entity_type as "entityType",
  e.entity_id as "entityId", e.action, e.before, e.after, e.reason, e.seq::text as seq,
  e.prev_hash as "prevHash", e.hash`;

/** hex(SHA-256(prevHash || JCS(the event without prevHash and hash))). */
export function auditEventHash(event: ChainedAuditEvent): string {
  const { prevHash, hash: _hash, ...content } = event;
  return sha256Hex(prevHash + canonicalJson(content));
}

export interface ChainProblem {
  entityType: 'AuditEvent';
  entityId: string;
  problem: 'hashMismatch' | 'brokenLink' | 'sequenceGap';
  detail: string;
}

/**
 * Checks a contiguous stretch of one chain, in the order given: positions follow one another,
 * each event links to the hash of the one before (the first to `anchor`), and each hash is the
 * hash of its content. An altered event fails its own hash; a removed, inserted or reordered one
 * breaks the positions or the links.
 */
export function verifyAuditChain(
  events: readonly ChainedAuditEvent[],
  anchor: string,
  firstSeq?: string,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prevHash = anchor;
  let prevSeq = firstSeq === undefined ? null : BigInt(firstSeq) - 1n;
  for (const event of events) {
    const seq = BigInt(event.seq);
    if (prevSeq !== null && seq !== prevSeq + 1n) {
      problems.push({
        entityType: 'AuditEvent',
        entityId: event.id,
        problem: 'sequenceGap',
        detail: `position ${event.seq} follows ${prevSeq.toString()}`,
      });
    }
    if (event.prevHash !== prevHash) {
      problems.push({
        entityType: 'AuditEvent',
        entityId: event.id,
        problem: 'brokenLink',
        detail: `links to ${event.prevHash.slice(0, 12)}…, the event before hashes to ${prevHash.slice(0, 12)}…`,
      });
    }
    if (auditEventHash(event) !== event.hash) {
      problems.push({
        entityType: 'AuditEvent',
        entityId: event.id,
        problem: 'hashMismatch',
        detail: 'content does not match its hash',
      });
    }
    prevHash = event.hash;
    prevSeq = seq;
  }
  return problems;
}
