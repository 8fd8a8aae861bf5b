// Applies pending versioned migrations to DATABASE_URL (or the embedded database).
import 'reflect-metadata';
import { loadConfig } from '../core/config.js';
import { openDatabase } from '../core/database.js';
import { migrateUp } from '../core/db.js';
import { createLogger } from '../core/logger.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'migrate');
const db = await openDatabase(config, log);
try {
  const applied = await migrateUp(db.orm);
  log.info({ applied }, applied.length ? 'migrations applied' : 'database is up to date');
} finally {
  await db.close();
}
