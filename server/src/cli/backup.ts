// backup --out <file>: a pg_dump of DATABASE_URL in the custom format (R-DATA-1), the whole
// database (journals, audit chain, kept archives). Restore it with `restore --from <file>`.
import { stat } from 'node:fs/promises';
import { loadConfig } from '../core/config.js';
import { cliArgs, finish, usage, userPath } from './args.js';
import { pgToolFor, run, serverFacts } from './pg-tools.js';

const { values } = cliArgs({ out: { type: 'string' } });
if (!values.out) {
  usage('usage: backup --out <file>   (DATABASE_URL names the database)');
}
const url = loadConfig().databaseUrl;
if (!url) {
  usage('backup needs DATABASE_URL (the embedded database is for development only)');
}
const out = userPath(values.out);
try {
  const { major } = await serverFacts(url);
  const dump = await pgToolFor('pg_dump', major);
  // Owners and grants are left out: a restore recreates the objects as the restoring role.
  await run(dump, ['--format=custom', '--no-owner', '--no-acl', `--file=${out}`, url]);
  const { size } = await stat(out);
  process.stdout.write(`backup written: ${out} (${size} bytes)\n`);
} catch (err) {
  finish(process.stderr, `backup failed: ${(err as Error).message}\n`, 1);
}
