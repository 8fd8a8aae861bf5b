import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { badInput } from '../../core/errors.js';
import { Role, RoleAssignment } from '../people/role-assignment.entity.js';
import { AcademicYear } from './academic-year.entity.js';
import { CurriculumItem } from './curriculum-item.entity.js';
import { ReportingPeriod } from './reporting-period.entity.js';
import { SchoolClass } from './school-class.entity.js';
import { checkNewYear, YEAR_CONSTRAINTS, yearFor } from './structure.service.js';
import { addDays, audit, daysBetween, flushMapped, requireAdministration } from './year-access.js';
import type { CopyYearStructureInput } from './year.inputs.js';

const DEFAULT_LAST_GRADE = 11;

/**
 * Sets up a new year from an old one in one step (issue 4): the periods at the same offsets from
 * the year's start (the old year's last day maps to the new year's last day), every class one
 * grade up with its letter and class teacher (classes of the last grade graduate; new first
 * grades are not invented), and each new class takes the curriculum its grade had last year (the
 * class of the same grade and letter, else the first class of that grade). Subjects, work types
 * and bell times belong to the school and need no copy. Teacher load, subgroups, plans and
 * rosters are decided afresh each year and are not copied.
 */
export async function copyYearStructure(
  em: EntityManager,
  viewer: Viewer,
  input: CopyYearStructureInput,
) {
  return em.transactional(async (tx) => {
    const source = await yearFor(tx, viewer, input.fromYearId, 'fromYearId');
    const schoolId = source.school.id;
    requireAdministration(viewer, schoolId, 'fromYearId');
    const lastGrade = input.lastGrade ?? DEFAULT_LAST_GRADE;
    if (!Number.isInteger(lastGrade) || lastGrade < 1 || lastGrade > 12) {
      throw badInput('lastGrade', 'copy.lastGrade');
    }
    const fields = await checkNewYear(tx, schoolId, input);
    const year = tx.create(AcademicYear, { school: source.school, ...fields });
    tx.persist(year);
    const created = (entityType: string, id: string, after: Record<string, unknown>) =>
      audit(tx, viewer, {
        schoolId,
        entityType,
        entityId: id,
        action: 'create',
        after,
        reason: `copy of ${source.name}`,
      });

    const shift = (date: string) =>
      date === source.endsOn
        ? fields.endsOn
        : addDays(fields.startsOn, daysBetween(source.startsOn, date));
    const periodMap = new Map<string, ReportingPeriod>();
    const reportingPeriods: ReportingPeriod[] = [];
    for (const p of await tx.find(
      ReportingPeriod,
      { year: source },
      { orderBy: { startsOn: 'asc', kind: 'asc' } },
    )) {
      const startsOn = shift(p.startsOn);
      const endsOn = shift(p.endsOn);
      if (endsOn > fields.endsOn || endsOn <= startsOn) {
        throw badInput('endsOn', 'copy.periodsOutsideYear', { name: p.name });
      }
      const copy = tx.create(ReportingPeriod, {
        school: source.school,
        year,
        kind: p.kind,
        number: p.number,
        name: p.name,
        startsOn,
        endsOn,
        gradeLevels: [...p.gradeLevels],
      });
      tx.persist(copy);
      periodMap.set(p.id, copy);
      reportingPeriods.push(copy);
      created('ReportingPeriod', copy.id, {
        kind: copy.kind,
        number: copy.number,
        name: copy.name,
        startsOn,
        endsOn,
        gradeLevels: copy.gradeLevels,
        copiedFrom: p.id,
      });
    }

    const oldClasses = await tx.find(
      SchoolClass,
      { year: source },
      { orderBy: { gradeLevel: 'asc', letter: 'asc' } },
    );
    // A class teacher who no longer teaches at the school does not carry over.
    const teachers = new Set(
      (
        await tx.find(RoleAssignment, {
          school: schoolId,
          role: Role.TEACHER,
          revokedAt: null,
          person: {
            $in: oldClasses.flatMap((c) => (c.classTeacher ? [c.classTeacher.id] : [])),
          },
        })
      ).map((r) => r.person.id),
    );
    const schoolClasses: SchoolClass[] = [];
    const graduatedClasses = oldClasses.filter((c) => c.gradeLevel >= lastGrade);
    for (const c of oldClasses.filter((o) => o.gradeLevel < lastGrade)) {
      const keepTeacher = c.classTeacher && teachers.has(c.classTeacher.id);
      const copy = tx.create(SchoolClass, {
        school: source.school,
        year,
        gradeLevel: c.gradeLevel + 1,
        letter: c.letter,
        classTeacher: keepTeacher ? c.classTeacher : null,
      });
      tx.persist(copy);
      schoolClasses.push(copy);
      created('SchoolClass', copy.id, {
        gradeLevel: copy.gradeLevel,
        letter: copy.letter,
        classTeacherId: copy.classTeacher?.id ?? null,
        previousClassId: c.id,
      });
    }

    const items = await tx.find(CurriculumItem, { schoolClass: { year: source } });
    const itemsOf = new Map<string, CurriculumItem[]>();
    for (const item of items) {
      itemsOf.set(item.schoolClass.id, [...(itemsOf.get(item.schoolClass.id) ?? []), item]);
    }
    let curriculumItemCount = 0;
    for (const c of schoolClasses) {
      const sameGrade = oldClasses.filter((o) => o.gradeLevel === c.gradeLevel);
      const model =
        sameGrade.find((o) => o.letter === c.letter && itemsOf.has(o.id)) ??
        sameGrade.find((o) => itemsOf.has(o.id));
      for (const item of model ? (itemsOf.get(model.id) ?? []) : []) {
        const period = item.period ? (periodMap.get(item.period.id) ?? null) : null;
        const copy = tx.create(CurriculumItem, {
          school: source.school,
          schoolClass: c,
          subject: item.subject,
          period,
          plannedLessons: item.plannedLessons,
        });
        tx.persist(copy);
        curriculumItemCount++;
        created('CurriculumItem', copy.id, {
          schoolClassId: c.id,
          subjectId: item.subject.id,
          periodId: period?.id ?? null,
          plannedLessons: item.plannedLessons,
        });
      }
    }

    audit(tx, viewer, {
      schoolId,
      entityType: 'AcademicYear',
      entityId: year.id,
      action: 'create',
      after: {
        ...fields,
        copiedFrom: source.id,
        periods: reportingPeriods.length,
        classes: schoolClasses.length,
        graduatedClasses: graduatedClasses.length,
        curriculumItems: curriculumItemCount,
      },
    });
    await flushMapped(tx, YEAR_CONSTRAINTS);
    return { year, reportingPeriods, schoolClasses, graduatedClasses, curriculumItemCount };
  });
}
