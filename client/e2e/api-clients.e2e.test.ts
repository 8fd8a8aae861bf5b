import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import {
  createPerson,
  createSchool,
  createYear,
  uniqueLogin,
} from '../../server/test/factories/index.js';
import { startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, screenshots, startClientApp, type ClientApp } from './client-app.js';

// API access for analytics tools (issue 8) through a real browser: the director creates a client,
// sees its token once, the token reads the school, and revoking it stops it.

const PASSWORD = 'correct horse battery';

let api: TestApp;
let web: ClientApp;
let browser: Browser;
let schoolId: string;
const director = { login: uniqueLogin('director') };

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Лицей № 3' });
  schoolId = school.id;
  await createPerson(em, {
    school,
    roles: [Role.DIRECTOR],
    login: director.login,
    password: PASSWORD,
    lastName: 'Орлов',
    firstName: 'Иван',
  });
  await createYear(em, school, '2026/2027');
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

/** What the token gets from the API for the school's years: the HTTP status. */
const readYears = async (token: string) =>
  (
    await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'query($s: ID!) { academicYears(schoolId: $s) { name } }',
        variables: { s: schoolId },
      }),
    })
  ).status;

describe('API access', () => {
  it('issue 8: the director creates an API client, sees its token once, and revokes it', async () => {
    const context = await browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 1366, height: 768 },
      extraHTTPHeaders: web.browserHeaders,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(`${web.url}/signin`);
      await page.locator('#login').fill(director.login);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL(`${web.url}/`);

      await page.goto(`${web.url}/admin`);
      await page.getByTestId('admin-sections').getByRole('link', { name: 'API-доступ' }).click();
      await page.waitForURL(`${web.url}/admin/api-clients`);
      expect(await page.getByTestId('api-clients-empty').innerText()).toBe(
        'API-клиентов пока нет.',
      );
      expect(await page.getByTestId('school-id').innerText()).toBe(schoolId);

      const create = page.getByTestId('create-api-client');
      await create.getByLabel('Название').fill('Районная аналитика');
      // Contacts and messages are left unticked unless chosen.
      expect(await create.getByLabel('Контакты и персональные данные').isChecked()).toBe(false);
      await create.getByLabel('Отчёты').uncheck();
      await create.getByRole('button', { name: 'Создать и показать токен' }).click();
      await page.getByTestId('api-token').waitFor();
      const token = (await page.getByTestId('api-token').innerText()).trim();
      expect(token).toMatch(/^cbk_[A-Za-z0-9_-]{43}$/);
      expect(await page.getByTestId('api-token-once').innerText()).toContain('он показан один раз');
      await screenshots(page, 'admin-api-clients');

      expect(await readYears(token)).toBe(200);

      // Never again: a fresh visit lists the client, its use, and no token.
      await page.goto(`${web.url}/admin/api-clients`);
      const client = page.getByTestId('api-client');
      await client.waitFor();
      expect(await page.getByTestId('api-token').count()).toBe(0);
      expect(await page.content()).not.toContain(token);
      expect(await client.innerText()).toContain('Районная аналитика');
      expect(await client.innerText()).toContain('Отметки');
      expect(await client.innerText()).not.toContain('Отчёты');
      expect(await client.getByTestId('api-client-last-used').innerText()).not.toBe(
        'ещё не использовался',
      );
      expect(await client.getByTestId('api-client-status').innerText()).toBe('действует');

      await client.getByText('Отозвать', { exact: true }).click();
      await client.getByLabel('Причина').fill('Договор с подрядчиком закончился');
      await client.getByRole('button', { name: 'Отозвать токен' }).click();
      await client.getByTestId('form-notice').waitFor();
      expect(await client.getByTestId('form-notice').innerText()).toBe(
        'Токен отозван: он перестал действовать.',
      );
      expect(await client.getByTestId('api-client-status').innerText()).toContain(
        'Договор с подрядчиком закончился',
      );
      expect(await readYears(token)).toBe(401);
      await screenshots(page, 'admin-api-clients-revoked');
    } finally {
      await context.close();
    }
  });
});
