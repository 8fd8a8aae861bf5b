import type { EntityManager } from '@mikro-orm/postgresql';
import { isoDate } from '../../auth/access.js';
import {
  createInvitation,
  pickInvitationRole,
  type AuthSettings,
  type IssuedInvitationResult,
} from '../../auth/auth.service.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { assertUnreachable, badInput, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import type { Locale } from '../../core/messages.js';
import {
  describeProblems,
  fileHasProblems,
  readUploadedTable,
  type FileProblem,
  type ImportProblem,
} from '../../core/table-file.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { School } from '../school/school.entity.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { AdmissionKind, Enrolment } from './enrolment.entity.js';
import { Guardianship } from './guardianship.entity.js';
import {
  normaliseClassName,
  normaliseName,
  PeopleImportKind,
  personKey,
  readPeople,
  type PersonLine,
} from './people-import-rows.js';
import type { ImportPeopleInput } from './people-import.inputs.js';
import { Person } from './person.entity.js';
import { Role, RoleAssignment } from './role-assignment.entity.js';

/** Students and parents: the records clerk and the administration (R-ROLE-3, R-ROLE-2). */
export const FAMILY_IMPORTERS: readonly Role[] = [Role.RECORDS_CLERK, ...ADMINISTRATION];
/** Staff accounts are the system administrator's (R-ROLE-1). */
export const STAFF_IMPORTERS: readonly Role[] = [Role.ADMINISTRATOR];

export interface ImportedRow {
  line: PersonLine;
  schoolClass: SchoolClass | null;
  admittedOn: string | null;
  child: Person | null;
  roles: Role[];
  person: Person | null;
}

export interface ImportPeopleResult {
  dryRun: boolean;
  written: boolean;
  problems: ImportProblem[];
  rows: ImportedRow[];
  peopleCreated: number;
  enrolmentsCreated: number;
  guardianshipsCreated: number;
  rolesGranted: number;
  invitations: IssuedInvitationResult[];
}

const actorOf = (viewer: Viewer): AuditActor => ({
  personId: viewer.personId,
  sessionId: viewer.sessionId,
});

/**
 * The school the import goes to: the one named, or the only one where the viewer may import this
 * kind. Staff of the school without the right role get FORBIDDEN; others NOT_FOUND.
 */
function importSchool(viewer: Viewer, kind: PeopleImportKind, schoolId?: string | null): string {
  const allowed = kind === PeopleImportKind.STAFF ? STAFF_IMPORTERS : FAMILY_IMPORTERS;
  if (schoolId) {
    const id = requireId(schoolId, 'schoolId');
    if (viewer.hasRole(id, ...allowed)) {
      return id;
    }
    throw viewer.schoolIds().includes(id) ? forbidden() : notFound('schoolId');
  }
  const schools = viewer.schoolIds(...allowed);
  if (schools.length === 0) {
    throw forbidden();
  }
  if (schools.length > 1) {
    throw badInput('schoolId', 'school.ambiguous');
  }
  return schools[0]!;
}

/** People holding or having held any role in the school whose family name is among `lastNames`. */
async function schoolPeopleNamed(
  em: EntityManager,
  schoolId: string,
  lastNames: string[],
  role?: Role,
): Promise<{ id: string; key: string; login: string | null }[]> {
  if (lastNames.length === 0) {
    return [];
  }
  const rows = await em.execute<
    {
      id: string;
      last_name: string;
      first_name: string;
      middle_name: string | null;
      birth_date: string | null;
      login: string | null;
    }[]
  >(
    `select p.id, p.last_name, p.first_name, p.middle_name, p.birth_date::text as birth_date, p.login
       from person p
      where translate(lower(p.last_name), 'ё', 'е') = any(?::text[])
        and exists (select 1 from role_assignment r
                     where r.person_id = p.id and r.school_id = ?
                       and (?::text is null or (r.role::text = ? and r.revoked_at is null)))`,
    [`{${lastNames.map(arrayItem).join(',')}}`, schoolId, role ?? null, role ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    key: personKey({
      lastName: r.last_name,
      firstName: r.first_name,
      middleName: r.middle_name,
      birthDate: r.birth_date,
    }),
  }));
}

/** One element of a PostgreSQL text array literal, quoted. */
const arrayItem = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** Without birth date or patronymic in the key: to match a child named in a parent's row. */
const nameOnly = (key: string) => key.split('|').slice(0, 2).join('|');

/**
 * R-ROLE-3: imports students, parents or staff from a table. Every row's problems are listed; a
 * dry run writes nothing; a real run writes everything in one transaction or, if any row has a
 * problem, nothing at all (BAD_USER_INPUT carrying the problems). Staff get one-time invitation
 * codes (R-AUTH-1); students and parents get theirs from the class teacher.
 */
export async function importPeople(
  em: EntityManager,
  settings: AuthSettings,
  viewer: Viewer,
  input: ImportPeopleInput,
  locale: Locale,
): Promise<ImportPeopleResult> {
  const schoolId = importSchool(viewer, input.kind, input.schoolId);
  const table = await readUploadedTable(input.fileBase64, input.format, 'fileBase64');
  const today = isoDate(new Date());
  const { lines, problems: found, header } = readPeople(table, input.kind, today);
  const problems: FileProblem[] = [...found];
  const column = (key: keyof typeof header) => header[key] ?? null;

  return em.transactional(async (tx) => {
    if (!input.dryRun) {
      // Two imports into one school at once would both find no duplicates: one waits for the other.
      await tx.execute(`select pg_advisory_xact_lock(hashtext('people-import:' || ?))`, [schoolId]);
    }
    const rows: ImportedRow[] = lines.map((line) => ({
      line,
      schoolClass: null,
      admittedOn: null,
      child: null,
      roles: [],
      person: null,
    }));

    // The same person already in the school: names and birth date (R-AUTH-4: the check stays
    // inside the school, so an import does not reveal who studies elsewhere).
    const existing = await schoolPeopleNamed(tx, schoolId, [
      ...new Set(lines.map((l) => normaliseName(l.lastName))),
    ]);
    const existingKeys = new Set(existing.map((p) => p.key));
    for (const { line } of rows) {
      if (existingKeys.has(line.key)) {
        problems.push({ row: line.row, column: null, key: 'peopleImport.exists' });
      }
    }

    switch (input.kind) {
      case PeopleImportKind.STUDENTS:
        await placeStudents(tx, schoolId, rows, today, problems, column('className'));
        break;
      case PeopleImportKind.PARENTS:
        await findChildren(tx, schoolId, rows, problems, {
          name: column('childName'),
          login: column('studentLogin'),
        });
        break;
      case PeopleImportKind.STAFF:
        break;
      default:
        assertUnreachable(input.kind);
    }
    for (const r of rows) {
      r.roles =
        input.kind === PeopleImportKind.STAFF
          ? r.line.roles
          : [input.kind === PeopleImportKind.STUDENTS ? Role.STUDENT : Role.PARENT];
    }

    const described = describeProblems(problems, locale);
    const parents = new Map<string, Person>();
    const peopleCreated = new Set(rows.map((r) => r.line.key)).size;
    const counts = {
      peopleCreated,
      enrolmentsCreated: rows.filter((r) => r.schoolClass).length,
      guardianshipsCreated: rows.filter((r) => r.child).length,
      rolesGranted:
        input.kind === PeopleImportKind.STAFF
          ? rows.reduce((n, r) => n + r.roles.length, 0)
          : peopleCreated,
    };
    if (described.length > 0 && !input.dryRun) {
      throw fileHasProblems('fileBase64', described);
    }
    if (input.dryRun) {
      return {
        dryRun: true,
        written: false,
        problems: described,
        rows,
        ...counts,
        invitations: [],
      };
    }

    const school = tx.getReference(School, schoolId);
    const actor = actorOf(viewer);
    for (const r of rows) {
      const { line } = r;
      // A parent of two children has a row per child and is created once.
      const again = input.kind === PeopleImportKind.PARENTS ? parents.get(line.key) : undefined;
      const person =
        again ??
        tx.create(Person, {
          lastName: line.lastName,
          firstName: line.firstName,
          middleName: line.middleName,
          birthDate: line.birthDate,
          email: line.email,
          phone: line.phone,
        });
      r.person = person;
      const after: Record<string, unknown> = {
        kind: input.kind,
        row: line.row,
        lastName: line.lastName,
        firstName: line.firstName,
        middleName: line.middleName,
        birthDate: line.birthDate,
      };
      if (!again) {
        tx.persist(person);
        for (const role of r.roles) {
          tx.persist(tx.create(RoleAssignment, { school, person, role }));
        }
        after.roles = r.roles;
        parents.set(line.key, person);
      }
      if (r.schoolClass && r.admittedOn) {
        const enrolment = tx.create(Enrolment, {
          school,
          student: person,
          schoolClass: r.schoolClass,
          startsOn: r.admittedOn,
          admissionKind: AdmissionKind.ADMISSION,
        });
        tx.persist(enrolment);
        after.enrolment = {
          id: enrolment.id,
          schoolClassId: r.schoolClass.id,
          className: r.schoolClass.name,
          startsOn: r.admittedOn,
        };
      }
      if (r.child) {
        const guardianship = tx.create(Guardianship, {
          school,
          guardian: person,
          student: r.child,
          kind: line.relation,
        });
        tx.persist(guardianship);
        after.guardianship = { id: guardianship.id, studentId: r.child.id, kind: line.relation };
      }
      recordAudit(tx, actor, {
        schoolId,
        entityType: 'Person',
        entityId: person.id,
        action: again ? 'importGuardianship' : 'importPerson',
        after,
      });
    }
    recordAudit(tx, actor, {
      schoolId,
      entityType: 'School',
      entityId: schoolId,
      action: 'importPeople',
      after: { kind: input.kind, format: input.format, rows: rows.length, ...counts },
    });
    await tx.flush();

    const invitations: IssuedInvitationResult[] = [];
    if (input.kind === PeopleImportKind.STAFF) {
      for (const r of rows) {
        invitations.push(
          await createInvitation(tx, settings, viewer, {
            person: r.person!,
            schoolId,
            role: pickInvitationRole(r.roles),
          }),
        );
      }
    }
    return { dryRun: false, written: true, problems: described, rows, ...counts, invitations };
  });
}

/** Students: the class named, in the school year running on the admission date (or today). */
async function placeStudents(
  tx: EntityManager,
  schoolId: string,
  rows: ImportedRow[],
  today: string,
  problems: FileProblem[],
  column: string | null,
) {
  const years = await tx.find(AcademicYear, { school: schoolId });
  const classes = await tx.find(SchoolClass, { school: schoolId });
  for (const r of rows) {
    const on = r.line.admittedOn ?? today;
    r.admittedOn = on;
    const year = years.find((y) => y.startsOn <= on && on <= y.endsOn);
    const wanted = normaliseClassName(r.line.className ?? '');
    const found = year
      ? classes.find((c) => c.year.id === year.id && normaliseClassName(c.name) === wanted)
      : undefined;
    if (!found) {
      problems.push({
        row: r.line.row,
        column,
        key: 'peopleImport.unknownClass',
        params: { name: r.line.className ?? '', date: on },
      });
      continue;
    }
    r.schoolClass = found;
  }
}

/** Parents: the child by the student's login, or by name and birth date, among the school's students. */
async function findChildren(
  tx: EntityManager,
  schoolId: string,
  rows: ImportedRow[],
  problems: FileProblem[],
  column: { name: string | null; login: string | null },
) {
  const logins = rows.flatMap((r) =>
    r.line.child && 'login' in r.line.child ? [r.line.child.login] : [],
  );
  const names = rows.flatMap((r) =>
    r.line.child && !('login' in r.line.child) ? [normaliseName(r.line.child.lastName)] : [],
  );
  const byName = await schoolPeopleNamed(tx, schoolId, [...new Set(names)], Role.STUDENT);
  const byLogin =
    logins.length === 0
      ? []
      : await tx.execute<{ id: string; login: string }[]>(
          `select p.id, lower(p.login) as login from person p
            where lower(p.login) = any(?::text[])
              and exists (select 1 from role_assignment r
                           where r.person_id = p.id and r.school_id = ?
                             and r.role = 'STUDENT' and r.revoked_at is null)`,
          [`{${logins.map(arrayItem).join(',')}}`, schoolId],
        );
  const matched = new Map<ImportedRow, string>();
  for (const r of rows) {
    const child = r.line.child;
    if (!child) {
      continue;
    }
    let ids: string[];
    if ('login' in child) {
      ids = byLogin.filter((p) => p.login === child.login).map((p) => p.id);
    } else {
      // A patronymic left out of the file still matches; given, it must agree.
      const key = personKey(child);
      ids = byName
        .filter((p) =>
          child.middleName
            ? p.key === key
            : nameOnly(p.key) === nameOnly(key) && p.key.endsWith(`|${child.birthDate}`),
        )
        .map((p) => p.id);
    }
    if (ids.length === 1) {
      matched.set(r, ids[0]!);
    } else {
      problems.push({
        row: r.line.row,
        column: 'login' in child ? column.login : column.name,
        key: ids.length === 0 ? 'peopleImport.childNotFound' : 'peopleImport.childAmbiguous',
      });
    }
  }
  const children = await tx.find(Person, { id: { $in: [...new Set(matched.values())] } });
  const byId = new Map(children.map((c) => [c.id, c]));
  for (const [r, id] of matched) {
    r.child = byId.get(id) ?? null;
  }
}
