import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { JOURNAL_CHANGED } from '../../server/src/modules/journal/journal.events.js';
import type { TestApp } from '../../server/test/harness.js';

/**
 * Opens `url` and resolves once the API has started the page's subscription on `topic`, so events
 * from then on reach it. graphql-ws never confirms a subscription; the API's bus can tell.
 */
export async function gotoLive(api: TestApp, page: Page, url: string, topic = JOURNAL_CHANGED) {
  const before = api.subscriptionsStarted(topic);
  await page.goto(url);
  await expect
    .poll(() => api.subscriptionsStarted(topic), { timeout: 10_000 })
    .toBeGreaterThan(before);
}

/** Resolves once the page has hydrated (the root layout marks <html data-hydrated>). */
export async function hydrated(page: Page) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}
