import type { Opt } from '@mikro-orm/core';
import { Entity, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../core/base.entity.js';
import { Person } from '../modules/people/person.entity.js';

/**
 * A person's TOTP second factor (issue 8). The secret is shown once, at enrolment, and never
 * returned again; with TOTP_ENCRYPTION_KEY it is stored encrypted (auth/totp.ts).
 */
@Entity({ tableName: 'totp_factor' })
export class TotpFactor extends BaseEntity {
  @OneToOne(() => Person, { owner: true, deleteRule: 'cascade', unique: true })
  person!: Person;

  @Property({ type: 'text', hidden: true })
  secret!: string;

  /** Null while enrolment waits for the first correct code: not asked for at sign-in yet. */
  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt?: Date | null;

  /** The last 30-second step a code was accepted for: a code is good once (no replay). */
  @Property({ type: 'int', nullable: true })
  lastStep: Opt<number> | null = null;
}
