// `pnpm --filter @classbook/bench run layers [--quick] [--db NAME] [--requests N]`
//
// Which layer of the journal page (S1, and S1y for the year) costs what (issue 9): the same page,
// in one process and one run, taken apart. Each variant resolves the viewer from the bench
// teacher's token and sets its row scope as a request does, then:
//   service       readJournalPage alone (the SQL and the rows, no GraphQL) + JSON.stringify
//   graphql-js    graphql-js `execute` over the served schema (shield on root fields) + stringify
//   shield-all    the same over a schema with graphql-shield on every field of every type
//   graphql-jit   graphql-jit's compiled query over the served schema + stringify
//   http          the whole request over HTTP (Apollo, limits, plugins) as the bench's S1 does
//                 (queries executed by graphql-jit, core/jit-executor.ts)
//   http-js       the same with graphql-js executing the query (createApp's `graphqlJs`)
//   http+cache    the same with Apollo's cache-control plugin on (CLASSBOOK_CACHE_CONTROL=1 app)
//   baseline      the page with plain node-postgres queries (baseline.ts)
// Variants run interleaved, round after round, so the machine's drift hits them alike; the figure
// is node CPU per request (this process: server and client) and the p50 of wall-clock time.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { parse, execute, type DocumentNode, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import pg from 'pg';
import { buildPermissions } from '../../server/src/auth/permissions.js';
import { viewerFromToken } from '../../server/src/auth/viewer.js';
import { createApp } from '../../server/src/core/app.js';
import type { Context } from '../../server/src/core/context.js';
import { Loaders } from '../../server/src/core/loaders.js';
import { newRowScope, scopeToViewer, withRowScope } from '../../server/src/core/row-scope.js';
import { buildBareSchema } from '../../server/src/core/schema.js';
import { readJournalPage } from '../../server/src/modules/journal/journal-page.service.js';
import { benchOptions } from './args.js';
import { journalPageBaseline } from './baseline.js';
import { startInProcess } from './in-process.js';
import { post, problemOf, signIn } from './measure.js';
import { JOURNAL_PAGE } from './scenarios.js';
import { summarise } from './stats.js';

/** One request that must succeed: an error here would measure the error path, not the page. */
async function postOk(url: string, body: string, token: string | null): Promise<string> {
  const r = await post(url, body, token);
  const problem = problemOf(r.status, r.text);
  if (problem) {
    throw new Error(problem);
  }
  return r.text;
}

async function main() {
  const o = benchOptions();
  const { ctx, dbUrl, log, config, orm, bus, app, url, close } = await startInProcess(o);
  const cached = await createApp({ config, orm, log, bus, cacheControl: true });
  const cachedUrl = await cached.listen(0, '127.0.0.1');
  const plain = await createApp({ config, orm, log, bus, graphqlJs: true });
  const plainUrl = await plain.listen(0, '127.0.0.1');
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10, options: '-c jit=off' });

  const token = await signIn(url, ctx.logins.teacher);

  const served = app.schema;
  const everyField = applyMiddleware(
    await buildBareSchema({ auth: {} as never }),
    buildPermissions(),
  );
  const document: DocumentNode = parse(JOURNAL_PAGE);
  const compiled = compileQuery(served, document);
  if (!isCompiledQuery(compiled)) {
    throw new Error(`graphql-jit: ${JSON.stringify(compiled.errors)}`);
  }

  /** A request's context as app.ts builds it, under its own row scope. */
  const scoped = <T>(fn: (c: Context) => Promise<T>): Promise<T> =>
    withRowScope(newRowScope(), async () => {
      const em = orm.em.fork();
      const viewer = await viewerFromToken(em, token);
      scopeToViewer(viewer);
      return fn({
        em,
        loaders: new Loaders(em),
        viewer,
        bus: bus.pubSub,
        locale: 'ru',
        log,
        client: { ip: null, userAgent: null },
      });
    });
  const checked = (r: { errors?: readonly unknown[] }) => {
    if (r.errors) {
      throw new Error(JSON.stringify(r.errors).slice(0, 300));
    }
    return JSON.stringify(r);
  };
  const viaGraphql = (schema: GraphQLSchema, variables: Record<string, unknown>) =>
    scoped(async (c) =>
      checked(await execute({ schema, document, contextValue: c, variableValues: variables })),
    );

  const pages = [
    {
      name: 'S1 (3rd quarter)',
      periodId: ctx.periods.find((p) => p.kind === 'QUARTER' && p.number === 3)!.id,
    },
    { name: 'S1y (whole year)', periodId: ctx.periods.find((p) => p.kind === 'YEAR')!.id },
  ];
  const requests = o.requests;
  for (const page of pages) {
    const variables = { a: ctx.assignmentId, p: page.periodId };
    const body = JSON.stringify({ query: JOURNAL_PAGE, variables });
    const variants: Record<string, () => Promise<unknown>> = {
      service: () =>
        scoped(async (c) =>
          JSON.stringify(
            await readJournalPage(c.em, c.loaders, c.viewer!, ctx.assignmentId, page.periodId),
          ),
        ),
      'graphql-js': () => viaGraphql(served, variables),
      'shield-all': () => viaGraphql(everyField, variables),
      'graphql-jit': () =>
        scoped(async (c) => checked(await compiled.query(undefined, c, variables))),
      http: () => postOk(url, body, token),
      'http-js': () => postOk(plainUrl, body, token),
      'http+cache': () => postOk(cachedUrl, body, token),
      baseline: () => journalPageBaseline(pool, ctx.assignmentId, page.periodId),
    };
    const times = new Map<string, number[]>(Object.keys(variants).map((k) => [k, []]));
    const cpu = new Map<string, number>(Object.keys(variants).map((k) => [k, 0]));
    const bytes = new Map<string, number>();
    for (const [name, run] of Object.entries(variants)) {
      for (let i = 0; i < 5; i++) {
        const out = await run();
        bytes.set(name, typeof out === 'string' ? Buffer.byteLength(out) : 0);
      }
    }
    for (let round = 0; round < requests; round++) {
      for (const [name, run] of Object.entries(variants)) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await run();
        times.get(name)!.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.set(name, cpu.get(name)! + (c.user + c.system) / 1000);
      }
    }
    const base = cpu.get('baseline')! / requests;
    console.log(`\n${page.name}: ${requests} rounds`);
    console.log('| variant | node CPU ms/req | × baseline CPU | p50 ms | p95 ms | KB |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const name of Object.keys(variants)) {
      const s = summarise(times.get(name)!);
      const perReq = cpu.get(name)! / requests;
      console.log(
        `| ${name} | ${perReq.toFixed(1)} | ${(perReq / base).toFixed(1)} | ${s.p50.toFixed(1)} | ` +
          `${s.p95.toFixed(1)} | ${((bytes.get(name) ?? 0) / 1024).toFixed(0)} |`,
      );
    }
  }
  await pool.end();
  await cached.close();
  await plain.close();
  await close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
