// Journal fixtures: a page (assignment) with its class, period, lessons and people signed in.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from '../../src/auth/session.entity.js';
import { newSessionToken, sha256 } from '../../src/auth/tokens.js';
import { Lesson, LessonStatus } from '../../src/modules/journal/lesson.entity.js';
import { Enrolment, DepartureKind } from '../../src/modules/people/enrolment.entity.js';
import type { Person } from '../../src/modules/people/person.entity.js';
import type { School } from '../../src/modules/school/school.entity.js';
import type { AcademicYear } from '../../src/modules/year/academic-year.entity.js';
import { PeriodKind, ReportingPeriod } from '../../src/modules/year/reporting-period.entity.js';
import type { SchoolClass } from '../../src/modules/year/school-class.entity.js';
import { Subgroup } from '../../src/modules/year/subgroup.entity.js';
import { SubgroupMembership } from '../../src/modules/year/subgroup-membership.entity.js';
import { Subject } from '../../src/modules/year/subject.entity.js';
import { TeachingAssignment } from '../../src/modules/year/teaching-assignment.entity.js';
import { WorkType } from '../../src/modules/year/work-type.entity.js';

let n = 0;

/** A live session for `person`, without the cost of argon2: returns the bearer token. */
export async function sessionFor(em: EntityManager, person: Person): Promise<string> {
  const token = newSessionToken();
  em.persist(
    em.create(Session, {
      person,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + 3_600_000),
    }),
  );
  await em.flush();
  return token;
}

export async function createSubject(em: EntityManager, school: School, name?: string) {
  const label = name ?? `Предмет ${++n}`;
  const subject = em.create(Subject, { school, name: label, shortName: label.slice(0, 6) });
  await em.persist(subject).flush();
  return subject;
}

export async function createWorkType(
  em: EntityManager,
  school: School,
  spec: { name?: string; weight?: number; isWritten?: boolean } = {},
) {
  const workType = em.create(WorkType, {
    school,
    code: `wt${++n}`,
    name: spec.name ?? 'Ответ на уроке',
    weight: spec.weight ?? 1,
    isWritten: spec.isWritten ?? false,
  });
  await em.persist(workType).flush();
  return workType;
}

/** A quarter of `year` (default the first: 1 Sep – 26 Oct). */
export async function createPeriod(
  em: EntityManager,
  year: AcademicYear,
  spec: { number?: number; startsOn?: string; endsOn?: string } = {},
) {
  const from = year.startsOn.slice(0, 4);
  const period = em.create(ReportingPeriod, {
    school: year.school,
    year,
    kind: PeriodKind.QUARTER,
    number: spec.number ?? 1,
    name: `${spec.number ?? 1} четверть`,
    startsOn: spec.startsOn ?? `${from}-09-01`,
    endsOn: spec.endsOn ?? `${from}-10-26`,
    gradeLevels: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  });
  await em.persist(period).flush();
  return period;
}

export async function createAssignment(
  em: EntityManager,
  spec: {
    teacher: Person;
    subject: Subject;
    schoolClass: SchoolClass;
    subgroup?: Subgroup | null;
  },
) {
  const assignment = em.create(TeachingAssignment, {
    school: spec.schoolClass.school,
    year: spec.schoolClass.year,
    teacher: spec.teacher,
    subject: spec.subject,
    schoolClass: spec.schoolClass,
    subgroup: spec.subgroup ?? null,
  });
  await em.persist(assignment).flush();
  return assignment;
}

export async function createLesson(
  em: EntityManager,
  assignment: TeachingAssignment,
  spec: {
    date: string;
    lessonNumber?: number;
    status?: LessonStatus;
    conductingTeacher?: Person;
    workType?: WorkType | null;
    topic?: string;
  },
) {
  const lesson = em.create(Lesson, {
    school: assignment.school,
    assignment,
    date: spec.date,
    lessonNumber: spec.lessonNumber ?? 1,
    conductingTeacher: spec.conductingTeacher ?? assignment.teacher,
    status: spec.status ?? LessonStatus.HELD,
    workType: spec.workType ?? null,
    topic: spec.topic ?? `Тема ${++n}`,
  });
  await em.persist(lesson).flush();
  return lesson;
}

/** Enrols an existing student in a class for a span (half-open: `endsOn` is the first day away). */
export async function enrol(
  em: EntityManager,
  student: Person,
  schoolClass: SchoolClass,
  startsOn: string,
  endsOn: string | null = null,
) {
  const enrolment = em.create(Enrolment, {
    school: schoolClass.school,
    student,
    schoolClass,
    startsOn,
    endsOn,
    departureKind: endsOn ? DepartureKind.TRANSFER_OUT : null,
  });
  await em.persist(enrolment).flush();
  return enrolment;
}

export async function createSubgroup(
  em: EntityManager,
  schoolClass: SchoolClass,
  subject: Subject,
  members: Person[],
) {
  const subgroup = em.create(Subgroup, {
    school: schoolClass.school,
    schoolClass,
    subject,
    name: `${++n} группа`,
  });
  em.persist(subgroup);
  for (const student of members) {
    em.persist(
      em.create(SubgroupMembership, {
        school: schoolClass.school,
        subgroup,
        student,
        startsOn: schoolClass.year.startsOn,
      }),
    );
  }
  await em.flush();
  return subgroup;
}
