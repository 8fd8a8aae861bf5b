import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../core/base.entity.js';
import { Person } from '../modules/people/person.entity.js';

/**
 * A signed-in session. The client holds an opaque random token; only its SHA-256 is stored, so a
 * database leak yields no usable sessions, and any session can be revoked (R-AUTH-3).
 */
@Entity({ tableName: 'session' })
@Index({ name: 'session_person_idx', properties: ['person'] })
@Index({ name: 'session_person_device_idx', properties: ['person', 'deviceHash'] })
export class Session extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Person;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Touched at most once a minute (auth/viewer.ts); older than `idleMinutes` ends the session. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lastSeenAt: Opt<Date> = new Date();

  /** Fixed at sign-in from the person's roles (auth/session-policy.ts). */
  @Property({ type: 'int', defaultRaw: '10080' })
  idleMinutes: Opt<number> = 10080;

  /**
   * SHA-256 of the device id the client keeps (a long-lived cookie): a later sign-in from the same
   * device is not held back by the per-account throttle (auth/throttle.ts).
   */
  @Property({ type: 'text', nullable: true, hidden: true })
  deviceHash?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;

  @Property({ type: 'text', nullable: true })
  ipAddress?: string | null;
}
