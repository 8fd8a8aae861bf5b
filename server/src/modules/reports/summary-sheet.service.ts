import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import type { Viewer } from '../../auth/viewer.js';
import { requireId } from '../../core/ids.js';
import type { PeriodMarkSpecial } from '../journal/period-mark.entity.js';
import type { AdmissionKind, DepartureKind } from '../people/enrolment.entity.js';
import type { PeriodKind } from '../year/reporting-period.entity.js';
import { inScope, personName, requireClass, scopeParams } from './report-scope.js';
import type { SummarySheetInput } from './reports.inputs.js';
import type { SheetMark, SheetStudent, SummarySheet } from './reports.types.js';

interface StudentRow {
  id: string;
  name: string;
  enrolled_from: string;
  admission_kind: AdmissionKind;
  left_on: string | null;
  departure_kind: DepartureKind | null;
}

interface MarkRow {
  student_id: string;
  subject_id: string;
  period_id: string;
  value: string | null;
  special: PeriodMarkSpecial | null;
}

/**
 * R-RPT-3: the summary sheet of attestation of a class for its academic year, live. Rows: every
 * student enrolled in the class at some time in the year, with when they arrived and left.
 * Columns: the subjects taught in the class (its journal pages) × the periods of the class's
 * grade, the year last. Cells: the student's period marks — theirs wherever given, so a newcomer's
 * first-quarter marks from their old class show too. A subject teacher who does not lead the
 * class sees only their subjects' columns. Five statements whatever the class's size.
 */
export async function summarySheet(
  em: EntityManager,
  viewer: Viewer,
  input: SummarySheetInput,
): Promise<SummarySheet> {
  const classId = requireId(input.schoolClassId, 'schoolClassId');
  const { schoolClass, scope } = await requireClass(em, viewer, classId, { clerk: true });
  const conn = em.getConnection();
  // The class teacher sees the whole sheet of their class.
  const params = schoolClass.leads ? [true, null, null] : scopeParams(scope);
  const periods = await conn.execute<{ id: string; name: string; kind: PeriodKind }[]>(
    `select p.id, p.name, p.kind from reporting_period p
      where p.year_id = ? and ?::int = any(p.grade_levels)
      order by p.kind = 'YEAR', p.starts_on, p.number`,
    [schoolClass.year_id, schoolClass.grade_level],
  );
  const students = await conn.execute<StudentRow[]>(
    `select e.student_id as id, ${personName('st')} as name,
            to_char(min(e.starts_on), 'YYYY-MM-DD') as enrolled_from,
            (array_agg(e.admission_kind order by e.starts_on))[1] as admission_kind,
            case when bool_or(e.ends_on is null) then null
                 else to_char(max(e.ends_on), 'YYYY-MM-DD') end as left_on,
            case when bool_or(e.ends_on is null) then null
                 else (array_agg(e.departure_kind order by e.starts_on desc))[1] end
              as departure_kind
       from enrolment e join person st on st.id = e.student_id
      where e.school_class_id = ? and (e.ends_on is null or e.ends_on > e.starts_on)
      group by e.student_id, st.last_name, st.first_name, st.middle_name`,
    [classId],
  );
  const subjects = await conn.execute<{ id: string; name: string; short_name: string }[]>(
    `select distinct s.id, s.name, s.short_name
       from teaching_assignment a
       join subject s on s.id = a.subject_id
       join school_class c on c.id = a.school_class_id
      where a.school_class_id = ? and ${inScope('c', 's.id')}
      order by s.name, s.id`,
    [classId, ...params],
  );
  const marks = await conn.execute<MarkRow[]>(
    `select pm.student_id, pm.subject_id, pm.period_id, pm.value, pm.special
       from period_mark pm
      where pm.period_id = any(?::uuid[]) and pm.student_id = any(?::uuid[])
        and pm.subject_id = any(?::uuid[])`,
    [
      uuidArray(periods.map((p) => p.id)),
      uuidArray(students.map((s) => s.id)),
      uuidArray(subjects.map((s) => s.id)),
    ],
  );
  const byStudent = new Map<string, SheetMark[]>();
  for (const m of marks) {
    const cell: SheetMark = {
      subjectId: m.subject_id,
      periodId: m.period_id,
      value: m.value,
      special: m.special,
    };
    const list = byStudent.get(m.student_id);
    if (list) {
      list.push(cell);
    } else {
      byStudent.set(m.student_id, [cell]);
    }
  }
  students.sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.id.localeCompare(b.id));
  const rows: SheetStudent[] = students.map((s) => ({
    id: s.id,
    name: s.name,
    enrolledFrom: s.enrolled_from,
    admissionKind: s.admission_kind,
    arrived: s.enrolled_from > schoolClass.year_starts_on,
    leftOn: s.left_on,
    departureKind: s.departure_kind,
    marks: byStudent.get(s.id) ?? [],
  }));
  return {
    schoolClassId: classId,
    className: schoolClass.name,
    yearName: schoolClass.year_name,
    schoolName: schoolClass.school_name,
    classTeacherName: schoolClass.class_teacher_name,
    restricted: !scope.full && !schoolClass.leads,
    periods,
    subjects: subjects.map((s) => ({ id: s.id, name: s.name, shortName: s.short_name })),
    students: rows,
  };
}
