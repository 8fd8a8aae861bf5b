// archive:build --year <id> --out <file.zip>: writes the archive of a year (R-DATA-2) from
// DATABASE_URL (or the embedded database). The year need not be closed here: an operator may look
// at an open year's archive; `archiveAcademicYear` keeps archives of closed years only.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../core/config.js';
import { openDatabase } from '../core/database.js';
import { createLogger } from '../core/logger.js';
import { buildYearArchive, yearArchiveContributors } from '../modules/archive/index.js';
import { cliArgs, usage, userPath } from './args.js';

const { values } = cliArgs({ year: { type: 'string' }, out: { type: 'string' } });
if (!values.year || !values.out) {
  usage('usage: archive:build --year <academic year id> --out <file.zip>');
}
const config = loadConfig();
const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'archive-build');
const db = await openDatabase(config, log);
try {
  const built = await buildYearArchive(db.orm.em.fork(), values.year, yearArchiveContributors);
  await writeFile(userPath(values.out), built.zip);
  const m = built.manifest;
  process.stdout.write(
    `${values.out}: ${m.files.length} files, ${m.merkle.leafCount} records under Merkle root ${m.merkle.root}, ` +
      `audit chain ${m.auditChain.fromSeq}..${m.auditChain.toSeq} head ${m.auditChain.head}\n`,
  );
} finally {
  await db.close();
}
