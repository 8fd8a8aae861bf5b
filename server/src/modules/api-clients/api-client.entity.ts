import { ArrayType, type Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/base.entity.js';
import { Person } from '../people/person.entity.js';
import { ApiScope } from './api-scope.js';

/**
 * An analytics tool's read-only access to one or more schools (issue 8). The token is shown once
 * at creation; only its SHA-256 is kept (like session tokens: it is random, no slow hash needed).
 */
@ObjectType({ description: 'An API client: read-only access for an analytics tool.' })
@Entity({ tableName: 'api_client' })
@Index({
  name: 'api_client_school_ids_idx',
  expression: 'create index "api_client_school_ids_idx" on "api_client" using gin ("school_ids")',
})
export class ApiClient extends BaseEntity {
  @Field(() => String, { description: 'What the administration calls it, e.g. the tool.' })
  @Property({ type: 'text' })
  name!: string;

  /** The schools it may read; the administration of each granted it. */
  @Field(() => [ID], { description: 'The schools it may read.' })
  @Property({ type: new ArrayType((s) => s), columnType: 'uuid[]' })
  schoolIds!: string[];

  @Field(() => [ApiScope], { description: 'The kinds of data it may read.' })
  @Property({ type: new ArrayType((s) => s as ApiScope), columnType: 'text[]' })
  scopes!: ApiScope[];

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  /** The first characters of the token, so that people can tell tokens apart; not a secret. */
  @Field(() => String, { description: 'The start of the token, to tell tokens apart.' })
  @Property({ type: 'text' })
  tokenPrefix!: string;

  @ManyToOne(() => Person, { deleteRule: 'restrict' })
  createdBy!: Person;

  @Field(() => Date, {
    nullable: true,
    description: 'Last request made with the token (updated at most once a minute).',
  })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while it works.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  @Property({ type: 'text', nullable: true })
  revokeReason?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/**
 * Requests made with API tokens, one row per client, minute, root fields, operation name and
 * address, with a count. A row per request would dwarf the journal itself (a tool paging through a
 * year of marks makes thousands of requests), and `audit_event`'s hash chain is for changes; this
 * still answers which client read which kinds of data, when and from where, in one upsert per
 * request.
 */
@Entity({ tableName: 'api_request' })
@Unique({
  name: 'api_request_bucket_unique',
  properties: ['client', 'minute', 'fields', 'operationName', 'ip'],
})
export class ApiRequest extends BaseEntity {
  @ManyToOne(() => ApiClient, { deleteRule: 'cascade' })
  client!: ApiClient;

  /** The minute the requests fell in (truncated). */
  @Property({ type: 'timestamptz' })
  minute!: Date;

  /** The root fields asked, sorted and comma-separated. */
  @Property({ type: 'text' })
  fields!: string;

  /** The operation name the tool gave ('' when none). */
  @Property({ type: 'text' })
  operationName!: string;

  /** The caller's address ('' when unknown). */
  @Property({ type: 'text' })
  ip!: string;

  @Property({ type: 'integer' })
  count!: number;
}
