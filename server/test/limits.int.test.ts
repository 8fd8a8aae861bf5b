// Issue 8: every limit is refused over HTTP and over graphql-ws alike; suggestions and stack
// traces never leave; the schema is described to staff only.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LIMITS, limitRules, parseOptions } from '../src/core/limits.js';
import { Role } from '../src/modules/people/role-assignment.entity.js';
import {
  createClass,
  createFamily,
  createPerson,
  createSchool,
  createYear,
} from './factories/index.js';
import { sessionFor } from './factories/journal.js';
import { codes, gql, startTestApp, type TestApp } from './harness.js';

let app: TestApp;
const token: Record<string, string> = {};
let classId: string;

beforeAll(async () => {
  app = await startTestApp();
  const em = app.orm.em.fork();
  const school = await createSchool(em);
  const teacher = await createPerson(em, { school, roles: [Role.TEACHER] });
  const year = await createYear(em, school);
  const schoolClass = await createClass(em, { school, year, classTeacher: teacher });
  classId = schoolClass.id;
  const family = await createFamily(em, { schoolClass });
  token.teacher = await sessionFor(em, teacher);
  token.parent = await sessionFor(em, family.parent);
  token.student = await sessionFor(em, family.student);
  token.admin = await sessionFor(
    em,
    await createPerson(em, { school, roles: [Role.ADMINISTRATOR] }),
  );
});

afterAll(async () => {
  await app?.close();
});

/** A graphql-ws client as a signed-in person (a teacher unless told). */
const socketClient = (authToken = token.teacher) =>
  createClient({
    url: app.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authToken },
    retryAttempts: 0,
  });

/** The first error of a subscription attempt over graphql-ws. */
async function overSocket(
  query: string,
  variables: Record<string, unknown> = {},
  authToken = token.teacher,
): Promise<{ message: string; code?: string; raw: string }> {
  const client = socketClient(authToken);
  try {
    return await new Promise((resolve) => {
      client.subscribe(
        { query, variables },
        {
          next: (r) => {
            const e = r.errors?.[0];
            if (e) {
              resolve({
                message: e.message,
                code: e.extensions?.code as string | undefined,
                raw: JSON.stringify(r),
              });
            }
          },
          error: (err) => {
            const e = (Array.isArray(err) ? err[0] : err) as {
              message: string;
              extensions?: { code?: string };
            };
            resolve({ message: e.message, code: e.extensions?.code, raw: JSON.stringify(err) });
          },
          complete: () => resolve({ message: 'completed', raw: '' }),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/**
 * A subscription that the limits let through delivers events: the class teacher publishes
 * announcements (one more each round, so none is lost to the subscription starting late) until
 * the first arrives.
 */
async function deliveredOverSocket(query: string) {
  const client = socketClient();
  const results: { data?: unknown; errors?: readonly unknown[] }[] = [];
  const failures: unknown[] = [];
  const stop = client.subscribe(
    {
      query,
      variables: { c: classId },
    },
    {
      next: (r) => results.push(r),
      error: (e) => failures.push(e),
      complete: () => {},
    },
  );
  try {
    for (let round = 0; results.length === 0 && failures.length === 0 && round < 100; round++) {
      const published = await gql(
        app.url,
        `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { id } }`,
        { i: { schoolClassId: classId, title: `Объявление ${round}`, body: 'Текст' } },
        { token: token.teacher },
      );
      expect(published.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 100));
    }
    return { first: results[0], failures };
  } finally {
    stop();
    await client.dispose();
  }
}

// Selections of an exact depth through Person → personalData → children → guardian → …: valid on
// the schema, so an operation at the limit runs.
const HOP_TYPE = { personalData: 'PersonalData', children: 'Guardianship', guardian: 'Person' };
const LEAF: Record<string, string> = { Person: 'id', PersonalData: 'personId', Guardianship: 'id' };
/** `levels` fields deep under a Person (the leaf counts), with `leaves` copies of the leaf. */
function personChain(levels: number, leaves = 1): string {
  const hops = Array.from(
    { length: levels - 1 },
    (_, i) => (['personalData', 'children', 'guardian'] as const)[i % 3]!,
  );
  const type = hops.length ? HOP_TYPE[hops[hops.length - 1]!] : 'Person';
  const leaf = Array.from({ length: leaves }, () => LEAF[type]).join(' ');
  return `${hops.map((h) => `${h} { `).join('')}${leaf}${' }'.repeat(hops.length)}`;
}

const emitted = buildSchema(
  readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'),
);
/** Whether the server's own limit rules pass an operation (to find the exact boundary). */
/** Whether the server's checks pass an operation: its parse options, graphql-js's rules, ours. */
function withinLimits(query: string): boolean {
  let document;
  try {
    document = parse(query, parseOptions);
  } catch {
    return false;
  }
  return validate(emitted, document, [...specifiedRules, ...limitRules]).length === 0;
}

const wsQuery = (selection: string, fragments = '') =>
  `subscription($c: ID!) { announcementPublished(schoolClassId: $c) ${selection} } ${fragments}`;

/** `width` named fragments, each spread once: tokens without overlapping fields or much cost. */
const fragments = (width: number, on: string, leaf: string) => ({
  spreads: Array.from({ length: width }, (_, i) => `...F${i}`).join(' '),
  definitions: Array.from({ length: width }, (_, i) => `fragment F${i} on ${on} { ${leaf} }`).join(
    ' ',
  ),
});

/** The widest operation of a family that the limits still pass, and the next one, which they do not. */
function boundary(build: (width: number) => string): [string, string] {
  // Doubling, then halving: the largest width that passes (the cost grows with the width).
  let low = 1;
  let high = 2;
  while (withinLimits(build(high))) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (withinLimits(build(mid))) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return [build(low), build(low + 1)];
}

const names = (n: number, field: string) => Array.from({ length: n }, () => field).join(' ');
const aliases = (n: number, field: string) =>
  Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

interface LimitCase {
  limit: string;
  words: RegExp;
  /** [at the limit, one past it]: queries over HTTP, subscriptions over WebSocket. */
  http: () => [string, string];
  ws: () => [string, string];
}

const cases: LimitCase[] = [
  {
    limit: 'depth',
    words: /depth/i,
    // me (1) → person (2) → … : exactly LIMITS.depth levels, then one more.
    http: () => [
      `{ me { person { ${personChain(LIMITS.depth - 2)} } } }`,
      `{ me { person { ${personChain(LIMITS.depth - 1)} } } }`,
    ],
    ws: () => [
      wsQuery(`{ author { ${personChain(LIMITS.depth - 2)} } }`),
      wsQuery(`{ author { ${personChain(LIMITS.depth - 1)} } }`),
    ],
  },
  {
    limit: 'cost',
    words: /cost/i,
    // Within the depth limit, ever more leaves at the bottom until the cost passes its limit.
    http: () => boundary((w) => `{ me { person { ${personChain(LIMITS.depth - 3, w)} } } }`),
    ws: () => boundary((w) => wsQuery(`{ author { ${personChain(LIMITS.depth - 3, w)} } }`)),
  },
  {
    limit: 'aliases',
    words: /alias/i,
    http: () => [
      `{ ${aliases(LIMITS.aliases, 'me { __typename }')} }`,
      `{ ${aliases(LIMITS.aliases + 1, 'me { __typename }')} }`,
    ],
    ws: () => [
      wsQuery(`{ ${aliases(LIMITS.aliases, 'id')} }`),
      wsQuery(`{ ${aliases(LIMITS.aliases + 1, 'id')} }`),
    ],
  },
  {
    limit: 'directives',
    words: /directive/i,
    // One directive per field: a directive repeated on one field is refused for that alone.
    http: () => [
      `{ me { ${names(LIMITS.directives, '__typename @skip(if: false)')} } }`,
      `{ me { ${names(LIMITS.directives + 1, '__typename @skip(if: false)')} } }`,
    ],
    ws: () => [
      wsQuery(`{ ${names(LIMITS.directives, 'id @skip(if: false)')} }`),
      wsQuery(`{ ${names(LIMITS.directives + 1, 'id @skip(if: false)')} }`),
    ],
  },
  {
    limit: 'tokens',
    words: /token/i,
    // Fragments spread once each (9 tokens apiece): the last that parses and the first that
    // does not. Thousands of one repeated field would trip graphql-js's own merge budget first.
    http: () =>
      boundary((w) => {
        const f = fragments(w, 'Query', '__typename');
        return `{ ${f.spreads} } ${f.definitions}`;
      }),
    ws: () =>
      boundary((w) => {
        const f = fragments(w, 'ClassAnnouncement', 'id');
        return wsQuery(`{ ${f.spreads} }`, f.definitions);
      }),
  },
];

// Finding the boundaries validates many documents synchronously, which stalls the server in this
// same process: done once, before any request, so no keep-alive connection goes stale meanwhile.
const boundaries = new Map<string, { http: [string, string]; ws: [string, string] }>();
beforeAll(() => {
  for (const c of cases) {
    boundaries.set(c.limit, { http: c.http(), ws: c.ws() });
  }
});

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

  describe.each(cases)('$limit', ({ limit, words }) => {
    const http = () => boundaries.get(limit)!.http;
    const ws = () => boundaries.get(limit)!.ws;
    it('allows an operation at the limit over HTTP', async () => {
      const [at] = http();
      const r = await gql(app.url, at, {}, { token: token.teacher });
      expect(r.errors?.map((e) => e.message)).toBeUndefined();
      expect(r.data?.me ?? r.data?.a0 ?? r.data?.__typename).toBeTruthy();
    });

    it('refuses one past the limit over HTTP', async () => {
      const [, past] = http();
      const r = await gql(app.url, past, {}, { token: token.teacher });
      expect(r.status).toBe(400);
      expect(r.data ?? null).toBeNull();
      const messages = (r.errors ?? []).map((e) => e.message).join(' | ');
      expect(messages).toMatch(words);
      expect(
        codes(r).every((c) => c === 'GRAPHQL_VALIDATION_FAILED' || c === 'GRAPHQL_PARSE_FAILED'),
      ).toBe(true);
      expect(JSON.stringify(r)).not.toMatch(/stacktrace|\bat .*\.ts:\d+/i);
    });

    it('allows an operation at the limit over WebSocket', async () => {
      const [at] = ws();
      const { first, failures } = await deliveredOverSocket(at);
      expect(failures).toEqual([]);
      expect(JSON.stringify(first?.errors)).toBeUndefined();
      expect(
        (first?.data as { announcementPublished?: unknown })?.announcementPublished,
      ).toBeTruthy();
    });

    it('refuses one past the limit over WebSocket', async () => {
      const [, past] = ws();
      const refusal = await overSocket(past, { c: classId });
      expect(refusal.message).toMatch(words);
      expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(refusal.code);
      expect(refusal.raw).not.toMatch(/stacktrace|\bat .*\.ts:\d+/i);
    });
  });

  it('refuses batched HTTP requests with a typed error', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.teacher}` },
      body: JSON.stringify([{ query: '{ me { person { id } } }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
    expect(body.errors[0]!.message).toMatch(/batch/i);
  });

  it('refuses an oversized body with 413 rather than failing', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
  });

  it('never suggests field names (no free map of the schema)', async () => {
    const r = await gql(app.url, `{ mee { id } }`, {}, { token: token.teacher });
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.errors?.[0]?.message).not.toMatch(/did you mean/i);
    const ws = await overSocket(`subscription { messageRecieved { threadId } }`);
    expect(ws.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ws.message).not.toMatch(/did you mean/i);
  });

  it('never suggests names in argument and variable errors either', async () => {
    const typoArgument = await gql(
      app.url,
      `{ subjects(schoolID: "x") { id } }`,
      {},
      { token: token.teacher },
    );
    expect(codes(typoArgument)).toContain('GRAPHQL_VALIDATION_FAILED');
    const typoEnum = await gql(
      app.url,
      `mutation($f: DigestFrequency) { setDigestSubscription(frequency: $f) { frequency } }`,
      { f: 'DAILYY' },
      { token: token.parent },
    );
    expect(codes(typoEnum)).toEqual(['BAD_USER_INPUT']);
    const typoInput = await gql(
      app.url,
      `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { id } }`,
      { i: { schoolClassId: classId, title: 't', body: 'b', titel: 'x' } },
      { token: token.teacher },
    );
    expect(codes(typoInput)).toEqual(['BAD_USER_INPUT']);
    // Over the socket, variables are checked before the subscription starts, typed the same.
    const typoOverSocket = await overSocket(
      `subscription($c: ID!, $a: Boolean!) { announcementPublished(schoolClassId: $c) { id @include(if: $a) } }`,
      { c: { nested: 1 }, a: 'yes' },
    );
    expect(typoOverSocket.code).toBe('BAD_USER_INPUT');
    for (const message of [typoArgument, typoEnum, typoInput].flatMap((r) =>
      (r.errors ?? []).map((e) => e.message),
    )) {
      expect(message).not.toMatch(/did you mean/i);
    }
    expect(typoOverSocket.raw).not.toMatch(/did you mean/i);
  });

  it('answers a flood of bad variables as bad input, not as an internal error', async () => {
    // graphql-js gives up after 50 coercion errors with a bare error of its own.
    const r = await gql(
      app.url,
      `mutation($i: CreateReportingPeriodInput!) { createReportingPeriod(input: $i) { id } }`,
      { i: { gradeLevels: Array.from({ length: 60 }, () => 0.5) } },
      { token: token.teacher },
    );
    expect(r.status).toBe(400);
    expect(new Set(codes(r))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('describes the schema to signed-in staff only', async () => {
    for (const INTROSPECT of [
      `{ __schema { queryType { name } } }`,
      `{ __type(name: "Query") { name } }`,
    ]) {
      for (const caller of [null, token.parent, token.student]) {
        const r = await gql(app.url, INTROSPECT, {}, { token: caller });
        expect(codes(r)).toEqual(['FORBIDDEN']);
        expect(r.status).toBe(403);
        expect(r.data ?? null).toBeNull();
      }
      for (const staff of [token.teacher, token.admin]) {
        const r = await gql<Record<string, { name: string }>>(
          app.url,
          INTROSPECT,
          {},
          {
            token: staff,
          },
        );
        expect(r.errors).toBeUndefined();
      }
    }
    // Not over the socket either, for anyone: it only takes subscriptions.
    for (const caller of [token.teacher, token.parent]) {
      const ws = await overSocket(`{ __schema { queryType { name } } }`, {}, caller);
      expect(ws.code).toBe('BAD_REQUEST');
    }
    // __typename is not introspection: clients rely on it.
    expect((await gql(app.url, `{ __typename }`)).errors).toBeUndefined();
  });

  it('takes only subscriptions over WebSocket, and none over HTTP', async () => {
    const query = await overSocket(`{ me { person { id } } }`);
    expect(query.code).toBe('BAD_REQUEST');
    expect(query.message).toMatch(/subscription/i);
    const mutation = await overSocket(`mutation { signOutEverywhere }`);
    expect(mutation.code).toBe('BAD_REQUEST');
    // The mutation did not run: the teacher's session still works.
    const still = await gql(app.url, `{ me { person { id } } }`, {}, { token: token.teacher });
    expect(still.errors).toBeUndefined();
    expect(still.data?.me).toBeTruthy();
    const overHttp = await gql(
      app.url,
      wsQuery('{ id }'),
      { c: classId },
      { token: token.teacher },
    );
    expect(overHttp.status).toBe(400);
    expect(codes(overHttp)).toEqual(['BAD_REQUEST']);
  });

  it('refuses NUL in text up front, on both transports', async () => {
    const r = await gql(
      app.url,
      `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { id } }`,
      { i: { schoolClassId: classId, title: 'a\u0000b', body: 'b' } },
      { token: token.teacher },
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const ws = await overSocket(wsQuery('{ id }'), { c: `${classId}\u0000` });
    expect(ws.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a lone surrogate in text up front (it is no character; PostgreSQL json refuses it)', async () => {
    const publish = (title: string) =>
      gql(
        app.url,
        `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { id } }`,
        { i: { schoolClassId: classId, title, body: 'b' } },
        { token: token.teacher },
      );
    expect(codes(await publish('\udc00'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await publish('a\ud83d'))).toEqual(['BAD_USER_INPUT']);
    // A whole pair is a character like any other.
    const emoji = await publish('Экскурсия 🚌');
    expect(emoji.errors).toBeUndefined();
    const ws = await overSocket(wsQuery('{ id }'), { c: `${classId}\ud800` });
    expect(ws.code).toBe('BAD_USER_INPUT');
  });

  describe.each(['test', 'production'] as const)('in NODE_ENV %s', (nodeEnv) => {
    it('an unexpected error leaves as INTERNAL_SERVER_ERROR with a generic message', async () => {
      const saved = process.env.NODE_ENV;
      process.env.NODE_ENV = nodeEnv;
      const server = await startTestApp({ nodeEnv }, app).finally(() => {
        process.env.NODE_ENV = saved;
      });
      const sql = (q: string) => app.orm.em.fork().getConnection().execute(q);
      // A fault no input can cause: the table behind the resolver is gone for a moment.
      await sql('alter table school_class rename to school_class_away');
      try {
        const r = await gql(
          server.url,
          `{ classAnnouncements(schoolClassId: "${classId}") { id } }`,
          {},
          { token: token.teacher },
        );
        expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
        const ws = await overSocket(wsQuery('{ id }'), { c: classId });
        expect(ws.code).toBe('INTERNAL_SERVER_ERROR');
        for (const text of [JSON.stringify(r), ws.raw]) {
          expect(text).not.toMatch(
            /stacktrace|school_class|relation|\bat \S+ \(|\.ts:\d+|Exception/i,
          );
        }
        expect(r.errors?.[0]?.message).toMatch(/внутренняя ошибка/i);
      } finally {
        await sql('alter table school_class_away rename to school_class');
        await server.close();
      }
    });
  });
});
