import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

export type EventBus = ReturnType<typeof createPubSub>;

export interface Bus {
  pubSub: EventBus;
  /** 'in-process', or the Redis connection state ('ready', 'reconnecting', …). */
  status(): string;
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
    return { pubSub: createPubSub(), status: () => 'in-process', close: async () => {} };
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
  const pubSub = createPubSub({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  return {
    pubSub,
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
