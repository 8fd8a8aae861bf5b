import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import type { PeriodMarkSpecial } from '../journal/period-mark.entity.js';
import type { GradingScale } from '../school/school.entity.js';
import type { PeriodKind } from '../year/reporting-period.entity.js';
import { percent, standing, type ReportMark } from './quality.js';
import { inScope, personName, reportScope, requireClass, scopeParams } from './report-scope.js';
import type { PerformanceReportInput } from './reports.inputs.js';
import {
  PerformanceGroupKind,
  type PerformanceReport,
  type PerformanceRow,
  type ReportStudent,
} from './reports.types.js';

interface PeriodRow {
  id: string;
  school_id: string;
  school_name: string;
  year_id: string;
  name: string;
  kind: PeriodKind;
  ends_on: string;
  grade_levels: number[];
  grading_scale: GradingScale;
}

interface MarkRow {
  student_id: string;
  student_name: string;
  class_id: string;
  class_name: string;
  grade_level: number;
  subject_id: string;
  subject_name: string;
  numeric_value: number | null;
  special: PeriodMarkSpecial | null;
  teacher_id: string | null;
  teacher_name: string | null;
}

/**
 * R-RPT-2: performance and quality for a period, by class, subject and teacher, and the school
 * total, live from the period marks. A student is counted in the class they are enrolled in on
 * the period's last day (a student who left earlier is counted by their new class, or not at
 * all), with their period marks of that period in every subject. A subject's teacher is the
 * teacher of the student's page (class, subgroup or individual) on that day — or its latest
 * keeper. Three statements whatever the school's size.
 */
export async function performanceReport(
  em: EntityManager,
  viewer: Viewer,
  input: PerformanceReportInput,
): Promise<PerformanceReport> {
  const periodId = requireId(input.periodId, 'periodId');
  const classId = input.schoolClassId ? requireId(input.schoolClassId, 'schoolClassId') : null;
  const conn = em.getConnection();
  const [period] = await conn.execute<PeriodRow[]>(
    `select p.id, p.school_id, s.name as school_name, p.year_id, p.name, p.kind,
            to_char(p.ends_on, 'YYYY-MM-DD') as ends_on, p.grade_levels, s.grading_scale
       from reporting_period p join school s on s.id = p.school_id
      where p.id = any(?::uuid[])`,
    [uuidArray([periodId])],
  );
  const scope = period && reportScope(viewer, period.school_id);
  if (!period || !scope) {
    throw notFound('periodId');
  }
  if (classId) {
    const { schoolClass } = await requireClass(em, viewer, classId);
    if (schoolClass.school_id !== period.school_id) {
      throw notFound('schoolClassId');
    }
    if (schoolClass.year_id !== period.year_id) {
      throw badInput('schoolClassId', 'reports.classOfAnotherYear');
    }
    if (!period.grade_levels.includes(schoolClass.grade_level)) {
      throw badInput('periodId', 'journal.periodNotForGrade');
    }
  }
  const rows = await conn.execute<MarkRow[]>(
    `with roll as (
       select distinct on (e.student_id) e.student_id, e.school_class_id
         from enrolment e join school_class c on c.id = e.school_class_id
        where c.year_id = ? and c.grade_level = any(?::int[])
          and (?::uuid is null or c.id = ?::uuid)
          and e.starts_on <= ?::date and (e.ends_on is null or e.ends_on > ?::date)
        order by e.student_id, e.starts_on desc
     )
     select r.student_id, ${personName('st')} as student_name,
            c.id as class_id, c.grade_level || c.letter as class_name, c.grade_level,
            pm.subject_id, sub.name as subject_name,
            pm.numeric_value::float8 as numeric_value, pm.special,
            t.teacher_id, ${personName('tp')} as teacher_name
       from roll r
       join school_class c on c.id = r.school_class_id
       join person st on st.id = r.student_id
       join period_mark pm on pm.student_id = r.student_id and pm.period_id = ?
       join subject sub on sub.id = pm.subject_id
       left join lateral (
         select a.teacher_id from teaching_assignment a
          where a.school_class_id = c.id and a.subject_id = pm.subject_id
            and (a.individual_student_id is null or a.individual_student_id = r.student_id)
            and (a.subgroup_id is null or exists (
                  select 1 from subgroup_membership m
                   where m.subgroup_id = a.subgroup_id and m.student_id = r.student_id))
          order by (a.individual_student_id is not null or a.subgroup_id is not null) desc,
                   ((a.starts_on is null or a.starts_on <= ?::date)
                    and (a.ends_on is null or a.ends_on > ?::date)) desc,
                   a.starts_on desc nulls last
          limit 1) t on true
       left join person tp on tp.id = t.teacher_id
      where ${inScope('c', 'pm.subject_id')}`,
    [
      period.year_id,
      `{${period.grade_levels.join(',')}}`,
      classId,
      classId,
      period.ends_on,
      period.ends_on,
      period.id,
      period.ends_on,
      period.ends_on,
      ...scopeParams(scope),
    ],
  );

  const scale = period.grading_scale;
  const group = (kind: PerformanceGroupKind, key: (r: MarkRow) => string | null) => {
    const groups = new Map<string, MarkRow[]>();
    for (const row of rows) {
      const k = key(row);
      if (k !== null) {
        const list = groups.get(k);
        if (list) {
          list.push(row);
        } else {
          groups.set(k, [row]);
        }
      }
    }
    return [...groups.entries()].map(([id, marks]) => summarize(scale, kind, id, marks));
  };
  const byLabel = (a: PerformanceRow, b: PerformanceRow) =>
    a.label.localeCompare(b.label, 'ru') || (a.id ?? '').localeCompare(b.id ?? '');
  const gradeOf = new Map(rows.map((r) => [r.class_id, r.grade_level]));
  return {
    periodId: period.id,
    periodName: period.name,
    periodKind: period.kind,
    scale,
    restricted: !scope.full,
    total: {
      ...summarize(scale, PerformanceGroupKind.SCHOOL, null, rows),
      label: period.school_name,
    },
    byClass: group(PerformanceGroupKind.CLASS, (r) => r.class_id).sort(
      (a, b) => gradeOf.get(a.id!)! - gradeOf.get(b.id!)! || byLabel(a, b),
    ),
    bySubject: group(PerformanceGroupKind.SUBJECT, (r) => r.subject_id).sort(byLabel),
    byTeacher: group(PerformanceGroupKind.TEACHER, (r) => r.teacher_id).sort(byLabel),
  };
}

const reportMark = (m: MarkRow): ReportMark => ({
  numericValue: m.numeric_value,
  special: m.special,
});

/** The figures of one group: each student over their marks in the group (quality.ts). */
function summarize(
  scale: GradingScale,
  kind: PerformanceGroupKind,
  id: string | null,
  marks: readonly MarkRow[],
): PerformanceRow {
  const first = marks[0];
  const label =
    kind === PerformanceGroupKind.CLASS
      ? first?.class_name
      : kind === PerformanceGroupKind.SUBJECT
        ? first?.subject_name
        : kind === PerformanceGroupKind.TEACHER
          ? first?.teacher_name
          : '';
  const byStudent = new Map<string, MarkRow[]>();
  for (const m of marks) {
    const list = byStudent.get(m.student_id);
    if (list) {
      list.push(m);
    } else {
      byStudent.set(m.student_id, [m]);
    }
  }
  const lists = {
    excellent: [] as ReportStudent[],
    singleGood: [] as ReportStudent[],
    singleSatisfactory: [] as ReportStudent[],
    failing: [] as ReportStudent[],
  };
  let attested = 0;
  let exempt = 0;
  let succeeding = 0;
  let quality = 0;
  for (const own of byStudent.values()) {
    const s = standing(scale, own.map(reportMark));
    if (!s.attested) {
      exempt++;
      continue;
    }
    attested++;
    succeeding += s.succeeds ? 1 : 0;
    quality += s.quality ? 1 : 0;
    const student = (subjects: (m: MarkRow) => boolean): ReportStudent => ({
      id: own[0]!.student_id,
      name: own[0]!.student_name,
      className: own[0]!.class_name,
      subjects: [...new Set(own.filter(subjects).map((m) => m.subject_name))].sort((a, b) =>
        a.localeCompare(b, 'ru'),
      ),
    });
    const band = (m: MarkRow) => standing(scale, [reportMark(m)]);
    if (s.excellent) {
      lists.excellent.push(student(() => false));
    }
    if (s.singleGood) {
      lists.singleGood.push(student((m) => band(m).attested && !band(m).excellent));
    }
    if (s.singleSatisfactory) {
      lists.singleSatisfactory.push(student((m) => band(m).attested && !band(m).quality));
    }
    if (s.failing) {
      lists.failing.push(student((m) => band(m).failing));
    }
  }
  const numeric = marks.flatMap((m) => (m.numeric_value === null ? [] : [m.numeric_value]));
  const byName = (a: ReportStudent, b: ReportStudent) =>
    a.name.localeCompare(b.name, 'ru') || a.id.localeCompare(b.id);
  for (const list of Object.values(lists)) {
    list.sort(byName);
  }
  return {
    kind,
    id,
    label: label ?? '',
    attested,
    exempt,
    successRate: percent(succeeding, attested),
    qualityRate: percent(quality, attested),
    averageMark:
      numeric.length === 0
        ? null
        : Math.round((numeric.reduce((s, v) => s + v, 0) / numeric.length) * 100) / 100,
    excellentCount: lists.excellent.length,
    excellent: lists.excellent,
    singleGoodCount: lists.singleGood.length,
    singleGood: lists.singleGood,
    singleSatisfactoryCount: lists.singleSatisfactory.length,
    singleSatisfactory: lists.singleSatisfactory,
    failingCount: lists.failing.length,
    failing: lists.failing,
  };
}
