import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ADMINISTRATION, STAFF_ROLES, type Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { Invitation } from '../../auth/invitation.entity.js';
import { School } from '../school/school.entity.js';
import { Person } from './person.entity.js';
import { Role, RoleAssignment } from './role-assignment.entity.js';

/** Who reads a school's staff list: the administration and the clerk who keeps it (R-ROLE-3). */
export const STAFF_READERS: readonly Role[] = [...ADMINISTRATION, Role.RECORDS_CLERK];

/**
 * Who grants and revokes staff roles: the system administrator, who creates staff accounts
 * (R-ROLE-1). R-AUTH-1 lets a deputy director hand staff their credentials too; that is
 * `issueInvitation`, open to the administration. Roles themselves stay with the administrator, so
 * no deputy can make themself or anyone else an administrator.
 */
export const STAFF_KEEPERS: readonly Role[] = [Role.ADMINISTRATOR];

const MAX_REASON = 500;

export interface StaffEntry {
  person: Person;
  roles: Role[];
}

const actorOf = (viewer: Viewer): AuditActor => ({
  personId: viewer.personId,
  sessionId: viewer.sessionId,
});

function readerSchool(viewer: Viewer, schoolId?: string | null): string {
  if (schoolId) {
    const id = requireId(schoolId, 'schoolId');
    if (!viewer.hasRole(id, ...STAFF_READERS)) {
      throw notFound('schoolId');
    }
    return id;
  }
  const schools = viewer.schoolIds(...STAFF_READERS);
  if (schools.length !== 1) {
    throw schools.length === 0 ? forbidden() : badInput('schoolId', 'school.ambiguous');
  }
  return schools[0]!;
}

async function staffEntries(
  em: EntityManager,
  schoolId: string,
  personIds?: string[],
): Promise<StaffEntry[]> {
  const assignments = await em.find(
    RoleAssignment,
    {
      school: schoolId,
      role: { $in: [...STAFF_ROLES] },
      revokedAt: null,
      ...(personIds ? { person: { $in: personIds } } : {}),
    },
    { populate: ['person'] },
  );
  const byPerson = new Map<string, StaffEntry>();
  for (const a of assignments) {
    const entry = byPerson.get(a.person.id) ?? { person: a.person, roles: [] };
    entry.roles.push(a.role);
    byPerson.set(a.person.id, entry);
  }
  const order = (r: Role) => STAFF_ROLES.indexOf(r);
  return [...byPerson.values()]
    .map((e) => ({ ...e, roles: e.roles.sort((a, b) => order(a) - order(b)) }))
    .sort(
      (a, b) =>
        a.person.lastName.localeCompare(b.person.lastName, 'ru') ||
        a.person.firstName.localeCompare(b.person.firstName, 'ru') ||
        a.person.id.localeCompare(b.person.id),
    );
}

/** R-ROLE-1: the school's staff with the roles they hold now. */
export async function staff(
  em: EntityManager,
  viewer: Viewer,
  schoolId?: string | null,
): Promise<StaffEntry[]> {
  return staffEntries(em, readerSchool(viewer, schoolId));
}

/**
 * The school where the administrator changes the person's roles: one they keep staff in and the
 * person belongs to (any role, current or past). A person in none of the viewer's schools is
 * NOT_FOUND; one in a school where the viewer does not keep staff, FORBIDDEN.
 */
async function keeperSchool(
  em: EntityManager,
  viewer: Viewer,
  personId: string,
  schoolId?: string | null,
): Promise<string> {
  const wanted = schoolId ? requireId(schoolId, 'schoolId') : null;
  const rows = await em.find(RoleAssignment, { person: personId });
  const schools = [...new Set(rows.map((r) => r.school.id))].filter(
    (s) => (!wanted || s === wanted) && viewer.schoolIds().includes(s),
  );
  const kept = schools.filter((s) => viewer.hasRole(s, ...STAFF_KEEPERS));
  if (kept.length === 0) {
    throw schools.length > 0 ? forbidden() : notFound('personId');
  }
  if (kept.length > 1) {
    throw badInput('schoolId', 'school.ambiguous');
  }
  return kept[0]!;
}

function staffRole(role: Role): Role {
  if (!STAFF_ROLES.includes(role)) {
    throw badInput('role', 'role.staffOnly');
  }
  return role;
}

async function entryOf(em: EntityManager, schoolId: string, personId: string) {
  const [entry] = await staffEntries(em, schoolId, [personId]);
  return entry ?? { person: await em.findOneOrFail(Person, personId), roles: [] };
}

/** R-ROLE-1: the administrator gives a person of the school a staff role (again, if revoked). */
export async function grantRole(
  em: EntityManager,
  viewer: Viewer,
  input: { personId: string; role: Role; schoolId?: string | null },
): Promise<StaffEntry> {
  const personId = requireId(input.personId, 'personId');
  const role = staffRole(input.role);
  return em.transactional(async (tx) => {
    const schoolId = await keeperSchool(tx, viewer, personId, input.schoolId);
    const existing = await tx.findOne(
      RoleAssignment,
      { school: schoolId, person: personId, role },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (existing && !existing.revokedAt) {
      throw new DomainError(ErrorCode.CONFLICT, 'role.alreadyHeld', { field: 'role' });
    }
    const before = existing ? { role, revokedAt: existing.revokedAt!.toISOString() } : null;
    const assignment =
      existing ??
      tx.create(RoleAssignment, {
        school: tx.getReference(School, schoolId),
        person: tx.getReference(Person, personId),
        role,
      });
    assignment.revokedAt = null;
    tx.persist(assignment);
    recordAudit(tx, actorOf(viewer), {
      schoolId,
      entityType: 'RoleAssignment',
      entityId: assignment.id,
      action: 'grantRole',
      before,
      after: { personId, role, revokedAt: null },
    });
    await tx.flush();
    return entryOf(tx, schoolId, personId);
  });
}

/**
 * R-ROLE-1: the administrator ends a staff role, with a reason. The role stops working on the
 * person's next request (the viewer is read per request, without revoked roles). The school's
 * last administrator stays: nobody could manage its staff after.
 */
export async function revokeRole(
  em: EntityManager,
  viewer: Viewer,
  input: { personId: string; role: Role; reason: string; schoolId?: string | null },
): Promise<StaffEntry> {
  const personId = requireId(input.personId, 'personId');
  const role = staffRole(input.role);
  const reason = input.reason.trim();
  if (!reason) {
    throw badInput('reason', 'role.reasonRequired');
  }
  if (reason.length > MAX_REASON) {
    throw badInput('reason', 'input.tooLong', { max: MAX_REASON });
  }
  return em.transactional(async (tx) => {
    const schoolId = await keeperSchool(tx, viewer, personId, input.schoolId);
    // Locks the school's administrators too, so that two administrators revoking each other at
    // the same moment cannot leave the school with none.
    const locked = await tx.find(
      RoleAssignment,
      {
        school: schoolId,
        revokedAt: null,
        $or: [{ person: personId, role }, { role: Role.ADMINISTRATOR }],
      },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    const assignment = locked.find((a) => a.person.id === personId && a.role === role);
    if (!assignment) {
      throw badInput('role', 'role.notHeld');
    }
    if (role === Role.ADMINISTRATOR && locked.filter((a) => a.role === role).length <= 1) {
      throw new DomainError(ErrorCode.CONFLICT, 'role.lastAdministrator', { field: 'role' });
    }
    const now = new Date();
    assignment.revokedAt = now;
    recordAudit(tx, actorOf(viewer), {
      schoolId,
      entityType: 'RoleAssignment',
      entityId: assignment.id,
      action: 'revokeRole',
      before: { personId, role, revokedAt: null },
      after: { personId, role, revokedAt: now.toISOString() },
      reason,
    });
    await tx.flush();
    // Someone left with no role in the school must not sign in through a code issued for it.
    const left = await tx.count(RoleAssignment, {
      school: schoolId,
      person: personId,
      revokedAt: null,
    });
    if (left === 0) {
      await tx.nativeUpdate(
        Invitation,
        { school: schoolId, person: personId, redeemedAt: null, withdrawnAt: null },
        { withdrawnAt: now },
      );
    }
    return entryOf(tx, schoolId, personId);
  });
}
