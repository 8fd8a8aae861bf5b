import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
} from '../../../test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubgroup,
  createSubject,
  createWorkType,
  enrol,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { AbsenceReason, Attendance, AttendanceStatus } from '../journal/attendance.entity.js';
import { Homework } from '../journal/homework.entity.js';
import type { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { Announcement, AnnouncementAudience } from '../messages/announcement.entity.js';
import { PeriodMark, PeriodMarkSpecial } from '../journal/period-mark.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import type { School } from '../school/school.entity.js';
import { BellTime } from '../timetable/bell-time.entity.js';
import { TimetableChange, TimetableChangeKind } from '../timetable/timetable-change.entity.js';
import { TimetableSlot } from '../timetable/timetable-slot.entity.js';
import { PeriodKind, ReportingPeriod } from '../year/reporting-period.entity.js';
import type { Subject } from '../year/subject.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import type { WorkType } from '../year/work-type.entity.js';

// Timetable fixtures live here until the timetable module has factories of its own.

async function createSlot(
  em: EntityManager,
  assignment: TeachingAssignment,
  spec: { weekday: number; lessonNumber: number; room?: string; validFrom?: string },
) {
  const slot = em.create(TimetableSlot, {
    school: assignment.school,
    year: assignment.year,
    assignment,
    weekday: spec.weekday,
    lessonNumber: spec.lessonNumber,
    room: spec.room ?? null,
    validFrom: spec.validFrom ?? '2026-09-01',
  });
  await em.persist(slot).flush();
  return slot;
}

async function createChange(
  em: EntityManager,
  assignment: TeachingAssignment,
  spec: {
    date: string;
    kind: TimetableChangeKind;
    lessonNumber: number;
    slot?: TimetableSlot;
    substituteTeacher?: Person;
    room?: string;
    note?: string;
    published?: boolean;
    createdBy: Person;
  },
) {
  const change = em.create(TimetableChange, {
    school: assignment.school,
    assignment,
    date: spec.date,
    kind: spec.kind,
    lessonNumber: spec.lessonNumber,
    slot: spec.slot ?? null,
    substituteTeacher: spec.substituteTeacher ?? null,
    room: spec.room ?? null,
    note: spec.note ?? null,
    publishedAt: spec.published === false ? null : new Date(),
    createdBy: spec.createdBy,
  });
  await em.persist(change).flush();
  return change;
}

async function createBells(em: EntityManager, school: School) {
  const times: [string, string][] = [
    ['08:30', '09:15'],
    ['09:25', '10:10'],
    ['10:30', '11:15'],
    ['11:35', '12:20'],
    ['12:30', '13:15'],
    ['13:25', '14:10'],
  ];
  times.forEach(([startsAt, endsAt], i) =>
    em.persist(em.create(BellTime, { school, lessonNumber: i + 1, startsAt, endsAt })),
  );
  await em.flush();
}

function addMark(
  em: EntityManager,
  lesson: Lesson,
  student: Person,
  value: number,
  spec: { workType?: WorkType; weight?: number; comment?: string } = {},
) {
  const mark = em.create(Mark, {
    school: lesson.school,
    lesson,
    student,
    value: String(value),
    numericValue: value,
    workType: spec.workType ?? null,
    // As setMarks stores it: the weight of the mark's work type, or else of the lesson's.
    weight: spec.weight ?? spec.workType?.weight ?? 1,
    comment: spec.comment ?? null,
    enteredBy: lesson.conductingTeacher,
  });
  em.persist(mark);
  return mark;
}

function addPeriodMark(
  em: EntityManager,
  student: Person,
  subject: Subject,
  period: ReportingPeriod,
  mark: number | PeriodMarkSpecial,
  enteredBy: Person,
) {
  const numeric = typeof mark === 'number';
  em.persist(
    em.create(PeriodMark, {
      school: period.school,
      student,
      subject,
      period,
      value: numeric ? String(mark) : null,
      numericValue: numeric ? mark : null,
      special: numeric ? null : mark,
      enteredBy,
    }),
  );
}

const WEEK = /* GraphQL */ `
  query Week($s: ID!, $w: String!) {
    diaryWeek(studentId: $s, weekOf: $w) {
      startsOn
      endsOn
      student {
        id
      }
      days {
        date
        weekday
        schoolClass {
          name
        }
        lessons {
          date
          lessonNumber
          startsAt
          endsAt
          room
          status
          change
          changeNote
          lessonId
          topic
          subject {
            name
          }
          teacher {
            lastName
          }
          workType {
            name
          }
          homework {
            text
            updatedAt
          }
          marks {
            id
            value
            weight
            comment
            date
            workType {
              name
            }
          }
          attendance {
            studentId
            status
            reason
            minutesLate
            updatedAt
          }
        }
      }
      announcements {
        title
        publishedAt
        author {
          lastName
        }
      }
    }
  }
`;

const PERIOD = /* GraphQL */ `
  query Period($s: ID!, $p: ID!) {
    diaryPeriod(studentId: $s, periodId: $p) {
      student {
        id
      }
      period {
        id
        name
      }
      subjects {
        subject {
          name
        }
        marks {
          date
          value
          weight
          workType {
            name
          }
        }
        average
        weightedAverage
        periodMark {
          value
          special
        }
        yearMark {
          value
          special
        }
      }
    }
  }
`;

interface WeekLesson {
  date: string;
  lessonNumber: number | null;
  startsAt: string | null;
  endsAt: string | null;
  room: string | null;
  status: string;
  change: string | null;
  changeNote: string | null;
  lessonId: string | null;
  topic: string | null;
  subject: { name: string };
  teacher: { lastName: string };
  workType: { name: string } | null;
  homework: { text: string }[];
  marks: { id: string; value: string; weight: number; comment: string | null; date: string }[];
  attendance: { studentId: string; status: string; reason: string | null } | null;
}
interface WeekData {
  diaryWeek: {
    startsOn: string;
    endsOn: string;
    student: { id: string };
    announcements: { title: string; publishedAt: string; author: { lastName: string } }[];
    days: {
      date: string;
      weekday: number;
      schoolClass: { name: string } | null;
      lessons: WeekLesson[];
    }[];
  };
}
interface PeriodSubject {
  subject: { name: string };
  marks: { date: string; value: string; weight: number; workType: { name: string } | null }[];
  average: number | null;
  weightedAverage: number | null;
  periodMark: { value: string | null; special: string | null } | null;
  yearMark: { value: string | null; special: string | null } | null;
}
interface PeriodData {
  diaryPeriod: { period: { id: string }; subjects: PeriodSubject[] };
}

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
const kids: Record<string, Person> = {};
let q1: ReportingPeriod;
let q2: ReportingPeriod;
let yearPeriod: ReportingPeriod;
let lastYearQ1: ReportingPeriod;
let periodB: ReportingPeriod;
const leaks: string[] = [];

// The week of Monday 14 September 2026; the mover goes from 5А to 5Б on Wednesday the 16th.
const MON = '2026-09-14';

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  await createBells(em, school);
  const lastYear = await createYear(em, school, '2025/2026');
  const year = await createYear(em, school);
  q1 = await createPeriod(em, year);
  q2 = await createPeriod(em, year, { number: 2, startsOn: '2026-11-09', endsOn: '2026-12-28' });
  yearPeriod = em.create(ReportingPeriod, {
    school,
    year,
    kind: PeriodKind.YEAR,
    number: 1,
    name: 'Год',
    startsOn: year.startsOn,
    endsOn: year.endsOn,
    gradeLevels: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  });
  await em.persist(yearPeriod).flush();
  lastYearQ1 = await createPeriod(em, lastYear);

  const person = (lastName: string, roles: Role[], at = school) =>
    createPerson(em, { school: at, roles, lastName, firstName: 'Тест' });
  const classTeacherA = await person('Классная', [Role.TEACHER]);
  const classTeacherB = await person('Руководова', [Role.TEACHER]);
  const mathsTeacher = await person('Математикова', [Role.TEACHER]);
  const substitute = await person('Заменова', [Role.TEACHER]);
  const englishTeacher = await person('Английская', [Role.TEACHER]);
  const deputy = await person('Завучева', [Role.DEPUTY]);
  const clerk = await person('Секретарёва', [Role.RECORDS_CLERK]);

  const c4a = await createClass(em, { school, year: lastYear, gradeLevel: 4 });
  const c5a = await createClass(em, { school, year, letter: 'А', classTeacher: classTeacherA });
  const c5b = await createClass(em, { school, year, letter: 'Б', classTeacher: classTeacherB });
  const maths = await createSubject(em, school, 'Математика');
  const russian = await createSubject(em, school, 'Русский язык');
  const english = await createSubject(em, school, 'Английский язык');
  const test = await createWorkType(em, school, { name: 'Контрольная работа', weight: 2 });

  const family = await createFamily(em, { schoolClass: c5a });
  kids.masha = family.student;
  const classmates = await createFamily(em, { schoolClass: c5a });
  kids.classmate = classmates.student;
  const movers = await createFamily(em, { schoolClass: c5a, endsOn: '2026-09-16' });
  kids.mover = movers.student;
  await enrol(em, kids.mover, c5b, '2026-09-16');
  await enrol(em, kids.masha, c4a, '2025-09-01', '2026-06-01');

  const maths5a = await createAssignment(em, {
    teacher: mathsTeacher,
    subject: maths,
    schoolClass: c5a,
  });
  const russian5a = await createAssignment(em, {
    teacher: classTeacherA,
    subject: russian,
    schoolClass: c5a,
  });
  const maths5b = await createAssignment(em, {
    teacher: mathsTeacher,
    subject: maths,
    schoolClass: c5b,
  });
  const group1 = await createSubgroup(em, c5a, english, [kids.masha]);
  const group2 = await createSubgroup(em, c5a, english, [kids.classmate]);
  const english1 = await createAssignment(em, {
    teacher: englishTeacher,
    subject: english,
    schoolClass: c5a,
    subgroup: group1,
  });
  const english2 = await createAssignment(em, {
    teacher: englishTeacher,
    subject: english,
    schoolClass: c5a,
    subgroup: group2,
  });
  const maths4a = await createAssignment(em, {
    teacher: mathsTeacher,
    subject: maths,
    schoolClass: c4a,
  });

  // The weekly timetable.
  await createSlot(em, maths5a, { weekday: 1, lessonNumber: 1, room: '101' });
  const mathsWed = await createSlot(em, maths5a, { weekday: 3, lessonNumber: 2, room: '101' });
  const russianTue = await createSlot(em, russian5a, { weekday: 2, lessonNumber: 1, room: '102' });
  await createSlot(em, english1, { weekday: 4, lessonNumber: 3, room: '201' });
  await createSlot(em, english2, { weekday: 3, lessonNumber: 3, room: '202' });
  await createSlot(em, maths5b, { weekday: 4, lessonNumber: 1, room: '105' });
  // Changes of the week: published ones and a draft nobody outside the staff room sees.
  await createChange(em, russian5a, {
    date: '2026-09-15',
    kind: TimetableChangeKind.CANCELLED,
    lessonNumber: 1,
    slot: russianTue,
    note: 'Учитель на курсах',
    createdBy: deputy,
  });
  await createChange(em, maths5a, {
    date: '2026-09-16',
    kind: TimetableChangeKind.SUBSTITUTION,
    lessonNumber: 2,
    slot: mathsWed,
    substituteTeacher: substitute,
    createdBy: deputy,
  });
  await createChange(em, maths5a, {
    date: MON,
    kind: TimetableChangeKind.ROOM_CHANGE,
    lessonNumber: 1,
    room: 'Черновик',
    published: false,
    createdBy: deputy,
  });

  // What happened on Monday: a test in maths, homework, a late Masha and an absent classmate.
  const monday = await createLesson(em, maths5a, {
    date: MON,
    lessonNumber: 1,
    workType: test,
    topic: 'Дроби',
  });
  em.persist(
    em.create(Homework, { school, lesson: monday, text: '№ 12, 14', enteredBy: mathsTeacher }),
  );
  addMark(em, monday, kids.masha, 5, { weight: test.weight, comment: 'Отлично' });
  leaks.push(
    addMark(em, monday, kids.classmate, 2, { weight: test.weight, comment: 'Чужая оценка' }).id,
  );
  addMark(em, monday, kids.mover, 4, { weight: test.weight });
  em.persist(
    em.create(Attendance, {
      school,
      lesson: monday,
      student: kids.masha,
      status: AttendanceStatus.LATE,
      minutesLate: 5,
      enteredBy: mathsTeacher,
    }),
  );
  const absent = em.create(Attendance, {
    school,
    lesson: monday,
    student: kids.classmate,
    status: AttendanceStatus.ABSENT,
    reason: AbsenceReason.ILLNESS,
    enteredBy: mathsTeacher,
  });
  em.persist(absent);
  leaks.push(absent.id);
  const nextMonday = await createLesson(em, maths5a, { date: '2026-09-21', lessonNumber: 1 });
  addMark(em, nextMonday, kids.masha, 3);
  leaks.push(addMark(em, nextMonday, kids.classmate, 5).id);
  // The mover's first lesson in 5Б on Thursday.
  const thursday5b = await createLesson(em, maths5b, { date: '2026-09-17', lessonNumber: 1 });
  addMark(em, thursday5b, kids.mover, 3);
  // Last year, in 4А.
  const lastYearLesson = await createLesson(em, maths4a, { date: '2025-10-06', lessonNumber: 2 });
  addMark(em, lastYearLesson, kids.masha, 4);
  addPeriodMark(em, kids.masha, maths, q1, 4, mathsTeacher);
  addPeriodMark(em, kids.masha, russian, q1, PeriodMarkSpecial.NOT_ATTESTED, classTeacherA);
  addPeriodMark(em, kids.masha, maths, yearPeriod, 5, mathsTeacher);
  addPeriodMark(em, kids.classmate, maths, q1, 2, mathsTeacher);
  await em.flush();

  // Another school, its teacher and director.
  const schoolB = await createSchool(em);
  const yearB = await createYear(em, schoolB);
  periodB = await createPeriod(em, yearB);
  const teacherB = await person('Чужая', [Role.TEACHER], schoolB);
  const directorB = await person('Директорова', [Role.DIRECTOR], schoolB);

  const people: Record<string, Person> = {
    masha: family.student,
    parent: family.parent,
    classmate: classmates.student,
    otherParent: classmates.parent,
    moverParent: movers.parent,
    classTeacherA,
    classTeacherB,
    mathsTeacher,
    deputy,
    clerk,
    teacherB,
    directorB,
  };
  for (const [name, p] of Object.entries(people)) {
    token[name] = await sessionFor(em, p);
  }
});

afterAll(async () => {
  await app?.close();
});

const week = (as: string, student: Person, weekOf = MON) =>
  gql<WeekData>(app.url, WEEK, { s: student.id, w: weekOf }, { token: token[as] });
const period = (as: string, student: Person, p: ReportingPeriod) =>
  gql<PeriodData>(app.url, PERIOD, { s: student.id, p: p.id }, { token: token[as] });
const field = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.field;
const lessonsOf = (r: GqlResult<WeekData>) => r.data!.diaryWeek.days.flatMap((d) => d.lessons);

describe('diary week (R-DRY-2)', () => {
  it('R-ROLE-7, R-DRY-2: a student reads their week: timetable, changes, lessons, homework, own marks and absences', async () => {
    const r = await week('masha', kids.masha!, '2026-09-17');
    expect(r.errors).toBeUndefined();
    const w = r.data!.diaryWeek;
    expect(w).toMatchObject({
      startsOn: MON,
      endsOn: '2026-09-20',
      student: { id: kids.masha!.id },
    });
    expect(w.days.map((d) => [d.date, d.weekday, d.schoolClass?.name])).toEqual([
      [MON, 1, '5А'],
      ['2026-09-15', 2, '5А'],
      ['2026-09-16', 3, '5А'],
      ['2026-09-17', 4, '5А'],
      ['2026-09-18', 5, '5А'],
      ['2026-09-19', 6, '5А'],
      ['2026-09-20', 7, '5А'],
    ]);
    const lessons = lessonsOf(r);
    expect(
      lessons.map((l) => [l.date, l.lessonNumber, l.subject.name, l.status, l.change, l.room]),
    ).toEqual([
      // Held and recorded; the unpublished room change does not show.
      [MON, 1, 'Математика', 'HELD', null, '101'],
      ['2026-09-15', 1, 'Русский язык', 'CANCELLED', 'CANCELLED', '102'],
      // The other English group's lesson on Wednesday is not Masha's.
      ['2026-09-16', 2, 'Математика', 'PLANNED', 'SUBSTITUTION', '101'],
      ['2026-09-17', 3, 'Английский язык', 'PLANNED', null, '201'],
    ]);
    const [monday, tuesday, wednesday] = lessons;
    expect(monday).toMatchObject({
      startsAt: '08:30',
      endsAt: '09:15',
      topic: 'Дроби',
      teacher: { lastName: 'Математикова' },
      workType: { name: 'Контрольная работа' },
      homework: [{ text: '№ 12, 14' }],
      attendance: { studentId: kids.masha!.id, status: 'LATE', minutesLate: 5 },
    });
    // The mark's work type is the lesson's, and so is its weight in the diary.
    expect(monday!.marks).toMatchObject([
      { value: '5', comment: 'Отлично', date: MON, workType: { name: 'Контрольная работа' } },
    ]);
    expect(tuesday!.changeNote).toBe('Учитель на курсах');
    expect(wednesday).toMatchObject({
      teacher: { lastName: 'Заменова' },
      lessonId: null,
      marks: [],
      homework: [],
      attendance: null,
    });
  });

  it("R-ROLE-8, R-AUTH-4: classmates' marks and absences never appear in a diary", async () => {
    for (const [as, whose] of [
      ['masha', kids.masha!],
      ['parent', kids.masha!],
      ['classTeacherA', kids.masha!],
    ] as const) {
      const body = JSON.stringify((await week(as, whose)).data);
      for (const id of leaks) {
        expect(body).not.toContain(id);
      }
      expect(body).not.toContain('Чужая оценка');
      expect(body).not.toContain(kids.classmate!.id);
    }
    const monday = lessonsOf(await week('masha', kids.masha!))[0]!;
    expect(monday.marks.map((m) => m.value)).toEqual(['5']);
  });

  it('R-YEAR-5: a student who changed class mid-week sees the right class each day', async () => {
    const r = await week('moverParent', kids.mover!);
    expect(r.errors).toBeUndefined();
    const w = r.data!.diaryWeek;
    expect(w.days.map((d) => d.schoolClass?.name)).toEqual([
      '5А',
      '5А',
      '5Б',
      '5Б',
      '5Б',
      '5Б',
      '5Б',
    ]);
    expect(
      lessonsOf(r).map((l) => [l.date, l.subject.name, l.room, l.marks.map((m) => m.value)]),
    ).toEqual([
      [MON, 'Математика', '101', ['4']],
      ['2026-09-15', 'Русский язык', '102', []],
      // Not 5А's Wednesday maths (he has left), but 5Б's Thursday maths, with his test mark.
      ['2026-09-17', 'Математика', '105', ['3']],
    ]);
  });

  it('R-DRY-1: any week of the whole study, last year included; none outside it', async () => {
    const r = await week('parent', kids.masha!, '2025-10-08');
    expect(r.errors).toBeUndefined();
    expect(r.data!.diaryWeek.days[0]!.schoolClass?.name).toBe('4А');
    expect(lessonsOf(r)).toMatchObject([
      { date: '2025-10-06', lessonNumber: 2, startsAt: '09:25', marks: [{ value: '4' }] },
    ]);
    const before = await week('parent', kids.masha!, '2020-01-01');
    expect(before.errors).toBeUndefined();
    expect(
      before.data!.diaryWeek.days.every((d) => d.schoolClass === null && d.lessons.length === 0),
    ).toBe(true);
  });

  it('R-YEAR-1: the weekly timetable does not run in the holidays', async () => {
    // 27 October – 8 November: between the first and the second quarter.
    const r = await week('masha', kids.masha!, '2026-11-04');
    expect(r.errors).toBeUndefined();
    expect(lessonsOf(r)).toEqual([]);
    const term = await week('masha', kids.masha!, '2026-11-11');
    expect(lessonsOf(term).length).toBeGreaterThan(0);
  });
});

describe('diary period (R-DRY-1)', () => {
  it('R-DRY-1, R-JRN-5: marks by subject with plain and weighted averages, period and year marks', async () => {
    const r = await period('parent', kids.masha!, q1);
    expect(r.errors).toBeUndefined();
    const subjects = r.data!.diaryPeriod.subjects;
    expect(subjects.map((s) => s.subject.name)).toEqual([
      'Английский язык',
      'Математика',
      'Русский язык',
    ]);
    const [english, maths, russian] = subjects;
    expect(english).toMatchObject({ marks: [], average: null, periodMark: null, yearMark: null });
    // 5 at a test (weight 2) and 3: plain 4, weighted 13/3.
    expect(maths).toMatchObject({
      marks: [
        { date: MON, value: '5', weight: 2, workType: { name: 'Контрольная работа' } },
        { date: '2026-09-21', value: '3', workType: null },
      ],
      average: 4,
      weightedAverage: 4.33,
      periodMark: { value: '4', special: null },
      yearMark: { value: '5', special: null },
    });
    expect(russian).toMatchObject({
      marks: [],
      periodMark: { value: null, special: 'NOT_ATTESTED' },
    });
    expect(JSON.stringify(r.data)).not.toContain('"value":"2"');
  });

  it('R-YEAR-5, R-JRN-5: a student who moved class mid-period keeps every mark of the period', async () => {
    const r = await period('moverParent', kids.mover!, q1);
    expect(r.errors).toBeUndefined();
    const maths = r.data!.diaryPeriod.subjects.find((s) => s.subject.name === 'Математика')!;
    // 4 at a test (weight 2) in 5А and 3 (weight 1) in 5Б: plain 3.5, weighted 11/3.
    expect(maths.marks.map((m) => [m.value, m.weight])).toEqual([
      ['4', 2],
      ['3', 1],
    ]);
    expect(maths).toMatchObject({ average: 3.5, weightedAverage: 3.67 });
  });

  it('R-DRY-1: lists the periods of the whole study to choose from', async () => {
    const r = await gql<{ diaryPeriods: { id: string; kind: string }[] }>(
      app.url,
      `query($s: ID!) { diaryPeriods(studentId: $s) { id kind name startsOn } }`,
      { s: kids.masha!.id },
      { token: token.masha },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.diaryPeriods.map((p) => p.id)).toEqual([
      lastYearQ1.id,
      q1.id,
      yearPeriod.id,
      q2.id,
    ]);
    const old = await period('masha', kids.masha!, lastYearQ1);
    expect(old.data!.diaryPeriod.subjects).toMatchObject([
      { subject: { name: 'Математика' }, marks: [{ value: '4' }] },
    ]);
  });
});

describe('who reads a diary (R-ROLE-7, R-ROLE-8, R-AUTH-4)', () => {
  it('R-ROLE-8: a parent reads their own child’s week and not another family’s by id', async () => {
    expect((await week('parent', kids.masha!)).errors).toBeUndefined();
    const other = await week('parent', kids.classmate!);
    expect(codes(other)).toEqual(['NOT_FOUND']);
    expect(field(other)).toBe('studentId');
    expect(other.data).toBeNull();
    expect(codes(await period('parent', kids.classmate!, q1))).toEqual(['NOT_FOUND']);
  });

  it('R-ROLE-7: a student cannot read a classmate’s diary, nor a parent’s', async () => {
    expect(codes(await week('masha', kids.classmate!))).toEqual(['NOT_FOUND']);
    expect(codes(await period('masha', kids.classmate!, q1))).toEqual(['NOT_FOUND']);
  });

  it('myStudents: a student is their own, a parent has their children, staff have none', async () => {
    const mine = async (as: string) =>
      (
        await gql<{ myStudents: { id: string }[] }>(
          app.url,
          `query { myStudents { id lastName firstName } }`,
          {},
          { token: token[as] },
        )
      ).data?.myStudents.map((p) => p.id);
    expect(await mine('masha')).toEqual([kids.masha!.id]);
    expect(await mine('parent')).toEqual([kids.masha!.id]);
    expect(await mine('moverParent')).toEqual([kids.mover!.id]);
    expect(await mine('classTeacherA')).toEqual([]);
    expect(await mine('clerk')).toEqual([]);
  });

  it('R-ROLE-2, R-ROLE-6: the class teacher and the administration read; a subject teacher does not', async () => {
    expect((await week('classTeacherA', kids.masha!)).errors).toBeUndefined();
    expect((await week('deputy', kids.masha!)).errors).toBeUndefined();
    expect((await period('deputy', kids.masha!, q1)).errors).toBeUndefined();
    // Subject teachers read their own journal pages; the diary would show them every subject.
    expect(codes(await week('mathsTeacher', kids.masha!))).toEqual(['NOT_FOUND']);
    expect(codes(await week('classTeacherB', kids.masha!))).toEqual(['NOT_FOUND']);
  });

  it('R-ROLE-6: a class teacher sees a newcomer’s days in their class, not the days before', async () => {
    const r = await week('classTeacherB', kids.mover!);
    expect(r.errors).toBeUndefined();
    const days = r.data!.diaryWeek.days;
    expect(days.map((d) => d.schoolClass?.name ?? null)).toEqual([
      null,
      null,
      '5Б',
      '5Б',
      '5Б',
      '5Б',
      '5Б',
    ]);
    expect(lessonsOf(r).map((l) => l.date)).toEqual(['2026-09-17']);
    const p = await period('classTeacherB', kids.mover!, q1);
    const maths = p.data!.diaryPeriod.subjects.find((s) => s.subject.name === 'Математика')!;
    expect(maths.marks.map((m) => m.value)).toEqual(['3']);
  });

  it('R-AUTH-4: staff of another school get NOT_FOUND; a records clerk is refused; signed out is UNAUTHENTICATED', async () => {
    for (const as of ['teacherB', 'directorB']) {
      expect(codes(await week(as, kids.masha!))).toEqual(['NOT_FOUND']);
      expect(codes(await period(as, kids.masha!, q1))).toEqual(['NOT_FOUND']);
    }
    expect(codes(await week('clerk', kids.masha!))).toEqual(['FORBIDDEN']);
    const anonymous = await gql(app.url, WEEK, { s: kids.masha!.id, w: MON });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('a period of another school, or of a year the student was not in, is NOT_FOUND', async () => {
    const r = await period('parent', kids.masha!, periodB);
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(field(r)).toBe('periodId');
    expect(codes(await period('classTeacherB', kids.mover!, lastYearQ1))).toEqual(['NOT_FOUND']);
  });
});

describe('bad input', () => {
  it.each(['2026-13-01', '14.09.2026', '2026-02-30', ''])(
    'a malformed date (%s) is BAD_USER_INPUT on weekOf',
    async (weekOf) => {
      const r = await week('parent', kids.masha!, weekOf);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(field(r)).toBe('weekOf');
    },
  );

  it('malformed and unknown ids are NOT_FOUND with the field', async () => {
    const bad = await gql(app.url, WEEK, { s: 'x', w: MON }, { token: token.parent });
    expect(codes(bad)).toEqual(['NOT_FOUND']);
    expect(field(bad)).toBe('studentId');
    const unknown = await gql(
      app.url,
      WEEK,
      { s: '00000000-0000-4000-8000-000000000000', w: MON },
      { token: token.deputy },
    );
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const badPeriod = await gql(
      app.url,
      PERIOD,
      { s: kids.masha!.id, p: '1; drop table mark' },
      { token: token.parent },
    );
    expect(codes(badPeriod)).toEqual(['NOT_FOUND']);
    expect(field(badPeriod)).toBe('periodId');
  });
});

describe('fast by construction', () => {
  it('a diary week and a period view cost the same few SQL statements with 2 lessons and with 30, in a class of 10 and of 40', async () => {
    const fork = app.orm.em.fork();
    const school = await createSchool(fork);
    await createBells(fork, school);
    const year = await createYear(fork, school);
    const quarter = await createPeriod(fork, year);
    const teacher = await createPerson(fork, { school, roles: [Role.TEACHER] });
    const workType = await createWorkType(fork, school, { weight: 2 });

    const statementsFor = async (
      perDay: number,
      days: number,
      classSize: number,
      letter: string,
    ) => {
      const schoolClass = await createClass(fork, { school, year, letter });
      const { student, parent } = await createFamily(fork, { schoolClass });
      const tokenP = await sessionFor(fork, parent);
      // Classmates with marks and absences of their own at every lesson (R-AUTH-4: not shown).
      const classmates: Person[] = [];
      for (let i = 1; i < classSize; i++) {
        const mate = await createPerson(fork, { school, roles: [Role.STUDENT] });
        await enrol(fork, mate, schoolClass, year.startsOn);
        classmates.push(mate);
      }
      for (let n = 1; n <= perDay; n++) {
        const subject = await createSubject(fork, school);
        const assignment = await createAssignment(fork, { teacher, subject, schoolClass });
        for (let day = 1; day <= days; day++) {
          await createSlot(fork, assignment, { weekday: day, lessonNumber: n, room: `${n}` });
          const lesson = await createLesson(fork, assignment, {
            date: `2026-09-${String(13 + day).padStart(2, '0')}`,
            lessonNumber: n,
            workType,
          });
          addMark(fork, lesson, student, 4);
          for (const mate of classmates) {
            addMark(fork, lesson, mate, 5);
            fork.persist(
              fork.create(Attendance, {
                school,
                lesson,
                student: mate,
                status: AttendanceStatus.LATE,
                minutesLate: 5,
                enteredBy: teacher,
              }),
            );
          }
          fork.persist(
            fork.create(Homework, { school, lesson, text: `Задание ${n}`, enteredBy: teacher }),
          );
          fork.persist(
            fork.create(Attendance, {
              school,
              lesson,
              student,
              status: AttendanceStatus.ABSENT,
              enteredBy: teacher,
            }),
          );
        }
        await createChange(fork, assignment, {
          date: '2026-09-14',
          kind: TimetableChangeKind.ROOM_CHANGE,
          lessonNumber: n,
          room: 'Актовый зал',
          createdBy: teacher,
        });
      }
      fork.persist(
        fork.create(Announcement, {
          school,
          schoolClass,
          author: teacher,
          title: 'Собрание',
          body: 'В четверг',
          audience: AnnouncementAudience.PARENTS,
          publishedAt: new Date('2026-09-15T09:00:00Z'),
        }),
      );
      await fork.flush();
      app.resetQueries();
      const r = await gql<WeekData>(app.url, WEEK, { s: student.id, w: MON }, { token: tokenP });
      expect(r.errors).toBeUndefined();
      const lessons = lessonsOf(r);
      expect(lessons).toHaveLength(perDay * days);
      expect(lessons.every((l) => l.marks.length === 1 && l.homework.length === 1)).toBe(true);
      expect(lessons.every((l) => l.attendance?.studentId === student.id)).toBe(true);
      expect(r.data!.diaryWeek.announcements).toMatchObject([
        { title: 'Собрание', author: { lastName: teacher.lastName } },
      ]);
      const weekStatements = app.queries.length;

      app.resetQueries();
      const p = await gql<PeriodData>(
        app.url,
        PERIOD,
        { s: student.id, p: quarter.id },
        { token: tokenP },
      );
      expect(p.errors).toBeUndefined();
      const subjects = p.data!.diaryPeriod.subjects;
      expect(subjects).toHaveLength(perDay);
      expect(subjects.every((x) => x.marks.length === days && x.average === 4)).toBe(true);
      return { week: weekStatements, period: app.queries.length };
    };

    const small = await statementsFor(1, 2, 10, 'В');
    const crowded = await statementsFor(1, 2, 40, 'Д');
    const large = await statementsFor(6, 5, 10, 'Г');
    expect(crowded).toEqual(small);
    expect(large).toEqual(small);
    // Two of them resolve the session (its person, its roles); the row-scope statements given to
    // pooled connections are counted apart (`scopeStatements`), not here.
    expect(small.week).toBeLessThanOrEqual(4);
    expect(small.period).toBeLessThanOrEqual(4);
  });
});
