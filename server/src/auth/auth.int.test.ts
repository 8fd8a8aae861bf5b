import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../modules/audit/index.js';
import { Role } from '../modules/people/role-assignment.entity.js';
import type { School } from '../modules/school/school.entity.js';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
  uniqueLogin,
} from '../../test/factories/index.js';
import { codes, gql, startTestApp, type TestApp } from '../../test/harness.js';
import { Invitation } from './invitation.entity.js';
import { Session } from './session.entity.js';

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      expiresAt
      viewer {
        person {
          id
          firstName
          lastName
          login
        }
        roles {
          role
          school {
            id
            name
          }
        }
      }
    }
  }
`;
const ME = /* GraphQL */ `
  query {
    me {
      person {
        id
        login
      }
      roles {
        role
        school {
          id
        }
      }
    }
  }
`;
const SIGN_OUT = /* GraphQL */ `
  mutation {
    signOut
  }
`;
const SIGN_OUT_EVERYWHERE = /* GraphQL */ `
  mutation {
    signOutEverywhere
  }
`;
const REDEEM = /* GraphQL */ `
  mutation Redeem($input: RedeemInvitationInput!) {
    redeemInvitation(input: $input) {
      token
      viewer {
        person {
          id
          login
        }
      }
    }
  }
`;
const CREATE_STAFF = /* GraphQL */ `
  mutation Create($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      code
      expiresAt
      role
      person {
        id
        lastName
        login
      }
    }
  }
`;
const ISSUE = /* GraphQL */ `
  mutation Issue($input: IssueInvitationInput!) {
    issueInvitation(input: $input) {
      code
      expiresAt
      role
      person {
        id
      }
    }
  }
`;

type SignInData = { signIn: { token: string; viewer: { person: { id: string } } } };

let app: TestApp;
let school: School;
let otherSchool: School;
const PASSWORD = 'correct horse battery';

async function signIn(login: string, password = PASSWORD): Promise<string> {
  const r = await gql<SignInData>(app.url, SIGN_IN, { input: { login, password } });
  expect(r.errors).toBeUndefined();
  return r.data!.signIn.token;
}

async function countRows(entity: typeof Session | typeof AuditEvent) {
  return app.orm.em.fork().count(entity as typeof Session, {});
}

beforeAll(async () => {
  app = await startTestApp();
  const em = app.orm.em.fork();
  school = await createSchool(em);
  otherSchool = await createSchool(em);
});
afterAll(async () => {
  await app?.close();
});

describe('signIn (R-AUTH-1)', () => {
  it('signs in with the issued login and password and returns who signed in', async () => {
    const login = uniqueLogin('teacher');
    const em = app.orm.em.fork();
    const teacher = await createPerson(em, {
      school,
      roles: [Role.TEACHER],
      login,
      firstName: 'Анна',
    });
    const r = await gql<
      SignInData & { signIn: { viewer: { roles: { role: string; school: { id: string } }[] } } }
    >(app.url, SIGN_IN, { input: { login: login.toUpperCase(), password: PASSWORD } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.signIn.token).toMatch(/^[\w-]{43}$/);
    expect(r.data!.signIn.viewer.person.id).toBe(teacher.id);
    expect(r.data!.signIn.viewer.roles).toEqual([
      { role: 'TEACHER', school: { id: school.id, name: school.name } },
    ]);

    const me = await gql<{ me: { person: { id: string } } }>(
      app.url,
      ME,
      {},
      { token: r.data!.signIn.token },
    );
    expect(me.data!.me.person.id).toBe(teacher.id);
  });

  it('refuses a wrong password and an unknown login alike, and opens no session', async () => {
    const login = uniqueLogin();
    await createPerson(app.orm.em.fork(), { school, roles: [Role.TEACHER], login });
    const sessionsBefore = await countRows(Session);
    const wrong = await gql(app.url, SIGN_IN, { input: { login, password: 'not the password' } });
    const unknown = await gql(app.url, SIGN_IN, {
      input: { login: 'nobody.here', password: PASSWORD },
    });
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(wrong.data).toBeNull();
    expect(await countRows(Session)).toBe(sessionsBefore);
  });

  it('answers in the language the client asks for when nobody is signed in', async () => {
    const ru = await gql(app.url, SIGN_IN, { input: { login: 'x.y', password: 'wrong' } });
    const en = await gql(
      app.url,
      SIGN_IN,
      { input: { login: 'x.y', password: 'wrong' } },
      { headers: { 'accept-language': 'en-GB,en;q=0.9' } },
    );
    expect(ru.errors![0]!.message).toBe('Неверный логин или пароль.');
    expect(en.errors![0]!.message).toBe('Wrong login or password.');
    expect(en.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('treats a missing or forged token as nobody', async () => {
    expect((await gql(app.url, ME)).data).toEqual({ me: null });
    expect((await gql(app.url, ME, {}, { token: 'forged-token' })).data).toEqual({ me: null });
    expect(codes(await gql(app.url, SIGN_OUT))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('sessions (R-AUTH-3)', () => {
  it('signOut ends only the current session', async () => {
    const login = uniqueLogin();
    await createPerson(app.orm.em.fork(), { school, roles: [Role.PARENT], login });
    const phone = await signIn(login);
    const laptop = await signIn(login);
    expect((await gql(app.url, SIGN_OUT, {}, { token: phone })).data).toEqual({ signOut: true });
    expect((await gql(app.url, ME, {}, { token: phone })).data).toEqual({ me: null });
    expect(
      (await gql<{ me: unknown }>(app.url, ME, {}, { token: laptop })).data!.me,
    ).not.toBeNull();
  });

  it('signOutEverywhere revokes every session of the person at once, and no one else’s', async () => {
    const login = uniqueLogin();
    const otherLogin = uniqueLogin();
    const em = app.orm.em.fork();
    const person = await createPerson(em, { school, roles: [Role.TEACHER], login });
    await createPerson(em, { school, roles: [Role.TEACHER], login: otherLogin });
    const tokens = [await signIn(login), await signIn(login), await signIn(login)];
    const bystander = await signIn(otherLogin);
    const r = await gql(app.url, SIGN_OUT_EVERYWHERE, {}, { token: tokens[1] });
    expect(r.data).toEqual({ signOutEverywhere: 3 });
    for (const token of tokens) {
      expect((await gql(app.url, ME, {}, { token })).data).toEqual({ me: null });
    }
    expect(
      (await gql<{ me: unknown }>(app.url, ME, {}, { token: bystander })).data!.me,
    ).not.toBeNull();
    const audit = await app.orm.em
      .fork()
      .find(AuditEvent, { actorId: person.id, action: 'signOutEverywhere' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ sessionsRevoked: 3 });
  });

  it('stores only a hash of the token', async () => {
    const login = uniqueLogin();
    await createPerson(app.orm.em.fork(), { school, roles: [Role.TEACHER], login });
    const token = await signIn(login);
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ token_hash: string }[]>('select token_hash from session');
    expect(rows.some((r) => r.token_hash.includes(token))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});

describe('staff accounts and invitation codes (R-AUTH-1, R-ROLE-1)', () => {
  let adminToken: string;
  let teacherToken: string;
  let otherAdminToken: string;

  beforeAll(async () => {
    const em = app.orm.em.fork();
    const admin = uniqueLogin('admin');
    const teacher = uniqueLogin('teacher');
    const otherAdmin = uniqueLogin('admin');
    await createPerson(em, { school, roles: [Role.ADMINISTRATOR], login: admin });
    await createPerson(em, { school, roles: [Role.TEACHER], login: teacher });
    await createPerson(em, { school: otherSchool, roles: [Role.ADMINISTRATOR], login: otherAdmin });
    [adminToken, teacherToken, otherAdminToken] = [
      await signIn(admin),
      await signIn(teacher),
      await signIn(otherAdmin),
    ];
  });

  const staffInput = () => ({
    schoolId: school.id,
    lastName: 'Смирнова',
    firstName: 'Ольга',
    middleName: 'Петровна',
    roles: ['TEACHER', 'DEPUTY'],
  });

  type Created = {
    createStaffAccount: {
      code: string;
      role: string;
      person: { id: string; login: string | null };
    };
  };

  it('the administrator creates a staff account whose code is redeemed once to sign in', async () => {
    const created = await gql<Created>(
      app.url,
      CREATE_STAFF,
      { input: staffInput() },
      { token: adminToken },
    );
    expect(created.errors).toBeUndefined();
    const { code, person, role } = created.data!.createStaffAccount;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(role).toBe('DEPUTY');
    expect(person.login).toBeNull();

    const login = uniqueLogin('smirnova');
    // Typed sloppily, as people do: lower case, spaces instead of dashes.
    const sloppy = code.toLowerCase().replace(/-/g, ' ');
    const redeemed = await gql<{
      redeemInvitation: { token: string; viewer: { person: { id: string; login: string } } };
    }>(app.url, REDEEM, { input: { code: sloppy, login, password: 'a long new password' } });
    expect(redeemed.errors).toBeUndefined();
    expect(redeemed.data!.redeemInvitation.viewer.person).toEqual({ id: person.id, login });

    const again = await gql(app.url, REDEEM, {
      input: { code, login: uniqueLogin(), password: 'another password' },
    });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0]!.extensions!.field).toBe('code');
    expect(again.errors![0]!.message).toBe('Этот код приглашения уже использован.');

    const viaPassword = await gql<SignInData>(app.url, SIGN_IN, {
      input: { login, password: 'a long new password' },
    });
    expect(viaPassword.data!.signIn.viewer.person.id).toBe(person.id);
    const trail = await app.orm.em
      .fork()
      .find(AuditEvent, { entityId: person.id }, { orderBy: { occurredAt: 'asc' } });
    expect(trail.map((e) => e.action)).toEqual(['createStaffAccount', 'redeemInvitation']);
  });

  it('refuses an expired code and changes nothing', async () => {
    const created = await gql<Created>(
      app.url,
      CREATE_STAFF,
      { input: staffInput() },
      { token: adminToken },
    );
    const { code, person } = created.data!.createStaffAccount;
    await app.orm.em
      .fork()
      .nativeUpdate(
        Invitation,
        { person: person.id },
        { expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 2000) },
      );
    const r = await gql(app.url, REDEEM, {
      input: { code, login: uniqueLogin(), password: 'long enough password' },
    });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions!.field).toBe('code');
    expect(r.errors![0]!.message).toBe('Срок действия кода приглашения истёк.');
    const inv = await app.orm.em.fork().findOneOrFail(Invitation, { person: person.id });
    expect(inv.redeemedAt).toBeNull();
  });

  it('refuses an unknown code, a short password, a bad or taken login, each naming the field, and writes nothing', async () => {
    const created = await gql<Created>(
      app.url,
      CREATE_STAFF,
      { input: staffInput() },
      { token: adminToken },
    );
    const { code } = created.data!.createStaffAccount;
    const takenLogin = uniqueLogin('taken');
    await createPerson(app.orm.em.fork(), { school, roles: [Role.TEACHER], login: takenLogin });
    const sessions = await countRows(Session);
    const audit = await countRows(AuditEvent);
    const cases: [Record<string, string>, string][] = [
      [{ code: 'ZZZZ-ZZZZ-ZZZZ', login: uniqueLogin(), password: 'long enough password' }, 'code'],
      [{ code, login: uniqueLogin(), password: 'short' }, 'password'],
      [{ code, login: 'a b', password: 'long enough password' }, 'login'],
      [{ code, login: takenLogin, password: 'long enough password' }, 'login'],
    ];
    for (const [input, field] of cases) {
      const r = await gql(app.url, REDEEM, { input });
      expect(codes(r), field).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions!.field).toBe(field);
    }
    expect(await countRows(Session)).toBe(sessions);
    expect(await countRows(AuditEvent)).toBe(audit);
    // The code is still good after all those refusals.
    const ok = await gql(app.url, REDEEM, {
      input: { code, login: uniqueLogin(), password: 'long enough password' },
    });
    expect(ok.errors).toBeUndefined();
  });

  it('a newer code withdraws the older one', async () => {
    const created = await gql<Created>(
      app.url,
      CREATE_STAFF,
      { input: staffInput() },
      { token: adminToken },
    );
    const { code: first, person } = created.data!.createStaffAccount;
    const reissued = await gql<{ issueInvitation: { code: string } }>(
      app.url,
      ISSUE,
      { input: { personId: person.id } },
      { token: adminToken },
    );
    expect(reissued.errors).toBeUndefined();
    const old = await gql(app.url, REDEEM, {
      input: { code: first, login: uniqueLogin(), password: 'long enough password' },
    });
    expect(codes(old)).toEqual(['BAD_USER_INPUT']);
    const fresh = await gql(app.url, REDEEM, {
      input: {
        code: reissued.data!.issueInvitation.code,
        login: uniqueLogin(),
        password: 'long enough password',
      },
    });
    expect(fresh.errors).toBeUndefined();
  });

  it('only an administrator of that school creates staff; bad input names the field', async () => {
    const byTeacher = await gql(
      app.url,
      CREATE_STAFF,
      { input: staffInput() },
      { token: teacherToken },
    );
    expect(codes(byTeacher)).toEqual(['FORBIDDEN']);
    const byOtherSchool = await gql(
      app.url,
      CREATE_STAFF,
      { input: staffInput() },
      { token: otherAdminToken },
    );
    expect(codes(byOtherSchool)).toEqual(['NOT_FOUND']);
    const anonymous = await gql(app.url, CREATE_STAFF, { input: staffInput() });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const parentRole = await gql(
      app.url,
      CREATE_STAFF,
      { input: { ...staffInput(), roles: ['PARENT'] } },
      { token: adminToken },
    );
    expect(codes(parentRole)).toEqual(['BAD_USER_INPUT']);
    expect(parentRole.errors![0]!.extensions!.field).toBe('roles');
    const badSchool = await gql(
      app.url,
      CREATE_STAFF,
      { input: { ...staffInput(), schoolId: 'x' } },
      { token: adminToken },
    );
    expect(codes(badSchool)).toEqual(['NOT_FOUND']);
    const noName = await gql(
      app.url,
      CREATE_STAFF,
      { input: { ...staffInput(), lastName: '  ' } },
      { token: adminToken },
    );
    expect(noName.errors![0]!.extensions!.field).toBe('lastName');
  });

  it('a teacher cannot issue a code to a colleague; another school cannot see the person', async () => {
    const colleague = await createPerson(app.orm.em.fork(), { school, roles: [Role.TEACHER] });
    expect(
      codes(
        await gql(app.url, ISSUE, { input: { personId: colleague.id } }, { token: teacherToken }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await gql(
          app.url,
          ISSUE,
          { input: { personId: colleague.id } },
          { token: otherAdminToken },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
  });
});

describe('class teachers issue codes to the families of their class (R-AUTH-1, R-ROLE-6)', () => {
  it('to a student and a parent of their class, not to another class, and not after the student left', async () => {
    const em = app.orm.em.fork();
    const ctLogin = uniqueLogin('ct');
    const classTeacher = await createPerson(em, { school, roles: [Role.TEACHER], login: ctLogin });
    const year = await createYear(em, school, `${2040 + Math.floor(Math.random() * 50)}/2099`);
    const own = await createClass(em, { school, year, letter: 'А', classTeacher });
    const other = await createClass(em, { school, year, letter: 'Б' });
    const today = new Date().toISOString().slice(0, 10);
    const ownFamily = await createFamily(em, { schoolClass: own, startsOn: '2000-01-01' });
    const otherFamily = await createFamily(em, { schoolClass: other, startsOn: '2000-01-01' });
    const leftFamily = await createFamily(em, {
      schoolClass: own,
      startsOn: '2000-01-01',
      endsOn: today,
    });
    const token = await signIn(ctLogin);

    const issue = (personId: string) =>
      gql<{ issueInvitation: { code: string; role: string } }>(
        app.url,
        ISSUE,
        { input: { personId } },
        { token },
      );
    const toStudent = await issue(ownFamily.student.id);
    expect(toStudent.errors).toBeUndefined();
    expect(toStudent.data!.issueInvitation.role).toBe('STUDENT');
    const toParent = await issue(ownFamily.parent.id);
    expect(toParent.data!.issueInvitation.role).toBe('PARENT');
    expect(codes(await issue(otherFamily.student.id))).toEqual(['FORBIDDEN']);
    expect(codes(await issue(otherFamily.parent.id))).toEqual(['FORBIDDEN']);
    expect(codes(await issue(leftFamily.student.id))).toEqual(['FORBIDDEN']);
    expect(codes(await issue('00000000-0000-4000-8000-000000000000'))).toEqual(['NOT_FOUND']);
    expect(codes(await issue('not-an-id'))).toEqual(['NOT_FOUND']);

    // The parent redeems the code and sees only themself as PARENT.
    const login = uniqueLogin('parent');
    const redeemed = await gql<{ redeemInvitation: { token: string } }>(app.url, REDEEM, {
      input: { code: toParent.data!.issueInvitation.code, login, password: 'parent password 1' },
    });
    expect(redeemed.errors).toBeUndefined();
    const me = await gql<{ me: { person: { id: string }; roles: { role: string }[] } }>(
      app.url,
      ME,
      {},
      { token: redeemed.data!.redeemInvitation.token },
    );
    expect(me.data!.me.person.id).toBe(ownFamily.parent.id);
    expect(me.data!.me.roles.map((r) => r.role)).toEqual(['PARENT']);
  });

  it('a student or parent cannot issue codes at all', async () => {
    const em = app.orm.em.fork();
    const login = uniqueLogin('student');
    await createPerson(em, { school, roles: [Role.STUDENT], login });
    const someone = await createPerson(em, { school, roles: [Role.STUDENT] });
    const r = await gql(
      app.url,
      ISSUE,
      { input: { personId: someone.id } },
      { token: await signIn(login) },
    );
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });
});

describe('audit trail (R-DATA-3)', () => {
  it('is append-only in the database itself', async () => {
    const conn = app.orm.em.fork().getConnection();
    await expect(conn.execute(`update audit_event set reason = 'tampered'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(conn.execute(`delete from audit_event`)).rejects.toThrow(/append-only/);
  });
});
