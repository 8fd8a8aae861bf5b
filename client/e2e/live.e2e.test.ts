import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/modules/people/role-assignment.entity.js';
import type { Person } from '../../server/src/modules/people/person.entity.js';
import { createPerson, createSchool } from '../../server/test/factories/index.js';
import { sessionFor } from '../../server/test/factories/journal.js';
import { gql, startTestApp, type TestApp } from '../../server/test/harness.js';
import { launchBrowser, PHONE, screenshots, startClientApp, type ClientApp } from './client-app.js';

// Live updates in a real browser (issue 6): the page's socket opens with a one-time ticket from
// /api/socket-ticket (the session stays in its httpOnly cookie) and shows events without reloading.

const SESSION_COOKIE = 'classbook_session';
const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const SEND = `mutation($t: ID!, $b: String!) { sendMessage(threadId: $t, body: $b) { id } }`;
const READ = `mutation($t: ID!) { markThreadRead(threadId: $t) { unreadCount } }`;

let api: TestApp;
let web: ClientApp;
/** The client and the browser reach the API through this, so a test can cut the line. */
let line: Line;
let browser: Browser;
let teacher: Person;
let colleagueToken: string;

beforeAll(async () => {
  api = await startTestApp();
  const em = api.orm.em.fork();
  const school = await createSchool(em, { name: 'Гимназия № 7' });
  teacher = await createPerson(em, {
    school,
    roles: [Role.TEACHER],
    lastName: 'Смирнова',
    firstName: 'Анна',
  });
  const colleague = await createPerson(em, { school, roles: [Role.TEACHER] });
  colleagueToken = await sessionFor(em, colleague);
  line = await startLine(new URL(api.url));
  await Promise.all([
    startClientApp(line.url).then((app) => (web = app)),
    launchBrowser().then((launched) => (browser = launched)),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await line?.close();
  await api?.close();
});

interface Line {
  /** The API's GraphQL URL, through the line. */
  url: string;
  /** Drops every open connection and refuses new ones, as a school's network does. */
  cut(): void;
  mend(): void;
  close(): Promise<void>;
}

/** A TCP relay to the API that can be cut: both HTTP and the live socket go through it. */
async function startLine(target: URL): Promise<Line> {
  const open = new Set<Socket>();
  let down = false;
  const server: Server = createServer((incoming) => {
    if (down) {
      incoming.destroy();
      return;
    }
    const outgoing = connect(Number(target.port), target.hostname);
    for (const end of [incoming, outgoing]) {
      open.add(end);
      end.on('close', () => open.delete(end));
      end.on('error', () => {
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    cut: () => {
      down = true;
      for (const end of open) {
        end.destroy();
      }
    },
    mend: () => {
      down = false;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const end of open) {
          end.destroy();
        }
        server.close(() => done());
      }),
  };
}

/** A browser signed in as the teacher: the session cookie set as sign-in sets it. */
async function teacherBrowser(): Promise<{ context: BrowserContext; page: Page; token: string }> {
  const token = await sessionFor(api.orm.em.fork(), teacher);
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: PHONE,
    extraHTTPHeaders: web.browserHeaders,
  });
  context.setDefaultTimeout(10_000);
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: web.url, httpOnly: true, sameSite: 'Lax' },
  ]);
  return { context, page: await context.newPage(), token };
}

/**
 * Opens the home page and waits until its live socket is acknowledged and its subscriptions have
 * reached the server (graphql-ws has no "subscribed" answer, so a moment is given).
 */
async function openLiveHome(page: Page) {
  const acknowledged = new Promise<void>((done) => {
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        if (String(payload).includes('"connection_ack"')) {
          done();
        }
      }),
    );
  });
  await page.goto(`${web.url}/`);
  await acknowledged;
  await new Promise((r) => setTimeout(r, 500));
}

const unread = (page: Page, count: number) =>
  page.locator('[data-testid=unread-messages]', { hasText: new RegExp(`^${count}$`) }).waitFor();

async function callApi<T>(query: string, variables: Record<string, unknown>, token: string) {
  const result = await gql<T>(api.url, query, variables, { token });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('live updates in the browser (issue 6)', () => {
  it("a teacher's home page counts a colleague's messages as they arrive, without reloading", async () => {
    const { context, page, token } = await teacherBrowser();
    try {
      await openLiveHome(page);
      await unread(page, 0);
      // Set on this page only: a reload would lose it.
      await page.evaluate(
        () => ((window as unknown as { notReloaded: boolean }).notReloaded = true),
      );

      const { startThread } = await callApi<{ startThread: { id: string } }>(
        START,
        { input: { subject: 'Педсовет', recipientIds: [teacher.id], body: 'Анна, добрый день.' } },
        colleagueToken,
      );
      await unread(page, 1);
      await callApi(SEND, { t: startThread.id, b: 'И ещё одно.' }, colleagueToken);
      await unread(page, 2);
      expect(await page.getByRole('link', { name: '2' }).getAttribute('href')).toBe('/messages');
      await screenshots(page, 'live-unread');

      // Read in another tab or device: this page recounts.
      await callApi(READ, { t: startThread.id }, token);
      await unread(page, 0);
      expect(
        await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
      ).toBe(true);
      expect(await page.getByRole('status').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('a lost connection shows a notice; once back, the page catches up on what it missed', async () => {
    const { context, page } = await teacherBrowser();
    try {
      await openLiveHome(page);
      await unread(page, 0);
      expect(await page.getByRole('status').count()).toBe(0);

      line.cut();
      await page.getByRole('status').filter({ hasText: 'Нет связи с сервером' }).waitFor();
      // Sent while the page cannot hear: the event is lost, the count is not.
      await callApi(
        START,
        { input: { subject: 'Пока вас не было', recipientIds: [teacher.id], body: 'Текст.' } },
        colleagueToken,
      );
      await screenshots(page, 'live-offline');

      line.mend();
      await unread(page, 1);
      await page.getByRole('status').waitFor({ state: 'detached' });
    } finally {
      line.mend();
      await context.close();
    }
  });

  it('R-AUTH-3: signing out everywhere sends an open page to the sign-in page', async () => {
    const { context, page } = await teacherBrowser();
    try {
      await openLiveHome(page);
      const elsewhere = await sessionFor(api.orm.em.fork(), teacher);
      await callApi(`mutation { signOutEverywhere }`, {}, elsewhere);
      await page.waitForURL(`${web.url}/signin`);
      expect((await page.locator('h1').innerText()).trim()).toBe('Вход');
      expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('/api/socket-ticket gives a ticket only to a signed-in page of its own origin', async () => {
    const token = await sessionFor(api.orm.em.fork(), teacher);
    const ask = (headers: Record<string, string>) =>
      fetch(`${web.url}/api/socket-ticket`, {
        method: 'POST',
        headers: { ...web.browserHeaders, ...headers },
      });
    const cookie = `${SESSION_COOKIE}=${token}`;

    const own = await ask({ origin: web.url, cookie });
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('no-store');
    const body = (await own.json()) as { ticket: string; url: string };
    expect(body.url).toBe(line.url.replace(/^http/, 'ws'));
    expect(body.ticket).toMatch(/^[\w-]{43}$/);

    expect((await ask({ origin: 'http://evil.example', cookie })).status).toBe(403);
    expect((await ask({ origin: web.url })).status).toBe(401);
  });
});
