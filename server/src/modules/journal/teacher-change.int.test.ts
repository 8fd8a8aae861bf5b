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
  createSubject,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { TimetableSlot } from '../timetable/timetable-slot.entity.js';
import type { ReportingPeriod } from '../year/reporting-period.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { Lesson } from './lesson.entity.js';
import { Mark } from './mark.entity.js';
import { PeriodMark } from './period-mark.entity.js';

// A teacher taken off a page (changeTeacher) writes nothing on the days that are now another's;
// a substitute writes the lessons given to them and no other (R-ROLE-4, R-ROLE-5, R-YEAR-3).

const CHANGE = `mutation($input: ChangeTeacherInput!) { changeTeacher(input: $input) { id } }`;
const ASSIGN = `mutation($input: AssignSubstituteInput!) { assignSubstitute(input: $input) { timetabledLessons } }`;
const CREATE = `mutation($input: CreateLessonInput!) { createLesson(input: $input) { id } }`;
const MARKS = `mutation($input: SetMarksInput!) { setMarks(input: $input) { marks { id value } } }`;
const PERIOD_MARKS = `mutation($input: SetPeriodMarksInput!) { setPeriodMarks(input: $input) { periodMarks { value } } }`;
const PAGES = `query { myJournalPages { id } }`;
const PAGE = `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) { access } }`;

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
let oldPage: TeachingAssignment;
let newPageId: string;
let quarter: ReportingPeriod;
let student: Person;
let sub: Person;
/** Recorded by the old teacher before the change, on a day they kept the page. */
let ownDay: Lesson;
/** Recorded by the old teacher ahead of time, on a day that passes to the new teacher. */
let movedDay: Lesson;

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  quarter = await createPeriod(em, year);
  const oldTeacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const newTeacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  sub = await createPerson(em, { school, roles: [Role.TEACHER] });
  const deputy = await createPerson(em, { school, roles: [Role.DEPUTY] });
  const schoolClass = await createClass(em, { school, year });
  student = (await createFamily(em, { schoolClass })).student;
  oldPage = await createAssignment(em, {
    teacher: oldTeacher,
    subject: await createSubject(em, school),
    schoolClass,
  });
  // Mondays, second lesson.
  em.persist(
    em.create(TimetableSlot, {
      school,
      year,
      assignment: oldPage,
      weekday: 1,
      lessonNumber: 2,
      validFrom: year.startsOn,
    }),
  );
  await em.flush();
  ownDay = await createLesson(em, oldPage, { date: '2026-09-14', lessonNumber: 2 });
  movedDay = await createLesson(em, oldPage, { date: '2026-10-05', lessonNumber: 2 });
  for (const [name, p] of Object.entries({ oldTeacher, newTeacher, sub, deputy })) {
    token[name] = await sessionFor(em, p);
  }
  const changed = await gql<{ changeTeacher: { id: string } }>(
    app.url,
    CHANGE,
    {
      input: {
        assignmentId: oldPage.id,
        teacherId: newTeacher.id,
        from: '2026-10-01',
        reason: 'Учитель перешёл в другую школу',
      },
    },
    { token: token.deputy },
  );
  expect(changed.errors).toBeUndefined();
  newPageId = changed.data!.changeTeacher.id;
});

afterAll(async () => {
  await app?.close();
});

const as = (who: string, query: string, variables: Record<string, unknown>) =>
  gql(app.url, query, variables, { token: token[who] });
const marksOf = (lesson: Lesson) => em.fork().count(Mark, { lesson: lesson.id });

describe('a change of teacher (R-ROLE-4, R-YEAR-3)', () => {
  it('the moved lesson still names the old teacher as conducting it', async () => {
    const lesson = await em.fork().findOneOrFail(Lesson, movedDay.id);
    expect(lesson.assignment.id).toBe(newPageId);
    expect(lesson.conductingTeacher.id).toBe(oldPage.teacher.id);
  });

  it('the old teacher cannot mark a lesson now on the new teacher’s page, nor see that page', async () => {
    const r = await as('oldTeacher', MARKS, {
      input: { lessonId: movedDay.id, add: [{ studentId: student.id, value: '5' }] },
    });
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(await marksOf(movedDay)).toBe(0);
    const page = await as('oldTeacher', PAGE, { a: newPageId, p: quarter.id });
    expect(codes(page)).toEqual(['NOT_FOUND']);
  });

  it('the old teacher records no lesson after the change, on either page', async () => {
    const onOld = await as('oldTeacher', CREATE, {
      input: { assignmentId: oldPage.id, date: '2026-10-12', lessonNumber: 2 },
    });
    expect(codes(onOld)).toEqual(['BAD_USER_INPUT']);
    expect(onOld.errors?.[0]?.extensions?.field).toBe('date');
    const onNew = await as('oldTeacher', CREATE, {
      input: { assignmentId: newPageId, date: '2026-10-12', lessonNumber: 2 },
    });
    expect(codes(onNew)).toEqual(['NOT_FOUND']);
    expect(await em.fork().count(Lesson, { date: '2026-10-12' })).toBe(0);
  });

  it('the old teacher sets no period mark through the ended row; the new teacher does', async () => {
    const input = {
      periodId: quarter.id,
      marks: [{ studentId: student.id, value: '4' }],
    };
    const old = await as('oldTeacher', PERIOD_MARKS, {
      input: { ...input, assignmentId: oldPage.id },
    });
    expect(codes(old)).toEqual(['BAD_USER_INPUT']);
    expect(old.errors?.[0]?.extensions?.field).toBe('periodId');
    expect(await em.fork().count(PeriodMark, { student: student.id })).toBe(0);
    const fresh = await as('newTeacher', PERIOD_MARKS, {
      input: { ...input, assignmentId: newPageId },
    });
    expect(fresh.errors).toBeUndefined();
    expect(await em.fork().count(PeriodMark, { student: student.id })).toBe(1);
  });

  it('the new teacher marks the moved lesson and records lessons from the change on, not before', async () => {
    const r = await as('newTeacher', MARKS, {
      input: { lessonId: movedDay.id, add: [{ studentId: student.id, value: '5' }] },
    });
    expect(r.errors).toBeUndefined();
    expect(await marksOf(movedDay)).toBe(1);
    const before = await as('newTeacher', CREATE, {
      input: { assignmentId: newPageId, date: '2026-09-21', lessonNumber: 2 },
    });
    expect(codes(before)).toEqual(['BAD_USER_INPUT']);
    const after = await as('newTeacher', CREATE, {
      input: { assignmentId: newPageId, date: '2026-10-12', lessonNumber: 2 },
    });
    expect(after.errors).toBeUndefined();
    expect(
      codes(
        await as('newTeacher', MARKS, {
          input: { lessonId: ownDay.id, add: [{ studentId: student.id, value: '5' }] },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
  });

  it('the old teacher still keeps the lessons of their own days', async () => {
    const r = await as('oldTeacher', MARKS, {
      input: { lessonId: ownDay.id, add: [{ studentId: student.id, value: '3' }] },
    });
    expect(r.errors).toBeUndefined();
    expect(await marksOf(ownDay)).toBe(1);
  });

  it('“my journal pages” lists the new row to the new teacher, and no ended row', async () => {
    const old = await gql<{ myJournalPages: { id: string }[] }>(
      app.url,
      `query { myJournalPages(on: "2026-11-02") { id } }`,
      {},
      { token: token.oldTeacher },
    );
    expect(old.data?.myJournalPages).toEqual([]);
    const before = await gql<{ myJournalPages: { id: string }[] }>(
      app.url,
      `query { myJournalPages(on: "2026-09-14") { id } }`,
      {},
      { token: token.oldTeacher },
    );
    expect(before.data?.myJournalPages).toEqual([{ id: oldPage.id }]);
    const fresh = await as('newTeacher', PAGES, {});
    expect(fresh.errors).toBeUndefined();
    expect((fresh.data as { myJournalPages: { id: string }[] }).myJournalPages).toEqual([
      { id: newPageId },
    ]);
  });
});

describe('a substitute keeps the lessons given to them, and only those (R-ROLE-5)', () => {
  it('writes the lesson of a published substitution, not another lesson of the page', async () => {
    const given = await as('deputy', ASSIGN, {
      input: {
        assignmentId: newPageId,
        substituteId: sub.id,
        from: '2026-10-19',
        to: '2026-10-19',
        reason: 'Курсы повышения квалификации',
      },
    });
    expect(given.errors).toBeUndefined();
    const covered = await as('sub', CREATE, {
      input: { assignmentId: newPageId, date: '2026-10-19', lessonNumber: 2 },
    });
    expect(covered.errors).toBeUndefined();
    const coveredId = (covered.data as { createLesson: { id: string } }).createLesson.id;
    const ok = await as('sub', MARKS, {
      input: { lessonId: coveredId, add: [{ studentId: student.id, value: '4' }] },
    });
    expect(ok.errors).toBeUndefined();

    // Another lesson number the same day, and a lesson of another day: not given.
    const otherNumber = await as('sub', CREATE, {
      input: { assignmentId: newPageId, date: '2026-10-19', lessonNumber: 5 },
    });
    expect(codes(otherNumber)).toEqual(['FORBIDDEN']);
    const other = await as('sub', MARKS, {
      input: { lessonId: movedDay.id, add: [{ studentId: student.id, value: '2' }] },
    });
    expect(codes(other)).toEqual(['FORBIDDEN']);
    expect(await marksOf(movedDay)).toBe(1);
  });
});
