import type { EntityManager } from '@mikro-orm/postgresql';
import { isoDate, uuidArray } from '../../auth/access.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { forbidden, notFound } from '../../core/errors.js';
import { Role } from './role-assignment.entity.js';
import { ApiScope, lacksApiScope } from '../api-clients/api-scope.js';

/** Who keeps a school's lists of students, parents and staff (R-ROLE-2, R-ROLE-3). */
export const RECORD_KEEPERS: readonly Role[] = [...ADMINISTRATION, Role.RECORDS_CLERK];

/** How a viewer stands to one person's personal data (R-AUTH-4: least privilege). */
export interface PersonReach {
  /** May read the personal data. */
  read: boolean;
  /** May change it: record keepers of a school the person belongs to, or their class teacher. */
  write: boolean;
  /** Schools where the viewer may write it (the audit event is filed under the first). */
  writeSchools: string[];
  /** Shares a school with the viewer: a refusal is FORBIDDEN rather than NOT_FOUND. */
  seen: boolean;
}

interface ReachRow {
  id: string;
  guards: boolean;
  schools: string[];
  led_in: string[];
}

/**
 * Of `personIds`, how the viewer reaches each one's personal data, in one query. Readers: the
 * person themself, their guardians, the record keepers (administration, records clerk) of a school
 * the person has a role or an enrolment in, and the class teacher of the class the person — or a
 * child of theirs — is in on `on` (R-ROLE-6). Writers: the record keepers and that class teacher.
 * Nobody else: not a subject teacher, not a classmate, not another family (R-AUTH-4).
 */
export async function personReach(
  em: EntityManager,
  viewer: Viewer,
  personIds: readonly string[],
  on = isoDate(new Date()),
): Promise<Map<string, PersonReach>> {
  const reach = new Map<string, PersonReach>();
  // An API client reads personal data only with CONTACTS granted (issue 8): none is in reach.
  if (personIds.length === 0 || lacksApiScope(viewer, ApiScope.CONTACTS)) {
    return reach;
  }
  const rows = await em.execute<ReachRow[]>(
    `select p.id,
            exists (select 1 from guardianship g
                     where g.guardian_id = ? and g.student_id = p.id) as guards,
            array(select r.school_id::text from role_assignment r
                   where r.person_id = p.id and r.revoked_at is null
                  union
                  select e.school_id::text from enrolment e where e.student_id = p.id) as schools,
            array(select c.school_id::text
                    from enrolment e join school_class c on c.id = e.school_class_id
                   where c.class_teacher_id = ?
                     and (e.student_id = p.id
                          or e.student_id in (select g.student_id from guardianship g
                                               where g.guardian_id = p.id))
                     and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date))
              as led_in
       from person p
      where p.id = any(?::uuid[])`,
    [viewer.personId, viewer.personId, on, on, uuidArray(personIds)],
  );
  const keeps = new Set(viewer.schoolIds(...RECORD_KEEPERS));
  const teaches = new Set(viewer.schoolIds(Role.TEACHER));
  const member = new Set(viewer.schoolIds());
  for (const row of rows) {
    const writeSchools = [
      ...new Set([
        ...row.schools.filter((s) => keeps.has(s)),
        ...row.led_in.filter((s) => teaches.has(s)),
      ]),
    ];
    const write = writeSchools.length > 0;
    const read = write || row.id === viewer.personId || row.guards;
    reach.set(row.id, {
      read,
      write,
      writeSchools,
      seen: read || row.schools.some((s) => member.has(s)),
    });
  }
  return reach;
}

/**
 * The viewer may change this person's data: returns the school to file the change under.
 * Otherwise FORBIDDEN when they share a school, NOT_FOUND when the person is out of sight.
 */
export async function requireWritable(
  em: EntityManager,
  viewer: Viewer,
  personId: string,
  field: string,
): Promise<string> {
  const reach = (await personReach(em, viewer, [personId])).get(personId);
  if (!reach?.write) {
    throw reach?.seen ? forbidden() : notFound(field);
  }
  return reach.writeSchools[0]!;
}

/** Movement is the records clerk's and the administration's (R-ROLE-3): FORBIDDEN / NOT_FOUND. */
export function requireRecordKeeper(viewer: Viewer, schoolId: string, field: string): void {
  if (viewer.hasRole(schoolId, ...RECORD_KEEPERS)) {
    return;
  }
  throw viewer.schoolIds().includes(schoolId) ? forbidden() : notFound(field);
}
