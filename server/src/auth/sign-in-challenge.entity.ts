import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../core/base.entity.js';
import { Person } from '../modules/people/person.entity.js';

/**
 * The short-lived proof that a person passed the password step and owes a TOTP code. The client
 * holds a random token; only its SHA-256 is stored. Good once, for a few minutes.
 */
@Entity({ tableName: 'sign_in_challenge' })
@Index({ name: 'sign_in_challenge_expires_at_idx', properties: ['expiresAt'] })
export class SignInChallenge extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Person;

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;
}
