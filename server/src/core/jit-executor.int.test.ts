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

// graphql-jit executes the served queries (jit-executor.ts). The same requests against an instance
// that executes everything with graphql-js, over the same database, must answer byte for byte the
// same: data, shield's refusals, domain errors, bad variables, limits, HTTP status included.
let jit: TestApp;
let js: TestApp;
let em: EntityManager;
const token: Record<string, string> = {};
const ids: Record<string, string> = {};

const PAGE = /* GraphQL */ `
  query Page($a: ID!, $p: ID!) {
    journalPage(assignmentId: $a, periodId: $p) {
      access
      minMarksForPeriodMark
      assignment {
        id
        createdAt
        subject {
          name
        }
        schoolClass {
          name
          gradeLevel
        }
        teacher {
          lastName
        }
      }
      period {
        name
        startsOn
        gradeLevels
      }
      students {
        student {
          id
          lastName
        }
        markCount
        average
        enoughMarksForPeriodMark
        periodMark {
          value
        }
      }
      lessons {
        id
        date
        status
        workType {
          name
        }
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
// One root field every teacher may read and one a parent may not: partial data beside FORBIDDEN.
const PAGES_AND_PAGE = /* GraphQL */ `
  query Both($a: ID!, $p: ID!) {
    me {
      person {
        lastName
      }
    }
    journalPage(assignmentId: $a, periodId: $p) {
      access
    }
  }
`;
const MY_PAGES = /* GraphQL */ `
  query Mine($on: String) {
    myJournalPages(on: $on) {
      id
      subject {
        name
      }
    }
  }
`;
// An input-object variable without field defaults: runs through graphql-jit.
const CONTROL = /* GraphQL */ `
  query Control($input: JournalControlInput!) {
    journalControl(input: $input) {
      from
      to
      pages {
        assignmentId
        className
        lessonsHeld
        lessonsWithoutTopic {
          count
        }
      }
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
// More aliases than the limit (limits.ts): refused before execution, by either executor.
const TOO_MANY_ALIASES = `query Aliases($a: ID!, $p: ID!) { ${Array.from(
  { length: 16 },
  (_, i) => `a${i}: journalPage(assignmentId: $a, periodId: $p) { access }`,
).join(' ')} }`;

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

const codes = (text: string) =>
  ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map(
    (e) => e.extensions?.code,
  );

beforeAll(async () => {
  jit = await startTestApp();
  js = await startTestApp({}, jit, true);
  em = jit.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  const period = await createPeriod(em, year);
  const nextYear = await createYear(em, school, '2027/2028');
  const otherPeriod = await createPeriod(em, nextYear);
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
    otherPeriod: otherPeriod.id,
    lesson: lesson.id,
    student: family.student.id,
  });
});

afterAll(async () => {
  await js?.close();
  await jit?.close();
});

describe('graphql-jit executes queries as graphql-js does', () => {
  const page =
    (p = () => ids.period) =>
    () => ({
      query: PAGE,
      variables: { a: ids.page, p: p() },
    });
  // [name, request, as, the error codes both must answer]
  const cases: [string, () => unknown, string | null, (string | undefined)[]][] = [
    ['the journal page', page(), 'teacher', []],
    ["a parent asking for a teacher's page (shield: FORBIDDEN)", page(), 'parent', ['FORBIDDEN']],
    [
      'a parent: the allowed field answers beside the FORBIDDEN one',
      () => ({ query: PAGES_AND_PAGE, variables: { a: ids.page, p: ids.period } }),
      'parent',
      ['FORBIDDEN'],
    ],
    ['signed out', page(), null, ['UNAUTHENTICATED']],
    ['a period that is not one (NOT_FOUND)', page(() => ids.page), 'teacher', ['NOT_FOUND']],
    [
      "a period of another year (the resolver's BAD_USER_INPUT)",
      page(() => ids.otherPeriod),
      'teacher',
      ['BAD_USER_INPUT'],
    ],
    [
      'a malformed date argument (BAD_USER_INPUT)',
      () => ({ query: MY_PAGES, variables: { on: '2026-13-45' } }),
      'teacher',
      ['BAD_USER_INPUT'],
    ],
    [
      'an argument left out and one given as null',
      () => ({ query: MY_PAGES, variables: {} }),
      'teacher',
      [],
    ],
    [
      'a variable missing',
      () => ({ query: PAGE, variables: { a: ids.page } }),
      'teacher',
      ['BAD_USER_INPUT'],
    ],
    [
      'a variable of the wrong type',
      () => ({ query: PAGE, variables: { a: ids.page, p: { x: 1 } } }),
      'teacher',
      ['BAD_USER_INPUT'],
    ],
    [
      'an input-object variable',
      () => ({ query: CONTROL, variables: { input: { from: '2026-09-01', to: '2026-09-30' } } }),
      'teacher',
      [],
    ],
    [
      'an input-object variable with an unknown field',
      () => ({
        query: CONTROL,
        variables: { input: { from: '2026-09-01', to: '2026-09-30', nope: 1 } },
      }),
      'teacher',
      ['BAD_USER_INPUT'],
    ],
    [
      'a query past the alias limit',
      () => ({ query: TOO_MANY_ALIASES, variables: { a: ids.page, p: ids.period } }),
      'teacher',
      ['GRAPHQL_VALIDATION_FAILED'],
    ],
    [
      'an unknown operation name',
      () => ({ query: PAGE, operationName: 'Nope', variables: {} }),
      'teacher',
      ['OPERATION_RESOLUTION_FAILURE'],
    ],
    [
      'a mark on a page another teacher keeps (a mutation: graphql-js in both)',
      () => ({
        query: SET_MARKS,
        variables: {
          input: { lessonId: ids.lesson, add: [{ studentId: ids.student, value: '5' }] },
        },
      }),
      'other',
      ['NOT_FOUND'],
    ],
  ];
  for (const [name, body, as, expected] of cases) {
    it(name, async () => {
      // Twice: the first run compiles the document, the second runs the cached compiled query.
      for (let i = 0; i < 2; i++) {
        const viaJit = await raw(jit, body(), as);
        const viaJs = await raw(js, body(), as);
        expect(viaJit).toEqual(viaJs);
        expect(codes(viaJit.text)).toEqual(expected);
      }
    });
  }

  it('the page shows a mark set through the API alike', async () => {
    const set = await raw(
      jit,
      {
        query: SET_MARKS,
        variables: {
          input: { lessonId: ids.lesson, add: [{ studentId: ids.student, value: '5' }] },
        },
      },
      'teacher',
    );
    expect(JSON.parse(set.text)).toEqual({
      data: { setMarks: { marks: [{ studentId: ids.student, value: '5' }] } },
    });
    const body = { query: PAGE, variables: { a: ids.page, p: ids.period } };
    const viaJit = await raw(jit, body, 'teacher');
    expect(viaJit).toEqual(await raw(js, body, 'teacher'));
    expect(viaJit.text).toContain('"markCount":1');
    expect(viaJit.text).toContain('"schoolClass":{"name":"5А","gradeLevel":5}');
  });
});
