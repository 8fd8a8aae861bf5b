// The process as a newcomer and an operator start it: `pnpm start` with no DATABASE_URL runs on
// an embedded PostgreSQL, migrates it and serves; a bad setting stops it with a clear message.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = resolve(import.meta.dirname, '..');

interface Started {
  exit: Promise<number | null>;
  output: () => string;
  kill(): void;
}

function startServer(env: Record<string, string>): Started {
  const { DATABASE_URL: _ignored, REDIS_URL: _alsoIgnored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', '@oxc-node/core/register', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...inherited, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { exit, output: () => output, kill: () => child.kill('SIGTERM') };
}

async function waitFor<T>(probe: () => T | undefined, what: string, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = probe();
    if (found !== undefined) {
      return found;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('start-up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'classbook-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops with a message naming the bad setting and exit code 2', async () => {
    const server = startServer({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(await server.exit).toBe(2);
    expect(server.output()).toContain('Invalid configuration');
    expect(server.output()).toMatch(/PORT/);
    expect(server.output()).toContain('DATABASE_URL: must be a postgres:// URL');
  });

  it('without DATABASE_URL runs on an embedded PostgreSQL, migrated, and answers', async () => {
    const server = startServer({ DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'false' });
    try {
      const url = await waitFor(() => {
        const ready = server
          .output()
          .split('\n')
          .map((line) =>
            line.startsWith('{') ? (JSON.parse(line) as { msg?: string; url?: string }) : {},
          )
          .find((entry) => entry.msg === 'Classbook API ready');
        return ready?.url;
      }, '"Classbook API ready" in the log');
      expect(server.output()).toContain('"database":"embedded"');
      expect(server.output()).toContain('migrations applied');

      const health = await fetch(new URL('/health', url));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok', bus: 'in-process' });

      // The schema is there: a sign-in against the empty database is a typed refusal.
      const res = await fetch(new URL('/graphql', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($i: SignInInput!) { signIn(input: $i) { token } }',
          variables: { i: { login: 'nobody', password: 'whatever-long' } },
        }),
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      server.kill();
    }
    expect(await server.exit).toBe(0);
  });
});
