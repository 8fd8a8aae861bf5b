import { allow } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole } from '../../auth/rules.js';
import { Role } from '../people/role-assignment.entity.js';

const REPORT_READERS = [Role.TEACHER, Role.DEPUTY, Role.DIRECTOR, Role.ADMINISTRATOR];

/**
 * Roots carry the role gate; the services answer the school and the scope (report-scope.ts).
 * The records clerk files the summary sheet (and copies year marks into personal files) but reads
 * no other report of marks or attendance. Families reach only `explainAverage`, for their own
 * child (the service checks with `diaryReach`).
 */
export const reportsPermissions: PermissionMap = {
  Query: {
    performanceReport: hasAnyRole(...REPORT_READERS),
    attendanceReport: hasAnyRole(...REPORT_READERS),
    summarySheet: hasAnyRole(...REPORT_READERS, Role.RECORDS_CLERK),
    explainAverage: hasAnyRole(...REPORT_READERS, Role.STUDENT, Role.PARENT),
  },
  PerformanceReport: allow,
  PerformanceRow: allow,
  ReportStudent: allow,
  AttendanceReport: allow,
  AttendanceClassRow: allow,
  AttendanceStudentRow: allow,
  AbsenceCounts: allow,
  SummarySheet: allow,
  SheetPeriod: allow,
  SheetSubject: allow,
  SheetStudent: allow,
  SheetMark: allow,
  AverageExplanation: allow,
  ExplainedMark: allow,
};
