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
export class Session extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Person;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lastSeenAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;

  @Property({ type: 'text', nullable: true })
  ipAddress?: string | null;
}
