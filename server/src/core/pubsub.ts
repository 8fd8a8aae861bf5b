import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { PubSubEventTarget } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * Events a subscriber may fall behind by (accepted, not yet taken) before its stream ends with
 * `LaggingError`: its client reconnects and reloads, instead of the server buffering without end.
 */
export const MAX_PENDING_EVENTS = 1000;

/** The stream of a subscriber that fell `MAX_PENDING_EVENTS` behind (see there). */
export class LaggingError extends Error {
  constructor(topic: string) {
    super(`subscriber on ${topic} fell ${MAX_PENDING_EVENTS} events behind`);
    this.name = 'LaggingError';
  }
}

/**
 * Which events of a topic a subscription wants. Either `{ property: value }` — the events whose
 * `property` is `value` (or, for an array property, includes it) — which the bus routes by an index
 * (one lookup per event, however many subscribe), or a predicate, run once per event and
 * subscription (for a match no single property states).
 */
export type Wanted<T> = ((event: T) => boolean) | { readonly [K in keyof T & string]?: string };

/** One topic of `subscribeMany`: its match and what each event becomes (see `busRoute`). */
export interface BusRoute<T> {
  topic: string;
  wanted?: Wanted<never>;
  as: (event: never) => T;
}

/** A typed `BusRoute`. */
export const busRoute = <E, T>(
  topic: string,
  wanted: Wanted<E>,
  as: (event: E) => T,
): BusRoute<T> => ({ topic, wanted, as });

/** A subscription's events, in order (see `EventBus.subscribe`). */
export type Subscription<T> = AsyncIterableIterator<T> & {
  return(): Promise<IteratorResult<T>>;
};

export interface EventBus {
  publish(topic: string, payload: unknown): void;
  /**
   * The events of `topic` that `wanted` accepts, in order. The match runs when the event is
   * published, synchronously: an event nobody wants is never queued, so one instance's thousands
   * of subscribers cost an index lookup per event (or a predicate call each), not a queued promise
   * each — and a burst of events for others cannot overflow anyone's queue. Listens from the first
   * `next()` (as a repeater does) until `return()` or `LaggingError`.
   */
  subscribe<T = unknown>(topic: string, wanted?: Wanted<T>): Subscription<T>;
  /**
   * Several topics' events in one subscription, in the order they were published, each as its
   * route's `as` makes it (one queue: cheaper per event than merging a subscription per topic).
   */
  subscribeMany<T>(routes: readonly BusRoute<T>[]): Subscription<T>;
  /**
   * The instance's own listener (session revocations): called for every event of `topic`, with no
   * queue that could overflow or end it. Must not throw. Returns the call that removes it.
   */
  listen<T = unknown>(topic: string, callback: (event: T) => void): () => void;
}

/** An event bus that counts per topic the subscriptions and listeners started on it. */
interface CountingEventBus extends EventBus {
  started(topic: string): number;
  count(topic: string): void;
}

/** A bus of this process only, for work that publishes nowhere (archive documents). */
export const localEventBus = (): EventBus =>
  createEventBus(new EventTarget() as PubSubEventTarget<Record<string, [unknown]>>);

/** One subscription's queue: what was matched and not yet taken. */
class Queue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private head = 0;
  private waiting: ((r: IteratorResult<T>) => void) | null = null;
  private failWaiting: ((err: Error) => void) | null = null;
  private state: 'new' | 'open' | 'over' = 'new';
  private error: Error | null = null;

  constructor(
    private readonly start: () => void,
    private readonly stop: () => void,
    private readonly topic: string,
  ) {}

  /** Called by the bus for each event this subscription wants. */
  push(value: T) {
    if (this.state !== 'open') {
      return;
    }
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = this.failWaiting = null;
      waiting({ value, done: false });
      return;
    }
    if (this.items.length - this.head >= MAX_PENDING_EVENTS) {
      // What was queued is still read, then the error: the client reconnects and reloads.
      this.end(new LaggingError(this.topic));
      return;
    }
    this.items.push(value);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.state === 'new') {
      this.state = 'open';
      this.start();
    }
    if (this.head < this.items.length) {
      const value = this.items[this.head]!;
      this.items[this.head] = undefined as T;
      this.head += 1;
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.state === 'over') {
      const error = this.error;
      this.error = null;
      return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.head = 0;
    this.end(null);
    this.error = null;
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private end(error: Error | null) {
    if (this.state === 'over') {
      return;
    }
    const open = this.state === 'open';
    this.state = 'over';
    this.error = error;
    if (open) {
      this.stop();
    }
    const waiting = this.waiting;
    const failWaiting = this.failWaiting;
    this.waiting = this.failWaiting = null;
    if (error && failWaiting) {
      this.error = null;
      failWaiting(error);
    } else {
      waiting?.({ value: undefined, done: true });
    }
  }
}

/** Where a topic's event goes for one subscription (its queue, or a route of `subscribeMany`). */
interface Sink {
  push(event: unknown): void;
}

/** A topic's subscriptions, with the one listener of this process that routes its events. */
interface Routes {
  listener: (event: { detail?: unknown }) => void;
  /** property → value → the subscriptions that want events whose property is (or includes) it. */
  byProperty: Map<string, Map<unknown, Set<Sink>>>;
  /** Subscriptions with a predicate (or none: every event). */
  predicates: Map<Sink, ((event: unknown) => boolean) | undefined>;
  size: number;
}

/**
 * graphql-yoga's `createPubSub`, with the match when the event is published and a bounded queue
 * (its repeaters queue every event of the topic, and past 1 024 unread ones throw inside the Redis
 * message handler, which stopped delivery for the whole instance: found by the fan-out benchmark).
 * One listener per topic (and, with Redis, one channel subscription) routes each event to the
 * subscriptions that want it.
 */
export function createEventBus(
  target: PubSubEventTarget<Record<string, [unknown]>>,
): CountingEventBus {
  const counts = new Map<string, number>();
  const count = (topic: string) => counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const topics = new Map<string, Routes>();

  const route = (routes: Routes, event: unknown) => {
    if (typeof event === 'object' && event !== null) {
      for (const [property, byValue] of routes.byProperty) {
        const value = (event as Record<string, unknown>)[property];
        if (Array.isArray(value)) {
          // Each subscription once, however often the array names its value.
          for (const [i, item] of value.entries()) {
            if (value.indexOf(item) === i) {
              byValue.get(item)?.forEach((sink) => sink.push(event));
            }
          }
        } else if (value !== undefined) {
          byValue.get(value)?.forEach((sink) => sink.push(event));
        }
      }
    }
    for (const [sink, wanted] of routes.predicates) {
      try {
        if (wanted && !wanted(event)) {
          continue;
        }
      } catch {
        continue; // a malformed event is nobody's: it must not stop the others
      }
      sink.push(event);
    }
  };

  const add = (topic: string, sink: Sink, wanted: Wanted<unknown> | undefined) => {
    let routes = topics.get(topic);
    if (!routes) {
      const created: Routes = {
        listener: (event) => route(created, event.detail),
        byProperty: new Map(),
        predicates: new Map(),
        size: 0,
      };
      routes = created;
      topics.set(topic, created);
      target.addEventListener(topic, created.listener);
    }
    routes.size += 1;
    count(topic);
    if (wanted === undefined || typeof wanted === 'function') {
      routes.predicates.set(sink, wanted as ((event: unknown) => boolean) | undefined);
      return;
    }
    const [property, value] = onlyEntry(wanted);
    let byValue = routes.byProperty.get(property);
    if (!byValue) {
      byValue = new Map();
      routes.byProperty.set(property, byValue);
    }
    let sinks = byValue.get(value);
    if (!sinks) {
      sinks = new Set();
      byValue.set(value, sinks);
    }
    sinks.add(sink);
  };

  const remove = (topic: string, sink: Sink, wanted: Wanted<unknown> | undefined) => {
    const routes = topics.get(topic);
    if (!routes) {
      return;
    }
    if (wanted === undefined || typeof wanted === 'function') {
      routes.predicates.delete(sink);
    } else {
      const [property, value] = onlyEntry(wanted);
      const byValue = routes.byProperty.get(property);
      const sinks = byValue?.get(value);
      sinks?.delete(sink);
      if (sinks?.size === 0) {
        byValue!.delete(value);
        if (byValue!.size === 0) {
          routes.byProperty.delete(property);
        }
      }
    }
    routes.size -= 1;
    if (routes.size === 0) {
      topics.delete(topic);
      target.removeEventListener(topic, routes.listener);
    }
  };

  return {
    publish(topic, payload) {
      target.dispatchEvent(new CustomEvent(topic, { detail: payload ?? null }));
    },
    listen<T>(topic: string, callback: (event: T) => void) {
      const listener = (event: { detail?: unknown }) => callback(event.detail as T);
      count(topic);
      target.addEventListener(topic, listener);
      return () => target.removeEventListener(topic, listener);
    },
    subscribe<T>(topic: string, wanted?: Wanted<T>) {
      const w = checked(wanted);
      const queue: Queue<unknown> = new Queue(
        () => add(topic, queue, w),
        () => remove(topic, queue, w),
        topic,
      );
      return queue as Subscription<T>;
    },
    subscribeMany<T>(routes: readonly BusRoute<T>[]) {
      const sinks = routes.map((r) => {
        const as = r.as as (event: unknown) => T;
        return {
          topic: r.topic,
          wanted: checked(r.wanted),
          sink: {
            push: (event: unknown) => {
              let item: T;
              try {
                item = as(event);
              } catch {
                return; // a malformed event is nobody's: it must not stop the bus's listener
              }
              queue.push(item);
            },
          },
        };
      });
      const queue: Queue<T> = new Queue(
        () => sinks.forEach((s) => add(s.topic, s.sink, s.wanted)),
        () => sinks.forEach((s) => remove(s.topic, s.sink, s.wanted)),
        routes.map((r) => r.topic).join(', '),
      );
      return queue;
    },
    started: (topic) => counts.get(topic) ?? 0,
    count,
  };
}

/** The match, an indexed one checked at subscribe time (not at the first event). */
function checked(wanted: Wanted<never> | undefined): Wanted<unknown> | undefined {
  if (wanted !== undefined && typeof wanted !== 'function') {
    onlyEntry(wanted);
  }
  return wanted;
}

/** The one `property: value` of an indexed match. */
function onlyEntry(wanted: object): [string, unknown] {
  const entries = Object.entries(wanted);
  if (entries.length !== 1 || typeof entries[0]![1] !== 'string') {
    throw new Error('a bus match names one property and its string value');
  }
  return entries[0]!;
}

export interface Bus {
  pubSub: EventBus;
  /** 'in-process', or the Redis connection state ('ready', 'reconnecting', …). */
  status(): string;
  /**
   * How many subscriptions this instance has started on `topic` so far (never decreases). graphql-ws
   * has no "subscribed" answer, so this is how a test or a benchmark knows a client's subscription
   * is in place.
   */
  subscriptionsStarted(topic: string): number;
  /**
   * Counts a subscription that joined one already listening on `topic` (core/live.ts shares one
   * listener among the sockets of the same operation and person), as if it had started its own.
   */
  joined(topic: string): void;
  /** With REDIS_URL: a connection for plain commands (sign-in throttling counters). */
  redis?: Redis;
  close(): Promise<void>;
}

/**
 * In-process by default. With REDIS_URL, events travel through Redis pub/sub so that every server
 * instance behind a load balancer delivers them. Payloads are plain JSON (ids, ISO strings).
 */
export function createBus(redisUrl: string | undefined, log: Logger): Bus {
  if (!redisUrl) {
    const pubSub = createEventBus(
      new EventTarget() as PubSubEventTarget<Record<string, [unknown]>>,
    );
    return {
      pubSub,
      status: () => 'in-process',
      subscriptionsStarted: (topic) => pubSub.started(topic),
      joined: (topic) => pubSub.count(topic),
      close: async () => {},
    };
  }
  const connect = (role: string) => {
    const client = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    client.on('error', (err: Error) =>
      log.warn({ err: err.message, role }, 'redis connection error'),
    );
    client.on('ready', () => log.info({ role }, 'redis ready'));
    return client;
  };
  const publishClient = connect('publish');
  const subscribeClient = connect('subscribe');
  const pubSub = createEventBus(createRedisEventTarget({ publishClient, subscribeClient }));
  return {
    pubSub,
    subscriptionsStarted: (topic) => pubSub.started(topic),
    joined: (topic) => pubSub.count(topic),
    redis: publishClient,
    status: () =>
      publishClient.status === subscribeClient.status
        ? publishClient.status
        : `${publishClient.status}/${subscribeClient.status}`,
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
