// Once per test run: find a PostgreSQL server, build a migrated template database; each test
// file then clones it (CREATE DATABASE … TEMPLATE) into a database of its own.
import 'reflect-metadata';
import { resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { repoRoot } from '../src/core/config.js';
import { createOrm, migrateUp, prepareAppRole, withDatabase } from '../src/core/db.js';
import { startEmbeddedPostgres } from '../src/core/embedded-postgres.js';
import { createLogger } from '../src/core/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dbServerUrl: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn', 'test-setup');
  // DATABASE_URL names a server to use (CI, this machine); without it, the embedded one.
  let serverUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres(resolve(repoRoot, '.data/test-postgres'), log);
    serverUrl = withDatabase(embedded.serverUrl, 'postgres');
    stopEmbedded = () => embedded.stop();
  }
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const templateDb = `cb_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`create database ${templateDb}`);
  const orm = await createOrm(withDatabase(serverUrl, templateDb), log);
  await migrateUp(orm);
  await orm.close();
  // Once per run, before any file starts an app: the app's role can sign in (core/db.ts).
  await prepareAppRole(withDatabase(serverUrl, templateDb));

  project.provide('dbServerUrl', serverUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    // Drop this run's databases; a crashed earlier run's leftovers older than a day too.
    const rows = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'cb\\_t\\_${runId}\\_%' or datname = $1`,
      [templateDb],
    );
    for (const { datname } of rows.rows) {
      await admin.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
    }
    await admin.end();
    await stopEmbedded?.();
  };
}
