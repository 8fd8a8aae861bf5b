import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Repeater, type PubSubEventTarget } from '@graphql-yoga/subscription';
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

export interface EventBus {
  publish(topic: string, payload: unknown): void;
  /**
   * The events of `topic` that `wanted` accepts, in order. `wanted` runs in the listener, once per
   * event and subscriber, and must be cheap and synchronous: an event nobody wants is never
   * queued, so one instance's thousands of subscribers cost a function call each per event, not a
   * queued promise each — and a burst of events for others cannot overflow anyone's queue.
   */
  subscribe<T = unknown>(topic: string, wanted?: (event: T) => boolean): Repeater<T>;
  /**
   * The instance's own listener (session revocations): called for every event of `topic`, with no
   * queue that could overflow or end it. Must not throw. Returns the call that removes it.
   */
  listen<T = unknown>(topic: string, callback: (event: T) => void): () => void;
}

/** A bus of this process only, for work that publishes nowhere (archive documents). */
export const localEventBus = (): EventBus =>
  createEventBus(new EventTarget() as PubSubEventTarget<Record<string, [unknown]>>);

/**
 * graphql-yoga's `createPubSub`, with the match in the listener and a bounded queue (its
 * repeaters queue every event of the topic, and past 1 024 unread ones throw inside the Redis
 * message handler, which stopped delivery for the whole instance: found by the fan-out benchmark).
 */
export function createEventBus(target: PubSubEventTarget<Record<string, [unknown]>>): EventBus {
  return {
    publish(topic, payload) {
      target.dispatchEvent(new CustomEvent(topic, { detail: payload ?? null }));
    },
    listen<T>(topic: string, callback: (event: T) => void) {
      const listener = (event: { detail?: unknown }) => callback(event.detail as T);
      target.addEventListener(topic, listener);
      return () => target.removeEventListener(topic, listener);
    },
    subscribe<T>(topic: string, wanted?: (event: T) => boolean) {
      return new Repeater<T>((push, stop) => {
        let pending = 0;
        const taken = () => {
          pending -= 1;
        };
        const listener = (event: { detail?: unknown }) => {
          const value = event.detail as T;
          try {
            if (wanted && !wanted(value)) {
              return;
            }
          } catch {
            return; // a malformed event is nobody's: it must not stop the other listeners
          }
          if (pending >= MAX_PENDING_EVENTS) {
            void stop(new LaggingError(topic));
            return;
          }
          pending += 1;
          push(value).then(taken, taken);
        };
        target.addEventListener(topic, listener);
        void stop.then(() => target.removeEventListener(topic, listener));
      });
    },
  };
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
    const target = counted(new EventTarget() as PubSubEventTarget<Record<string, [unknown]>>);
    return {
      pubSub: createEventBus(target),
      status: () => 'in-process',
      subscriptionsStarted: (topic) => target.started(topic),
      joined: (topic) => target.count(topic),
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
  const target = counted(createRedisEventTarget({ publishClient, subscribeClient }));
  const pubSub = createEventBus(target);
  return {
    pubSub,
    subscriptionsStarted: (topic) => target.started(topic),
    joined: (topic) => target.count(topic),
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

/** The event target, counting per topic the listeners (subscriptions) added to it. */
function counted<T extends PubSubEventTarget<Record<string, [unknown]>>>(
  target: T,
): T & { started(topic: string): number; count(topic: string): void } {
  const counts = new Map<string, number>();
  const count = (topic: string) => counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const wrapped = {
    addEventListener: ((topic, callback, options) => {
      count(topic);
      target.addEventListener(topic, callback, options);
    }) as T['addEventListener'],
    removeEventListener: ((topic, callback, options) =>
      target.removeEventListener(topic, callback, options)) as T['removeEventListener'],
    dispatchEvent: ((event) => target.dispatchEvent(event)) as T['dispatchEvent'],
    started: (topic: string) => counts.get(topic) ?? 0,
    count,
  };
  return wrapped as unknown as T & { started(topic: string): number; count(topic: string): void };
}
