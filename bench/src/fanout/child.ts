// The fan-out load in its own process (forked by fanout/s4.ts), so that thousands of client
// sockets and the mutation driver do not share the server's event loop, RSS or CPU figures.
// Commands and answers travel over the IPC channel (see `Command` / `Answer` in protocol.ts).
import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Answer, Command, DrivePair, Subscriber } from './protocol.js';

const now = () => performance.timeOrigin + performance.now();
const send = (answer: Answer) => process.send!(answer);

/** Receipts as `eventKey → receipt times`, and the socket indices that received each event. */
let receipts = new Map<string, number[]>();
let receivers = new Map<string, number[]>();
let payloads = new Map<string, string>();
let errors: string[] = [];
let clients: (Client | null)[] = [];
const specs: Subscriber[] = [];
let url = '';
let rawSockets: WebSocket[] = [];

function note(key: string, index: number, payload: unknown) {
  const t = now();
  let times = receipts.get(key);
  if (!times) {
    receipts.set(key, (times = []));
    receivers.set(key, []);
    // Once per event: S4one's raw ws run sends the bytes the server sent.
    payloads.set(key, JSON.stringify(payload));
  }
  times.push(t);
  receivers.get(key)!.push(index);
}

/** Sockets opened and not yet acknowledged, at most (see 'connect'). */
const HANDSHAKES = 200;

function error(message: string) {
  if (errors.length < 20) {
    errors.push(message.slice(0, 300));
  }
}

/**
 * One graphql-ws client (one socket) per subscriber, as a browser tab has. Resolves when the
 * server acknowledged the connection, or it failed.
 */
function open(index: number): Promise<void> {
  const spec = specs[index]!;
  let settle: () => void = () => {};
  const handshake = new Promise<void>((r) => (settle = r));
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authToken: spec.token },
    lazy: false,
    retryAttempts: 0,
    on: { connected: () => settle(), closed: () => settle() },
    onNonLazyError: (e) => error(`connect ${index}: ${String((e as Error).message ?? e)}`),
  });
  client.subscribe<{ [field: string]: { kind?: string; markId?: string; journal?: unknown } }>(
    { query: spec.query, variables: spec.variables },
    {
      next: (result) => {
        if (result.errors) {
          error(`next ${index}: ${JSON.stringify(result.errors)}`);
          return;
        }
        const field = Object.values(result.data ?? {})[0] as
          | { kind?: string; markId?: string; journal?: { kind: string; markId: string } }
          | undefined;
        const e = field?.journal ?? field;
        if (e?.markId) {
          note(`${e.kind}:${e.markId}`, index, result);
        }
      },
      error: (e) => {
        // A socket closed by a storm or by `close` is expected; anything else is an error.
        if (clients[index] === client) {
          error(`subscription ${index}: ${e instanceof Error ? e.message : JSON.stringify(e)}`);
        }
      },
      complete: () => {},
    },
  );
  clients[index] = client;
  return handshake;
}

async function drive(cmd: Extract<Command, { type: 'drive' }>) {
  const started = now();
  const until = started + cmd.seconds * 1000;
  let events = 0;
  let failed = 0;
  const post = async (pair: DrivePair, input: unknown) => {
    const res = await fetch(cmd.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${pair.token}` },
      body: JSON.stringify({
        query:
          'mutation($i: SetMarksInput!) { setMarks(input: $i) { marks { id version student { id } } } }',
        variables: { i: input },
      }),
    });
    const body = (await res.json()) as {
      data?: { setMarks: { marks: { id: string; version: number; student: { id: string } }[] } };
      errors?: unknown;
    };
    if (!body.data) {
      failed++;
      error(`setMarks: ${JSON.stringify(body.errors)}`);
      return null;
    }
    events++;
    return body.data.setMarks.marks.find((m) => m.student.id === pair.studentId) ?? null;
  };
  // Each pair alternates: add a mark, remove it (the data ends as it began). A pair is one
  // class's lesson and student; a lane takes its pairs in turn, one mutation in flight.
  const marks = new Map<DrivePair, { id: string; version: number } | null>();
  const step = async (pair: DrivePair) => {
    const mark = marks.get(pair);
    marks.set(
      pair,
      mark
        ? (await post(pair, {
            lessonId: pair.lessonId,
            remove: [{ markId: mark.id, version: mark.version, reason: 'bench' }],
          }),
          null)
        : await post(pair, {
            lessonId: pair.lessonId,
            add: [{ studentId: pair.studentId, value: '4' }],
          }),
    );
  };
  const lane = async (pairs: DrivePair[], interval: number) => {
    let next = now();
    for (let i = 0; now() < until && !stopping; i++) {
      await step(pairs[i % pairs.length]!);
      if (interval > 0) {
        next += interval;
        const wait = next - now();
        if (wait > 0) {
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    }
    for (const pair of pairs) {
      if (marks.get(pair)) {
        await step(pair);
      }
    }
  };
  stopping = false;
  // rate null: as fast as the lanes go.
  const lanes = Array.from({ length: Math.min(cmd.lanes, cmd.pairs.length) }, (_, j) =>
    cmd.pairs.filter((_p, i) => i % cmd.lanes === j),
  );
  const interval = cmd.rate ? (lanes.length * 1000) / cmd.rate : 0;
  await Promise.all(
    lanes.map(async (pairs, j) => {
      if (interval > 0) {
        await new Promise((r) => setTimeout(r, (interval * j) / lanes.length));
      }
      await lane(pairs, interval);
    }),
  );
  return { events, failed, seconds: (now() - started) / 1000 };
}
let stopping = false;

/**
 * Sockets to a plain `ws` server, HANDSHAKES at a time as for graphql-ws (5000 opened at once
 * overflowed the listen backlog: a reset socket crashed this process).
 */
async function rawConnect(cmd: Extract<Command, { type: 'raw-connect' }>) {
  rawSockets = [];
  for (let from = 0; from < cmd.count; from += HANDSHAKES) {
    const batch = Array.from(
      { length: Math.min(HANDSHAKES, cmd.count - from) },
      (_, k) =>
        new Promise<WebSocket>((resolveSocket, reject) => {
          const s = new WebSocket(`${cmd.url}?i=${from + k}`);
          s.once('open', () => resolveSocket(s));
          s.once('error', reject);
        }),
    );
    rawSockets.push(...(await Promise.all(batch)));
  }
}

function rawReceive(expected: number): Promise<number> {
  return new Promise((done) => {
    let got = 0;
    for (const s of rawSockets) {
      s.removeAllListeners('message');
      s.on('message', (data: Buffer) => {
        // Parsed as a graphql-ws client does, so both sides pay the same per message.
        JSON.parse(data.toString());
        if (++got === expected) {
          done(now());
        }
      });
    }
  });
}

process.on('message', (cmd: Command) => {
  void (async () => {
    switch (cmd.type) {
      case 'connect': {
        url = cmd.url;
        const from = specs.length;
        specs.push(...cmd.subscribers);
        // At most HANDSHAKES sockets waiting for the server's ack at once, as clients arrive over
        // time: thousands opened in one go waited past graphql-ws's 3 s connection_init limit
        // (closed 4408 with no retry), and the run then waited for them for ever.
        const waiting = new Set<Promise<void>>();
        for (let i = from; i < specs.length; i++) {
          const handshake = open(i);
          waiting.add(handshake);
          void handshake.then(() => waiting.delete(handshake));
          if (waiting.size >= HANDSHAKES) {
            await Promise.race(waiting);
          }
        }
        await Promise.all(waiting);
        send({ type: 'done' });
        break;
      }
      case 'storm': {
        // Every socket drops, then all reconnect at random moments within `withinMs`.
        const old = clients;
        clients = clients.map(() => null);
        for (const c of old) {
          void c?.dispose();
        }
        const t0 = now();
        await Promise.all(
          specs.map(
            (_, i) =>
              new Promise<void>((r) =>
                setTimeout(() => {
                  void open(i);
                  r();
                }, Math.random() * cmd.withinMs),
              ),
          ),
        );
        send({ type: 'stormed', startedAt: t0 });
        break;
      }
      case 'drive':
        send({ type: 'driven', ...(await drive(cmd)) });
        break;
      case 'stop':
        stopping = true;
        send({ type: 'done' });
        break;
      case 'count': {
        const cpu = process.cpuUsage();
        send({
          type: 'count',
          receipts: [...receipts.values()].reduce((n, t) => n + t.length, 0),
          cpuMs: (cpu.user + cpu.system) / 1000,
        });
        break;
      }
      case 'receipts':
        send({
          type: 'receipts',
          receipts: [...receipts],
          receivers: cmd.withReceivers ? [...receivers] : [],
          payloads: cmd.withReceivers ? [...payloads] : [],
          errors,
        });
        receipts = new Map();
        receivers = new Map();
        payloads = new Map();
        errors = [];
        break;
      case 'raw-connect':
        await rawConnect(cmd);
        send({ type: 'done' });
        break;
      case 'raw-expect':
        send({ type: 'raw-armed' });
        send({ type: 'raw-received', at: await rawReceive(cmd.expected) });
        break;
      case 'close':
        for (const c of clients) {
          void c?.dispose();
        }
        for (const s of rawSockets) {
          s.terminate();
        }
        send({ type: 'done' });
        process.exit(0);
    }
  })().catch((err: unknown) => {
    error(`child: ${err instanceof Error ? err.stack : String(err)}`);
    send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  });
});
