import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
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
import { AuditEvent } from '../audit/index.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import type { ReportingPeriod } from '../year/reporting-period.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import type { WorkType } from '../year/work-type.entity.js';
import { Attendance, AttendanceStatus } from './attendance.entity.js';
import { LessonStatus, type Lesson } from './lesson.entity.js';
import { Mark } from './mark.entity.js';

const PAGE = /* GraphQL */ `
  query Page($a: ID!, $p: ID!) {
    journalPage(assignmentId: $a, periodId: $p) {
      access
      minMarksForPeriodMark
      assignment {
        id
        subject {
          name
        }
        schoolClass {
          name
        }
        teacher {
          lastName
        }
      }
      period {
        name
      }
      students {
        student {
          id
          lastName
        }
        enrolledFrom
        leftOn
        markCount
        average
        weightedAverage
        enoughMarksForPeriodMark
        periodMark {
          value
        }
      }
      lessons {
        id
        date
        topic
        status
        workType {
          name
        }
        homework {
          text
        }
      }
      marks {
        id
        studentId
        lessonId
        value
        weight
        version
        workType {
          name
        }
      }
      attendance {
        studentId
        status
      }
    }
  }
`;

const SET_MARKS = /* GraphQL */ `
  mutation SetMarks($input: SetMarksInput!) {
    setMarks(input: $input) {
      clientMutationId
      replayed
      lesson {
        id
      }
      marks {
        id
        studentId
        value
        version
        comment
      }
    }
  }
`;

interface PageData {
  journalPage: {
    access: string;
    students: {
      student: { id: string; lastName: string };
      enrolledFrom: string;
      leftOn: string | null;
      markCount: number;
      average: number | null;
      weightedAverage: number | null;
      enoughMarksForPeriodMark: boolean;
    }[];
    lessons: { id: string; date: string; status: string; workType: { name: string } | null }[];
    marks: { id: string; studentId: string; value: string; version: number }[];
  };
}
interface SetMarksData {
  setMarks: {
    replayed: boolean;
    marks: { id: string; studentId: string; value: string; version: number }[];
  };
}

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
let period: ReportingPeriod;
let math5a: TeachingAssignment;
let math5b: TeachingAssignment;
let russian5a: TeachingAssignment;
let pageB: TeachingAssignment;
let periodB: ReportingPeriod;
let test: WorkType;
const lessons: Record<string, Lesson> = {};
const pupils: Record<string, Person> = {};

const future = () => {
  const d = new Date(Date.now() + 30 * 86_400_000);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  period = await createPeriod(em, year);
  const person = (lastName: string, roles: Role[]) =>
    createPerson(em, { school, roles, lastName, firstName: 'Тест' });
  const teacher = await person('Математикова', [Role.TEACHER]);
  const classTeacher = await person('Классная', [Role.TEACHER]);
  const colleague = await person('Коллегова', [Role.TEACHER]);
  const substitute = await person('Заменова', [Role.TEACHER]);
  const deputy = await person('Завучева', [Role.DEPUTY]);
  const clerk = await person('Секретарёва', [Role.RECORDS_CLERK]);
  const c5a = await createClass(em, { school, year, letter: 'А', classTeacher });
  const c5b = await createClass(em, { school, year, letter: 'Б' });
  const maths = await createSubject(em, school, 'Математика');
  const russian = await createSubject(em, school, 'Русский язык');
  test = await createWorkType(em, school, { name: 'Контрольная работа', weight: 2 });
  math5a = await createAssignment(em, { teacher, subject: maths, schoolClass: c5a });
  math5b = await createAssignment(em, { teacher: colleague, subject: maths, schoolClass: c5b });
  russian5a = await createAssignment(em, {
    teacher: classTeacher,
    subject: russian,
    schoolClass: c5a,
  });

  const family = await createFamily(em, { schoolClass: c5a });
  pupils.family = family.student;
  pupils.newcomer = await person('Новенький', [Role.STUDENT]);
  await enrol(em, pupils.newcomer, c5a, '2026-09-10');
  pupils.leaver = await person('Ушедший', [Role.STUDENT]);
  await enrol(em, pupils.leaver, c5a, '2026-09-01', '2026-09-20');
  pupils.other = await person('Другой', [Role.STUDENT]);
  await enrol(em, pupils.other, c5b, '2026-09-01');

  lessons.first = await createLesson(em, math5a, { date: '2026-09-02' });
  lessons.second = await createLesson(em, math5a, { date: '2026-09-16', workType: test });
  lessons.cancelled = await createLesson(em, math5a, {
    date: '2026-09-23',
    status: LessonStatus.CANCELLED,
  });
  lessons.substituted = await createLesson(em, math5a, {
    date: '2026-09-30',
    conductingTeacher: substitute,
  });
  lessons.future = await createLesson(em, math5a, { date: future(), status: LessonStatus.PLANNED });
  lessons.in5b = await createLesson(em, math5b, { date: '2026-09-02' });

  // Another school, with a teacher of its own.
  const schoolB = await createSchool(em);
  const yearB = await createYear(em, schoolB);
  periodB = await createPeriod(em, yearB);
  const teacherB = await createPerson(em, { school: schoolB, roles: [Role.TEACHER] });
  const classB = await createClass(em, { school: schoolB, year: yearB });
  pageB = await createAssignment(em, {
    teacher: teacherB,
    subject: await createSubject(em, schoolB),
    schoolClass: classB,
  });

  const people: Record<string, Person> = {
    teacher,
    classTeacher,
    colleague,
    substitute,
    deputy,
    clerk,
    student: family.student,
    parent: family.parent,
    teacherB,
  };
  for (const [name, p] of Object.entries(people)) {
    token[name] = await sessionFor(em, p);
  }
});

afterAll(async () => {
  await app?.close();
});

const page = (as: string, a = math5a.id, p = period.id) =>
  gql<PageData>(app.url, PAGE, { a, p }, { token: token[as] });
const set = (as: string, input: Record<string, unknown>) =>
  gql<SetMarksData>(app.url, SET_MARKS, { input }, { token: token[as] });
const markCount = () => em.fork().count(Mark, {});
/** Until some statement of this database waits for a row lock (the request under test). */
const waitForLockWait = async () => {
  for (let i = 0; i < 100; i++) {
    const [row] = await em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
    if (row && row.n > 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the request never waited for the lock');
};
const field = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.field;

describe('journal pages', () => {
  it('R-ROLE-4: a teacher lists the pages they keep, and only those', async () => {
    const r = await gql<{ myJournalPages: { id: string }[] }>(
      app.url,
      `query { myJournalPages(on: "2026-10-01") { id subject { name } schoolClass { name } } }`,
      {},
      { token: token.teacher },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.myJournalPages.map((p) => p.id)).toEqual([math5a.id]);
  });

  it('R-JRN-1, R-YEAR-5: the page shows who was enrolled when, and lessons in date order', async () => {
    const r = await page('teacher');
    expect(r.errors).toBeUndefined();
    const p = r.data!.journalPage;
    expect(p.access).toBe('KEEP');
    const rows = Object.fromEntries(p.students.map((s) => [s.student.id, s]));
    expect(Object.keys(rows).sort()).toEqual(
      [pupils.family!.id, pupils.newcomer!.id, pupils.leaver!.id].sort(),
    );
    expect(rows[pupils.newcomer!.id]).toMatchObject({ enrolledFrom: '2026-09-10', leftOn: null });
    expect(rows[pupils.leaver!.id]).toMatchObject({
      enrolledFrom: '2026-09-01',
      leftOn: '2026-09-20',
    });
    expect(p.lessons.map((l) => l.date)).toEqual([
      '2026-09-02',
      '2026-09-16',
      '2026-09-23',
      '2026-09-30',
    ]);
  });

  it("R-ROLE-4: without a date, lists the pages of today in the school's time zone", async () => {
    const list = (on?: string) =>
      gql<{ myJournalPages: { id: string }[] }>(
        app.url,
        `query($on: String) { myJournalPages(on: $on) { id } }`,
        on ? { on } : {},
        { token: token.teacher },
      );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(
      new Date(),
    );
    const [implicit, explicit] = await Promise.all([list(), list(today)]);
    expect(implicit.errors).toBeUndefined();
    expect(implicit.data).toEqual(explicit.data);
  });

  it('rejects a malformed date for the list of pages', async () => {
    const r = await gql(
      app.url,
      `query { myJournalPages(on: "01.10.2026") { id } }`,
      {},
      {
        token: token.teacher,
      },
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('setMarks', () => {
  it('R-JRN-3: sets marks, weighted by work type, with an audit event each', async () => {
    const audits = await em.fork().count(AuditEvent, { entityType: 'Mark' });
    const r1 = await set('teacher', {
      lessonId: lessons.first!.id,
      add: [
        { studentId: pupils.family!.id, value: '5' },
        { studentId: pupils.leaver!.id, value: '4', comment: 'Хорошо' },
      ],
    });
    expect(r1.errors).toBeUndefined();
    expect(r1.data?.setMarks.marks).toHaveLength(2);
    const r2 = await set('teacher', {
      lessonId: lessons.second!.id,
      add: [{ studentId: pupils.family!.id, value: '3' }],
    });
    expect(r2.errors).toBeUndefined();
    expect(await em.fork().count(AuditEvent, { entityType: 'Mark' })).toBe(audits + 3);

    const p = (await page('teacher')).data!.journalPage;
    const family = p.students.find((s) => s.student.id === pupils.family!.id)!;
    // 5 (weight 1) and 3 (the lesson's test, weight 2): plain 4, weighted 11/3.
    expect(family).toMatchObject({ markCount: 2, average: 4, weightedAverage: 3.67 });
    expect(family.enoughMarksForPeriodMark).toBe(false);
  });

  it.each([
    ['a value off the scale', { add: [{ value: '6' }] }, 'BAD_USER_INPUT', 'add[0].value'],
    [
      'junk as a value',
      { add: [{ value: '5; drop table mark' }] },
      'BAD_USER_INPUT',
      'add[0].value',
    ],
    ['an empty batch', {}, 'BAD_USER_INPUT', 'add'],
    [
      'an unknown work type',
      { add: [{ value: '5', workTypeId: '00000000-0000-4000-8000-000000000000' }] },
      'NOT_FOUND',
      'add[0].workTypeId',
    ],
    [
      'a malformed student id',
      { add: [{ value: '5', studentId: 'x' }] },
      'NOT_FOUND',
      'add[0].studentId',
    ],
  ])('refuses %s and writes nothing', async (_name, extra, code, at) => {
    const before = await markCount();
    const add = (extra as { add?: Record<string, unknown>[] }).add?.map((m) => ({
      studentId: pupils.family!.id,
      ...m,
    }));
    const r = await set('teacher', { lessonId: lessons.first!.id, ...(add ? { add } : {}) });
    expect(codes(r)).toEqual([code]);
    expect(field(r)).toBe(at);
    expect(r.errors?.[0]?.message).toMatch(/\S/);
    expect(await markCount()).toBe(before);
  });

  it('R-YEAR-5: refuses a mark for a student not enrolled on the lesson date, and the whole batch with it', async () => {
    const before = await markCount();
    const r = await set('teacher', {
      lessonId: lessons.first!.id,
      add: [
        { studentId: pupils.family!.id, value: '4' },
        { studentId: pupils.newcomer!.id, value: '5' }, // came on 10 September
      ],
    });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(field(r)).toBe('add[1].studentId');
    expect(await markCount()).toBe(before);
  });

  it('refuses marks on a cancelled lesson and on a lesson still to come', async () => {
    const add = [{ studentId: pupils.family!.id, value: '5' }];
    const cancelled = await set('teacher', { lessonId: lessons.cancelled!.id, add });
    expect(codes(cancelled)).toEqual(['BAD_USER_INPUT']);
    const ahead = await set('teacher', { lessonId: lessons.future!.id, add });
    expect(codes(ahead)).toEqual(['BAD_USER_INPUT']);
    expect(ahead.errors?.[0]?.message).toMatch(/ещё не проведён/);
  });

  it('R-DATA-3: a change needs a reason and the current version; the audit keeps old → new', async () => {
    const added = await set('teacher', {
      lessonId: lessons.first!.id,
      add: [{ studentId: pupils.family!.id, value: '2' }],
    });
    const mark = added.data!.setMarks.marks.find((m) => m.value === '2')!;

    const noReason = await set('teacher', {
      lessonId: lessons.first!.id,
      change: [{ markId: mark.id, version: mark.version, value: '3', reason: '  ' }],
    });
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(field(noReason)).toBe('change[0].reason');

    const changed = await set('teacher', {
      lessonId: lessons.first!.id,
      change: [{ markId: mark.id, version: mark.version, value: '3', reason: 'Ошибка ввода' }],
    });
    expect(changed.errors).toBeUndefined();
    const now = changed.data!.setMarks.marks.find((m) => m.id === mark.id)!;
    expect(now).toMatchObject({ value: '3', version: mark.version + 1 });

    const audit = await em
      .fork()
      .findOneOrFail(AuditEvent, { entityId: mark.id, action: 'update' });
    expect(audit.before).toMatchObject({ value: '2' });
    expect(audit.after).toMatchObject({ value: '3' });
    expect(audit.reason).toBe('Ошибка ввода');
    expect(audit.actorId).toBeTruthy();
    expect(audit.sessionId).toBeTruthy();

    // A second teacher's tab still holds version 1: CONFLICT with the current value, no overwrite.
    const stale = await set('teacher', {
      lessonId: lessons.first!.id,
      change: [{ markId: mark.id, version: mark.version, value: '5', reason: 'Исправление' }],
    });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.current).toEqual({
      markId: mark.id,
      value: '3',
      version: mark.version + 1,
    });
    expect((await em.fork().findOneOrFail(Mark, mark.id)).value).toBe('3');

    // The administration reads the mark's history; a teacher cannot.
    const HISTORY = `query($id: ID!) { history(entityType: "Mark", entityId: $id) { action before after reason actor { lastName } } }`;
    const history = await gql<{
      history: { action: string; reason: string | null; actor: { lastName: string } }[];
    }>(app.url, HISTORY, { id: mark.id }, { token: token.deputy });
    expect(history.data?.history.map((h) => [h.action, h.reason, h.actor.lastName])).toEqual([
      ['create', null, 'Математикова'],
      ['update', 'Ошибка ввода', 'Математикова'],
    ]);
    expect(codes(await gql(app.url, HISTORY, { id: mark.id }, { token: token.teacher }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      (
        await gql<{ history: unknown[] }>(
          app.url,
          HISTORY,
          { id: mark.id },
          { token: token.teacherB },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    const removed = await set('teacher', {
      lessonId: lessons.first!.id,
      remove: [{ markId: mark.id, version: mark.version + 1, reason: 'Поставлена по ошибке' }],
    });
    expect(removed.errors).toBeUndefined();
    expect(await em.fork().count(Mark, { id: mark.id })).toBe(0);
    expect(
      await em
        .fork()
        .count(AuditEvent, { entityId: mark.id, action: 'delete', reason: 'Поставлена по ошибке' }),
    ).toBe(1);
  });

  it('a retried batch (same clientMutationId) is applied once', async () => {
    const before = await markCount();
    const input = {
      clientMutationId: 'tab-1/batch-42',
      lessonId: lessons.second!.id,
      add: [{ studentId: pupils.newcomer!.id, value: '4' }],
    };
    const first = await set('teacher', input);
    const retry = await set('teacher', input);
    expect(first.data?.setMarks.replayed).toBe(false);
    expect(retry.data?.setMarks.replayed).toBe(true);
    expect(retry.data?.setMarks.marks).toEqual(first.data?.setMarks.marks);
    expect(await markCount()).toBe(before + 1);
  });

  it('R-DATA-3: the loser of a race for one mark gets CONFLICT with the current value, for a change and a removal', async () => {
    const made = await set('teacher', {
      lessonId: lessons.second!.id,
      add: [{ studentId: pupils.family!.id, value: '3' }],
    });
    const mark = made.data!.setMarks.marks.filter((m) => m.studentId === pupils.family!.id).at(-1)!;
    // Another writer holds the row, changes it and commits while our request waits for it.
    const race = async (request: () => Promise<GqlResult<SetMarksData>>, value: string) => {
      const other = new pg.Client({ connectionString: app.config.databaseUrl });
      await other.connect();
      try {
        await other.query('begin');
        await other.query(
          `update mark set value = $2::text, numeric_value = $2::numeric, version = version + 1 where id = $1`,
          [mark.id, value],
        );
        const pending = request();
        await waitForLockWait();
        await other.query('commit');
        return await pending;
      } finally {
        await other.end();
      }
    };
    const changed = await race(
      () =>
        set('teacher', {
          lessonId: lessons.second!.id,
          change: [{ markId: mark.id, version: 1, value: '5', reason: 'Пересдал' }],
        }),
      '4',
    );
    expect(codes(changed)).toEqual(['CONFLICT']);
    expect(changed.errors?.[0]?.extensions?.current).toMatchObject({ value: '4', version: 2 });
    const removed = await race(
      () =>
        set('teacher', {
          lessonId: lessons.second!.id,
          remove: [{ markId: mark.id, version: 2, reason: 'Ошибка' }],
        }),
      '2',
    );
    expect(codes(removed)).toEqual(['CONFLICT']);
    expect(removed.errors?.[0]?.extensions?.current).toMatchObject({ value: '2', version: 3 });
    expect(await em.fork().findOneOrFail(Mark, mark.id)).toMatchObject({ value: '2', version: 3 });
  });

  it('a clientMutationId reused with other input is refused, not answered with the first batch', async () => {
    const input = {
      clientMutationId: 'tab-1/batch-43',
      lessonId: lessons.second!.id,
      add: [{ studentId: pupils.family!.id, value: '4' }],
    };
    expect((await set('teacher', input)).errors).toBeUndefined();
    const before = await markCount();
    const other = await set('teacher', { ...input, add: [{ ...input.add[0], value: '2' }] });
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
    expect(field(other)).toBe('clientMutationId');
    expect(await markCount()).toBe(before);
    // The same input with its keys in another order is the same batch: a retry.
    const reordered = await set('teacher', {
      add: [{ value: '4', studentId: pupils.family!.id }],
      lessonId: input.lessonId,
      clientMutationId: input.clientMutationId,
    });
    expect(reordered.data?.setMarks.replayed).toBe(true);
    expect(await markCount()).toBe(before);
  });

  it('the same clientMutationId in another operation is another batch, applied', async () => {
    const id = 'tab-1/batch-44';
    const marks = await set('teacher', {
      clientMutationId: id,
      lessonId: lessons.second!.id,
      add: [{ studentId: pupils.family!.id, value: '5' }],
    });
    expect(marks.data?.setMarks.replayed).toBe(false);
    const attendance = await gql<{ setAttendance: { replayed: boolean } }>(
      app.url,
      `mutation($input: SetAttendanceInput!) { setAttendance(input: $input) { replayed } }`,
      {
        input: {
          clientMutationId: id,
          lessonId: lessons.second!.id,
          entries: [{ studentId: pupils.newcomer!.id, status: 'ABSENT' }],
        },
      },
      { token: token.teacher },
    );
    expect(attendance.errors).toBeUndefined();
    expect(attendance.data?.setAttendance.replayed).toBe(false);
    expect(
      await em
        .fork()
        .count(Attendance, { lesson: lessons.second!.id, student: pupils.newcomer!.id }),
    ).toBe(1);
  });
});

describe('who may do what (R-ROLE-2..8)', () => {
  const add = () => [{ studentId: pupils.family!.id, value: '5' }];

  it('R-ROLE-5: a substitute keeps the lesson they conduct, and no other', async () => {
    const own = await set('substitute', { lessonId: lessons.substituted!.id, add: add() });
    expect(own.errors).toBeUndefined();
    const other = await set('substitute', { lessonId: lessons.first!.id, add: add() });
    expect(codes(other)).toEqual(['FORBIDDEN']);
    expect((await page('substitute')).data?.journalPage.access).toBe('READ');
  });

  it('R-ROLE-6: the class teacher reads every page of the class but cannot change another teacher’s marks', async () => {
    expect((await page('classTeacher')).data?.journalPage.access).toBe('READ');
    expect((await page('classTeacher', russian5a.id)).data?.journalPage.access).toBe('KEEP');
    const r = await set('classTeacher', { lessonId: lessons.first!.id, add: add() });
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });

  it('R-ROLE-6: the class teacher cannot change or remove a mark in a subject they do not teach', async () => {
    const made = await set('teacher', {
      lessonId: lessons.second!.id,
      add: [{ studentId: pupils.newcomer!.id, value: '3' }],
    });
    expect(made.errors).toBeUndefined();
    const mark = made
      .data!.setMarks.marks.filter((m) => m.studentId === pupils.newcomer!.id)
      .at(-1)!;
    const events = () => em.fork().count(AuditEvent, { entityId: mark.id });
    const auditBefore = await events();
    const change = await set('classTeacher', {
      lessonId: lessons.second!.id,
      change: [{ markId: mark.id, version: mark.version, value: '5', reason: 'Исправляю' }],
    });
    expect(codes(change)).toEqual(['FORBIDDEN']);
    const remove = await set('classTeacher', {
      lessonId: lessons.second!.id,
      remove: [{ markId: mark.id, version: mark.version, reason: 'Убираю' }],
    });
    expect(codes(remove)).toEqual(['FORBIDDEN']);
    const now = await em.fork().findOneOrFail(Mark, mark.id);
    expect(now).toMatchObject({ value: '3', version: mark.version });
    expect(await events()).toBe(auditBefore);
  });

  it('a teacher of 5Б cannot set a mark in 5А, nor one of 5А in 5Б', async () => {
    const into5a = await set('colleague', { lessonId: lessons.first!.id, add: add() });
    expect(codes(into5a)).toEqual(['NOT_FOUND']);
    const into5b = await set('teacher', {
      lessonId: lessons.in5b!.id,
      add: [{ studentId: pupils.other!.id, value: '5' }],
    });
    expect(codes(into5b)).toEqual(['NOT_FOUND']);
    expect(codes(await page('teacher', math5b.id))).toEqual(['NOT_FOUND']);
  });

  it('R-ROLE-7, R-ROLE-8: a student and a parent never reach a journal page, even of their own class', async () => {
    for (const who of ['student', 'parent']) {
      expect(codes(await page(who))).toEqual(['FORBIDDEN']);
      expect(codes(await set(who, { lessonId: lessons.first!.id, add: add() }))).toEqual([
        'FORBIDDEN',
      ]);
    }
  });

  it('R-ROLE-2: the deputy reads every page of the school and writes none', async () => {
    expect((await page('deputy')).data?.journalPage.access).toBe('READ');
    expect(codes(await set('deputy', { lessonId: lessons.first!.id, add: add() }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await page('clerk'))).toEqual(['FORBIDDEN']);
  });

  it('an account of school A cannot touch school B, and the ids do not tell B’s pages exist', async () => {
    expect(codes(await page('teacher', pageB.id, periodB.id))).toEqual(['NOT_FOUND']);
    expect(codes(await page('teacherB'))).toEqual(['NOT_FOUND']);
    expect(codes(await page('teacherB', pageB.id, period.id))).toEqual(['NOT_FOUND']);
    expect(codes(await set('teacherB', { lessonId: lessons.first!.id, add: add() }))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('signed out: UNAUTHENTICATED', async () => {
    const r = await gql(app.url, PAGE, { a: math5a.id, p: period.id });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the page reads only what the operation selects (issue 9)', () => {
  it('answers every mark and attendance field however it is asked (fragments, aliases), and averages with none of them selected', async () => {
    const fork = app.orm.em.fork();
    const school = await createSchool(fork);
    const year = await createYear(fork, school);
    const q = await createPeriod(fork, year);
    const teacher = await createPerson(fork, { school, roles: [Role.TEACHER] });
    const schoolClass = await createClass(fork, { school, year });
    const { student } = await createFamily(fork, { schoolClass });
    const assignment = await createAssignment(fork, {
      teacher,
      subject: await createSubject(fork, school),
      schoolClass,
    });
    const lesson = await createLesson(fork, assignment, { date: '2026-09-07' });
    const mark = (value: string, weight: number, comment: string | null) =>
      fork.create(Mark, {
        school,
        lesson,
        student,
        value,
        numericValue: Number(value),
        weight,
        comment,
        enteredBy: teacher,
      });
    const five = mark('5', 1, 'Молодец');
    fork.persist([five, mark('3', 2, null)]);
    const late = fork.create(Attendance, {
      school,
      lesson,
      student,
      status: AttendanceStatus.LATE,
      minutesLate: 7,
      correctedAt: new Date('2026-09-08T10:00:00Z'),
      correctedBy: teacher,
      enteredBy: teacher,
    });
    await fork.persist(late).flush();
    const token = await sessionFor(fork, teacher);
    const vars = { a: assignment.id, p: q.id };

    type Row = Record<string, unknown>;
    const plain = await gql<{ journalPage: { marks: Row[]; attendance: Row[] } }>(
      app.url,
      `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) {
        marks { id value weight comment createdAt updatedAt version }
        attendance { id status reason minutesLate createdAt updatedAt correctedAt version } } }`,
      vars,
      { token },
    );
    expect(plain.errors).toBeUndefined();
    const marks = plain.data!.journalPage.marks;
    // Both written in one flush: the same createdAt, so in id order.
    expect(marks.map((m) => [m.value, m.weight, m.comment, m.version]).sort()).toEqual([
      ['3', 2, null, 1],
      ['5', 1, 'Молодец', 1],
    ]);
    expect(marks.find((m) => m.value === '5')!.createdAt).toBe(five.createdAt.toISOString());
    expect(marks.every((m) => typeof m.updatedAt === 'string')).toBe(true);
    expect(plain.data!.journalPage.attendance).toEqual([
      {
        id: late.id,
        status: 'LATE',
        reason: null,
        minutesLate: 7,
        createdAt: late.createdAt.toISOString(),
        updatedAt: late.updatedAt.toISOString(),
        correctedAt: '2026-09-08T10:00:00.000Z',
        version: 1,
      },
    ]);

    // The same fields through a named fragment, an inline fragment and aliases.
    const spread = await gql<{ journalPage: { m: Row[]; a: Row[] } }>(
      app.url,
      `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) {
        m: marks { ...MarkFields }
        a: attendance { ... on Attendance { id status reason late: minutesLate createdAt updatedAt correctedAt version } } } }
      fragment MarkFields on Mark { id value weight note: comment createdAt updatedAt version }`,
      vars,
      { token },
    );
    expect(spread.errors).toBeUndefined();
    expect(spread.data!.journalPage.m).toEqual(
      marks.map(({ comment, ...rest }) => ({ ...rest, note: comment })),
    );
    expect(spread.data!.journalPage.a).toEqual(
      plain.data!.journalPage.attendance.map(({ minutesLate, ...rest }) => ({
        ...rest,
        late: minutesLate,
      })),
    );

    // Nothing of the marks selected: the averages still count every mark with its weight.
    const averages = await gql<{ journalPage: { students: Row[] } }>(
      app.url,
      `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) {
        students { markCount average weightedAverage } } }`,
      vars,
      { token },
    );
    expect(averages.errors).toBeUndefined();
    expect(averages.data!.journalPage.students).toEqual([
      { markCount: 2, average: 4, weightedAverage: 3.67 },
    ]);
  });
});

describe('fast by construction', () => {
  it('the journal page costs the same SQL statements, at most 5 with the viewer and its row scope, for 10 and for 40 students', async () => {
    const fork = app.orm.em.fork();
    const school = await createSchool(fork);
    const year = await createYear(fork, school);
    const q = await createPeriod(fork, year);
    const teacher = await createPerson(fork, { school, roles: [Role.TEACHER] });
    const subject = await createSubject(fork, school);
    const workType = await createWorkType(fork, school);
    const tokenT = await sessionFor(fork, teacher);

    const statementsFor = async (size: number, letter: string) => {
      const schoolClass = await createClass(fork, { school, year, letter });
      const assignment = await createAssignment(fork, { teacher, subject, schoolClass });
      const kids: Person[] = [];
      for (let i = 0; i < size; i++) {
        kids.push((await createFamily(fork, { schoolClass })).student);
      }
      // Half the class split into a subgroup page, to exercise that path too.
      await createSubgroup(fork, schoolClass, subject, kids.slice(0, size / 2));
      for (let d = 1; d <= 8; d++) {
        const lesson = await createLesson(fork, assignment, {
          date: `2026-09-${String(d + 1).padStart(2, '0')}`,
          workType,
        });
        for (const kid of kids) {
          fork.persist(
            fork.create(Mark, {
              school,
              lesson,
              student: kid,
              value: '4',
              numericValue: 4,
              workType,
              enteredBy: teacher,
            }),
          );
        }
      }
      await fork.flush();
      app.resetQueries();
      const r = await gql<PageData>(
        app.url,
        PAGE,
        { a: assignment.id, p: q.id },
        { token: tokenT },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.journalPage.students).toHaveLength(size);
      expect(r.data?.journalPage.marks).toHaveLength(size * 8);
      expect(r.data?.journalPage.lessons.every((l) => l.workType?.name === workType.name)).toBe(
        true,
      );
      // Issue 9: every statement of the request counts, the row-scope ones included.
      return app.queries.length + app.scopeStatements.length;
    };

    const small = await statementsFor(10, 'В');
    const large = await statementsFor(40, 'Г');
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(5);
  });
});
