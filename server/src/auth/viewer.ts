import type { EntityManager } from '@mikro-orm/postgresql';
import { Person } from '../modules/people/person.entity.js';
import { Role, RoleAssignment } from '../modules/people/role-assignment.entity.js';
import { unauthenticated } from '../core/errors.js';
import { scopeFreeStatement } from '../core/row-scope.js';
import { School } from '../modules/school/school.entity.js';
import { Session } from './session.entity.js';
import { sha256 } from './tokens.js';

export const STAFF_ROLES: readonly Role[] = [
  Role.ADMINISTRATOR,
  Role.DIRECTOR,
  Role.DEPUTY,
  Role.RECORDS_CLERK,
  Role.TEACHER,
];

/** The school's administration: reads every journal and diary of the school (R-ROLE-2). */
export const ADMINISTRATION: readonly Role[] = [Role.DIRECTOR, Role.DEPUTY, Role.ADMINISTRATOR];

/** Who is asking: the person, the session they ask through, and their roles per school. */
export class Viewer {
  constructor(
    readonly person: Person,
    readonly session: Session,
    readonly roles: readonly RoleAssignment[],
  ) {}

  get personId(): string {
    return this.person.id;
  }

  get sessionId(): string {
    return this.session.id;
  }

  hasRole(schoolId: string, ...roles: Role[]): boolean {
    return this.roles.some((r) => r.school.id === schoolId && roles.includes(r.role));
  }

  hasAnyRole(...roles: Role[]): boolean {
    return this.roles.some((r) => roles.includes(r.role));
  }

  schoolIds(...roles: Role[]): string[] {
    const ids = this.roles.filter((r) => roles.length === 0 || roles.includes(r.role));
    return [...new Set(ids.map((r) => r.school.id))];
  }
}

/** The viewer of an operation that needs one (the shield has already refused anonymous callers). */
export function requireViewer(ctx: { viewer: Viewer | null }): Viewer {
  if (!ctx.viewer) {
    throw unauthenticated();
  }
  return ctx.viewer;
}

/**
 * Resolves a bearer token to a live session (not revoked, not past its absolute or idle
 * lifetime), or null; an HTTP request counts as activity.
 */
export async function viewerFromToken(
  em: EntityManager,
  token: string | null,
  now = new Date(),
): Promise<Viewer | null> {
  if (!token || token.length > 200) {
    return null;
  }
  return liveViewer(em, { tokenHash: sha256(token) }, now);
}

/** lastSeenAt moves at most once a minute: one cheap conditional update, not one per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The viewer of a session by its id, while it is live; null once revoked or expired. For sockets,
 * which hold a session id (the database keeps only token hashes) and renew it per event.
 */
export async function viewerFromSessionId(
  em: EntityManager,
  sessionId: string | null,
  now = new Date(),
): Promise<Viewer | null> {
  if (!sessionId) {
    return null;
  }
  return liveViewer(em, { id: sessionId }, now);
}

export interface ViewerRow {
  session: Record<string, unknown>;
  person: Record<string, unknown>;
  roles: { role: Record<string, unknown>; school: Record<string, unknown> }[];
  touched: boolean;
}

/**
 * The session, its person and their current roles in one statement, before the operation's row
 * scope is known (migration `session_viewer`); the scope is set once, from the viewer, by the
 * caller. Idle too long (issue 8): ended as if it had expired. Sockets (by session id) do not
 * touch the session, since live events are not the person at the keyboard; they only see it end.
 */
async function liveViewer(
  em: EntityManager,
  where: { tokenHash: string } | { id: string },
  now: Date,
): Promise<Viewer | null> {
  // By token (HTTP: touches lastSeenAt at most once a minute) or by id (sockets: no touch).
  const [call, params] =
    'tokenHash' in where
      ? [
          'row_security.session_viewer(?::text, null, ?::timestamptz, ?::timestamptz)',
          [where.tokenHash, now, new Date(now.getTime() - TOUCH_EVERY_MS)],
        ]
      : ['row_security.session_viewer(null, ?::uuid, ?::timestamptz, null)', [where.id, now]];
  const [row] = await scopeFreeStatement(
    () => em.getConnection().execute<ScopedViewerRow[]>(`${SCOPED_VIEWER} from ${call} v`, params),
    (rows) =>
      rows[0] ? { schoolIds: rows[0].scope_school_ids, personId: rows[0].scope_person_id } : null,
  );
  return row ? viewerFromRow(em, row, now) : null;
}

type ScopedViewerRow = ViewerRow & { scope_school_ids: string; scope_person_id: string };

/**
 * The viewer's row, and its row scope set on the connection in the same statement (issue 9: one
 * statement less per request). The function clears the settings first; the select list, evaluated
 * after it, sets them for the live session's person and the schools of their roles in order of
 * first appearance — what `Viewer.schoolIds()` gives and core/row-scope.ts would set — and returns
 * the values set, which the pool records for the connection (`scopeFreeStatement`). When the
 * operation's scope differs (an API client, a change in between), its next statement sets it as
 * usual; with no live session nothing is set (the settings stay cleared).
 */
const SCOPED_VIEWER = `select v.*,
       set_config('classbook.school_ids',
                  '{' || coalesce((select string_agg(s.id, ',' order by s.first)
                                     from (select e.r->'role'->>'school_id' as id, min(e.n) as first
                                             from json_array_elements(v.roles) with ordinality as e(r, n)
                                            group by 1) s), '') || '}',
                  false) as scope_school_ids,
       set_config('classbook.person_id', v.person->>'id', false) as scope_person_id`;

/**
 * The rows of these sessions' viewers, by session id, for those still live, in one statement
 * (sockets: no touch). Live fan-out renews every group an event reaches with one of these.
 */
export async function viewerRowsBySessionIds(
  em: EntityManager,
  sessionIds: readonly string[],
  now: Date,
): Promise<Map<string, ViewerRow>> {
  const rows = await scopeFreeStatement(() =>
    em.getConnection().execute<(ViewerRow & { session_id: string })[]>(
      `select s.id as session_id, v.* from unnest(?::uuid[]) as s(id),
           lateral row_security.session_viewer(null, s.id, ?::timestamptz, null) as v`,
      // A uuid[] literal (knex would spread a JS array into a list); ids are our own uuids.
      [`{${[...new Set(sessionIds)].join(',')}}`, now],
    ),
  );
  return new Map(rows.map((r) => [r.session_id, r]));
}

/** A viewer row as entities of `em`. */
export function viewerFromRow(em: EntityManager, row: ViewerRow, now: Date): Viewer {
  const person = em.map(Person, row.person);
  const session = em.map(Session, row.session);
  if (row.touched) {
    session.lastSeenAt = now;
  }
  const roles = row.roles.map(({ role, school }) => {
    em.map(School, school);
    return em.map(RoleAssignment, role);
  });
  return new Viewer(person, session, roles);
}
