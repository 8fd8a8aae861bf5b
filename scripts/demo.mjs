// `pnpm demo`: the API (embedded PostgreSQL unless DATABASE_URL is set; migrated and seeded with
// the demo school on first start) and the web client, with the URLs and demo sign-ins printed.
// `--prod` starts only the API, without seeding, as a deployment would.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const prod = process.argv.includes('--prod');
const apiPort = process.env.PORT ?? '4000';
const clientPort = process.env.CLIENT_PORT ?? '5173';
const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
const clientUrl = `http://localhost:${clientPort}`;
const children = [];

function run(name, args, env) {
  const child = spawn('pnpm', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping the demo`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) {
    child.kill('SIGTERM');
  }
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForHealth(timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${apiPort}/health`);
      if (res.ok) {
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not become healthy in time');
}

run('API', ['--filter', '@classbook/server', 'start'], {
  PORT: apiPort,
  CLIENT_ORIGIN: clientUrl,
  ...(prod
    ? { NODE_ENV: 'production' }
    : { SEED_DEMO: 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' }),
});

try {
  await waitForHealth();
} catch (err) {
  console.error(String(err));
  stop(1);
}

if (!prod && !stopping) {
  run(
    'web client',
    ['--filter', '@classbook/client', 'dev', '--port', clientPort, '--strictPort'],
    {
      CLASSBOOK_API_URL: apiUrl,
    },
  );
  const accounts = JSON.parse(
    readFileSync(new URL('../server/seeds/demo-accounts.json', import.meta.url), 'utf8'),
  );
  const rows = accounts.accounts.map((a) => `  ${a.login.padEnd(14)} ${a.role}`).join('\n');
  console.log(`
Classbook demo
  web client:  ${clientUrl}
  GraphQL API: ${apiUrl}
  health:      http://127.0.0.1:${apiPort}/health

Demo sign-ins (password for all: ${accounts.password}):
${rows}

Ctrl+C stops everything.
`);
}
