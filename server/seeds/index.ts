import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../src/core/logger.js';
import { School } from '../src/modules/school/school.entity.js';
import { seedDemoSchool } from './demo-school.js';

export { seedDemoSchool };
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';

/** Seeds the demo school on a database that has no school yet; otherwise leaves it alone. */
export async function seedDemoIfEmpty(orm: MikroORM, log: Logger): Promise<void> {
  const schools = await orm.em.fork().count(School, {});
  if (schools > 0) {
    log.info('database already has a school: demo seed skipped');
    return;
  }
  const started = Date.now();
  const summary = await seedDemoSchool(orm);
  log.info({ ...summary, ms: Date.now() - started }, 'demo school seeded');
}
