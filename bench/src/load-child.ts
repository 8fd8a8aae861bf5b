// Runs one autocannon load in its own process, so that the load generator does not share the
// server's event loop, and prints a JSON summary with exact percentiles on stdout.
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
const times: number[] = [];
let non2xx = 0;
let bytes = 0;
// Without a callback autocannon returns its event emitter, made thenable (the types say one or
// the other): listen for each response, then await the summary.
const instance = autocannon({
  url: spec.url,
  method: 'POST',
  connections: spec.connections,
  amount: spec.amount,
  ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
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
    requestsPerSecond: Math.round((times.length / result.duration) * 10) / 10,
    seconds: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx,
    meanBytes: times.length ? Math.round(bytes / times.length) : 0,
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
  }),
);
