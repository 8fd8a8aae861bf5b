import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createPerson,
  createSchool,
  createYear,
} from '../../../test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  createWorkType,
  sessionFor,
} from '../../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { Session } from '../../auth/session.entity.js';
import { sha256 } from '../../auth/tokens.js';
import { AuditEvent } from '../audit/index.js';
import { Role } from '../people/role-assignment.entity.js';
import { PlannedTopic } from '../year/planned-topic.entity.js';
import { PeriodKind, ReportingPeriod } from '../year/reporting-period.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import type { WorkType } from '../year/work-type.entity.js';
import { Homework } from './homework.entity.js';
import { Lesson } from './lesson.entity.js';

const LESSON_FIELDS = `id date lessonNumber topic status version workType { name } plannedTopic { title } homework { text dueOn } conductingTeacher { id }`;
const CREATE = `mutation($input: CreateLessonInput!) { createLesson(input: $input) { ${LESSON_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateLessonInput!) { updateLesson(input: $input) { ${LESSON_FIELDS} } }`;
const CANCEL = `mutation($input: CancelLessonInput!) { cancelLesson(input: $input) { ${LESSON_FIELDS} } }`;

interface LessonData {
  id: string;
  topic: string | null;
  status: string;
  version: number;
  homework: { text: string; dueOn: string | null }[];
  plannedTopic: { title: string } | null;
}

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
let page: TeachingAssignment;
let otherPage: TeachingAssignment;
let topic: PlannedTopic;
let lab: WorkType;

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  await createPeriod(em, year);
  await createPeriod(em, year, { number: 2, startsOn: '2026-11-05', endsOn: '2026-12-28' });
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const colleague = await createPerson(em, { school, roles: [Role.TEACHER] });
  const schoolClass = await createClass(em, { school, year, classTeacher: colleague });
  const subject = await createSubject(em, school);
  page = await createAssignment(em, { teacher, subject, schoolClass });
  otherPage = await createAssignment(em, {
    teacher: colleague,
    subject: await createSubject(em, school),
    schoolClass,
  });
  topic = em.create(PlannedTopic, { school, assignment: page, position: 1, title: 'Дроби' });
  await em.persist(topic).flush();
  lab = await createWorkType(em, school, { name: 'Лабораторная работа', weight: 2 });
  token.teacher = await sessionFor(em, teacher);
  token.colleague = await sessionFor(em, colleague);
  token.student = await sessionFor(em, await createPerson(em, { school, roles: [Role.STUDENT] }));
  token.deputy = await sessionFor(em, await createPerson(em, { school, roles: [Role.DEPUTY] }));
});

afterAll(async () => {
  await app?.close();
});

const call = <T>(op: string, as: string, input: Record<string, unknown>) =>
  gql<Record<string, T>>(app.url, op, { input }, { token: token[as] });

describe('lessons (R-JRN-1, R-JRN-4)', () => {
  it('records a lesson with a topic from the plan, a work type and homework, audited', async () => {
    const r = await call<LessonData>(CREATE, 'teacher', {
      assignmentId: page.id,
      date: '2026-09-14',
      lessonNumber: 2,
      plannedTopicId: topic.id,
      workTypeId: lab.id,
      homework: { text: '§ 12, № 3–5', dueOn: '2026-09-16' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.createLesson).toMatchObject({
      topic: 'Дроби',
      status: 'HELD',
      plannedTopic: { title: 'Дроби' },
      homework: [{ text: '§ 12, № 3–5', dueOn: '2026-09-16' }],
    });
    const id = r.data!.createLesson!.id;
    expect(await em.fork().count(AuditEvent, { entityId: id, action: 'create' })).toBe(1);
  });

  it.each([
    ['a date in the holidays', { date: '2026-10-30' }, 'date'],
    ['a date that does not exist', { date: '2026-02-30' }, 'date'],
    [
      'a second lesson with the same number that day',
      { date: '2026-09-14', lessonNumber: 2 },
      'lessonNumber',
    ],
    [
      'an empty homework due before the lesson',
      { date: '2026-09-15', homework: { text: 'x', dueOn: '2026-09-01' } },
      'homework.dueOn',
    ],
    ['a topic of 600 characters', { date: '2026-09-15', topic: 'я'.repeat(600) }, 'topic'],
  ])('refuses %s and writes nothing', async (_name, extra, at) => {
    const before = await em.fork().count(Lesson, {});
    const r = await call(CREATE, 'teacher', { assignmentId: page.id, ...extra });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe(at);
    expect(await em.fork().count(Lesson, {})).toBe(before);
    expect(await em.fork().count(Homework, {})).toBe(1);
  });

  it('refuses a topic from another page’s plan, and pages the teacher does not keep', async () => {
    const foreignTopic = await call(CREATE, 'colleague', {
      assignmentId: otherPage.id,
      date: '2026-09-15',
      plannedTopicId: topic.id,
    });
    expect(codes(foreignTopic)).toEqual(['NOT_FOUND']);
    // The colleague is the class teacher: reads this page, may not write it.
    expect(
      codes(await call(CREATE, 'colleague', { assignmentId: page.id, date: '2026-09-15' })),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(await call(CREATE, 'student', { assignmentId: page.id, date: '2026-09-15' })),
    ).toEqual(['FORBIDDEN']);
  });

  it('edits topic and homework at the version seen; a stale version is a CONFLICT', async () => {
    const lesson = await createLesson(em, page, { date: '2026-09-21' });
    const r = await call<LessonData>(UPDATE, 'teacher', {
      lessonId: lesson.id,
      version: lesson.version,
      topic: 'Сложение дробей',
      homework: { text: 'Упр. 7' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.updateLesson).toMatchObject({
      topic: 'Сложение дробей',
      version: lesson.version + 1,
      homework: [{ text: 'Упр. 7', dueOn: null }],
    });
    const stale = await call(UPDATE, 'teacher', {
      lessonId: lesson.id,
      version: lesson.version,
      topic: 'Другое',
    });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.current).toMatchObject({ topic: 'Сложение дробей' });
    // Empty homework text removes it.
    const cleared = await call<LessonData>(UPDATE, 'teacher', {
      lessonId: lesson.id,
      version: lesson.version + 1,
      homework: { text: '  ' },
    });
    expect(cleared.data?.updateLesson?.homework).toEqual([]);
  });

  it('cancels a lesson with a reason; a cancelled lesson is not edited again', async () => {
    const lesson = await createLesson(em, page, { date: '2026-09-22' });
    const noReason = await call(CANCEL, 'teacher', { lessonId: lesson.id, version: 1, reason: '' });
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    const r = await call<LessonData>(CANCEL, 'teacher', {
      lessonId: lesson.id,
      version: 1,
      reason: 'Карантин',
    });
    expect(r.data?.cancelLesson?.status).toBe('CANCELLED');
    const again = await call(UPDATE, 'teacher', { lessonId: lesson.id, version: 2, topic: 'x' });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    const audit = await em
      .fork()
      .findOneOrFail(AuditEvent, { entityId: lesson.id, action: 'cancel' });
    expect(audit.reason).toBe('Карантин');
  });
});

describe('history (R-DATA-3)', () => {
  it("a lesson's history shows its own changes and its homework's, with actor and session", async () => {
    const r = await call<LessonData>(CREATE, 'teacher', {
      assignmentId: page.id,
      date: '2026-09-29',
      homework: { text: '§ 14' },
    });
    const id = r.data!.createLesson!.id;
    await call(UPDATE, 'teacher', { lessonId: id, version: 1, homework: { text: '§ 14–15' } });
    await call(UPDATE, 'teacher', { lessonId: id, version: 2, homework: { text: ' ' } });
    await call(UPDATE, 'teacher', { lessonId: id, version: 3, topic: 'Проценты' });
    const HISTORY = `query($id: ID!) { history(entityType: "Lesson", entityId: $id) { entityType action before after sessionId actor { id } } }`;
    const history = await gql<{
      history: {
        entityType: string;
        action: string;
        before: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
        sessionId: string | null;
        actor: { id: string } | null;
      }[];
    }>(app.url, HISTORY, { id }, { token: token.deputy });
    expect(history.errors).toBeUndefined();
    const entries = history.data!.history;
    expect(entries.map((e) => [e.entityType, e.action])).toEqual([
      ['Lesson', 'create'],
      ['Homework', 'create'],
      ['Lesson', 'update'],
      ['Homework', 'update'],
      ['Lesson', 'update'],
      ['Homework', 'delete'],
      ['Lesson', 'update'],
    ]);
    expect(entries[3]).toMatchObject({ before: { text: '§ 14' }, after: { text: '§ 14–15' } });
    expect(entries[5]).toMatchObject({ before: { text: '§ 14–15' }, after: null });
    const session = await em.fork().findOneOrFail(Session, { tokenHash: sha256(token.teacher!) });
    expect(new Set(entries.map((e) => e.sessionId))).toEqual(new Set([session.id]));
    expect(new Set(entries.map((e) => e.actor?.id))).toEqual(new Set([page.teacher.id]));
    // A teacher does not read the trail.
    const teacher = await gql(app.url, HISTORY, { id }, { token: token.teacher });
    expect(codes(teacher)).toEqual(['FORBIDDEN']);
  });
});

describe('periods (R-YEAR-1, R-JRN-5)', () => {
  const MARKS = `mutation($input: SetMarksInput!) { setMarks(input: $input) { marks { id } } }`;

  it('a holiday takes no lesson although the YEAR period covers it', async () => {
    em.persist(
      em.create(ReportingPeriod, {
        school: page.school,
        year: page.year,
        kind: PeriodKind.YEAR,
        number: 1,
        name: 'Год',
        startsOn: '2026-09-01',
        endsOn: '2027-05-31',
        gradeLevels: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      }),
    );
    await em.flush();
    const before = await em.fork().count(Lesson, {});
    const holiday = await call(CREATE, 'teacher', { assignmentId: page.id, date: '2026-10-30' });
    expect(codes(holiday)).toEqual(['BAD_USER_INPUT']);
    expect(holiday.errors?.[0]?.extensions?.field).toBe('date');
    const term = await call(CREATE, 'teacher', { assignmentId: page.id, date: '2026-11-09' });
    expect(term.errors).toBeUndefined();
    expect(await em.fork().count(Lesson, {})).toBe(before + 1);
  });

  it('a closed quarter takes no lesson and freezes its lessons, though the YEAR period is open', async () => {
    const lesson = await createLesson(em, page, { date: '2026-10-19', lessonNumber: 3 });
    const quarter = await em.fork().findOneOrFail(ReportingPeriod, {
      year: page.year.id,
      kind: PeriodKind.QUARTER,
      number: 1,
    });
    await em.fork().nativeUpdate(ReportingPeriod, { id: quarter.id }, { closedAt: new Date() });
    const before = await em.fork().count(Lesson, {});
    const created = await call(CREATE, 'teacher', { assignmentId: page.id, date: '2026-10-20' });
    expect(codes(created)).toEqual(['BAD_USER_INPUT']);
    expect(created.errors?.[0]?.extensions?.field).toBe('date');
    expect(await em.fork().count(Lesson, {})).toBe(before);

    const edits = [
      await call(UPDATE, 'teacher', { lessonId: lesson.id, version: 1, topic: 'Поздно' }),
      await call(CANCEL, 'teacher', { lessonId: lesson.id, version: 1, reason: 'Поздно' }),
      await gql(
        app.url,
        MARKS,
        { input: { lessonId: lesson.id, add: [{ studentId: page.teacher.id, value: '5' }] } },
        { token: token.teacher },
      ),
    ];
    for (const r of edits) {
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.extensions?.field).toBe('lessonId');
    }
    const now = await em.fork().findOneOrFail(Lesson, lesson.id);
    expect(now).toMatchObject({ version: 1, status: 'HELD', topic: lesson.topic });
  });
});
