import { Secret, TOTP } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../server/src/auth/session.entity.js';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import { createPerson, createSchool, uniqueLogin } from '../../server/test/factories/index.js';
import { sessionFor } from '../../server/test/factories/journal.js';
import { startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, PHONE, screenshots, startClientApp, type ClientApp } from './client-app.js';

// Sign-in defences in the browser (issue 8): a teacher turns on a TOTP second factor on the
// security page and then signs in with a code; the web client refuses cross-site posts.

const SESSION_COOKIE = 'classbook_session';
const PASSWORD = 'correct horse battery';

let api: TestApp;
let web: ClientApp;
let browser: Browser;
const teacher = { login: uniqueLogin('totp.teacher') };

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Лицей № 3' });
  await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    login: teacher.login,
    password: PASSWORD,
    lastName: 'Ахметова',
    firstName: 'Дана',
  });
  await Promise.all([
    startClientApp(api.url).then((app) => (web = app)),
    launchBrowser().then((launched) => (browser = launched)),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.close();
});

async function newVisitor(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: PHONE,
    extraHTTPHeaders: web.browserHeaders,
  });
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

async function submitPassword(page: Page) {
  await page.goto(`${web.url}/signin`);
  await page.locator('#login').fill(teacher.login);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
}

const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at,
  });

describe('TOTP second factor (issue 8)', () => {
  it('a teacher enrols with the QR page, then signing in asks for the code', async () => {
    const { context, page } = await newVisitor();
    try {
      await submitPassword(page);
      await page.waitForURL(`${web.url}/`);
      await page.getByTestId('security-link').click();
      await page.waitForURL(`${web.url}/security`);
      await page.getByRole('button', { name: 'Подключить приложение' }).click();
      await page.getByTestId('totp-qr').waitFor();
      expect(await page.getByTestId('totp-qr').getAttribute('src')).toMatch(
        /^data:image\/png;base64,/,
      );
      const secret = (await page.getByTestId('totp-secret').innerText()).trim();
      await screenshots(page, 'totp-enrol');

      // A wrong code first: refused, the QR stays for another try.
      await page.locator('#confirm-code').fill('000000');
      await page.getByRole('button', { name: 'Включить' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').innerText()).toContain('Неверный');
      const enrolledAt = Date.now();
      await page.locator('#confirm-code').fill(codeAt(secret, enrolledAt));
      await page.getByRole('button', { name: 'Включить' }).click();
      await page.getByRole('status').waitFor();
      expect(await page.getByTestId('totp-status').innerText()).toBe(
        'Вход с кодом из приложения включён.',
      );

      // A new browser: the password alone is not enough.
      const second = await newVisitor();
      try {
        await submitPassword(second.page);
        const step = second.page.getByTestId('second-factor');
        await step.waitFor();
        expect(await step.locator('h2').innerText()).toBe('Код подтверждения');
        expect((await second.context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
        await screenshots(second.page, 'signin-totp');
        // The code that turned the factor on cannot be used again.
        await second.page.locator('#code').fill(codeAt(secret, enrolledAt));
        await second.page.locator('form button[type=submit]').click();
        await second.page.getByRole('alert').waitFor();
        expect(await second.page.getByRole('alert').innerText()).toBe(
          'Код не подошёл. Введите текущий код из приложения.',
        );
        await second.page.locator('#code').fill(codeAt(secret, enrolledAt + 30_000));
        await second.page.locator('form button[type=submit]').click();
        await second.page.waitForURL(`${web.url}/`);
        const cookie = (await second.context.cookies()).find((c) => c.name === SESSION_COOKIE);
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
        // The device id cookie is kept too, httpOnly.
        expect(
          (await second.context.cookies()).find((c) => c.name === 'classbook_device'),
        ).toMatchObject({ httpOnly: true });
      } finally {
        await second.context.close();
      }
    } finally {
      await context.close();
    }
  });
});

describe('session lifetimes (issue 8)', () => {
  it('a session left idle too long sends the page to /signin', async () => {
    const em = api.orm.em.fork();
    const login = uniqueLogin('idle');
    const person = await createPerson(em, {
      school: await createSchool(em),
      roles: [Role.TEACHER],
      login,
      password: PASSWORD,
    });
    const { context, page } = await newVisitor();
    try {
      await page.goto(`${web.url}/signin`);
      await page.locator('#login').fill(login);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL(`${web.url}/`);
      await page.waitForLoadState('networkidle');
      // Two hours and a minute without a request (a staff session's idle limit is two hours).
      await em.nativeUpdate(
        Session,
        { person },
        { lastSeenAt: new Date(Date.now() - 121 * 60_000) },
      );
      // The app may get there first (its live socket closed 4401), which aborts the reload.
      await page.reload().catch(() => undefined);
      await page.waitForURL(`${web.url}/signin`);
      expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('CSRF (issue 8)', () => {
  it('the /api/graphql proxy refuses a POST from another origin, even with the session cookie', async () => {
    const em = api.orm.em.fork();
    const colleague = await createPerson(em, {
      school: await createSchool(em),
      roles: [Role.TEACHER],
      login: uniqueLogin('csrf'),
    });
    const token = await sessionFor(em, colleague);
    const post = (origin: string) =>
      fetch(`${web.url}/api/graphql`, {
        method: 'POST',
        headers: {
          ...web.browserHeaders,
          'content-type': 'application/json',
          cookie: `${SESSION_COOKIE}=${token}`,
          origin,
        },
        body: JSON.stringify({ query: 'mutation { signOutEverywhere }' }),
      });
    const foreign = await post('http://evil.example');
    expect(foreign.status).toBe(403);
    const body = (await foreign.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('FORBIDDEN');
    // Nothing happened: the session still works from the page's own origin.
    const own = await post(web.url);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ data: { signOutEverywhere: 1 } });
  });

  it('a form action posted from another origin is refused by SvelteKit', async () => {
    const form = new URLSearchParams({ login: teacher.login, password: PASSWORD });
    const post = (origin: string) =>
      fetch(`${web.url}/signin`, {
        method: 'POST',
        headers: {
          ...web.browserHeaders,
          'content-type': 'application/x-www-form-urlencoded',
          origin,
        },
        body: form,
        redirect: 'manual',
      });
    const foreign = await post('http://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie') ?? '').not.toContain(SESSION_COOKIE);
  });
});
