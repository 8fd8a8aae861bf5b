import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import type { Context } from '../../core/context.js';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../../core/errors.js';
import { locales } from '../../core/messages.js';
import { requireId } from '../../core/ids.js';
import { recordAudit } from '../audit/index.js';
import { isoDateInput, optionalText } from '../journal/text-inputs.js';
import { School } from '../school/school.entity.js';
import { flushMapped } from '../year/year-access.js';
import { AdmissionKind } from './enrolment.entity.js';
import { enrolStudent, keptClass, movementReason } from './enrolment.service.js';
import { Guardianship, GuardianshipKind } from './guardianship.entity.js';
import {
  personReach,
  RECORD_KEEPERS,
  requireRecordKeeper,
  requireWritable,
  type PersonReach,
} from './people-access.js';
import type {
  CreateParentInput,
  CreateStudentInput,
  LinkGuardianInput,
  SetMyLocaleInput,
  UnlinkGuardianInput,
  UpdatePersonalDataInput,
} from './people.inputs.js';
import { PersonalData } from './people.types.js';
import { Person } from './person.entity.js';
import { Role, RoleAssignment } from './role-assignment.entity.js';

// Students, parents and their personal data (R-ROLE-3, R-ROLE-6, R-AUTH-4). Written by the
// records clerk, the administration and — for their class's families — the class teacher; every
// change is audited before → after in its own transaction.

const NAME_MAX = 100;

export const personalDataOf = (p: Person): PersonalData =>
  Object.assign(new PersonalData(), {
    personId: p.id,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName ?? null,
    birthDate: p.birthDate ?? null,
    email: p.email ?? null,
    phone: p.phone ?? null,
    version: p.version,
  });

/** What the audit trail keeps of a person: personal data only, never credentials. */
const snapshot = (p: Person) => {
  const { personId: _id, version: _v, ...data } = personalDataOf(p);
  return data;
};

function name(value: string | null | undefined, field: string): string {
  const text = optionalText(value, field, NAME_MAX);
  if (!text) {
    throw badInput(field, 'person.nameRequired');
  }
  return text;
}

function birthDate(value: string | null | undefined, today: string): string | null {
  if (value === null || value === undefined || value.trim() === '') {
    return null;
  }
  const date = isoDateInput(value.trim(), 'birthDate');
  if (date < '1900-01-01' || date > today) {
    throw badInput('birthDate', 'person.birthDate');
  }
  return date;
}

function email(value: string | null | undefined): string | null {
  const text = optionalText(value, 'email', 254);
  if (text && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    throw badInput('email', 'person.email');
  }
  return text;
}

function phone(value: string | null | undefined): string | null {
  const text = optionalText(value, 'phone', 40);
  const digits = text?.replace(/\D/g, '').length ?? 0;
  if (text && (!/^\+?[\d\s()-]+$/.test(text) || digits < 5 || digits > 15)) {
    throw badInput('phone', 'person.phone');
  }
  return text;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A new person's fields, checked. */
function newPersonFields(input: {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  birthDate?: string | null;
  email?: string | null;
  phone?: string | null;
}) {
  return {
    lastName: name(input.lastName, 'lastName'),
    firstName: name(input.firstName, 'firstName'),
    middleName: optionalText(input.middleName, 'middleName', NAME_MAX),
    birthDate: birthDate(input.birthDate, today()),
    email: email(input.email),
    phone: phone(input.phone),
  };
}

function audit(
  tx: EntityManager,
  viewer: Viewer,
  entry: {
    schoolId: string | null;
    entityType: string;
    entityId: string;
    action: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    reason?: string | null;
  },
): void {
  recordAudit(tx, { personId: viewer.personId, sessionId: viewer.sessionId }, entry);
}

// ---------------------------------------------------------------------------------------------
// Reads

/** Personal data of one person; NOT_FOUND for anyone but its readers (see `personReach`). */
export async function readPersonalData(
  em: EntityManager,
  viewer: Viewer,
  personIdInput: string,
): Promise<PersonalData> {
  const personId = requireId(personIdInput, 'personId');
  const reach = (await personReach(em, viewer, [personId])).get(personId);
  if (!reach?.read) {
    throw notFound('personId');
  }
  return personalDataOf(await em.findOneOrFail(Person, personId));
}

const reachLoaders = new WeakMap<object, DataLoader<string, PersonReach | undefined>>();

/**
 * `Person.personalData` wherever a person is shown (a journal page's forty students, a roster):
 * one reach query per response, keyed on the operation's loaders so nothing outlives it.
 */
export async function personalDataField(
  ctx: Context,
  person: Person,
): Promise<PersonalData | null> {
  const viewer = ctx.viewer;
  if (!viewer) {
    return null;
  }
  let loader = reachLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const reach = await personReach(ctx.em, viewer, ids);
      return ids.map((id) => reach.get(id));
    });
    reachLoaders.set(ctx.loaders, loader);
  }
  const reach = await loader.load(person.id);
  return reach?.read ? personalDataOf(person) : null;
}

// ---------------------------------------------------------------------------------------------
// Writes

async function hasRole(tx: EntityManager, schoolId: string, personId: string, role?: Role) {
  const n = await tx.count(RoleAssignment, {
    school: schoolId,
    person: personId,
    revokedAt: null,
    ...(role ? { role } : {}),
  });
  return n > 0;
}

function grantRole(
  tx: EntityManager,
  viewer: Viewer,
  schoolId: string,
  person: Person,
  role: Role,
) {
  const assignment = tx.create(RoleAssignment, {
    school: tx.getReference(School, schoolId),
    person,
    role,
  });
  tx.persist(assignment);
  audit(tx, viewer, {
    schoolId,
    entityType: 'RoleAssignment',
    entityId: assignment.id,
    action: 'create',
    after: { personId: person.id, role },
  });
}

/** A new student with their personal data, admitted to a class from a date (R-ROLE-3). */
export async function createStudent(
  em: EntityManager,
  viewer: Viewer,
  input: CreateStudentInput,
): Promise<Person> {
  return em.transactional(async (tx) => {
    const schoolClass = await keptClass(tx, viewer, input.schoolClassId, 'schoolClassId');
    const schoolId = schoolClass.school.id;
    const fields = newPersonFields(input);
    const from = isoDateInput(input.from, 'from');
    const reason = movementReason(input.reason);
    const student = tx.create(Person, fields);
    tx.persist(student);
    audit(tx, viewer, {
      schoolId,
      entityType: 'Person',
      entityId: student.id,
      action: 'createStudent',
      after: snapshot(student),
      reason,
    });
    grantRole(tx, viewer, schoolId, student, Role.STUDENT);
    await enrolStudent(
      tx,
      { viewer, schoolId, reason },
      { student, schoolClass, from, kind: AdmissionKind.ADMISSION, note: null },
    );
    await tx.flush();
    return student;
  });
}

const GUARDIANSHIP_CONSTRAINTS = {
  guardianship_unique: () => badInput('guardianId', 'guardianship.exists'),
  guardianship_self_check: () => badInput('guardianId', 'guardianship.self'),
};

/** Links within the caller's transaction; the guardian gets the PARENT role in the school. */
async function link(
  tx: EntityManager,
  viewer: Viewer,
  schoolId: string,
  guardian: Person,
  student: Person,
  kind: GuardianshipKind,
): Promise<Guardianship> {
  if (guardian.id === student.id) {
    throw badInput('guardianId', 'guardianship.self');
  }
  if ((await tx.count(Guardianship, { guardian, student })) > 0) {
    throw badInput('guardianId', 'guardianship.exists');
  }
  if (!(await hasRole(tx, schoolId, guardian.id, Role.PARENT))) {
    grantRole(tx, viewer, schoolId, guardian, Role.PARENT);
  }
  const guardianship = tx.create(Guardianship, {
    school: tx.getReference(School, schoolId),
    guardian,
    student,
    kind,
  });
  tx.persist(guardianship);
  audit(tx, viewer, {
    schoolId,
    entityType: 'Guardianship',
    entityId: guardianship.id,
    action: 'link',
    after: { guardianId: guardian.id, studentId: student.id, kind },
  });
  return guardianship;
}

/**
 * The student the viewer keeps the data of, as a student of a school they may write in: returns
 * the school. A class teacher reaches the students of their class only (R-ROLE-6).
 */
async function writableStudent(
  tx: EntityManager,
  viewer: Viewer,
  id: string,
  schoolId?: string,
): Promise<{ student: Person; schoolId: string }> {
  const studentId = requireId(id, 'studentId');
  const reach = (await personReach(tx, viewer, [studentId])).get(studentId);
  if (!reach?.write) {
    throw reach?.seen ? forbidden() : notFound('studentId');
  }
  const schools = schoolId ? reach.writeSchools.filter((s) => s === schoolId) : reach.writeSchools;
  if (schools.length === 0) {
    throw forbidden();
  }
  for (const school of schools) {
    if (await hasRole(tx, school, studentId, Role.STUDENT)) {
      return { student: await tx.findOneOrFail(Person, studentId), schoolId: school };
    }
  }
  throw badInput('studentId', 'person.notAStudent');
}

/**
 * A new parent or guardian with their personal data. The record keepers add one to the school;
 * a class teacher adds one for a student of their class, linked at once (R-ROLE-6).
 */
export async function createParent(
  em: EntityManager,
  viewer: Viewer,
  input: CreateParentInput,
): Promise<Person> {
  return em.transactional(async (tx) => {
    const schoolId = requireId(input.schoolId, 'schoolId');
    const target = input.studentId
      ? await writableStudent(tx, viewer, input.studentId, schoolId)
      : null;
    if (!target) {
      requireRecordKeeper(viewer, schoolId, 'schoolId');
    }
    const parent = tx.create(Person, newPersonFields(input));
    tx.persist(parent);
    audit(tx, viewer, {
      schoolId,
      entityType: 'Person',
      entityId: parent.id,
      action: 'createParent',
      after: snapshot(parent),
    });
    if (target) {
      await link(
        tx,
        viewer,
        schoolId,
        parent,
        target.student,
        input.kind ?? GuardianshipKind.GUARDIAN,
      );
    } else {
      grantRole(tx, viewer, schoolId, parent, Role.PARENT);
    }
    await flushMapped(tx, GUARDIANSHIP_CONSTRAINTS);
    return parent;
  });
}

/** Records a parent or guardian of a student: a person the school knows. */
export async function linkGuardian(
  em: EntityManager,
  viewer: Viewer,
  input: LinkGuardianInput,
): Promise<Guardianship> {
  return em.transactional(async (tx) => {
    const { student, schoolId } = await writableStudent(tx, viewer, input.studentId);
    const guardianId = requireId(input.guardianId, 'guardianId');
    if (guardianId === student.id) {
      throw badInput('guardianId', 'guardianship.self');
    }
    if (!(await hasRole(tx, schoolId, guardianId))) {
      throw notFound('guardianId');
    }
    // A guardian reads the child's whole diary: nobody makes themself one, and a class teacher
    // links parents the school already knows, not colleagues (the record keepers decide those).
    if (
      guardianId === viewer.personId ||
      (!viewer.hasRole(schoolId, ...RECORD_KEEPERS) &&
        !(await hasRole(tx, schoolId, guardianId, Role.PARENT)))
    ) {
      throw forbidden();
    }
    const guardian = await tx.findOneOrFail(Person, guardianId);
    const guardianship = await link(tx, viewer, schoolId, guardian, student, input.kind);
    await flushMapped(tx, GUARDIANSHIP_CONSTRAINTS);
    return guardianship;
  });
}

/**
 * Removes a guardianship (e.g. by a court's decision): the parent no longer sees the child's
 * diary. The row goes; the audit trail keeps what it was and why.
 */
export async function unlinkGuardian(
  em: EntityManager,
  viewer: Viewer,
  input: UnlinkGuardianInput,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    const { student } = await writableStudent(tx, viewer, input.studentId);
    const guardianId = requireId(input.guardianId, 'guardianId');
    const guardianship = await tx.findOne(Guardianship, { guardian: guardianId, student });
    if (!guardianship) {
      throw notFound('guardianId');
    }
    const reason = movementReason(input.reason);
    audit(tx, viewer, {
      schoolId: guardianship.school.id,
      entityType: 'Guardianship',
      entityId: guardianship.id,
      action: 'unlink',
      before: { guardianId, studentId: student.id, kind: guardianship.kind },
      reason,
    });
    tx.remove(guardianship);
    await tx.flush();
    return true;
  });
}

/** Changes names, date of birth and contacts; audited before → after (R-AUTH-4, R-DATA-3). */
export async function updatePersonalData(
  em: EntityManager,
  viewer: Viewer,
  input: UpdatePersonalDataInput,
): Promise<PersonalData> {
  return em.transactional(async (tx) => {
    const personId = requireId(input.personId, 'personId');
    const schoolId = await requireWritable(tx, viewer, personId, 'personId');
    const person = await tx.findOneOrFail(Person, personId);
    if (input.version !== null && input.version !== undefined && input.version !== person.version) {
      throw new DomainError(ErrorCode.CONFLICT, 'error.conflict', {
        field: 'version',
        details: { current: personalDataOf(person) },
      });
    }
    const before = snapshot(person);
    if (input.lastName !== undefined) {
      person.lastName = name(input.lastName, 'lastName');
    }
    if (input.firstName !== undefined) {
      person.firstName = name(input.firstName, 'firstName');
    }
    if (input.middleName !== undefined) {
      person.middleName = optionalText(input.middleName, 'middleName', NAME_MAX);
    }
    if (input.birthDate !== undefined) {
      person.birthDate = birthDate(input.birthDate, today());
    }
    if (input.email !== undefined) {
      person.email = email(input.email);
    }
    if (input.phone !== undefined) {
      person.phone = phone(input.phone);
    }
    const reason = optionalText(input.reason, 'reason', 500);
    const after = snapshot(person);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => after[k] !== before[k],
    );
    if (changed.length === 0) {
      throw badInput('personId', 'person.nothingToChange');
    }
    audit(tx, viewer, {
      schoolId,
      entityType: 'Person',
      entityId: person.id,
      action: 'updatePersonalData',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      reason,
    });
    await tx.flush();
    return personalDataOf(person);
  });
}

/**
 * The viewer's own interface language (issue 6). Every signed-in person may change it, for
 * themselves only; audited before → after like any other change to a person.
 */
export async function setMyLocale(
  em: EntityManager,
  viewer: Viewer,
  input: SetMyLocaleInput,
): Promise<Person> {
  const locale = input.locale.trim().toLowerCase();
  if (!(locales as readonly string[]).includes(locale)) {
    throw badInput('locale', 'person.locale', { locales: locales.join(', ') });
  }
  return em.transactional(async (tx) => {
    const person = await tx.findOneOrFail(Person, viewer.personId);
    if (person.locale !== locale) {
      audit(tx, viewer, {
        schoolId: viewer.schoolIds()[0] ?? null,
        entityType: 'Person',
        entityId: person.id,
        action: 'setMyLocale',
        before: { locale: person.locale },
        after: { locale },
      });
      person.locale = locale;
      await tx.flush();
    }
    return person;
  });
}
