// `pnpm --filter @classbook/bench run profile [--db NAME] [--requests N] [--only S1]`
//
// Where a scenario's node CPU goes (issue 9): the app in this process, N sequential requests of
// each scenario over HTTP under the inspector's CPU profiler, then self time summed per package
// (or file of the app) and per function. The profile is also written to
// $BENCH_PROFILE_DIR/<scenario>.cpuprofile (default /tmp) for a closer look in DevTools.
// BENCH_PROFILE=0 measures node CPU per request only (A/B runs, no profiler overhead).
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { benchOptions } from './args.js';
import { startInProcess } from './in-process.js';
import { post, problemOf, signIn } from './measure.js';
import { SCENARIOS } from './scenarios.js';

/** The parts of a V8 CPU profile read here (node:inspector's Profiler.Profile). */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Where a frame's code lives: a package name, an app file, or a V8/Node category. */
function owner(frame: CallFrame): string {
  const url = frame.url;
  if (!url) {
    return `(${frame.functionName || 'native'})`;
  }
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    return pkg[1]!;
  }
  const app = /\/(server|bench)\/src\/(.*)$/.exec(url);
  if (app) {
    return `${app[1]}/${app[2]}`;
  }
  return url.startsWith('node:') ? url : url.replace(/^.*\//, '');
}

function summarise(profile: CpuProfile, top: number) {
  const self = new Map<number, number>();
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const t = (self.get(node.id) ?? 0) / 1000;
    if (node.callFrame.functionName === '(idle)' || t === 0) {
      continue;
    }
    total += t;
    const o = owner(node.callFrame);
    byOwner.set(o, (byOwner.get(o) ?? 0) + t);
    const f = `${o} ${node.callFrame.functionName || '(anon)'}:${node.callFrame.lineNumber + 1}`;
    byFn.set(f, (byFn.get(f) ?? 0) + t);
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, v]) =>
          `  ${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`,
      )
      .join('\n');
  return { total, text: `by owner:\n${rows(byOwner)}\nby function:\n${rows(byFn)}` };
}

async function main() {
  const o = benchOptions();
  const { ctx, url, close } = await startInProcess(o);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  const only = o.only.length > 0 ? o.only : ['S1 ', 'S1y'];
  const dir = process.env.BENCH_PROFILE_DIR ?? '/tmp';
  // BENCH_PROFILE=0: node CPU per request only, without the profiler's own cost.
  const profiling = process.env.BENCH_PROFILE !== '0';
  for (const s of SCENARIOS.filter((s) => only.some((p) => s.name.startsWith(p)))) {
    const token = await signIn(url, ctx.logins[s.as]);
    const body = JSON.stringify({ query: s.query, variables: s.variables(ctx) });
    const once = async () => {
      const r = await post(url, body, token);
      const problem = problemOf(r.status, r.text);
      if (problem) {
        throw new Error(problem);
      }
    };
    for (let i = 0; i < 10; i++) {
      await once();
    }
    if (profiling) {
      await session.post('Profiler.start');
    }
    const c0 = process.cpuUsage();
    for (let i = 0; i < o.requests; i++) {
      await once();
    }
    const c = process.cpuUsage(c0);
    const cpu = `${s.name}: ${o.requests} requests, node CPU ${((c.user + c.system) / 1000 / o.requests).toFixed(2)} ms/req`;
    if (!profiling) {
      console.log(cpu);
      continue;
    }
    const { profile } = await session.post('Profiler.stop');
    const file = `${dir}/${s.name.split(' ')[0]}.cpuprofile`;
    await writeFile(file, JSON.stringify(profile));
    const { total, text } = summarise(profile, 40);
    console.log(
      `\n${cpu}, profiled busy ${(total / o.requests).toFixed(1)} ms/req (${file})\n${text}`,
    );
  }
  session.disconnect();
  await close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
