import type { EntityManager } from '@mikro-orm/postgresql';
import { assignmentCovers, journalPageAccess, PageAccess } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, DomainError, ErrorCode, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { recordAudit } from '../audit/index.js';
import { Person } from '../people/person.entity.js';
import { School } from '../school/school.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { parseMark } from './grading.js';
import { applyOnce } from './idempotency.js';
import { roster } from './journal-page.service.js';
import { LOCKED } from './marks.service.js';
import { PeriodMark } from './period-mark.entity.js';
import { requireOpenYear, requirePeriodOfGrade } from './periods.js';
import type { PeriodMarkWarning, SetPeriodMarksInput } from './period-marks.inputs.js';
import { requiredReason } from './text-inputs.js';

const snapshot = (m: PeriodMark) => ({
  studentId: m.student.id,
  subjectId: m.subject.id,
  periodId: m.period.id,
  value: m.value ?? null,
  special: m.special ?? null,
  version: m.version,
});

interface Result {
  periodMarks: PeriodMark[];
  warnings: PeriodMarkWarning[];
}

/**
 * Period marks of a page (R-JRN-5): a value on the scale or EXEMPT / NOT_ATTESTED, for students
 * on the page during the period. Too few current marks is a warning the teacher sees, not a
 * refusal: the regulation asks for justification, and the deputy's control reports list them.
 */
export async function setPeriodMarks(
  em: EntityManager,
  viewer: Viewer,
  input: SetPeriodMarksInput,
) {
  const assignmentId = requireId(input.assignmentId, 'assignmentId');
  const periodId = requireId(input.periodId, 'periodId');
  const { result, replayed } = await applyOnce<Result>(em, viewer, {
    operation: 'setPeriodMarks',
    clientMutationId: input.clientMutationId,
    input,
    apply: async (tx, remember) => {
      const access = (await journalPageAccess(tx, viewer, [assignmentId])).get(assignmentId);
      if (access !== PageAccess.KEEP) {
        throw access ? forbidden() : notFound('assignmentId');
      }
      // Locked: period marks of one page are written in turns, so a concurrent writer sees the
      // marks (and versions) the last one left and gets CONFLICT with the current value.
      const assignment = await tx.findOneOrFail(TeachingAssignment, assignmentId, LOCKED);
      const period = await tx.findOne(ReportingPeriod, { id: periodId, year: assignment.year.id });
      if (!period) {
        throw notFound('periodId');
      }
      await requirePeriodOfGrade(tx, assignment, period);
      // Period marks are the keeper's on the period's last day: after a change of teacher, the
      // new one's (R-YEAR-3); the old row reaches no period that ends after it.
      if (!assignmentCovers(assignment, period.endsOn)) {
        throw badInput('periodId', 'lesson.outsideAssignment');
      }
      await remember(assignment.school.id, {
        assignmentId,
        periodId,
        studentIds: input.marks.map((m) => m.studentId.toLowerCase()),
      });
      return apply(tx, viewer, assignment, period, input);
    },
    replay: async (from, stored) => {
      const s = stored as { assignmentId: string; periodId: string; studentIds: string[] };
      const assignment = await from.findOneOrFail(TeachingAssignment, s.assignmentId);
      return {
        periodMarks: await from.find(PeriodMark, {
          period: s.periodId,
          subject: assignment.subject.id,
          student: { $in: s.studentIds },
        }),
        warnings: [],
      };
    },
  });
  return { ...result, replayed };
}

async function apply(
  tx: EntityManager,
  viewer: Viewer,
  assignment: TeachingAssignment,
  period: ReportingPeriod,
  input: SetPeriodMarksInput,
): Promise<Result> {
  await requireOpenYear(tx, assignment.year.id, 'periodId');
  if (period.closedAt) {
    throw badInput('periodId', 'periodMarks.closed');
  }
  if (input.marks.length === 0 || input.marks.length > 200) {
    throw badInput('marks', 'attendance.batchSize', { max: 200 });
  }
  const ids = input.marks.map((m, i) => requireId(m.studentId, `marks[${i}].studentId`));
  if (new Set(ids).size !== ids.length) {
    throw badInput('marks', 'attendance.duplicateStudent');
  }
  const school = await tx.findOneOrFail(School, assignment.school.id);
  const onPage = new Set((await roster(tx, assignment, period)).map((r) => r.student_id));
  const existing = new Map(
    (
      await tx.find(
        PeriodMark,
        { period, subject: assignment.subject.id, student: { $in: ids } },
        LOCKED,
      )
    ).map((m) => [m.student.id, m]),
  );
  const counts = new Map<string, number>();
  const rows = await tx.execute<{ student_id: string; n: string }[]>(
    `select m.student_id, count(*) as n from mark m join lesson l on l.id = m.lesson_id
      where l.assignment_id = ? and l.date between ?::date and ?::date
      group by m.student_id`,
    [assignment.id, period.startsOn, period.endsOn],
  );
  rows.forEach((r) => counts.set(r.student_id, Number(r.n)));

  const actor = { personId: viewer.personId, sessionId: viewer.sessionId };
  const me = tx.getReference(Person, viewer.personId);
  const warnings: PeriodMarkWarning[] = [];
  const touched: PeriodMark[] = [];
  input.marks.forEach((entry, i) => {
    const field = `marks[${i}]`;
    const studentId = ids[i]!;
    if (!onPage.has(studentId)) {
      throw badInput(`${field}.studentId`, 'marks.studentNotEnrolled');
    }
    const value = entry.value ?? null;
    const special = entry.special ?? null;
    if (value !== null && special !== null) {
      throw badInput(`${field}.special`, 'periodMarks.valueOrSpecial');
    }
    const numeric = value !== null ? parseMark(school.gradingScale, value) : null;
    if (value !== null && numeric === null) {
      throw badInput(`${field}.value`, 'marks.offScale', { value: value.slice(0, 10) });
    }
    const current = existing.get(studentId);
    if (current) {
      if (current.version !== entry.version) {
        throw new DomainError(ErrorCode.CONFLICT, 'error.conflict', {
          field: `${field}.version`,
          details: {
            current: {
              studentId,
              value: current.value ?? null,
              special: current.special ?? null,
              version: current.version,
            },
          },
        });
      }
      const reason = requiredReason(entry.reason, `${field}.reason`);
      const before = snapshot(current);
      if (value === null && special === null) {
        recordAudit(tx, actor, {
          schoolId: school.id,
          entityType: 'PeriodMark',
          entityId: current.id,
          action: 'delete',
          before,
          reason,
        });
        tx.remove(current);
        return;
      }
      current.value = numeric !== null ? String(numeric) : null;
      current.numericValue = numeric;
      current.special = special;
      current.enteredBy = me;
      recordAudit(tx, actor, {
        schoolId: school.id,
        entityType: 'PeriodMark',
        entityId: current.id,
        action: 'update',
        before,
        after: { ...snapshot(current), version: current.version + 1 },
        reason,
      });
      touched.push(current);
    } else {
      if (value === null && special === null) {
        throw badInput(`${field}.value`, 'periodMarks.valueOrSpecial');
      }
      const created = tx.create(PeriodMark, {
        school,
        student: tx.getReference(Person, studentId),
        subject: assignment.subject,
        period,
        value: numeric !== null ? String(numeric) : null,
        numericValue: numeric,
        special,
        enteredBy: me,
      });
      tx.persist(created);
      recordAudit(tx, actor, {
        schoolId: school.id,
        entityType: 'PeriodMark',
        entityId: created.id,
        action: 'create',
        after: snapshot(created),
      });
      touched.push(created);
    }
    const markCount = counts.get(studentId) ?? 0;
    if (numeric !== null && markCount < school.minMarksForPeriodMark) {
      warnings.push({ studentId, markCount, required: school.minMarksForPeriodMark });
    }
  });
  await tx.flush();
  return { periodMarks: touched, warnings };
}
