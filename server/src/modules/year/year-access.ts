import { DriverException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { type DomainError, forbidden, notFound } from '../../core/errors.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { Role, RoleAssignment } from '../people/role-assignment.entity.js';

/** Who reads a school's year structure: its staff (R-ROLE-2; teachers and the clerk work in it). */
export const STRUCTURE_READERS: readonly Role[] = [
  ...ADMINISTRATION,
  Role.TEACHER,
  Role.RECORDS_CLERK,
];

/** Who reads the teacher load and the curriculum: administration and teachers. */
export const LOAD_READERS: readonly Role[] = [...ADMINISTRATION, Role.TEACHER];

/**
 * The viewer sets up this school's year (R-ROLE-2). Staff who only read it get FORBIDDEN; anyone
 * else NOT_FOUND, as for an id that does not exist (STYLE: permissions).
 */
export function requireAdministration(viewer: Viewer, schoolId: string, field: string): void {
  if (viewer.hasRole(schoolId, ...ADMINISTRATION)) {
    return;
  }
  throw viewer.hasRole(schoolId, ...STRUCTURE_READERS) ? forbidden() : notFound(field);
}

/** The viewer reads this school's structure with one of `roles`; otherwise NOT_FOUND. */
export function requireReader(
  viewer: Viewer,
  schoolId: string,
  field: string,
  roles: readonly Role[] = STRUCTURE_READERS,
): void {
  if (!viewer.hasRole(schoolId, ...roles)) {
    throw notFound(field);
  }
}

/** The person holds a current TEACHER role in the school. */
export async function isTeacherOf(
  em: EntityManager,
  schoolId: string,
  personId: string,
): Promise<boolean> {
  const n = await em.count(RoleAssignment, {
    school: schoolId,
    person: personId,
    role: Role.TEACHER,
    revokedAt: null,
  });
  return n > 0;
}

/** Queues an audit row for the viewer (R-DATA-3). */
export function audit(em: EntityManager, viewer: Viewer, entry: AuditEntry): void {
  recordAudit(em, { personId: viewer.personId, sessionId: viewer.sessionId }, entry);
}

/**
 * Flushes, turning a violation of one of `constraints` into its domain error. The services check
 * these rules before writing; this covers two administrators writing at the same moment.
 */
export async function flushMapped(
  em: EntityManager,
  constraints: Record<string, () => DomainError>,
): Promise<void> {
  try {
    await em.flush();
  } catch (err) {
    const name = err instanceof DriverException ? (err as { constraint?: string }).constraint : '';
    const mapped = name ? constraints[name] : undefined;
    throw mapped ? mapped() : err;
  }
}

/** ISO date arithmetic in whole days (UTC, so no daylight-saving surprises). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
