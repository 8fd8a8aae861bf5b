import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { GrantRoleInput, RevokeRoleInput, StaffMember } from './staff.inputs.js';
import { grantRole, revokeRole, staff, type StaffEntry } from './staff.service.js';

const toMember = (e: StaffEntry) => Object.assign(new StaffMember(), e);

@Resolver()
export class StaffResolver {
  @Query(() => [StaffMember], {
    description: "The school's staff with the roles they hold now, by family name (R-ROLE-1).",
  })
  async staff(
    @Arg('schoolId', () => ID, {
      nullable: true,
      description: 'The school, when you work in several.',
    })
    schoolId: string | null,
    @Ctx() ctx: Context,
  ): Promise<StaffMember[]> {
    return (await staff(ctx.em, requireViewer(ctx), schoolId)).map(toMember);
  }

  @Mutation(() => StaffMember, {
    description: 'Grants a person of the school a staff role (R-ROLE-1); by the administrator.',
  })
  async grantRole(
    @Arg('input', () => GrantRoleInput) input: GrantRoleInput,
    @Ctx() ctx: Context,
  ): Promise<StaffMember> {
    return toMember(await grantRole(ctx.em, requireViewer(ctx), input));
  }

  @Mutation(() => StaffMember, {
    description:
      "Ends a person's staff role, with a reason (R-ROLE-1); it stops working on their next request.",
  })
  async revokeRole(
    @Arg('input', () => RevokeRoleInput) input: RevokeRoleInput,
    @Ctx() ctx: Context,
  ): Promise<StaffMember> {
    return toMember(await revokeRole(ctx.em, requireViewer(ctx), input));
  }
}
