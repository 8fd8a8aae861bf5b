import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole } from '../../auth/rules.js';
import { Role } from '../people/role-assignment.entity.js';

// Roots carry the role gate; which school and pages is the service's question (control-scope.ts).
// The objects below are built per request from the viewer's scope only, so they are not guarded
// field by field.
export const controlPermissions: PermissionMap = {
  Query: {
    journalControl: hasAnyRole(Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR, Role.TEACHER),
    // The lists behind its figures: the same audience and, in the service, the same pages.
    journalControlList: hasAnyRole(Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR, Role.TEACHER),
    userActivity: hasAnyRole(Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR),
  },
  JournalControl: allow,
  JournalControlTotal: allow,
  JournalControlClass: allow,
  JournalControlTeacher: allow,
  JournalControlPage: allow,
  JournalControlList: allow,
  ControlLessonFigure: allow,
  ControlLesson: allow,
  ControlStudentFigure: allow,
  ControlPerson: allow,
  ControlPeriodMarkFigure: allow,
  ControlPeriodMark: allow,
  ControlMessageFigure: allow,
  ControlThread: allow,
  ControlSignIns: allow,
  ControlSignInFigure: allow,
  UserActivityReport: allow,
  RoleActivity: allow,
  TeacherTimeliness: allow,
};
