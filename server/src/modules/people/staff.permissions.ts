import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole } from '../../auth/rules.js';
import { STAFF_KEEPERS, STAFF_READERS } from './staff.service.js';

/** The gate checks the role; the services check the school (NOT_FOUND / FORBIDDEN). */
export const staffPermissions: PermissionMap = {
  Query: {
    staff: hasAnyRole(...STAFF_READERS),
  },
  Mutation: {
    grantRole: hasAnyRole(...STAFF_KEEPERS),
    revokeRole: hasAnyRole(...STAFF_KEEPERS),
  },
  StaffMember: allow,
};
