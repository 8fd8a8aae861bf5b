import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { todayIn } from '../journal/audience.js';
import { isoDateInput, optionalText } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear } from './academic-year.entity.js';
import { SchoolClass } from './school-class.entity.js';
import { SubgroupMembership } from './subgroup-membership.entity.js';
import { Subgroup } from './subgroup.entity.js';
import { Subject } from './subject.entity.js';
import { TeachingAssignment } from './teaching-assignment.entity.js';
import { classFor, ofSchool, requiredText, requireYearOpen } from './structure.service.js';
import { audit, flushMapped, requireReader } from './year-access.js';
import type {
  CreateSubgroupInput,
  MoveToSubgroupInput,
  SetSubgroupMembersInput,
} from './subgroups.inputs.js';

const MAX_NAME = 50;

/**
 * Who splits a class (R-ROLE-6): the administration, the class teacher of that class, and the
 * teachers who keep a page of that subject in that class. Other staff of the school see the class
 * (FORBIDDEN); anyone else NOT_FOUND.
 */
async function requireSubgroupEditor(
  em: EntityManager,
  viewer: Viewer,
  schoolClass: SchoolClass,
  subjectId: string,
  on: string,
): Promise<void> {
  const schoolId = schoolClass.school.id;
  if (viewer.hasRole(schoolId, ...ADMINISTRATION)) {
    return;
  }
  if (viewer.hasRole(schoolId, Role.TEACHER)) {
    if (schoolClass.classTeacher?.id === viewer.personId) {
      return;
    }
    const teaches = await em.count(TeachingAssignment, {
      schoolClass,
      subject: subjectId,
      teacher: viewer.personId,
      $and: [
        { $or: [{ startsOn: null }, { startsOn: { $lte: on } }] },
        { $or: [{ endsOn: null }, { endsOn: { $gt: on } }] },
      ],
    });
    if (teaches > 0) {
      return;
    }
  }
  throw forbidden();
}

async function subgroupFor(em: EntityManager, viewer: Viewer, id: string, field: string) {
  const subgroup = await em.findOne(Subgroup, requireId(id, field));
  if (!subgroup) {
    throw notFound(field);
  }
  requireReader(viewer, subgroup.school.id, field);
  return subgroup;
}

async function dateInYear(em: EntityManager, schoolClass: SchoolClass, value: string) {
  const from = isoDateInput(value, 'from');
  const year = await em.findOneOrFail(AcademicYear, schoolClass.year.id);
  if (from < year.startsOn || from > year.endsOn) {
    throw badInput('from', 'subgroup.outsideYear');
  }
  return from;
}

async function todayAt(em: EntityManager, schoolId: string) {
  const school = await em.findOneOrFail(School, schoolId);
  return todayIn(school.timeZone);
}

/** Serialises membership writes of one subject: "one subgroup per subject" spans subgroups. */
async function lockSubject(em: EntityManager, subjectId: string) {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`subgroups:${subjectId}`]);
}

const membershipSnapshot = (m: SubgroupMembership) => ({
  subgroupId: m.subgroup.id,
  studentId: m.student.id,
  startsOn: m.startsOn,
  endsOn: m.endsOn ?? null,
});

/** A row that never took effect (cancelled before its first day): ignored everywhere. */
const isEmpty = (m: SubgroupMembership) => !!m.endsOn && m.endsOn <= m.startsOn;

/**
 * From `from` on, the members of `subgroup` among `scope` (default: everyone) are exactly
 * `desired`. Rows are ended or cancelled (an empty range), never deleted, so the dated history
 * stays (R-YEAR-2, R-YEAR-5). Refused, writing nothing, when a member is not in the class on
 * `from`, is in another subgroup of the subject then, or would leave marks or attendance of the
 * subgroup's lessons behind (nothing is orphaned: R-YEAR-4's rule for the timetable, here too).
 */
async function applyMembers(
  tx: EntityManager,
  viewer: Viewer,
  subgroup: Subgroup,
  desired: ReadonlySet<string>,
  from: string,
  reason: string | null,
  scope?: ReadonlySet<string>,
  field = 'studentIds',
): Promise<void> {
  const schoolId = subgroup.school.id;
  const inScope = (id: string) => !scope || scope.has(id);
  const rows = (
    await tx.find(SubgroupMembership, {
      subgroup,
      $or: [{ endsOn: null }, { endsOn: { $gt: from } }],
    })
  ).filter((m) => !isEmpty(m) && inScope(m.student.id));

  const leaving = [
    ...new Set(rows.filter((m) => !desired.has(m.student.id)).map((m) => m.student.id)),
  ];
  if (leaving.length > 0) {
    const recorded = await tx.execute<{ student_id: string }[]>(
      `select distinct r.student_id from (
          select k.student_id, k.lesson_id from mark k
          union all select t.student_id, t.lesson_id from attendance t) r
        join lesson l on l.id = r.lesson_id
        join teaching_assignment a on a.id = l.assignment_id
       where a.subgroup_id = ? and l.date >= ?::date and r.student_id = any(?::uuid[])`,
      [subgroup.id, from, uuidArray(leaving)],
    );
    if (recorded.length > 0) {
      throw new DomainError(ErrorCode.CONFLICT, 'subgroup.memberHasRecords', {
        field: 'from',
        details: { studentIds: recorded.map((r) => r.student_id).sort() },
      });
    }
  }

  if (desired.size > 0) {
    const ids = uuidArray([...desired]);
    const enrolled = await tx.execute<{ student_id: string }[]>(
      `select e.student_id from enrolment e
        where e.school_class_id = ? and e.student_id = any(?::uuid[])
          and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)`,
      [subgroup.schoolClass.id, ids, from, from],
    );
    const inClass = new Set(enrolled.map((r) => r.student_id));
    const outside = [...desired].filter((id) => !inClass.has(id)).sort();
    if (outside.length > 0) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'subgroup.memberOutsideClass', {
        field,
        details: { studentIds: outside },
      });
    }
    const elsewhere = await tx.execute<{ student_id: string; subgroup_id: string }[]>(
      `select m.student_id, m.subgroup_id from subgroup_membership m
         join subgroup g on g.id = m.subgroup_id
        where g.subject_id = ? and g.id <> ? and m.student_id = any(?::uuid[])
          and (m.ends_on is null or (m.ends_on > ?::date and m.ends_on > m.starts_on))
        order by m.student_id`,
      [subgroup.subject.id, subgroup.id, ids, from],
    );
    if (elsewhere.length > 0) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'subgroup.inAnotherGroup', {
        field,
        details: {
          studentIds: elsewhere.map((r) => r.student_id),
          subgroupId: elsewhere[0]!.subgroup_id,
        },
      });
    }
  }

  const covered = new Set<string>();
  const change = (m: SubgroupMembership, action: string, set: () => void) => {
    const before = membershipSnapshot(m);
    set();
    audit(tx, viewer, {
      schoolId,
      entityType: 'SubgroupMembership',
      entityId: m.id,
      action,
      before,
      after: membershipSnapshot(m),
      reason,
    });
  };
  // Rows covering `from` first, so a kept student's row is extended rather than duplicated.
  for (const m of rows.sort((a, b) => a.startsOn.localeCompare(b.startsOn))) {
    const keep = desired.has(m.student.id);
    if (m.startsOn <= from && !covered.has(m.student.id)) {
      if (keep) {
        covered.add(m.student.id);
        if (m.endsOn) {
          change(m, 'extend', () => (m.endsOn = null));
        }
      } else {
        change(m, 'end', () => (m.endsOn = from));
      }
    } else {
      // A later row (a change planned for after `from`) gives way to the new list.
      change(m, 'cancel', () => (m.endsOn = m.startsOn));
    }
  }
  // Ends and cancellations reach the database before new rows (the exclusion constraint).
  await tx.flush();
  for (const studentId of desired) {
    if (covered.has(studentId)) {
      continue;
    }
    const m = tx.create(SubgroupMembership, {
      school: subgroup.school,
      subgroup,
      student: tx.getReference(Person, studentId),
      startsOn: from,
      endsOn: null,
    });
    tx.persist(m);
    audit(tx, viewer, {
      schoolId,
      entityType: 'SubgroupMembership',
      entityId: m.id,
      action: 'create',
      after: membershipSnapshot(m),
      reason,
    });
  }
  await flushMapped(tx, {
    subgroup_membership_no_overlap: () => badInput(field, 'subgroup.inAnotherGroup'),
  });
}

const studentSet = (ids: readonly string[] | null | undefined) =>
  new Set((ids ?? []).map((id) => requireId(id, 'studentIds')));

/** The subgroups of a class with their subjects, by subject and name (R-YEAR-2). */
export async function subgroups(em: EntityManager, viewer: Viewer, schoolClassId: string) {
  const schoolClass = await classFor(em, viewer, schoolClassId, 'schoolClassId');
  return em.find(Subgroup, { schoolClass }, { orderBy: { subject: { name: 'asc' }, name: 'asc' } });
}

/** Splits a class for a subject (R-YEAR-2, R-ROLE-6), optionally with its first members. */
export async function createSubgroup(
  em: EntityManager,
  viewer: Viewer,
  input: CreateSubgroupInput,
) {
  return em.transactional(async (tx) => {
    const schoolClass = await classFor(tx, viewer, input.schoolClassId, 'schoolClassId');
    const schoolId = schoolClass.school.id;
    // R-DATA-2: a closed year's subgroups are as final as its journals.
    requireYearOpen(await tx.findOneOrFail(AcademicYear, schoolClass.year.id), 'schoolClassId');
    const subject = await ofSchool(tx, Subject, schoolId, input.subjectId, 'subjectId');
    const today = await todayAt(tx, schoolId);
    let from: string;
    if (input.from) {
      from = await dateInYear(tx, schoolClass, input.from);
    } else {
      // Set up before the year: from its first day; during it: from today.
      const year = await tx.findOneOrFail(AcademicYear, schoolClass.year.id);
      from = today < year.startsOn ? year.startsOn : today > year.endsOn ? year.endsOn : today;
    }
    await requireSubgroupEditor(tx, viewer, schoolClass, subject.id, today);
    const name = requiredText(input.name, 'name', MAX_NAME);
    if (await tx.count(Subgroup, { schoolClass, subject, name })) {
      throw badInput('name', 'subgroup.nameTaken');
    }
    await lockSubject(tx, subject.id);
    const subgroup = tx.create(Subgroup, {
      school: schoolClass.school,
      schoolClass,
      subject,
      name,
    });
    tx.persist(subgroup);
    audit(tx, viewer, {
      schoolId,
      entityType: 'Subgroup',
      entityId: subgroup.id,
      action: 'create',
      after: { schoolClassId: schoolClass.id, subjectId: subject.id, name },
    });
    await flushMapped(tx, { subgroup_name_unique: () => badInput('name', 'subgroup.nameTaken') });
    await applyMembers(tx, viewer, subgroup, studentSet(input.studentIds), from, null);
    return subgroup;
  });
}

/** From a date on, the subgroup's members are exactly the students listed (R-ROLE-6). */
export async function setSubgroupMembers(
  em: EntityManager,
  viewer: Viewer,
  input: SetSubgroupMembersInput,
) {
  return em.transactional(async (tx) => {
    const subgroup = await subgroupFor(tx, viewer, input.subgroupId, 'subgroupId');
    const schoolClass = await tx.findOneOrFail(SchoolClass, subgroup.schoolClass.id);
    requireYearOpen(await tx.findOneOrFail(AcademicYear, schoolClass.year.id), 'subgroupId');
    const from = await dateInYear(tx, schoolClass, input.from);
    await requireSubgroupEditor(tx, viewer, schoolClass, subgroup.subject.id, from);
    const reason = optionalText(input.reason, 'reason', 500);
    await lockSubject(tx, subgroup.subject.id);
    await applyMembers(tx, viewer, subgroup, studentSet(input.studentIds), from, reason);
    return subgroup;
  });
}

/**
 * A student joins a subgroup from a date, leaving their subgroup of the same class and subject if
 * they had one (R-YEAR-5): the old membership ends the day before, the new one starts on the date.
 */
export async function moveToSubgroup(
  em: EntityManager,
  viewer: Viewer,
  input: MoveToSubgroupInput,
) {
  return em.transactional(async (tx) => {
    const target = await subgroupFor(tx, viewer, input.subgroupId, 'subgroupId');
    const schoolClass = await tx.findOneOrFail(SchoolClass, target.schoolClass.id);
    requireYearOpen(await tx.findOneOrFail(AcademicYear, schoolClass.year.id), 'subgroupId');
    const from = await dateInYear(tx, schoolClass, input.from);
    await requireSubgroupEditor(tx, viewer, schoolClass, target.subject.id, from);
    const studentId = requireId(input.studentId, 'studentId');
    const reason = optionalText(input.reason, 'reason', 500);
    await lockSubject(tx, target.subject.id);
    const current = await tx.findOne(
      SubgroupMembership,
      {
        student: studentId,
        subgroup: { schoolClass, subject: target.subject },
        startsOn: { $lte: from },
        $or: [{ endsOn: null }, { endsOn: { $gt: from } }],
      },
      { populate: ['subgroup'] },
    );
    if (current?.subgroup.id === target.id) {
      throw badInput('subgroupId', 'subgroup.sameGroup');
    }
    const only = new Set([studentId]);
    if (current) {
      await applyMembers(tx, viewer, current.subgroup, new Set(), from, reason, only, 'studentId');
    }
    await applyMembers(tx, viewer, target, only, from, reason, only, 'studentId');
    return target;
  });
}

/** Memberships of a subgroup, oldest first, without those cancelled before they began. */
export function membershipHistory(rows: readonly SubgroupMembership[]) {
  return rows
    .filter((m) => !isEmpty(m))
    .sort(
      (a, b) => a.startsOn.localeCompare(b.startsOn) || a.student.id.localeCompare(b.student.id),
    );
}

/** Members on `on` (half-open ranges). */
export function membersOn(rows: readonly SubgroupMembership[], on: string) {
  return membershipHistory(rows).filter((m) => m.startsOn <= on && (!m.endsOn || m.endsOn > on));
}
