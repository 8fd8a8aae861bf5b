import type { Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../core/base.entity.js';

/**
 * R-DATA-3, R-AUTH-3(b), R-AUTH-4: the append-only trail of every write. A trigger in the
 * migrations refuses UPDATE and DELETE on this table. Ids are kept as plain columns, not foreign
 * keys, so the trail outlives what it describes.
 */
@Entity({ tableName: 'audit_event' })
@Index({ name: 'audit_event_entity_idx', properties: ['entityType', 'entityId', 'occurredAt'] })
@Index({ name: 'audit_event_actor_idx', properties: ['actorId', 'occurredAt'] })
// Sign-in checks per person (journal control, user activity): index-only with `action` in the key,
// and the school and id that row security tests included.
@Index({
  name: 'audit_event_actor_action_idx',
  properties: ['actorId', 'action', 'occurredAt'],
  include: ['schoolId', 'id'],
})
@Index({ name: 'audit_event_school_idx', properties: ['schoolId', 'occurredAt'] })
// One event per position of each chain; the null school (the system's events) is one chain too.
@Unique({
  name: 'audit_event_chain_unique',
  expression:
    'create unique index "audit_event_chain_unique" on "audit_event" ("school_id", "seq") nulls not distinct',
})
export class AuditEvent extends BaseEntity {
  @Property({ type: 'uuid', nullable: true })
  schoolId?: string | null;

  /** Null for the system itself (seeding, migrations). */
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  sessionId?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  occurredAt: Opt<Date> = new Date();

  /** e.g. `Mark`, `Lesson`, `Session`. */
  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  /** e.g. `create`, `update`, `delete`, `signIn`, `redeemInvitation`. */
  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'jsonb', nullable: true })
  before?: Record<string, unknown> | null;

  @Property({ type: 'jsonb', nullable: true })
  after?: Record<string, unknown> | null;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /**
   * R-DATA-2: position in the school's hash chain (the system's own events form one more chain).
   * Set by the `audit_chain` trigger, never by the application: see
   * modules/archive/audit-chain.ts for the hash and the migration for the trigger.
   */
  @Property({ type: 'bigint', defaultRaw: '0' })
  seq!: Opt<string>;

  /** Hex SHA-256 of the previous event of the chain (64 zeros for the first). Set by trigger. */
  @Property({ type: 'text', defaultRaw: "''" })
  prevHash!: Opt<string>;

  /** Hex SHA-256 over `prevHash` and the event's canonical JSON. Set by trigger. */
  @Property({ type: 'text', defaultRaw: "''" })
  hash!: Opt<string>;
}
