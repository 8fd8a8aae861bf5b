import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit } from '../audit/index.js';
import { isoDateInput, optionalText } from '../journal/text-inputs.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { SchoolClass } from '../year/school-class.entity.js';
import { SubgroupMembership } from '../year/subgroup-membership.entity.js';
import { flushMapped } from '../year/year-access.js';
import { AdmissionKind, DepartureKind, Enrolment } from './enrolment.entity.js';
import { personReach, requireRecordKeeper, RECORD_KEEPERS } from './people-access.js';
import type {
  AdmitStudentInput,
  DepartStudentInput,
  TransferStudentInput,
} from './people.inputs.js';
import { Person } from './person.entity.js';
import { Role, RoleAssignment } from './role-assignment.entity.js';

// Student movement (R-ROLE-3, R-YEAR-5). Enrolments are ended, never deleted, and never edited
// backwards: marks and absences stay with the lessons where they were given, so the diary and the
// old class's journal keep showing them up to the date (journal-page.service `roster`, the diary's
// per-day class).

export const enrolmentSnapshot = (e: Enrolment) => ({
  studentId: e.student.id,
  schoolClassId: e.schoolClass.id,
  startsOn: e.startsOn,
  endsOn: e.endsOn ?? null,
  admissionKind: e.admissionKind,
  departureKind: e.departureKind ?? null,
  note: e.note ?? null,
});

/** Flushing: two clerks moving one student at the same moment hit the exclusion constraint. */
const ENROLMENT_CONSTRAINTS = {
  enrolment_no_overlap: () => badInput('studentId', 'movement.alreadyEnrolled'),
};

/** The grounds of a movement (the order's number): required, kept in the audit trail. */
export function movementReason(text: string | null | undefined): string {
  const reason = optionalText(text, 'reason', 500);
  if (!reason) {
    throw badInput('reason', 'movement.reasonRequired');
  }
  return reason;
}

type Actor = { viewer: Viewer; schoolId: string; reason: string };

function audit(
  tx: EntityManager,
  { viewer, schoolId, reason }: Actor,
  entry: {
    entityType: string;
    entityId: string;
    action: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): void {
  recordAudit(
    tx,
    { personId: viewer.personId, sessionId: viewer.sessionId },
    { schoolId, reason, ...entry },
  );
}

/** A class the viewer keeps the lists of (NOT_FOUND for another school's, FORBIDDEN for its staff). */
export async function keptClass(tx: EntityManager, viewer: Viewer, id: string, field: string) {
  const schoolClass = await tx.findOne(SchoolClass, requireId(id, field));
  if (!schoolClass) {
    throw notFound(field);
  }
  requireRecordKeeper(viewer, schoolClass.school.id, field);
  return schoolClass;
}

/** A person with a current STUDENT role in the school; NOT_FOUND when unknown to the school. */
async function studentOf(tx: EntityManager, schoolId: string, id: string): Promise<Person> {
  const personId = requireId(id, 'studentId');
  const roles = await tx.find(RoleAssignment, {
    person: personId,
    school: schoolId,
    revokedAt: null,
  });
  const enrolled = await tx.count(Enrolment, { student: personId, school: schoolId });
  if (roles.length === 0 && enrolled === 0) {
    throw notFound('studentId');
  }
  if (!roles.some((r) => r.role === Role.STUDENT)) {
    throw badInput('studentId', 'person.notAStudent');
  }
  return tx.findOneOrFail(Person, personId);
}

/** The student's enrolment that covers `on` (half-open ranges), if any. */
function enrolmentOn(tx: EntityManager, studentId: string, on: string) {
  return tx.findOne(Enrolment, {
    student: studentId,
    startsOn: { $lte: on },
    $or: [{ endsOn: null }, { endsOn: { $gt: on } }],
  });
}

/**
 * The student's enrolment covering `from`, in a school the viewer keeps the lists of. A student
 * the viewer's schools do not know is NOT_FOUND; one they know, but in no class that day, is a
 * wrong date.
 */
async function currentEnrolment(tx: EntityManager, viewer: Viewer, id: string, from: string) {
  const studentId = requireId(id, 'studentId');
  const enrolment = await enrolmentOn(tx, studentId, from);
  if (enrolment) {
    requireRecordKeeper(viewer, enrolment.school.id, 'studentId');
    return enrolment;
  }
  const schools = viewer.schoolIds(...RECORD_KEEPERS);
  const [enrolled, roles] = await Promise.all([
    tx.count(Enrolment, { student: studentId, school: { $in: schools } }),
    tx.count(RoleAssignment, { person: studentId, school: { $in: schools } }),
  ]);
  if (enrolled + roles === 0) {
    throw notFound('studentId');
  }
  throw badInput('from', 'movement.notEnrolled');
}

/**
 * Nothing is ever orphaned (issue 4): a move dated back before marks or absences the student
 * already has in the class would hide them from the class's journal and the diary's days. Such
 * a move is a CONFLICT naming what is in the way; the teacher removes those first, with a reason.
 */
async function refuseRecordsFrom(tx: EntityManager, enrolment: Enrolment, from: string) {
  const [row] = await tx.execute<{ marks: number; absences: number }[]>(
    `with lessons as (
       select l.id from lesson l join teaching_assignment a on a.id = l.assignment_id
        where a.school_class_id = ? and l.date >= ?::date and (?::date is null or l.date < ?::date))
     select (select count(*)::int from mark m
              where m.student_id = ? and m.lesson_id in (select id from lessons)) as marks,
            (select count(*)::int from attendance t
              where t.student_id = ? and t.lesson_id in (select id from lessons)) as absences`,
    [
      enrolment.schoolClass.id,
      from,
      enrolment.endsOn ?? null,
      enrolment.endsOn ?? null,
      enrolment.student.id,
      enrolment.student.id,
    ],
  );
  if (row && row.marks + row.absences > 0) {
    throw new DomainError(ErrorCode.CONFLICT, 'movement.recordsAfterDate', {
      field: 'from',
      params: { marks: row.marks, absences: row.absences },
      details: { marks: row.marks, absences: row.absences },
    });
  }
}

async function inYearOf(tx: EntityManager, schoolClass: SchoolClass, date: string) {
  const year = await tx.findOneOrFail(AcademicYear, schoolClass.year.id);
  if (date < year.startsOn || date > year.endsOn) {
    throw badInput('from', 'movement.outsideYear');
  }
  return year;
}

/**
 * Ends, from `from`, the student's memberships of the subgroups of `schoolClass` (a student who
 * left a class is in none of its groups). A membership that would only start later becomes empty.
 */
async function endMemberships(
  tx: EntityManager,
  actor: Actor,
  studentId: string,
  schoolClass: SchoolClass,
  from: string,
): Promise<void> {
  const memberships = await tx.find(SubgroupMembership, {
    student: studentId,
    subgroup: { schoolClass },
    $or: [{ endsOn: null }, { endsOn: { $gt: from } }],
  });
  for (const m of memberships) {
    const before = { subgroupId: m.subgroup.id, startsOn: m.startsOn, endsOn: m.endsOn ?? null };
    m.endsOn = m.startsOn > from ? m.startsOn : from;
    audit(tx, actor, {
      entityType: 'SubgroupMembership',
      entityId: m.id,
      action: 'end',
      before,
      after: { ...before, endsOn: m.endsOn },
    });
  }
}

/**
 * Enrols `student` in `schoolClass` from `from` within the caller's transaction. Refuses a date
 * on which, or after which, the student is already in a class: one class at a time.
 */
export async function enrolStudent(
  tx: EntityManager,
  actor: Actor,
  spec: {
    student: Person;
    schoolClass: SchoolClass;
    from: string;
    kind: AdmissionKind;
    note: string | null;
  },
): Promise<Enrolment> {
  await inYearOf(tx, spec.schoolClass, spec.from);
  const clash = await tx.count(Enrolment, {
    student: spec.student,
    $or: [{ endsOn: null }, { endsOn: { $gt: spec.from } }],
  });
  if (clash > 0) {
    throw badInput('studentId', 'movement.alreadyEnrolled');
  }
  const enrolment = tx.create(Enrolment, {
    school: spec.schoolClass.school,
    student: spec.student,
    schoolClass: spec.schoolClass,
    startsOn: spec.from,
    admissionKind: spec.kind,
    note: spec.note,
  });
  tx.persist(enrolment);
  audit(tx, actor, {
    entityType: 'Enrolment',
    entityId: enrolment.id,
    action: 'admit',
    after: enrolmentSnapshot(enrolment),
  });
  return enrolment;
}

/** Admits a student to a class from a date (R-YEAR-5), audited with its grounds. */
export async function admitStudent(
  em: EntityManager,
  viewer: Viewer,
  input: AdmitStudentInput,
): Promise<Enrolment> {
  return em.transactional(async (tx) => {
    const schoolClass = await keptClass(tx, viewer, input.schoolClassId, 'schoolClassId');
    const schoolId = schoolClass.school.id;
    const student = await studentOf(tx, schoolId, input.studentId);
    const from = isoDateInput(input.from, 'from');
    const kind = input.kind ?? AdmissionKind.ADMISSION;
    if (kind === AdmissionKind.TRANSFER_IN) {
      throw badInput('kind', 'movement.admissionKind');
    }
    const actor = { viewer, schoolId, reason: movementReason(input.reason) };
    const enrolment = await enrolStudent(tx, actor, {
      student,
      schoolClass,
      from,
      kind,
      note: optionalText(input.note, 'note', 500),
    });
    await flushMapped(tx, ENROLMENT_CONSTRAINTS);
    return enrolment;
  });
}

/**
 * Moves a student to another class of the same year from `from`, in one transaction: the current
 * enrolment ends on `from` (TRANSFER_OUT), the new one starts on it (TRANSFER_IN) and keeps the
 * old one's planned end, and the memberships of the old class's subgroups end on `from`.
 */
export async function transferStudent(
  em: EntityManager,
  viewer: Viewer,
  input: TransferStudentInput,
): Promise<Enrolment> {
  return em.transactional(async (tx) => {
    const from = isoDateInput(input.from, 'from');
    const old = await currentEnrolment(tx, viewer, input.studentId, from);
    const target = await keptClass(tx, viewer, input.toSchoolClassId, 'toSchoolClassId');
    const oldClass = await tx.findOneOrFail(SchoolClass, old.schoolClass.id);
    if (target.school.id !== oldClass.school.id) {
      throw notFound('toSchoolClassId');
    }
    if (target.id === oldClass.id) {
      throw badInput('toSchoolClassId', 'movement.sameClass');
    }
    if (target.year.id !== oldClass.year.id) {
      throw badInput('toSchoolClassId', 'movement.otherYear');
    }
    if (from <= old.startsOn) {
      throw badInput('from', 'movement.notAfterStart');
    }
    await inYearOf(tx, target, from);
    const actor = { viewer, schoolId: old.school.id, reason: movementReason(input.reason) };
    await refuseRecordsFrom(tx, old, from);
    const before = enrolmentSnapshot(old);
    old.endsOn = from;
    old.departureKind = DepartureKind.TRANSFER_OUT;
    // The old row must end before the new one starts, or the exclusion constraint sees both.
    await flushMapped(tx, ENROLMENT_CONSTRAINTS);
    const next = tx.create(Enrolment, {
      school: old.school,
      student: old.student,
      schoolClass: target,
      startsOn: from,
      endsOn: before.endsOn,
      departureKind: before.departureKind,
      admissionKind: AdmissionKind.TRANSFER_IN,
      note: optionalText(input.note, 'note', 500),
    });
    tx.persist(next);
    audit(tx, actor, {
      entityType: 'Enrolment',
      entityId: old.id,
      action: 'transferOut',
      before,
      after: enrolmentSnapshot(old),
    });
    audit(tx, actor, {
      entityType: 'Enrolment',
      entityId: next.id,
      action: 'transferIn',
      after: { ...enrolmentSnapshot(next), previousEnrolmentId: old.id },
    });
    await endMemberships(tx, actor, old.student.id, oldClass, from);
    await flushMapped(tx, ENROLMENT_CONSTRAINTS);
    return next;
  });
}

const DEPARTURES: readonly DepartureKind[] = [
  DepartureKind.DEPARTURE,
  DepartureKind.TRANSFER_OUT,
  DepartureKind.GRADUATION,
];

/**
 * A student leaves from `from` (R-YEAR-5): the enrolment ends, so the student is off the class's
 * journal pages after the date — and stays on them, with every mark, before it.
 */
export async function departStudent(
  em: EntityManager,
  viewer: Viewer,
  input: DepartStudentInput,
): Promise<Enrolment> {
  return em.transactional(async (tx) => {
    const from = isoDateInput(input.from, 'from');
    const kind = input.kind ?? DepartureKind.DEPARTURE;
    if (!DEPARTURES.includes(kind)) {
      throw badInput('kind', 'movement.departureKind');
    }
    const enrolment = await currentEnrolment(tx, viewer, input.studentId, from);
    if (from <= enrolment.startsOn) {
      throw badInput('from', 'movement.notAfterStart');
    }
    const later = await tx.count(Enrolment, {
      student: enrolment.student,
      startsOn: { $gt: from },
    });
    if (later > 0) {
      throw badInput('from', 'movement.laterEnrolment');
    }
    const schoolClass = await tx.findOneOrFail(SchoolClass, enrolment.schoolClass.id);
    const actor = { viewer, schoolId: enrolment.school.id, reason: movementReason(input.reason) };
    await refuseRecordsFrom(tx, enrolment, from);
    const before = enrolmentSnapshot(enrolment);
    enrolment.endsOn = from;
    enrolment.departureKind = kind;
    const note = optionalText(input.note, 'note', 500);
    if (note) {
      enrolment.note = note;
    }
    audit(tx, actor, {
      entityType: 'Enrolment',
      entityId: enrolment.id,
      action: 'depart',
      before,
      after: enrolmentSnapshot(enrolment),
    });
    await endMemberships(tx, actor, enrolment.student.id, schoolClass, from);
    await flushMapped(tx, ENROLMENT_CONSTRAINTS);
    return enrolment;
  });
}

/**
 * Who is in a class on a date, by name: the clerk's and the administration's list, and the class
 * teacher's for their own class (R-ROLE-6). Anyone else: NOT_FOUND.
 */
export async function classRoster(
  em: EntityManager,
  viewer: Viewer,
  schoolClassId: string,
  onInput: string,
): Promise<Enrolment[]> {
  const schoolClass = await em.findOne(SchoolClass, requireId(schoolClassId, 'schoolClassId'));
  const schoolId = schoolClass?.school.id ?? '';
  const leads =
    schoolClass?.classTeacher?.id === viewer.personId && viewer.hasRole(schoolId, Role.TEACHER);
  if (!schoolClass || !(leads || viewer.hasRole(schoolId, ...RECORD_KEEPERS))) {
    throw notFound('schoolClassId');
  }
  const on = isoDateInput(onInput, 'on');
  const rows = await em.find(
    Enrolment,
    {
      schoolClass,
      startsOn: { $lte: on },
      $or: [{ endsOn: null }, { endsOn: { $gt: on } }],
    },
    { populate: ['student'] },
  );
  return rows.sort(
    (a, b) =>
      a.student.lastName.localeCompare(b.student.lastName, 'ru') ||
      a.student.firstName.localeCompare(b.student.firstName, 'ru') ||
      a.student.id.localeCompare(b.student.id),
  );
}

/**
 * A student's movement, oldest first (R-YEAR-5: history kept): for the readers of their personal
 * data — the student, their guardians, their class teacher, the record keepers. Else NOT_FOUND.
 */
export async function enrolmentHistory(
  em: EntityManager,
  viewer: Viewer,
  studentIdInput: string,
): Promise<Enrolment[]> {
  const studentId = requireId(studentIdInput, 'studentId');
  const reach = (await personReach(em, viewer, [studentId])).get(studentId);
  if (!reach?.read) {
    throw notFound('studentId');
  }
  return em.find(Enrolment, { student: studentId }, { orderBy: { startsOn: 'asc', id: 'asc' } });
}
