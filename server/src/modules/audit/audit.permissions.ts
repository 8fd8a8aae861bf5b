import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole, isSignedIn } from '../../auth/rules.js';
import { Role } from '../people/role-assignment.entity.js';

export const auditPermissions: PermissionMap = {
  Query: {
    history: hasAnyRole(Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR),
    disputedOperations: hasAnyRole(Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR),
    compromiseReports: hasAnyRole(Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR),
  },
  Mutation: {
    // Anyone may report their own account; the service checks an administrator's reach.
    reportCompromise: isSignedIn,
    voidOperations: hasAnyRole(Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR),
  },
  AuditEntry: allow,
  CompromiseReport: allow,
  DisputedOperation: allow,
  VoidOperationsPayload: allow,
};
