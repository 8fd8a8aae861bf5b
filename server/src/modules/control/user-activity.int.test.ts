import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlSchool, type ControlSchool } from '../../../test/factories/control.js';
import { createPerson, createSchool } from '../../../test/factories/index.js';
import { sessionFor } from '../../../test/factories/journal.js';
import { Role } from '../people/role-assignment.entity.js';
import { codes, gql, startTestApp, type TestApp } from '../../../test/harness.js';

const ACTIVITY = /* GraphQL */ `
  query Activity($input: UserActivityInput!) {
    userActivity(input: $input) {
      month
      schoolId
      roles {
        role
        people
        signedIn
        signIns
        actions
      }
      teachers {
        teacherId
        teacherName
        lessons
        keptOnDay
        share
      }
      lessons
      keptOnDay
      share
    }
  }
`;

interface ActivityData {
  userActivity: {
    month: string;
    schoolId: string;
    roles: { role: string; people: number; signedIn: number; signIns: number; actions: number }[];
    teachers: {
      teacherId: string;
      teacherName: string;
      lessons: number;
      keptOnDay: number;
      share: number | null;
    }[];
    lessons: number;
    keptOnDay: number;
    share: number | null;
  };
}

let app: TestApp;
let f: ControlSchool;

beforeAll(async () => {
  app = await startTestApp();
  f = await createControlSchool(app.orm.em.fork());
});

afterAll(async () => {
  await app?.close();
});

const activity = (token: string | null, month = '2025-10') =>
  gql<ActivityData>(app.url, ACTIVITY, { input: { month } }, { token });

describe('monthly user activity (R-RPT-1)', () => {
  it('R-RPT-1: people, sign-ins and audited actions per role, in the school time zone', async () => {
    const r = await activity(f.tokens.deputy);
    expect(r.errors).toBeUndefined();
    const report = r.data!.userActivity;
    expect([report.month, report.schoolId]).toEqual(['2025-10', f.school.id]);
    // Sign-ins: s1, s3 (23:00 on 31 Oct in Moscow); p1 (p2's is in September, p3's on 1 Nov in
    // Moscow); t1 twice; the deputy once. Actions: t1 three, t2 one; the deputy's is in November.
    expect(report.roles).toEqual([
      { role: 'ADMINISTRATOR', people: 0, signedIn: 0, signIns: 0, actions: 0 },
      { role: 'DIRECTOR', people: 0, signedIn: 0, signIns: 0, actions: 0 },
      { role: 'DEPUTY', people: 1, signedIn: 1, signIns: 1, actions: 0 },
      { role: 'RECORDS_CLERK', people: 1, signedIn: 0, signIns: 0, actions: 0 },
      { role: 'TEACHER', people: 2, signedIn: 1, signIns: 2, actions: 4 },
      { role: 'STUDENT', people: 5, signedIn: 2, signIns: 2, actions: 0 },
      { role: 'PARENT', people: 5, signedIn: 1, signIns: 1, actions: 0 },
    ]);
  });

  it("R-RPT-1: teachers' share of lessons recorded on the lesson's day", async () => {
    const report = (await activity(f.tokens.deputy)).data!.userActivity;
    // t1: M1 (same day), M3 (23:30 on the day in Moscow) kept; M2 (next day), M6 (00:30 next day
    // in Moscow) not; M4 cancelled and M5 in September do not count. t2: R1 on the day, R2 ahead.
    expect(report.teachers).toEqual([
      { teacherId: f.t1.id, teacherName: 'Алексеева Анна', lessons: 4, keptOnDay: 2, share: 0.5 },
      { teacherId: f.t2.id, teacherName: 'Борисова Вера', lessons: 2, keptOnDay: 2, share: 1 },
    ]);
    expect([report.lessons, report.keptOnDay]).toEqual([6, 4]);
    expect(report.share).toBeCloseTo(2 / 3, 6);
  });

  it('another month has its own figures', async () => {
    const report = (await activity(f.tokens.deputy, '2025-11')).data!.userActivity;
    expect(report.roles.find((r) => r.role === 'DEPUTY')).toEqual({
      role: 'DEPUTY',
      people: 1,
      signedIn: 0,
      signIns: 0,
      actions: 1,
    });
    expect([report.lessons, report.teachers]).toEqual([0, []]);
  });

  it('refuses a month that is not YYYY-MM', async () => {
    for (const month of ['2025-13', '2025-1', 'октябрь']) {
      const r = await activity(f.tokens.deputy, month);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.extensions?.field).toBe('month');
    }
  });

  it("another school's administration gets NOT_FOUND for this school", async () => {
    const fork = app.orm.em.fork();
    const other = await createSchool(fork);
    const director = await createPerson(fork, { school: other, roles: [Role.DIRECTOR] });
    const token = await sessionFor(fork, director);
    const r = await gql(
      app.url,
      ACTIVITY,
      { input: { month: '2025-10', schoolId: f.school.id } },
      { token },
    );
    expect(codes(r)).toEqual(['NOT_FOUND']);
  });

  it('is for the administration only', async () => {
    expect(codes(await activity(f.tokens.t1))).toEqual(['FORBIDDEN']);
    expect(codes(await activity(f.tokens.parent))).toEqual(['FORBIDDEN']);
    expect(codes(await activity(f.tokens.student))).toEqual(['FORBIDDEN']);
    expect(codes(await activity(null))).toEqual(['UNAUTHENTICATED']);
  });
});
