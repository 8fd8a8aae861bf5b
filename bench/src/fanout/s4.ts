// S4 live fan-out, S4raw (the same payloads over plain `ws`), S4idle (10 000 idle subscribers),
// S6 (a reconnect storm) and `withFanoutLoad` (S5 while S4 runs). The API runs in this process;
// the subscribers and the mutation driver run in a child process (child.ts), so this process's
// RSS and event-loop delay are the server's.
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Bus } from '../../../server/src/core/pubsub.js';
import { JOURNAL_CHANGED } from '../../../server/src/modules/journal/journal.events.js';
import { summarise, type LatencySummary } from '../stats.js';
import { dropSessions, prepareAudience, type Audience, type AudienceShape } from './audience.js';
import type { Answer, Command } from './protocol.js';

const here = dirname(new URL(import.meta.url).pathname);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round1 = (v: number) => Math.round(v * 10) / 10;
/**
 * Mutations in flight at once. Below the API's pool of 10 connections: setMarks reads through
 * `em.getConnection().execute` (auth/access.ts) outside its transaction, so 10 concurrent ones
 * each hold a connection and wait for another: the pool deadlocks (found by this benchmark).
 */
const LANES = 8;
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const mb = () => process.memoryUsage().rss / 2 ** 20;
const perDelivery = (ms: number, deliveries: number) =>
  deliveries ? Math.round((ms / deliveries) * 1000) / 1000 : 0;

export interface FanoutEnv {
  /** The API's /graphql URL (http; the sockets use ws on the same address). */
  url: string;
  /** The owner connection to the bench database (sessions are made there in bulk). */
  dbUrl: string;
  schoolId: string;
  /** The bus the API was created with: its subscription count says when clients are subscribed. */
  bus: Bus;
  /** Executions the API's live groups have run so far (LiveGroups.executions). */
  liveExecutions?: () => number;
  quick: boolean;
  say: (line: string) => void;
}

export interface FanoutFigures {
  subscribers: number;
  people?: number;
  /** Events published (mark set or removed) and client receipts. */
  events?: number;
  deliveries?: number;
  /** Operation executions the server ran for those events (one per group and permission set). */
  executions?: number;
  deliveriesPerSecond?: number;
  /** Commit (the publish right after it) → receipt in the client, ms. */
  latency?: LatencySummary;
  rate?: number | null;
  rssMb?: number;
  rssPerConnectionKb?: number;
  eventLoopDelayMs?: { p50: number; p99: number; max: number };
  /** This (the server's) process's CPU per delivery / per subscription: steadier than time here. */
  cpuMsPerDelivery?: number;
  /**
   * The load process's CPU per delivery (graphql-ws clients; raw rows: a JSON.parse per message):
   * near 1000 ms/s of it, the clients, not the server, set the deliveries/s.
   */
  clientCpuMsPerDelivery?: number;
  cpuMsPerSubscription?: number;
  /** Seconds until every client was subscribed. */
  connectSeconds?: number;
  /** S4raw, S4one's raw row: the bus burst's deliveries/s divided by raw ws's for the same. */
  ratioToRaw?: number;
  /** S6: seconds from the storm's start until every client is subscribed again. */
  resubscribedSeconds?: number;
  errors?: string[];
  loadAverage: string;
}

export interface FanoutRow {
  name: string;
  as: string;
  error?: string;
  fanout?: FanoutFigures;
}

const load = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(' ');

/** The child process and a request/answer helper over its IPC channel. */
class LoadProcess {
  private readonly child: ChildProcess;
  private readonly waiting: {
    type: Answer['type'];
    done: (a: Answer) => void;
    fail: (e: Error) => void;
  }[] = [];

  constructor() {
    this.child = fork(resolve(here, 'child.ts'), [], {
      execArgv: ['--import', '@oxc-node/core/register'],
      cwd: resolve(here, '../..'),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    this.child.on('message', (a: Answer) => {
      const i = this.waiting.findIndex((w) => w.type === a.type || a.type === 'failed');
      const w = i >= 0 ? this.waiting.splice(i, 1)[0] : undefined;
      if (w && a.type === 'failed') {
        w.fail(new Error(`load process: ${a.message}`));
      } else {
        w?.done(a);
      }
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) {
        w.fail(new Error(`load process exited (${code})`));
      }
    });
  }

  answer<T extends Answer['type']>(type: T): Promise<Extract<Answer, { type: T }>> {
    return new Promise((done, fail) =>
      this.waiting.push({ type, done: done as (a: Answer) => void, fail }),
    );
  }

  ask<T extends Answer['type']>(cmd: Command, type: T): Promise<Extract<Answer, { type: T }>> {
    const answer = this.answer(type);
    this.child.send(cmd);
    return answer;
  }

  async close() {
    if (this.child.connected) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.send({ type: 'close' } satisfies Command);
      await Promise.race([exited, sleep(10_000)]);
    }
    this.child.kill();
  }
}

/** Publish times of journal events, by `kind:markId`: the moment right after the commit. */
function stampPublishes(bus: Bus) {
  const stamps = new Map<string, number>();
  /** The mark events setMarks published, as published: replayed by `measure(…, 'bus')`. */
  const published: Record<string, unknown>[] = [];
  const pubSub = bus.pubSub as unknown as { publish: (topic: string, payload: unknown) => void };
  const original = pubSub.publish;
  pubSub.publish = (topic, payload) => {
    const e = payload as { kind?: string; markId?: string } | undefined;
    if (topic === JOURNAL_CHANGED && e?.markId) {
      stamps.set(`${e.kind}:${e.markId}`, now());
      if (published.length < 1000) {
        published.push(payload as Record<string, unknown>);
      }
    }
    original.call(bus.pubSub, topic, payload);
  };
  return {
    stamps,
    published,
    publish: (payload: unknown) => pubSub.publish(JOURNAL_CHANGED, payload),
    restore: () => void (pubSub.publish = original),
  };
}

/**
 * The mark events setMarks published, published again on the bus (each with a new mark id) at
 * `rate` per second, or all at once: the fan-out's own cost, without the mutations'.
 */
async function replay(f: Fanout, rate: number | null, seconds: number) {
  const events = f.bus.published;
  if (events.length === 0) {
    throw new Error('no mark event to replay');
  }
  const count = rate ? Math.round(rate * seconds) : Math.min(events.length * 4, f.burst);
  const t0 = now();
  for (let i = 0; i < count; i++) {
    f.bus.publish({ ...events[i % events.length], markId: randomUUID() });
    if (rate) {
      const wait = t0 + ((i + 1) * 1000) / rate - now();
      if (wait > 0) {
        await sleep(wait);
      }
    }
  }
  return { events: count, failed: 0 };
}

function eventLoop() {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  return () => {
    h.disable();
    const ms = (ns: number) => round1(ns / 1e6);
    return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
  };
}

async function untilSubscribed(bus: Bus, target: number, timeoutMs: number) {
  const t0 = now();
  let seen = bus.subscriptionsStarted(JOURNAL_CHANGED);
  let moved = t0;
  while (bus.subscriptionsStarted(JOURNAL_CHANGED) < target) {
    if (bus.subscriptionsStarted(JOURNAL_CHANGED) !== seen) {
      seen = bus.subscriptionsStarted(JOURNAL_CHANGED);
      moved = now();
    }
    // No new subscription for 30 s: some sockets failed; say so instead of waiting for ever.
    if (now() - t0 > timeoutMs || now() - moved > 30_000) {
      throw new Error(
        `only ${bus.subscriptionsStarted(JOURNAL_CHANGED)} of ${target} subscriptions started`,
      );
    }
    await sleep(20);
  }
  return (now() - t0) / 1000;
}

/** A connected audience of `n` subscribers, ready for events. */
export interface Fanout {
  env: FanoutEnv;
  child: LoadProcess;
  audience: Audience;
  /** Events in a burst replayed on the bus (`measure(f, null, …, 'bus')`). */
  burst: number;
  stamps: Map<string, number>;
  bus: ReturnType<typeof stampPublishes>;
  rssBefore: number;
  rssAfter: number;
  connectSeconds: number;
  cpuMsPerSubscription: number;
  close(): Promise<void>;
}

export async function connectFanout(
  env: FanoutEnv,
  n: number,
  shape: AudienceShape = 'school',
): Promise<Fanout> {
  const audience = await prepareAudience(env.dbUrl, env.schoolId, n, shape);
  const child = new LoadProcess();
  const bus = stampPublishes(env.bus);
  const { stamps, restore } = bus;
  const base = env.bus.subscriptionsStarted(JOURNAL_CHANGED);
  const rssBefore = mb();
  const cpu0 = process.cpuUsage();
  const t0 = now();
  try {
    await child.ask({ type: 'connect', url: env.url, subscribers: audience.subscribers }, 'done');
    await untilSubscribed(env.bus, base + n, 120_000 + n * 100);
  } catch (err) {
    restore();
    await child.close();
    throw err;
  }
  await sleep(500);
  return {
    env,
    child,
    audience,
    // One group: every event reaches all n sockets (400 events to 1000 sockets would take over a
    // minute), so a burst of ~40 000 deliveries.
    burst: shape === 'one-group' ? Math.min(400, Math.ceil((env.quick ? 5_000 : 40_000) / n)) : 400,
    stamps,
    bus,
    rssBefore,
    rssAfter: mb(),
    connectSeconds: round1((now() - t0) / 1000),
    cpuMsPerSubscription: Math.round((cpuMs(cpu0) / n) * 100) / 100,
    close: async () => {
      restore();
      await child.close();
      await dropSessions(env.dbUrl);
    },
  };
}

/** The load process's CPU time so far, ms. */
const clientCpu = async (f: Fanout) => (await f.child.ask({ type: 'count' }, 'count')).cpuMs;

/** Receipts since the last call, joined with the publish stamps. */
async function collect(f: Fanout, withReceivers = false) {
  const r = await f.child.ask({ type: 'receipts', withReceivers }, 'receipts');
  const latencies: number[] = [];
  let first = Infinity;
  let last = 0;
  let unmatched = 0;
  for (const [key, times] of r.receipts) {
    const t = f.stamps.get(key);
    if (t === undefined) {
      unmatched += times.length;
      continue;
    }
    first = Math.min(first, t);
    for (const x of times) {
      latencies.push(x - t);
      last = Math.max(last, x);
    }
  }
  const errors = [...r.errors];
  if (unmatched > 0) {
    errors.push(`${unmatched} receipts of events not published by this run`);
  }
  return { latencies, first, last, errors, receivers: r.receivers, payloads: r.payloads };
}

/** Events at `rate` per second (or as fast as the lanes go) for `seconds`; then its figures. */
async function measure(
  f: Fanout,
  rate: number | null,
  seconds: number,
  source: 'api' | 'bus' = 'api',
) {
  f.stamps.clear();
  const loop = eventLoop();
  // BENCH_FANOUT_PROFILE=dir: a CPU profile of the server process for the bus burst only (where
  // the fan-out's own time goes, without the mutations' or the audience's set-up).
  const profile = process.env.BENCH_FANOUT_PROFILE && source === 'bus' && rate === null;
  const session = profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const client0 = await clientCpu(f);
  const cpu0 = process.cpuUsage();
  const executions0 = f.env.liveExecutions?.();
  const driven =
    source === 'bus'
      ? await replay(f, rate, seconds)
      : await f.child.ask(
          { type: 'drive', url: f.env.url, pairs: f.audience.pairs, lanes: LANES, rate, seconds },
          'driven',
        );
  // The last deliveries: until no receipt has come for half a second (two for a burst: on a
  // loaded machine a burst's receipts paused longer and the count stopped at a fraction) — once
  // the first has come (on a busy CI machine it can take over a second), or after 15 s without any.
  const waitFrom = now();
  let client: number;
  for (let last = -1; ;) {
    await sleep(rate === null && source === 'bus' ? 2000 : 500);
    const { receipts, cpuMs: clientNow } = await f.child.ask({ type: 'count' }, 'count');
    client = clientNow;
    if (receipts === last && (receipts > 0 || now() - waitFrom > 15_000)) {
      break;
    }
    last = receipts;
  }
  const eld = loop();
  const cpu = cpuMs(cpu0);
  const executions = executions0 === undefined ? undefined : f.env.liveExecutions!() - executions0;
  if (session) {
    const { profile: taken } = await session.post('Profiler.stop');
    const file = resolve(
      process.env.BENCH_FANOUT_PROFILE!,
      `fanout-${f.audience.subscribers.length}-${Date.now()}.cpuprofile`,
    );
    await writeFile(file, JSON.stringify(taken));
    session.disconnect();
    f.env.say(`CPU profile of the burst: ${file}`);
  }
  const c = await collect(f, rate === null);
  if (driven.failed > 0) {
    c.errors.push(`${driven.failed} setMarks failed`);
  }
  const figures: FanoutFigures = {
    subscribers: f.audience.subscribers.length,
    people: f.audience.people,
    events: driven.events,
    deliveries: c.latencies.length,
    executions,
    deliveriesPerSecond: c.latencies.length
      ? Math.round(c.latencies.length / ((c.last - c.first) / 1000))
      : 0,
    latency: summarise(c.latencies),
    rate,
    rssMb: Math.round(f.rssAfter),
    rssPerConnectionKb: Math.round(
      ((f.rssAfter - f.rssBefore) * 1024) / f.audience.subscribers.length,
    ),
    eventLoopDelayMs: eld,
    // The mutations' own work is in it too (the API serves them here).
    cpuMsPerDelivery: perDelivery(cpu, c.latencies.length),
    clientCpuMsPerDelivery: perDelivery(client - client0, c.latencies.length),
    cpuMsPerSubscription: f.cpuMsPerSubscription,
    connectSeconds: f.connectSeconds,
    errors: c.errors,
    loadAverage: load(),
  };
  return { figures, receivers: c.receivers, payloads: c.payloads };
}

/**
 * The same deliveries as an S4 run (each event's payload to the sockets that received it) from a
 * plain `ws` server in this process to as many sockets of the load process: the limit.
 */
async function rawBroadcast(
  f: Fanout,
  deliveries: [string, number[]][],
  sample: Map<string, string>,
): Promise<FanoutFigures> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const sockets: WebSocket[] = [];
  wss.on('connection', (s, req) => {
    sockets[Number(new URL(req.url!, 'http://x').searchParams.get('i'))] = s;
  });
  try {
    const n = f.audience.subscribers.length;
    await f.child.ask(
      {
        type: 'raw-connect',
        url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`,
        count: n,
      },
      'done',
    );
    while (sockets.filter(Boolean).length < n) {
      await sleep(10);
    }
    const total = deliveries.reduce((s, [, to]) => s + to.length, 0);
    if (total === 0) {
      throw new Error('no S4 delivery to repeat over raw ws');
    }
    const received = f.child.answer('raw-received');
    await f.child.ask({ type: 'raw-expect', expected: total }, 'raw-armed');
    const client0 = await clientCpu(f);
    const loop = eventLoop();
    const cpu0 = process.cpuUsage();
    const t0 = now();
    for (const [key, to] of deliveries) {
      const payload = sample.get(key)!;
      for (const i of to) {
        // graphql-ws's frame: the subscription's id, then the payload.
        sockets[i]!.send(`{"id":"${randomUUID()}","type":"next","payload":${payload}}`);
      }
    }
    const { at } = await received;
    const cpu = cpuMs(cpu0);
    return {
      subscribers: n,
      deliveries: total,
      deliveriesPerSecond: Math.round(total / ((at - t0) / 1000)),
      cpuMsPerDelivery: perDelivery(cpu, total),
      clientCpuMsPerDelivery: perDelivery((await clientCpu(f)) - client0, total),
      eventLoopDelayMs: loop(),
      loadAverage: load(),
    };
  } finally {
    for (const s of sockets) {
      s?.terminate();
    }
    await new Promise((r) => wss.close(r));
  }
}

function row(name: string, figures: FanoutFigures): FanoutRow {
  const errors = figures.errors ?? [];
  return {
    name,
    as: 'teacher',
    fanout: figures,
    ...(errors.length ? { error: errors.slice(0, 3).join('; ') } : {}),
  };
}

/** A representative payload per event (the diary's: a receipt of the studentJournalChanged kind). */
function samplePayloads(deliveries: [string, number[]][]) {
  const sample = new Map<string, string>();
  for (const [key] of deliveries) {
    const [kind, markId] = key.split(':');
    sample.set(
      key,
      JSON.stringify({
        data: {
          studentJournalChanged: {
            kind,
            studentId: randomUUID(),
            markId,
            value: kind === 'MARK_REMOVED' ? null : '4',
            lessonDate: '2026-05-29',
            subject: { id: randomUUID(), name: 'Математика' },
          },
        },
      }),
    );
  }
  return sample;
}

/** Raw ws's run of a bus burst's deliveries (`payloads`: each event's), with the burst's ratio. */
async function versusRaw(
  f: Fanout,
  burst: Awaited<ReturnType<typeof measure>>,
  payloads: Map<string, string>,
) {
  const raw = await rawBroadcast(f, burst.receivers, payloads);
  raw.ratioToRaw =
    Math.round(((burst.figures.deliveriesPerSecond ?? 0) / raw.deliveriesPerSecond!) * 1000) / 1000;
  return raw;
}

/**
 * Connects an audience of `n` and runs `fn` on it, which adds its rows with `add`; a failure
 * becomes a row named `name`. The audience is closed either way.
 */
async function onAudience(
  env: FanoutEnv,
  rows: FanoutRow[],
  name: string,
  n: number,
  shape: AudienceShape,
  fn: (f: Fanout, add: (name: string, figures: FanoutFigures) => void) => Promise<void>,
) {
  const add = (rowName: string, figures: FanoutFigures) => {
    rows.push(row(rowName, figures));
    env.say(line(rows.at(-1)!));
  };
  let f: Fanout | undefined;
  try {
    f = await connectFanout(env, n, shape);
    await fn(f, add);
  } catch (err) {
    rows.push({ name, as: 'teacher', error: String(err) });
    env.say(line(rows.at(-1)!));
  } finally {
    await f?.close();
  }
}

/**
 * S4 at each size: latency at 10 events/s, deliveries/s as fast as the API takes marks, and raw
 * ws's deliveries/s for the same deliveries (S4raw). S4one at each size: the same for `n` sockets
 * that share one live group (one execution per event for all), so "send the same bytes" is
 * measured apart from the per-execution cost. Then S4idle (10 000 subscribers, one event).
 */
export async function fanoutScenarios(env: FanoutEnv, only: (name: string) => boolean) {
  const rows: FanoutRow[] = [];
  // BENCH_FANOUT_SIZES=100,1000 runs fewer sizes (a busy machine subscribes slowly).
  const sizes = env.quick
    ? [50]
    : (process.env.BENCH_FANOUT_SIZES ?? '100,1000,5000').split(',').map(Number);
  const seconds = env.quick ? 2 : 10;
  for (const n of only('S4 fan-out') || only('S4raw') ? sizes : []) {
    await onAudience(env, rows, `S4 fan-out ${n}`, n, 'school', async (f, add) => {
      const steady = await measure(f, 10, seconds);
      if (only('S4 fan-out')) {
        add(`S4 fan-out ${n} at 10 events/s`, steady.figures);
      }
      const peak = await measure(f, null, env.quick ? 2 : 5);
      if (only('S4 fan-out')) {
        add(`S4 fan-out ${n} as fast as marks are set`, peak.figures);
      }
      // The same events published straight on the bus: the fan-out without the mutations.
      const busSteady = await measure(f, 10, seconds, 'bus');
      const busPeak = await measure(f, null, 0, 'bus');
      if (only('S4 fan-out')) {
        add(`S4 fan-out ${n}, bus events at 10/s`, busSteady.figures);
        add(`S4 fan-out ${n}, bus events all at once`, busPeak.figures);
      }
      if (only('S4raw')) {
        add(
          `S4raw ws broadcast ${n}`,
          await versusRaw(f, busPeak, samplePayloads(busPeak.receivers)),
        );
      }
    });
  }
  // Up to 1 000 sockets: at 5 000, its 10 events/s are 50 000 deliveries/s, past raw ws's own rate
  // here (an overload whose backlog also slowed the scenarios after it).
  for (const n of only('S4one') ? sizes.filter((size) => size <= 1000) : []) {
    await onAudience(env, rows, `S4one ${n}`, n, 'one-group', async (f, add) => {
      // Its marks set through the API first: the commit → client latency, and the events the
      // burst replays.
      const steady = await measure(f, 10, seconds);
      add(`S4one ${n} sockets of one group at 10 events/s`, steady.figures);
      const burst = await measure(f, null, 0, 'bus');
      add(`S4one ${n} sockets of one group, bus events all at once`, burst.figures);
      // The bytes the server sent (the page's payload), not S4raw's diary-shaped sample.
      add(`S4one raw ws broadcast ${n}`, await versusRaw(f, burst, new Map(burst.payloads)));
    });
  }
  if (only('S4idle')) {
    const n = env.quick ? 100 : 10_000;
    await onAudience(env, rows, `S4idle ${n}`, n, 'school', async (f, add) => {
      const { figures } = await measure(f, null, 0.001);
      add(`S4idle ${n} idle subscribers, one event`, {
        ...figures,
        errors: [...(figures.errors ?? []), ...(figures.deliveries ? [] : ['no event arrived'])],
      });
    });
  }
  if (only('S6')) {
    rows.push(await reconnectStorm(env, env.quick ? 50 : 1000, env.quick ? 1000 : 5000));
    env.say(line(rows.at(-1)!));
  }
  return rows;
}

/** S6: every client drops and reconnects at a random moment within `withinMs`. */
export async function reconnectStorm(env: FanoutEnv, n: number, withinMs: number) {
  const name = `S6 reconnect storm ${n} within ${withinMs / 1000} s`;
  let f: Fanout | undefined;
  try {
    f = await connectFanout(env, n);
    const base = env.bus.subscriptionsStarted(JOURNAL_CHANGED);
    const loop = eventLoop();
    const stormed = f.child.ask({ type: 'storm', withinMs }, 'stormed');
    const t0 = now();
    await untilSubscribed(env.bus, base + n, 60_000 + withinMs);
    const done = now();
    const { startedAt } = await stormed;
    const eld = loop();
    // Still live afterwards: one event reaches the clients it is for.
    const after = await measure(f, null, 0.001);
    return row(name, {
      subscribers: n,
      resubscribedSeconds: round1((done - Math.min(t0, startedAt)) / 1000),
      rssMb: Math.round(mb()),
      eventLoopDelayMs: eld,
      deliveries: after.figures.deliveries,
      errors: [
        ...(after.figures.errors ?? []),
        ...(after.figures.deliveries ? [] : ['no event arrived after the storm']),
      ],
      loadAverage: load(),
    });
  } catch (err) {
    return { name, as: 'teacher' as const, error: String(err) };
  } finally {
    await f?.close();
  }
}

/**
 * Runs `fn` (e.g. the S5 report scenarios) while `n` subscribers receive marks set at 10 events/s;
 * returns its result and the fan-out's figures over that time.
 */
export async function withFanoutLoad<T>(
  env: FanoutEnv,
  n: number,
  fn: () => Promise<T>,
): Promise<{ value: T; fanout: FanoutFigures }> {
  const f = await connectFanout(env, n);
  try {
    f.stamps.clear();
    const loop = eventLoop();
    const driven = f.child.ask(
      {
        type: 'drive',
        url: env.url,
        pairs: f.audience.pairs,
        lanes: LANES,
        rate: 10,
        seconds: 3600,
      },
      'driven',
    );
    const value = await fn();
    await f.child.ask({ type: 'stop' }, 'done');
    const d = await driven;
    await sleep(500);
    const c = await collect(f);
    return {
      value,
      fanout: {
        subscribers: n,
        events: d.events,
        deliveries: c.latencies.length,
        latency: summarise(c.latencies),
        rate: 10,
        eventLoopDelayMs: loop(),
        errors: c.errors,
        loadAverage: load(),
      },
    };
  } finally {
    await f.close();
  }
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(1));

function line(r: FanoutRow) {
  const x = r.fanout;
  if (!x) {
    return `${r.name}: FAILED ${r.error}`;
  }
  return (
    `${r.name}: ${x.deliveries ?? '–'} deliveries` +
    (x.deliveriesPerSecond !== undefined ? `, ${x.deliveriesPerSecond}/s` : '') +
    (x.executions !== undefined ? `, ${x.executions} executions for ${x.events} events` : '') +
    (x.latency ? `, p50 ${ms(x.latency.p50)} p99 ${ms(x.latency.p99)} ms` : '') +
    (x.ratioToRaw !== undefined ? `, bus burst/raw ${x.ratioToRaw}` : '') +
    (x.resubscribedSeconds !== undefined
      ? `, all resubscribed in ${x.resubscribedSeconds} s`
      : '') +
    (x.rssMb !== undefined ? `, RSS ${x.rssMb} MB` : '') +
    (x.rssPerConnectionKb !== undefined ? ` (${x.rssPerConnectionKb} KB/conn)` : '') +
    (x.cpuMsPerDelivery !== undefined ? `, server CPU ${x.cpuMsPerDelivery} ms/delivery` : '') +
    (x.clientCpuMsPerDelivery !== undefined ? ` (clients ${x.clientCpuMsPerDelivery})` : '') +
    (x.cpuMsPerSubscription !== undefined
      ? `, ${x.cpuMsPerSubscription} ms/subscription (all in ${x.connectSeconds} s)`
      : '') +
    (x.eventLoopDelayMs
      ? `, loop delay p99 ${x.eventLoopDelayMs.p99} max ${x.eventLoopDelayMs.max} ms`
      : '') +
    `, load ${x.loadAverage}` +
    (r.error ? ` — ERROR ${r.error}` : '')
  );
}

/** The fan-out rows as a markdown table for bench-results/latest.md. */
export function fanoutMarkdown(rows: FanoutRow[]): string {
  if (rows.length === 0) {
    return '';
  }
  const lines = [
    '',
    'Live fan-out (S4, S4raw, S4one, S4idle, S6): subscribers are graphql-ws clients in a separate process; ' +
      'latency from the publish right after the mutation commits to the receipt in the client; RSS and ' +
      'event-loop delay are the server process’s.',
    '',
    '| scenario | subscribers (people) | events | executions | deliveries | deliveries/s | p50 ms | p99 ms | bus burst/raw | server CPU ms/delivery | client CPU ms/delivery | ms/subscription | RSS MB | KB/conn | loop p99 / max ms | resubscribed s | load avg |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const x = r.fanout;
    if (!x) {
      lines.push(`| ${r.name} | FAILED: ${String(r.error).replace(/\|/g, '/')} |`);
      continue;
    }
    lines.push(
      `| ${r.name}${r.error ? ` (ERROR ${r.error.replace(/\|/g, '/')})` : ''} | ${x.subscribers}${x.people ? ` (${x.people})` : ''} | ` +
        `${x.events ?? '–'} | ${x.executions ?? '–'} | ${x.deliveries ?? '–'} | ${x.deliveriesPerSecond ?? '–'} | ` +
        `${ms(x.latency?.p50)} | ${ms(x.latency?.p99)} | ${x.ratioToRaw ?? '–'} | ${x.cpuMsPerDelivery ?? '–'} | ${x.clientCpuMsPerDelivery ?? '–'} | ${x.cpuMsPerSubscription ?? '–'} | ${x.rssMb ?? '–'} | ` +
        `${x.rssPerConnectionKb ?? '–'} | ${x.eventLoopDelayMs ? `${x.eventLoopDelayMs.p99} / ${x.eventLoopDelayMs.max}` : '–'} | ` +
        `${x.resubscribedSeconds ?? '–'} | ${x.loadAverage} |`,
    );
  }
  return lines.join('\n') + '\n';
}
