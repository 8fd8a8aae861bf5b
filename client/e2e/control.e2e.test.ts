import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/auth/passwords.js';
import { createControlSchool, type ControlSchool } from '../../server/test/factories/control.js';
import { uniqueLogin } from '../../server/test/factories/index.js';
import { startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, PHONE, startClientApp, type ClientApp } from './client-app.js';
import { screenshotDir } from './paths.js';

// Journal control (issue 7, R-CTL-1) through a real browser: a deputy opens October 2025 of the
// hand-built school of the control tests and opens the lessons behind a figure, which the page
// reads only then (journalControlList): loading, a failed read with «Повторить», then the list.

const PASSWORD = 'correct horse battery';
const LAPTOP = { width: 1366, height: 768 };

let api: TestApp;
let web: ClientApp;
let browser: Browser;
let f: ControlSchool;
const deputyLogin = uniqueLogin('deputy');

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  f = await createControlSchool(em);
  f.deputy.login = deputyLogin;
  f.deputy.passwordHash = await hashPassword(PASSWORD);
  await em.flush();
  web = await startClientApp(api.url);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.close();
});

const text = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('journal control in the browser', () => {
  it('R-CTL-1: a deputy sees the figures per class and opens the lessons behind one', async () => {
    const context = await browser.newContext({
      locale: 'ru-RU',
      viewport: LAPTOP,
      extraHTTPHeaders: web.browserHeaders,
    });
    context.setDefaultTimeout(10_000);
    try {
      const page = await context.newPage();
      await page.goto(`${web.url}/signin`);
      await page.locator('#login').fill(deputyLogin);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL(`${web.url}/`);

      await page.getByRole('link', { name: 'Контроль' }).click();
      await page.waitForURL(`${web.url}/control`);
      await page.locator('input[name=from]').fill('2025-10-01');
      await page.locator('input[name=to]').fill('2025-10-31');
      await page.getByRole('button', { name: 'Показать' }).click();
      await page.waitForURL(/from=2025-10-01/);

      const classes = page.getByTestId('control-classes');
      const total = classes.locator('tbody tr').first();
      // Whole school: 6 of 15 planned lessons held, 2 without a topic, 3 without homework.
      expect(text(await total.innerText())).toContain(
        'Вся школа 6/15 · 40% 2 3 2 2 2 2/6 · 33% 2/6 · 33% 2 1 2/4 · 50% 1/4 · 25%',
      );
      expect(text(await classes.innerText())).toContain('5А');

      // The first read of a list is held, then fails as a dropped connection would; the retry
      // goes through.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let lists = 0;
      await page.route('**/api/graphql', async (route) => {
        if ((route.request().postData() ?? '').includes('journalControlList') && ++lists === 1) {
          await held;
          await route.abort('failed');
          return;
        }
        await route.continue();
      });

      await total.getByRole('button', { name: '3', exact: true }).click();
      const drill = classes.locator('tr.drill-row');
      await drill.getByRole('status').waitFor();
      expect(text(await drill.innerText())).toContain('Загружаем…');
      release();
      const retry = drill.getByRole('button', { name: 'Повторить' });
      await retry.waitFor();
      expect(text(await drill.getByRole('alert').innerText())).toContain(
        'Не удалось загрузить список.',
      );
      await retry.click();
      await drill.locator('li').first().waitFor();
      const lines = text(await drill.innerText());
      expect(lines).toContain('Вся школа — Без задания через 1,5 ч');
      expect(lines).toContain('08.10.2025 · 5А · Математика');
      expect(lines).toContain('13.10.2025 · 5А · Математика Контрольная работа');
      expect(lines).toContain('09.10.2025 · 5А · Русский язык');
      expect(await drill.locator('li').count()).toBe(3);
      expect(lists).toBe(2);

      // A page row's students without marks: the one student who came on 20 October.
      const pages = page.getByTestId('control-pages');
      const maths = pages.locator('tbody tr', { hasText: '5А · Математика' }).first();
      await maths.getByRole('button', { name: '1/4 · 25%' }).first().click();
      const students = pages.locator('tr.drill-row');
      await students.locator('li').first().waitFor();
      expect(await students.locator('li').count()).toBe(1);
      expect(text(await students.innerText())).toContain('5А · Математика');
      expect(lists).toBe(3);

      await mkdir(screenshotDir, { recursive: true });
      for (const [size, viewport] of [
        ['phone', PHONE],
        ['desktop', LAPTOP],
      ] as const) {
        await page.setViewportSize(viewport);
        await page.screenshot({
          path: resolve(screenshotDir, `control-${size}.png`),
          fullPage: true,
        });
      }
    } finally {
      await context.close();
    }
  });
});
