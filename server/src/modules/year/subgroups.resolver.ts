import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { todayIn } from '../journal/audience.js';
import { isoDateInput } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { SchoolClass } from './school-class.entity.js';
import { SubgroupMembership } from './subgroup-membership.entity.js';
import { Subgroup } from './subgroup.entity.js';
import { Subject } from './subject.entity.js';
import {
  CreateSubgroupInput,
  MoveToSubgroupInput,
  SetSubgroupMembersInput,
  SubgroupMember,
} from './subgroups.inputs.js';
import {
  createSubgroup,
  membersOn,
  membershipHistory,
  moveToSubgroup,
  setSubgroupMembers,
  subgroups,
} from './subgroups.service.js';

/** Subgroups of a class per subject, with dated membership (R-YEAR-2, R-ROLE-6). */
@Resolver()
export class SubgroupsResolver {
  @Query(() => [Subgroup], { description: "A class's subgroups, by subject and name." })
  subgroups(
    @Arg('schoolClassId', () => ID, { description: 'The class.' }) schoolClassId: string,
    @Ctx() ctx: Context,
  ) {
    return subgroups(ctx.em, requireViewer(ctx), schoolClassId);
  }

  @Mutation(() => Subgroup, {
    description:
      'Splits a class for a subject: by the administration, the class teacher or its subject teachers.',
  })
  createSubgroup(
    @Arg('input', () => CreateSubgroupInput) input: CreateSubgroupInput,
    @Ctx() ctx: Context,
  ) {
    return createSubgroup(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Subgroup, {
    description: "Sets a subgroup's members from a date; earlier membership stays in the history.",
  })
  setSubgroupMembers(
    @Arg('input', () => SetSubgroupMembersInput) input: SetSubgroupMembersInput,
    @Ctx() ctx: Context,
  ) {
    return setSubgroupMembers(ctx.em, requireViewer(ctx), input);
  }

  @Mutation(() => Subgroup, {
    description: 'Moves a student to another subgroup of the same class and subject from a date.',
  })
  moveToSubgroup(
    @Arg('input', () => MoveToSubgroupInput) input: MoveToSubgroupInput,
    @Ctx() ctx: Context,
  ) {
    return moveToSubgroup(ctx.em, requireViewer(ctx), input);
  }
}

@Resolver(() => Subgroup)
export class SubgroupRelations {
  @FieldResolver(() => Subject, { description: 'The subject the class is split for.' })
  subject(@Root() s: Subgroup, @Ctx() ctx: Context) {
    return ctx.loaders.require(Subject, s.subject);
  }

  @FieldResolver(() => SchoolClass, { description: 'The class.' })
  schoolClass(@Root() s: Subgroup, @Ctx() ctx: Context) {
    return ctx.loaders.require(SchoolClass, s.schoolClass);
  }

  @FieldResolver(() => [Person], { description: 'Members on a day (default today), by name.' })
  async members(
    @Root() s: Subgroup,
    @Arg('on', () => String, { nullable: true, description: 'The day (YYYY-MM-DD).' })
    on: string | null,
    @Ctx() ctx: Context,
  ) {
    const day = on
      ? isoDateInput(on, 'on')
      : todayIn((await ctx.loaders.require(School, s.school)).timeZone);
    const rows = await ctx.loaders.children(SubgroupMembership, 'subgroup', s.id);
    const people = await Promise.all(
      membersOn(rows, day).map(async (m) => ctx.loaders.require(Person, m.student)),
    );
    return people.sort(
      (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
    );
  }

  @FieldResolver(() => [SubgroupMember], {
    description: 'Every membership, past and present, by first day (R-YEAR-5).',
  })
  async memberships(@Root() s: Subgroup, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.children(SubgroupMembership, 'subgroup', s.id);
    return Promise.all(
      membershipHistory(rows).map(async (m) =>
        Object.assign(new SubgroupMember(), {
          student: await ctx.loaders.require(Person, m.student),
          startsOn: m.startsOn,
          endsOn: m.endsOn ?? null,
        }),
      ),
    );
  }
}

export const subgroupResolvers = [SubgroupsResolver, SubgroupRelations] as const;
