import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { averages } from '../journal/grading.js';
import { PeriodMark } from '../journal/period-mark.entity.js';
import { PeriodKind, ReportingPeriod } from '../year/reporting-period.entity.js';
import { Subject } from '../year/subject.entity.js';
import { periodsOfStudy, reachParam, requireReach } from './diary.service.js';
import type { DiaryMark, DiaryPeriod, DiarySubject } from './diary.types.js';

interface MarkRow {
  id: string;
  lesson_id: string;
  date: string;
  value: string;
  numeric_value: number;
  weight: number;
  comment: string | null;
  work_type_id: string | null;
  subject_id: string;
}

/**
 * A student's marks by subject for one reporting period (R-DRY-1): every subject the student is
 * taught in the period (class, subgroup or individual pages), their own current marks with plain
 * and weighted averages, the period mark and the year mark. Marks follow the student across a
 * change of class: they are the student's, wherever they were given. Staff see only the marks
 * given in the classes within their reach (see `diaryReach`).
 */
export async function readDiaryPeriod(
  em: EntityManager,
  viewer: Viewer,
  studentIdInput: string,
  periodIdInput: string,
): Promise<DiaryPeriod> {
  const periodId = requireId(periodIdInput, 'periodId');
  const { studentId, reach } = await requireReach(em, viewer, studentIdInput);
  // A period of another school, another year, or outside the study: as if it did not exist.
  if ((await periodsOfStudy(em, studentId, reach, periodId)).length === 0) {
    throw notFound('periodId');
  }
  const period = await em.findOneOrFail(ReportingPeriod, periodId);
  const classes = reachParam(reach);
  const conn = em.getConnection();
  const [marks, taught, periodMarks] = await Promise.all([
    conn.execute<MarkRow[]>(
      `select m.id, l.id as lesson_id, to_char(l.date, 'YYYY-MM-DD') as date, m.value,
              m.numeric_value::float8 as numeric_value, m.weight::float8 as weight, m.comment,
              coalesce(m.work_type_id, l.work_type_id) as work_type_id, a.subject_id
         from mark m
         join lesson l on l.id = m.lesson_id
         join teaching_assignment a on a.id = l.assignment_id
         join school_class c on c.id = a.school_class_id
        where m.student_id = ? and c.year_id = ? and l.date between ?::date and ?::date
          and (?::uuid[] is null or c.id = any(?::uuid[]))
        order by l.date, l.lesson_number nulls last, m.created_at, m.id`,
      [studentId, period.year.id, period.startsOn, period.endsOn, classes, classes],
    ),
    conn.execute<{ subject_id: string }[]>(
      `select distinct a.subject_id
         from enrolment e
         join school_class c on c.id = e.school_class_id
         join teaching_assignment a on a.school_class_id = c.id
        where e.student_id = ? and c.year_id = ?
          and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)
          and (?::uuid[] is null or c.id = any(?::uuid[]))
          and (a.individual_student_id is null or a.individual_student_id = e.student_id)
          and (a.subgroup_id is null or exists (
                select 1 from subgroup_membership m
                 where m.subgroup_id = a.subgroup_id and m.student_id = e.student_id
                   and m.starts_on <= ?::date and (m.ends_on is null or m.ends_on > ?::date)))`,
      [
        studentId,
        period.year.id,
        period.endsOn,
        period.startsOn,
        classes,
        classes,
        period.endsOn,
        period.startsOn,
      ],
    ),
    em.find(PeriodMark, {
      student: studentId,
      $or: [{ period: period.id }, { period: { year: period.year.id, kind: PeriodKind.YEAR } }],
    }),
  ]);

  const subjectIds = new Set([
    ...taught.map((r) => r.subject_id),
    ...marks.map((m) => m.subject_id),
    ...periodMarks.filter((m) => m.period.id === period.id).map((m) => m.subject.id),
  ]);
  const subjects =
    subjectIds.size === 0 ? [] : await em.find(Subject, { id: { $in: [...subjectIds] } });

  const rows: DiarySubject[] = subjects.map((subject) => {
    const own: DiaryMark[] = marks
      .filter((m) => m.subject_id === subject.id)
      .map((m) => ({
        id: m.id,
        lessonId: m.lesson_id,
        date: m.date,
        value: m.value,
        weight: m.weight,
        comment: m.comment,
        workTypeId: m.work_type_id,
        numericValue: m.numeric_value,
      }));
    const avg = averages(own.map((m) => ({ value: m.numericValue, weight: m.weight })));
    const markFor = (match: (p: PeriodMark) => boolean) =>
      periodMarks.find((m) => m.subject.id === subject.id && match(m)) ?? null;
    return {
      subject,
      marks: own,
      average: avg.plain,
      weightedAverage: avg.weighted,
      periodMark: markFor((m) => m.period.id === period.id),
      yearMark: markFor((m) => m.period.id !== period.id || period.kind === PeriodKind.YEAR),
    };
  });
  rows.sort(
    (a, b) =>
      a.subject.name.localeCompare(b.subject.name, 'ru') ||
      a.subject.id.localeCompare(b.subject.id),
  );
  return { studentId, period, subjects: rows };
}
