import { allow, chain, rule } from 'graphql-shield';
import type { IRule } from 'graphql-shield';
import type { PermissionMap } from '../../auth/permissions.js';
import { hasAnyRole } from '../../auth/rules.js';
import { ADMINISTRATION } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { ApiScope, isApiViewer } from './api-scope.js';

/** Managing API clients and paging through connections: the school's administration. */
export const apiClientsPermissions: PermissionMap = {
  Query: {
    apiClients: hasAnyRole(...ADMINISTRATION),
    marksConnection: hasAnyRole(...ADMINISTRATION),
    attendanceConnection: hasAnyRole(...ADMINISTRATION),
    lessonsConnection: hasAnyRole(...ADMINISTRATION),
    studentsConnection: hasAnyRole(...ADMINISTRATION),
  },
  Mutation: {
    createApiClient: hasAnyRole(...ADMINISTRATION),
    revokeApiClient: hasAnyRole(...ADMINISTRATION),
  },
  ApiClient: allow,
  CreateApiClientPayload: allow,
  PageInfo: allow,
  MarkConnection: allow,
  MarkEdge: allow,
  AttendanceConnection: allow,
  AttendanceEdge: allow,
  LessonConnection: allow,
  LessonEdge: allow,
  StudentConnection: allow,
  StudentEdge: allow,
};

const { MARKS, ATTENDANCE, REPORTS, STRUCTURE, MESSAGES, CONTACTS } = ApiScope;

/**
 * The root queries an API client may ask, each with the scopes it needs (all of them). A query
 * not listed here is refused to API clients (deny by default), as is every mutation and
 * subscription: the account's own lists (me, myThreads, …), the audit trail, staff and the
 * administration's own tools are never for analytics.
 */
export const API_SCOPES: Record<string, readonly ApiScope[]> = {
  // Marks; a journal page and a diary show absences too.
  journalPage: [MARKS, ATTENDANCE],
  diaryWeek: [MARKS, ATTENDANCE],
  diaryPeriods: [MARKS],
  diaryPeriod: [MARKS],
  explainAverage: [MARKS],
  marksConnection: [MARKS],
  attendanceConnection: [ATTENDANCE],
  // Reports.
  performanceReport: [REPORTS],
  attendanceReport: [REPORTS],
  summarySheet: [REPORTS],
  journalControl: [REPORTS],
  journalControlList: [REPORTS],
  // The school's structure and timetable, and who is in which class (names only).
  academicYears: [STRUCTURE],
  reportingPeriods: [STRUCTURE],
  schoolClasses: [STRUCTURE],
  subjects: [STRUCTURE],
  workTypes: [STRUCTURE],
  curriculum: [STRUCTURE],
  teachingAssignments: [STRUCTURE],
  plannedTopics: [STRUCTURE],
  subgroups: [STRUCTURE],
  timetable: [STRUCTURE],
  bellTimes: [STRUCTURE],
  classRoster: [STRUCTURE],
  lessonsConnection: [STRUCTURE],
  studentsConnection: [STRUCTURE],
  // Only when granted explicitly.
  personalData: [CONTACTS],
  enrolmentHistory: [CONTACTS],
  classAnnouncements: [MESSAGES],
  overdueThreads: [MESSAGES],
};

const gates = new Map<string, IRule>();

/** One rule object per name (graphql-shield refuses two rules of one name); cached per request. */
function gate(name: string, allows: (scopes: ReadonlySet<ApiScope>) => boolean): IRule {
  let found = gates.get(name);
  if (!found) {
    // Reads only the viewer, so 'contextual' is safe: the name says which scopes it checks.
    found = rule(name, { cache: 'contextual' })((_p, _a, ctx: Context) =>
      !isApiViewer(ctx.viewer) || allows(ctx.viewer.apiScopes) ? true : forbidden(),
    );
    gates.set(name, found);
  }
  return found;
}

/** People pass; an API client passes when it holds every one of `scopes`. */
export function apiScope(...scopes: ApiScope[]): IRule {
  const sorted = [...scopes].sort();
  return gate(`apiScope:${sorted.join(',')}`, (held) => sorted.every((s) => held.has(s)));
}

/** People pass; API clients never do. */
export const notApiClient = gate('notApiClient', () => false);

/**
 * Puts the API-client gate in front of every root field of the merged map: a query by its scopes
 * (`API_SCOPES`), any other root field refused. `chain` asks the gate first, so a refused client
 * never reaches the field's own rule; people pass the gate untouched.
 */
export function withApiScopes(rules: PermissionMap): PermissionMap {
  const gated: PermissionMap = { ...rules };
  for (const type of ['Query', 'Mutation', 'Subscription']) {
    const fields = rules[type] as Record<string, IRule> | undefined;
    if (!fields) {
      continue;
    }
    gated[type] = Object.fromEntries(
      Object.entries(fields).map(([field, original]) => {
        const scopes = type === 'Query' ? API_SCOPES[field] : undefined;
        return [field, chain(scopes ? apiScope(...scopes) : notApiClient, original)];
      }),
    );
  }
  return gated;
}
