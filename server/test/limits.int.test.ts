// Issue 8: every limit is refused over HTTP and over graphql-ws alike; suggestions and stack
// traces never leave; the schema is described to staff only.
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LIMITS } from '../src/core/limits.js';
import { Role } from '../src/modules/people/role-assignment.entity.js';
import { createPerson, createSchool } from './factories/index.js';
import { sessionFor } from './factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from './harness.js';

let app: TestApp;
const token: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  token.teacher = await sessionFor(em, await createPerson(em, { school, roles: [Role.TEACHER] }));
  token.parent = await sessionFor(em, await createPerson(em, { school, roles: [Role.PARENT] }));
});

afterAll(async () => {
  await app?.close();
});

/** The first error of a subscription attempt over graphql-ws. */
async function overSocket(query: string): Promise<{ message: string; code?: string }> {
  const client = createClient({
    url: app.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authToken: token.teacher },
    retryAttempts: 0,
  });
  try {
    return await new Promise((resolve) => {
      client.subscribe(
        { query },
        {
          next: (r) => {
            const e = r.errors?.[0];
            if (e) {
              resolve({ message: e.message, code: e.extensions?.code as string | undefined });
            }
          },
          error: (err) => {
            const e = (Array.isArray(err) ? err[0] : err) as {
              message: string;
              extensions?: { code?: string };
            };
            resolve({ message: e.message, code: e.extensions?.code });
          },
          complete: () => resolve({ message: 'completed' }),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

const nested = (levels: number, leaf: string) =>
  `${'f { '.repeat(levels)}${leaf}${' }'.repeat(levels)}`;

/** Each case: a query body over HTTP, the same shape as a subscription, the refusal's words. */
const cases: [string, (root: 'http' | 'ws') => string, RegExp][] = [
  [
    'deeper than the limit',
    (root) =>
      root === 'http'
        ? `{ me { person { ${nested(LIMITS.depth, 'id')} } } }`
        : `subscription { messageReceived { ${nested(LIMITS.depth, 'threadId')} } }`,
    /depth/i,
  ],
  [
    'with too many aliases',
    (root) =>
      root === 'http'
        ? `{ ${Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: me { __typename }`).join(' ')} }`
        : `subscription { messageReceived { ${Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: threadId`).join(' ')} } }`,
    /alias/i,
  ],
  [
    'with too many directives',
    (root) =>
      root === 'http'
        ? `{ me { __typename ${'@skip(if: false) '.repeat(LIMITS.directives + 1)} } }`
        : `subscription { messageReceived { threadId ${'@skip(if: false) '.repeat(LIMITS.directives + 1)} } }`,
    /directive/i,
  ],
  [
    'with too many tokens',
    (root) =>
      root === 'http'
        ? `{ me { ${'__typename '.repeat(LIMITS.tokens)} } }`
        : `subscription { messageReceived { ${'threadId '.repeat(LIMITS.tokens)} } }`,
    /token/i,
  ],
  [
    'costing more than the limit',
    (root) => {
      const wide = Array.from(
        { length: 14 },
        (_, i) => `a${i}: ${nested(root === 'http' ? 7 : 8, 'a b c d e f g h i j k l')}`,
      ).join(' ');
      return root === 'http'
        ? `{ me { person { ${wide} } } }`
        : `subscription { messageReceived { ${wide} } }`;
    },
    /cost/i,
  ],
];

describe('limits on every transport', () => {
  it('a query within the limits works', async () => {
    const r = await gql(
      app.url,
      `{ me { person { id } roles { role school { name } } } }`,
      {},
      {
        token: token.teacher,
      },
    );
    expect(r.errors).toBeUndefined();
  });

  it.each(cases)('refuses an operation %s over HTTP', async (_name, query, words) => {
    const r = await gql(app.url, query('http'), {}, { token: token.teacher });
    expect(r.data ?? null).toBeNull();
    const messages = (r.errors ?? []).map((e) => e.message).join(' | ');
    expect(messages).toMatch(words);
    expect(JSON.stringify(r)).not.toMatch(/stacktrace|\bat .*\.ts:\d+/i);
  });

  it.each(cases)('refuses an operation %s over WebSocket', async (_name, query, words) => {
    const refusal = await overSocket(query('ws'));
    expect(refusal.message).toMatch(words);
  });

  it('never suggests field names (no free map of the schema)', async () => {
    const r = await gql(app.url, `{ mee { id } }`, {}, { token: token.teacher });
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.[0]?.message).not.toMatch(/did you mean/i);
    const ws = await overSocket(`subscription { messageRecieved { threadId } }`);
    expect(ws.message).not.toMatch(/did you mean/i);
  });

  it('describes the schema to signed-in staff only', async () => {
    const INTROSPECT = `{ __schema { queryType { name } } }`;
    expect(codes(await gql(app.url, INTROSPECT))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, INTROSPECT, {}, { token: token.parent }))).toEqual([
      'FORBIDDEN',
    ]);
    const staff = await gql<{ __schema: { queryType: { name: string } } }>(
      app.url,
      INTROSPECT,
      {},
      {
        token: token.teacher,
      },
    );
    expect(staff.data?.__schema.queryType.name).toBe('Query');
    // __typename is not introspection: clients rely on it.
    expect((await gql(app.url, `{ __typename }`)).errors).toBeUndefined();
  });
});
