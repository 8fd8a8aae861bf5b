import { JSONObjectResolver } from 'graphql-scalars';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ADMINISTRATION } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { unauthenticated } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Person } from '../people/person.entity.js';
import { SESSIONS_REVOKED, type SessionsRevoked } from '../../auth/auth.events.js';
import { requireViewer } from '../../auth/viewer.js';
import { AuditEvent } from './audit-event.entity.js';
import { disputedOperations, reportCompromise, voidOperations } from './compromise.service.js';

@ObjectType({ description: 'One change in the history of a record (R-DATA-3).' })
export class AuditEntry {
  @Field(() => ID, { description: 'The event.' })
  id!: string;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt!: Date;

  @Field(() => String, { description: 'create, update, delete, cancel, …' })
  action!: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'The record before.' })
  before!: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'The record after.' })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The reason given.' })
  reason!: string | null;

  /** Kept for the actor field resolver; not exposed. */
  actorId!: string | null;
}

const toEntry = (e: AuditEvent): AuditEntry =>
  Object.assign(new AuditEntry(), {
    id: e.id,
    occurredAt: e.occurredAt,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    actorId: e.actorId ?? null,
  });

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => [AuditEntry], {
    description:
      "The history of a mark, lesson, attendance or period mark, oldest first: the administration's view (R-DATA-3).",
  })
  async history(
    @Arg('entityType', () => String, { description: 'e.g. Mark, Lesson, Attendance.' })
    entityType: string,
    @Arg('entityId', () => ID, { description: 'The record.' }) entityIdInput: string,
    @Ctx() ctx: Context,
  ): Promise<AuditEntry[]> {
    if (!ctx.viewer) {
      throw unauthenticated();
    }
    const entityId = requireId(entityIdInput, 'entityId');
    // Only events of schools the viewer administers: another school's history is simply empty.
    const events = await ctx.em.find(
      AuditEvent,
      { entityType, entityId, schoolId: { $in: ctx.viewer.schoolIds(...ADMINISTRATION) } },
      { orderBy: { occurredAt: 'asc', id: 'asc' } },
    );
    return events.map(toEntry);
  }

  @Query(() => [AuditEntry], {
    description:
      'What an account did since a moment its credentials leaked: the disputed operations (R-AUTH-3).',
  })
  async disputedOperations(
    @Arg('personId', () => ID, { description: 'The account.' }) personId: string,
    @Arg('since', () => Date, { description: 'When the credentials leaked.' }) since: Date,
    @Ctx() ctx: Context,
  ): Promise<AuditEntry[]> {
    return (await disputedOperations(ctx.em, requireViewer(ctx), personId, since)).map(toEntry);
  }

  @Mutation(() => Int, {
    description:
      "Reports an account's credentials leaked as of a moment: every session ends and its sockets close (R-AUTH-3). Returns the sessions ended.",
  })
  async reportCompromise(
    @Arg('personId', () => ID, { description: 'The account (yourself, or one you administer).' })
    personId: string,
    @Arg('since', () => Date, { description: 'When the credentials leaked.' }) since: Date,
    @Arg('note', () => String, { nullable: true, description: 'What happened.' })
    note: string | null,
    @Ctx() ctx: Context,
  ): Promise<number> {
    const result = await reportCompromise(ctx.em, requireViewer(ctx), personId, since, note);
    ctx.bus.publish(SESSIONS_REVOKED, { personId: result.personId } satisfies SessionsRevoked);
    return result.sessionsRevoked;
  }

  @Mutation(() => Int, {
    description:
      'Voids every disputed operation of an account since a moment, restoring the previous values from the audit trail; returns how many (R-AUTH-3).',
  })
  voidOperations(
    @Arg('personId', () => ID, { description: 'The account.' }) personId: string,
    @Arg('since', () => Date, { description: 'When the credentials leaked.' }) since: Date,
    @Arg('reason', () => String, { description: 'Why (kept in the audit trail).' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return voidOperations(ctx.em, requireViewer(ctx), personId, since, reason);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who made the change.' })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    return entry.actorId ? ctx.loaders.load(Person, entry.actorId) : null;
  }
}
