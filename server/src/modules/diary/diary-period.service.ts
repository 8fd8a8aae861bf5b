import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { averages } from '../journal/grading.js';
import { PeriodMark } from '../journal/period-mark.entity.js';
import { Person } from '../people/person.entity.js';
import { PeriodKind, ReportingPeriod } from '../year/reporting-period.entity.js';
import { Subject } from '../year/subject.entity.js';
import { WorkType } from '../year/work-type.entity.js';
import { byId, entitiesOf, groupBy, personJson } from './diary-rows.js';
import { IN_STUDY, requireReach, studyParams } from './diary.service.js';
import type { DiaryPeriod, DiarySubject } from './diary.types.js';

interface MarkRow {
  id: string;
  lessonId: string;
  date: string;
  value: string;
  numericValue: number;
  weight: number;
  comment: string | null;
  workTypeId: string | null;
  subjectId: string;
}

type Json = Record<string, unknown>;

/** The period view in one row: JSON per kind; `period` null when out of the study or reach. */
interface PeriodRow {
  period: Json | null;
  marks: MarkRow[] | null;
  period_marks: Json[] | null;
  subjects: Json[] | null;
  work_types: Json[] | null;
  student: Json;
}

/**
 * Everything the period view shows, in one statement (parameters: the period, then `studyParams`
 * three times, then the student twice): the period if it is of the student's study within reach
 * (`IN_STUDY`); the student's own marks given in the period in the classes within
 * reach, by date; the subjects: those taught to the student in the period (class, subgroup or
 * individual pages) and those with a mark or a period mark; the period and year marks; the work
 * types of the marks.
 */
const PERIOD_SQL = `
with period as (
  select p.* from reporting_period p where p.id = ? and ${IN_STUDY}
), own as (
  -- The student's marks (a few hundred a year, by index), each with its lesson by key. The
  -- period's dates are not constants of the statement, so a plain join would hash a whole table
  -- of lessons; a lateral subquery with a limit is not flattened and stays a key lookup.
  select m.id, m.lesson_id, m.value, m.numeric_value, m.weight, m.comment, m.work_type_id,
         m.created_at, l.date, l.lesson_number, l.assignment_id,
         l.work_type_id as lesson_work_type_id
    from mark m
    cross join lateral (select * from lesson l where l.id = m.lesson_id limit 1) l
   where m.student_id = ?
), marks as (
  select m.id, m.lesson_id as "lessonId", m.date, m.value,
         m.numeric_value::float8 as "numericValue", m.weight::float8 as weight, m.comment,
         coalesce(m.work_type_id, m.lesson_work_type_id) as "workTypeId",
         a.subject_id as "subjectId", m.lesson_number, m.created_at
    from own m
    join period p on m.date between p.starts_on and p.ends_on
    join teaching_assignment a on a.id = m.assignment_id
    join school_class c on c.id = a.school_class_id
   where c.year_id = p.year_id and (?::uuid[] is null or c.id = any(?::uuid[]))
), taught as (
  select a.subject_id
    from period p
    join school_class c on c.year_id = p.year_id
    join enrolment e on e.school_class_id = c.id
    join teaching_assignment a on a.school_class_id = c.id
   where e.student_id = ?
     and e.starts_on <= p.ends_on and (e.ends_on is null or e.ends_on > p.starts_on)
     and (?::uuid[] is null or c.id = any(?::uuid[]))
     and (a.individual_student_id is null or a.individual_student_id = e.student_id)
     and (a.subgroup_id is null or exists (
           select 1 from subgroup_membership s
            where s.subgroup_id = a.subgroup_id and s.student_id = e.student_id
              and s.starts_on <= p.ends_on and (s.ends_on is null or s.ends_on > p.starts_on)))
), period_marks as (
  select pm.* from period p join period_mark pm on pm.student_id = ?
   where pm.period_id = p.id
      or pm.period_id in (select y.id from reporting_period y
                           where y.year_id = p.year_id and y.kind = 'YEAR')
)
select
  (select to_jsonb(p) from period p) as period,
  (select json_agg(m order by m.date, m.lesson_number nulls last, m.created_at, m.id)
     from marks m) as marks,
  (select json_agg(to_jsonb(pm)) from period_marks pm) as period_marks,
  (select json_agg(to_jsonb(s)) from subject s
    where s.id in (select subject_id from taught
                   union select "subjectId" from marks
                   union select pm.subject_id from period_marks pm join period p
                                                  on p.id = pm.period_id)) as subjects,
  (select json_agg(to_jsonb(w)) from work_type w
    where w.id in (select "workTypeId" from marks)) as work_types,
  (select ${personJson('p')} from person p where p.id = ?) as student`;

/**
 * A student's marks by subject for one reporting period (R-DRY-1): every subject the student is
 * taught in the period (class, subgroup or individual pages), their own current marks with plain
 * and weighted averages, the period mark and the year mark. Marks follow the student across a
 * change of class: they are the student's, wherever they were given. Staff see only the marks
 * given in the classes within their reach (see `diaryReach`). Two SQL statements: the viewer's
 * reach, then the period.
 */
export async function readDiaryPeriod(
  em: EntityManager,
  viewer: Viewer,
  studentIdInput: string,
  periodIdInput: string,
): Promise<DiaryPeriod> {
  const periodId = requireId(periodIdInput, 'periodId');
  const { studentId, reach } = await requireReach(em, viewer, studentIdInput);
  const study = studyParams(studentId, reach);
  const [row] = await em.execute<PeriodRow[]>(PERIOD_SQL, [
    periodId,
    ...study,
    ...study,
    ...study,
    studentId,
    studentId,
  ]);
  // A period of another school, another year, or outside the study: as if it did not exist.
  if (!row?.period) {
    throw notFound('periodId');
  }
  const period = entitiesOf(em, ReportingPeriod, [row.period])[0]!;
  const workTypes = byId(entitiesOf(em, WorkType, row.work_types));
  const periodMarks = entitiesOf(em, PeriodMark, row.period_marks);
  const marksOf = groupBy(row.marks ?? [], (m) => m.subjectId);

  const subjects: DiarySubject[] = entitiesOf(em, Subject, row.subjects).map((subject) => {
    const marks = (marksOf.get(subject.id) ?? []).map((m) => ({
      id: m.id,
      lessonId: m.lessonId,
      date: m.date,
      value: m.value,
      weight: m.weight,
      comment: m.comment,
      workType: m.workTypeId ? (workTypes.get(m.workTypeId) ?? null) : null,
      numericValue: m.numericValue,
    }));
    const avg = averages(marks.map((m) => ({ value: m.numericValue, weight: m.weight })));
    const markFor = (match: (p: PeriodMark) => boolean) =>
      periodMarks.find((m) => m.subject.id === subject.id && match(m)) ?? null;
    return {
      subject,
      marks,
      average: avg.plain,
      weightedAverage: avg.weighted,
      periodMark: markFor((m) => m.period.id === period.id),
      yearMark: markFor((m) => m.period.id !== period.id || period.kind === PeriodKind.YEAR),
    };
  });
  subjects.sort(
    (a, b) =>
      a.subject.name.localeCompare(b.subject.name, 'ru') ||
      a.subject.id.localeCompare(b.subject.id),
  );
  return { student: entitiesOf(em, Person, [row.student])[0]!, period, subjects };
}
