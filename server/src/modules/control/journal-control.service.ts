import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import {
  classSignIns,
  overdueRequests,
  pageFigures,
  pagesInScope,
  periodMarkCounts,
  type PageCountRow,
  type PageRow,
  type SignInRow,
} from './control-queries.js';
import { controlScope } from './control-scope.js';
import {
  ControlFigures,
  type ControlMessageFigure,
  type ControlSignIns,
  type ControlThread,
  JournalControl,
  JournalControlClass,
  type JournalControlInput,
  JournalControlPage,
  JournalControlTeacher,
  JournalControlTotal,
} from './control.types.js';

/** What one page counts, before it is summed into teachers, classes and the school. */
interface PageParts extends Omit<PageCountRow, 'page_id'> {
  page: PageRow;
  period_missing: number;
  period_late: number;
}

type CountKey = Exclude<keyof PageParts, 'page'>;

const share = (count: number, total: number) => (total === 0 ? null : count / total);
const className = (p: PageRow) => `${p.grade_level}${p.letter}`;

const EMPTY: Omit<PageParts, 'page'> = {
  held: 0,
  no_topic: 0,
  no_homework: 0,
  no_attendance: 0,
  late_marks: 0,
  late_written: 0,
  students: 0,
  no_marks: 0,
  one_mark: 0,
  period_missing: 0,
  period_late: 0,
};

/**
 * The figures of a set of pages: sums of their counts. What lies behind a figure is read on
 * demand with `journalControlList` (a year's lists were 2.8 MB of the 3.4 MB answer).
 */
function figuresOf<T extends ControlFigures>(target: T, parts: PageParts[]): T {
  const sum = (key: CountKey) => parts.reduce((n, p) => n + p[key], 0);
  const held = sum('held');
  const planned = parts.reduce((n, p) => n + p.page.planned, 0);
  const students = sum('students');
  const studentFigure = (key: 'no_marks' | 'one_mark') => {
    const count = sum(key);
    return { count, total: students, share: share(count, students) };
  };
  return Object.assign(target, {
    lessonsHeld: held,
    lessonsPlanned: planned,
    completion: share(held, planned),
    lessonsWithoutTopic: { count: sum('no_topic') },
    lessonsWithoutHomework: { count: sum('no_homework') },
    lateMarks: { count: sum('late_marks') },
    lateWrittenMarks: { count: sum('late_written') },
    lessonsWithoutAttendance: { count: sum('no_attendance') },
    studentsWithoutMarks: studentFigure('no_marks'),
    studentsWithOneMark: studentFigure('one_mark'),
    periodMarksMissing: { count: sum('period_missing') },
    periodMarksLate: { count: sum('period_late') },
  });
}

function signInsOf(rows: SignInRow[]): ControlSignIns {
  const figure = (kind: SignInRow['kind']) => {
    // A student who moved between classes in the range is one person for the school.
    const people = new Map<string, SignInRow>();
    for (const r of rows) {
      if (r.kind === kind) {
        const seen = people.get(r.person_id);
        people.set(r.person_id, seen && seen.signed_in ? seen : r);
      }
    }
    const list = [...people.values()];
    const signedIn = list.filter((r) => r.signed_in).length;
    return {
      total: list.length,
      signedIn,
      share: share(signedIn, list.length),
      notSignedIn: list
        .filter((r) => !r.signed_in)
        .map((r) => ({
          personId: r.person_id,
          name: r.name,
          className: null,
          assignmentId: null,
          subjectName: null,
        })),
    };
  };
  return { students: figure('STUDENT'), parents: figure('PARENT') };
}

function messagesOf(threads: ControlThread[]): ControlMessageFigure {
  return { count: threads.length, threads };
}

export async function journalControl(
  em: EntityManager,
  viewer: Viewer,
  input: JournalControlInput,
): Promise<JournalControl> {
  const scope = await controlScope(em, viewer, input);
  const pages = await pagesInScope(em, scope);
  const teacherIds = [...new Set(pages.map((p) => p.teacher_id))];
  const classIds = [...new Set(pages.map((p) => p.school_class_id))];
  // The lessons and marks (most of a year's report: 400 000 marks) are read in two halves of the
  // pages at once, on two connections: PostgreSQL runs a statement like this one on one CPU.
  // (Both halves run even when one is empty, so that the statements per request stay the same
  // whatever the scope.)
  const halves = [0, 1].map((h) => pages.filter((_, i) => i % 2 === h));
  const [figures, periodMarks, requests, signIns] = await Promise.all([
    Promise.all(halves.map((half) => pageFigures(em, scope, half))),
    periodMarkCounts(em, scope, pages),
    overdueRequests(em, scope, teacherIds),
    classSignIns(em, scope, classIds),
  ]);

  const counts = new Map(figures.flat().map((r) => [r.page_id, r]));
  const periods = new Map(periodMarks.map((r) => [r.page_id, r]));
  const parts = new Map<string, PageParts>(
    pages.map((page) => {
      const pm = periods.get(page.id);
      return [
        page.id,
        {
          ...EMPTY,
          ...counts.get(page.id),
          page,
          period_missing: pm?.missing ?? 0,
          period_late: pm?.late ?? 0,
        },
      ];
    }),
  );
  const threads: ControlThread[] = requests.map((r) => ({
    threadId: r.thread_id,
    subject: r.subject,
    teacherId: r.teacher_id,
    parentName: r.parent_name,
    sentAt: new Date(r.sent_at),
    answeredAt: r.answered_at ? new Date(r.answered_at) : null,
  }));

  const all = [...parts.values()];
  const pageRows = all.map(({ page }) =>
    figuresOf(
      Object.assign(new JournalControlPage(), {
        assignmentId: page.id,
        schoolClassId: page.school_class_id,
        className: className(page),
        subjectName: page.subject_name,
        audience: page.audience,
        teacherId: page.teacher_id,
        teacherName: page.teacher_name,
      }),
      [parts.get(page.id)!],
    ),
  );
  const classes = classIds.map((id) => {
    const own = all.filter((p) => p.page.school_class_id === id);
    return figuresOf(
      Object.assign(new JournalControlClass(), {
        schoolClassId: id,
        className: className(own[0]!.page),
        signIns: signInsOf(signIns.filter((r) => r.class_id === id)),
      }),
      own,
    );
  });
  const teachers = teacherIds
    .map((id) => {
      const own = all.filter((p) => p.page.teacher_id === id);
      return figuresOf(
        Object.assign(new JournalControlTeacher(), {
          teacherId: id,
          teacherName: own[0]!.page.teacher_name,
          unansweredMessages: messagesOf(threads.filter((t) => t.teacherId === id)),
        }),
        own,
      );
    })
    .sort((a, b) => a.teacherName.localeCompare(b.teacherName, 'ru'));
  // The school counts a request once, however many teachers were in the thread.
  const distinct = new Map(threads.map((t) => [`${t.threadId}/${t.sentAt.toISOString()}`, t]));
  const total = figuresOf(
    Object.assign(new JournalControlTotal(), {
      unansweredMessages: messagesOf([...distinct.values()]),
      signIns: signInsOf(signIns),
    }),
    all,
  );
  return Object.assign(new JournalControl(), {
    from: scope.from,
    to: scope.to,
    schoolId: scope.schoolId,
    total,
    classes,
    teachers,
    pages: pageRows,
  });
}
