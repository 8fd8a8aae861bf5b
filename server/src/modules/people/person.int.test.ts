import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClass,
  createPerson,
  createSchool,
  createYear,
  uniqueLogin,
} from '../../../test/factories/index.js';
import {
  createAssignment,
  createPeriod,
  createSubject,
  enrol,
  sessionFor,
} from '../../../test/factories/journal.js';
import { gql, startTestApp, type TestApp } from '../../../test/harness.js';
import { Role } from './role-assignment.entity.js';

// A sign-in name is half a credential: only its owner and the staff who keep accounts see it.
let app: TestApp;
const token: Record<string, string> = {};
let query: { a: string; p: string };
let studentLogin: string;

beforeAll(async () => {
  app = await startTestApp();
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  const year = await createYear(em, school);
  const period = await createPeriod(em, year);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const deputy = await createPerson(em, { school, roles: [Role.DEPUTY] });
  studentLogin = uniqueLogin('pupil');
  const student = await createPerson(em, { school, roles: [Role.STUDENT], login: studentLogin });
  const schoolClass = await createClass(em, { school, year });
  await enrol(em, student, schoolClass, year.startsOn);
  const page = await createAssignment(em, {
    teacher,
    subject: await createSubject(em, school),
    schoolClass,
  });
  query = { a: page.id, p: period.id };
  token.teacher = await sessionFor(em, teacher);
  token.deputy = await sessionFor(em, deputy);
  token.student = await sessionFor(em, student);
});

afterAll(async () => {
  await app?.close();
});

const PAGE = `query($a: ID!, $p: ID!) { journalPage(assignmentId: $a, periodId: $p) { students { student { login } } } }`;
const loginsSeenBy = async (who: string) => {
  const r = await gql<{ journalPage: { students: { student: { login: string | null } }[] } }>(
    app.url,
    PAGE,
    query,
    { token: token[who] },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.journalPage.students.map((s) => s.student.login);
};

describe('Person.login', () => {
  it('is hidden from a teacher, shown to the deputy who keeps accounts', async () => {
    expect(await loginsSeenBy('teacher')).toEqual([null]);
    expect(await loginsSeenBy('deputy')).toEqual([studentLogin]);
  });

  it('is shown to its owner', async () => {
    const r = await gql<{ me: { person: { login: string } } }>(
      app.url,
      `{ me { person { login } } }`,
      {},
      { token: token.student },
    );
    expect(r.data?.me.person.login).toBe(studentLogin);
  });
});
