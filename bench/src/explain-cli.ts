// `pnpm --filter @classbook/bench run explain [--quick|--db NAME] [--only S5a]`: runs the raw-SQL
// baseline of each report scenario once with every statement under EXPLAIN ANALYZE, and prints
// each statement's execution time and plan (BENCH_PLAN=1 for the whole plan). Where the time of
// a report goes, statement by statement, before touching its SQL or indexes.
import 'reflect-metadata';
import pg from 'pg';
import { withDatabase } from '../../server/src/core/db.js';
import { benchOptions } from './args.js';
import { reportBaselines } from './report-baselines.js';
import { SCENARIOS } from './scenarios.js';
import type { BenchContext } from './school.js';

const o = benchOptions();
const pool = new pg.Pool({
  connectionString: withDatabase(o.serverUrl, o.dbName),
  max: 10,
  options: '-c jit=off', // as the app's pool (server/src/core/db.ts)
});
try {
  const ctx = (await pool.query<{ context: BenchContext }>(`select context from bench_marker`))
    .rows[0]!.context;
  const current: { scenario: string } = { scenario: '' };
  const explaining = new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return async (sql: string, params: unknown[]) => {
          if (!/^\s*(with|select)/i.test(sql)) {
            return target.query(sql, params);
          }
          const plan = await target.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, buffers) ${sql}`,
            params,
          );
          const lines = plan.rows.map((r) => r['QUERY PLAN']);
          const time = lines.find((l) => l.startsWith('Execution Time'));
          console.log(
            `\n${current.scenario} · ${sql.replace(/\s+/g, ' ').slice(0, 110)}…\n  ${time}`,
          );
          console.log(
            (process.env.BENCH_PLAN ? lines : lines.slice(0, 12)).map((l) => `  ${l}`).join('\n'),
          );
          return target.query(sql, params);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  const floors = await reportBaselines(explaining, ctx, (prefix) => {
    const sc = SCENARIOS.find((x) => x.name.startsWith(`${prefix} `));
    return sc && (o.only.length === 0 || o.only.some((p) => sc.name.startsWith(p)))
      ? { query: sc.query, variables: sc.variables(ctx) }
      : null;
  });
  for (const f of floors) {
    current.scenario = f.scenario;
    await f.run();
  }
} finally {
  await pool.end();
}
