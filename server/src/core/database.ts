import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import { createOrm, databaseName, ensureDatabase, withDatabase, type OrmHooks } from './db.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import type { Logger } from './logger.js';

export interface OpenDatabase {
  orm: MikroORM;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * DATABASE_URL when given (the database is created if missing); otherwise an embedded PostgreSQL
 * under DATA_DIR, so that a newcomer needs nothing installed.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  log: Logger,
  hooks?: OrmHooks,
): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), log);
    stopEmbedded = () => embedded.stop();
    url = withDatabase(embedded.serverUrl, 'classbook');
  }
  try {
    await ensureDatabase(url, databaseName(url));
    const orm = await createOrm(url, log, hooks);
    return {
      orm,
      url,
      embedded: Boolean(stopEmbedded),
      close: async () => {
        await orm.close();
        await stopEmbedded?.();
      },
    };
  } catch (err) {
    await stopEmbedded?.();
    throw err;
  }
}
