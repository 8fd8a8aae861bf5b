import type { EntityManager } from '@mikro-orm/postgresql';
import { Person } from '../modules/people/person.entity.js';
import { Role, RoleAssignment } from '../modules/people/role-assignment.entity.js';
import { unauthenticated } from '../core/errors.js';
import { scopeToPerson } from '../core/row-scope.js';
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
  const viewer = await liveViewer(em, { tokenHash: sha256(token) }, now);
  if (viewer) {
    await touch(em, viewer.session, now);
  }
  return viewer;
}

/** lastSeenAt moves at most once a minute: one cheap conditional update, not one per request. */
const TOUCH_EVERY_MS = 60_000;

async function touch(em: EntityManager, session: Session, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) {
    return;
  }
  await em.nativeUpdate(
    Session,
    { id: session.id, lastSeenAt: { $lt: new Date(now.getTime() - TOUCH_EVERY_MS) } },
    { lastSeenAt: now },
  );
  session.lastSeenAt = now;
}

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

async function liveViewer(
  em: EntityManager,
  where: { tokenHash: string } | { id: string },
  now: Date,
): Promise<Viewer | null> {
  const session = await em.findOne(
    Session,
    { ...where, revokedAt: null, expiresAt: { $gt: now } },
    { populate: ['person'] },
  );
  // Idle too long (issue 8): ended as if it had expired. Sockets (by session id) do not touch the
  // session, since live events are not the person at the keyboard; they only see it end.
  if (!session || session.lastSeenAt.getTime() + session.idleMinutes * 60_000 <= now.getTime()) {
    return null;
  }
  // Row security: the person may read their own role assignments before their schools are known.
  scopeToPerson(session.person.id);
  const roles = await em.find(
    RoleAssignment,
    { person: session.person, revokedAt: null },
    { populate: ['school'], orderBy: { createdAt: 'asc' } },
  );
  return new Viewer(session.person, session, roles);
}
