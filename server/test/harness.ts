import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../src/core/app.js';
import { loadConfig, type AppConfig } from '../src/core/config.js';
import { appDatabaseUrl, createAppOrm, createOrm, withDatabase } from '../src/core/db.js';
import { createLogger } from '../src/core/logger.js';
import { createBus } from '../src/core/pubsub.js';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database cloned from the run's template: nothing shared between files. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('dbServerUrl');
  const template = inject('templateDb');
  const runId = template.replace(/^cb_tpl_/, '');
  const name = `cb_t_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestApp {
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  /** The owner's connection, not under row security: factories and checks set up and read here. */
  orm: MikroORM;
  /** The application's own connection, as `classbook_app` under row security (issue 8). */
  appOrm: MikroORM;
  config: AppConfig;
  /** SQL statements the application ran since the last `resetQueries()`. */
  queries: string[];
  /** Row-scope statements given to reserved connections since the last `resetQueries()`. */
  scopeStatements: string[];
  resetQueries(): void;
  /** Publishes on the app's bus, as a resolver does after its commit (bursts, exact timing). */
  publish(topic: string, payload: unknown): void;
  /** How many subscriptions this instance has started on `topic` (Bus.subscriptionsStarted). */
  subscriptionsStarted(topic: string): number;
  /** Members of each live group (one shared execution per event and permission set), largest first. */
  liveGroupSizes(): number[];
  /** Live executions run so far (core/live.ts). */
  liveExecutions(): number;
  close(): Promise<void>;
}

/**
 * The real server (HTTP + WebSocket) on a random port over a fresh database; with `sameDatabaseAs`,
 * a second instance over another app's database (the several-instances tests).
 */
export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  sameDatabaseAs?: TestApp,
  /** graphql-js's `execute` for queries too, not graphql-jit (core/jit-executor.ts): parity tests. */
  graphqlJs = false,
): Promise<TestApp> {
  const db = sameDatabaseAs
    ? { url: sameDatabaseAs.config.databaseUrl!, drop: async () => {} }
    : await createTestDatabase();
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'test');
  const queries: string[] = [];
  const scopeStatements: string[] = [];
  const orm = await createOrm(db.url, log);
  // The app connects as classbook_app, as in production (global setup made its login work).
  const appOrm = await createAppOrm(appDatabaseUrl(db.url), log, {
    onQuery: (sql) => queries.push(sql),
    onScopeSet: (sql) => scopeStatements.push(sql),
  });
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test' }),
    databaseUrl: db.url,
    port: 0,
    ...overrides,
  };
  const bus = createBus(config.redisUrl, log);
  const app = await createApp({ config, orm: appOrm, log, bus, graphqlJs });
  const url = await app.listen(0, '127.0.0.1');
  return {
    url,
    orm,
    appOrm,
    config,
    queries,
    scopeStatements,
    resetQueries: () => {
      queries.length = 0;
      scopeStatements.length = 0;
    },
    publish: (topic, payload) => bus.pubSub.publish(topic, payload),
    subscriptionsStarted: (topic) => bus.subscriptionsStarted(topic),
    liveGroupSizes: () => app.liveGroupSizes(),
    liveExecutions: () => app.liveExecutions(),
    close: async () => {
      await app.close();
      await bus.close();
      await appOrm.close();
      await orm.close();
      await db.drop();
    },
  };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** One GraphQL request over real HTTP, as a client would send it. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null; headers?: Record<string, string> } = {},
): Promise<GqlResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
  return { status: res.status, ...body };
}

/** The error codes of a result, in order: what tests assert instead of message text. */
export const codes = (r: GqlResult<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);
