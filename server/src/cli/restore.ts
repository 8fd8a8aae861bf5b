// restore --from <file> [--clean]: pg_restore of a `backup` file into DATABASE_URL (R-DATA-1), in
// one transaction (all or nothing). Into an empty database by default; --clean first drops what
// the backup holds, for restoring over a database that has data.
import { loadConfig } from '../core/config.js';
import { cliArgs, finish, usage, userPath } from './args.js';
import { pgToolFor, run, serverFacts } from './pg-tools.js';

const { values } = cliArgs({ from: { type: 'string' }, clean: { type: 'boolean' } });
if (!values.from) {
  usage('usage: restore --from <file> [--clean]   (DATABASE_URL names the database)');
}
const url = loadConfig().databaseUrl;
if (!url) {
  usage('restore needs DATABASE_URL');
}
try {
  const { major, hasTables } = await serverFacts(url);
  if (hasTables && !values.clean) {
    usage('the database already has tables: restore into an empty database, or pass --clean');
  }
  const restore = await pgToolFor('pg_restore', major);
  await run(restore, [
    '--single-transaction',
    '--exit-on-error',
    '--no-owner',
    '--no-acl',
    ...(values.clean ? ['--clean', '--if-exists'] : []),
    `--dbname=${url}`,
    userPath(values.from),
  ]);
  process.stdout.write(`restored ${values.from} into ${new URL(url).pathname.slice(1)}\n`);
} catch (err) {
  finish(process.stderr, `restore failed: ${(err as Error).message}\n`, 1);
}
