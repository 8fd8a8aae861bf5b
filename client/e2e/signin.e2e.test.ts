import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
  uniqueLogin,
} from '../../server/test/factories/index.js';
import { gql, startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, PHONE, screenshots, startClientApp, type ClientApp } from './client-app.js';

// Sign-in, sign-out and invitations through a real browser, against the real API on a database of
// its own (R-AUTH-1, R-AUTH-3). Assertions read what a person sees: text, labels, test ids.

const SESSION_COOKIE = 'classbook_session';
const PASSWORD = 'correct horse battery';

let api: TestApp;
let web: ClientApp;
let browser: Browser;
let schoolName: string;
const teacher = { login: uniqueLogin('teacher'), name: 'Смирнова Анна' };
const admin = { login: uniqueLogin('admin') };
const englishTeacher = { login: uniqueLogin('english'), name: 'Brown Alice' };
let parentId: string;

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Гимназия № 7' });
  schoolName = school.name;
  await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    login: teacher.login,
    password: PASSWORD,
    lastName: 'Смирнова',
    firstName: 'Анна',
  });
  await createPerson(em, {
    school,
    roles: [Role.ADMINISTRATOR],
    login: admin.login,
    password: PASSWORD,
  });
  await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    login: englishTeacher.login,
    password: PASSWORD,
    lastName: 'Brown',
    firstName: 'Alice',
    locale: 'en',
  });
  const year = await createYear(em, school);
  const { parent } = await createFamily(em, {
    schoolClass: await createClass(em, { school, year }),
  });
  parentId = parent.id;

  // Each is kept as soon as it is up, so that afterAll stops it even when the other fails.
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

/** A fresh browser profile: no cookies, a phone-sized window, the given UI language. */
async function newVisitor(locale = 'ru-RU'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale,
    viewport: PHONE,
    extraHTTPHeaders: web.browserHeaders,
  });
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
}

async function submitSignIn(page: Page, login: string, password: string) {
  await page.goto(`${web.url}/signin`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
}

async function signIn(page: Page, login: string, password = PASSWORD) {
  await submitSignIn(page, login, password);
  await page.waitForURL(`${web.url}/`);
}

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).innerText()).trim();

/** The API's answer to `me` for a session token: what a stolen old cookie would get. */
async function apiViewer(token: string) {
  const result = await gql<{ me: { person: { id: string } } | null }>(
    api.url,
    '{ me { person { id } } }',
    {},
    { token },
  );
  return result.data?.me ?? null;
}

describe('signing in through the browser', () => {
  it('R-AUTH-1: a wrong password shows a clear error in Russian and sets no cookie', async () => {
    const { context, page } = await newVisitor();
    try {
      await submitSignIn(page, teacher.login, 'not the password');
      await page.getByRole('alert').waitFor();

      expect(await text(page, '[role=alert]')).toBe('Неверный логин или пароль.');
      expect(await text(page, 'h1')).toBe('Вход');
      expect(await page.locator('html').getAttribute('lang')).toBe('ru');
      expect(page.url()).toBe(`${web.url}/signin`);
      // The login stays filled in; the password does not.
      expect(await page.locator('#login').inputValue()).toBe(teacher.login);
      expect(await page.locator('#password').inputValue()).toBe('');
      expect(await sessionCookie(context)).toBeUndefined();

      await screenshots(page, 'signin-error');
    } finally {
      await context.close();
    }
  });

  it('R-AUTH-1: a teacher signs in, sees their name and role, and stays signed in on reload', async () => {
    const { context, page } = await newVisitor();
    try {
      await signIn(page, teacher.login);

      expect(await text(page, '[data-testid=person-name]')).toBe(teacher.name);
      expect(await text(page, '[data-testid=person-login]')).toBe(teacher.login);
      expect(await text(page, '.roles li .role')).toBe('Учитель');
      expect(await text(page, '.roles li .school')).toBe(schoolName);
      const cookie = await sessionCookie(context);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      // Page scripts never see the token.
      expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);

      await page.reload();
      expect(await text(page, '[data-testid=person-name]')).toBe(teacher.name);

      // Signed in, the sign-in page sends them home.
      await page.goto(`${web.url}/signin`);
      expect(page.url()).toBe(`${web.url}/`);

      await screenshots(page, 'home');
    } finally {
      await context.close();
    }
  });

  it('R-AUTH-1: signing out returns to /signin and the old cookie no longer works', async () => {
    const { context, page } = await newVisitor();
    try {
      await signIn(page, teacher.login);
      const before = await sessionCookie(context);
      expect(before).toBeDefined();

      await page.getByRole('button', { name: 'Выйти', exact: true }).click();
      await page.waitForURL(`${web.url}/signin`);
      expect(await text(page, 'h1')).toBe('Вход');
      expect(await sessionCookie(context)).toBeUndefined();

      // Put the old cookie back, as someone who copied it would: it is refused.
      expect(await apiViewer(before!.value)).toBeNull();
      await context.addCookies([before!]);
      await page.goto(`${web.url}/`);
      expect(page.url()).toBe(`${web.url}/signin`);
      expect(await sessionCookie(context)).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it('R-AUTH-3: signing out everywhere ends the session in another browser too', async () => {
    const phone = await newVisitor();
    const laptop = await newVisitor();
    try {
      await signIn(phone.page, teacher.login);
      await signIn(laptop.page, teacher.login);

      await phone.page.getByRole('button', { name: 'Выйти на всех устройствах' }).click();
      await phone.page.waitForURL(`${web.url}/signin`);

      // The laptop's open page leaves by itself when its live connection is closed (4401); had its
      // socket not opened yet, its next request would send it to the sign-in page all the same.
      const left = await laptop.page.waitForURL(`${web.url}/signin`, { timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (!left) {
        await laptop.page.goto(`${web.url}/`);
      }
      expect(laptop.page.url()).toBe(`${web.url}/signin`);
      expect(await sessionCookie(laptop.context)).toBeUndefined();
    } finally {
      await phone.context.close();
      await laptop.context.close();
    }
  });
});

describe('redeeming an invitation through the browser', () => {
  it('R-AUTH-1: a parent redeems a code, lands signed in, and the code does not work twice', async () => {
    const adminSession = await gql<{ signIn: { token: string } }>(
      api.url,
      'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
      { input: { login: admin.login, password: PASSWORD } },
    );
    expect(adminSession.errors).toBeUndefined();
    const issued = await gql<{ issueInvitation: { code: string } }>(
      api.url,
      'mutation ($input: IssueInvitationInput!) { issueInvitation(input: $input) { code } }',
      { input: { personId: parentId } },
      { token: adminSession.data!.signIn.token },
    );
    expect(issued.errors).toBeUndefined();
    const code = issued.data!.issueInvitation.code;
    const login = uniqueLogin('parent');

    const first = await newVisitor();
    try {
      await first.page.goto(`${web.url}/signin`);
      await first.page.getByRole('link', { name: 'Создать вход по приглашению' }).click();
      await first.page.waitForURL(`${web.url}/redeem`);
      expect(await text(first.page, 'h1')).toBe('Вход по приглашению');
      await first.page.getByLabel('Код приглашения').fill(code);
      await first.page.getByLabel('Новый логин').fill(login);
      await first.page.getByLabel('Новый пароль').fill('parent password 1');
      await first.page.getByRole('button', { name: 'Создать вход' }).click();
      await first.page.waitForURL(`${web.url}/`);

      expect(await text(first.page, '[data-testid=person-name]')).toBe('Петрова Елена');
      expect(await text(first.page, '[data-testid=person-login]')).toBe(login);
      expect(await text(first.page, '.roles li .role')).toBe('Родитель');
      expect(await sessionCookie(first.context)).toBeDefined();
    } finally {
      await first.context.close();
    }

    const second = await newVisitor();
    try {
      await second.page.goto(`${web.url}/redeem?code=${encodeURIComponent(code)}`);
      expect(await second.page.getByLabel('Код приглашения').inputValue()).toBe(code);
      await second.page.getByLabel('Новый логин').fill(uniqueLogin('parent'));
      await second.page.getByLabel('Новый пароль').fill('parent password 2');
      await second.page.getByRole('button', { name: 'Создать вход' }).click();
      await second.page.locator('#code-error').waitFor();

      expect(await text(second.page, '#code-error')).toBe(
        'Код не подходит: он неверный, уже использован или истёк.',
      );
      expect(await second.page.getByLabel('Код приглашения').getAttribute('aria-invalid')).toBe(
        'true',
      );
      expect(await sessionCookie(second.context)).toBeUndefined();
      await screenshots(second.page, 'redeem-error');
    } finally {
      await second.context.close();
    }
  });
});

describe('the interface language', () => {
  it('an English browser gets English pages and messages', async () => {
    const { context, page } = await newVisitor('en-GB');
    try {
      await submitSignIn(page, teacher.login, 'not the password');
      await page.getByRole('alert').waitFor();

      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await text(page, 'h1')).toBe('Sign in');
      expect(await text(page, '[role=alert]')).toBe('Wrong login or password.');
    } finally {
      await context.close();
    }
  });

  it('a person whose language is English sees their home page in English', async () => {
    const { context, page } = await newVisitor('en-GB');
    try {
      await signIn(page, englishTeacher.login);

      expect(await text(page, '[data-testid=person-name]')).toBe(englishTeacher.name);
      expect(await text(page, '.roles li .role')).toBe('Teacher');
      expect(await page.getByRole('button', { name: 'Sign out', exact: true }).isVisible()).toBe(
        true,
      );
    } finally {
      await context.close();
    }
  });
});
