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
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import { Attendance, AttendanceStatus } from '../journal/attendance.entity.js';
import { Lesson } from '../journal/lesson.entity.js';
import { Mark } from '../journal/mark.entity.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import type { School } from '../school/school.entity.js';
import type { ReportingPeriod } from '../year/reporting-period.entity.js';
import type { SchoolClass } from '../year/school-class.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { TimetableSlot } from './timetable-slot.entity.js';

const SET_BELLS = `mutation($input: SetBellTimesInput!) { setBellTimes(input: $input) { lessonNumber startsAt endsAt } }`;
const BELLS = `query($s: ID!) { bellTimes(schoolId: $s) { lessonNumber startsAt endsAt } }`;
const CREATE = `mutation($input: CreateTimetableSlotInput!) { createTimetableSlot(input: $input) {
  id weekday lessonNumber room validFrom validTo assignment { id } } }`;
const SLOT_PAYLOAD = `slot { id weekday lessonNumber room validFrom validTo }
  previousSlot { id validFrom validTo }
  conflicts { lesson { id date topic } markCount attendanceCount homeworkCount }`;
const UPDATE = `mutation($input: UpdateTimetableSlotInput!) { updateTimetableSlot(input: $input) { ${SLOT_PAYLOAD} } }`;
const END = `mutation($input: EndTimetableSlotInput!) { endTimetableSlot(input: $input) { ${SLOT_PAYLOAD} } }`;
const PUBLISH = `mutation($input: PublishTimetableChangeInput!) { publishTimetableChange(input: $input) {
  change { id date kind lessonNumber room note publishedAt slotId assignment { id } substituteTeacher { id } }
  conflicts { lesson { id date } markCount } } }`;
const TIMETABLE = `query($c: ID!, $w: String!) { timetable(schoolClassId: $c, weekOf: $w) {
  startsOn endsOn schoolClass { id } bellTimes { lessonNumber startsAt }
  slots { id weekday lessonNumber }
  changes { kind date }
  days { date weekday lessons { lessonNumber startsAt endsAt room status change slotId lessonId
    assignment { id subgroup { id } } teacher { id } } } } }`;
const DIARY = `query($s: ID!, $w: String!) { diaryWeek(studentId: $s, weekOf: $w) {
  days { date lessons { lessonNumber room status change changeNote lessonId subject { id } teacher { id } } } } }`;
const JOURNAL = `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) {
  lessons { id date topic } marks { id lessonId studentId value } attendance { studentId status } } }`;

interface SlotPayload {
  slot: {
    id: string;
    weekday: number;
    lessonNumber: number;
    room: string | null;
    validFrom: string;
    validTo: string | null;
  };
  previousSlot: { id: string; validFrom: string; validTo: string | null } | null;
  conflicts: {
    lesson: { id: string; date: string; topic: string | null };
    markCount: number;
    attendanceCount: number;
    homeworkCount: number;
  }[];
}
interface Entry {
  lessonNumber: number | null;
  startsAt: string | null;
  room: string | null;
  status: string;
  change: string | null;
  slotId: string | null;
  lessonId: string | null;
  assignment: { id: string; subgroup: { id: string } | null };
  teacher: { id: string };
}
interface DiaryLesson {
  lessonNumber: number | null;
  room: string | null;
  status: string;
  change: string | null;
  changeNote: string | null;
  lessonId: string | null;
  subject: { id: string };
  teacher: { id: string };
}

let app: TestApp;
let em: EntityManager;
let school: School;
let c5a: SchoolClass;
let period: ReportingPeriod;
const token: Record<string, string> = {};
const person: Record<string, Person> = {};
const page: Record<string, TeachingAssignment> = {};
const slot: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  school = await createSchool(em);
  const otherSchool = await createSchool(em);
  const people: [string, School, Role][] = [
    ['director', school, Role.DIRECTOR],
    ['deputy', school, Role.DEPUTY],
    ['maths', school, Role.TEACHER],
    ['englishA', school, Role.TEACHER],
    ['englishB', school, Role.TEACHER],
    ['russian', school, Role.TEACHER],
    ['substitute', school, Role.TEACHER],
    ['clerk', school, Role.RECORDS_CLERK],
    ['stranger', otherSchool, Role.DIRECTOR],
  ];
  for (const [name, s, role] of people) {
    person[name] = await createPerson(em, { school: s, roles: [role], lastName: name });
    token[name] = await sessionFor(em, person[name]);
  }
  const year = await createYear(em, school);
  period = await createPeriod(em, year);
  c5a = await createClass(em, { school, year, letter: 'А' });
  const c5b = await createClass(em, { school, year, letter: 'Б' });
  const maths = await createSubject(em, school, 'Математика');
  const english = await createSubject(em, school, 'Английский язык');
  const russian = await createSubject(em, school, 'Русский язык');
  const masha = await createFamily(em, { schoolClass: c5a });
  const petya = await createFamily(em, { schoolClass: c5a });
  person.masha = masha.student;
  person.petya = petya.student;
  token.mashaParent = await sessionFor(em, masha.parent);
  token.petyaParent = await sessionFor(em, petya.parent);
  const group1 = await createSubgroup(em, c5a, english, [masha.student]);
  const group2 = await createSubgroup(em, c5a, english, [petya.student]);
  page.maths5a = await createAssignment(em, {
    teacher: person.maths!,
    subject: maths,
    schoolClass: c5a,
  });
  page.english1 = await createAssignment(em, {
    teacher: person.englishA!,
    subject: english,
    schoolClass: c5a,
    subgroup: group1,
  });
  page.english2 = await createAssignment(em, {
    teacher: person.englishB!,
    subject: english,
    schoolClass: c5a,
    subgroup: group2,
  });
  page.russian5a = await createAssignment(em, {
    teacher: person.russian!,
    subject: russian,
    schoolClass: c5a,
  });
  page.maths5b = await createAssignment(em, {
    teacher: person.maths!,
    subject: maths,
    schoolClass: c5b,
  });
  page.russian5b = await createAssignment(em, {
    teacher: person.russian!,
    subject: russian,
    schoolClass: c5b,
  });
});

afterAll(async () => {
  await app?.close();
});

const call = <T>(op: string, as: string, input: Record<string, unknown>) =>
  gql<Record<string, T>>(app.url, op, { input }, { token: token[as] });
const refused = (r: GqlResult<unknown>, code: string, field?: string) => {
  expect(codes(r)).toEqual([code]);
  if (field) {
    expect(r.errors?.[0]?.extensions?.field).toBe(field);
  }
};
const slotCount = () => em.fork().count(TimetableSlot, {});
const createSlot = async (input: Record<string, unknown>) => {
  const r = await call<{ id: string }>(CREATE, 'director', input);
  expect(r.errors).toBeUndefined();
  return r.data!.createTimetableSlot!.id;
};
const diary = async (as: string, student: Person, week: string) => {
  const r = await gql<{ diaryWeek: { days: { date: string; lessons: DiaryLesson[] }[] } }>(
    app.url,
    DIARY,
    { s: student.id, w: week },
    { token: token[as] },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.diaryWeek.days;
};
const dayOf = <T>(days: { date: string; lessons: T[] }[], date: string) =>
  days.find((d) => d.date === date)!.lessons;

describe('bell times (R-YEAR-4)', () => {
  const bells = [
    { lessonNumber: 2, startsAt: '09:25', endsAt: '10:10' },
    { lessonNumber: 1, startsAt: '08:30', endsAt: '09:15' },
    { lessonNumber: 3, startsAt: '10:30', endsAt: '11:15' },
    { lessonNumber: 5, startsAt: '12:30', endsAt: '13:15' },
  ];

  it('R-YEAR-4: the administration sets the bell schedule, audited; staff read it', async () => {
    const r = await call(SET_BELLS, 'deputy', { schoolId: school.id, times: bells });
    expect(r.errors).toBeUndefined();
    expect(r.data!.setBellTimes).toEqual([bells[1], bells[0], bells[2], bells[3]]);
    const again = await call(SET_BELLS, 'director', {
      schoolId: school.id,
      times: [...bells, { lessonNumber: 6, startsAt: '13:25', endsAt: '14:10' }],
    });
    expect(again.errors).toBeUndefined();
    const read = await gql<{ bellTimes: unknown[] }>(
      app.url,
      BELLS,
      { s: school.id },
      { token: token.clerk },
    );
    expect(read.data?.bellTimes).toHaveLength(5);
    expect(
      await em.fork().count(AuditEvent, { entityType: 'BellSchedule', entityId: school.id }),
    ).toBe(2);
  });

  it.each([
    [
      'overlapping lessons',
      [bells[1], { lessonNumber: 2, startsAt: '09:10', endsAt: '10:00' }],
      'times.1.startsAt',
    ],
    [
      'a lesson ending before it starts',
      [{ lessonNumber: 1, startsAt: '09:00', endsAt: '08:45' }],
      'times.0.startsAt',
    ],
    [
      'a time that is not HH:MM',
      [{ lessonNumber: 1, startsAt: '8.30', endsAt: '09:15' }],
      'times.0.startsAt',
    ],
    ['a lesson listed twice', [bells[1], bells[1]], 'times.1.lessonNumber'],
    [
      'a lesson number out of range',
      [{ lessonNumber: 13, startsAt: '18:00', endsAt: '18:45' }],
      'times.0.lessonNumber',
    ],
  ])('R-YEAR-4: refuses %s and writes nothing', async (_n, times, field) => {
    refused(
      await call(SET_BELLS, 'director', { schoolId: school.id, times }),
      'BAD_USER_INPUT',
      field,
    );
    const read = await gql<{ bellTimes: unknown[] }>(
      app.url,
      BELLS,
      { s: school.id },
      { token: token.director },
    );
    expect(read.data?.bellTimes).toHaveLength(5);
  });

  it('R-ROLE-2: only the administration of the school sets bell times', async () => {
    refused(await call(SET_BELLS, 'maths', { schoolId: school.id, times: bells }), 'FORBIDDEN');
    refused(await call(SET_BELLS, 'stranger', { schoolId: school.id, times: bells }), 'NOT_FOUND');
  });
});

describe('weekly slots (R-YEAR-4)', () => {
  it('R-YEAR-4: the administration puts pages into the week; subgroups run in parallel', async () => {
    slot.maths = await createSlot({
      assignmentId: page.maths5a!.id,
      weekday: 1,
      lessonNumber: 1,
      room: '101',
    });
    slot.english1 = await createSlot({
      assignmentId: page.english1!.id,
      weekday: 1,
      lessonNumber: 2,
      room: '201',
    });
    slot.english2 = await createSlot({
      assignmentId: page.english2!.id,
      weekday: 1,
      lessonNumber: 2,
      room: '202',
    });
    const row = await em.fork().findOneOrFail(TimetableSlot, slot.maths);
    expect([row.validFrom, row.validTo, row.room]).toEqual(['2026-09-01', null, '101']);
    expect(await em.fork().count(AuditEvent, { entityId: slot.maths, action: 'create' })).toBe(1);
  });

  it.each([
    [
      'the same class',
      () => ({ assignmentId: page.russian5a!.id, weekday: 1, lessonNumber: 1 }),
      'CLASS',
    ],
    [
      'the class while its subgroups are taught',
      () => ({ assignmentId: page.russian5a!.id, weekday: 1, lessonNumber: 2 }),
      'CLASS',
    ],
    [
      'the same teacher',
      () => ({ assignmentId: page.maths5b!.id, weekday: 1, lessonNumber: 1 }),
      'TEACHER',
    ],
    [
      'the same room',
      () => ({ assignmentId: page.russian5b!.id, weekday: 1, lessonNumber: 1, room: '101' }),
      'ROOM',
    ],
    [
      'the same page, from a later date',
      () => ({
        assignmentId: page.maths5a!.id,
        weekday: 1,
        lessonNumber: 1,
        validFrom: '2026-10-05',
      }),
      'CLASS',
    ],
  ])(
    'R-YEAR-4: refuses a timetable slot taken twice by %s, writing nothing',
    async (_n, input, what) => {
      const before = await slotCount();
      const r = await call(CREATE, 'director', input());
      refused(r, 'BAD_USER_INPUT', 'lessonNumber');
      expect(r.errors?.[0]?.extensions?.takenBy).toBe(what);
      expect(await slotCount()).toBe(before);
    },
  );

  it('R-YEAR-4: refuses a weekday, lesson number or date out of range', async () => {
    const base = { assignmentId: page.russian5a!.id, weekday: 2, lessonNumber: 1 };
    refused(await call(CREATE, 'director', { ...base, weekday: 8 }), 'BAD_USER_INPUT', 'weekday');
    refused(
      await call(CREATE, 'director', { ...base, lessonNumber: 13 }),
      'BAD_USER_INPUT',
      'lessonNumber',
    );
    refused(
      await call(CREATE, 'director', { ...base, validFrom: '2027-06-15' }),
      'BAD_USER_INPUT',
      'validFrom',
    );
  });

  it('R-ROLE-2: staff read the timetable; only the administration writes it', async () => {
    const input = { assignmentId: page.russian5a!.id, weekday: 2, lessonNumber: 1 };
    refused(await call(CREATE, 'maths', input), 'FORBIDDEN');
    refused(await call(CREATE, 'clerk', input), 'FORBIDDEN');
    refused(await call(CREATE, 'mashaParent', input), 'FORBIDDEN');
    refused(await call(CREATE, 'stranger', input), 'NOT_FOUND');
    const stranger = await gql(
      app.url,
      TIMETABLE,
      { c: c5a.id, w: '2026-09-07' },
      { token: token.stranger },
    );
    refused(stranger, 'NOT_FOUND', 'schoolClassId');
  });

  it('R-YEAR-4: the class timetable of a week shows slots, bell times and both subgroups', async () => {
    const r = await gql<{
      timetable: {
        startsOn: string;
        endsOn: string;
        schoolClass: { id: string };
        bellTimes: unknown[];
        slots: { id: string }[];
        days: { date: string; weekday: number; lessons: Entry[] }[];
      };
    }>(app.url, TIMETABLE, { c: c5a.id, w: '2026-09-09' }, { token: token.maths });
    expect(r.errors).toBeUndefined();
    const t = r.data!.timetable;
    expect([t.startsOn, t.endsOn, t.schoolClass.id]).toEqual(['2026-09-07', '2026-09-13', c5a.id]);
    expect(t.slots.map((s) => s.id).sort()).toEqual(
      [slot.maths, slot.english1, slot.english2].sort(),
    );
    const monday = dayOf(t.days, '2026-09-07');
    // Parallel lessons come in page order; compare them by room.
    const rows = monday
      .map((e) => [e.lessonNumber, e.startsAt, e.room, e.teacher.id])
      .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[2]).localeCompare(String(b[2])));
    expect(rows).toEqual([
      [1, '08:30', '101', person.maths!.id],
      [2, '09:25', '201', person.englishA!.id],
      [2, '09:25', '202', person.englishB!.id],
    ]);
    expect(dayOf(t.days, '2026-09-08')).toEqual([]);
  });
});

describe('changing the timetable never orphans a record (R-YEAR-4)', () => {
  const lessons: Record<string, Lesson> = {};

  beforeAll(async () => {
    for (const date of ['2026-09-07', '2026-09-14', '2026-09-21']) {
      const lesson = await createLesson(em, page.maths5a!, { date, lessonNumber: 1 });
      lessons[date] = lesson;
      em.persist(
        em.create(Mark, {
          school,
          lesson,
          student: person.masha!,
          value: '5',
          numericValue: 5,
          enteredBy: person.maths!,
        }),
      );
      em.persist(
        em.create(Attendance, {
          school,
          lesson,
          student: person.petya!,
          status: AttendanceStatus.ABSENT,
          enteredBy: person.maths!,
        }),
      );
    }
    await em.flush();
  });

  it('R-YEAR-4 (the timetable test): moving a slot with recorded lessons loses no record and reports them', async () => {
    const lessonsBefore = await em.fork().count(Lesson, { assignment: page.maths5a! });
    const r = await call<SlotPayload>(UPDATE, 'director', {
      slotId: slot.maths,
      from: '2026-09-14',
      weekday: 3,
      lessonNumber: 3,
      room: '102',
      reason: 'Новое расписание со второй недели',
    });
    expect(r.errors).toBeUndefined();
    const p = r.data!.updateTimetableSlot!;
    expect(p.previousSlot).toEqual({
      id: slot.maths,
      validFrom: '2026-09-01',
      validTo: '2026-09-14',
    });
    expect(p.slot).toMatchObject({
      weekday: 3,
      lessonNumber: 3,
      room: '102',
      validFrom: '2026-09-14',
      validTo: null,
    });
    expect(p.slot.id).not.toBe(slot.maths);
    expect(
      p.conflicts.map((c) => [c.lesson.id, c.lesson.date, c.markCount, c.attendanceCount]),
    ).toEqual([
      [lessons['2026-09-14']!.id, '2026-09-14', 1, 1],
      [lessons['2026-09-21']!.id, '2026-09-21', 1, 1],
    ]);
    slot.mathsWednesday = p.slot.id;

    // Every lesson, mark and absence is still in the journal page.
    expect(await em.fork().count(Lesson, { assignment: page.maths5a! })).toBe(lessonsBefore);
    const journal = await gql<{
      journalPage: {
        lessons: { id: string; date: string; topic: string }[];
        marks: { lessonId: string; studentId: string; value: string }[];
        attendance: { studentId: string }[];
      };
    }>(app.url, JOURNAL, { a: page.maths5a!.id, p: period.id }, { token: token.maths });
    expect(journal.errors).toBeUndefined();
    const jp = journal.data!.journalPage;
    expect(jp.lessons.map((l) => l.date)).toEqual(['2026-09-07', '2026-09-14', '2026-09-21']);
    expect(jp.lessons.every((l) => l.topic)).toBe(true);
    expect(jp.marks.map((m) => [m.lessonId, m.studentId, m.value]).sort()).toEqual(
      Object.values(lessons)
        .map((l) => [l.id, person.masha!.id, '5'])
        .sort(),
    );
    expect(jp.attendance).toHaveLength(3);

    // The diary: the recorded lesson keeps its place; the week after, the new place.
    const week3 = await diary('mashaParent', person.masha!, '2026-09-21');
    expect(
      dayOf(week3, '2026-09-21').find((l) => l.lessonId === lessons['2026-09-21']!.id),
    ).toBeDefined();
    expect(dayOf(week3, '2026-09-23').map((l) => [l.lessonNumber, l.room])).toEqual([[3, '102']]);
    const week1 = await diary('mashaParent', person.masha!, '2026-09-07');
    expect(dayOf(week1, '2026-09-09')).toEqual([]);
    expect(
      await em
        .fork()
        .count(AuditEvent, { entityType: 'TimetableSlot', action: 'end', entityId: slot.maths }),
    ).toBe(1);
  });

  it('R-YEAR-4: refuses a change that starts before the slot, changes nothing or takes a place twice', async () => {
    const before = await slotCount();
    refused(
      await call(UPDATE, 'director', {
        slotId: slot.mathsWednesday,
        from: '2026-09-07',
        weekday: 4,
      }),
      'BAD_USER_INPUT',
      'from',
    );
    refused(
      await call(UPDATE, 'director', {
        slotId: slot.mathsWednesday,
        from: '2026-09-28',
        room: '102',
      }),
      'BAD_USER_INPUT',
      'from',
    );
    const taken = await call(UPDATE, 'director', {
      slotId: slot.mathsWednesday,
      from: '2026-09-28',
      weekday: 1,
      lessonNumber: 2,
    });
    refused(taken, 'BAD_USER_INPUT', 'lessonNumber');
    expect(taken.errors?.[0]?.extensions?.takenBy).toBe('CLASS');
    refused(
      await call(UPDATE, 'maths', { slotId: slot.mathsWednesday, from: '2026-09-28', room: '7' }),
      'FORBIDDEN',
    );
    expect(await slotCount()).toBe(before);
  });

  it('R-YEAR-4: ending a slot keeps its history and reports the recorded lessons after the end', async () => {
    const lesson = await createLesson(em, page.english2!, {
      date: '2026-10-05',
      lessonNumber: 2,
      topic: 'Present Simple',
    });
    refused(
      await call(END, 'director', { slotId: slot.english2, from: '2026-09-01' }),
      'BAD_USER_INPUT',
      'from',
    );
    const r = await call<SlotPayload>(END, 'director', {
      slotId: slot.english2,
      from: '2026-09-28',
      reason: 'Группа объединена',
    });
    expect(r.errors).toBeUndefined();
    const p = r.data!.endTimetableSlot!;
    expect(p.slot).toMatchObject({
      id: slot.english2,
      validFrom: '2026-09-01',
      validTo: '2026-09-28',
    });
    expect(p.conflicts.map((c) => [c.lesson.id, c.lesson.topic, c.markCount])).toEqual([
      [lesson.id, 'Present Simple', 0],
    ]);
    expect(await em.fork().findOne(Lesson, lesson.id)).not.toBeNull();
    const t = await gql<{ timetable: { slots: { id: string }[] } }>(
      app.url,
      TIMETABLE,
      { c: c5a.id, w: '2026-09-28' },
      { token: token.director },
    );
    expect(t.data!.timetable.slots.map((s) => s.id)).not.toContain(slot.english2);
    const before = await gql<{ timetable: { slots: { id: string }[] } }>(
      app.url,
      TIMETABLE,
      { c: c5a.id, w: '2026-09-21' },
      { token: token.director },
    );
    expect(before.data!.timetable.slots.map((s) => s.id)).toContain(slot.english2);
    refused(
      await call(END, 'director', { slotId: slot.english2, from: '2026-10-12' }),
      'BAD_USER_INPUT',
      'from',
    );
  });
});

describe('dated changes published to the diaries (R-YEAR-4)', () => {
  it('R-YEAR-4: a cancellation reaches the diary; a recorded lesson that day keeps its records', async () => {
    const recorded = await createLesson(em, page.maths5a!, { date: '2026-09-16', lessonNumber: 3 });
    em.persist(
      em.create(Mark, {
        school,
        lesson: recorded,
        student: person.masha!,
        value: '4',
        numericValue: 4,
        enteredBy: person.maths!,
      }),
    );
    await em.flush();
    const r = await call<{
      change: { kind: string; lessonNumber: number; publishedAt: string | null };
      conflicts: { lesson: { id: string }; markCount: number }[];
    }>(PUBLISH, 'director', {
      kind: 'CANCELLED',
      slotId: slot.mathsWednesday,
      date: '2026-09-16',
      note: 'Учитель на курсах',
    });
    expect(r.errors).toBeUndefined();
    const p = r.data!.publishTimetableChange!;
    expect([p.change.kind, p.change.lessonNumber, p.change.publishedAt !== null]).toEqual([
      'CANCELLED',
      3,
      true,
    ]);
    expect(p.conflicts.map((c) => [c.lesson.id, c.markCount])).toEqual([[recorded.id, 1]]);
    expect(await em.fork().count(Mark, { lesson: recorded })).toBe(1);

    const cancelled = await call(PUBLISH, 'director', {
      kind: 'CANCELLED',
      slotId: slot.mathsWednesday,
      date: '2026-09-30',
      note: 'Экскурсия',
    });
    expect(cancelled.errors).toBeUndefined();
    const day = dayOf(await diary('mashaParent', person.masha!, '2026-09-30'), '2026-09-30');
    expect(day.map((l) => [l.lessonNumber, l.status, l.change, l.changeNote])).toEqual([
      [3, 'CANCELLED', 'CANCELLED', 'Экскурсия'],
    ]);
  });

  it('R-YEAR-4: a substitute and a room change show in the diary', async () => {
    const sub = await call<{ change: { substituteTeacher: { id: string } } }>(PUBLISH, 'deputy', {
      kind: 'SUBSTITUTION',
      slotId: slot.mathsWednesday,
      date: '2026-09-23',
      substituteTeacherId: person.substitute!.id,
    });
    expect(sub.errors).toBeUndefined();
    expect(sub.data!.publishTimetableChange!.change.substituteTeacher.id).toBe(
      person.substitute!.id,
    );
    const room = await call(PUBLISH, 'director', {
      kind: 'ROOM_CHANGE',
      slotId: slot.english1,
      date: '2026-09-21',
      room: 'Актовый зал',
    });
    expect(room.errors).toBeUndefined();
    const week = await diary('mashaParent', person.masha!, '2026-09-21');
    expect(dayOf(week, '2026-09-23').map((l) => [l.change, l.teacher.id])).toEqual([
      ['SUBSTITUTION', person.substitute!.id],
    ]);
    expect(
      dayOf(week, '2026-09-21')
        .filter((l) => l.lessonNumber === 2)
        .map((l) => [l.change, l.room]),
    ).toEqual([['ROOM_CHANGE', 'Актовый зал']]);
  });

  it('R-YEAR-4: a moved lesson and an added one reach only the students concerned', async () => {
    const moved = await call(PUBLISH, 'director', {
      kind: 'MOVED',
      slotId: slot.mathsWednesday,
      date: '2026-10-08',
      lessonNumber: 5,
    });
    expect(moved.errors).toBeUndefined();
    const added = await call(PUBLISH, 'director', {
      kind: 'ADDED',
      assignmentId: page.english1!.id,
      date: '2026-10-09',
      lessonNumber: 6,
      room: '201',
      note: 'Дополнительное занятие',
    });
    expect(added.errors).toBeUndefined();
    const masha = await diary('mashaParent', person.masha!, '2026-10-05');
    expect(dayOf(masha, '2026-10-07')).toEqual([]);
    expect(dayOf(masha, '2026-10-08').map((l) => [l.lessonNumber, l.change])).toEqual([
      [5, 'MOVED'],
    ]);
    expect(dayOf(masha, '2026-10-09').map((l) => [l.lessonNumber, l.change, l.room])).toEqual([
      [6, 'ADDED', '201'],
    ]);
    const petya = await diary('petyaParent', person.petya!, '2026-10-05');
    expect(dayOf(petya, '2026-10-08').map((l) => l.change)).toEqual(['MOVED']);
    expect(dayOf(petya, '2026-10-09')).toEqual([]);

    const t = await gql<{ timetable: { changes: { kind: string; date: string }[] } }>(
      app.url,
      TIMETABLE,
      { c: c5a.id, w: '2026-10-05' },
      { token: token.clerk },
    );
    expect(t.data!.timetable.changes).toEqual([
      { kind: 'MOVED', date: '2026-10-08' },
      { kind: 'ADDED', date: '2026-10-09' },
    ]);
  });

  it('R-YEAR-4: refuses a change into a place taken that day, unless the lesson there is cancelled', async () => {
    const added = (date: string) =>
      call(PUBLISH, 'director', {
        kind: 'ADDED',
        assignmentId: page.russian5a!.id,
        date,
        lessonNumber: 3,
      });
    const taken = await added('2026-10-14');
    refused(taken, 'BAD_USER_INPUT', 'lessonNumber');
    expect(taken.errors?.[0]?.extensions?.takenBy).toBe('CLASS');
    const cancel = await call(PUBLISH, 'director', {
      kind: 'CANCELLED',
      slotId: slot.mathsWednesday,
      date: '2026-10-21',
    });
    expect(cancel.errors).toBeUndefined();
    expect((await added('2026-10-21')).errors).toBeUndefined();

    // A substitute who teaches elsewhere at that hour.
    await createSlot({ assignmentId: page.russian5b!.id, weekday: 1, lessonNumber: 2 });
    const busy = await call(PUBLISH, 'director', {
      kind: 'SUBSTITUTION',
      slotId: slot.english1,
      date: '2026-10-12',
      substituteTeacherId: person.russian!.id,
    });
    refused(busy, 'BAD_USER_INPUT', 'lessonNumber');
    expect(busy.errors?.[0]?.extensions?.takenBy).toBe('TEACHER');
    // A room another lesson moved into.
    const room = await call(PUBLISH, 'director', {
      kind: 'ROOM_CHANGE',
      slotId: slot.english1,
      date: '2026-10-12',
      room: '305',
    });
    expect(room.errors).toBeUndefined();
    const moveIn = await call(PUBLISH, 'director', {
      kind: 'MOVED',
      slotId: slot.mathsWednesday,
      date: '2026-10-12',
      lessonNumber: 2,
      room: '305',
    });
    refused(moveIn, 'BAD_USER_INPUT', 'lessonNumber');
    expect(moveIn.errors?.[0]?.extensions?.takenBy).toBe('CLASS');
    const russian5b = await em.fork().findOneOrFail(TimetableSlot, {
      assignment: page.russian5b!.id,
    });
    const sameRoom = await call(PUBLISH, 'director', {
      kind: 'ROOM_CHANGE',
      slotId: russian5b.id,
      date: '2026-10-12',
      room: '305',
    });
    refused(sameRoom, 'BAD_USER_INPUT', 'lessonNumber');
    expect(sameRoom.errors?.[0]?.extensions?.takenBy).toBe('ROOM');
  });

  it.each([
    ['a day the slot does not run', { kind: 'CANCELLED', date: '2026-09-22' }, 'date'],
    [
      'a substitution without a substitute',
      { kind: 'SUBSTITUTION', date: '2026-10-14' },
      'substituteTeacherId',
    ],
    [
      'the page teacher as their own substitute',
      { kind: 'SUBSTITUTION', date: '2026-10-14', substituteTeacherId: 'maths' },
      'substituteTeacherId',
    ],
    ['a room change without a room', { kind: 'ROOM_CHANGE', date: '2026-10-14' }, 'room'],
    [
      'a move to a week the slot does not run',
      { kind: 'MOVED', date: '2026-09-10', lessonNumber: 4 },
      'date',
    ],
    ['the same change twice', { kind: 'CANCELLED', date: '2026-09-30' }, 'date'],
    ['a date outside the year', { kind: 'CANCELLED', date: '2027-07-07' }, 'date'],
  ])('R-YEAR-4: refuses %s, writing nothing', async (_n, spec, field) => {
    const input: Record<string, unknown> = { slotId: slot.mathsWednesday, ...spec };
    if (input.substituteTeacherId === 'maths') {
      input.substituteTeacherId = person.maths!.id;
    }
    const before = await em.fork().count(AuditEvent, { entityType: 'TimetableChange' });
    refused(await call(PUBLISH, 'director', input), 'BAD_USER_INPUT', field);
    expect(await em.fork().count(AuditEvent, { entityType: 'TimetableChange' })).toBe(before);
  });

  it('R-ROLE-2: only the administration of the school publishes changes', async () => {
    const input = { kind: 'CANCELLED', slotId: slot.mathsWednesday, date: '2026-10-14' };
    refused(await call(PUBLISH, 'maths', input), 'FORBIDDEN');
    refused(await call(PUBLISH, 'stranger', input), 'NOT_FOUND');
  });
});
