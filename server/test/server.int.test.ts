import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, gql, startTestApp, type TestApp } from './harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('HTTP server', () => {
  it('reports health with the database and the event bus', async () => {
    const res = await fetch(app.url.replace('/graphql', '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', bus: 'in-process' });
  });

  it('answers a malformed query with a typed error and no internals', async () => {
    const r = await gql(app.url, '{ me { person { passwordHash } } }');
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(r)).not.toMatch(/stack|Did you mean/);
    const bad = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ me { person { id } } }' },
        { query: '{ me { person { id } } }' },
      ]),
    });
    expect(res.status).toBe(400);
  });
});

describe('WebSocket endpoint', () => {
  let client: Client;
  afterAll(async () => {
    await client?.dispose();
  });

  it('shares the HTTP port and accepts only subscriptions', async () => {
    client = createClient({
      url: app.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const result = await new Promise<{ errors?: unknown[] }>((resolve) => {
      let errors: unknown[] | undefined;
      client.subscribe(
        { query: 'query { me { person { id } } }' },
        {
          next: () => undefined,
          error: (e) => {
            errors = Array.isArray(e) ? e : [e];
            resolve({ errors });
          },
          complete: () => resolve({ errors }),
        },
      );
    });
    expect(JSON.stringify(result.errors)).toMatch(/Only subscriptions/);
  });

  it('closes a connection whose token is not a live session', async () => {
    const bad = createClient({
      url: app.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authToken: 'revoked-or-forged' },
    });
    const closed = await new Promise<number>((resolve) => {
      bad.on('closed', (event) => resolve((event as { code: number }).code));
      bad.subscribe(
        { query: 'subscription { x }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });
    expect(closed).toBe(4403);
    await bad.dispose();
  });
});
