import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../auth/access.js';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { isoDateInput } from '../journal/text-inputs.js';
import { Role } from '../people/role-assignment.entity.js';
import {
  inScope,
  personName,
  reportScope,
  requireClass,
  requireRange,
  scopeParams,
  type ReportScope,
} from './report-scope.js';
import type { AttendanceReportInput } from './reports.inputs.js';
import type { AbsenceCounts, AttendanceClassRow, AttendanceReport } from './reports.types.js';

interface CountRow {
  class_id: string;
  class_name: string;
  grade_level: number;
  student_id: string;
  student_name: string;
  total: number;
  illness: number;
  excused: number;
  unexcused: number;
  other: number;
  no_reason: number;
  late: number;
}

/**
 * Lessons missed per student and class, by reason (R-JRN-2), for a date range. An absence counts
 * in the class whose lesson it was (a transferred student appears in both classes, each with its
 * own lessons); cancelled lessons do not count. Lates are given apart and are not "missed".
 * Two statements whatever the school's size.
 */
export async function attendanceReport(
  em: EntityManager,
  viewer: Viewer,
  input: AttendanceReportInput,
): Promise<AttendanceReport> {
  const from = isoDateInput(input.from, 'from');
  const to = isoDateInput(input.to, 'to');
  requireRange(from, to);
  const classId = input.schoolClassId ? requireId(input.schoolClassId, 'schoolClassId') : null;
  let scope: ReportScope | null;
  if (classId) {
    scope = (await requireClass(em, viewer, classId)).scope;
  } else if (input.schoolId) {
    scope = reportScope(viewer, requireId(input.schoolId, 'schoolId'));
    if (!scope) {
      throw notFound('schoolId');
    }
  } else {
    const schools = viewer.schoolIds(...ADMINISTRATION, Role.TEACHER);
    if (schools.length !== 1) {
      throw badInput('schoolId', 'reports.schoolRequired');
    }
    scope = reportScope(viewer, schools[0]!);
  }
  if (!scope) {
    throw notFound('schoolId');
  }
  const rows = await em.execute<CountRow[]>(
    `select c.id as class_id, c.grade_level || c.letter as class_name, c.grade_level,
            at.student_id, ${personName('st')} as student_name,
            count(*) filter (where at.status = 'ABSENT')::int as total,
            count(*) filter (where at.status = 'ABSENT' and at.reason = 'ILLNESS')::int as illness,
            count(*) filter (where at.status = 'ABSENT' and at.reason = 'EXCUSED')::int as excused,
            count(*) filter (where at.status = 'ABSENT' and at.reason = 'UNEXCUSED')::int as unexcused,
            count(*) filter (where at.status = 'ABSENT' and at.reason = 'OTHER')::int as other,
            count(*) filter (where at.status = 'ABSENT' and at.reason is null)::int as no_reason,
            count(*) filter (where at.status = 'LATE')::int as late
       from attendance at
       join lesson l on l.id = at.lesson_id
       join teaching_assignment a on a.id = l.assignment_id
       join school_class c on c.id = a.school_class_id
       join person st on st.id = at.student_id
      where at.school_id = ? and l.date between ?::date and ?::date and l.status <> 'CANCELLED'
        and (?::uuid is null or c.id = any(?::uuid[]))
        and ${inScope('c', 'a.subject_id')}
      group by c.id, at.student_id, st.last_name, st.first_name, st.middle_name`,
    [scope.schoolId, from, to, classId, uuidArray(classId ? [classId] : []), ...scopeParams(scope)],
  );
  const classes = new Map<string, AttendanceClassRow & { grade: number }>();
  for (const row of rows) {
    const found =
      classes.get(row.class_id) ??
      classes
        .set(row.class_id, {
          schoolClassId: row.class_id,
          className: row.class_name,
          grade: row.grade_level,
          counts: zero(),
          students: [],
        })
        .get(row.class_id)!;
    const counts = countsOf(row);
    found.students.push({ studentId: row.student_id, name: row.student_name, counts });
    add(found.counts, counts);
  }
  const list = [...classes.values()].sort(
    (a, b) => a.grade - b.grade || a.className.localeCompare(b.className, 'ru'),
  );
  const total = zero();
  for (const c of list) {
    add(total, c.counts);
    c.students.sort(
      (a, b) => a.name.localeCompare(b.name, 'ru') || a.studentId.localeCompare(b.studentId),
    );
  }
  return {
    from,
    to,
    restricted: !scope.full,
    total,
    classes: list.map(({ grade: _grade, ...c }) => c),
  };
}

const KEYS = ['total', 'illness', 'excused', 'unexcused', 'other', 'noReason', 'late'] as const;

const zero = (): AbsenceCounts => ({
  total: 0,
  illness: 0,
  excused: 0,
  unexcused: 0,
  other: 0,
  noReason: 0,
  late: 0,
});

const countsOf = (r: CountRow): AbsenceCounts => ({
  total: r.total,
  illness: r.illness,
  excused: r.excused,
  unexcused: r.unexcused,
  other: r.other,
  noReason: r.no_reason,
  late: r.late,
});

function add(into: AbsenceCounts, more: AbsenceCounts): void {
  for (const k of KEYS) {
    into[k] += more[k];
  }
}
