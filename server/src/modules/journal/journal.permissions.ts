import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole } from '../../auth/rules.js';
import { Role } from '../people/role-assignment.entity.js';

const STAFF = [Role.TEACHER, Role.DEPUTY, Role.DIRECTOR, Role.ADMINISTRATOR];

/** Who may follow each live feed (before ownership is checked). */
export const LIVE_ROLES = {
  studentJournalChanged: [...STAFF, Role.STUDENT, Role.PARENT],
  journalPageChanged: STAFF,
  classJournalChanged: STAFF,
  classDashboardChanged: STAFF,
} satisfies Record<string, Role[]>;

/**
 * Roots carry the role gate; the services answer ownership for the ids asked (NOT_FOUND when out
 * of reach). Objects below are reached only through these roots, so they are not guarded field by
 * field (STACK.md: a rule on every leaf doubled the cost of a large page).
 */
export const journalPermissions: PermissionMap = {
  Query: {
    myJournalPages: hasAnyRole(Role.TEACHER),
    classDashboard: hasAnyRole(...STAFF),
    // Never a student or parent (R-ROLE-7), whatever they hold elsewhere: the service checks the school.
    journalPage: hasAnyRole(Role.TEACHER, Role.DEPUTY, Role.DIRECTOR, Role.ADMINISTRATOR),
  },
  Mutation: {
    setMarks: hasAnyRole(Role.TEACHER),
    setAttendance: hasAnyRole(Role.TEACHER),
    setPeriodMarks: hasAnyRole(Role.TEACHER),
    assignSubstitute: hasAnyRole(Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR),
    createLesson: hasAnyRole(Role.TEACHER),
    updateLesson: hasAnyRole(Role.TEACHER),
    cancelLesson: hasAnyRole(Role.TEACHER),
    correctAttendance: hasAnyRole(Role.TEACHER),
  },
  // graphql-shield guards a subscription's events, not the act of subscribing: the resolvers
  // apply the same role lists when subscribing, then ownership on subscribe and on every event.
  Subscription: {
    studentJournalChanged: hasAnyRole(...LIVE_ROLES.studentJournalChanged),
    journalPageChanged: hasAnyRole(...LIVE_ROLES.journalPageChanged),
    classJournalChanged: hasAnyRole(...LIVE_ROLES.classJournalChanged),
    classDashboardChanged: hasAnyRole(...LIVE_ROLES.classDashboardChanged),
  },
  JournalEvent: allow,
  ClassDashboard: allow,
  ClassDashboardEvent: allow,
  LessonChange: allow,
  JournalPage: allow,
  JournalStudent: allow,
  TeachingAssignment: allow,
  Lesson: allow,
  Homework: allow,
  Mark: allow,
  Attendance: allow,
  PeriodMark: allow,
  Subject: allow,
  SchoolClass: allow,
  Subgroup: allow,
  WorkType: allow,
  PlannedTopic: allow,
  ReportingPeriod: allow,
  SetMarksPayload: allow,
  SetPeriodMarksPayload: allow,
  PeriodMarkWarning: allow,
  SubstitutionPayload: allow,
  SetAttendancePayload: allow,
  CorrectAttendancePayload: allow,
};
