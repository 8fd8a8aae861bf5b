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
 * Fields whose value does not depend on who reads them, only on whether they may read the event
 * (`Type.field`). A live operation selecting only these is executed once per permission set, not
 * once per person (core/live.ts, issue 9): add a field here only if no resolver under it reads the
 * viewer beyond its roles (not `Person.login`, not `Person.personalData`, not the class dashboard).
 */
export const LIVE_VIEWER_FREE_FIELDS: ReadonlySet<string> = new Set([
  'Subscription.studentJournalChanged',
  'Subscription.journalPageChanged',
  'Subscription.classJournalChanged',
  ...[
    'kind',
    'schoolId',
    'schoolClassId',
    'assignmentId',
    'subjectId',
    'lessonId',
    'lessonDate',
    'studentId',
    'markId',
    'value',
    'attendanceId',
    'attendanceStatus',
    'minutesLate',
    'reason',
    'actorId',
    'occurredAt',
    'student',
    'subject',
    'lesson',
  ].map((f) => `JournalEvent.${f}`),
  ...['id', 'lastName', 'firstName', 'middleName'].map((f) => `Person.${f}`),
  ...['id', 'name', 'shortName'].map((f) => `Subject.${f}`),
  ...['id', 'date', 'lessonNumber', 'topic', 'status', 'assignmentId', 'workType'].map(
    (f) => `Lesson.${f}`,
  ),
  ...['id', 'code', 'name', 'weight', 'isWritten'].map((f) => `WorkType.${f}`),
]);

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
