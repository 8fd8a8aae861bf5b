import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { busRoute, createBus, LaggingError, MAX_PENDING_EVENTS, type Bus } from './pubsub.js';

const log = createLogger('silent', 'test');
const topic = `bus-test-${process.pid}-${Date.now()}`;

interface Ev {
  to: number;
  n: number;
  /** For the indexed matches: `{ key }` or `{ keys }` (an array property). */
  key?: string;
  keys?: string[];
}

/** Resolves once the Redis subscription is in place (a probe event comes back). */
async function ready(bus: Bus) {
  const probe = bus.pubSub.subscribe<Ev>(topic, (e) => e.to === -1);
  const first = probe.next();
  for (let i = 0; i < 50; i += 1) {
    bus.pubSub.publish(topic, { to: -1, n: i });
    const got = await Promise.race([first, new Promise((r) => setTimeout(() => r(null), 100))]);
    if (got) {
      break;
    }
  }
  await probe.return();
}

/** Waits until `check` holds, a few ms at a time (Redis delivers over the network). */
async function until(check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i += 1) {
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each([
  ['in-process', undefined],
  ['Redis', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'],
])('the event bus (%s)', (_mode, redisUrl) => {
  it('a burst of events for others is never queued: the one wanted arrives, in order', async () => {
    const bus = createBus(redisUrl, log);
    try {
      const mine = bus.pubSub.subscribe<Ev>(topic, (e) => e.to === 7);
      const myFirst = mine.next(); // a repeater starts listening when first read
      // 1000 other subscribers, none of whom reads on: before, each queued every event of the
      // topic and threw past 1 024 inside the listener, which stopped delivery on the instance.
      const others = Array.from({ length: 1000 }, (_, i) =>
        bus.pubSub.subscribe<Ev>(topic, (e) => e.to === 10_000 + i),
      );
      const othersFirst = others.map((o) => o.next());
      await ready(bus);
      for (let n = 0; n < 5000; n += 1) {
        bus.pubSub.publish(topic, { to: 99, n });
      }
      bus.pubSub.publish(topic, { to: 10_000, n: 5000 });
      bus.pubSub.publish(topic, { to: 7, n: 5001 });
      bus.pubSub.publish(topic, { to: 7, n: 5002 });
      expect((await myFirst).value).toEqual({ to: 7, n: 5001 });
      expect((await mine.next()).value).toEqual({ to: 7, n: 5002 });
      expect((await othersFirst[0]!).value).toEqual({ to: 10_000, n: 5000 });
      await Promise.all([mine.return(), ...others.map((o) => o.return())]);
    } finally {
      await bus.close();
    }
  });

  it.each([
    ['a predicate', (e: Ev) => e.to === 1],
    ['an indexed match', { key: 'one' }],
  ] as const)(
    'a subscriber (%s) that falls behind ends with LaggingError; the others go on',
    async (_kind, wanted) => {
      const bus = createBus(redisUrl, log);
      try {
        const slow = bus.pubSub.subscribe<Ev>(topic, wanted);
        const fast = bus.pubSub.subscribe<Ev>(topic, wanted);
        const slowFirst = slow.next();
        const received: number[] = [];
        const reading = (async () => {
          for await (const e of fast) {
            received.push(e.n);
          }
        })();
        await ready(bus);
        const total = MAX_PENDING_EVENTS + 50;
        for (let n = 0; n < total; n += 1) {
          bus.pubSub.publish(topic, { to: 1, n, key: 'one' });
          if (n % 100 === 99) {
            await until(() => received.length === n + 1); // the fast one keeps up
          }
        }
        await until(() => received.length === total);
        expect(received).toEqual(Array.from({ length: total }, (_, n) => n));
        // The slow one gets what was queued before it overflowed, then the error.
        expect((await slowFirst).value).toEqual({ to: 1, n: 0, key: 'one' });
        let error: unknown;
        let next = 1;
        try {
          for await (const e of slow) {
            expect(e.n).toBe(next);
            next += 1;
          }
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(LaggingError);
        expect(next).toBeGreaterThan(MAX_PENDING_EVENTS / 2);
        expect(next).toBeLessThan(total);
        await fast.return();
        await reading;
      } finally {
        await bus.close();
      }
    },
  );

  it("the instance's own listener gets every event of a burst, with no queue to end it", async () => {
    const bus = createBus(redisUrl, log);
    try {
      const got: number[] = [];
      const stop = bus.pubSub.listen<Ev>(topic, (e) => {
        if (e.to === 2) {
          got.push(e.n);
        }
      });
      await ready(bus);
      const total = MAX_PENDING_EVENTS * 3;
      for (let n = 0; n < total; n += 1) {
        bus.pubSub.publish(topic, { to: 2, n });
      }
      await until(() => got.length === total);
      expect(got).toEqual(Array.from({ length: total }, (_, n) => n));
      stop();
      bus.pubSub.publish(topic, { to: 2, n: total });
      await new Promise((r) => setTimeout(r, 100));
      expect(got).toHaveLength(total);
    } finally {
      await bus.close();
    }
  });

  it('an indexed match: each event reaches exactly the subscriptions whose value it names, in order', async () => {
    const bus = createBus(redisUrl, log);
    const other = redisUrl ? createBus(redisUrl, log) : bus; // with Redis: published elsewhere
    try {
      const a = bus.pubSub.subscribe<Ev>(topic, { key: 'a' });
      const a2 = bus.pubSub.subscribe<Ev>(topic, { key: 'a' });
      const b = bus.pubSub.subscribe<Ev>(topic, { key: 'b' });
      const inList = bus.pubSub.subscribe<Ev>(topic, { keys: 'b' });
      const byPredicate = bus.pubSub.subscribe<Ev>(topic, (e) => e.to === 0 && e.n % 2 === 0);
      const all = [a, a2, b, inList, byPredicate];
      const got = all.map(() => [] as number[]);
      const before = bus.subscriptionsStarted(topic);
      const reading = all.map(async (s, i) => {
        for await (const e of s) {
          got[i]!.push(e.n);
        }
      });
      await until(() => bus.subscriptionsStarted(topic) === before + all.length);
      await ready(bus);
      const events: Ev[] = [
        { to: 0, n: 1, key: 'a' },
        { to: 0, n: 2, key: 'b', keys: ['a', 'b', 'b'] }, // 'b' twice: delivered once
        { to: 0, n: 3, key: 'c' },
        { to: 0, n: 4 }, // no key
        { to: 0, n: 5, key: 'a', keys: ['c'] },
        { to: 0, n: 7, keys: ['b'] },
        { to: 0, n: 9, key: 'b' },
      ];
      if (redisUrl) {
        await ready(other);
      }
      for (const e of events) {
        other.pubSub.publish(topic, e);
      }
      const expected = [
        [1, 5],
        [1, 5],
        [2, 9],
        [2, 7],
        [2, 4],
      ];
      await until(() => got.every((g, i) => g.length >= expected[i]!.length));
      await new Promise((r) => setTimeout(r, 50)); // and nothing more
      expect(got).toEqual(expected);
      await Promise.all(all.map((s) => s.return()));
      await Promise.all(reading);
    } finally {
      await bus.close();
      if (other !== bus) {
        await other.close();
      }
    }
  });

  it('a malformed event reaches no indexed or failing match and stops no one', async () => {
    const bus = createBus(redisUrl, log);
    try {
      const keyed = bus.pubSub.subscribe<Ev>(topic, { key: 'm' });
      const picky = bus.pubSub.subscribe<Ev>(topic, (e) => e.key!.startsWith('m'));
      const firstKeyed = keyed.next();
      const firstPicky = picky.next();
      await ready(bus);
      bus.pubSub.publish(topic, null);
      bus.pubSub.publish(topic, { to: 0, n: 1 }); // picky's predicate throws
      bus.pubSub.publish(topic, { to: 0, n: 2, key: 'm' });
      expect((await firstKeyed).value).toEqual({ to: 0, n: 2, key: 'm' });
      expect((await firstPicky).value).toEqual({ to: 0, n: 2, key: 'm' });
      await Promise.all([keyed.return(), picky.return()]);
    } finally {
      await bus.close();
    }
  });

  it('a match must name one property and its string value', () => {
    const bus = createBus(undefined, log);
    expect(() => bus.pubSub.subscribe<Ev>(topic, { key: 'a', keys: 'b' })).toThrow(/one property/);
    expect(() => bus.pubSub.subscribe<Ev>(topic, {})).toThrow(/one property/);
  });

  it('several topics in one subscription: in the order published, each as its route makes it', async () => {
    const bus = createBus(redisUrl, log);
    const second = `${topic}-second`;
    try {
      const many = bus.pubSub.subscribeMany([
        busRoute(topic, { key: 'x' }, (e: Ev) => `first ${e.n}`),
        busRoute(
          second,
          (e: Ev) => e.to === 3,
          (e: Ev) => `second ${e.n}`,
        ),
      ]);
      const first = many.next();
      await ready(bus);
      const probe = bus.pubSub.subscribe<Ev>(second, (e) => e.to === -2); // the second channel is live
      const probed = probe.next();
      for (let i = 0; i < 50; i += 1) {
        bus.pubSub.publish(second, { to: -2, n: i });
        if (await Promise.race([probed, new Promise((r) => setTimeout(() => r(null), 100))])) {
          break;
        }
      }
      await probe.return();
      const before = bus.subscriptionsStarted(second);
      expect(before).toBeGreaterThanOrEqual(2);
      bus.pubSub.publish(topic, { to: 0, n: 1, key: 'x' });
      bus.pubSub.publish(second, { to: 3, n: 2 });
      bus.pubSub.publish(topic, { to: 0, n: 3, key: 'y' }); // not wanted
      bus.pubSub.publish(second, { to: 4, n: 4 }); // not wanted
      bus.pubSub.publish(topic, { to: 3, n: 5, key: 'x' });
      expect((await first).value).toBe('first 1');
      expect((await many.next()).value).toBe('second 2');
      expect((await many.next()).value).toBe('first 5');
      await many.return();
      expect(await many.next()).toEqual({ done: true, value: undefined });
    } finally {
      await bus.close();
    }
  });
});
