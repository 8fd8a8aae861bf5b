import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';

export enum DigestFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
registerEnumType(DigestFrequency, {
  name: 'DigestFrequency',
  description: 'How often a parent gets the e-mail digest (R-DRY-3).',
});

/**
 * A parent's subscription to an e-mail digest of their children's marks, absences and homework
 * (R-DRY-3). Per person, not per school: one digest covers children in several schools.
 * `lastSentAt` is where the next digest starts.
 */
@ObjectType({ description: 'Your e-mail digest subscription (R-DRY-3).' })
@Entity({ tableName: 'digest_subscription' })
@Unique({ name: 'digest_subscription_person_unique', properties: ['person'] })
export class DigestSubscription extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person!: Person;

  @Field(() => DigestFrequency, { description: 'Daily or weekly.' })
  @Enum({ items: () => DigestFrequency, nativeEnumName: 'digest_frequency' })
  frequency!: DigestFrequency;

  @Field(() => String, { description: 'Where the digest goes.' })
  @Property({ type: 'text' })
  email!: string;

  @Field(() => Date, { description: 'The next digest covers what happened since then.' })
  @Property({ type: 'timestamptz' })
  lastSentAt: Opt<Date> = new Date();
}
