import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYear } from '../../server/test/factories/index.js';
import { closedYearFixture, type ClosedYearFixture } from '../../server/test/factories/year-end.js';
import { startTestApp, type TestApp } from '../../server/test/harness.js';
import {
  DESKTOP,
  launchBrowser,
  screenshots,
  startClientApp,
  type ClientApp,
} from './client-app.js';

// The year end from the browser (issue 7, R-DATA-2): the director of a school whose 2025/2026 year
// has ended closes it, creates its archive and downloads it through the client's /api/archives
// proxy; the teacher then finds the year's journal read-only, with a banner saying why.

const SESSION_COOKIE = 'classbook_session';

let api: TestApp;
let web: ClientApp;
let browser: Browser;
let f: ClosedYearFixture;
let laterYearId: string;

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  // 2025/2026 (ended), with marks entered through the API; not closed yet.
  f = await closedYearFixture(em, api.url, { close: false });
  // 2026/2027: running, so closing it is refused.
  laterYearId = (await createYear(em, f.school, '2026/2027')).id;
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

async function signedIn(token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: DESKTOP,
    extraHTTPHeaders: web.browserHeaders,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: web.url, httpOnly: true, sameSite: 'Lax' },
  ]);
  return { context, page: await context.newPage() };
}

describe('year end (R-DATA-2)', () => {
  it('R-DATA-2: a year that has not ended is not closed: the API says why', async () => {
    const { context, page } = await signedIn(f.token.director);
    try {
      await page.goto(`${web.url}/admin/year?year=${laterYearId}`);
      const form = page.getByTestId('close-year');
      await form.getByRole('checkbox').check();
      await form.getByRole('button', { name: 'Закрыть год' }).click();
      const problem = form.getByTestId('form-error');
      await problem.waitFor();
      expect(await problem.innerText()).toBe(
        'Учебный год ещё не закончился: закрыть его можно с последнего дня.',
      );
      expect(await page.getByTestId('year-closed').count()).toBe(0);
      await screenshots(page, 'year-end-refused');
    } finally {
      await context.close();
    }
  });

  it('R-DATA-2: the director closes the ended year, archives it and downloads the ZIP', async () => {
    const { context, page } = await signedIn(f.token.director);
    try {
      await page.goto(`${web.url}/admin/year?year=${f.year.id}`);
      const form = page.getByTestId('close-year');
      // Without the confirmation the browser does not send the form.
      await form.getByRole('button', { name: 'Закрыть год' }).click();
      expect(await page.getByTestId('year-closed').count()).toBe(0);
      await form.getByLabel('Причина').fill('Приказ № 45');
      await form.getByRole('checkbox').check();
      await screenshots(page, 'year-end-close');
      await form.getByRole('button', { name: 'Закрыть год' }).click();
      const closed = page.getByTestId('year-closed');
      await closed.waitFor();
      expect(await closed.innerText()).toMatch(
        /^Год закрыт .+\. Журналы доступны только для чтения\.$/,
      );
      // Closed: its periods are no longer edited, no new periods are offered.
      expect(await page.getByText('Новый период').count()).toBe(0);
      expect(await page.getByText('Архивов этого года ещё нет.').count()).toBe(1);

      await page.getByRole('button', { name: 'Создать архив' }).click();
      const archive = page.getByTestId('archive');
      await archive.waitFor();
      expect(await archive.count()).toBe(1);
      const text = await archive.innerText();
      expect(text).toMatch(/SHA-256\s+[0-9a-f]{64}/);
      expect(text).toMatch(/Корень Меркла\s+[0-9a-f]{64}/);
      expect(text).toMatch(/Голова цепочки аудита\s+[0-9a-f]{64}/);
      expect(text).toMatch(/\d+ КБ/);
      await screenshots(page, 'year-end-archive');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        archive.getByTestId('archive-download').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^classbook-archive-2025-2026-[0-9a-f]{8}\.zip$/,
      );
      const body = await readFile(await download.path());
      expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
      const sha = (text.match(/SHA-256\s+([0-9a-f]{64})/) ?? [])[1];
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(body).digest('hex')).toBe(sha);
    } finally {
      await context.close();
    }
  });

  it("R-DATA-2: the teacher sees the closed year's journal read-only, with the banner", async () => {
    const { context, page } = await signedIn(f.token.teacher);
    try {
      await page.goto(`${web.url}/journal/${f.assignment.id}?period=${f.period.id}`);
      const banner = page.getByTestId('year-closed');
      await banner.waitFor();
      expect(await banner.innerText()).toContain('Учебный год 2025/2026 закрыт');
      expect(await page.getByTestId('new-lesson').count()).toBe(0);
      // The marks entered before closing are shown, and no cell takes input.
      expect(await page.locator('table').first().innerText()).toContain('5');
      expect(await page.getByTestId('journal-grid').getAttribute('aria-readonly')).toBe('true');
      expect(await page.locator('table input, table [contenteditable="true"]').count()).toBe(0);
      await screenshots(page, 'year-end-journal');
      // A lesson's editor, opened by its address, leads back to the grid and its banner.
      await page.goto(
        `${web.url}/journal/${f.assignment.id}/lesson/${f.lessons[0]!.id}?period=${f.period.id}`,
      );
      await page.getByTestId('year-closed').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/journal/${f.assignment.id}`);
      // Teachers are refused the archive itself.
      const refused = await page.evaluate(
        async (path) => (await fetch(path)).status,
        '/api/archives/00000000-0000-0000-0000-000000000000.zip',
      );
      expect([403, 404]).toContain(refused);
    } finally {
      await context.close();
    }
  });
});
