import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole } from '../../auth/rules.js';
import { ADMINISTRATION } from '../../auth/viewer.js';

const administration = () => hasAnyRole(...ADMINISTRATION);

/** R-DATA-2: closing, correcting a closed year and archiving are the administration's. */
export const archivePermissions: PermissionMap = {
  Query: {
    yearArchives: administration(),
  },
  Mutation: {
    closeAcademicYear: administration(),
    correctClosedYearRecord: administration(),
    archiveAcademicYear: administration(),
  },
  YearArchive: allow,
  ClosedYearCorrection: allow,
};
