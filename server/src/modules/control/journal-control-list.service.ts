import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { assertUnreachable, badInput } from '../../core/errors.js';
import { controlList, type ControlListKind, type ControlListRow } from './control-queries.js';
import { controlScope } from './control-scope.js';
import {
  ControlFigure,
  type ControlLesson,
  type ControlPeriodMark,
  type ControlPerson,
  JournalControlList,
  type JournalControlListInput,
} from './control.types.js';

const KIND: Record<ControlFigure, ControlListKind> = {
  [ControlFigure.LESSONS_WITHOUT_TOPIC]: 'NO_TOPIC',
  [ControlFigure.LESSONS_WITHOUT_HOMEWORK]: 'NO_HOMEWORK',
  [ControlFigure.LATE_MARKS]: 'LATE_MARKS',
  [ControlFigure.LATE_WRITTEN_MARKS]: 'LATE_WRITTEN',
  [ControlFigure.LESSONS_WITHOUT_ATTENDANCE]: 'NO_ATTENDANCE',
  [ControlFigure.STUDENTS_WITHOUT_MARKS]: 'NO_MARKS',
  [ControlFigure.STUDENTS_WITH_ONE_MARK]: 'ONE_MARK',
  [ControlFigure.PERIOD_MARKS_MISSING]: 'PERIOD_MISSING',
  [ControlFigure.PERIOD_MARKS_LATE]: 'PERIOD_LATE',
};

const personOf = (r: ControlListRow): ControlPerson => ({
  personId: r.id,
  name: r.name!,
  className: r.class_name,
  assignmentId: r.page_id,
  subjectName: r.subject_name,
});

/**
 * What lies behind one figure of one row of journal control (R-CTL-1): the row is a page, a class,
 * a teacher or the whole school, always within the pages the viewer's own report shows
 * (`controlScope`), so the list and the report's count agree. Two statements: the scope, the list.
 */
export async function journalControlList(
  em: EntityManager,
  viewer: Viewer,
  input: JournalControlListInput,
): Promise<JournalControlList> {
  const rows = (
    [
      ['assignmentId', input.assignmentId],
      ['schoolClassId', input.schoolClassId],
      ['teacherId', input.teacherId],
      ['wholeSchool', input.wholeSchool ? true : null],
    ] as const
  ).filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (rows.length !== 1) {
    throw badInput(rows[1]?.[0] ?? 'wholeSchool', 'control.oneRow');
  }
  const scope = await controlScope(
    em,
    viewer,
    {
      from: input.from,
      to: input.to,
      schoolId: input.schoolId,
      assignmentId: input.assignmentId,
      schoolClassId: input.schoolClassId,
      teacherId: input.teacherId,
    },
    { colleagues: true },
  );
  const kind = KIND[input.figure];
  const items = await controlList(em, scope, kind);
  const out: JournalControlList = Object.assign(new JournalControlList(), {
    figure: input.figure,
    from: scope.from,
    to: scope.to,
    schoolId: scope.schoolId,
    count: 0,
    lessons: [] as ControlLesson[],
    students: [] as ControlPerson[],
    periodMarks: [] as ControlPeriodMark[],
  });
  switch (kind) {
    case 'NO_TOPIC':
    case 'NO_HOMEWORK':
    case 'NO_ATTENDANCE':
    case 'LATE_MARKS':
    case 'LATE_WRITTEN':
      out.lessons = items.map((r) => ({
        lessonId: r.id,
        assignmentId: r.page_id,
        date: r.date!,
        lessonNumber: r.lesson_number,
        topic: r.topic,
        className: r.class_name,
        subjectName: r.subject_name,
        count: r.n!,
      }));
      out.count = out.lessons.reduce((n, l) => n + l.count, 0);
      return out;
    case 'NO_MARKS':
    case 'ONE_MARK':
      out.students = items.map(personOf);
      out.count = out.students.length;
      return out;
    case 'PERIOD_MISSING':
    case 'PERIOD_LATE':
      out.periodMarks = items.map((r) => ({
        student: personOf(r),
        periodId: r.period_id!,
        periodName: r.period_name!,
        periodEndsOn: r.ends_on!,
        setOn: r.set_on,
      }));
      out.count = out.periodMarks.length;
      return out;
    default:
      return assertUnreachable(kind);
  }
}
