import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import {
  classSignIns,
  overdueRequests,
  pageFigures,
  pagesInScope,
  periodMarkIssues,
  type LessonRow,
  type PageRow,
  type SignInRow,
} from './control-queries.js';
import { controlScope } from './control-scope.js';
import {
  ControlFigures,
  type ControlLesson,
  type ControlLessonFigure,
  type ControlMessageFigure,
  type ControlPeriodMark,
  type ControlPeriodMarkFigure,
  type ControlPerson,
  type ControlSignIns,
  type ControlStudentFigure,
  type ControlThread,
  JournalControl,
  JournalControlClass,
  type JournalControlInput,
  JournalControlPage,
  JournalControlTeacher,
  JournalControlTotal,
} from './control.types.js';

/** What one page contributes, before it is summed into teachers, classes and the school. */
interface PageParts {
  page: PageRow;
  held: number;
  withoutTopic: ControlLesson[];
  withoutHomework: ControlLesson[];
  lateMarks: ControlLesson[];
  lateWritten: ControlLesson[];
  withoutAttendance: ControlLesson[];
  students: number;
  noMarks: ControlPerson[];
  oneMark: ControlPerson[];
  periodMissing: ControlPeriodMark[];
  periodLate: ControlPeriodMark[];
}

type ListKey = Exclude<keyof PageParts, 'page' | 'held' | 'students'>;
type LessonKey =
  'withoutTopic' | 'withoutHomework' | 'lateMarks' | 'lateWritten' | 'withoutAttendance';

const share = (count: number, total: number) => (total === 0 ? null : count / total);
// Dates (YYYY-MM-DD) and ids (lowercase uuids) compare as plain strings: no locale collation.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byLesson = (a: ControlLesson, b: ControlLesson) =>
  cmp(a.date, b.date) ||
  (a.lessonNumber ?? 99) - (b.lessonNumber ?? 99) ||
  cmp(a.lessonId, b.lessonId);
const className = (p: PageRow) => `${p.grade_level}${p.letter}`;

/**
 * `target[key]` computed on first read and kept. A roll-up's lists are the union of its pages'
 * (the client asks roll-ups for their counts only): a year's school total, classes and teachers
 * would otherwise copy and sort every flagged lesson three more times for nothing.
 */
function lazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  let value: T[K] | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => (value ??= compute()),
  });
}

/** The figures of a set of pages: sums of counts, concatenations of what lies behind them. */
function figuresOf<T extends ControlFigures>(target: T, parts: PageParts[]): T {
  const all = <K extends ListKey>(key: K): PageParts[K] =>
    parts.flatMap((p) => p[key] as unknown[]) as PageParts[K];
  const sum = (f: (p: PageParts) => number) => parts.reduce((n, p) => n + f(p), 0);
  const held = sum((p) => p.held);
  const planned = sum((p) => p.page.planned);
  const students = sum((p) => p.students);
  const lessonFigure = (key: LessonKey) => {
    const figure = {
      count: sum((p) => p[key].reduce((n, l) => n + l.count, 0)),
    } as ControlLessonFigure;
    lazy(figure, 'lessons', () => all(key).sort(byLesson));
    return figure;
  };
  const studentFigure = (key: 'noMarks' | 'oneMark') => {
    const count = sum((p) => p[key].length);
    const figure = {
      count,
      total: students,
      share: share(count, students),
    } as ControlStudentFigure;
    lazy(figure, 'students', () => all(key));
    return figure;
  };
  const periodFigure = (key: 'periodMissing' | 'periodLate') => {
    const figure = { count: sum((p) => p[key].length) } as ControlPeriodMarkFigure;
    lazy(figure, 'items', () => all(key));
    return figure;
  };
  return Object.assign(target, {
    lessonsHeld: held,
    lessonsPlanned: planned,
    completion: share(held, planned),
    lessonsWithoutTopic: lessonFigure('withoutTopic'),
    lessonsWithoutHomework: lessonFigure('withoutHomework'),
    lateMarks: lessonFigure('lateMarks'),
    lateWrittenMarks: lessonFigure('lateWritten'),
    lessonsWithoutAttendance: lessonFigure('withoutAttendance'),
    studentsWithoutMarks: studentFigure('noMarks'),
    studentsWithOneMark: studentFigure('oneMark'),
    periodMarksMissing: periodFigure('periodMissing'),
    periodMarksLate: periodFigure('periodLate'),
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
  // pages at once, on two connections: PostgreSQL runs a statement like this one on one CPU. A
  // page's rows all come from one half, so its lists keep their order. (Both halves run even when
  // one is empty, so that the statements per request stay the same whatever the scope.)
  const halves = [0, 1].map((h) => pages.filter((_, i) => i % 2 === h));
  const [figures, periodMarks, requests, signIns] = await Promise.all([
    Promise.all(halves.map((half) => pageFigures(em, scope, half))),
    periodMarkIssues(em, scope, pages),
    overdueRequests(em, scope, teacherIds),
    classSignIns(em, scope, classIds),
  ]);

  const held = new Map(figures.flatMap((f) => [...f.held]));
  const lessons = figures.flatMap((f) => f.lessons);
  const students = figures.flatMap((f) => f.students);
  const parts = new Map<string, PageParts>(
    pages.map((page) => [
      page.id,
      {
        page,
        held: held.get(page.id) ?? 0,
        withoutTopic: [],
        withoutHomework: [],
        lateMarks: [],
        lateWritten: [],
        withoutAttendance: [],
        students: 0,
        noMarks: [],
        oneMark: [],
        periodMissing: [],
        periodLate: [],
      },
    ]),
  );
  const lessonOf = (l: LessonRow, page: PageRow, count = 1): ControlLesson => ({
    lessonId: l.id,
    assignmentId: l.assignment_id,
    date: l.date,
    lessonNumber: l.lesson_number,
    topic: l.topic,
    className: className(page),
    subjectName: page.subject_name,
    count,
  });
  for (const l of lessons) {
    const part = parts.get(l.assignment_id)!;
    if (l.no_topic) {
      part.withoutTopic.push(lessonOf(l, part.page));
    }
    if (l.no_homework) {
      part.withoutHomework.push(lessonOf(l, part.page));
    }
    if (l.no_attendance) {
      part.withoutAttendance.push(lessonOf(l, part.page));
    }
    if (l.late_marks > 0) {
      part.lateMarks.push(lessonOf(l, part.page, l.late_marks));
    }
    if (l.late_written > 0) {
      part.lateWritten.push(lessonOf(l, part.page, l.late_written));
    }
  }
  const personOn = (page: PageRow, personId: string, name: string): ControlPerson => ({
    personId,
    name,
    className: className(page),
    assignmentId: page.id,
    subjectName: page.subject_name,
  });
  for (const s of students) {
    const part = parts.get(s.page_id)!;
    part.students += 1;
    if (s.n === 0) {
      part.noMarks.push(personOn(part.page, s.student_id, s.name));
    } else if (s.n === 1) {
      part.oneMark.push(personOn(part.page, s.student_id, s.name));
    }
  }
  for (const m of periodMarks) {
    const part = parts.get(m.page_id)!;
    const item = {
      student: personOn(part.page, m.student_id, m.name),
      periodId: m.period_id,
      periodName: m.period_name,
      periodEndsOn: m.ends_on,
      setOn: m.set_on,
    };
    (m.set_on ? part.periodLate : part.periodMissing).push(item);
  }
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
