import { randomUUID } from 'node:crypto';
import type { Opt } from '@mikro-orm/core';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * Every table has a random UUID key (ids are not guessable or countable across schools) and a
 * creation instant. Timeliness of journal records (R-JRN-3, R-JRN-4) is measured from `createdAt`.
 */
// Decorated so that subclasses inherit its fields; never exposed itself (nothing returns it).
@ObjectType({ simpleResolvers: true, description: 'Base of every entity.' })
export abstract class BaseEntity {
  @Field(() => ID, { description: 'Stable opaque identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Field(() => Date, { description: 'When the record was first entered.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
