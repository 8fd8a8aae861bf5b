import { Migrator } from '@mikro-orm/migrations';
import { DefaultLogger, type LoggerOptions } from '@mikro-orm/core';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import pg from 'pg';
import { migrations } from '../migrations/index.js';
import { entities } from './entities.js';
import type { Logger } from './logger.js';

export type { MikroORM };

export interface OrmHooks {
  /** Called for every SQL statement: the statement-count tests and benchmarks listen here. */
  onQuery?: (sql: string) => void;
}

export function ormOptions(clientUrl: string, log?: Logger, hooks: OrmHooks = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    // Versioned migrations only: nothing syncs the schema at start-up.
    migrations: {
      migrationsList: migrations,
      path: new URL('../migrations', import.meta.url).pathname,
      pathTs: new URL('../migrations', import.meta.url).pathname,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // Fork per request/event; using the global EntityManager is a bug, so make it an error.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    // JIT off for every application connection: the control and report statements (issue 7) are
    // short reads whose row estimates (unnest of page ranges) cross jit_above_cost, and PostgreSQL
    // then spent seconds compiling (3.1 s of 4.9 s in one month's flaggedLessons, BENCHMARKS.md S5)
    // to save milliseconds of execution. Nothing here runs long enough for JIT to pay off.
    driverOptions: { options: '-c jit=off' },
    debug: hooks.onQuery ? ['query'] : false,
    // Statement counting (tests, benchmarks) hooks the query log itself, not its coloured text.
    loggerFactory: (options) => new CountingLogger(options, hooks.onQuery),
    logger: (message: string) => log?.debug({ orm: message }),
  });
}

export async function createOrm(clientUrl: string, log?: Logger, hooks?: OrmHooks) {
  return MikroORM.init(ormOptions(clientUrl, log, hooks));
}

/** Applies every pending versioned migration; returns the names applied. */
export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}

/** Creates `dbName` on the server if it is missing (a newcomer's first start). */
export async function ensureDatabase(serverUrl: string, dbName: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [dbName]);
    if (found.rowCount === 0) {
      await client.query(`create database ${pg.escapeIdentifier(dbName)}`);
    }
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, dbName: string): string {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly onQuery?: (sql: string) => void,
  ) {
    super(options);
  }

  override logQuery(context: Parameters<DefaultLogger['logQuery']>[0]): void {
    if (this.onQuery) {
      this.onQuery(context.query);
      return;
    }
    super.logQuery(context);
  }
}
