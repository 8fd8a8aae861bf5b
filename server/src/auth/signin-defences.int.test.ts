// Sign-in defences (issue 8): throttling, password rules, TOTP, session lifetimes, CORS.
import { TOTP, Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../modules/audit/index.js';
import { Role } from '../modules/people/role-assignment.entity.js';
import type { School } from '../modules/school/school.entity.js';
import { createPerson, createSchool, uniqueLogin } from '../../test/factories/index.js';
import { codes, gql, startTestApp, type GqlResult, type TestApp } from '../../test/harness.js';
import { Session } from './session.entity.js';
import { SignInChallenge } from './sign-in-challenge.entity.js';
import { TotpFactor } from './totp-factor.entity.js';

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      expiresAt
      secondFactor {
        challenge
        expiresAt
      }
    }
  }
`;
const SECOND = /* GraphQL */ `
  mutation Second($input: SignInSecondFactorInput!) {
    signInSecondFactor(input: $input) {
      token
    }
  }
`;
const ME = /* GraphQL */ `
  query {
    me {
      person {
        id
      }
      totpEnabled
    }
  }
`;
const BEGIN = /* GraphQL */ `
  mutation {
    beginTotpEnrolment {
      secret
      uri
    }
  }
`;
const CONFIRM = /* GraphQL */ `
  mutation Confirm($code: String!) {
    confirmTotpEnrolment(input: { code: $code })
  }
`;
const DISABLE = /* GraphQL */ `
  mutation Disable($input: DisableTotpInput!) {
    disableTotp(input: $input)
  }
`;
const CREATE_STAFF = /* GraphQL */ `
  mutation Create($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      code
    }
  }
`;
const REDEEM = /* GraphQL */ `
  mutation Redeem($input: RedeemInvitationInput!) {
    redeemInvitation(input: $input) {
      token
    }
  }
`;

type SignInResult = {
  signIn: {
    token: string | null;
    expiresAt: string | null;
    secondFactor: { challenge: string; expiresAt: string } | null;
  };
};

const PASSWORD = 'correct horse battery';
const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
let app: TestApp;
let school: School;

/** A request as the SvelteKit server sends it for a browser at `address`. */
const from = (address: string, extra: Record<string, string> = {}) => ({
  headers: { 'x-forwarded-for': address, ...extra },
});

function signIn(login: string, password: string, address: string, deviceId?: string) {
  return gql<SignInResult>(
    app.url,
    SIGN_IN,
    { input: { login, password, deviceId } },
    from(address, { 'accept-language': 'en' }),
  );
}

async function teacher(roles: Role[] = [Role.TEACHER]) {
  const login = uniqueLogin('t');
  const person = await createPerson(app.orm.em.fork(), {
    school,
    roles,
    login,
    password: PASSWORD,
  });
  return { login, person };
}

async function tokenOf(login: string, address = '10.9.9.9'): Promise<string> {
  const r = await signIn(login, PASSWORD, address);
  expect(r.errors).toBeUndefined();
  return r.data!.signIn.token!;
}

const retryAfterOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.retryAfter as number;

/** Polls (no fixed sleep) until the sign-in is no longer held back; fails after `limitMs`. */
async function untilNotThrottled(attempt: () => Promise<GqlResult<SignInResult>>, limitMs = 3000) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const r = await attempt();
    if (codes(r)[0] !== 'TOO_MANY_ATTEMPTS') {
      return r;
    }
    if (Date.now() > deadline) {
      throw new Error('still throttled');
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

beforeAll(async () => {
  app = await startTestApp({
    trustedProxies: LOOPBACK,
    corsOrigins: ['https://school.example'],
    // Short windows so that recovery is seen within a second or two.
    throttle: {
      pairFreeFailures: 2,
      pairWindowSeconds: 60,
      pairMaxDelaySeconds: 1,
      addressFailures: 6,
      // Long enough for six failures on a loaded machine, short enough to wait out.
      addressWindowSeconds: 3,
      accountFailures: 4,
      accountWindowSeconds: 60,
      accountDelaySeconds: 2,
    },
    totpEncryptionKey: 'ab'.repeat(32),
  });
  school = await createSchool(app.orm.em.fork());
});
afterAll(async () => {
  await app?.close();
});

describe('throttling (issue 8)', () => {
  it('delays one login from one address after a few failures, then recovers; an unknown login alike', async () => {
    const logins = [(await teacher()).login, uniqueLogin('nobody')];
    for (const [i, login] of logins.entries()) {
      const address = `10.1.0.${i + 1}`;
      // Two free failures, the third starts a one-second delay.
      for (let n = 0; n < 3; n++) {
        expect(codes(await signIn(login, 'wrong password!', address))).toEqual(['UNAUTHENTICATED']);
      }
      const held = await signIn(login, PASSWORD, address);
      expect(codes(held)).toEqual(['TOO_MANY_ATTEMPTS']);
      expect(retryAfterOf(held)).toBe(1);
      expect(held.errors![0]!.message).toBe('Too many failed sign-in attempts. Try again in 1 s.');
    }
    // The real login recovers after the delay; the correct password then works.
    const { login } = await teacher();
    const address = '10.1.1.1';
    for (let i = 0; i < 3; i++) {
      await signIn(login, 'wrong password!', address);
    }
    expect(codes(await signIn(login, PASSWORD, address))).toEqual(['TOO_MANY_ATTEMPTS']);
    const after = await untilNotThrottled(() => signIn(login, PASSWORD, address));
    expect(after.errors).toBeUndefined();
    expect(after.data!.signIn.token).toEqual(expect.any(String));
  });

  it('holds back an address that tries many logins, until its window ends', async () => {
    const address = '10.2.0.1';
    for (let i = 0; i < 6; i++) {
      expect(codes(await signIn(uniqueLogin('guess'), 'wrong password!', address))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    const { login } = await teacher();
    const held = await signIn(login, PASSWORD, address);
    expect(codes(held)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(retryAfterOf(held)).toBeGreaterThanOrEqual(1);
    expect(retryAfterOf(held)).toBeLessThanOrEqual(3);
    // Another address is not affected.
    expect((await signIn(login, PASSWORD, '10.2.0.2')).errors).toBeUndefined();
    const after = await untilNotThrottled(() => signIn(login, PASSWORD, address), 5000);
    expect(after.errors).toBeUndefined();
  });

  it('an attack on an account from many addresses slows it for seconds, but its owner signs in from a known device', async () => {
    const { login } = await teacher();
    const device = 'teacher-laptop-device-id-0001';
    // The teacher signed in from this device before.
    expect((await signIn(login, PASSWORD, '10.3.0.1', device)).errors).toBeUndefined();
    // A pupil tries the teacher's login from four addresses (below each pair's threshold).
    for (let i = 2; i <= 5; i++) {
      expect(codes(await signIn(login, 'wrong password!', `10.3.1.${i}`))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    const held = await signIn(login, PASSWORD, '10.3.2.1');
    expect(codes(held)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(retryAfterOf(held)).toBeGreaterThanOrEqual(1);
    expect(retryAfterOf(held)).toBeLessThanOrEqual(2);
    // The teacher's own device, even from a new address, is not held back.
    const owner = await signIn(login, PASSWORD, '10.3.3.1', device);
    expect(owner.errors).toBeUndefined();
    // A made-up device id is no way around it.
    const forged = await signIn(login, PASSWORD, '10.3.2.2', 'made-up-device-id-00000');
    expect(codes(forged)).toEqual(['TOO_MANY_ATTEMPTS']);
    // Seconds, never hours: the account recovers by itself.
    expect((await untilNotThrottled(() => signIn(login, PASSWORD, '10.3.2.3'))).errors).toBe(
      undefined,
    );
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const { login } = await teacher();
    await tokenOf(login, '203.0.113.7');
    const untrusting = await startTestApp({ trustedProxies: [] }, app);
    try {
      const r = await gql<SignInResult>(
        untrusting.url,
        SIGN_IN,
        { input: { login, password: PASSWORD } },
        from('198.51.100.9'),
      );
      expect(r.errors).toBeUndefined();
    } finally {
      await untrusting.close();
    }
    const sessions = await app.orm.em
      .fork()
      .find(Session, { person: { login } }, { orderBy: { createdAt: 'asc' } });
    expect(sessions.map((s) => s.ipAddress)).toEqual(['203.0.113.7', '127.0.0.1']);
  });
});

describe('password rules (issue 8)', () => {
  it('refuses short, over-long, common and personal passwords where a password is set, naming the reason', async () => {
    const admin = await teacher([Role.ADMINISTRATOR]);
    const adminToken = await tokenOf(admin.login);
    const created = await gql<{ createStaffAccount: { code: string } }>(
      app.url,
      CREATE_STAFF,
      {
        input: {
          schoolId: school.id,
          lastName: 'Садыкова',
          firstName: 'Aigerim',
          roles: ['TEACHER'],
        },
      },
      { token: adminToken },
    );
    const code = created.data!.createStaffAccount.code;
    const login = uniqueLogin('sadykova');
    const cases: [string, string][] = [
      ['nine char', 'password.tooShort'],
      ['x'.repeat(129), 'password.tooLong'],
      ['password123', 'password.common'],
      ['Qwertyuiop', 'password.common'],
      [`${login}2015`, 'password.personal'],
      ['aigerim2015!', 'password.personal'],
    ];
    for (const [password, reason] of cases) {
      const r = await gql(
        app.url,
        REDEEM,
        { input: { code, login, password } },
        { headers: { 'accept-language': 'kk' } },
      );
      expect(codes(r), password).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0]!.extensions!.field).toBe('password');
      const kk: Record<string, RegExp> = {
        'password.tooShort': /кемінде 10 таңба/,
        'password.tooLong': /128 таңбадан аспауы/,
        'password.common': /тым кең таралған/,
        'password.personal': /логинді немесе атыңызды/,
      };
      expect(r.errors![0]!.message).toMatch(kk[reason]!);
    }
    // Nothing was written: the code still works, with a good passphrase.
    const ok = await gql(app.url, REDEEM, {
      input: { code, login, password: 'steppe apricot lantern' },
    });
    expect(ok.errors).toBeUndefined();
  });
});

/** The code an authenticator app would show at `at` (ms). */
function codeAt(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at,
  });
}

/** A teacher with TOTP on; returns the secret and the step its confirming code used. */
async function enrolled() {
  const t = await teacher();
  const token = await tokenOf(t.login);
  const begun = await gql<{ beginTotpEnrolment: { secret: string; uri: string } }>(
    app.url,
    BEGIN,
    {},
    { token },
  );
  const { secret } = begun.data!.beginTotpEnrolment;
  const confirmed = await gql(app.url, CONFIRM, { code: codeAt(secret) }, { token });
  expect(confirmed.errors).toBeUndefined();
  return { ...t, token, secret };
}

describe('TOTP second factor for staff (issue 8)', () => {
  it('enrols with a secret shown once, confirms with a code, then asks for a code at sign-in; a code is good once', async () => {
    const t = await teacher();
    const token = await tokenOf(t.login);
    const begun = await gql<{ beginTotpEnrolment: { secret: string; uri: string } }>(
      app.url,
      BEGIN,
      {},
      { token },
    );
    expect(begun.errors).toBeUndefined();
    const { secret, uri } = begun.data!.beginTotpEnrolment;
    expect(uri).toMatch(/^otpauth:\/\/totp\/Classbook:.+\?.*secret=/);
    // Stored encrypted, not as shown.
    const row = await app.orm.em
      .fork()
      .findOneOrFail(TotpFactor, { person: t.person.id }, { populate: ['secret'] });
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(secret);
    // Not on until confirmed: sign-in still needs the password only.
    expect(
      (await gql<{ me: { totpEnabled: boolean } }>(app.url, ME, {}, { token })).data!.me,
    ).toMatchObject({ totpEnabled: false });

    expect(codes(await gql(app.url, CONFIRM, { code: '000000' }, { token }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const now = Date.now();
    expect((await gql(app.url, CONFIRM, { code: codeAt(secret, now) }, { token })).errors).toBe(
      undefined,
    );
    expect(
      (await gql<{ me: { totpEnabled: boolean } }>(app.url, ME, {}, { token })).data!.me
        .totpEnabled,
    ).toBe(true);
    // Enrolling again while on is refused.
    expect(codes(await gql(app.url, BEGIN, {}, { token }))).toEqual(['CONFLICT']);

    // The password step gives no session, only a challenge.
    const first = await signIn(t.login, PASSWORD, '10.4.0.1');
    expect(first.errors).toBeUndefined();
    expect(first.data!.signIn.token).toBeNull();
    const challenge = first.data!.signIn.secondFactor!.challenge;
    // The code that confirmed enrolment cannot be used again.
    const replayed = await gql(
      app.url,
      SECOND,
      { input: { challenge, code: codeAt(secret, now) } },
      from('10.4.0.1'),
    );
    expect(codes(replayed)).toEqual(['BAD_USER_INPUT']);
    expect(replayed.errors![0]!.extensions!.field).toBe('code');
    // The next step's code (accepted one step either side for clock drift) signs in.
    const nextCode = codeAt(secret, now + 30_000);
    const second = await gql<{ signInSecondFactor: { token: string } }>(
      app.url,
      SECOND,
      { input: { challenge, code: nextCode } },
      from('10.4.0.1'),
    );
    expect(second.errors).toBeUndefined();
    const me = await gql<{ me: { person: { id: string } } }>(
      app.url,
      ME,
      {},
      { token: second.data!.signInSecondFactor.token },
    );
    expect(me.data!.me.person.id).toBe(t.person.id);
    // The challenge is spent; a new one with the same code is a replay.
    expect(
      codes(await gql(app.url, SECOND, { input: { challenge, code: nextCode } }, from('10.4.0.1'))),
    ).toEqual(['BAD_USER_INPUT']);
    const again = await signIn(t.login, PASSWORD, '10.4.0.1');
    const replay = await gql(
      app.url,
      SECOND,
      { input: { challenge: again.data!.signIn.secondFactor!.challenge, code: nextCode } },
      from('10.4.0.1'),
    );
    expect(codes(replay)).toEqual(['BAD_USER_INPUT']);

    const trail = await app.orm.em
      .fork()
      .find(AuditEvent, { actorId: t.person.id, entityType: 'Person' });
    expect(trail.map((e) => e.action).sort()).toEqual(['beginTotpEnrolment', 'enableTotp']);
  });

  it('counts wrong codes toward throttling, and refuses an expired challenge', async () => {
    const t = await enrolled();
    const address = '10.5.0.1';
    const first = await signIn(t.login, PASSWORD, address);
    const challenge = first.data!.signIn.secondFactor!.challenge;
    for (let i = 0; i < 3; i++) {
      const wrong = await gql(
        app.url,
        SECOND,
        { input: { challenge, code: '000000' } },
        from(address),
      );
      expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    }
    const held = await gql(
      app.url,
      SECOND,
      { input: { challenge, code: codeAt(t.secret, Date.now() + 30_000) } },
      from(address),
    );
    expect(codes(held)).toEqual(['TOO_MANY_ATTEMPTS']);

    const other = await signIn(t.login, PASSWORD, '10.5.0.2');
    const late = other.data!.signIn.secondFactor!.challenge;
    await app.orm.em
      .fork()
      .nativeUpdate(
        SignInChallenge,
        { person: t.person.id, usedAt: null },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    const expired = await gql(app.url, SECOND, { input: { challenge: late, code: '123456' } });
    expect(codes(expired)).toEqual(['BAD_USER_INPUT']);
    expect(expired.errors![0]!.extensions!.field).toBe('challenge');
  });

  it('is turned off with the password (or a code), audited; a wrong proof is refused', async () => {
    const t = await enrolled();
    expect(
      codes(await gql(app.url, DISABLE, { input: { code: '000000' } }, { token: t.token })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(app.url, DISABLE, { input: {} }, { token: t.token }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      codes(
        await gql(app.url, DISABLE, { input: { password: 'not my password' } }, { token: t.token }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const off = await gql(app.url, DISABLE, { input: { password: PASSWORD } }, { token: t.token });
    expect(off.errors).toBeUndefined();
    // Password alone signs in again.
    const r = await signIn(t.login, PASSWORD, '10.6.0.1');
    expect(r.data!.signIn.token).toEqual(expect.any(String));
    const trail = await app.orm.em
      .fork()
      .find(AuditEvent, { actorId: t.person.id, action: 'disableTotp' });
    expect(trail).toHaveLength(1);

    const u = await enrolled();
    const withCode = await gql(
      app.url,
      DISABLE,
      { input: { code: codeAt(u.secret, Date.now() + 30_000) } },
      { token: u.token },
    );
    expect(withCode.errors).toBeUndefined();
  });

  it('is for staff only', async () => {
    const student = await teacher([Role.STUDENT]);
    const token = await tokenOf(student.login);
    expect(codes(await gql(app.url, BEGIN, {}, { token }))).toEqual(['FORBIDDEN']);
  });
});

describe('session lifetimes (issue 8)', () => {
  const hoursLeft = (r: GqlResult<SignInResult>) =>
    (new Date(r.data!.signIn.expiresAt!).getTime() - Date.now()) / 3_600_000;

  it('staff sessions last 12 h at most and 2 h idle; families 14 days and a week idle', async () => {
    const staff = await teacher();
    const student = await teacher([Role.STUDENT]);
    const s = await signIn(staff.login, PASSWORD, '10.7.0.1');
    const f = await signIn(student.login, PASSWORD, '10.7.0.1');
    expect(hoursLeft(s)).toBeCloseTo(12, 1);
    expect(hoursLeft(f)).toBeCloseTo(14 * 24, 1);
    const rows = await app.orm.em.fork().find(Session, { person: [staff.person, student.person] });
    const idle = Object.fromEntries(rows.map((r) => [r.person.id, r.idleMinutes]));
    expect(idle).toEqual({ [staff.person.id]: 120, [student.person.id]: 7 * 24 * 60 });
  });

  it('an idle session and an expired one are UNAUTHENTICATED', async () => {
    const t = await teacher();
    const idleToken = await tokenOf(t.login);
    const expiredToken = await tokenOf(t.login);
    const em = app.orm.em.fork();
    const [idle, expired] = await em.find(
      Session,
      { person: t.person },
      { orderBy: { createdAt: 'asc' } },
    );
    await em.nativeUpdate(
      Session,
      { id: idle!.id },
      { lastSeenAt: new Date(Date.now() - 121 * 60_000) },
    );
    await em.nativeUpdate(Session, { id: expired!.id }, { expiresAt: new Date(Date.now() - 1000) });
    for (const token of [idleToken, expiredToken]) {
      expect((await gql(app.url, ME, {}, { token })).data).toEqual({ me: null });
      expect(codes(await gql(app.url, BEGIN, {}, { token }))).toEqual(['UNAUTHENTICATED']);
    }
    // Just inside the idle limit: still signed in.
    const liveToken = await tokenOf(t.login);
    await em.nativeUpdate(
      Session,
      { person: t.person, id: { $nin: [idle!.id, expired!.id] } },
      { lastSeenAt: new Date(Date.now() - 119 * 60_000) },
    );
    expect((await gql(app.url, ME, {}, { token: liveToken })).data!.me).not.toBeNull();
  });

  it('lastSeenAt moves with use, at most once a minute', async () => {
    const t = await teacher();
    const token = await tokenOf(t.login);
    const em = app.orm.em.fork();
    const old = new Date(Date.now() - 5 * 60_000);
    await em.nativeUpdate(Session, { person: t.person }, { lastSeenAt: old });
    const seen = async () =>
      (await app.orm.em.fork().findOneOrFail(Session, { person: t.person })).lastSeenAt.getTime();
    await gql(app.url, ME, {}, { token });
    const touched = await seen();
    expect(Date.now() - touched).toBeLessThan(10_000);
    // The next request within the minute leaves it where it is (the touch is part of the viewer's
    // one statement, row_security.session_viewer, so it is asserted by its effect).
    await gql(app.url, ME, {}, { token });
    expect(await seen()).toBe(touched);
  });
});

describe('CORS allow-list (issue 8)', () => {
  const post = (origin: string) =>
    fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ query: '{ me { person { id } } }' }),
    });
  const preflight = (origin: string) =>
    fetch(app.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });

  it('answers an allowed origin, without credentials', async () => {
    const r = await post('https://school.example');
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('https://school.example');
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    const p = await preflight('https://school.example');
    expect(p.status).toBe(204);
    expect(p.headers.get('access-control-allow-origin')).toBe('https://school.example');
    expect(p.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('refuses another origin, preflight or not, and gives it no CORS headers', async () => {
    for (const origin of ['https://evil.example', 'https://school.example.evil.example', 'null']) {
      const r = await post(origin);
      expect(r.status).toBe(403);
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      const p = await preflight(origin);
      expect(p.status).toBe(403);
      expect(p.headers.get('access-control-allow-origin')).toBeNull();
      expect(p.headers.get('access-control-allow-methods')).toBeNull();
    }
  });
});
