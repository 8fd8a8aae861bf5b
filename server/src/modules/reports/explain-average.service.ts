import type { EntityManager } from '@mikro-orm/postgresql';
import { diaryReach, journalPageAccess, uuidArray } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { averages } from '../journal/grading.js';
import type { PeriodMarkSpecial } from '../journal/period-mark.entity.js';
import type { GradingScale } from '../school/school.entity.js';
import { personName } from './report-scope.js';
import type { ExplainAverageInput } from './reports.inputs.js';
import type { AverageExplanation, ExplainedMark } from './reports.types.js';
import { proposedPeriodMark } from './rounding.js';

interface PageRow {
  school_id: string;
  year_id: string;
  subject_id: string;
  subject_name: string;
  grading_scale: GradingScale;
  min_marks: number;
  on_page: boolean;
  student_name: string | null;
  period_school_id: string | null;
  period_year_id: string | null;
  period_name: string | null;
  period_starts_on: string | null;
  period_ends_on: string | null;
  period_grades: number[] | null;
  grade_level: number;
  period_mark: string | null;
  period_mark_special: PeriodMarkSpecial | null;
}

interface MarkRow {
  id: string;
  date: string;
  lesson_number: number | null;
  topic: string | null;
  work_type: string | null;
  value: string;
  numeric_value: number;
  weight: number;
}

/**
 * The student's journal page of a subject in a period: of the classes they were in during the
 * period the latest, its row of the subject that takes them (whole class, their subgroup, or
 * their individual plan), the current keeper's row first. NOT_FOUND when there is none. Reveals
 * nothing: the caller's reach is checked on the page found, with the same NOT_FOUND.
 */
async function pageOfSubject(
  em: EntityManager,
  studentId: string,
  subjectId: string,
  periodId: string,
): Promise<string> {
  const [row] = await em.execute<{ id: string }[]>(
    `select a.id
       from reporting_period p
       join enrolment e on e.student_id = ?
       join teaching_assignment a on a.school_class_id = e.school_class_id and a.year_id = p.year_id
      where p.id = ? and a.subject_id = ?
        and e.starts_on <= p.ends_on and (e.ends_on is null or e.ends_on > p.starts_on)
        and (a.individual_student_id is null or a.individual_student_id = e.student_id)
        and (a.subgroup_id is null or exists (
              select 1 from subgroup_membership m
               where m.subgroup_id = a.subgroup_id and m.student_id = e.student_id))
      order by e.starts_on desc, (a.ends_on is null) desc, a.starts_on desc nulls last, a.id
      limit 1`,
    [studentId, periodId, subjectId],
  );
  if (!row) {
    throw notFound('subjectId');
  }
  return row.id;
}

/**
 * "Explain this average" (issue 7): a student's marks on one journal page in one period, their
 * weights, the plain and weighted averages (journal/grading.ts, as the journal shows them), the
 * period mark the rounding rule proposes (rounding.ts) and the teacher's actual period mark.
 * Who may ask: whoever reads the page (its teacher, a substitute, the class teacher, the school's
 * administration — `journalPageAccess`), and the student themself and their guardians
 * (`diaryReach`, whole diary). Anyone else — another family, another school — NOT_FOUND.
 * Four statements.
 */
export async function explainAverage(
  em: EntityManager,
  viewer: Viewer,
  input: ExplainAverageInput,
): Promise<AverageExplanation> {
  const studentId = requireId(input.studentId, 'studentId');
  const periodId = requireId(input.periodId, 'periodId');
  if (Boolean(input.assignmentId) === Boolean(input.subjectId)) {
    throw badInput('assignmentId', 'reports.pageOrSubject');
  }
  const assignmentId = input.assignmentId
    ? requireId(input.assignmentId, 'assignmentId')
    : await pageOfSubject(em, studentId, requireId(input.subjectId!, 'subjectId'), periodId);
  const [pageAccess, reach] = await Promise.all([
    journalPageAccess(em, viewer, [assignmentId]),
    diaryReach(em, viewer, [studentId]),
  ]);
  const family = reach.get(studentId)?.whole ?? false;
  if (!pageAccess.has(assignmentId) && !family) {
    throw notFound(reach.has(studentId) ? 'assignmentId' : 'studentId');
  }
  const conn = em.getConnection();
  // The page, the student's place on it (ever enrolled in its class, in its subgroup or its
  // individual student), the period and the period mark, in one statement.
  const [page] = await conn.execute<PageRow[]>(
    `select a.school_id, a.year_id, a.subject_id, sub.name as subject_name, s.grading_scale,
            s.min_marks_for_period_mark as min_marks, c.grade_level,
            (exists (select 1 from enrolment e
                      where e.student_id = st.id and e.school_class_id = a.school_class_id)
             and (a.individual_student_id is null or a.individual_student_id = st.id)
             and (a.subgroup_id is null or exists (
                   select 1 from subgroup_membership m
                    where m.subgroup_id = a.subgroup_id and m.student_id = st.id))) as on_page,
            ${personName('st')} as student_name,
            p.school_id as period_school_id, p.year_id as period_year_id, p.name as period_name,
            to_char(p.starts_on, 'YYYY-MM-DD') as period_starts_on,
            to_char(p.ends_on, 'YYYY-MM-DD') as period_ends_on, p.grade_levels as period_grades,
            pm.value as period_mark, pm.special as period_mark_special
       from teaching_assignment a
       join subject sub on sub.id = a.subject_id
       join school s on s.id = a.school_id
       join school_class c on c.id = a.school_class_id
       left join person st on st.id = ?
       left join reporting_period p on p.id = ?
       left join period_mark pm
         on pm.student_id = st.id and pm.subject_id = a.subject_id and pm.period_id = p.id
      where a.id = any(?::uuid[])`,
    [studentId, periodId, uuidArray([assignmentId])],
  );
  if (!page || !page.student_name || !page.on_page) {
    // A student the viewer reaches who was never on the page: as if the page did not exist.
    throw notFound(page?.student_name ? 'assignmentId' : 'studentId');
  }
  if (!page.period_name || page.period_school_id !== page.school_id) {
    throw notFound('periodId');
  }
  if (page.period_year_id !== page.year_id) {
    throw badInput('periodId', 'journal.periodOfAnotherYear');
  }
  if (!page.period_grades?.includes(page.grade_level)) {
    throw badInput('periodId', 'journal.periodNotForGrade');
  }
  const marks = await conn.execute<MarkRow[]>(
    `select m.id, to_char(l.date, 'YYYY-MM-DD') as date, l.lesson_number, l.topic,
            w.name as work_type, m.value, m.numeric_value::float8 as numeric_value,
            m.weight::float8 as weight
       from mark m
       join lesson l on l.id = m.lesson_id
       left join work_type w on w.id = coalesce(m.work_type_id, l.work_type_id)
      where m.student_id = ? and l.assignment_id = ? and l.date between ?::date and ?::date
      order by l.date, l.lesson_number nulls last, m.created_at, m.id`,
    [studentId, assignmentId, page.period_starts_on, page.period_ends_on],
  );
  const explained: ExplainedMark[] = marks.map((m) => ({
    id: m.id,
    date: m.date,
    lessonNumber: m.lesson_number,
    topic: m.topic,
    workType: m.work_type,
    value: m.value,
    numericValue: m.numeric_value,
    weight: m.weight,
  }));
  const avg = averages(marks.map((m) => ({ value: m.numeric_value, weight: m.weight })));
  return {
    studentId,
    studentName: page.student_name,
    subjectName: page.subject_name,
    periodName: page.period_name,
    marks: explained,
    average: avg.plain,
    weightedAverage: avg.weighted,
    proposedMark: proposedPeriodMark(page.grading_scale, avg.weighted),
    // The journal's own rule for a justified period mark (journal-page.service.ts, R-JRN-5).
    enoughMarks: marks.length >= page.min_marks,
    minMarks: page.min_marks,
    periodMark: page.period_mark,
    periodMarkSpecial: page.period_mark_special,
  };
}
