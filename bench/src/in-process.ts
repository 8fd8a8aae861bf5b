// The app under test in this process, on the generated database (layers.ts, profile.ts): what a
// deployment starts, with a free port and warn-level logs.
import { createApp } from '../../server/src/core/app.js';
import { loadConfig } from '../../server/src/core/config.js';
import {
  appDatabaseUrl,
  createAppOrm,
  prepareAppRole,
  withDatabase,
} from '../../server/src/core/db.js';
import { createLogger } from '../../server/src/core/logger.js';
import { createBus } from '../../server/src/core/pubsub.js';
import type { BenchOptions } from './args.js';
import { ensureGenerated } from './generate.js';

export async function startInProcess(o: BenchOptions) {
  const generated = await ensureGenerated(
    o.serverUrl,
    o.dbName,
    { classes: o.classes, schools: o.schools, seed: o.seed },
    { regenerate: false, log: console.log },
  );
  const dbUrl = withDatabase(o.serverUrl, o.dbName);
  const log = createLogger('warn', 'bench');
  const config = {
    ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn' }),
    databaseUrl: dbUrl,
    port: 0,
  };
  await prepareAppRole(dbUrl);
  const orm = await createAppOrm(appDatabaseUrl(dbUrl), log);
  const bus = createBus(undefined, log);
  const app = await createApp({ config, orm, log, bus });
  const url = await app.listen(0, '127.0.0.1');
  return {
    ctx: generated.context,
    dbUrl,
    log,
    config,
    orm,
    bus,
    app,
    url,
    close: async () => {
      await app.close();
      await bus.close();
      await orm.close();
    },
  };
}
