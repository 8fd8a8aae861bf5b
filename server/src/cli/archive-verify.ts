// archive:verify <file.zip> [--database]: checks a year's archive (R-DATA-2) — the manifest's
// hashes, the Merkle root, the audit chain — and with --database the live database against it
// (DATABASE_URL or the embedded database). Prints one line per finding naming the file or the
// record; exit code 0 when the archive holds, 1 on any finding, 2 on bad usage.
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../core/config.js';
import { openDatabase } from '../core/database.js';
import { createLogger } from '../core/logger.js';
import { describeFinding, verifyArchive, type Finding } from '../modules/archive/index.js';
import { cliArgs, finish, usage, userPath } from './args.js';

const { values, positionals } = cliArgs({ database: { type: 'boolean' } });
const file = positionals[0];
if (!file || positionals.length > 1) {
  usage('usage: archive:verify <file.zip> [--database]');
}
let zip: Buffer;
try {
  zip = await readFile(userPath(file));
} catch (err) {
  usage(`cannot read ${file}: ${(err as Error).message}`);
}
let findings: Finding[];
if (values.database) {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'archive-verify');
  const db = await openDatabase(config, log);
  try {
    findings = await verifyArchive(zip, { em: db.orm.em.fork() });
  } finally {
    await db.close();
  }
} else {
  findings = await verifyArchive(zip);
}
for (const finding of findings) {
  process.stdout.write(`${describeFinding(finding)}\n`);
}
finish(
  process.stdout,
  findings.length === 0
    ? `${file}: OK${values.database ? ' (archive and database agree)' : ''}\n`
    : `${file}: ${findings.length} problem(s)\n`,
  findings.length === 0 ? 0 : 1,
);
