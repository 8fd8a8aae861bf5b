import { Migrator } from '@mikro-orm/migrations';
import { DefaultLogger, type LoggerOptions } from '@mikro-orm/core';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { createHmac } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE } from '../migrations/Migration20261130140000_row_security.js';
import { migrations } from '../migrations/index.js';
import { entities } from './entities.js';
import type { Logger } from './logger.js';
import { rowScopeOnReserve } from './row-scope.js';

export type { MikroORM };

export interface OrmHooks {
  /** Called for every SQL statement: the statement-count tests and benchmarks listen here. */
  onQuery?: (sql: string) => void;
  /** The application's pool only: called when a reserved connection is given a new row scope. */
  onScopeSet?: (sql: string) => void;
}

/**
 * `rowSecurity`: the application's pool, whose every reserved connection carries the running
 * operation's row scope (core/row-scope.ts). The owner's pool (migrations, CLIs, factories) has none.
 */
export function ormOptions(
  clientUrl: string,
  log?: Logger,
  hooks: OrmHooks = {},
  rowSecurity = false,
): Options {
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
    ...(rowSecurity ? { onReserveConnection: rowScopeOnReserve(hooks.onScopeSet) } : {}),
    debug: hooks.onQuery ? ['query'] : false,
    // Statement counting (tests, benchmarks) hooks the query log itself, not its coloured text.
    loggerFactory: (options) => new CountingLogger(options, hooks.onQuery),
    logger: (message: string) => log?.debug({ orm: message }),
  });
}

export async function createOrm(clientUrl: string, log?: Logger, hooks?: OrmHooks) {
  return MikroORM.init(ormOptions(clientUrl, log, hooks));
}

/** The ORM the application's requests use: connected as `classbook_app`, under row security. */
export async function createAppOrm(appUrl: string, log?: Logger, hooks?: OrmHooks) {
  return MikroORM.init(ormOptions(appUrl, log, hooks, true));
}

/**
 * The application's connection URL: `explicit` (APP_DATABASE_URL) when given; otherwise the owner's
 * server and database as `classbook_app`, with a password derived from the owner's credentials (so
 * every process of one deployment derives the same one; see `prepareAppLogin`).
 */
export function appDatabaseUrl(ownerUrl: string, explicit?: string): string {
  if (explicit) {
    return explicit;
  }
  const u = new URL(ownerUrl);
  const password = derivedAppPassword(ownerUrl);
  u.username = APP_ROLE;
  u.password = password;
  return u.toString();
}

function derivedAppPassword(ownerUrl: string): string {
  const u = new URL(ownerUrl);
  return createHmac('sha256', `${u.username}:${u.password}@${u.host}`)
    .update(APP_ROLE)
    .digest('hex');
}

/**
 * Readies `classbook_app` (created by the row_security migration) for this database, from the
 * owner's connection, at every start: its grants (idempotent; a restored backup carries no grants,
 * as `backup` dumps with --no-acl) and, unless the operator gave APP_DATABASE_URL
 * (`deriveLogin` false), a login with the derived password — set only if signing in fails, so
 * that parallel starts do not race to change it.
 */
export async function prepareAppRole(ownerUrl: string, deriveLogin = true): Promise<void> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const grants = `grant usage on schema public, audit_chain, row_security to ${APP_ROLE};
      grant select, insert, update, delete on all tables in schema public to ${APP_ROLE};
      revoke all on table mikro_orm_migrations from ${APP_ROLE};`;
    // Instances starting together may grant at once ("tuple concurrently updated"): try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await owner.query(grants);
        break;
      } catch (err) {
        if (attempt >= 3) {
          throw err;
        }
      }
    }
    if (deriveLogin && !(await canSignIn(appDatabaseUrl(ownerUrl)))) {
      await owner.query(
        `alter role ${APP_ROLE} with login password ${owner.escapeLiteral(derivedAppPassword(ownerUrl))}`,
      );
    }
  } finally {
    await owner.end();
  }
}

async function canSignIn(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
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
