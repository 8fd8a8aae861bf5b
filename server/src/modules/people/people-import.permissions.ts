import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole } from '../../auth/rules.js';
import { FAMILY_IMPORTERS } from './people-import.service.js';

/**
 * The gate lets the records clerk and the administration in; the service checks the school and
 * that staff lists come from the administrator only (R-ROLE-1, R-ROLE-3).
 */
export const peopleImportPermissions: PermissionMap = {
  Mutation: {
    importPeople: hasAnyRole(...FAMILY_IMPORTERS),
  },
  ImportPeoplePayload: allow,
  ImportedPersonRow: allow,
};
