import { registerEnumType } from 'type-graphql';

/**
 * The kinds of data an API client may read (issue 8). Read-only by construction: no scope opens a
 * mutation or a subscription. MESSAGES and CONTACTS are never implied by another scope.
 */
export enum ApiScope {
  /** Marks, journal pages, diaries, average explanations. */
  MARKS = 'MARKS',
  /** Attendance records. */
  ATTENDANCE = 'ATTENDANCE',
  /** Performance, attendance and control reports, the summary sheet. */
  REPORTS = 'REPORTS',
  /** Years, periods, classes, subjects, teacher load, timetable, lessons, class lists (names). */
  STRUCTURE = 'STRUCTURE',
  /** Announcements and overdue-thread lists. */
  MESSAGES = 'MESSAGES',
  /** Personal data: birth dates, phones, e-mail, guardians, enrolment history. */
  CONTACTS = 'CONTACTS',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'A kind of data an API client may read; MESSAGES and CONTACTS only when granted.',
  valuesConfig: {
    MARKS: { description: 'Marks, journal pages, diaries, average explanations.' },
    ATTENDANCE: { description: 'Attendance records.' },
    REPORTS: { description: 'Performance, attendance and control reports, the summary sheet.' },
    STRUCTURE: {
      description: 'Years, periods, classes, subjects, teacher load, timetable, lessons, rosters.',
    },
    MESSAGES: { description: 'Announcements and overdue-thread lists.' },
    CONTACTS: { description: 'Personal data: birth dates, phones, e-mail, guardians.' },
  },
});

/** What an API-client viewer carries; duck-typed so that any module may ask without importing it. */
export interface ScopedViewer {
  readonly apiScopes: ReadonlySet<ApiScope>;
}

export function isApiViewer(viewer: unknown): viewer is ScopedViewer {
  return typeof viewer === 'object' && viewer !== null && 'apiScopes' in viewer;
}

/** True for an API client that was not granted `scope`; false for people and granted clients. */
export function lacksApiScope(viewer: unknown, scope: ApiScope): boolean {
  return isApiViewer(viewer) && !viewer.apiScopes.has(scope);
}
