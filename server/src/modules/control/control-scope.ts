import type { EntityManager } from '@mikro-orm/postgresql';
import { ADMINISTRATION, type Viewer } from '../../auth/viewer.js';
import { badInput, forbidden, notFound } from '../../core/errors.js';
import { requireId } from '../../core/ids.js';
import { isoDateInput } from '../journal/text-inputs.js';
import { Role } from '../people/role-assignment.entity.js';

/** The school a report is asked about: the one named, or the viewer's only one among `roles`. */
export function reportSchool(
  viewer: Viewer,
  schoolIdInput: string | null | undefined,
  roles: readonly Role[],
): string {
  const mine = viewer.schoolIds(...roles);
  if (schoolIdInput) {
    const id = requireId(schoolIdInput, 'schoolId');
    if (!mine.includes(id)) {
      throw notFound('schoolId');
    }
    return id;
  }
  if (mine.length !== 1) {
    throw badInput('schoolId', 'school.ambiguous');
  }
  return mine[0]!;
}

/** `from`..`to` as validated dates: in order, and within a year (`to` before `from` + 1 year). */
export function controlRange(fromInput: string, toInput: string): { from: string; to: string } {
  const from = isoDateInput(fromInput, 'from');
  const to = isoDateInput(toInput, 'to');
  if (from > to) {
    throw badInput('to', 'control.rangeOrder');
  }
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (to >= limit.toISOString().slice(0, 10)) {
    throw badInput('to', 'control.rangeTooLong');
  }
  return { from, to };
}

export interface ControlScope {
  schoolId: string;
  timeZone: string;
  from: string;
  to: string;
  schoolClassId: string | null;
  teacherId: string | null;
  /** One page only (`journalControlList`'s page rows). */
  assignmentId: string | null;
  /**
   * Set for a teacher without an administration role here: only pages they keep, or pages of a
   * class they lead (the class teacher oversees the class journal, R-ROLE-6).
   */
  ownPagesOf: string | null;
}

/**
 * Who may see what (R-CTL-1): the administration the whole school; a teacher their own pages and,
 * as class teacher, every page of their class. A teacher naming another teacher is FORBIDDEN (the
 * colleague exists and is visible elsewhere; this report about them is not) — except, with
 * `colleagues`, one who keeps a page of a class the teacher leads: that colleague is a row of the
 * teacher's own report, and its rows stay within the teacher's pages. A page the teacher may not
 * see is FORBIDDEN likewise. A class, teacher or page outside the school is NOT_FOUND.
 */
export async function controlScope(
  em: EntityManager,
  viewer: Viewer,
  input: {
    from: string;
    to: string;
    schoolId?: string | null;
    schoolClassId?: string | null;
    teacherId?: string | null;
    assignmentId?: string | null;
  },
  options: { colleagues?: boolean } = {},
): Promise<ControlScope> {
  const { from, to } = controlRange(input.from, input.to);
  const schoolId = reportSchool(viewer, input.schoolId, [...ADMINISTRATION, Role.TEACHER]);
  const administration = viewer.hasRole(schoolId, ...ADMINISTRATION);
  const schoolClassId = input.schoolClassId
    ? requireId(input.schoolClassId, 'schoolClassId')
    : null;
  const teacherId = input.teacherId ? requireId(input.teacherId, 'teacherId') : null;
  const assignmentId = input.assignmentId ? requireId(input.assignmentId, 'assignmentId') : null;
  const [row] = await em.execute<
    {
      time_zone: string;
      class_ok: boolean;
      teacher_ok: boolean;
      colleague: boolean;
      assignment_ok: boolean;
      assignment_mine: boolean;
    }[]
  >(
    `select s.time_zone,
            exists (select 1 from school_class c where c.id = ?::uuid and c.school_id = s.id) as class_ok,
            exists (select 1 from role_assignment r
                     where r.person_id = ?::uuid and r.school_id = s.id and r.role = 'TEACHER') as teacher_ok,
            exists (select 1 from teaching_assignment a join school_class c on c.id = a.school_class_id
                     where a.teacher_id = ?::uuid and a.school_id = s.id
                       and c.class_teacher_id = ?::uuid) as colleague,
            exists (select 1 from teaching_assignment a where a.id = ?::uuid and a.school_id = s.id)
              as assignment_ok,
            exists (select 1 from teaching_assignment a join school_class c on c.id = a.school_class_id
                     where a.id = ?::uuid and a.school_id = s.id
                       and (a.teacher_id = ?::uuid or c.class_teacher_id = ?::uuid)) as assignment_mine
       from school s where s.id = ?`,
    [
      schoolClassId,
      teacherId,
      teacherId,
      viewer.personId,
      assignmentId,
      assignmentId,
      viewer.personId,
      viewer.personId,
      schoolId,
    ],
  );
  if (!row) {
    throw notFound('schoolId');
  }
  if (schoolClassId && !row.class_ok) {
    throw notFound('schoolClassId');
  }
  if (teacherId && !row.teacher_ok) {
    throw notFound('teacherId');
  }
  if (assignmentId && !row.assignment_ok) {
    throw notFound('assignmentId');
  }
  if (!administration) {
    if (teacherId && teacherId !== viewer.personId && !(options.colleagues && row.colleague)) {
      throw forbidden();
    }
    if (assignmentId && !row.assignment_mine) {
      throw forbidden();
    }
  }
  return {
    schoolId,
    timeZone: row.time_zone,
    from,
    to,
    schoolClassId,
    teacherId,
    assignmentId,
    ownPagesOf: administration ? null : viewer.personId,
  };
}
