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
import { AuditEvent } from '../audit/index.js';
import type { Person } from '../people/person.entity.js';
import { Role } from '../people/role-assignment.entity.js';
import { PeriodKind, ReportingPeriod } from '../year/reporting-period.entity.js';
import type { TeachingAssignment } from '../year/teaching-assignment.entity.js';
import { Mark } from './mark.entity.js';
import { PeriodMark } from './period-mark.entity.js';

const SET = /* GraphQL */ `
  mutation Set($input: SetPeriodMarksInput!) {
    setPeriodMarks(input: $input) {
      replayed
      periodMarks {
        id
        studentId
        value
        special
        version
      }
      warnings {
        studentId
        markCount
        required
      }
    }
  }
`;

interface SetData {
  setPeriodMarks: {
    replayed: boolean;
    periodMarks: {
      id: string;
      studentId: string;
      value: string | null;
      special: string | null;
      version: number;
    }[];
    warnings: { studentId: string; markCount: number; required: number }[];
  };
}

let app: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
let page: TeachingAssignment;
let q1: ReportingPeriod;
let otherYearPeriod: ReportingPeriod;
const kids: Person[] = [];

beforeAll(async () => {
  app = await startTestApp();
  em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  q1 = await createPeriod(em, year);
  otherYearPeriod = await createPeriod(em, await createYear(em, school, '2025/2026'));
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const classTeacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const schoolClass = await createClass(em, { school, year, classTeacher });
  page = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school),
    schoolClass,
  });
  for (let i = 0; i < 3; i++) {
    kids.push((await createFamily(em, { schoolClass })).student);
  }
  // Kid 0 has three marks (the school minimum), kid 1 only one.
  for (const [d, who] of [
    ['2026-09-02', [0, 1]],
    ['2026-09-09', [0]],
    ['2026-09-16', [0]],
  ] as const) {
    const lesson = await createLesson(em, page, { date: d });
    for (const k of who) {
      em.persist(
        em.create(Mark, {
          school,
          lesson,
          student: kids[k]!,
          value: '5',
          numericValue: 5,
          enteredBy: teacher,
        }),
      );
    }
  }
  await em.flush();
  token.teacher = await sessionFor(em, teacher);
  token.classTeacher = await sessionFor(em, classTeacher);
});

afterAll(async () => {
  await app?.close();
});

const set = (as: string, marks: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  gql<SetData>(
    app.url,
    SET,
    { input: { assignmentId: page.id, periodId: q1.id, marks, ...extra } },
    { token: token[as] },
  );

describe('setPeriodMarks (R-JRN-5)', () => {
  it('sets values and special marks; warns, without refusing, on too few current marks', async () => {
    const r = await set('teacher', [
      { studentId: kids[0]!.id, value: '5' },
      { studentId: kids[1]!.id, value: '4' },
      { studentId: kids[2]!.id, special: 'NOT_ATTESTED' },
    ]);
    expect(r.errors).toBeUndefined();
    expect(r.data?.setPeriodMarks.periodMarks.map((m) => m.value ?? m.special)).toEqual([
      '5',
      '4',
      'NOT_ATTESTED',
    ]);
    expect(r.data?.setPeriodMarks.warnings).toEqual([
      { studentId: kids[1]!.id, markCount: 1, required: 3 },
    ]);
    expect(await em.fork().count(AuditEvent, { entityType: 'PeriodMark' })).toBe(3);
  });

  it('a change needs the version seen and a reason', async () => {
    const current = await em.fork().findOneOrFail(PeriodMark, { student: kids[1]!.id });
    const noReason = await set('teacher', [
      { studentId: kids[1]!.id, value: '3', version: current.version },
    ]);
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors?.[0]?.extensions?.field).toBe('marks[0].reason');
    const stale = await set('teacher', [
      { studentId: kids[1]!.id, value: '3', version: current.version + 5, reason: 'x' },
    ]);
    expect(codes(stale)).toEqual(['CONFLICT']);
    const ok = await set('teacher', [
      {
        studentId: kids[1]!.id,
        special: 'EXEMPT',
        version: current.version,
        reason: 'Справка ЛФК',
      },
    ]);
    expect(ok.data?.setPeriodMarks.periodMarks[0]).toMatchObject({
      value: null,
      special: 'EXEMPT',
    });
  });

  it.each([
    ['a value and a special mark at once', { value: '5', special: 'EXEMPT' }, 'marks[0].special'],
    ['a value off the scale', { value: '7' }, 'marks[0].value'],
    ['neither a value nor a special mark', {}, 'marks[0].value'],
  ])('refuses %s and writes nothing', async (_name, entry, at) => {
    const before = await em.fork().count(PeriodMark, {});
    const fresh = (await createFamily(em.fork(), { schoolClass: page.schoolClass })).student;
    const r = await set('teacher', [{ studentId: fresh.id, ...entry }]);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe(at);
    expect(await em.fork().count(PeriodMark, {})).toBe(before);
  });

  it('refuses a period of another year, and a class teacher who does not keep the page', async () => {
    const wrongYear = await set('teacher', [{ studentId: kids[0]!.id, value: '5' }], {
      periodId: otherYearPeriod.id,
    });
    expect(codes(wrongYear)).toEqual(['NOT_FOUND']);
    const notKeeper = await set('classTeacher', [{ studentId: kids[0]!.id, value: '5' }]);
    expect(codes(notKeeper)).toEqual(['FORBIDDEN']);
  });

  it('R-YEAR-1: refuses a period of other grades (half-years of 10–11 for a 5th-grade page), on the page and for period marks', async () => {
    const e = em.fork();
    const halfYear = e.create(ReportingPeriod, {
      school: page.school.id,
      year: page.year.id,
      kind: PeriodKind.HALF_YEAR,
      number: 1,
      name: 'I полугодие',
      startsOn: '2026-09-01',
      endsOn: '2026-12-28',
      gradeLevels: [10, 11],
    });
    await e.persist(halfYear).flush();
    const before = await em.fork().count(PeriodMark, {});
    const r = await set('teacher', [{ studentId: kids[2]!.id, value: '5' }], {
      periodId: halfYear.id,
    });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('periodId');
    expect(await em.fork().count(PeriodMark, {})).toBe(before);
    const pageRead = await gql(
      app.url,
      `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) { access } }`,
      { a: page.id, p: halfYear.id },
      { token: token.teacher },
    );
    expect(codes(pageRead)).toEqual(['BAD_USER_INPUT']);
    expect(pageRead.errors?.[0]?.extensions?.field).toBe('periodId');
  });
});
