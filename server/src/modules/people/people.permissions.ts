import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole, isSignedIn } from '../../auth/rules.js';
import { Role } from './role-assignment.entity.js';
import { RECORD_KEEPERS } from './people-access.js';

/**
 * Roots carry the role gate; the services check the school and the class (NOT_FOUND out of reach,
 * FORBIDDEN for staff of the school who may not write). Movement is the records clerk's and the
 * administration's (R-ROLE-3); personal data also the class teacher's for their class (R-ROLE-6),
 * which is a relation of a class, so the gate lets teachers through and the service decides.
 */
export const peoplePermissions: PermissionMap = {
  Query: {
    classRoster: hasAnyRole(Role.TEACHER, ...RECORD_KEEPERS),
    // The person, a guardian, the class teacher, a record keeper: answered per person.
    personalData: isSignedIn,
    enrolmentHistory: isSignedIn,
  },
  Mutation: {
    admitStudent: hasAnyRole(...RECORD_KEEPERS),
    transferStudent: hasAnyRole(...RECORD_KEEPERS),
    departStudent: hasAnyRole(...RECORD_KEEPERS),
    createStudent: hasAnyRole(...RECORD_KEEPERS),
    createParent: hasAnyRole(Role.TEACHER, ...RECORD_KEEPERS),
    linkGuardian: hasAnyRole(Role.TEACHER, ...RECORD_KEEPERS),
    unlinkGuardian: hasAnyRole(Role.TEACHER, ...RECORD_KEEPERS),
    updatePersonalData: hasAnyRole(Role.TEACHER, ...RECORD_KEEPERS),
    // Everyone's own language; the service touches the viewer's person only.
    setMyLocale: isSignedIn,
  },
  // Reached only through guarded roots or Person.personalData, whose resolver checks the reader.
  Enrolment: allow,
  Guardianship: allow,
  PersonalData: allow,
};
