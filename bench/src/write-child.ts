// S3's writer, in its own process (forked by s3.ts) so that its timings do not queue behind the
// server's event loop: the bench teacher's writes at a steady rate, each with a clientMutationId.
// One cycle per (lesson, student) pair: setMarks add → setAttendance ABSENT → setMarks remove →
// setAttendance present; under load, several cycles at a time (on different pairs). A cycle
// leaves the data as it found it (the audit trail and the idempotency records grow), so the
// shared bench database stays the same for every run.
// Stops after `writes` writes, or at the end of the current cycle when the parent sends 'stop';
// then sends its summary back.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { summarise } from './stats.js';

export interface WriteSpec {
  url: string;
  token: string;
  /** Writes per second (the schedule; a slow write delays the next one). */
  rate: number;
  /** Stop after this many (rounded up to whole cycles); 0: until told to stop. */
  writes: number;
  pairs: { lessonId: string; studentId: string }[];
  /** Cycles under way at a time under load (one write in flight each). */
  chains: number;
  runId: string;
}

const SET_MARKS = /* GraphQL */ `
  mutation BenchSetMarks($i: SetMarksInput!) {
    setMarks(input: $i) {
      clientMutationId
      replayed
      marks {
        id
        version
        studentId
      }
    }
  }
`;
const SET_ATTENDANCE = /* GraphQL */ `
  mutation BenchSetAttendance($i: SetAttendanceInput!) {
    setAttendance(input: $i) {
      clientMutationId
      replayed
      attendance {
        version
        studentId
      }
    }
  }
`;

interface Row {
  id?: string;
  version: number;
  studentId: string;
}

const spec = JSON.parse(process.argv[2]!) as WriteSpec;
let stopping = false;
process.on('message', (m) => {
  if (m === 'stop') {
    stopping = true;
  }
});

const WARM_UP = 4;
const times: number[] = [];
const problems: string[] = [];
let n = 0;
const t0 = performance.now();

async function write(query: string, input: Record<string, unknown>, field: string) {
  // Keep to the schedule: slot k goes out at t0 + k / rate, or at once when behind.
  const slot = n++;
  const due = t0 + (slot * 1000) / spec.rate - performance.now();
  if (due > 0) {
    await sleep(due);
  }
  const clientMutationId = `${spec.runId}-${slot}`;
  const started = performance.now();
  const res = await fetch(spec.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${spec.token}` },
    body: JSON.stringify({ query, variables: { i: { ...input, clientMutationId } } }),
    // A server that stopped answering is a failure of the run, not a stall of it.
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  // Under load (writes = 0) the first slots are a warm-up, as the runner's sequential requests have.
  if (spec.writes > 0 || slot >= WARM_UP) {
    times.push(performance.now() - started);
  }
  const body = JSON.parse(text) as {
    data?: Record<string, { clientMutationId: string; replayed: boolean } & Record<string, Row[]>>;
    errors?: unknown;
  };
  const payload = body.data?.[field];
  if (res.status !== 200 || body.errors || !payload) {
    throw new Error(`${field}: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
  if (payload.clientMutationId !== clientMutationId || payload.replayed) {
    throw new Error(
      `${field}: clientMutationId ${payload.clientMutationId}, replayed ${payload.replayed}`,
    );
  }
  return payload;
}

const own = (rows: Row[], studentId: string) => {
  const row = rows.find((r) => r.studentId === studentId);
  if (!row) {
    throw new Error(`the answer has no row of student ${studentId}`);
  }
  return row;
};

async function cycle({ lessonId, studentId }: WriteSpec['pairs'][number]) {
  const marked = await write(SET_MARKS, { lessonId, add: [{ studentId, value: '4' }] }, 'setMarks');
  const absent = await write(
    SET_ATTENDANCE,
    { lessonId, entries: [{ studentId, status: 'ABSENT', reason: 'ILLNESS' }] },
    'setAttendance',
  );
  const mark = own(marked.marks!, studentId);
  await write(
    SET_MARKS,
    { lessonId, remove: [{ markId: mark.id, version: mark.version, reason: 'bench S3' }] },
    'setMarks',
  );
  const record = own(absent.attendance!, studentId);
  await write(
    SET_ATTENDANCE,
    { lessonId, entries: [{ studentId, status: null, version: record.version }] },
    'setAttendance',
  );
}

/**
 * Chain `first` works through pairs first, first + step, …: a cycle's writes depend on each other
 * (the removal needs the new mark's id), so the rate is kept by several chains taking the
 * schedule's slots in turn, not by one chain waiting for each answer.
 */
async function chain(first: number, step: number) {
  for (let i = first; !stopping && (spec.writes === 0 || n < spec.writes); i += step) {
    try {
      await cycle(spec.pairs[i % spec.pairs.length]!);
    } catch (err) {
      // A failed cycle may leave its mark or absence behind: stop rather than pile up more.
      problems.push(err instanceof Error ? err.message : String(err));
      stopping = true;
    }
  }
}

// A fixed number of writes (CI's quick run) is one chain, so that exactly that many go out.
const chains = spec.writes > 0 ? 1 : Math.min(spec.chains, spec.pairs.length);
await Promise.all(Array.from({ length: chains }, (_, i) => chain(i, chains)));

const seconds = (performance.now() - t0) / 1000;
process.send!({
  ...summarise(times),
  writesPerSecond: Math.round((n / seconds) * 10) / 10,
  errors: problems.length,
  problem: problems[0] ?? null,
});
process.disconnect();
