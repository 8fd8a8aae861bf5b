import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createBus, LaggingError, MAX_PENDING_EVENTS, type Bus } from './pubsub.js';

const log = createLogger('silent', 'test');
const topic = `bus-test-${process.pid}-${Date.now()}`;

interface Ev {
  to: number;
  n: number;
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

  it('a subscriber that falls behind ends with LaggingError; the others go on', async () => {
    const bus = createBus(redisUrl, log);
    try {
      const slow = bus.pubSub.subscribe<Ev>(topic, (e) => e.to === 1);
      const fast = bus.pubSub.subscribe<Ev>(topic, (e) => e.to === 1);
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
        bus.pubSub.publish(topic, { to: 1, n });
        if (n % 100 === 99) {
          await until(() => received.length === n + 1); // the fast one keeps up
        }
      }
      await until(() => received.length === total);
      expect(received).toEqual(Array.from({ length: total }, (_, n) => n));
      // The slow one gets what was queued before it overflowed, then the error.
      expect((await slowFirst).value).toEqual({ to: 1, n: 0 });
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
  });

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
});
