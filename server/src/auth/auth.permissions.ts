import { allow } from 'graphql-shield';
import { Role } from '../modules/people/role-assignment.entity.js';
import type { PermissionMap } from './permissions.js';
import { hasAnyRole, isAnyone, isSignedIn } from './rules.js';
import { STAFF_ROLES } from './viewer.js';

export const authPermissions: PermissionMap = {
  Query: {
    me: isAnyone,
  },
  Mutation: {
    signIn: isAnyone,
    redeemInvitation: isAnyone,
    signOut: isSignedIn,
    signOutEverywhere: isSignedIn,
    createSocketTicket: isSignedIn,
    // Who may invite whom depends on the target's class and school: the service decides.
    issueInvitation: hasAnyRole(Role.ADMINISTRATOR, Role.DIRECTOR, Role.DEPUTY, Role.TEACHER),
    createStaffAccount: hasAnyRole(Role.ADMINISTRATOR),
    // Issue 8: the second step needs its challenge (checked by the service), not a session.
    signInSecondFactor: isAnyone,
    beginTotpEnrolment: hasAnyRole(...STAFF_ROLES),
    confirmTotpEnrolment: hasAnyRole(...STAFF_ROLES),
    // Also for someone who has since lost their staff role.
    disableTotp: isSignedIn,
  },
  // Objects reached only through the guarded fields above.
  Viewer: allow,
  SignInPayload: allow,
  SignInResult: allow,
  SecondFactorChallenge: allow,
  TotpEnrolment: allow,
  IssuedInvitation: allow,
  SocketTicket: allow,
  Person: allow,
  RoleAssignment: allow,
  School: allow,
};
