import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
} from '../../../test/factories/index.js';
import { createControlSchool, type ControlSchool } from '../../../test/factories/control.js';
import {
  createAssignment,
  createLesson,
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { Homework } from '../journal/homework.entity.js';
import { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { Role } from '../people/role-assignment.entity.js';

const FIGURES = /* GraphQL */ `
  fragment Figures on ControlFigures {
    lessonsHeld
    lessonsPlanned
    completion
    lessonsWithoutTopic {
      count
    }
    lessonsWithoutHomework {
      count
    }
    lateMarks {
      count
    }
    lateWrittenMarks {
      count
    }
    lessonsWithoutAttendance {
      count
    }
    studentsWithoutMarks {
      count
      total
      share
    }
    studentsWithOneMark {
      count
      total
      share
    }
    periodMarksMissing {
      count
    }
    periodMarksLate {
      count
    }
  }
`;

const LIST = /* GraphQL */ `
  query List($input: JournalControlListInput!) {
    journalControlList(input: $input) {
      figure
      from
      to
      schoolId
      count
      lessons {
        lessonId
        assignmentId
        date
        count
        className
        subjectName
      }
      students {
        personId
        name
        className
        assignmentId
        subjectName
      }
      periodMarks {
        student {
          personId
          assignmentId
          subjectName
        }
        periodName
        periodEndsOn
        setOn
      }
    }
  }
`;

const CONTROL = /* GraphQL */ `
  ${FIGURES}
  query Control($input: JournalControlInput!) {
    journalControl(input: $input) {
      from
      to
      schoolId
      total {
        ...Figures
        unansweredMessages {
          count
          threads {
            threadId
            teacherId
            parentName
            sentAt
            answeredAt
          }
        }
        signIns {
          students {
            total
            signedIn
            share
            notSignedIn {
              personId
            }
          }
          parents {
            total
            signedIn
            share
            notSignedIn {
              personId
            }
          }
        }
      }
      classes {
        schoolClassId
        className
        ...Figures
        signIns {
          students {
            total
            signedIn
            share
            notSignedIn {
              personId
            }
          }
          parents {
            total
            signedIn
            share
            notSignedIn {
              personId
            }
          }
        }
      }
      teachers {
        teacherId
        teacherName
        ...Figures
        unansweredMessages {
          count
          threads {
            threadId
            teacherId
          }
        }
      }
      pages {
        assignmentId
        className
        subjectName
        audience
        teacherId
        ...Figures
      }
    }
  }
`;

interface Count {
  count: number;
}
interface StudentFigure {
  count: number;
  total: number;
  share: number | null;
}
interface ListData {
  journalControlList: {
    figure: string;
    from: string;
    to: string;
    schoolId: string;
    count: number;
    lessons: {
      lessonId: string;
      assignmentId: string;
      date: string;
      count: number;
      className: string;
      subjectName: string;
    }[];
    students: {
      personId: string;
      name: string;
      className: string | null;
      assignmentId: string | null;
      subjectName: string | null;
    }[];
    periodMarks: {
      student: { personId: string; assignmentId: string | null; subjectName: string | null };
      periodName: string;
      periodEndsOn: string;
      setOn: string | null;
    }[];
  };
}
interface Figures {
  lessonsHeld: number;
  lessonsPlanned: number;
  completion: number | null;
  lessonsWithoutTopic: Count;
  lessonsWithoutHomework: Count;
  lateMarks: Count;
  lateWrittenMarks: Count;
  lessonsWithoutAttendance: Count;
  studentsWithoutMarks: StudentFigure;
  studentsWithOneMark: StudentFigure;
  periodMarksMissing: Count;
  periodMarksLate: Count;
}
interface SignInFigure {
  total: number;
  signedIn: number;
  share: number | null;
  notSignedIn: { personId: string }[];
}
interface ControlData {
  journalControl: {
    from: string;
    to: string;
    schoolId: string;
    total: Figures & {
      unansweredMessages: {
        count: number;
        threads: {
          threadId: string;
          teacherId: string;
          parentName: string;
          sentAt: string;
          answeredAt: string | null;
        }[];
      };
      signIns: { students: SignInFigure; parents: SignInFigure };
    };
    classes: (Figures & {
      schoolClassId: string;
      className: string;
      signIns: { students: SignInFigure; parents: SignInFigure };
    })[];
    teachers: (Figures & {
      teacherId: string;
      teacherName: string;
      unansweredMessages: { count: number; threads: { threadId: string; teacherId: string }[] };
    })[];
    pages: (Figures & {
      assignmentId: string;
      className: string;
      subjectName: string;
      audience: string | null;
      teacherId: string;
    })[];
  };
}

const OCTOBER = { from: '2025-10-01', to: '2025-10-31' };

let app: TestApp;
let f: ControlSchool;

beforeAll(async () => {
  app = await startTestApp();
  f = await createControlSchool(app.orm.em.fork());
});

afterAll(async () => {
  await app?.close();
});

const control = (token: string, input: Record<string, unknown> = OCTOBER) =>
  gql<ControlData>(app.url, CONTROL, { input }, { token });

type Figure =
  | 'LESSONS_WITHOUT_TOPIC'
  | 'LESSONS_WITHOUT_HOMEWORK'
  | 'LATE_MARKS'
  | 'LATE_WRITTEN_MARKS'
  | 'LESSONS_WITHOUT_ATTENDANCE'
  | 'STUDENTS_WITHOUT_MARKS'
  | 'STUDENTS_WITH_ONE_MARK'
  | 'PERIOD_MARKS_MISSING'
  | 'PERIOD_MARKS_LATE';
/** A row of the report: one page, a class, a teacher or the whole school. */
type Row =
  | { assignmentId: string }
  | { schoolClassId: string }
  | { teacherId: string }
  | { wholeSchool: true };

const listOf = (
  token: string,
  figure: Figure,
  row: Row | Record<string, unknown>,
  range: Record<string, unknown> = OCTOBER,
) => gql<ListData>(app.url, LIST, { input: { figure, ...range, ...row } }, { token });

/** The list behind a figure, as the deputy reads it; fails the test on an error. */
async function list(figure: Figure, row: Row, range = OCTOBER, token = f.tokens.deputy) {
  const r = await listOf(token, figure, row, range);
  expect(r.errors).toBeUndefined();
  return r.data!.journalControlList;
}
const ids = async (figure: Figure, row: Row, range = OCTOBER, token = f.tokens.deputy) =>
  (await list(figure, row, range, token)).lessons.map((l) => l.lessonId);
const people = async (figure: Figure, row: Row, range = OCTOBER) =>
  (await list(figure, row, range)).students.map((s) => s.personId);

describe('journal control figures (R-CTL-1) on the hand-built school', () => {
  let data: ControlData['journalControl'];
  const page = (subject: string, className = '5А') =>
    data.pages.find((p) => p.subjectName === subject && p.className === className)!;

  beforeAll(async () => {
    const r = await control(f.tokens.deputy);
    expect(r.errors).toBeUndefined();
    data = r.data!.journalControl;
  });

  it('lists the pages of the school by class and subject, with the teacher and audience', () => {
    expect(data.schoolId).toBe(f.school.id);
    expect(data.pages.map((p) => [p.className, p.subjectName, p.audience, p.teacherId])).toEqual([
      ['5А', 'Математика', null, f.t1.id],
      ['5А', 'Русский язык', expect.stringMatching(/группа$/), f.t2.id],
      ['6Б', 'Математика', null, f.t1.id],
    ]);
    expect(data.classes.map((c) => c.className)).toEqual(['5А', '6Б']);
    expect(data.teachers.map((t) => t.teacherName)).toEqual(['Алексеева Анна', 'Борисова Вера']);
  });

  it('programme completion: held lessons of the range against the prorated curriculum', () => {
    // Mathematics: 16 in a quarter of 56 days, 26 of them in October → round(7.43) = 7; held:
    // M1, M2, M3, M6 (M4 was cancelled, M5 is in September).
    expect([page('Математика').lessonsHeld, page('Математика').lessonsPlanned]).toEqual([4, 7]);
    expect(page('Математика').completion).toBeCloseTo(4 / 7, 6);
    // Russian: 68 for a year of 273 days, 31 in October → round(7.72) = 8.
    expect([page('Русский язык').lessonsHeld, page('Русский язык').lessonsPlanned]).toEqual([2, 8]);
    // 6Б has no curriculum: nothing planned, completion unknown.
    expect([page('Математика', '6Б').lessonsPlanned, page('Математика', '6Б').completion]).toEqual([
      0,
      null,
    ]);
    expect([data.total.lessonsHeld, data.total.lessonsPlanned]).toEqual([6, 15]);
    expect(data.total.completion).toBeCloseTo(6 / 15, 6);
  });

  const M = () => ({ assignmentId: f.math.id });
  const R = () => ({ assignmentId: f.russian.id });
  const SCHOOL = { wholeSchool: true } as const;
  const lessonsOf = (l: ListData['journalControlList']) =>
    l.lessons.map(({ lessonId, date, count }) => ({ lessonId, date, count }));

  it('lessons without a topic: empty or blank, held, in the range', async () => {
    expect(await ids('LESSONS_WITHOUT_TOPIC', M())).toEqual([f.lessons.M2.id]);
    expect(await ids('LESSONS_WITHOUT_TOPIC', R())).toEqual([f.lessons.R2.id]);
    expect(data.total.lessonsWithoutTopic.count).toBe(2);
    const total = await list('LESSONS_WITHOUT_TOPIC', SCHOOL);
    expect(total.lessons.map((l) => l.date)).toEqual(['2025-10-08', '2025-10-09']);
    expect(total.lessons.map((l) => [l.className, l.subjectName])).toEqual([
      ['5А', 'Математика'],
      ['5А', 'Русский язык'],
    ]);
  });

  it('R-JRN-4: lessons without homework 1.5 hours after the bell, or by the end of a lesson day without one', async () => {
    // M2: none; M3: entered at 10:50, due 10:45. M1 (09:30), M6 (23:00, no bell), R1 (10:30 ≤ 11:40) in time.
    expect(await ids('LESSONS_WITHOUT_HOMEWORK', M())).toEqual([f.lessons.M2.id, f.lessons.M3.id]);
    expect(await ids('LESSONS_WITHOUT_HOMEWORK', R())).toEqual([f.lessons.R2.id]);
    expect(data.total.lessonsWithoutHomework.count).toBe(3);
  });

  it('R-JRN-3: marks after the lesson day, written work after 7 days, in Moscow time', async () => {
    const m = page('Математика');
    // M1: a mark the next day; M6: 00:30 the next day in Moscow (21:30 UTC on the day).
    expect(m.lateMarks.count).toBe(2);
    const late = await list('LATE_MARKS', M());
    expect(late.count).toBe(2);
    expect(lessonsOf(late)).toEqual([
      { lessonId: f.lessons.M1.id, date: '2025-10-06', count: 1 },
      { lessonId: f.lessons.M6.id, date: '2025-10-27', count: 1 },
    ]);
    // M3 (written): day 8, and 01:30 of day 8 in Moscow; day 7 is in time. M2's written mark
    // two days later is in time too.
    expect(m.lateWrittenMarks.count).toBe(2);
    const written = await list('LATE_WRITTEN_MARKS', M());
    expect(written.count).toBe(2);
    expect(lessonsOf(written)).toEqual([
      { lessonId: f.lessons.M3.id, date: '2025-10-13', count: 2 },
    ]);
    expect(page('Русский язык').lateMarks.count).toBe(0);
    expect(await list('LATE_MARKS', R())).toMatchObject({ count: 0, lessons: [] });
    expect([data.total.lateMarks.count, data.total.lateWrittenMarks.count]).toEqual([2, 2]);
  });

  it('attendance not recorded: held lessons whose register was never taken', async () => {
    expect(await ids('LESSONS_WITHOUT_ATTENDANCE', M())).toEqual([f.lessons.M3.id]);
    expect(await ids('LESSONS_WITHOUT_ATTENDANCE', R())).toEqual([f.lessons.R2.id]);
    expect(data.total.lessonsWithoutAttendance.count).toBe(2);
  });

  it('shares of students with no marks and with one mark, among those on the page in the range', async () => {
    const [s1, s2, s3, s4] = f.students;
    const m = page('Математика');
    // s1..s4 (s4 came on 20 Oct; s5 left on 30 Sep): s1 4 marks, s2 2, s3 1, s4 none.
    expect([m.studentsWithoutMarks.count, m.studentsWithoutMarks.total]).toEqual([1, 4]);
    expect(m.studentsWithoutMarks.share).toBe(0.25);
    expect(await people('STUDENTS_WITHOUT_MARKS', M())).toEqual([s4!.id]);
    expect(await people('STUDENTS_WITH_ONE_MARK', M())).toEqual([s3!.id]);
    // The subgroup page: s1 one mark, s2 none.
    const r = page('Русский язык');
    expect(await people('STUDENTS_WITHOUT_MARKS', R())).toEqual([s2!.id]);
    expect(await people('STUDENTS_WITH_ONE_MARK', R())).toEqual([s1!.id]);
    expect(r.studentsWithOneMark.total).toBe(2);
    // Above a page: student × page pairs.
    expect(data.total.studentsWithoutMarks).toMatchObject({ count: 2, total: 6 });
    expect(data.total.studentsWithoutMarks.share).toBeCloseTo(1 / 3, 6);
    const total = await list('STUDENTS_WITHOUT_MARKS', SCHOOL);
    expect(total.students).toEqual([
      {
        personId: s4!.id,
        name: `${s4!.lastName} ${s4!.firstName}`,
        className: '5А',
        assignmentId: f.math.id,
        subjectName: 'Математика',
      },
      {
        personId: s2!.id,
        name: `${s2!.lastName} ${s2!.firstName}`,
        className: '5А',
        assignmentId: f.russian.id,
        subjectName: 'Русский язык',
      },
    ]);
  });

  it('R-JRN-5: period marks missing after the 4-day deadline, or set after it', async () => {
    const [, s2, , s4] = f.students;
    const student = (id: string) => ({
      personId: id,
      assignmentId: f.math.id,
      subjectName: 'Математика',
    });
    expect((await list('PERIOD_MARKS_MISSING', M())).periodMarks).toEqual([
      {
        student: student(s4!.id),
        periodName: '1 четверть',
        periodEndsOn: '2025-10-26',
        setOn: null,
      },
    ]);
    expect((await list('PERIOD_MARKS_LATE', M())).periodMarks).toEqual([
      {
        student: student(s2!.id),
        periodName: '1 четверть',
        periodEndsOn: '2025-10-26',
        setOn: '2025-10-31',
      },
    ]);
    expect(
      (await list('PERIOD_MARKS_MISSING', R())).periodMarks.map((i) => i.student.personId),
    ).toEqual([s2!.id]);
    expect([data.total.periodMarksMissing.count, data.total.periodMarksLate.count]).toEqual([2, 1]);
  });

  it("R-MSG-2: parents' requests whose 7-day deadline passed in the range, per teacher", () => {
    const [t1, t2] = data.teachers;
    expect(t1!.unansweredMessages.threads.map((t) => t.threadId)).toEqual([f.threads.late.id]);
    expect(t2!.unansweredMessages.threads.map((t) => t.threadId)).toEqual([f.threads.waiting.id]);
    expect(data.total.unansweredMessages.count).toBe(2);
    const waiting = data.total.unansweredMessages.threads.find(
      (t) => t.threadId === f.threads.waiting.id,
    )!;
    expect(waiting).toMatchObject({
      teacherId: f.t2.id,
      parentName: 'Быков Родитель2',
      sentAt: '2025-10-20T10:00:00.000Z',
      answeredAt: null,
    });
    const late = data.total.unansweredMessages.threads.find(
      (t) => t.threadId === f.threads.late.id,
    )!;
    expect(late.answeredAt).toBe('2025-10-12T10:00:00.000Z');
  });

  it('share of students and parents who signed in during the range, per class and in total', () => {
    const [s1, s2, s3, s4] = f.students;
    const [, p2, p3, p4] = f.parents;
    const c5 = data.classes.find((c) => c.className === '5А')!;
    expect(c5.signIns.students).toEqual({
      total: 4,
      signedIn: 2,
      share: 0.5,
      notSignedIn: [{ personId: s2!.id }, { personId: s4!.id }],
    });
    expect(c5.signIns.parents).toEqual({
      total: 4,
      signedIn: 1,
      share: 0.25,
      notSignedIn: [{ personId: p2!.id }, { personId: p3!.id }, { personId: p4!.id }],
    });
    void s1;
    void s3;
    const c6 = data.classes.find((c) => c.className === '6Б')!;
    expect(c6.signIns.students).toEqual({ total: 0, signedIn: 0, share: null, notSignedIn: [] });
    expect(data.total.signIns.students).toMatchObject({ total: 4, signedIn: 2 });
    expect(data.total.signIns.parents).toMatchObject({ total: 4, signedIn: 1 });
  });

  it('teachers and classes roll up their pages', () => {
    const [t1, t2] = data.teachers;
    expect([t1!.lessonsHeld, t1!.lessonsPlanned, t1!.lessonsWithoutHomework.count]).toEqual([
      4, 7, 2,
    ]);
    expect([t2!.lessonsHeld, t2!.lessonsPlanned, t2!.lessonsWithoutHomework.count]).toEqual([
      2, 8, 1,
    ]);
    const c5 = data.classes.find((c) => c.className === '5А')!;
    expect([c5.lessonsHeld, c5.lessonsWithoutTopic.count, c5.studentsWithoutMarks.total]).toEqual([
      6, 2, 6,
    ]);
  });

  it('a narrower range counts only its days', async () => {
    const r = await control(f.tokens.deputy, { from: '2025-10-01', to: '2025-10-10' });
    expect(r.errors).toBeUndefined();
    const m = r.data!.journalControl.pages.find(
      (p) => p.subjectName === 'Математика' && p.className === '5А',
    )!;
    // M1, M2; 16 × 10/56 = 2.86 → 3. s4 not yet enrolled: s1 2 marks, s2 1, s3 none.
    expect([m.lessonsHeld, m.lessonsPlanned]).toEqual([2, 3]);
    const early = { from: '2025-10-01', to: '2025-10-10' };
    expect(await people('STUDENTS_WITHOUT_MARKS', { assignmentId: f.math.id }, early)).toEqual([
      f.students[2]!.id,
    ]);
    expect(m.studentsWithoutMarks.total).toBe(3);
    expect(m.periodMarksMissing.count + m.periodMarksLate.count).toBe(0);
  });
});

describe('who may see journal control', () => {
  it('a teacher sees only their own pages', async () => {
    const r = await control(f.tokens.t1);
    expect(r.errors).toBeUndefined();
    expect(r.data!.journalControl.pages.map((p) => p.assignmentId)).toEqual([
      f.math.id,
      f.math6.id,
    ]);
    expect(r.data!.journalControl.teachers.map((t) => t.teacherId)).toEqual([f.t1.id]);
    expect(r.data!.journalControl.total.unansweredMessages.count).toBe(1);
  });

  it('a teacher naming another teacher is refused (FORBIDDEN), naming themselves is fine', async () => {
    expect(codes(await control(f.tokens.t1, { ...OCTOBER, teacherId: f.t2.id }))).toEqual([
      'FORBIDDEN',
    ]);
    const own = await control(f.tokens.t1, { ...OCTOBER, teacherId: f.t1.id });
    expect(own.data!.journalControl.pages).toHaveLength(2);
  });

  it("a class teacher also sees every page of their class, not a colleague's other classes", async () => {
    const r = await control(f.tokens.t2);
    expect(r.errors).toBeUndefined();
    expect(r.data!.journalControl.pages.map((p) => p.assignmentId)).toEqual([
      f.math.id,
      f.russian.id,
    ]);
  });

  it('the administration filters by class and by teacher', async () => {
    const byClass = await control(f.tokens.deputy, { ...OCTOBER, schoolClassId: f.class6b.id });
    expect(byClass.data!.journalControl.pages.map((p) => p.assignmentId)).toEqual([f.math6.id]);
    const byTeacher = await control(f.tokens.deputy, { ...OCTOBER, teacherId: f.t2.id });
    expect(byTeacher.data!.journalControl.pages.map((p) => p.assignmentId)).toEqual([f.russian.id]);
  });

  it("another school's deputy sees nothing of this school: NOT_FOUND for its school, class or teacher", async () => {
    const fork = app.orm.em.fork();
    const other = await createSchool(fork);
    const stranger = await createPerson(fork, { school: other, roles: [Role.DEPUTY] });
    const token = await sessionFor(fork, stranger);
    expect(codes(await control(token, { ...OCTOBER, schoolId: f.school.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await control(token, { ...OCTOBER, schoolClassId: f.class5a.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await control(token, { ...OCTOBER, teacherId: f.t1.id }))).toEqual(['NOT_FOUND']);
    const own = await control(token);
    expect(own.data!.journalControl).toMatchObject({ schoolId: other.id, pages: [], classes: [] });
  });

  it('students, parents and records clerks are refused; anonymous callers must sign in', async () => {
    expect(codes(await control(f.tokens.student))).toEqual(['FORBIDDEN']);
    expect(codes(await control(f.tokens.parent))).toEqual(['FORBIDDEN']);
    expect(codes(await control(f.tokens.clerk))).toEqual(['FORBIDDEN']);
    const anonymous = await gql(app.url, CONTROL, { input: OCTOBER });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('journalControlList: what lies behind a figure, on demand', () => {
  type Field = Exclude<keyof Figures, 'lessonsHeld' | 'lessonsPlanned' | 'completion'>;
  const FIGURES_BY_FIELD: [Field, Figure][] = [
    ['lessonsWithoutTopic', 'LESSONS_WITHOUT_TOPIC'],
    ['lessonsWithoutHomework', 'LESSONS_WITHOUT_HOMEWORK'],
    ['lateMarks', 'LATE_MARKS'],
    ['lateWrittenMarks', 'LATE_WRITTEN_MARKS'],
    ['lessonsWithoutAttendance', 'LESSONS_WITHOUT_ATTENDANCE'],
    ['studentsWithoutMarks', 'STUDENTS_WITHOUT_MARKS'],
    ['studentsWithOneMark', 'STUDENTS_WITH_ONE_MARK'],
    ['periodMarksMissing', 'PERIOD_MARKS_MISSING'],
    ['periodMarksLate', 'PERIOD_MARKS_LATE'],
  ];
  const itemsOf = (l: ListData['journalControlList']) =>
    l.lessons.reduce((n, x) => n + x.count, 0) + l.students.length + l.periodMarks.length;

  it('R-CTL-1: every figure of every row (page, class, teacher, school) lists as many items as it counts', async () => {
    for (const [token, range] of [
      [f.tokens.deputy, OCTOBER],
      [f.tokens.deputy, { from: '2025-09-01', to: '2026-08-31' }],
      [f.tokens.t2, OCTOBER],
    ] as const) {
      const r = await control(token, range);
      expect(r.errors).toBeUndefined();
      const c = r.data!.journalControl;
      const rows: [Row, Figures][] = [
        [{ wholeSchool: true }, c.total],
        ...c.classes.map((x): [Row, Figures] => [{ schoolClassId: x.schoolClassId }, x]),
        ...c.teachers.map((x): [Row, Figures] => [{ teacherId: x.teacherId }, x]),
        ...c.pages.map((x): [Row, Figures] => [{ assignmentId: x.assignmentId }, x]),
      ];
      let nonZero = 0;
      for (const [row, figures] of rows) {
        const lists = await Promise.all(
          FIGURES_BY_FIELD.map(([, figure]) => list(figure, row, range, token)),
        );
        FIGURES_BY_FIELD.forEach(([field], i) => {
          const l = lists[i]!;
          expect({ field, row, count: l.count }).toEqual({
            field,
            row,
            count: figures[field].count,
          });
          expect(itemsOf(l)).toBe(l.count);
          nonZero += l.count;
        });
      }
      expect(nonZero).toBeGreaterThan(0);
    }
  });

  it('each row selector lists its own pages only', async () => {
    const pagesOf = async (row: Row) =>
      [
        ...new Set(
          (await list('LESSONS_WITHOUT_HOMEWORK', row)).lessons.map((l) => l.assignmentId),
        ),
      ].sort();
    expect(await pagesOf({ assignmentId: f.russian.id })).toEqual([f.russian.id]);
    expect(await pagesOf({ teacherId: f.t2.id })).toEqual([f.russian.id]);
    expect(await pagesOf({ teacherId: f.t1.id })).toEqual([f.math.id]);
    expect(await pagesOf({ schoolClassId: f.class5a.id })).toEqual(
      [f.math.id, f.russian.id].sort(),
    );
    expect(await pagesOf({ schoolClassId: f.class6b.id })).toEqual([]);
    expect(await pagesOf({ wholeSchool: true })).toEqual([f.math.id, f.russian.id].sort());
    const l = await list('STUDENTS_WITH_ONE_MARK', { schoolClassId: f.class5a.id });
    expect(l).toMatchObject({
      figure: 'STUDENTS_WITH_ONE_MARK',
      schoolId: f.school.id,
      ...OCTOBER,
      lessons: [],
      periodMarks: [],
    });
  });

  it('a teacher reads only the pages of their own report', async () => {
    // t1 keeps both mathematics pages: the school row is theirs, Russian (t2's) is not in it.
    expect(await ids('LESSONS_WITHOUT_TOPIC', { wholeSchool: true }, OCTOBER, f.tokens.t1)).toEqual(
      [f.lessons.M2.id],
    );
    const t1 = (row: Row) => listOf(f.tokens.t1, 'LESSONS_WITHOUT_TOPIC', row);
    expect(codes(await t1({ assignmentId: f.russian.id }))).toEqual(['FORBIDDEN']);
    expect(codes(await t1({ teacherId: f.t2.id }))).toEqual(['FORBIDDEN']);
    // The class's pages a teacher does not keep are left out, as in their report.
    expect(
      await ids('LESSONS_WITHOUT_TOPIC', { schoolClassId: f.class5a.id }, OCTOBER, f.tokens.t1),
    ).toEqual([f.lessons.M2.id]);
    // t2 leads 5А: t1 is a row of t2's report, with t1's page of 5А only.
    const colleague = await list(
      'LESSONS_WITHOUT_HOMEWORK',
      { teacherId: f.t1.id },
      OCTOBER,
      f.tokens.t2,
    );
    expect(colleague.lessons.map((l) => l.assignmentId)).toEqual([f.math.id, f.math.id]);
    const math6 = await listOf(f.tokens.t2, 'LESSONS_WITHOUT_TOPIC', { assignmentId: f.math6.id });
    expect(codes(math6)).toEqual(['FORBIDDEN']);
  });

  it('students, parents and records clerks are refused; anonymous callers must sign in', async () => {
    const row = { wholeSchool: true };
    for (const token of [f.tokens.student, f.tokens.parent, f.tokens.clerk]) {
      expect(codes(await listOf(token, 'LATE_MARKS', row))).toEqual(['FORBIDDEN']);
    }
    const anonymous = await gql(app.url, LIST, {
      input: { figure: 'LATE_MARKS', ...OCTOBER, ...row },
    });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it("another school's page, class or teacher is NOT_FOUND, whoever asks", async () => {
    const fork = app.orm.em.fork();
    const other = await createControlSchool(fork);
    const deputy = (row: Record<string, unknown>) =>
      listOf(f.tokens.deputy, 'LESSONS_WITHOUT_TOPIC', row);
    expect(codes(await deputy({ assignmentId: other.math.id }))).toEqual(['NOT_FOUND']);
    expect(codes(await deputy({ schoolClassId: other.class5a.id }))).toEqual(['NOT_FOUND']);
    expect(codes(await deputy({ teacherId: other.t1.id }))).toEqual(['NOT_FOUND']);
    expect(codes(await listOf(f.tokens.t1, 'LATE_MARKS', { assignmentId: other.math.id }))).toEqual(
      ['NOT_FOUND'],
    );
    // Naming the other school outright: not one of the deputy's schools.
    expect(codes(await deputy({ wholeSchool: true, schoolId: other.school.id }))).toEqual([
      'NOT_FOUND',
    ]);
    // And the other school's deputy does not see this one's.
    expect(
      codes(await listOf(other.tokens.deputy, 'LATE_MARKS', { assignmentId: f.math.id })),
    ).toEqual(['NOT_FOUND']);
  });

  it('refuses no row, several rows, an unknown page and a range the report refuses', async () => {
    const field = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
      r.errors?.[0]?.extensions?.field;
    const ask = (row: Record<string, unknown>, range: Record<string, unknown> = OCTOBER) =>
      listOf(f.tokens.deputy, 'LATE_MARKS', row, range);
    const none = await ask({});
    expect([codes(none), field(none)]).toEqual([['BAD_USER_INPUT'], 'wholeSchool']);
    expect(codes(await ask({ wholeSchool: false }))).toEqual(['BAD_USER_INPUT']);
    const two = await ask({ assignmentId: f.math.id, teacherId: f.t1.id });
    expect([codes(two), field(two)]).toEqual([['BAD_USER_INPUT'], 'teacherId']);
    expect(codes(await ask({ wholeSchool: true, schoolClassId: f.class5a.id }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await ask({ assignmentId: '00000000-0000-4000-8000-000000000000' }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await ask({ assignmentId: 'nope' }))).toEqual(['NOT_FOUND']);
    const long = await ask({ wholeSchool: true }, { from: '2025-09-01', to: '2026-09-01' });
    expect([codes(long), field(long)]).toEqual([['BAD_USER_INPUT'], 'to']);
    const backwards = await ask({ wholeSchool: true }, { from: '2025-10-31', to: '2025-10-01' });
    expect(codes(backwards)).toEqual(['BAD_USER_INPUT']);
    const bad = await gql(
      app.url,
      LIST,
      { input: { figure: 'NOPE', ...OCTOBER, wholeSchool: true } },
      { token: f.tokens.deputy },
    );
    expect(bad.errors).toHaveLength(1);
  });

  it('costs two SQL statements beyond the session, whatever the figure or row', async () => {
    // A first request may also touch the session (its last use is written at most once a minute).
    await list('LESSONS_WITHOUT_TOPIC', { wholeSchool: true });
    const counts: number[] = [];
    for (const figure of [
      'LESSONS_WITHOUT_TOPIC',
      'LATE_MARKS',
      'STUDENTS_WITHOUT_MARKS',
      'PERIOD_MARKS_LATE',
    ] as const) {
      for (const row of [{ wholeSchool: true }, { assignmentId: f.math.id }] as Row[]) {
        app.resetQueries();
        await list(figure, row);
        // Beyond the session's lookup: the scope, then the list.
        counts.push(app.queries.filter((q) => !q.includes('row_security.session_viewer')).length);
      }
    }
    expect(counts).toEqual(counts.map(() => 2));
  });
});

describe('bad input', () => {
  const field = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    r.errors?.[0]?.extensions?.field;

  it('refuses a range that ends before it starts', async () => {
    const r = await control(f.tokens.deputy, { from: '2025-10-31', to: '2025-10-01' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(field(r)).toBe('to');
  });

  it('refuses a range longer than a year, accepts exactly a year', async () => {
    expect(codes(await control(f.tokens.deputy, { from: '2025-09-01', to: '2026-09-01' }))).toEqual(
      ['BAD_USER_INPUT'],
    );
    const year = await control(f.tokens.deputy, { from: '2025-09-01', to: '2026-08-31' });
    expect(year.errors).toBeUndefined();
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    const r = await control(f.tokens.deputy, { from: '2025-02-30', to: '2025-10-01' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(field(r)).toBe('from');
  });

  it('refuses a malformed class id as not found', async () => {
    expect(codes(await control(f.tokens.deputy, { ...OCTOBER, schoolClassId: 'nope' }))).toEqual([
      'NOT_FOUND',
    ]);
  });
});

describe('attendance taken with everyone present', () => {
  it('R-CTL-1: setAttendance with no absences still counts the register as taken', async () => {
    const before = await control(f.tokens.t1);
    const math = () => before.data!.journalControl.pages.find((p) => p.assignmentId === f.math.id)!;
    expect(math().lessonsWithoutAttendance.count).toBe(1);
    const page = { assignmentId: f.math.id };
    expect(await ids('LESSONS_WITHOUT_ATTENDANCE', page, OCTOBER, f.tokens.t1)).toEqual([
      f.lessons.M3.id,
    ]);
    const r = await gql(
      app.url,
      `mutation Take($input: SetAttendanceInput!) { setAttendance(input: $input) { attendance { id } } }`,
      {
        input: {
          lessonId: f.lessons.M3.id,
          entries: [{ studentId: f.students[0]!.id, status: null }],
        },
      },
      { token: f.tokens.t1 },
    );
    expect(r.errors).toBeUndefined();
    const after = await control(f.tokens.t1);
    const counted = after.data!.journalControl.pages.find((p) => p.assignmentId === f.math.id)!;
    expect(counted.lessonsWithoutAttendance).toEqual({ count: 0 });
    const listed = await list('LESSONS_WITHOUT_ATTENDANCE', page, OCTOBER, f.tokens.t1);
    expect([listed.count, listed.lessons]).toEqual([0, []]);
    // The stamp leaves the lesson's version alone: a topic edit open in another tab still saves.
    const lesson = await app.orm.em.fork().findOneOrFail(Lesson, f.lessons.M3.id);
    expect([lesson.version, lesson.attendanceTakenAt]).toEqual([1, expect.any(Date)]);
  });
});

describe('fast by construction', () => {
  it('journal control costs the same number of SQL statements for a small and a larger school', async () => {
    const fork = app.orm.em.fork();
    const statementsFor = async (classes: number, size: number) => {
      const school = await createSchool(fork);
      const year = await createYear(fork, school, '2025/2026');
      const deputy = await createPerson(fork, { school, roles: [Role.DEPUTY] });
      const teacher = await createPerson(fork, { school, roles: [Role.TEACHER] });
      const subject = await createSubject(fork, school);
      for (let c = 0; c < classes; c++) {
        const schoolClass = await createClass(fork, { school, year, letter: 'АБВГД'[c]! });
        const assignment = await createAssignment(fork, { teacher, subject, schoolClass });
        const kids = [];
        for (let i = 0; i < size; i++) {
          kids.push((await createFamily(fork, { schoolClass })).student);
        }
        for (let d = 1; d <= size; d++) {
          const lesson = await createLesson(fork, assignment, {
            date: `2025-10-${String(d).padStart(2, '0')}`,
          });
          fork.persist(fork.create(Homework, { school, lesson, text: '…', enteredBy: teacher }));
          for (const kid of kids) {
            fork.persist(
              fork.create(Mark, {
                school,
                lesson,
                student: kid,
                value: '4',
                numericValue: 4,
                enteredBy: teacher,
              }),
            );
          }
        }
      }
      await fork.flush();
      const token = await sessionFor(fork, deputy);
      app.resetQueries();
      const r = await control(token);
      expect(r.errors).toBeUndefined();
      expect(r.data!.journalControl.total.lessonsHeld).toBe(classes * size);
      return app.queries.length;
    };
    const small = await statementsFor(1, 3);
    const large = await statementsFor(3, 8);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(12);
  });
});
