import type { EntityManager } from '@mikro-orm/postgresql';
import { Person } from '../modules/people/person.entity.js';
import { Role, RoleAssignment } from '../modules/people/role-assignment.entity.js';
import { School } from '../modules/school/school.entity.js';
import { Session } from './session.entity.js';
import { Viewer } from './viewer.js';

/** The person id the system acts under: no row has it, so it leads no class and teaches nothing. */
export const SYSTEM_PERSON_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The school's administration as the system itself (R-DATA-2): the year's archive prints the
 * journals, summary sheets and reports through the same GraphQL operations and shield as a
 * director would, so the archive shows exactly what the administration may read — no more.
 *
 * Built in code only, for code that runs without a caller (archive:build, and the archive that
 * `archiveAcademicYear` builds after checking that its caller is the school's administration).
 * It is never reachable from the network: no session row or token exists for it, and
 * `viewerFromToken` / `viewerFromSessionId` never return it. The entities below are never
 * persisted (the caller reads with them in a fork of its own).
 */
export async function systemAdministration(em: EntityManager, schoolId: string): Promise<Viewer> {
  const school = await em.findOneOrFail(School, schoolId);
  const person = Object.assign(new Person(), {
    id: SYSTEM_PERSON_ID,
    lastName: 'Classbook',
    firstName: '',
    middleName: null,
  });
  const session = Object.assign(new Session(), {
    id: SYSTEM_PERSON_ID,
    person,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  const role = Object.assign(new RoleAssignment(), { school, person, role: Role.DIRECTOR });
  return new Viewer(person, session, [role]);
}
