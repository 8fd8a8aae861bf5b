// `pnpm bench [--quick] [--schools N] [--classes N] [--regenerate] [--requests N] [--rounds N]`
//
// Generates (or reuses) the benchmark database, starts the API in this process with createApp
// against it, signs in as the bench accounts and measures each scenario: N sequential requests
// (p50/p95/p99), concurrent load with autocannon in a child process at 8 and 32 connections,
// SQL statements per request, and the journal page's plain node-postgres baseline.
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { createApp } from '../../server/src/core/app.js';
import { loadConfig } from '../../server/src/core/config.js';
import {
  appDatabaseUrl,
  createAppOrm,
  prepareAppRole,
  withDatabase,
} from '../../server/src/core/db.js';
import { createLogger } from '../../server/src/core/logger.js';
import { createBus } from '../../server/src/core/pubsub.js';
import { benchOptions } from './args.js';
import { journalPageBaseline } from './baseline.js';
import { BENCH_PASSWORD, ensureGenerated } from './generate.js';
import { reportBaselines } from './report-baselines.js';
import { SCENARIOS, type BenchRole, type Scenario } from './scenarios.js';
import { summarise, type LatencySummary } from './stats.js';
import { fanoutMarkdown, fanoutScenarios, type FanoutFigures } from './fanout/s4.js';

const run = promisify(execFile);
const here = dirname(new URL(import.meta.url).pathname);
const resultsDir = resolve(here, '../../bench-results');
const CONNECTIONS = [8, 32];
const WARM_UP = 10;

interface LoadResult extends LatencySummary {
  requestsPerSecond: number;
  seconds: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  meanBytes: number;
}

interface ScenarioResult {
  name: string;
  as: BenchRole;
  error?: string;
  statements?: number;
  responseBytes?: number;
  sequential?: LatencySummary & { cpuMs: number };
  concurrent?: Record<string, LoadResult>;
  /** The module's own SQL and arithmetic without HTTP, GraphQL, shield or ORM (report-baselines.ts). */
  baseline?: LatencySummary & {
    cpuMs: number;
    statements: number;
    bytes: number;
    ratio: number;
    cpuRatio: number;
  };
  /** Live fan-out rows (S4, S4raw, S4idle, S6): bench/src/fanout/s4.ts. */
  fanout?: FanoutFigures;
}

/** A GraphQL response that is not a clean success: the run must fail, not measure errors. */
function problemOf(status: number, text: string): string | null {
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

async function post(url: string, body: string, token: string | null) {
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

async function signIn(url: string, login: string): Promise<string> {
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
 * figure that holds up on a machine busy with other work, unlike latency.
 */
async function sequential(
  times: number,
  once: () => Promise<unknown>,
): Promise<LatencySummary & { cpuMs: number }> {
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

async function load(spec: {
  url: string;
  token: string;
  body: string;
  connections: number;
  amount: number;
}): Promise<LoadResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', '@oxc-node/core/register', resolve(here, 'load-child.ts'), JSON.stringify(spec)],
    { cwd: resolve(here, '..'), maxBuffer: 1 << 20 },
  );
  if (process.env.BENCH_TRACE) {
    console.error(stdout);
  }
  return JSON.parse(stdout) as LoadResult;
}

const ms = (v: number | null | undefined) =>
  v === undefined || v === null || Number.isNaN(v) ? '–' : v.toFixed(1);

function markdown(report: Report): string {
  const lines = [
    `# Benchmark results`,
    '',
    `${report.startedAt} · ${report.machine.cpus} CPUs (${report.machine.cpuModel}), ` +
      `${report.machine.memoryGb} GB RAM, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres} · ` +
      `load average at start ${report.machine.loadAverage}`,
    '',
    `Data: ${report.params.schools} school(s) × ${report.params.classes} classes, seed ${report.params.seed} ` +
      `(${report.reused ? 'reused' : `generated in ${report.generationSeconds.toFixed(1)} s`}): ` +
      Object.entries(report.counts)
        .filter(([t]) =>
          ['person', 'lesson', 'mark', 'attendance', 'period_mark', 'audit_event'].includes(t),
        )
        .map(([t, n]) => `${n} ${t}`)
        .join(', '),
    '',
    `Sequential: ${report.requests} requests after ${Math.min(WARM_UP, report.requests)} warm-up, one at a time. ` +
      `Concurrent: autocannon in a separate process, ${report.rounds} requests per connection, ` +
      `all completed and measured. Latencies in ms (client side, including queueing).`,
    '',
    '| scenario | as | stmts/req | KB/resp | node CPU ms/req | seq p50 | seq p95 | seq p99 | c8 req/s | c8 p50 | c8 p95 | c8 p99 | c32 req/s | c32 p50 | c32 p95 | c32 p99 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of report.scenarios) {
    if (r.fanout || r.name.startsWith('S4') || r.name.startsWith('S6')) {
      continue; // their own table below
    }
    if (r.error) {
      lines.push(`| ${r.name} | ${r.as} | FAILED: ${r.error.replace(/\|/g, '/')} |`);
      continue;
    }
    const c = (n: number) => r.concurrent?.[`c${n}`];
    const cells = CONNECTIONS.flatMap((n) => {
      const x = c(n);
      return x
        ? [x.requestsPerSecond.toFixed(1), ms(x.p50), ms(x.p95), ms(x.p99)]
        : ['–', '–', '–', '–'];
    });
    lines.push(
      `| ${r.name} | ${r.as} | ${r.statements} | ${((r.responseBytes ?? 0) / 1024).toFixed(0)} | ${ms(r.sequential?.cpuMs)} | ` +
        `${ms(r.sequential?.p50)} | ${ms(r.sequential?.p95)} | ${ms(r.sequential?.p99)} | ${cells.join(' | ')} |`,
    );
  }
  const floors = report.scenarios.filter((r) => r.baseline);
  if (floors.length > 0) {
    lines.push(
      '',
      `Raw-SQL baselines: the module's own service (its SQL through plain node-postgres, and its ` +
        `arithmetic), no HTTP, GraphQL, shield or ORM; its result narrowed to the query's selection and JSON.stringify'd. Ratio = scenario / baseline.`,
      '',
      '| scenario | baseline stmts | KB | node CPU ms/req | p50 | p95 | p99 | ratio at p50 | ratio in node CPU |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of floors) {
      const b = r.baseline!;
      lines.push(
        `| ${r.name} | ${b.statements} | ${(b.bytes / 1024).toFixed(0)} | ${ms(b.cpuMs)} | ${ms(b.p50)} | ` +
          `${ms(b.p95)} | ${ms(b.p99)} | ${b.ratio.toFixed(1)}× | ${b.cpuRatio.toFixed(1)}× |`,
      );
    }
  }
  if (report.baseline) {
    const b = report.baseline;
    lines.push(
      '',
      `Baseline (S1's page with plain node-postgres, no GraphQL/ORM/permissions): p50 ${ms(b.sequential.p50)} ms, ` +
        `node CPU ${ms(b.sequential.cpuMs)} ms/req, ` +
        `p95 ${ms(b.sequential.p95)} ms, ${b.statements} statements, ${(b.bytes / 1024).toFixed(0)} KB. ` +
        `S1 / baseline at p50: ${b.ratio.toFixed(1)}×; in node CPU per request: ${b.cpuRatio.toFixed(1)}×.`,
    );
  }
  return (
    lines.join('\n') +
    '\n' +
    fanoutMarkdown(
      report.scenarios.filter(
        (r) => r.fanout || r.name.startsWith('S4') || r.name.startsWith('S6'),
      ),
    )
  );
}

interface Report {
  startedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    postgres: string;
    loadAverage: string;
  };
  params: { classes: number; schools: number; seed: number };
  database: string;
  reused: boolean;
  generationSeconds: number;
  counts: Record<string, number>;
  requests: number;
  rounds: number;
  scenarios: ScenarioResult[];
  baseline?: null | {
    sequential: LatencySummary & { cpuMs: number };
    statements: number;
    bytes: number;
    ratio: number;
    cpuRatio: number;
  };
}

async function main() {
  const o = benchOptions();
  const startedAt = new Date().toISOString();
  const say = (line: string) => console.log(line);
  const generated = await ensureGenerated(
    o.serverUrl,
    o.dbName,
    { classes: o.classes, schools: o.schools, seed: o.seed },
    { regenerate: o.regenerate, log: say },
  );
  say(
    `${generated.reused ? 'reusing' : 'generated'} ${o.dbName}: ` +
      `${generated.counts.lesson} lessons, ${generated.counts.mark} marks`,
  );
  const ctx = generated.context;
  const dbUrl = withDatabase(o.serverUrl, o.dbName);
  const log = createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn', 'bench');
  const config = {
    ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn' }),
    databaseUrl: dbUrl,
    port: 0,
  };

  // Two instances over the same database: one measured as shipped, one with the statement hook
  // (the query log it needs costs time of its own). Both connect as the application does: as
  // classbook_app, under row security (issue 8).
  await prepareAppRole(dbUrl);
  const appUrl = appDatabaseUrl(dbUrl);
  const orm = await createAppOrm(appUrl, log);
  const bus = createBus(undefined, log);
  const app = await createApp({ config, orm, log, bus });
  const url = await app.listen(0, '127.0.0.1');
  let statements = 0;
  // Row-scope statements given to reserved connections count too (core/row-scope.ts).
  const countingOrm = await createAppOrm(appUrl, log, {
    onQuery: () => statements++,
    onScopeSet: () => statements++,
  });
  const countingApp = await createApp({ config, orm: countingOrm, log, bus });
  const countingUrl = await countingApp.listen(0, '127.0.0.1');
  const pool = new pg.Pool({
    connectionString: dbUrl,
    max: 10,
    options: '-c jit=off' /* as the app's pool (core/db.ts) */,
  });
  pool.on('error', (err) => log.warn({ err }, 'baseline pool'));
  try {
    const tokens: Record<BenchRole, string> = {
      teacher: await signIn(url, ctx.logins.teacher),
      parent: await signIn(url, ctx.logins.parent),
      deputy: await signIn(url, ctx.logins.deputy),
    };
    const results: ScenarioResult[] = [];
    for (const s of SCENARIOS.filter(
      (x: Scenario) => o.only.length === 0 || o.only.some((p) => x.name.startsWith(p)),
    )) {
      const body = JSON.stringify({ query: s.query, variables: s.variables(ctx) });
      const result: ScenarioResult = { name: s.name, as: s.as };
      results.push(result);
      const first = await post(url, body, tokens[s.as]);
      const parsed = JSON.parse(first.text) as {
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      if (first.status !== 200 || parsed.errors) {
        result.error = `HTTP ${first.status} ${JSON.stringify(parsed.errors ?? first.text).slice(0, 300)}`;
        say(`${s.name}: ${result.error}`);
        continue;
      }
      result.responseBytes = Buffer.byteLength(first.text);
      statements = 0;
      await post(countingUrl, body, tokens[s.as]);
      result.statements = statements;
      let failures = 0;
      let lastProblem: string | null = null;
      result.sequential = await sequential(o.requests, async () => {
        const r = await post(url, body, tokens[s.as]);
        const problem = problemOf(r.status, r.text);
        if (problem) {
          failures++;
          lastProblem = problem;
        }
      });
      if (failures > 0) {
        result.error = `${failures} requests failed: ${lastProblem}`;
        say(`${s.name}: ${result.error}`);
        continue;
      }
      say(
        `${s.name}: ${result.statements} statements, ${ms(result.sequential.cpuMs)} ms node CPU/req, ` +
          `seq p50 ${ms(result.sequential.p50)} ` +
          `p95 ${ms(result.sequential.p95)} p99 ${ms(result.sequential.p99)} ms`,
      );
      if (s.load && o.rounds > 0) {
        result.concurrent = {};
        for (const connections of CONNECTIONS) {
          const r = await load({
            url,
            token: tokens[s.as],
            body,
            connections,
            amount: connections * o.rounds,
          });
          result.concurrent[`c${connections}`] = r;
          say(
            `  c${connections}: ${r.requestsPerSecond} req/s, p50 ${ms(r.p50)} p95 ${ms(r.p95)} ` +
              `p99 ${ms(r.p99)} ms (errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx})`,
          );
        }
      }
    }

    // Live fan-out (bench/src/fanout): S4, S4raw, S4idle, S6 after the HTTP scenarios.
    results.push(
      ...(await fanoutScenarios(
        { url, dbUrl, schoolId: ctx.schoolId, bus, quick: o.quick, say },
        (name) => o.only.length === 0 || o.only.some((p) => name.startsWith(p)),
      )),
    );

    // Raw-SQL floors of the report and control scenarios that ran.
    const ran = (prefix: string) => {
      const sc = SCENARIOS.find((x) => x.name.startsWith(`${prefix} `));
      const r = sc && results.find((x) => x.name === sc.name && x.sequential);
      return sc && r ? { sc, r } : null;
    };
    let floorStatements = 0;
    const floorPool = new Proxy(pool, {
      get(target, prop, receiver) {
        if (prop === 'query') {
          return (...args: Parameters<pg.Pool['query']>) => {
            floorStatements++;
            return (target.query as (...a: unknown[]) => unknown)(...args);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const floors = await reportBaselines(floorPool, ctx, (prefix) => {
      const found = ran(prefix);
      return found ? { query: found.sc.query, variables: found.sc.variables(ctx) } : null;
    });
    for (const f of floors) {
      const { r } = ran(f.scenario)!;
      floorStatements = 0;
      const json = await f.run();
      const statementsOnce = floorStatements;
      const seq = await sequential(o.requests, () => f.run());
      r.baseline = {
        ...seq,
        statements: statementsOnce,
        bytes: Buffer.byteLength(json),
        ratio: r.sequential!.p50 / seq.p50,
        cpuRatio: r.sequential!.cpuMs / seq.cpuMs,
      };
      say(
        `  baseline of ${f.scenario}: ${statementsOnce} statements, ${ms(seq.cpuMs)} ms node CPU/req, ` +
          `p50 ${ms(seq.p50)} ms → ${r.baseline.ratio.toFixed(1)}× at p50, ${r.baseline.cpuRatio.toFixed(1)}× in CPU`,
      );
    }

    // Baseline: S1's page with plain queries; its statements are counted by wrapping the pool.
    const s1 = SCENARIOS[0]!;
    const vars = s1.variables(ctx) as { a: string; p: string };
    let baselineStatements = 0;
    const countingPool = new Proxy(pool, {
      get(target, prop, receiver) {
        if (prop === 'query') {
          return (...args: Parameters<pg.Pool['query']>) => {
            baselineStatements++;
            return (target.query as (...a: unknown[]) => unknown)(...args);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const s1Seq = results.find((r) => r.name === s1.name)?.sequential;
    // Only when S1 ran (`--only` may leave it out).
    const baselineJson = s1Seq ? await journalPageBaseline(countingPool, vars.a, vars.p) : '';
    const baselineSeq = s1Seq
      ? await sequential(o.requests, () => journalPageBaseline(pool, vars.a, vars.p))
      : null;
    const report: Report = {
      startedAt,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 1024 ** 3),
        node: process.version,
        postgres: (await pool.query<{ v: string }>(`select current_setting('server_version') as v`))
          .rows[0]!.v,
        loadAverage: (await import('node:os'))
          .loadavg()
          .map((v) => v.toFixed(1))
          .join(' '),
      },
      params: { classes: o.classes, schools: o.schools, seed: o.seed },
      database: o.dbName,
      reused: generated.reused,
      generationSeconds: generated.seconds,
      counts: generated.counts,
      requests: o.requests,
      rounds: o.rounds,
      scenarios: results,
      baseline: s1Seq &&
        baselineSeq && {
          sequential: baselineSeq,
          statements: baselineStatements,
          bytes: Buffer.byteLength(baselineJson),
          ratio: s1Seq.p50 / baselineSeq.p50,
          cpuRatio: s1Seq.cpuMs / baselineSeq.cpuMs,
        },
    };
    const md = markdown(report);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(resolve(resultsDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    await writeFile(resolve(resultsDir, 'latest.md'), md);
    say('');
    say(md);
    say(`written to ${resolve(resultsDir, 'latest.md')} and latest.json`);
    if (results.some((r) => r.error)) {
      process.exitCode = 1;
    }
  } finally {
    await pool.end();
    await app.close();
    await countingApp.close();
    await bus.close();
    await orm.close();
    await countingOrm.close();
  }
}

await main();
