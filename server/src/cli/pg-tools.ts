// pg_dump / pg_restore for the backup commands (R-DATA-1): the client binaries on PATH, or in
// PG_BIN_DIR. pg_dump refuses a server newer than itself, so the versions are checked first with
// a message that says what to install.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';

export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  return process.env.PG_BIN_DIR ? join(process.env.PG_BIN_DIR, name) : name;
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

export async function requireToolFor(tool: string, serverMajor: number): Promise<void> {
  const major = await toolMajor(tool);
  if (major < serverMajor) {
    throw new Error(
      `${tool} is PostgreSQL ${major}, the server is ${serverMajor}: install the PostgreSQL ${serverMajor} client tools or point PG_BIN_DIR at them`,
    );
  }
}
