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
      lessons {
        lessonId
        date
        count
      }
    }
    lessonsWithoutHomework {
      count
      lessons {
        lessonId
        date
        count
      }
    }
    lateMarks {
      count
      lessons {
        lessonId
        date
        count
      }
    }
    lateWrittenMarks {
      count
      lessons {
        lessonId
        date
        count
      }
    }
    lessonsWithoutAttendance {
      count
      lessons {
        lessonId
        date
        count
      }
    }
    studentsWithoutMarks {
      count
      total
      share
      students {
        personId
        name
        subjectName
      }
    }
    studentsWithOneMark {
      count
      total
      share
      students {
        personId
        name
        subjectName
      }
    }
    periodMarksMissing {
      count
      items {
        student {
          personId
          subjectName
        }
        periodName
        periodEndsOn
        setOn
      }
    }
    periodMarksLate {
      count
      items {
        student {
          personId
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

interface LessonFigure {
  count: number;
  lessons: { lessonId: string; date: string; count: number }[];
}
interface StudentFigure {
  count: number;
  total: number;
  share: number | null;
  students: { personId: string; name: string; subjectName: string | null }[];
}
interface PeriodFigure {
  count: number;
  items: {
    student: { personId: string; subjectName: string };
    periodName: string;
    periodEndsOn: string;
    setOn: string | null;
  }[];
}
interface Figures {
  lessonsHeld: number;
  lessonsPlanned: number;
  completion: number | null;
  lessonsWithoutTopic: LessonFigure;
  lessonsWithoutHomework: LessonFigure;
  lateMarks: LessonFigure;
  lateWrittenMarks: LessonFigure;
  lessonsWithoutAttendance: LessonFigure;
  studentsWithoutMarks: StudentFigure;
  studentsWithOneMark: StudentFigure;
  periodMarksMissing: PeriodFigure;
  periodMarksLate: PeriodFigure;
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

const ids = (figure: LessonFigure) => figure.lessons.map((l) => l.lessonId);
const people = (figure: StudentFigure) => figure.students.map((s) => s.personId);

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

  it('lessons without a topic: empty or blank, held, in the range', () => {
    expect(ids(page('Математика').lessonsWithoutTopic)).toEqual([f.lessons.M2.id]);
    expect(ids(page('Русский язык').lessonsWithoutTopic)).toEqual([f.lessons.R2.id]);
    expect(data.total.lessonsWithoutTopic.count).toBe(2);
    expect(data.total.lessonsWithoutTopic.lessons.map((l) => l.date)).toEqual([
      '2025-10-08',
      '2025-10-09',
    ]);
  });

  it('R-JRN-4: lessons without homework 1.5 hours after the bell, or by the end of a lesson day without one', () => {
    // M2: none; M3: entered at 10:50, due 10:45. M1 (09:30), M6 (23:00, no bell), R1 (10:30 ≤ 11:40) in time.
    expect(ids(page('Математика').lessonsWithoutHomework)).toEqual([
      f.lessons.M2.id,
      f.lessons.M3.id,
    ]);
    expect(ids(page('Русский язык').lessonsWithoutHomework)).toEqual([f.lessons.R2.id]);
    expect(data.total.lessonsWithoutHomework.count).toBe(3);
  });

  it('R-JRN-3: marks after the lesson day, written work after 7 days, in Moscow time', () => {
    const m = page('Математика');
    // M1: a mark the next day; M6: 00:30 the next day in Moscow (21:30 UTC on the day).
    expect(m.lateMarks).toEqual({
      count: 2,
      lessons: [
        { lessonId: f.lessons.M1.id, date: '2025-10-06', count: 1 },
        { lessonId: f.lessons.M6.id, date: '2025-10-27', count: 1 },
      ],
    });
    // M3 (written): day 8, and 01:30 of day 8 in Moscow; day 7 is in time. M2's written mark
    // two days later is in time too.
    expect(m.lateWrittenMarks).toEqual({
      count: 2,
      lessons: [{ lessonId: f.lessons.M3.id, date: '2025-10-13', count: 2 }],
    });
    expect(page('Русский язык').lateMarks.count).toBe(0);
    expect([data.total.lateMarks.count, data.total.lateWrittenMarks.count]).toEqual([2, 2]);
  });

  it('attendance not recorded: held lessons whose register was never taken', () => {
    expect(ids(page('Математика').lessonsWithoutAttendance)).toEqual([f.lessons.M3.id]);
    expect(ids(page('Русский язык').lessonsWithoutAttendance)).toEqual([f.lessons.R2.id]);
    expect(data.total.lessonsWithoutAttendance.count).toBe(2);
  });

  it('shares of students with no marks and with one mark, among those on the page in the range', () => {
    const [s1, s2, s3, s4] = f.students;
    const m = page('Математика');
    // s1..s4 (s4 came on 20 Oct; s5 left on 30 Sep): s1 4 marks, s2 2, s3 1, s4 none.
    expect([m.studentsWithoutMarks.count, m.studentsWithoutMarks.total]).toEqual([1, 4]);
    expect(m.studentsWithoutMarks.share).toBe(0.25);
    expect(people(m.studentsWithoutMarks)).toEqual([s4!.id]);
    expect(people(m.studentsWithOneMark)).toEqual([s3!.id]);
    // The subgroup page: s1 one mark, s2 none.
    const r = page('Русский язык');
    expect(people(r.studentsWithoutMarks)).toEqual([s2!.id]);
    expect(people(r.studentsWithOneMark)).toEqual([s1!.id]);
    expect(r.studentsWithOneMark.total).toBe(2);
    // Above a page: student × page pairs.
    expect(data.total.studentsWithoutMarks).toMatchObject({ count: 2, total: 6 });
    expect(data.total.studentsWithoutMarks.share).toBeCloseTo(1 / 3, 6);
    expect(data.total.studentsWithoutMarks.students.map((s) => s.subjectName).sort()).toEqual([
      'Математика',
      'Русский язык',
    ]);
  });

  it('R-JRN-5: period marks missing after the 4-day deadline, or set after it', () => {
    const [, s2, , s4] = f.students;
    const m = page('Математика');
    expect(m.periodMarksMissing.items).toEqual([
      {
        student: { personId: s4!.id, subjectName: 'Математика' },
        periodName: '1 четверть',
        periodEndsOn: '2025-10-26',
        setOn: null,
      },
    ]);
    expect(m.periodMarksLate.items).toEqual([
      {
        student: { personId: s2!.id, subjectName: 'Математика' },
        periodName: '1 четверть',
        periodEndsOn: '2025-10-26',
        setOn: '2025-10-31',
      },
    ]);
    expect(page('Русский язык').periodMarksMissing.items.map((i) => i.student.personId)).toEqual([
      s2!.id,
    ]);
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
    expect(people(m.studentsWithoutMarks)).toEqual([f.students[2]!.id]);
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
    expect(ids(math().lessonsWithoutAttendance)).toEqual([f.lessons.M3.id]);
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
    const page = after.data!.journalControl.pages.find((p) => p.assignmentId === f.math.id)!;
    expect(page.lessonsWithoutAttendance).toEqual({ count: 0, lessons: [] });
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
