// pg_dump / pg_restore for the backup commands (R-DATA-1). pg_dump refuses a server newer than
// itself, so the tool is chosen by the server's major version: PG_BIN_DIR if set; else Debian's
// /usr/lib/postgresql/<major>/bin for the server's major, or a newer one installed beside it; else
// the one on PATH. None new enough: an error that says what to install.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export type PgTool = 'pg_dump' | 'pg_restore';

/** Where Debian and Ubuntu install each major version's client tools side by side. */
const DEBIAN_PG_ROOT = '/usr/lib/postgresql';

/** The candidates for `name`, best first, for a server of major version `serverMajor`. */
function candidates(name: PgTool, serverMajor: number, root: string): string[] {
  if (process.env.PG_BIN_DIR) {
    return [join(process.env.PG_BIN_DIR, name)];
  }
  let majors: number[] = [];
  try {
    majors = readdirSync(root)
      .map(Number)
      .filter((m) => Number.isInteger(m) && m >= serverMajor)
      .sort((a, b) => a - b);
  } catch {
    // No such folder (not Debian): only PATH.
  }
  return [
    ...majors.map((m) => join(root, String(m), 'bin', name)).filter((path) => existsSync(path)),
    name,
  ];
}

/**
 * The `name` tool that can work with a server of major version `serverMajor` (its own major or
 * newer), or an error naming what was found and what to install.
 */
export async function pgToolFor(
  name: PgTool,
  serverMajor: number,
  root = DEBIAN_PG_ROOT,
): Promise<string> {
  const found: string[] = [];
  for (const tool of candidates(name, serverMajor, root)) {
    let major: number;
    try {
      major = await toolMajor(tool);
    } catch {
      continue;
    }
    if (major >= serverMajor) {
      return tool;
    }
    found.push(`${tool} (PostgreSQL ${major})`);
  }
  throw new Error(
    `no ${name} for PostgreSQL ${serverMajor}` +
      (found.length ? `; found only ${found.join(', ')}` : '') +
      `: install the PostgreSQL ${serverMajor} client tools or point PG_BIN_DIR at them`,
  );
}

/** Runs a tool to completion; rejects with its standard error on a non-zero exit. */
export function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (e) => reject(new Error(`${command}: ${e.message}`)));
    child.on('close', (code) =>
      code === 0
        ? resolveRun(out)
        : reject(new Error(`${command} exited with ${code}: ${err.trim()}`)),
    );
  });
}

/** Major version of a client tool, e.g. 15 for "pg_dump (PostgreSQL) 15.20". */
export async function toolMajor(tool: string): Promise<number> {
  const text = await run(tool, ['--version']);
  const match = /\)\s+(\d+)/.exec(text);
  if (!match) {
    throw new Error(`cannot read the version of ${tool}: ${text.trim()}`);
  }
  return Number(match[1]);
}

/** Major version of the server behind `url`, and whether its public schema has any table. */
export async function serverFacts(url: string): Promise<{ major: number; hasTables: boolean }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = await client.query<{ v: string }>(
      `select current_setting('server_version_num') as v`,
    );
    const tables = await client.query<{ n: string }>(
      `select count(*) as n from pg_tables where schemaname = 'public'`,
    );
    return {
      major: Math.floor(Number(version.rows[0]!.v) / 10000),
      hasTables: Number(tables.rows[0]!.n) > 0,
    };
  } finally {
    await client.end();
  }
}
