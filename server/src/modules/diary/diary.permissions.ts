import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole, isSignedIn } from '../../auth/rules.js';
import { Role } from '../people/role-assignment.entity.js';

// Who may open a diary at all; whose diary is the service's question (auth/access.ts `diaryReach`:
// the student, their guardians, the class teacher and the school's administration; anyone else
// gets NOT_FOUND). A records clerk keeps the lists of students but does not read their marks.
const diaryReaders = hasAnyRole(
  Role.STUDENT,
  Role.PARENT,
  Role.TEACHER,
  Role.DEPUTY,
  Role.DIRECTOR,
  Role.ADMINISTRATOR,
);

/**
 * Roots carry the role gate; the services answer ownership. Objects below are reached only
 * through these roots and carry only the student's own rows, so they are not guarded field by
 * field (as in journal.permissions.ts).
 */
export const diaryPermissions: PermissionMap = {
  Query: {
    // Empty for anyone but a student or a parent: no need to refuse.
    myStudents: isSignedIn,
    diaryWeek: diaryReaders,
    diaryPeriods: diaryReaders,
    diaryPeriod: diaryReaders,
  },
  DiaryWeek: allow,
  DiaryDay: allow,
  DiaryLesson: allow,
  DiaryMark: allow,
  DiaryPeriod: allow,
  DiarySubject: allow,
};
