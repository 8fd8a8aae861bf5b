// `pnpm bench [--quick] [--schools N] [--classes N] [--regenerate] [--requests N] [--rounds N]
//             [--write-rate N] [--only S1,S2] [--db NAME]`
//
// Generates (or reuses) the benchmark database, starts the API in this process with createApp
// against it, signs in as the bench accounts and runs the SECTIONS below in order, each adding
// its results to the report: the GraphQL read scenarios of scenarios.ts (S1, S2, S5), S0's
// baselines (plain node-postgres and PostGraphile 4), S3's writes under S1's load, the raw-SQL
// floors of S5. Then the issue 9 targets with their measured ratios, written to
// bench-results/latest.{md,json} and printed. Exit code 1 if any scenario errored.
import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
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
import { createBus, type Bus } from '../../server/src/core/pubsub.js';
import { benchOptions, type BenchOptions } from './args.js';
import { journalPageBaseline } from './baseline.js';
import { ensureGenerated } from './generate.js';
import {
  load,
  loadLine,
  loadProblem,
  ms,
  post,
  problemOf,
  sequential,
  signIn,
  WARM_UP,
  type LoadResult,
  type Sequential,
} from './measure.js';
import { deputyViewer, reportBaselines, rowScopedPool } from './report-baselines.js';
import {
  baselineCounts,
  POSTGRAPHILE_JOURNAL_PAGE,
  postgraphileCounts,
  postgraphileVariables,
  serveBaseline,
  startPostGraphile,
  type PageCounts,
} from './s0.js';
import { startWriter, writePairs, type WriteResult } from './s3.js';
import { SCENARIOS, type BenchRole, type Scenario } from './scenarios.js';
import type { BenchContext } from './school.js';
import {
  fanoutMarkdown,
  fanoutScenarios,
  withFanoutLoad,
  type FanoutFigures,
} from './fanout/s4.js';

const resultsDir = resolve(import.meta.dirname, '../../bench-results');
const CONNECTIONS = [8, 32];

interface ScenarioResult {
  name: string;
  as: string;
  error?: string;
  statements?: number;
  responseBytes?: number;
  sequential?: Sequential;
  concurrent?: Record<string, LoadResult>;
  /** S1: autocannon held to half of the 32-connection rate. */
  halfRate?: LoadResult;
  /** S0: what the answer holds, checked against the plain node-pg page. */
  counts?: PageCounts;
  /** The module's own SQL and arithmetic without HTTP, GraphQL, shield or ORM (report-baselines.ts). */
  baseline?: Sequential & { statements: number; bytes: number; ratio: number; cpuRatio: number };
  /** Live fan-out rows (S4, S4raw, S4one, S4idle, S6, and S5u's subscribers): fanout/s4.ts. */
  fanout?: FanoutFigures;
}

/** One issue 9 target: what was measured against what, and whether it holds (null: not measured). */
interface Target {
  target: string;
  measured: string;
  ratio: number | null;
  met: boolean | null;
}

interface Report {
  startedAt: string;
  finishedAt: string;
  machine: {
    nproc: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    postgres: string;
    loadAverageStart: string;
    loadAverageEnd: string;
  };
  params: { classes: number; schools: number; seed: number; writeRate: number };
  database: string;
  reused: boolean;
  generationSeconds: number;
  counts: Record<string, number>;
  requests: number;
  rounds: number;
  scenarios: ScenarioResult[];
  /** S1's page with plain node-pg in this process, no HTTP: the old "baseline ratio". */
  baseline?: {
    sequential: Sequential;
    statements: number;
    bytes: number;
    ratio: number;
    cpuRatio: number;
  };
  s3?: {
    rate: number;
    writes: WriteResult;
    /** S1 at 8 connections before (its own run) and while writing. */
    s1Without?: LoadResult;
    s1With?: LoadResult;
  };
  targets: Target[];
}

/** What every section gets: the running app, the signed-in tokens, the report so far. */
interface RunEnv {
  o: BenchOptions;
  ctx: BenchContext;
  dbUrl: string;
  url: string;
  tokens: Record<BenchRole, string>;
  /** Owner connection to the bench database (JIT off like the app's). */
  pool: pg.Pool;
  /** SQL statements the app (second, instrumented instance) sends for one request. */
  statementsOf: (body: string, as: BenchRole) => Promise<number>;
  /** Whether `--only` selects a scenario of this name prefix. */
  wanted: (prefix: string) => boolean;
  /** A result of this run by name prefix (`S1 `, `S2w`, …). */
  result: (prefix: string) => ScenarioResult | undefined;
  report: Report;
  say: (line: string) => void;
  /** The bus the measured app publishes on (fan-out waits on its subscription counts). */
  bus: Bus;
  /** Executions the measured app's live groups have run so far. */
  liveExecutions: () => number;
}

interface Section {
  name: string;
  run: (env: RunEnv) => Promise<void>;
}

/** Sequential, statements and the 8/32-connection loads of one GraphQL request, as S1 does them. */
async function measureGraphql(
  env: RunEnv,
  result: ScenarioResult,
  spec: { url: string; body: string; token: string | null; as?: BenchRole; load: boolean },
): Promise<void> {
  const { o, say } = env;
  const first = await post(spec.url, spec.body, spec.token);
  const problem = problemOf(first.status, first.text);
  if (problem) {
    result.error = problem;
    return;
  }
  result.responseBytes = Buffer.byteLength(first.text);
  if (spec.as) {
    result.statements = await env.statementsOf(spec.body, spec.as);
  }
  let failures = 0;
  let lastProblem: string | null = null;
  result.sequential = await sequential(o.requests, async () => {
    const r = await post(spec.url, spec.body, spec.token);
    const p = problemOf(r.status, r.text);
    if (p) {
      failures++;
      lastProblem = p;
    }
  });
  if (failures > 0) {
    result.error = `${failures} requests failed: ${lastProblem}`;
    return;
  }
  say(
    `${result.name}: ${result.statements ?? '–'} statements, ${ms(result.sequential.cpuMs)} ms node CPU/req, ` +
      `seq p50 ${ms(result.sequential.p50)} p95 ${ms(result.sequential.p95)} p99 ${ms(result.sequential.p99)} ms`,
  );
  if (!spec.load || o.rounds === 0) {
    return;
  }
  result.concurrent = {};
  for (const connections of CONNECTIONS) {
    const r = await load({
      url: spec.url,
      token: spec.token,
      body: spec.body,
      connections,
      amount: connections * o.rounds,
    });
    result.concurrent[`c${connections}`] = r;
    say(loadLine(`c${connections}`, r));
    result.error ??= loadProblem(r) ?? undefined;
  }
}

/** The pool with each `query` call counted: the statements of the plain baselines. */
function counting(pool: pg.Pool, onQuery: () => void): pg.Pool {
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return (...args: Parameters<pg.Pool['query']>) => {
          onQuery();
          return (target.query as (...a: unknown[]) => unknown)(...args);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

// --- Sections -------------------------------------------------------------------------------

/** How long S1's run at half of the peak rate lasts at least (its p99 is a target). */
const HALF_RATE_SECONDS = 30;

/** S1, S2, S5: the GraphQL read scenarios of scenarios.ts. */
async function graphqlScenarios(env: RunEnv): Promise<void> {
  const { o, ctx, tokens, say } = env;
  for (const s of SCENARIOS.filter((x: Scenario) => env.wanted(x.name))) {
    const result: ScenarioResult = { name: s.name, as: s.as };
    env.report.scenarios.push(result);
    const body = JSON.stringify({ query: s.query, variables: s.variables(ctx) });
    await measureGraphql(env, result, {
      url: env.url,
      body,
      token: tokens[s.as],
      as: s.as,
      load: s.load ?? false,
    });
    const peak = result.concurrent?.c32;
    if (s.halfRate && peak && !result.error) {
      const rate = Math.max(1, Math.round(peak.requestsPerSecond / 2));
      result.halfRate = await load({
        url: env.url,
        token: tokens[s.as],
        body,
        connections: 32,
        // At least 30 s of requests: a p99 needs a few hundred samples (48 made it the maximum,
        // one GC pause or scheduler hiccup), and never fewer than the peak run's half.
        amount: Math.max(16 * o.rounds, HALF_RATE_SECONDS * rate),
        overallRate: rate,
      });
      say(loadLine(`at ${rate} req/s (half of c32's)`, result.halfRate));
      result.error ??= loadProblem(result.halfRate) ?? undefined;
    }
    if (result.error) {
      say(`${s.name}: FAILED ${result.error}`);
    }
  }
}

/**
 * S0: S1's page with plain node-postgres (in process, and served over HTTP) and from PostGraphile
 * 4 in its own process; PostGraphile's answer must hold as many lessons, marks, attendance rows
 * and students as the node-pg page, or the scenario fails.
 */
async function s0Baselines(env: RunEnv): Promise<void> {
  const { o, ctx, pool, say } = env;
  if (!env.wanted('S0') && !env.wanted('S1 ')) {
    return;
  }
  const s1 = SCENARIOS.find((x) => x.name.startsWith('S1 '))!;
  const vars = s1.variables(ctx) as { a: string; p: string };

  // In process, no HTTP: S1's ratio in node CPU (statements counted by wrapping the pool).
  let statements = 0;
  const countingPool = counting(pool, () => statements++);
  const baselineJson = await journalPageBaseline(countingPool, vars.a, vars.p);
  const expected = baselineCounts(baselineJson);
  const seq = await sequential(o.requests, () => journalPageBaseline(pool, vars.a, vars.p));
  const s1Seq = env.result('S1 ')?.sequential;
  env.report.baseline = {
    sequential: seq,
    statements,
    bytes: Buffer.byteLength(baselineJson),
    ratio: s1Seq ? s1Seq.p50 / seq.p50 : Number.NaN,
    cpuRatio: s1Seq ? s1Seq.cpuMs / seq.cpuMs : Number.NaN,
  };
  say(
    `S0 node-pg in process: ${statements} statements, ${ms(seq.cpuMs)} ms node CPU/req, p50 ${ms(seq.p50)} ms; ` +
      `page: ${JSON.stringify(expected)}`,
  );

  const plain: ScenarioResult = {
    name: 'S0n journalPage, plain node-pg over HTTP',
    as: '–',
    statements,
    counts: expected,
  };
  env.report.scenarios.push(plain);
  const served = await serveBaseline(pool, vars.a, vars.p);
  try {
    await measureGraphql(env, plain, { url: served.url, body: '{}', token: null, load: true });
  } finally {
    await served.close();
  }

  const pgl: ScenarioResult = {
    name: 'S0g journalPage, PostGraphile 4 (owner, no RLS)',
    as: 'owner',
  };
  env.report.scenarios.push(pgl);
  const graphile = await startPostGraphile(env.dbUrl);
  try {
    const body = JSON.stringify({
      query: POSTGRAPHILE_JOURNAL_PAGE,
      variables: await postgraphileVariables(pool, vars.a, vars.p),
    });
    const first = await post(graphile.url, body, null);
    const problem = problemOf(first.status, first.text);
    if (problem) {
      pgl.error = problem;
    } else {
      pgl.counts = postgraphileCounts(first.text);
      if (JSON.stringify(pgl.counts) !== JSON.stringify(expected)) {
        pgl.error = `PostGraphile's page holds ${JSON.stringify(pgl.counts)}, node-pg's ${JSON.stringify(expected)}`;
      } else {
        await measureGraphql(env, pgl, { url: graphile.url, body, token: null, load: true });
      }
    }
  } finally {
    await graphile.close();
  }
  for (const r of [plain, pgl]) {
    if (r.error) {
      say(`${r.name}: FAILED ${r.error}`);
    }
  }
}

/**
 * S3: the bench teacher's marks and absences at `--write-rate` per second while S1 runs at 8
 * connections; S1's rate with writes against its own c8 run. With `--rounds 0` (CI), one cycle
 * of writes (mark, absence, and both taken back) without load.
 */
async function s3Writes(env: RunEnv): Promise<void> {
  const { o, ctx, tokens, say } = env;
  if (!env.wanted('S3')) {
    return;
  }
  const s1 = SCENARIOS.find((x) => x.name.startsWith('S1 '))!;
  const vars = s1.variables(ctx) as { a: string; p: string };
  const result: ScenarioResult = {
    name: `S3 S1 journalPage at 8 connections while writing ${o.writeRate}/s`,
    as: 'teacher',
  };
  env.report.scenarios.push(result);
  try {
    const spec = {
      url: env.url,
      token: tokens.teacher,
      rate: o.writeRate,
      writes: o.rounds === 0 ? 4 : 0,
      chains: o.writeChains,
      pairs: await writePairs(env.pool, vars.a, vars.p),
      runId: `bench-s3-${Date.now()}`,
    };
    const writer = startWriter(spec);
    // Writes that fail (or hang past their timeout) end the load at once: the server is stuck.
    const abort = new AbortController();
    void writer.result.then(
      (w) => w.errors > 0 && abort.abort(),
      () => abort.abort(),
    );
    let s1With: LoadResult | undefined;
    if (o.rounds > 0) {
      try {
        s1With = await load({
          signal: abort.signal,
          url: env.url,
          token: tokens.teacher,
          body: JSON.stringify({ query: s1.query, variables: vars }),
          connections: 8,
          // Twice S1's own c8 run: long enough for the writes' percentiles.
          amount: 16 * o.rounds,
        });
      } catch (err) {
        if (!abort.signal.aborted) {
          throw err;
        }
      } finally {
        await writer.stop();
      }
    }
    const writes = await writer.result;
    env.report.s3 = {
      rate: o.writeRate,
      writes,
      s1Without: env.result('S1 ')?.concurrent?.c8,
      s1With,
    };
    if (s1With) {
      result.concurrent = { c8: s1With };
      say(loadLine('S3: S1 c8 while writing', s1With));
      result.error = loadProblem(s1With) ?? undefined;
    }
    say(
      `S3 writes: ${writes.requests} at ${writes.writesPerSecond}/s, p50 ${ms(writes.p50)} p99 ${ms(writes.p99)} ms, ` +
        `${writes.errors} errors`,
    );
    if (writes.errors > 0) {
      result.error = `writes failed: ${writes.problem}`;
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  if (result.error) {
    say(`${result.name}: FAILED ${result.error}`);
  }
}

/** Raw-SQL floors of the S5 report and control scenarios that ran (report-baselines.ts). */
async function reportFloors(env: RunEnv): Promise<void> {
  const { o, ctx, pool, say } = env;
  const ran = (prefix: string) => {
    const sc = SCENARIOS.find((x) => x.name.startsWith(`${prefix} `));
    const r = sc && env.report.scenarios.find((x) => x.name === sc.name && x.sequential);
    return sc && r ? { sc, r } : null;
  };
  let floorStatements = 0;
  // As the app runs them: the application's role under the deputy's row scope.
  const viewer = await deputyViewer(pool, ctx);
  const scoped = rowScopedPool(env.dbUrl, viewer);
  scoped.on('error', (err) => say(`report floors' pool: ${err.message}`));
  const floorPool = counting(scoped, () => floorStatements++);
  const floors = reportBaselines(floorPool, viewer, (prefix) => {
    const found = ran(prefix);
    return found ? { query: found.sc.query, variables: found.sc.variables(ctx) } : null;
  });
  try {
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
  } finally {
    await scoped.end();
  }
}

// --- Live fan-out (bench/src/fanout) ----------------------------------------------------------

const fanoutEnv = (env: RunEnv) => ({
  url: env.url,
  dbUrl: env.dbUrl,
  schoolId: env.ctx.schoolId,
  bus: env.bus,
  liveExecutions: env.liveExecutions,
  quick: env.o.quick,
  say: env.say,
});

/** S4, S4raw, S4one, S4idle, S6, with their issue 9 targets. */
async function liveFanout(env: RunEnv): Promise<void> {
  const rows = await fanoutScenarios(fanoutEnv(env), env.wanted);
  env.report.scenarios.push(...rows);
  const at = (prefix: string) => rows.find((r) => r.name.startsWith(prefix) && !r.error)?.fanout;
  for (const raw of rows.filter(
    (r) => r.name.startsWith('S4raw') && r.fanout?.ratioToRaw !== undefined,
  )) {
    env.report.targets.push({
      target: `fan-out ≥ 0.7 × raw ws deliveries/s (${raw.fanout!.subscribers} subscribers)`,
      measured: `${raw.fanout!.ratioToRaw} × (raw ${raw.fanout!.deliveriesPerSecond}/s)`,
      ratio: raw.fanout!.ratioToRaw!,
      met: raw.fanout!.ratioToRaw! >= 0.7,
    });
  }
  // Not the target's audience (S4's is): every socket shares one execution per event, so this is
  // the "send the same bytes" layer alone; the gap between the two lines is the per-execution cost.
  for (const raw of rows.filter(
    (r) => r.name.startsWith('S4one raw') && r.fanout?.ratioToRaw !== undefined,
  )) {
    const n = raw.fanout!.subscribers;
    const burst = at(`S4one ${n} sockets of one group, bus events all at once`);
    env.report.targets.push({
      target: `(layer) fan-out, one execution per event shared by all ${n} sockets (S4one), ≥ 0.7 × raw ws`,
      measured:
        `${raw.fanout!.ratioToRaw} × (${burst?.deliveriesPerSecond} vs raw ${raw.fanout!.deliveriesPerSecond}/s; ` +
        `${burst?.executions ?? '–'} executions for ${burst?.events} events, ` +
        `server CPU ${burst?.cpuMsPerDelivery} vs raw ${raw.fanout!.cpuMsPerDelivery} ms/delivery)`,
      ratio: raw.fanout!.ratioToRaw!,
      met: raw.fanout!.ratioToRaw! >= 0.7,
    });
  }
  const steady = at('S4 fan-out 1000 at 10 events/s');
  if (steady?.latency) {
    env.report.targets.push({
      target: 'commit → client p99 ≤ 100 ms, 1000 subscribers at 10 events/s',
      measured: `${ms(steady.latency.p99)} ms`,
      ratio: Math.round((steady.latency.p99 / 100) * 100) / 100,
      met: steady.latency.p99 <= 100,
    });
  }
  const idle = rows.find((r) => r.name.startsWith('S4idle'));
  if (idle && !env.o.quick) {
    env.report.targets.push({
      target: '10 000 idle subscribers on one instance (an event still arrives)',
      measured: idle.error ?? `${idle.fanout?.rssMb} MB RSS, ${idle.fanout?.deliveries} deliveries`,
      ratio: null,
      met: !idle.error,
    });
  }
}

/** S5u: the year's control and performance report while S4's subscribers receive 10 marks/s. */
async function reportsUnderFanout(env: RunEnv): Promise<void> {
  if (!env.wanted('S5u')) {
    return;
  }
  const chosen = SCENARIOS.filter((s) => s.name.startsWith('S5a') || s.name.startsWith('S5d'));
  const subscribers = env.o.quick ? 50 : 1000;
  const results: ScenarioResult[] = chosen.map((s) => ({
    name: `S5u ${s.name.split(' ')[0]} while ${subscribers} subscribers get 10 marks/s`,
    as: s.as,
  }));
  const { fanout } = await withFanoutLoad(fanoutEnv(env), subscribers, async () => {
    for (const [i, s] of chosen.entries()) {
      const body = JSON.stringify({ query: s.query, variables: s.variables(env.ctx) });
      const result = results[i]!;
      let problem: string | null = null;
      const seq = await sequential(env.o.requests, async () => {
        const r = await post(env.url, body, env.tokens[s.as]);
        problem ??= problemOf(r.status, r.text);
      });
      result.sequential = seq;
      if (problem) {
        result.error = problem;
      }
      env.say(`${result.name}: p50 ${ms(seq.p50)} p99 ${ms(seq.p99)} ms`);
    }
  });
  for (const r of results) {
    r.fanout = fanout;
    env.report.scenarios.push(r);
    if (!env.o.quick && r.sequential && !r.error) {
      env.report.targets.push({
        target: `${r.name.split(' ')[1]} over the full year ≤ 1 s while S4 runs`,
        measured: `p50 ${ms(r.sequential.p50)} ms`,
        ratio: Math.round((r.sequential.p50 / 1000) * 100) / 100,
        met: r.sequential.p50 <= 1000,
      });
    }
  }
}

/**
 * In order. A new scenario family (e.g. fan-out) is one more entry: a function of RunEnv that
 * pushes its results to env.report.scenarios (and its targets to env.report.targets).
 */
const SECTIONS: Section[] = [
  { name: 'GraphQL reads (S1, S2, S5)', run: graphqlScenarios },
  { name: 'S0 baselines', run: s0Baselines },
  { name: 'S3 writes', run: s3Writes },
  { name: 'raw-SQL floors of S5', run: reportFloors },
  { name: 'live fan-out (S4, S4one, S6)', run: liveFanout },
  { name: 'S5 under fan-out (S5u)', run: reportsUnderFanout },
];

// --- Targets --------------------------------------------------------------------------------

/** Issue 9's targets for the scenarios of this file, from this run's figures. */
function issue9Targets(env: RunEnv): Target[] {
  const targets: Target[] = [];
  const s1 = env.result('S1 ');
  const node = env.result('S0n');
  const graphile = env.result('S0g');
  for (const c of CONNECTIONS.map((n) => `c${n}`)) {
    const page = s1?.concurrent?.[c]?.requestsPerSecond;
    const floor = node?.concurrent?.[c]?.requestsPerSecond;
    const peer = graphile?.concurrent?.[c]?.requestsPerSecond;
    targets.push({
      target: `journal page req/s ≥ 0.5 × plain node-pg (${c})`,
      measured: page && floor ? `${page} vs ${floor} req/s` : 'not measured',
      ratio: page && floor ? page / floor : null,
      met: page && floor ? page >= 0.5 * floor : null,
    });
    targets.push({
      target: `journal page req/s ≥ PostGraphile (${c})`,
      measured: page && peer ? `${page} vs ${peer} req/s` : 'not measured',
      ratio: page && peer ? page / peer : null,
      met: page && peer ? page >= peer : null,
    });
  }
  const half = s1?.halfRate;
  targets.push({
    target: 'journal page p99 ≤ 50 ms at half of the peak (c32) rate',
    measured: half ? `p99 ${ms(half.p99)} ms at ${half.overallRate} req/s` : 'not measured',
    ratio: half ? half.p99 / 50 : null,
    met: half ? half.p99 <= 50 : null,
  });
  for (const prefix of ['S1 ', 'S1y', 'S2w']) {
    const r = env.result(prefix);
    const n = r?.statements;
    targets.push({
      target: `SQL statements per request ≤ 5: ${r?.name ?? prefix.trim()}`,
      measured: n === undefined ? 'not measured' : `${n}`,
      ratio: n === undefined ? null : n / 5,
      met: n === undefined ? null : n <= 5,
    });
  }
  const s3 = env.report.s3;
  if (s3?.s1With && s3.s1Without) {
    const ratio = s3.s1With.requestsPerSecond / s3.s1Without.requestsPerSecond;
    targets.push({
      target: `(S3, no target) S1 c8 req/s with ${s3.rate} writes/s vs without`,
      measured: `${s3.s1With.requestsPerSecond} vs ${s3.s1Without.requestsPerSecond} req/s; writes p99 ${ms(s3.writes.p99)} ms`,
      ratio,
      met: null,
    });
  }
  for (const r of env.report.scenarios.filter((x) => x.name.startsWith('S5') && x.sequential)) {
    const p50 = r.sequential!.p50;
    targets.push({
      target: `report ≤ 1 s (p50): ${r.name}`,
      measured: `${ms(p50)} ms`,
      ratio: p50 / 1000,
      met: p50 <= 1000,
    });
    if (r.baseline) {
      targets.push({
        target: `report ≤ 2 × raw SQL (p50): ${r.name}`,
        measured: `${ms(p50)} vs ${ms(r.baseline.p50)} ms (node CPU ${r.baseline.cpuRatio.toFixed(1)}×)`,
        ratio: r.baseline.ratio,
        met: r.baseline.ratio <= 2,
      });
    }
  }
  return targets;
}

// --- Report ---------------------------------------------------------------------------------

const yesNo = (met: boolean | null) => (met === null ? '–' : met ? 'yes' : '**no**');

function targetsTable(targets: Target[]): string[] {
  return [
    '| target | measured | ratio | met? |',
    '| --- | --- | --- | --- |',
    ...targets.map(
      (t) =>
        `| ${t.target} | ${t.measured} | ${t.ratio === null ? '–' : `${t.ratio.toFixed(2)}`} | ${yesNo(t.met)} |`,
    ),
  ];
}

function markdown(report: Report): string {
  const m = report.machine;
  const lines = [
    `# Benchmark results`,
    '',
    `${report.startedAt} → ${report.finishedAt} · nproc ${m.nproc} (${m.cpuModel}), ${m.memoryGb} GB RAM, ` +
      `Node ${m.node}, PostgreSQL ${m.postgres} · load average ${m.loadAverageStart} at start, ` +
      `${m.loadAverageEnd} at end · database ${report.database}`,
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
    '## Targets (issue 9)',
    '',
    ...targetsTable(report.targets),
    '',
    '## Scenarios',
    '',
    `Sequential: ${report.requests} requests after ${Math.min(WARM_UP, report.requests)} warm-up, one at a time. ` +
      `Concurrent: autocannon in a separate process, ${report.rounds} requests per connection, ` +
      `all completed and measured. Latencies in ms (client side, including queueing). RSS: the ` +
      `bench process (the app under test; PostGraphile runs in a process of its own), peak during the load, MB.`,
    '',
    '| scenario | as | stmts/req | KB/resp | node CPU ms/req | seq p50 | seq p95 | seq p99 | c8 req/s | c8 p50 | c8 p95 | c8 p99 | c8 RSS | c32 req/s | c32 p50 | c32 p95 | c32 p99 | c32 RSS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const live = (r: ScenarioResult) => r.fanout !== undefined || /^S(4|6)/.test(r.name);
  for (const r of report.scenarios) {
    if (live(r) && !r.name.startsWith('S5u')) {
      continue; // the fan-out table below
    }
    if (r.error) {
      lines.push(`| ${r.name} | ${r.as} | FAILED: ${r.error.replace(/\|/g, '/')} |`);
      continue;
    }
    const cells = CONNECTIONS.flatMap((n) => {
      const x = r.concurrent?.[`c${n}`];
      const rss = r.name.startsWith('S0g') ? 'n/a' : `${x?.rssMb?.peak ?? '–'}`;
      return x
        ? [x.requestsPerSecond.toFixed(1), ms(x.p50), ms(x.p95), ms(x.p99), rss]
        : ['–', '–', '–', '–', '–'];
    });
    lines.push(
      `| ${r.name} | ${r.as} | ${r.statements ?? '–'} | ${r.responseBytes === undefined ? '–' : (r.responseBytes / 1024).toFixed(0)} | ${ms(r.sequential?.cpuMs)} | ` +
        `${ms(r.sequential?.p50)} | ${ms(r.sequential?.p95)} | ${ms(r.sequential?.p99)} | ${cells.join(' | ')} |`,
    );
  }
  const half = report.scenarios.find((r) => r.halfRate);
  if (half?.halfRate) {
    const h = half.halfRate;
    lines.push(
      '',
      `${half.name} held to ${h.overallRate} req/s (half of its c32 rate) at 32 connections: ` +
        `${h.requestsPerSecond} req/s, p50 ${ms(h.p50)}, p95 ${ms(h.p95)}, p99 ${ms(h.p99)} ms ` +
        `(${h.requests} requests).`,
    );
  }
  const counted = report.scenarios.filter((r) => r.counts);
  if (counted.length > 0) {
    lines.push(
      '',
      `S0's pages hold: ${counted.map((r) => `${r.name.split(' ')[0]} ${JSON.stringify(r.counts)}`).join('; ')}.`,
    );
  }
  if (report.s3) {
    const s = report.s3;
    lines.push(
      '',
      `S3 writes (setMarks add/remove, setAttendance absent/present on S1's page, each with a clientMutationId, ` +
        `from a separate process at ${s.rate}/s): ${s.writes.requests} writes at ${s.writes.writesPerSecond}/s, ` +
        `p50 ${ms(s.writes.p50)}, p95 ${ms(s.writes.p95)}, p99 ${ms(s.writes.p99)} ms, ${s.writes.errors} errors` +
        (s.s1With
          ? `; S1 at 8 connections ${s.s1With.requestsPerSecond} req/s while writing` +
            (s.s1Without ? ` against ${s.s1Without.requestsPerSecond} req/s without` : '') +
            '.'
          : ' (no concurrent load: --rounds 0).'),
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
      `S1's page with plain node-postgres in process (no HTTP, GraphQL, ORM or permissions): p50 ${ms(b.sequential.p50)} ms, ` +
        `node CPU ${ms(b.sequential.cpuMs)} ms/req, ` +
        `p95 ${ms(b.sequential.p95)} ms, ${b.statements} statements, ${(b.bytes / 1024).toFixed(0)} KB. ` +
        `S1 / this at p50: ${b.ratio.toFixed(1)}×; in node CPU per request: ${b.cpuRatio.toFixed(1)}×.`,
    );
  }
  return lines.join('\n') + '\n' + fanoutMarkdown(report.scenarios.filter(live));
}

const loadAverage = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(' ');

async function main() {
  const o = benchOptions();
  const startedAt = new Date().toISOString();
  const loadAverageStart = loadAverage();
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
    const report: Report = {
      startedAt,
      finishedAt: '',
      machine: {
        nproc: availableParallelism(),
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 1024 ** 3),
        node: process.version,
        postgres: (await pool.query<{ v: string }>(`select current_setting('server_version') as v`))
          .rows[0]!.v,
        loadAverageStart,
        loadAverageEnd: '',
      },
      params: { classes: o.classes, schools: o.schools, seed: o.seed, writeRate: o.writeRate },
      database: o.dbName,
      reused: generated.reused,
      generationSeconds: generated.seconds,
      counts: generated.counts,
      requests: o.requests,
      rounds: o.rounds,
      scenarios: [],
      targets: [],
    };
    const env: RunEnv = {
      o,
      ctx,
      bus,
      liveExecutions: () => app.liveExecutions(),
      dbUrl,
      url,
      tokens,
      pool,
      statementsOf: async (body, as) => {
        // A warm request: the counting instance's first one also pays for its pool's first
        // connections (two more statements), which no request of a running server does.
        await post(countingUrl, body, tokens[as]);
        statements = 0;
        await post(countingUrl, body, tokens[as]);
        return statements;
      },
      wanted: (name) => o.only.length === 0 || o.only.some((p) => name.startsWith(p)),
      result: (prefix) => report.scenarios.find((r) => r.name.startsWith(prefix)),
      report,
      say,
    };
    for (const section of SECTIONS) {
      try {
        await section.run(env);
      } catch (err) {
        // A section that throws fails the run, but the report of the others is still written.
        report.scenarios.push({ name: section.name, as: '–', error: String(err) });
        say(`${section.name}: FAILED ${String(err)}`);
      }
    }
    report.targets.unshift(...issue9Targets(env));
    report.machine.loadAverageEnd = loadAverage();
    report.finishedAt = new Date().toISOString();
    const md = markdown(report);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(resolve(resultsDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    await writeFile(resolve(resultsDir, 'latest.md'), md);
    say('');
    say(md);
    say(`written to ${resolve(resultsDir, 'latest.md')} and latest.json`);
    const failed = report.scenarios.filter((r) => r.error);
    if (failed.length > 0) {
      say(`FAILED: ${failed.map((r) => r.name).join('; ')}`);
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
