// Runs one load in its own process, so that the load generator does not share the server's event
// loop, and prints a JSON summary with exact percentiles on stdout: autocannon as fast as the
// server answers, or requests at evenly spaced times for a fixed rate (`paced` below).
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { summarise } from './stats.js';

interface LoadSpec {
  url: string;
  token: string | null;
  body: string;
  connections: number;
  /** Requests per second over all connections; none: as fast as the server answers. */
  overallRate?: number;
  /** Requests in all: every one completes and is measured (none abandoned in flight). */
  amount: number;
}

const spec = JSON.parse(process.argv[2]!) as LoadSpec;

/**
 * A fixed rate: request i is due at start + i / rate, whatever became of the ones before (an open
 * loop), over at most `connections` kept-alive sockets; its latency runs from when it was due, so
 * a request that waited for a free socket counts its wait. autocannon's `overallRate` does not
 * measure this: it gives each connection a budget per second, refilled by one timer per
 * connection all started at once, so every second began with all of that second's requests sent
 * together — a burst of 8 at "8 req/s" — and its p99 was the queue behind a burst (BENCHMARKS.md).
 */
async function paced(rate: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const target = new URL(spec.url);
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(spec.body),
    ...(spec.token ? { authorization: `Bearer ${spec.token}` } : {}),
  };
  const times: number[] = [];
  let non2xx = 0;
  let bytes = 0;
  let errors = 0;
  const once = (due: number) =>
    new Promise<void>((done) => {
      const req = request(target, { method: 'POST', headers, agent }, (res) => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => {
          times.push(performance.now() - due);
          if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) {
            non2xx++;
          }
          done();
        });
      });
      req.on('error', () => {
        errors++;
        done();
      });
      req.end(spec.body);
    });
  const start = performance.now() + 10;
  const all: Promise<void>[] = [];
  for (let i = 0; i < spec.amount; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) {
      await new Promise((r) => setTimeout(r, wait));
    }
    all.push(once(due));
  }
  await Promise.all(all);
  agent.destroy();
  const seconds = (performance.now() - start) / 1000;
  return {
    ...summarise(times),
    requestsPerSecond: Math.round((times.length / seconds) * 10) / 10,
    seconds: Math.round(seconds * 10) / 10,
    errors,
    timeouts: 0,
    non2xx,
    meanBytes: times.length ? Math.round(bytes / times.length) : 0,
    overallRate: rate,
  };
}

if (spec.overallRate) {
  process.stdout.write(JSON.stringify(await paced(spec.overallRate)));
  process.exit(0);
}
const times: number[] = [];
let non2xx = 0;
let bytes = 0;
// The rate is taken from the first request sent to the last answer received: autocannon's own
// `duration` ends at its next one-second tick after the last answer, which rounded every run up
// to whole seconds (24 requests in 1.2 s counted as 2.0 s: 11.7 req/s instead of 20), and these
// runs last a few seconds.
const started = performance.now();
let lastAnswer = started;
// Without a callback autocannon returns its event emitter, made thenable (the types say one or
// the other): listen for each response, then await the summary.
const instance = autocannon({
  url: spec.url,
  method: 'POST',
  connections: spec.connections,
  amount: spec.amount,
  // A slow page under 32 connections queues for seconds; a timeout would hide that.
  timeout: 300,
  headers: {
    'content-type': 'application/json',
    ...(spec.token ? { authorization: `Bearer ${spec.token}` } : {}),
  },
  body: spec.body,
}) as unknown as autocannon.Instance & Promise<autocannon.Result>;
const events: autocannon.Instance = instance;
events.on(
  'response',
  (_client: unknown, statusCode: number, resBytes: number, responseTime: number) => {
    times.push(responseTime);
    lastAnswer = performance.now();
    bytes += resBytes;
    if (statusCode < 200 || statusCode >= 300) {
      non2xx++;
    }
  },
);
const result = await instance;
process.stdout.write(
  JSON.stringify({
    ...summarise(times),
    requestsPerSecond: Math.round((times.length / ((lastAnswer - started) / 1000)) * 10) / 10,
    seconds: Math.round(lastAnswer - started) / 1000,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx,
    meanBytes: times.length ? Math.round(bytes / times.length) : 0,
  }),
);
