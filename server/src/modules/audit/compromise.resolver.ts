import { JSONObjectResolver } from 'graphql-scalars';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { SESSIONS_REVOKED, type SessionsRevoked } from '../../auth/auth.events.js';
import { Session } from '../../auth/session.entity.js';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { publishJournalEvents, publishLessonChange } from '../journal/journal.events.js';
import { Lesson } from '../journal/lesson.entity.js';
import { Person } from '../people/person.entity.js';
import type { AuditEvent } from './audit-event.entity.js';
import {
  compromiseReports,
  disputedOperations,
  isVoidable,
  reportCompromise,
  voidOperations,
} from './compromise.service.js';
import type { CompromiseReport } from './compromise-report.entity.js';

@InputType({ description: "An account's credentials leaked as of a moment (R-AUTH-3)." })
export class ReportCompromiseInput {
  @Field(() => ID, { description: 'The account: yourself, or a person of a school you run.' })
  personId!: string;

  @Field(() => Date, { description: 'When the credentials leaked; not in the future.' })
  since!: Date;

  @Field(() => String, { nullable: true, description: 'What happened (up to 500 characters).' })
  note?: string | null;
}

@InputType({ description: 'Disputed operations to void, with the reason (R-AUTH-3).' })
export class VoidOperationsInput {
  @Field(() => ID, { description: 'The compromise report.' })
  reportId!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'The operations to void; null: every voidable disputed operation of the report.',
  })
  operationIds?: string[] | null;

  @Field(() => String, { description: 'Why (kept in the audit trail).' })
  reason!: string;
}

@ObjectType('CompromiseReport', {
  description: "A report that an account's credentials leaked (R-AUTH-3).",
})
export class CompromiseReportView {
  @Field(() => ID, { description: 'The report.' })
  id!: string;

  @Field(() => Date, { description: 'When the credentials leaked.' })
  since!: Date;

  @Field(() => Date, {
    description: 'When it was reported: every session ended then; later work is not disputed.',
  })
  reportedAt!: Date;

  @Field(() => String, { nullable: true, description: 'What happened.' })
  note!: string | null;

  @Field(() => Int, { description: 'How many sessions the report ended.' })
  sessionsRevoked!: number;

  personId!: string;
  reportedById!: string;
}

const toReport = (r: CompromiseReport): CompromiseReportView =>
  Object.assign(new CompromiseReportView(), {
    id: r.id,
    since: r.since,
    reportedAt: r.createdAt,
    note: r.note ?? null,
    sessionsRevoked: r.sessionsRevoked,
    personId: r.person.id,
    reportedById: r.reportedBy.id,
  });

@ObjectType({
  description:
    'An operation a compromised account made between the leak and the report (R-AUTH-3).',
})
export class DisputedOperation {
  @Field(() => ID, { description: 'The operation (its audit event); what `voidOperations` takes.' })
  id!: string;

  @Field(() => Date, { description: 'When it was made.' })
  occurredAt!: Date;

  @Field(() => String, {
    description: 'The record type: Mark, Attendance, PeriodMark, Lesson, Homework, Message, …',
  })
  entityType!: string;

  @Field(() => ID, { description: 'The record.' })
  entityId!: string;

  @Field(() => String, { description: 'create, update, delete, cancel, send, …' })
  action!: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'The record before.' })
  before!: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'The record after.' })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'The reason the account gave.' })
  reason!: string | null;

  @Field(() => Boolean, {
    description: 'Whether voiding restores it (journal records); a sent message is only listed.',
  })
  voidable!: boolean;

  actorId!: string | null;
  sessionId!: string | null;
  studentId!: string | null;
  lessonId!: string | null;
}

const toOperation = (e: AuditEvent): DisputedOperation => {
  const shape = e.after ?? e.before ?? {};
  const text = (k: string) => (typeof shape[k] === 'string' ? shape[k] : null);
  return Object.assign(new DisputedOperation(), {
    id: e.id,
    occurredAt: e.occurredAt,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
    voidable: isVoidable(e),
    actorId: e.actorId ?? null,
    sessionId: e.sessionId ?? null,
    studentId: text('studentId'),
    lessonId: e.entityType === 'Lesson' ? e.entityId : text('lessonId'),
  });
};

@ObjectType({ description: 'What `voidOperations` did.' })
export class VoidOperationsPayload {
  @Field(() => Int, { description: 'Operations voided now (0 when they already were).' })
  voided!: number;
}

@Resolver(() => CompromiseReportView)
export class CompromiseResolver {
  @Mutation(() => CompromiseReportView, {
    description:
      "Reports an account's credentials leaked as of a moment: every session ends and its sockets close at once; what it did since becomes disputed (R-AUTH-3).",
  })
  async reportCompromise(
    @Arg('input', () => ReportCompromiseInput) input: ReportCompromiseInput,
    @Ctx() ctx: Context,
  ): Promise<CompromiseReportView> {
    const report = await reportCompromise(ctx.em, requireViewer(ctx), input);
    // After commit: every instance closes the account's sockets (core/app.ts, code 4401).
    ctx.bus.publish(SESSIONS_REVOKED, { personId: report.person.id } satisfies SessionsRevoked);
    return toReport(report);
  }

  @Query(() => [CompromiseReportView], {
    description: 'Compromise reports on people of the schools you run, newest first (R-AUTH-3).',
  })
  async compromiseReports(@Ctx() ctx: Context): Promise<CompromiseReportView[]> {
    return (await compromiseReports(ctx.em, requireViewer(ctx))).map(toReport);
  }

  @Query(() => [DisputedOperation], {
    description:
      'What a compromised account did between the leak and the report, not yet voided, oldest first (R-AUTH-3).',
  })
  async disputedOperations(
    @Arg('reportId', () => ID, { description: 'The compromise report.' }) reportId: string,
    @Ctx() ctx: Context,
  ): Promise<DisputedOperation[]> {
    return (await disputedOperations(ctx.em, requireViewer(ctx), reportId)).map(toOperation);
  }

  @Mutation(() => VoidOperationsPayload, {
    description:
      'Voids disputed operations in one transaction, restoring each record as it was before the leak; CONFLICT (nothing written) when someone else has changed a record since (R-AUTH-3).',
  })
  async voidOperations(
    @Arg('input', () => VoidOperationsInput) input: VoidOperationsInput,
    @Ctx() ctx: Context,
  ): Promise<VoidOperationsPayload> {
    const viewer = requireViewer(ctx);
    const result = await voidOperations(ctx.em, viewer, input);
    // Like the journal's own writes: pages and diaries update at once.
    publishJournalEvents(ctx.bus, result.journalEvents);
    for (const change of result.lessonChanges) {
      await publishLessonChange(
        ctx.em.fork(),
        ctx.bus,
        change.kind,
        change.lessonId,
        viewer.personId,
      );
    }
    return Object.assign(new VoidOperationsPayload(), { voided: result.voided });
  }

  @FieldResolver(() => Person, { description: 'Whose credentials leaked.' })
  person(@Root() report: CompromiseReportView, @Ctx() ctx: Context) {
    return ctx.loaders.load(Person, report.personId);
  }

  @FieldResolver(() => Person, { description: 'Who reported it.' })
  reportedBy(@Root() report: CompromiseReportView, @Ctx() ctx: Context) {
    return ctx.loaders.load(Person, report.reportedById);
  }
}

@Resolver(() => DisputedOperation)
export class DisputedOperationResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The account that made it.' })
  actor(@Root() op: DisputedOperation, @Ctx() ctx: Context) {
    return op.actorId ? ctx.loaders.load(Person, op.actorId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The student concerned, if any.' })
  student(@Root() op: DisputedOperation, @Ctx() ctx: Context) {
    return op.studentId ? ctx.loaders.load(Person, op.studentId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The date of the lesson concerned (YYYY-MM-DD), if any.',
  })
  async lessonDate(@Root() op: DisputedOperation, @Ctx() ctx: Context) {
    return op.lessonId ? ((await ctx.loaders.load(Lesson, op.lessonId))?.date ?? null) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The address the session signed in from, when recorded.',
  })
  async ipAddress(@Root() op: DisputedOperation, @Ctx() ctx: Context) {
    return op.sessionId
      ? ((await ctx.loaders.load(Session, op.sessionId))?.ipAddress ?? null)
      : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The session's browser (user agent), when recorded.",
  })
  async userAgent(@Root() op: DisputedOperation, @Ctx() ctx: Context) {
    return op.sessionId
      ? ((await ctx.loaders.load(Session, op.sessionId))?.userAgent ?? null)
      : null;
  }
}

export const compromiseResolvers = [CompromiseResolver, DisputedOperationResolver] as const;
