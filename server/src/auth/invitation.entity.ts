import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../core/base.entity.js';
import { Person } from '../modules/people/person.entity.js';
import { Role } from '../modules/people/role-assignment.entity.js';
import { School } from '../modules/school/school.entity.js';

/**
 * A one-time code through which a person sets their own login and password (R-AUTH-1): staff get
 * theirs from the administrator, parents and students from their class teacher. Only the code's
 * SHA-256 is stored; it expires and can be redeemed once.
 */
@Entity({ tableName: 'invitation' })
@Index({ name: 'invitation_person_idx', properties: ['person'] })
@Check({ name: 'invitation_expiry_check', expression: 'expires_at > created_at' })
export class Invitation extends BaseEntity {
  @ManyToOne(() => School, { deleteRule: 'restrict' })
  school!: School;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Person;

  /** The role the invitation was issued for; decides who may issue it. */
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  @Property({ type: 'text', unique: true, hidden: true })
  codeHash!: string;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  issuedBy!: Person;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  redeemedAt?: Date | null;

  /** Issuing a new code for a person withdraws their older unredeemed ones. */
  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt?: Date | null;
}
