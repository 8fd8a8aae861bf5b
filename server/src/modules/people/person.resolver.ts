import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { Person } from './person.entity.js';
import { Role } from './role-assignment.entity.js';
import { isApiViewer } from '../api-clients/api-scope.js';

/** Roles that issue and reset credentials, and so may see sign-in names. */
const ACCOUNT_KEEPERS = [Role.ADMINISTRATOR, Role.DIRECTOR, Role.DEPUTY, Role.RECORDS_CLERK];

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Sign-in name, once credentials are issued. Shown to the person and to the staff who keep accounts; null to everyone else.',
  })
  login(@Root() person: Person, @Ctx() ctx: Context): string | null {
    const viewer = ctx.viewer;
    // API clients (issue 8) read like the administration but never see sign-in names.
    if (!viewer || isApiViewer(viewer)) {
      return null;
    }
    const mine = viewer.personId === person.id;
    return mine || viewer.hasAnyRole(...ACCOUNT_KEEPERS) ? (person.login ?? null) : null;
  }
}
