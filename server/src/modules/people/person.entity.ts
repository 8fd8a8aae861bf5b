import type { Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';

/**
 * A human being and, once credentials are issued, their account. People are not school-owned:
 * a teacher may work in two schools and a parent may have children in two. What a person may do
 * in a school comes from their RoleAssignments there.
 */
@ObjectType({ simpleResolvers: true, description: 'A person: staff, student or parent.' })
@Entity({ tableName: 'person' })
@Index({ name: 'person_name_idx', properties: ['lastName', 'firstName'] })
export class Person extends BaseEntity {
  @Field(() => String, { description: 'Family name.' })
  @Property({ type: 'text' })
  lastName!: string;

  @Field(() => String, { description: 'Given name.' })
  @Property({ type: 'text' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Patronymic, where used.' })
  @Property({ type: 'text', nullable: true })
  middleName?: string | null;

  @Property({ type: 'date', nullable: true })
  birthDate?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  /**
   * Set when the person redeems an invitation or staff credentials are issued (R-AUTH-1).
   * Exposed through `PersonResolver.login`, which shows it only to its owner and the staff who
   * manage accounts: a sign-in name is half a credential.
   */
  @Property({ type: 'text', nullable: true, unique: true })
  login?: string | null;

  /** argon2id; never exposed. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  passwordHash?: string | null;

  @Field(() => String, { description: 'Preferred interface language (ru, kk, en).' })
  @Property({ type: 'text' })
  locale: string & Opt = 'ru';

  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt?: Date | null;

  @Property({ version: true })
  version: number & Opt = 1;
}
