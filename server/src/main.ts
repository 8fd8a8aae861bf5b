// Start-up only: configuration, database, migrations, optional demo seed, then the server.
import 'reflect-metadata';
import { createApp } from './core/app.js';
import { ConfigError, loadConfig } from './core/config.js';
import { openDatabase } from './core/database.js';
import { appDatabaseUrl, createAppOrm, migrateUp, prepareAppRole } from './core/db.js';
import { createLogger } from './core/logger.js';
import { createBus } from './core/pubsub.js';
import { createMailer, sendDueDigests } from './modules/messages/digest.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  if (config.migrateOnStart) {
    const applied = await migrateUp(db.orm);
    if (applied.length > 0) {
      log.info({ applied }, 'migrations applied');
    }
  }
  if (config.seedDemo) {
    // Loaded only for the demo: the seeder's dependencies are not needed in production.
    const { seedDemoIfEmpty } = await import('../seeds/index.js');
    await seedDemoIfEmpty(db.orm, log);
  }
  // Requests run as classbook_app under row security; the owner's connection above stays for
  // migrations, the demo seed and the system's own jobs (digests).
  await prepareAppRole(db.url, !config.appDatabaseUrl);
  const appOrm = await createAppOrm(appDatabaseUrl(db.url, config.appDatabaseUrl), log);
  const bus = createBus(config.redisUrl, log);
  const app = await createApp({ config, orm: appOrm, log, bus });
  const url = await app.listen();
  log.info(
    { url, database: db.embedded ? 'embedded' : 'DATABASE_URL', bus: bus.status() },
    'Classbook API ready',
  );

  // E-mail digests (R-DRY-3): checked every 10 minutes; due ones go out once across instances.
  const mailer = createMailer(config);
  const sendDigests = () =>
    sendDueDigests(db.orm.em.fork(), mailer, log).catch((err: unknown) =>
      log.error({ err }, 'sending digests failed'),
    );
  const digests = setInterval(() => void sendDigests(), 10 * 60_000);
  digests.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    clearInterval(digests);
    mailer.close();
    await app.close();
    await bus.close();
    await appOrm.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
