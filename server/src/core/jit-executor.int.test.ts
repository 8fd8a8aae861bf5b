import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
} from '../../test/factories/index.js';
import {
  createAssignment,
  createLesson,
  createPeriod,
  createSubject,
  sessionFor,
} from '../../test/factories/journal.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { Role } from '../modules/people/role-assignment.entity.js';

// graphql-jit executes the served operations (jit-executor.ts). The same requests against an
// instance that executes with graphql-js, over the same database, must answer byte for byte the
// same: data, refusals, domain errors, bad variables and unknown operations, status included.
let jit: TestApp;
let js: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
const ids: Record<string, string> = {};

const PAGE = /* GraphQL */ `
  query Page($a: ID!, $p: ID!) {
    journalPage(assignmentId: $a, periodId: $p) {
      access
      assignment {
        id
        subject {
          name
        }
      }
      students {
        student {
          id
          lastName
        }
        markCount
        average
      }
      lessons {
        id
        date
        status
        homework {
          text
        }
      }
      marks {
        studentId
        value
        ... on Mark {
          weight
        }
      }
      __typename
    }
  }
`;
const SET_MARKS = /* GraphQL */ `
  mutation Set($input: SetMarksInput!) {
    setMarks(input: $input) {
      marks {
        studentId
        value
      }
    }
  }
`;

async function raw(app: TestApp, body: unknown, as: string | null) {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(as ? { authorization: `Bearer ${token[as]}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  jit = await startTestApp();
  js = await startTestApp({}, jit, true);
  em = jit.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  const period = await createPeriod(em, year);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER], lastName: 'Учителева' });
  const other = await createPerson(em, { school, roles: [Role.TEACHER], lastName: 'Другая' });
  const c5a = await createClass(em, { school, year, letter: 'А' });
  const maths = await createSubject(em, school, 'Математика');
  const page = await createAssignment(em, { teacher, subject: maths, schoolClass: c5a });
  const family = await createFamily(em, { schoolClass: c5a });
  const lesson = await createLesson(em, page, { date: '2026-09-02' });
  token.teacher = await sessionFor(em, teacher);
  token.other = await sessionFor(em, other);
  token.parent = await sessionFor(em, family.parent);
  Object.assign(ids, {
    page: page.id,
    period: period.id,
    lesson: lesson.id,
    student: family.student.id,
  });
});

afterAll(async () => {
  await js?.close();
  await jit?.close();
});

describe('graphql-jit executes as graphql-js does', () => {
  const cases: [string, () => unknown, string | null][] = [
    [
      'the journal page',
      () => ({ query: PAGE, variables: { a: ids.page, p: ids.period } }),
      'teacher',
    ],
    [
      "a parent asking for a teacher's page (refused by shield)",
      () => ({ query: PAGE, variables: { a: ids.page, p: ids.period } }),
      'parent',
    ],
    ['signed out', () => ({ query: PAGE, variables: { a: ids.page, p: ids.period } }), null],
    [
      'a period that is not one (NOT_FOUND from the resolver)',
      () => ({ query: PAGE, variables: { a: ids.page, p: ids.page } }),
      'teacher',
    ],
    ['a malformed id', () => ({ query: PAGE, variables: { a: 'nope', p: ids.period } }), 'teacher'],
    ['a variable missing', () => ({ query: PAGE, variables: { a: ids.page } }), 'teacher'],
    [
      'a variable of the wrong type',
      () => ({ query: PAGE, variables: { a: ids.page, p: { x: 1 } } }),
      'teacher',
    ],
    [
      'an unknown operation name',
      () => ({ query: PAGE, operationName: 'Nope', variables: {} }),
      'teacher',
    ],
    [
      "a mark on a page another teacher keeps (the mutation's refusal)",
      () => ({
        query: SET_MARKS,
        variables: {
          input: { lessonId: ids.lesson, add: [{ studentId: ids.student, value: '5' }] },
        },
      }),
      'other',
    ],
    [
      'an invalid mark value (BAD_USER_INPUT from the service)',
      () => ({
        query: SET_MARKS,
        variables: {
          input: { lessonId: ids.lesson, add: [{ studentId: ids.student, value: '9' }] },
        },
      }),
      'teacher',
    ],
  ];
  for (const [name, body, as] of cases) {
    it(name, async () => {
      // Twice: the first run compiles the document, the second runs the cached compiled query.
      for (let i = 0; i < 2; i++) {
        const viaJit = await raw(jit, body(), as);
        const viaJs = await raw(js, body(), as);
        expect(viaJit).toEqual(viaJs);
      }
    });
  }

  it('a mutation that succeeds answers alike, and the page then shows the mark', async () => {
    const set = (app: TestApp, value: string) =>
      raw(
        app,
        {
          query: SET_MARKS,
          variables: { input: { lessonId: ids.lesson, add: [{ studentId: ids.student, value }] } },
        },
        'teacher',
      );
    const a = await set(jit, '5');
    const b = await set(js, '4');
    expect(a.status).toBe(200);
    expect(JSON.parse(a.text)).toEqual({
      data: { setMarks: { marks: [{ studentId: ids.student, value: '5' }] } },
    });
    // setMarks answers with every mark of the lesson.
    const values = (r: { text: string }) =>
      (
        JSON.parse(r.text) as { data: { setMarks: { marks: { value: string }[] } } }
      ).data.setMarks.marks
        .map((m) => m.value)
        .sort();
    expect(values(b)).toEqual(['4', '5']);
    const page = { query: PAGE, variables: { a: ids.page, p: ids.period } };
    const viaJit = await raw(jit, page, 'teacher');
    expect(viaJit).toEqual(await raw(js, page, 'teacher'));
    expect(viaJit.text).toContain('"markCount":2');
  });
});
