// How the runner measures: HTTP helpers, sequential requests, autocannon loads in a child process
// (load-child.ts) with the server process's RSS sampled meanwhile. Shared by every section of
// run.ts (and the files it calls), so that a new scenario file needs nothing from run.ts itself.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { BENCH_PASSWORD } from './generate.js';
import { summarise, type LatencySummary } from './stats.js';

const run = promisify(execFile);
const here = import.meta.dirname;
export const WARM_UP = 10;

export interface LoadResult extends LatencySummary {
  requestsPerSecond: number;
  seconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  meanBytes: number;
  /** Requests per second the load was held to (evenly spaced, load-child.ts), when it was. */
  overallRate?: number;
  /** RSS of this process (the server under test) during the load, MB: at start and the peak. */
  rssMb?: { start: number; peak: number };
}

export type Sequential = LatencySummary & { cpuMs: number };

/** A GraphQL response that is not a clean success: the run must fail, not measure errors. */
export function problemOf(status: number, text: string): string | null {
  if (status !== 200) {
    return `HTTP ${status} ${text.slice(0, 300)}`;
  }
  if (text.includes('"errors"')) {
    const parsed = JSON.parse(text) as { errors?: unknown };
    if (parsed.errors) {
      return `GraphQL errors ${JSON.stringify(parsed.errors).slice(0, 300)}`;
    }
  }
  return null;
}

export async function post(url: string, body: string, token: string | null) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text };
}

export async function signIn(url: string, login: string): Promise<string> {
  const r = await post(
    url,
    JSON.stringify({
      query: 'mutation($i: SignInInput!) { signIn(input: $i) { token } }',
      variables: { i: { login, password: BENCH_PASSWORD } },
    }),
    null,
  );
  const body = JSON.parse(r.text) as { data?: { signIn: { token: string } }; errors?: unknown };
  if (!body.data) {
    throw new Error(`sign-in as ${login} failed: ${JSON.stringify(body.errors)}`);
  }
  return body.data.signIn.token;
}

/**
 * N requests one at a time, after a warm-up. Besides wall-clock latency, the CPU time this
 * process spent per request (server and client side together, PostgreSQL not included): a
 * figure that holds up on a machine busy with other work, unlike latency. (For a server in
 * another process, e.g. PostGraphile, it is the client side only.)
 */
export async function sequential(times: number, once: () => Promise<unknown>): Promise<Sequential> {
  for (let i = 0; i < Math.min(WARM_UP, times); i++) {
    await once();
  }
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await once();
    samples.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return { ...summarise(samples), cpuMs: Math.round((cpu.user + cpu.system) / times / 100) / 10 };
}

const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);

/** One autocannon run in a child process; every request completes and is measured. */
export async function load(spec: {
  url: string;
  token: string | null;
  body: string;
  connections: number;
  amount: number;
  overallRate?: number;
  /** Ends the load early (its child is killed and the call throws). */
  signal?: AbortSignal;
}): Promise<LoadResult> {
  const { signal, ...forChild } = spec;
  // The server under test runs in this process: its RSS while the child loads it.
  const rss = { start: mb(process.memoryUsage().rss), peak: 0 };
  const sample = () => {
    rss.peak = Math.max(rss.peak, mb(process.memoryUsage().rss));
  };
  sample();
  const timer = setInterval(sample, 100);
  try {
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        '@oxc-node/core/register',
        resolve(here, 'load-child.ts'),
        JSON.stringify(forChild),
      ],
      { cwd: resolve(here, '..'), maxBuffer: 1 << 20, signal },
    );
    if (process.env.BENCH_TRACE) {
      console.error(stdout);
    }
    sample();
    return { ...(JSON.parse(stdout) as LoadResult), rssMb: rss };
  } finally {
    clearInterval(timer);
  }
}

export const ms = (v: number | null | undefined) =>
  v === undefined || v === null || Number.isNaN(v) ? '–' : v.toFixed(1);

export const loadLine = (label: string, r: LoadResult) =>
  `  ${label}: ${r.requestsPerSecond} req/s, p50 ${ms(r.p50)} p95 ${ms(r.p95)} p99 ${ms(r.p99)} ms, ` +
  `RSS ${r.rssMb?.start}→${r.rssMb?.peak} MB (errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx})`;

/** A load whose requests did not all succeed is an error of the scenario, not a figure. */
export const loadProblem = (r: LoadResult) =>
  r.errors + r.timeouts + r.non2xx > 0
    ? `load: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`
    : null;
