import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../../src/auth/passwords.js';
import { Person } from '../../src/modules/people/person.entity.js';
import { Role, RoleAssignment } from '../../src/modules/people/role-assignment.entity.js';
import { GradingScale, School } from '../../src/modules/school/school.entity.js';
import { DepartureKind, Enrolment } from '../../src/modules/people/enrolment.entity.js';
import { Guardianship, GuardianshipKind } from '../../src/modules/people/guardianship.entity.js';
import { AcademicYear } from '../../src/modules/year/academic-year.entity.js';
import { SchoolClass } from '../../src/modules/year/school-class.entity.js';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createSchool(
  em: EntityManager,
  overrides: Partial<
    Pick<School, 'name' | 'shortName' | 'gradingScale' | 'minMarksForPeriodMark'>
  > = {},
): Promise<School> {
  const n = next();
  const school = em.create(School, {
    name: overrides.name ?? `Школа № ${n}`,
    shortName: overrides.shortName ?? `Ш${n}`,
    gradingScale: overrides.gradingScale ?? GradingScale.FIVE_POINT,
    minMarksForPeriodMark: overrides.minMarksForPeriodMark ?? 3,
  });
  await em.persist(school).flush();
  return school;
}

export interface PersonSpec {
  school?: School;
  roles?: Role[];
  login?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  locale?: string;
}

/** A person with roles in `school`; with `login` (and optionally `password`) they can sign in. */
export async function createPerson(em: EntityManager, spec: PersonSpec = {}): Promise<Person> {
  const person = em.create(Person, {
    lastName: spec.lastName ?? 'Иванов',
    firstName: spec.firstName ?? 'Пётр',
    login: spec.login ?? null,
    passwordHash: spec.login ? await hashPassword(spec.password ?? 'correct horse battery') : null,
    locale: spec.locale ?? 'ru',
  });
  em.persist(person);
  for (const role of spec.roles ?? []) {
    if (!spec.school) {
      throw new Error('createPerson: roles need a school');
    }
    em.persist(em.create(RoleAssignment, { school: spec.school, person, role }));
  }
  await em.flush();
  return person;
}

export const uniqueLogin = (prefix = 'user') => `${prefix}.${next()}`;

export async function createYear(
  em: EntityManager,
  school: School,
  name = '2026/2027',
): Promise<AcademicYear> {
  const [from, to] = name.split('/');
  const year = em.create(AcademicYear, {
    school,
    name,
    startsOn: `${from}-09-01`,
    endsOn: `${to}-05-31`,
  });
  await em.persist(year).flush();
  return year;
}

export async function createClass(
  em: EntityManager,
  spec: {
    school: School;
    year: AcademicYear;
    gradeLevel?: number;
    letter?: string;
    classTeacher?: Person | null;
  },
): Promise<SchoolClass> {
  const schoolClass = em.create(SchoolClass, {
    school: spec.school,
    year: spec.year,
    gradeLevel: spec.gradeLevel ?? 5,
    letter: spec.letter ?? 'А',
    classTeacher: spec.classTeacher ?? null,
  });
  await em.persist(schoolClass).flush();
  return schoolClass;
}

/** A student enrolled in `schoolClass` from `startsOn` (default: the year's start), with a guardian. */
export async function createFamily(
  em: EntityManager,
  spec: { schoolClass: SchoolClass; startsOn?: string; endsOn?: string | null },
): Promise<{ student: Person; parent: Person }> {
  const school = spec.schoolClass.school;
  const student = await createPerson(em, {
    school,
    roles: [Role.STUDENT],
    firstName: 'Маша',
    lastName: 'Петрова',
  });
  const parent = await createPerson(em, {
    school,
    roles: [Role.PARENT],
    firstName: 'Елена',
    lastName: 'Петрова',
  });
  em.persist(
    em.create(Enrolment, {
      school,
      student,
      schoolClass: spec.schoolClass,
      startsOn: spec.startsOn ?? spec.schoolClass.year.startsOn,
      endsOn: spec.endsOn ?? null,
      departureKind: spec.endsOn ? DepartureKind.TRANSFER_OUT : null,
    }),
  );
  em.persist(
    em.create(Guardianship, { school, guardian: parent, student, kind: GuardianshipKind.MOTHER }),
  );
  await em.flush();
  return { student, parent };
}
