// Writes a new versioned migration with the difference between the entities and the schema that
// the existing migrations build. Run against a scratch database so nobody's data is touched.
import 'reflect-metadata';
import pg from 'pg';
import { createOrm, migrateUp, withDatabase } from '../core/db.js';
import { createLogger } from '../core/logger.js';

const log = createLogger('info', 'migration-create');
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = `classbook_migration_scratch_${process.pid}`;
const admin = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
await admin.connect();
await admin.query(`create database ${scratch}`);
try {
  const orm = await createOrm(withDatabase(server, scratch), log);
  try {
    await migrateUp(orm);
    const name = process.argv[2] ?? 'change';
    const result = await orm.migrator.create(undefined, false, false, name);
    if (!result.fileName) {
      log.info('entities and migrations agree: nothing to write');
    } else {
      log.info({ file: result.fileName }, 'migration written: add it to src/migrations/index.ts');
    }
  } finally {
    await orm.close();
  }
} finally {
  await admin.query(`drop database ${scratch}`);
  await admin.end();
}
