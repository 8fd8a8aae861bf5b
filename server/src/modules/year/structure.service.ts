import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { isoDateInput, optionalText } from '../journal/text-inputs.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { AcademicYear } from './academic-year.entity.js';
import { CurriculumItem } from './curriculum-item.entity.js';
import { PeriodKind, ReportingPeriod } from './reporting-period.entity.js';
import { SchoolClass } from './school-class.entity.js';
import { Subject } from './subject.entity.js';
import { WorkType } from './work-type.entity.js';
import {
  audit,
  flushMapped,
  isTeacherOf,
  LOAD_READERS,
  requireAdministration,
  requireReader,
} from './year-access.js';
import type {
  CloseReportingPeriodInput,
  CreateAcademicYearInput,
  CreateReportingPeriodInput,
  CreateSchoolClassInput,
  CreateSubjectInput,
  SetCurriculumInput,
  UpdateReportingPeriodInput,
  UpdateSchoolClassInput,
} from './year.inputs.js';

const MAX_PLANNED_LESSONS = 1000;

export function requiredText(value: string | null | undefined, field: string, max: number) {
  const text = optionalText(value, field, max);
  if (!text) {
    throw badInput(field, 'input.required');
  }
  return text;
}

/** R-DATA-2: a closed year's structure is as final as its journals. */
export function requireYearOpen(year: AcademicYear, field: string): void {
  if (year.closedAt) {
    throw badInput(field, 'year.closed');
  }
}

// ---------------------------------------------------------------------------------------------
// Lookups: each answers NOT_FOUND for what the viewer may not read, so ids cannot be probed.

export async function yearFor(em: EntityManager, viewer: Viewer, id: string, field: string) {
  const year = await em.findOne(AcademicYear, requireId(id, field));
  if (!year) {
    throw notFound(field);
  }
  requireReader(viewer, year.school.id, field);
  return year;
}

export async function classFor(em: EntityManager, viewer: Viewer, id: string, field: string) {
  const schoolClass = await em.findOne(SchoolClass, requireId(id, field));
  if (!schoolClass) {
    throw notFound(field);
  }
  requireReader(viewer, schoolClass.school.id, field);
  return schoolClass;
}

async function periodFor(em: EntityManager, viewer: Viewer, id: string, field: string) {
  const period = await em.findOne(ReportingPeriod, requireId(id, field));
  if (!period) {
    throw notFound(field);
  }
  requireReader(viewer, period.school.id, field);
  return period;
}

/** A row of `cls` in `schoolId`; NOT_FOUND for another school's (the same-school rule, R-AUTH-4). */
export async function ofSchool<T extends { id: string; school: { id: string } }>(
  em: EntityManager,
  cls: EntityClass<T>,
  schoolId: string,
  id: string,
  field: string,
): Promise<T> {
  const row = await em.findOne(cls, { id: requireId(id, field) } as FilterQuery<T>);
  if (!row || row.school.id !== schoolId) {
    throw notFound(field);
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// Reads

export async function academicYears(em: EntityManager, viewer: Viewer, schoolId: string) {
  const id = requireId(schoolId, 'schoolId');
  requireReader(viewer, id, 'schoolId');
  return em.find(AcademicYear, { school: id }, { orderBy: { startsOn: 'desc' } });
}

export async function reportingPeriods(em: EntityManager, viewer: Viewer, yearId: string) {
  const year = await yearFor(em, viewer, yearId, 'yearId');
  return em.find(ReportingPeriod, { year }, { orderBy: { startsOn: 'asc', kind: 'asc' } });
}

export async function schoolClasses(em: EntityManager, viewer: Viewer, yearId: string) {
  const year = await yearFor(em, viewer, yearId, 'yearId');
  return em.find(SchoolClass, { year }, { orderBy: { gradeLevel: 'asc', letter: 'asc' } });
}

export async function subjects(em: EntityManager, viewer: Viewer, schoolId: string) {
  const id = requireId(schoolId, 'schoolId');
  requireReader(viewer, id, 'schoolId');
  return em.find(Subject, { school: id }, { orderBy: { name: 'asc' } });
}

/** The school's kinds of work, for the lesson editor's picker (R-JRN-1). */
export async function workTypes(em: EntityManager, viewer: Viewer, schoolId: string) {
  const id = requireId(schoolId, 'schoolId');
  requireReader(viewer, id, 'schoolId');
  return em.find(WorkType, { school: id }, { orderBy: { name: 'asc' } });
}

export async function curriculum(em: EntityManager, viewer: Viewer, schoolClassId: string) {
  const id = requireId(schoolClassId, 'schoolClassId');
  const schoolClass = await em.findOne(SchoolClass, id);
  if (!schoolClass) {
    throw notFound('schoolClassId');
  }
  requireReader(viewer, schoolClass.school.id, 'schoolClassId', LOAD_READERS);
  return em.find(
    CurriculumItem,
    { schoolClass },
    { orderBy: { subject: { name: 'asc' }, period: { startsOn: 'asc' } } },
  );
}

// ---------------------------------------------------------------------------------------------
// Academic years (R-YEAR-1)

const yearSnapshot = (y: AcademicYear) => ({
  name: y.name,
  startsOn: y.startsOn,
  endsOn: y.endsOn,
});

/** Checks a new year's name and dates against the school's other years. */
export async function checkNewYear(
  tx: EntityManager,
  schoolId: string,
  input: { name: string; startsOn: string; endsOn: string },
) {
  const name = requiredText(input.name, 'name', 50);
  const startsOn = isoDateInput(input.startsOn, 'startsOn');
  const endsOn = isoDateInput(input.endsOn, 'endsOn');
  if (endsOn <= startsOn) {
    throw badInput('endsOn', 'year.endsBeforeStart');
  }
  if (await tx.count(AcademicYear, { school: schoolId, name })) {
    throw badInput('name', 'year.nameTaken');
  }
  const overlapping = await tx.count(AcademicYear, {
    school: schoolId,
    startsOn: { $lte: endsOn },
    endsOn: { $gte: startsOn },
  });
  if (overlapping) {
    throw badInput('startsOn', 'year.overlaps');
  }
  return { name, startsOn, endsOn };
}

export const YEAR_CONSTRAINTS = {
  academic_year_no_overlap: () => badInput('startsOn', 'year.overlaps'),
  academic_year_name_unique: () => badInput('name', 'year.nameTaken'),
};

export async function createAcademicYear(
  em: EntityManager,
  viewer: Viewer,
  input: CreateAcademicYearInput,
) {
  const schoolId = requireId(input.schoolId, 'schoolId');
  requireAdministration(viewer, schoolId, 'schoolId');
  return em.transactional(async (tx) => {
    const fields = await checkNewYear(tx, schoolId, input);
    const year = tx.create(AcademicYear, { school: tx.getReference(School, schoolId), ...fields });
    tx.persist(year);
    audit(tx, viewer, {
      schoolId,
      entityType: 'AcademicYear',
      entityId: year.id,
      action: 'create',
      after: yearSnapshot(year),
    });
    await flushMapped(tx, YEAR_CONSTRAINTS);
    return year;
  });
}

// ---------------------------------------------------------------------------------------------
// Reporting periods (R-YEAR-1)

const periodSnapshot = (p: ReportingPeriod) => ({
  kind: p.kind,
  number: p.number,
  name: p.name,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  gradeLevels: p.gradeLevels,
  closedAt: p.closedAt?.toISOString() ?? null,
});

const PERIOD_CONSTRAINTS = {
  reporting_period_no_overlap: () => badInput('startsOn', 'period.overlaps'),
  reporting_period_number_unique: () => badInput('number', 'period.numberTaken'),
};

function gradeLevelsInput(levels: readonly number[]): number[] {
  const unique = [...new Set(levels)].sort((a, b) => a - b);
  if (
    unique.length === 0 ||
    unique.length !== levels.length ||
    unique.some((g) => !Number.isInteger(g) || g < 1 || g > 12)
  ) {
    throw badInput('gradeLevels', 'period.gradeLevels');
  }
  return unique;
}

interface PeriodFields {
  kind: PeriodKind;
  number: number;
  startsOn: string;
  endsOn: string;
  gradeLevels: number[];
}

/**
 * A period lies inside its year, does not overlap another of its kind (the holidays are the gaps),
 * and a grade level is divided one way: quarters, trimesters or half-years, beside the YEAR
 * period every grade has (R-YEAR-1).
 */
async function checkPeriod(
  tx: EntityManager,
  year: AcademicYear,
  p: PeriodFields,
  selfId: string | null,
) {
  if (p.endsOn <= p.startsOn) {
    throw badInput('endsOn', 'period.endsBeforeStart');
  }
  if (p.startsOn < year.startsOn) {
    throw badInput('startsOn', 'period.outsideYear');
  }
  if (p.endsOn > year.endsOn) {
    throw badInput('endsOn', 'period.outsideYear');
  }
  const others = (await tx.find(ReportingPeriod, { year })).filter((o) => o.id !== selfId);
  if (others.some((o) => o.kind === p.kind && o.number === p.number)) {
    throw badInput('number', 'period.numberTaken');
  }
  if (others.some((o) => o.kind === p.kind && o.startsOn <= p.endsOn && o.endsOn >= p.startsOn)) {
    throw badInput('startsOn', 'period.overlaps');
  }
  const mixed =
    p.kind !== PeriodKind.YEAR &&
    others.some(
      (o) =>
        o.kind !== p.kind &&
        o.kind !== PeriodKind.YEAR &&
        o.gradeLevels.some((g) => p.gradeLevels.includes(g)),
    );
  if (mixed) {
    throw badInput('gradeLevels', 'period.kindMixed');
  }
}

export async function createReportingPeriod(
  em: EntityManager,
  viewer: Viewer,
  input: CreateReportingPeriodInput,
) {
  return em.transactional(async (tx) => {
    const year = await yearFor(tx, viewer, input.yearId, 'yearId');
    requireAdministration(viewer, year.school.id, 'yearId');
    requireYearOpen(year, 'yearId');
    if (!Number.isInteger(input.number) || input.number < 1 || input.number > 12) {
      throw badInput('number', 'period.number');
    }
    const fields: PeriodFields = {
      kind: input.kind,
      number: input.number,
      startsOn: isoDateInput(input.startsOn, 'startsOn'),
      endsOn: isoDateInput(input.endsOn, 'endsOn'),
      gradeLevels: gradeLevelsInput(input.gradeLevels),
    };
    const name = requiredText(input.name, 'name', 50);
    await checkPeriod(tx, year, fields, null);
    const period = tx.create(ReportingPeriod, { school: year.school, year, name, ...fields });
    tx.persist(period);
    audit(tx, viewer, {
      schoolId: year.school.id,
      entityType: 'ReportingPeriod',
      entityId: period.id,
      action: 'create',
      after: periodSnapshot(period),
    });
    await flushMapped(tx, PERIOD_CONSTRAINTS);
    return period;
  });
}

/** A closed period's marks are final; an open one may move, but never away from its lessons. */
export async function updateReportingPeriod(
  em: EntityManager,
  viewer: Viewer,
  input: UpdateReportingPeriodInput,
) {
  return em.transactional(async (tx) => {
    const period = await periodFor(tx, viewer, input.periodId, 'periodId');
    requireAdministration(viewer, period.school.id, 'periodId');
    if (period.closedAt) {
      throw badInput('periodId', 'period.closed');
    }
    const year = await tx.findOneOrFail(AcademicYear, period.year.id);
    requireYearOpen(year, 'periodId');
    const next: PeriodFields = {
      kind: period.kind,
      number: period.number,
      startsOn: input.startsOn ? isoDateInput(input.startsOn, 'startsOn') : period.startsOn,
      endsOn: input.endsOn ? isoDateInput(input.endsOn, 'endsOn') : period.endsOn,
      gradeLevels: input.gradeLevels ? gradeLevelsInput(input.gradeLevels) : period.gradeLevels,
    };
    const name = input.name ? requiredText(input.name, 'name', 50) : period.name;
    const reason = optionalText(input.reason, 'reason', 500);
    await checkPeriod(tx, year, next, period.id);
    // Lessons the period covered must stay covered: a journal page shows a period's lessons by
    // date and grade, so a lesson left outside every period would vanish from the journal.
    const [left] = await tx.execute<{ n: string }[]>(
      `select count(*) as n
         from lesson l
         join teaching_assignment a on a.id = l.assignment_id
         join school_class c on c.id = a.school_class_id
        where a.year_id = ? and l.date between ?::date and ?::date
          and c.grade_level = any(?::int[])
          and not (l.date between ?::date and ?::date and c.grade_level = any(?::int[]))`,
      [
        year.id,
        period.startsOn,
        period.endsOn,
        `{${period.gradeLevels.join(',')}}`,
        next.startsOn,
        next.endsOn,
        `{${next.gradeLevels.join(',')}}`,
      ],
    );
    const count = Number(left?.n ?? 0);
    if (count > 0) {
      throw badInput(input.gradeLevels ? 'gradeLevels' : 'startsOn', 'period.leavesLessons', {
        count,
      });
    }
    const before = periodSnapshot(period);
    Object.assign(period, { name, ...next });
    audit(tx, viewer, {
      schoolId: period.school.id,
      entityType: 'ReportingPeriod',
      entityId: period.id,
      action: 'update',
      before,
      after: periodSnapshot(period),
      reason,
    });
    await flushMapped(tx, PERIOD_CONSTRAINTS);
    return period;
  });
}

/** Freezes the period's marks; lessons can no longer be added to it (lessons.service.ts). */
export async function closeReportingPeriod(
  em: EntityManager,
  viewer: Viewer,
  input: CloseReportingPeriodInput,
) {
  return em.transactional(async (tx) => {
    const period = await periodFor(tx, viewer, input.periodId, 'periodId');
    requireAdministration(viewer, period.school.id, 'periodId');
    if (period.closedAt) {
      throw badInput('periodId', 'period.alreadyClosed');
    }
    const reason = optionalText(input.reason, 'reason', 500);
    const before = periodSnapshot(period);
    period.closedAt = new Date();
    audit(tx, viewer, {
      schoolId: period.school.id,
      entityType: 'ReportingPeriod',
      entityId: period.id,
      action: 'close',
      before,
      after: periodSnapshot(period),
      reason,
    });
    await tx.flush();
    return period;
  });
}

// ---------------------------------------------------------------------------------------------
// Classes (R-YEAR-2)

const classSnapshot = (c: SchoolClass) => ({
  gradeLevel: c.gradeLevel,
  letter: c.letter,
  classTeacherId: c.classTeacher?.id ?? null,
});

const CLASS_CONSTRAINTS = {
  school_class_name_unique: () => badInput('letter', 'schoolClass.nameTaken'),
};

function gradeLevelInput(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 12) {
    throw badInput('gradeLevel', 'schoolClass.gradeLevel');
  }
  return value;
}

function letterInput(value: string): string {
  const letter = value.trim().toUpperCase();
  if (!/^[\p{L}\d-]{0,3}$/u.test(letter)) {
    throw badInput('letter', 'schoolClass.letter');
  }
  return letter;
}

async function classTeacherInput(tx: EntityManager, schoolId: string, id: string) {
  const personId = requireId(id, 'classTeacherId');
  if (!(await isTeacherOf(tx, schoolId, personId))) {
    throw badInput('classTeacherId', 'schoolClass.notATeacher');
  }
  return tx.getReference(Person, personId);
}

async function checkClassName(
  tx: EntityManager,
  yearId: string,
  gradeLevel: number,
  letter: string,
  selfId: string | null,
) {
  const same = await tx.findOne(SchoolClass, { year: yearId, gradeLevel, letter });
  if (same && same.id !== selfId) {
    throw badInput('letter', 'schoolClass.nameTaken');
  }
}

export async function createSchoolClass(
  em: EntityManager,
  viewer: Viewer,
  input: CreateSchoolClassInput,
) {
  return em.transactional(async (tx) => {
    const year = await yearFor(tx, viewer, input.yearId, 'yearId');
    requireAdministration(viewer, year.school.id, 'yearId');
    requireYearOpen(year, 'yearId');
    const gradeLevel = gradeLevelInput(input.gradeLevel);
    const letter = letterInput(input.letter);
    await checkClassName(tx, year.id, gradeLevel, letter, null);
    const classTeacher = input.classTeacherId
      ? await classTeacherInput(tx, year.school.id, input.classTeacherId)
      : null;
    const schoolClass = tx.create(SchoolClass, {
      school: year.school,
      year,
      gradeLevel,
      letter,
      classTeacher,
    });
    tx.persist(schoolClass);
    audit(tx, viewer, {
      schoolId: year.school.id,
      entityType: 'SchoolClass',
      entityId: schoolClass.id,
      action: 'create',
      after: classSnapshot(schoolClass),
    });
    await flushMapped(tx, CLASS_CONSTRAINTS);
    return schoolClass;
  });
}

export async function updateSchoolClass(
  em: EntityManager,
  viewer: Viewer,
  input: UpdateSchoolClassInput,
) {
  return em.transactional(async (tx) => {
    const schoolClass = await classFor(tx, viewer, input.schoolClassId, 'schoolClassId');
    const schoolId = schoolClass.school.id;
    requireAdministration(viewer, schoolId, 'schoolClassId');
    requireYearOpen(await tx.findOneOrFail(AcademicYear, schoolClass.year.id), 'schoolClassId');
    const before = classSnapshot(schoolClass);
    const gradeLevel =
      typeof input.gradeLevel === 'number'
        ? gradeLevelInput(input.gradeLevel)
        : schoolClass.gradeLevel;
    const letter =
      typeof input.letter === 'string' ? letterInput(input.letter) : schoolClass.letter;
    await checkClassName(tx, schoolClass.year.id, gradeLevel, letter, schoolClass.id);
    schoolClass.gradeLevel = gradeLevel;
    schoolClass.letter = letter;
    // Absent: unchanged; an explicit null: the class has no class teacher for now.
    if (input.classTeacherId === null) {
      schoolClass.classTeacher = null;
    } else if (input.classTeacherId !== undefined) {
      schoolClass.classTeacher = await classTeacherInput(tx, schoolId, input.classTeacherId);
    }
    audit(tx, viewer, {
      schoolId,
      entityType: 'SchoolClass',
      entityId: schoolClass.id,
      action: 'update',
      before,
      after: classSnapshot(schoolClass),
      reason: optionalText(input.reason, 'reason', 500),
    });
    await flushMapped(tx, CLASS_CONSTRAINTS);
    return schoolClass;
  });
}

// ---------------------------------------------------------------------------------------------
// Subjects and the curriculum (R-YEAR-3)

export async function createSubject(em: EntityManager, viewer: Viewer, input: CreateSubjectInput) {
  const schoolId = requireId(input.schoolId, 'schoolId');
  requireAdministration(viewer, schoolId, 'schoolId');
  return em.transactional(async (tx) => {
    const name = requiredText(input.name, 'name', 100);
    const shortName = optionalText(input.shortName, 'shortName', 20) ?? name;
    if (await tx.count(Subject, { school: schoolId, name })) {
      throw badInput('name', 'subject.nameTaken');
    }
    const subject = tx.create(Subject, {
      school: tx.getReference(School, schoolId),
      name,
      shortName,
    });
    tx.persist(subject);
    audit(tx, viewer, {
      schoolId,
      entityType: 'Subject',
      entityId: subject.id,
      action: 'create',
      after: { name, shortName },
    });
    await flushMapped(tx, { subject_name_unique: () => badInput('name', 'subject.nameTaken') });
    return subject;
  });
}

const itemKey = (subjectId: string, periodId: string | null) => `${subjectId}/${periodId ?? ''}`;

/**
 * Replaces a class's curriculum: planned lessons per subject, for the year or per period. Rows
 * kept are updated in place, so each change is one audit row (before → after).
 */
export async function setCurriculum(em: EntityManager, viewer: Viewer, input: SetCurriculumInput) {
  return em.transactional(async (tx) => {
    const schoolClass = await classFor(tx, viewer, input.schoolClassId, 'schoolClassId');
    const schoolId = schoolClass.school.id;
    requireAdministration(viewer, schoolId, 'schoolClassId');
    requireYearOpen(await tx.findOneOrFail(AcademicYear, schoolClass.year.id), 'schoolClassId');
    const wanted = new Map<
      string,
      { subject: Subject; period: ReportingPeriod | null; n: number }
    >();
    for (const [i, item] of input.items.entries()) {
      const subject = await ofSchool(
        tx,
        Subject,
        schoolId,
        item.subjectId,
        `items[${i}].subjectId`,
      );
      let period: ReportingPeriod | null = null;
      if (item.periodId) {
        period = await ofSchool(
          tx,
          ReportingPeriod,
          schoolId,
          item.periodId,
          `items[${i}].periodId`,
        );
        if (
          period.year.id !== schoolClass.year.id ||
          !period.gradeLevels.includes(schoolClass.gradeLevel)
        ) {
          throw badInput(`items[${i}].periodId`, 'curriculum.periodNotForClass');
        }
      }
      const n = item.plannedLessons;
      if (!Number.isInteger(n) || n < 1 || n > MAX_PLANNED_LESSONS) {
        throw badInput(`items[${i}].plannedLessons`, 'curriculum.plannedLessons', {
          max: MAX_PLANNED_LESSONS,
        });
      }
      const key = itemKey(subject.id, period?.id ?? null);
      if (wanted.has(key)) {
        throw badInput(`items[${i}].subjectId`, 'curriculum.duplicate');
      }
      wanted.set(key, { subject, period, n });
    }
    const existing = await tx.find(CurriculumItem, { schoolClass });
    const entry = (
      item: CurriculumItem,
      action: string,
      before: object | null,
      after: object | null,
    ) =>
      audit(tx, viewer, {
        schoolId,
        entityType: 'CurriculumItem',
        entityId: item.id,
        action,
        before: before as Record<string, unknown> | null,
        after: after as Record<string, unknown> | null,
      });
    const snap = (item: CurriculumItem) => ({
      schoolClassId: schoolClass.id,
      subjectId: item.subject.id,
      periodId: item.period?.id ?? null,
      plannedLessons: item.plannedLessons,
    });
    for (const item of existing) {
      const want = wanted.get(itemKey(item.subject.id, item.period?.id ?? null));
      if (!want) {
        entry(item, 'delete', snap(item), null);
        tx.remove(item);
      } else if (want.n !== item.plannedLessons) {
        const before = snap(item);
        item.plannedLessons = want.n;
        entry(item, 'update', before, snap(item));
      }
    }
    const have = new Set(existing.map((e) => itemKey(e.subject.id, e.period?.id ?? null)));
    for (const [key, want] of wanted) {
      if (have.has(key)) {
        continue;
      }
      const item = tx.create(CurriculumItem, {
        school: schoolClass.school,
        schoolClass,
        subject: want.subject,
        period: want.period,
        plannedLessons: want.n,
      });
      tx.persist(item);
      entry(item, 'create', null, snap(item));
    }
    await tx.flush();
    return tx.find(
      CurriculumItem,
      { schoolClass },
      { orderBy: { subject: { name: 'asc' }, period: { startsOn: 'asc' } } },
    );
  });
}
