import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createSchool, createYear } from '../../../test/factories/index.js';
import { sessionFor } from '../../../test/factories/journal.js';
import { closedYearFixture, type ClosedYearFixture } from '../../../test/factories/year-end.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../../test/harness.js';
import { AuditEvent } from '../audit/index.js';
import { Attendance } from '../journal/attendance.entity.js';
import { Mark } from '../journal/mark.entity.js';
import { PeriodMark } from '../journal/period-mark.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { AcademicYear } from '../year/academic-year.entity.js';
import { ReportingPeriod } from '../year/reporting-period.entity.js';
import {
  verifyAuditChain,
  AUDIT_EVENT_COLUMNS,
  GENESIS_HASH,
  type ChainedAuditEvent,
} from './audit-chain.js';

const CLOSE = `mutation($input: CloseAcademicYearInput!) { closeAcademicYear(input: $input) { id closedAt } }`;
const CORRECT = `mutation($input: CorrectClosedYearRecordInput!) { correctClosedYearRecord(input: $input) { entityType entityId action } }`;
const SET_MARKS = `mutation($input: SetMarksInput!) { setMarks(input: $input) { marks { id } } }`;
const SET_ATTENDANCE = `mutation($input: SetAttendanceInput!) { setAttendance(input: $input) { attendance { id } } }`;
const UPDATE_LESSON = `mutation($input: UpdateLessonInput!) { updateLesson(input: $input) { id } }`;
const CREATE_LESSON = `mutation($input: CreateLessonInput!) { createLesson(input: $input) { id } }`;
const PERIOD_MARKS = `mutation($input: SetPeriodMarksInput!) { setPeriodMarks(input: $input) { periodMarks { id } } }`;
const SUBSTITUTE = `mutation($input: AssignSubstituteInput!) { assignSubstitute(input: $input) { recordedLessons } }`;
const CORRECT_ATTENDANCE = `mutation($input: CorrectAttendanceInput!) { correctAttendance(input: $input) { attendance { id } } }`;

let app: TestApp;
let em: EntityManager;
let f: ClosedYearFixture;
let otherDirector: string;

const field = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.field;
const auditCount = () => em.fork().count(AuditEvent, { schoolId: f.school.id });

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  f = await closedYearFixture(em, app.url, { close: false });
  const other = await createSchool(em);
  otherDirector = await sessionFor(
    em,
    await createPerson(em, { school: other, roles: [Role.DIRECTOR] }),
  );
});
afterAll(() => app?.close());

describe('closing a year (R-DATA-2)', () => {
  it('R-DATA-2: the audit trail is a hash chain Node recomputes: positions 1..7 of the school, linked from genesis', async () => {
    const rows = await em
      .fork()
      .execute<ChainedAuditEvent[]>(
        `select ${AUDIT_EVENT_COLUMNS} from audit_event e where e.school_id = ? order by e.seq`,
        [f.school.id],
      );
    // Four marks, the register taken for a lesson and two attendance records, entered by the
    // teacher through the API.
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(verifyAuditChain(rows, GENESIS_HASH, '1')).toEqual([]);
  });

  it('R-DATA-2: only the administration of the school closes a year', async () => {
    const input = { input: { yearId: f.year.id } };
    for (const token of [f.token.teacher, f.token.clerk, f.token.parent]) {
      const r = await gql(app.url, CLOSE, input, { token });
      expect(codes(r)).toEqual(['FORBIDDEN']);
    }
    expect(codes(await gql(app.url, CLOSE, input, { token: otherDirector }))).toEqual([
      'NOT_FOUND',
    ]);
    // A malformed id is answered like an unknown one.
    expect(
      codes(await gql(app.url, CLOSE, { input: { yearId: 'nope' } }, { token: f.token.director })),
    ).toEqual(['NOT_FOUND']);
    expect((await em.fork().findOneOrFail(AcademicYear, f.year.id)).closedAt).toBeNull();
  });

  it('R-DATA-2: a year that has not ended is not closed', async () => {
    const later = await createYear(em, f.school, '2026/2027');
    const r = await gql(
      app.url,
      CLOSE,
      { input: { yearId: later.id } },
      { token: f.token.director },
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(field(r)).toBe('yearId');
    expect((await em.fork().findOneOrFail(AcademicYear, later.id)).closedAt).toBeNull();
  });

  it('R-DATA-2: the director closes the year, its open quarter with it, both audited with the reason', async () => {
    const before = await auditCount();
    const r = await gql<{ closeAcademicYear: { closedAt: string } }>(
      app.url,
      CLOSE,
      { input: { yearId: f.year.id, reason: 'Приказ № 12' } },
      { token: f.token.deputy },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.closeAcademicYear.closedAt).toBeTruthy();
    const period = await em.fork().findOneOrFail(ReportingPeriod, f.period.id);
    expect(period.closedAt).not.toBeNull();
    expect(await auditCount()).toBe(before + 2);
    const events = await em
      .fork()
      .find(AuditEvent, { schoolId: f.school.id, action: 'close' }, { orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.entityType, e.entityId, e.reason])).toEqual([
      ['ReportingPeriod', f.period.id, 'Приказ № 12'],
      ['AcademicYear', f.year.id, 'Приказ № 12'],
    ]);
    const again = await gql(
      app.url,
      CLOSE,
      { input: { yearId: f.year.id } },
      { token: f.token.director },
    );
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(field(again)).toBe('yearId');
  });

  it('R-DATA-2: every journal write of a closed year is refused, and nothing changes', async () => {
    const before = await auditCount();
    const [s1, s2] = f.students;
    const lesson = f.lessons[0]!;
    const refusals: [string, Record<string, unknown>, string, string][] = [
      [
        SET_MARKS,
        { lessonId: lesson.id, add: [{ studentId: s1!.id, value: '5' }] },
        f.token.teacher,
        'lessonId',
      ],
      [
        SET_ATTENDANCE,
        { lessonId: lesson.id, entries: [{ studentId: s2!.id, status: 'ABSENT' }] },
        f.token.teacher,
        'lessonId',
      ],
      [
        UPDATE_LESSON,
        { lessonId: lesson.id, version: lesson.version, topic: 'Другая тема' },
        f.token.teacher,
        'lessonId',
      ],
      [
        CREATE_LESSON,
        { assignmentId: f.assignment.id, date: '2025-09-23' },
        f.token.teacher,
        'date',
      ],
      [
        PERIOD_MARKS,
        {
          assignmentId: f.assignment.id,
          periodId: f.period.id,
          marks: [{ studentId: s2!.id, value: '5' }],
        },
        f.token.teacher,
        'periodId',
      ],
      [
        SUBSTITUTE,
        {
          assignmentId: f.assignment.id,
          substituteId: f.director.id,
          from: '2025-09-01',
          to: '2025-09-05',
          reason: 'болезнь',
        },
        f.token.director,
        'assignmentId',
      ],
      [
        CORRECT_ATTENDANCE,
        { lessonId: f.lessons[2]!.id, studentId: s1!.id, status: null, note: 'справка' },
        f.token.teacher,
        'lessonId',
      ],
    ];
    for (const [query, input, token, at] of refusals) {
      const r = await gql(app.url, query, { input }, { token });
      expect(codes(r), query).toEqual(['BAD_USER_INPUT']);
      expect(field(r), query).toBe(at);
    }
    expect(await auditCount()).toBe(before);
    expect(await em.fork().count(Mark, { lesson: { assignment: f.assignment.id } })).toBe(4);
  });

  it("R-DATA-2: a closed year's structure is final too: no new periods, classes or teachers", async () => {
    const before = await auditCount();
    const refusals: [string, string, Record<string, unknown>, string][] = [
      [
        'createReportingPeriod',
        'CreateReportingPeriodInput',
        {
          yearId: f.year.id,
          kind: 'QUARTER',
          number: 2,
          name: '2 четверть',
          startsOn: '2025-11-03',
          endsOn: '2025-12-28',
          gradeLevels: [5],
        },
        'yearId',
      ],
      [
        'createSchoolClass',
        'CreateSchoolClassInput',
        { yearId: f.year.id, gradeLevel: 6, letter: 'Б' },
        'yearId',
      ],
      [
        'assignTeacher',
        'AssignTeacherInput',
        {
          schoolClassId: f.assignment.schoolClass.id,
          subjectId: f.assignment.subject.id,
          teacherId: f.teacher.id,
        },
        'schoolClassId',
      ],
      [
        'changeTeacher',
        'ChangeTeacherInput',
        {
          assignmentId: f.assignment.id,
          teacherId: f.director.id,
          from: '2025-10-01',
          reason: 'перевод',
        },
        'assignmentId',
      ],
    ];
    for (const [name, type, input, at] of refusals) {
      const r = await gql(
        app.url,
        `mutation($input: ${type}!) { ${name}(input: $input) { id } }`,
        { input },
        { token: f.token.director },
      );
      expect(codes(r), name).toEqual(['BAD_USER_INPUT']);
      expect(field(r), name).toBe(at);
    }
    expect(await auditCount()).toBe(before);
  });

  it('R-DATA-2: a correction needs the administration: teachers, clerks and parents are refused', async () => {
    const input = {
      input: {
        yearId: f.year.id,
        reason: 'ошибка',
        mark: { markId: f.markIds[0], version: 1, value: '4' },
      },
    };
    for (const token of [f.token.teacher, f.token.clerk, f.token.parent]) {
      expect(codes(await gql(app.url, CORRECT, input, { token }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await gql(app.url, CORRECT, input, { token: otherDirector }))).toEqual([
      'NOT_FOUND',
    ]);
    expect((await em.fork().findOneOrFail(Mark, f.markIds[0]!)).value).toBe('5');
  });

  it('R-DATA-2: a correction needs a reason and exactly one record', async () => {
    const mark = { markId: f.markIds[0], version: 1, value: '4' };
    const blank = await gql(
      app.url,
      CORRECT,
      { input: { yearId: f.year.id, reason: '   ', mark } },
      { token: f.token.director },
    );
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(field(blank)).toBe('reason');
    const none = await gql(
      app.url,
      CORRECT,
      { input: { yearId: f.year.id, reason: 'ошибка' } },
      { token: f.token.director },
    );
    expect(codes(none)).toEqual(['BAD_USER_INPUT']);
    const offScale = await gql(
      app.url,
      CORRECT,
      { input: { yearId: f.year.id, reason: 'ошибка', mark: { ...mark, value: '7' } } },
      { token: f.token.director },
    );
    expect(codes(offScale)).toEqual(['BAD_USER_INPUT']);
    expect(field(offScale)).toBe('mark.value');
    const stale = await gql(
      app.url,
      CORRECT,
      { input: { yearId: f.year.id, reason: 'ошибка', mark: { ...mark, version: 9 } } },
      { token: f.token.director },
    );
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect((await em.fork().findOneOrFail(Mark, f.markIds[0]!)).value).toBe('5');
  });

  it('R-DATA-2: the director corrects a mark, an attendance record and a period mark, each audited with the reason', async () => {
    const before = await auditCount();
    const mark = await gql<{ correctClosedYearRecord: { action: string } }>(
      app.url,
      CORRECT,
      {
        input: {
          yearId: f.year.id,
          reason: 'Апелляция, протокол 3',
          mark: { markId: f.markIds[0], version: 1, value: '4' },
        },
      },
      { token: f.token.director },
    );
    expect(mark.data?.correctClosedYearRecord).toEqual({
      entityType: 'Mark',
      entityId: f.markIds[0],
      action: 'update',
    });
    expect((await em.fork().findOneOrFail(Mark, f.markIds[0]!)).value).toBe('4');

    const attendance = await em
      .fork()
      .findOneOrFail(Attendance, { lesson: f.lessons[2]!.id, student: f.students[0]!.id });
    const present = await gql(
      app.url,
      CORRECT,
      {
        input: {
          yearId: f.year.id,
          reason: 'Справка принесена поздно',
          attendance: {
            lessonId: f.lessons[2]!.id,
            studentId: f.students[0]!.id,
            status: null,
            version: attendance.version,
          },
        },
      },
      { token: f.token.director },
    );
    expect(present.data?.correctClosedYearRecord).toEqual({
      entityType: 'Attendance',
      entityId: attendance.id,
      action: 'delete',
    });
    expect(await em.fork().count(Attendance, { lesson: f.lessons[2]!.id })).toBe(1);

    const period = await gql(
      app.url,
      CORRECT,
      {
        input: {
          yearId: f.year.id,
          reason: 'Пересдача',
          periodMark: { periodMarkId: f.periodMark.id, version: 1, value: '5' },
        },
      },
      { token: f.token.director },
    );
    expect(period.data?.correctClosedYearRecord).toEqual({
      entityType: 'PeriodMark',
      entityId: f.periodMark.id,
      action: 'update',
    });
    expect((await em.fork().findOneOrFail(PeriodMark, f.periodMark.id)).value).toBe('5');

    // Two events per correction: the record's (with its reason) and the year's.
    expect(await auditCount()).toBe(before + 6);
    const events = await em
      .fork()
      .find(AuditEvent, { schoolId: f.school.id }, { orderBy: { seq: 'desc' }, limit: 6 });
    expect(events.reverse().map((e) => [e.entityType, e.action, e.reason])).toEqual([
      ['Mark', 'update', 'Апелляция, протокол 3'],
      ['AcademicYear', 'correctClosedYearRecord', 'Апелляция, протокол 3'],
      ['Attendance', 'delete', 'Справка принесена поздно'],
      ['AcademicYear', 'correctClosedYearRecord', 'Справка принесена поздно'],
      ['PeriodMark', 'update', 'Пересдача'],
      ['AcademicYear', 'correctClosedYearRecord', 'Пересдача'],
    ]);
    // The chain still holds from genesis over everything written since.
    const rows = await em
      .fork()
      .execute<ChainedAuditEvent[]>(
        `select ${AUDIT_EVENT_COLUMNS} from audit_event e where e.school_id = ? order by e.seq`,
        [f.school.id],
      );
    expect(rows).toHaveLength(15);
    expect(verifyAuditChain(rows, GENESIS_HASH, '1')).toEqual([]);
  });

  it('R-DATA-2: an open year is corrected the usual way, not through the closed-year path', async () => {
    const open = await createYear(em, f.school, '2024/2025');
    const r = await gql(
      app.url,
      CORRECT,
      {
        input: {
          yearId: open.id,
          reason: 'x',
          mark: { markId: f.markIds[1], version: 1, value: '4' },
        },
      },
      { token: f.token.director },
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(field(r)).toBe('yearId');
  });
});
