// `pnpm --filter @classbook/bench run explain [--quick|--db NAME] [--only S5a]`: runs the raw-SQL
// baseline of each report scenario once with every statement under EXPLAIN ANALYZE, and prints
// each statement's execution time and plan (BENCH_PLAN=1 for the whole plan). Where the time of
// a report goes, statement by statement, before touching its SQL or indexes.
// BENCH_TIME=1: each statement's wall-clock time instead of its plan (several runs: `BENCH_TIME=3`).
// BENCH_RLS=1: as the application (and the bench's floors) run them — role classbook_app under
// row-level security, scoped to the bench deputy (core/row-scope.ts) — instead of as the owner.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { withDatabase } from '../../server/src/core/db.js';
import { benchOptions } from './args.js';
import { deputyViewer, reportBaselines, rowScopedPool } from './report-baselines.js';
import { SCENARIOS } from './scenarios.js';
import type { BenchContext } from './school.js';

/** CPU time (user + system) a local PostgreSQL backend has used, ms (clock ticks of 10 ms). */
function backendCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const o = benchOptions();
const pool = new pg.Pool({
  connectionString: withDatabase(o.serverUrl, o.dbName),
  max: 10,
  options: '-c jit=off', // as the app's pool (server/src/core/db.ts)
});
const ctx = (await pool.query<{ context: BenchContext }>(`select context from bench_marker`))
  .rows[0]!.context;
const viewer = await deputyViewer(pool, ctx);
// As the bench's floors run them (run.ts): the application's role under the deputy's row scope.
const runner = process.env.BENCH_RLS
  ? rowScopedPool(withDatabase(o.serverUrl, o.dbName), viewer)
  : pool;
try {
  const current: { scenario: string } = { scenario: '' };
  /** The pool's `query`, with each statement explained (or timed). */
  const explained =
    (runner: pg.Pool) =>
    async (sql: string, params: unknown[]): Promise<pg.QueryResult> => {
      if (!/^\s*(with|select)/i.test(sql)) {
        return runner.query(sql, params);
      }
      if (process.env.BENCH_TIME) {
        // Wall-clock time and the backend's CPU time (/proc, a local server; parallel workers
        // off so that all of it is the backend's): EXPLAIN ANALYZE's per-row timing inflates
        // scans of hundreds of thousands of rows, and on a busy machine the wall-clock time is
        // mostly waiting for a CPU.
        const client = await runner.connect();
        try {
          await client.query('set max_parallel_workers_per_gather = 0');
          const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid'))
            .rows[0]!.pid;
          const cpu0 = backendCpuMs(pid);
          const t0 = performance.now();
          const result = await client.query(sql, params);
          const ms = performance.now() - t0;
          const cpu = backendCpuMs(pid) - cpu0;
          console.log(
            `${current.scenario} · ${ms.toFixed(1)} ms, PostgreSQL CPU ${cpu} ms · ${sql.replace(/\s+/g, ' ').slice(0, 80)}…`,
          );
          return result;
        } finally {
          client.release();
        }
      }
      const plan = await runner.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${sql}`,
        params,
      );
      const lines = plan.rows.map((r) => r['QUERY PLAN']);
      const time = lines.find((l) => l.startsWith('Execution Time'));
      console.log(`\n${current.scenario} · ${sql.replace(/\s+/g, ' ').slice(0, 110)}…\n  ${time}`);
      console.log(
        (process.env.BENCH_PLAN ? lines : lines.slice(0, 12)).map((l) => `  ${l}`).join('\n'),
      );
      return runner.query(sql, params);
    };
  const explaining = new Proxy(runner, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return explained(target);
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  const floors = reportBaselines(explaining, viewer, (prefix) => {
    const sc = SCENARIOS.find((x) => x.name.startsWith(`${prefix} `));
    return sc && (o.only.length === 0 || o.only.some((p) => sc.name.startsWith(p)))
      ? { query: sc.query, variables: sc.variables(ctx) }
      : null;
  });
  for (let i = 0; i < Number(process.env.BENCH_TIME ?? 1); i++) {
    for (const f of floors) {
      current.scenario = f.scenario;
      await f.run();
    }
  }
} finally {
  if (runner !== pool) {
    await runner.end();
  }
  await pool.end();
}
