// Seeds the demo school into DATABASE_URL (or the embedded database) when it has no school yet.
import 'reflect-metadata';
import { loadConfig } from '../core/config.js';
import { openDatabase } from '../core/database.js';
import { migrateUp } from '../core/db.js';
import { createLogger } from '../core/logger.js';
import { seedDemoIfEmpty } from '../../seeds/index.js';

const config = loadConfig();
const log = createLogger(config.logLevel, 'seed');
const db = await openDatabase(config, log);
try {
  await migrateUp(db.orm);
  await seedDemoIfEmpty(db.orm, log);
} finally {
  await db.close();
}
