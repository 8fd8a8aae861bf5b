// Socket tickets (issue 6): a page whose session token lives in an httpOnly cookie opens its live
// socket with a one-time ticket that its own server asked for.
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createPerson, createSchool } from '../../test/factories/index.js';
import { sessionFor } from '../../test/factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from '../../test/harness.js';
import type { Person } from '../modules/people/person.entity.js';
import { Role } from '../modules/people/role-assignment.entity.js';
import { SocketTicket } from './socket-ticket.entity.js';

const TICKET = `mutation { createSocketTicket { ticket expiresAt } }`;
const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { id } }`;
const RECEIVED = `subscription { messageReceived { threadId subject } }`;

let app: TestApp;
let teacher: Person;
let colleague: Person;
let colleagueToken: string;

beforeAll(async () => {
  app = await startTestApp();
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  colleague = await createPerson(em, { school, roles: [Role.TEACHER] });
  colleagueToken = await sessionFor(em, colleague);
});

afterAll(async () => {
  await app?.close();
});

async function ticketFor(token: string): Promise<{ ticket: string; expiresAt: string }> {
  const r = await gql<{ createSocketTicket: { ticket: string; expiresAt: string } }>(
    app.url,
    TICKET,
    {},
    { token },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createSocketTicket;
}

/** A graphql-ws client that opens with a ticket and never retries, so each close is seen. */
function follow(ticket: string) {
  const received: { threadId: string; subject: string }[] = [];
  const errors: unknown[] = [];
  let closedWith: number | null = null;
  let connected = false;
  const client: Client = createClient({
    url: app.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { ticket },
    retryAttempts: 0,
    on: {
      connected: () => (connected = true),
      closed: (event) => (closedWith = (event as { code: number }).code),
    },
  });
  const stop = client.subscribe<{ messageReceived: { threadId: string; subject: string } }>(
    { query: RECEIVED },
    {
      next: (r) => {
        if (r.errors) {
          errors.push(...r.errors);
        }
        if (r.data) {
          received.push(r.data.messageReceived);
        }
      },
      error: (e) => errors.push(e),
      complete: () => {},
    },
  );
  return {
    received,
    errors,
    connected: () => connected,
    closedWith: () => closedWith,
    stop: async () => {
      stop();
      await client.dispose();
    },
  };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
};

const write = async (subject: string) => {
  const r = await gql<{ startThread: { id: string } }>(
    app.url,
    START,
    { input: { subject, recipientIds: [teacher.id], body: 'Коллега, добрый день.' } },
    { token: colleagueToken },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.startThread.id;
};

describe('socket tickets (issue 6)', () => {
  it('is issued to signed-in people only, for about a minute', async () => {
    expect(codes(await gql(app.url, TICKET))).toEqual(['UNAUTHENTICATED']);
    const token = await sessionFor(app.orm.em.fork(), teacher);
    const issued = await ticketFor(token);
    expect(issued.ticket).toMatch(/^[\w-]{43}$/);
    const ttl = new Date(issued.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Only its hash is kept.
    const rows = await app.orm.em.fork().find(SocketTicket, {});
    expect(rows.map((r) => r.ticketHash)).not.toContain(issued.ticket);
  });

  it('opens a socket as its session; a subscription receives events', async () => {
    const token = await sessionFor(app.orm.em.fork(), teacher);
    const feed = follow((await ticketFor(token)).ticket);
    expect(await until(feed.connected)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const threadId = await write('По билету');
    expect(await until(() => feed.received.length > 0)).toBe(true);
    expect(feed.received).toEqual([{ threadId, subject: 'По билету' }]);
    expect(feed.errors).toEqual([]);
    await feed.stop();
  });

  it('is good once: a second socket with the same ticket is refused with 4403', async () => {
    const token = await sessionFor(app.orm.em.fork(), teacher);
    const { ticket } = await ticketFor(token);
    const first = follow(ticket);
    expect(await until(first.connected)).toBe(true);
    const second = follow(ticket);
    expect(await until(() => second.closedWith() !== null)).toBe(true);
    expect(second.closedWith()).toBe(4403);
    expect(second.connected()).toBe(false);
    await Promise.all([first.stop(), second.stop()]);
  });

  it('is refused once expired, and when unknown', async () => {
    const token = await sessionFor(app.orm.em.fork(), teacher);
    const { ticket } = await ticketFor(token);
    await app.orm.em
      .fork()
      .nativeUpdate(SocketTicket, {}, { expiresAt: new Date(Date.now() - 1000) });
    const late = follow(ticket);
    const made = follow('not-a-ticket');
    expect(await until(() => late.closedWith() !== null && made.closedWith() !== null)).toBe(true);
    expect(late.closedWith()).toBe(4403);
    expect(made.closedWith()).toBe(4403);
    await Promise.all([late.stop(), made.stop()]);
  });

  it('is refused for a session signed out before the socket opened', async () => {
    const token = await sessionFor(app.orm.em.fork(), teacher);
    const { ticket } = await ticketFor(token);
    await gql(app.url, `mutation { signOut }`, {}, { token });
    const feed = follow(ticket);
    expect(await until(() => feed.closedWith() !== null)).toBe(true);
    expect(feed.closedWith()).toBe(4403);
    await feed.stop();
  });

  it('R-AUTH-3: signing out closes the socket opened with a ticket (4401)', async () => {
    const token = await sessionFor(app.orm.em.fork(), teacher);
    const feed = follow((await ticketFor(token)).ticket);
    expect(await until(feed.connected)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    await gql(app.url, `mutation { signOut }`, {}, { token });
    expect(await until(() => feed.closedWith() !== null)).toBe(true);
    expect(feed.closedWith()).toBe(4401);
    await feed.stop();
  });
});
