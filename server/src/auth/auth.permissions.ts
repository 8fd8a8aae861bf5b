import { allow } from 'graphql-shield';
import { Role } from '../modules/people/role-assignment.entity.js';
import type { PermissionMap } from './permissions.js';
import { hasAnyRole, isAnyone, isSignedIn } from './rules.js';

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
  },
  // Objects reached only through the guarded fields above.
  Viewer: allow,
  SignInPayload: allow,
  IssuedInvitation: allow,
  SocketTicket: allow,
  Person: allow,
  RoleAssignment: allow,
  School: allow,
};
