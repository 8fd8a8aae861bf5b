import { JSONObjectResolver } from 'graphql-scalars';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { uuidArray } from '../../auth/access.js';
import { ADMINISTRATION } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { unauthenticated } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { Person } from '../people/person.entity.js';
import { AuditEvent } from './audit-event.entity.js';

@ObjectType({ description: 'One change in the history of a record (R-DATA-3).' })
export class AuditEntry {
  @Field(() => ID, { description: 'The event.' })
  id!: string;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt!: Date;

  @Field(() => String, {
    description:
      "What changed: e.g. Lesson, Homework (a lesson's history includes its homework), Mark.",
  })
  entityType!: string;

  @Field(() => ID, { description: 'The record that changed.' })
  entityId!: string;

  @Field(() => String, { description: 'create, update, delete, cancel, …' })
  action!: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'The record before.' })
  before!: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'The record after.' })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The reason given.' })
  reason!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The session (one sign-in) the change was made through, to tell devices apart (R-AUTH-3); null for the system.',
  })
  sessionId!: string | null;

  /** Kept for the actor field resolver; not exposed. */
  actorId!: string | null;
}

const toEntry = (e: AuditEvent): AuditEntry =>
  Object.assign(new AuditEntry(), {
    id: e.id,
    occurredAt: e.occurredAt,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    sessionId: e.sessionId ?? null,
    actorId: e.actorId ?? null,
  });

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => [AuditEntry], {
    description:
      "The history of a mark, lesson (with its homework), attendance or period mark, oldest first: the administration's view (R-DATA-3).",
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
    const schools = ctx.viewer.schoolIds(...ADMINISTRATION);
    if (schools.length === 0) {
      return [];
    }
    // Only events of schools the viewer administers: another school's history is simply empty.
    // Events written in the same millisecond tie on `occurred_at`; `seq`, the school chain's
    // position set at insert, keeps them in the order they were written (a lesson's before its
    // homework's) where the random id did not.
    // A lesson's homework is part of the lesson as people see it: its events come along, found by
    // the lesson they name (homework removed since has no row left to join through).
    const homework =
      entityType === 'Lesson'
        ? ` or (e.entity_type = 'Homework'
                and (e.after ->> 'lessonId' = ? or e.before ->> 'lessonId' = ?
                     or e.entity_id in (select h.id from homework h where h.lesson_id = ?::uuid)))`
        : '';
    const rows = await ctx.em.execute<{ id: string }[]>(
      `select e.id from audit_event e
        where e.school_id = any(?::uuid[])
          and ((e.entity_type = ? and e.entity_id = ?::uuid)${homework})
        order by e.occurred_at, e.seq, e.id`,
      [
        uuidArray(schools),
        entityType,
        entityId,
        ...(homework ? [entityId, entityId, entityId] : []),
      ],
    );
    const events = await ctx.em.find(AuditEvent, { id: { $in: rows.map((r) => r.id) } });
    const byId = new Map(events.map((e) => [e.id, e]));
    return rows.map((r) => toEntry(byId.get(r.id)!));
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who made the change.' })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    return entry.actorId ? ctx.loaders.load(Person, entry.actorId) : null;
  }
}
