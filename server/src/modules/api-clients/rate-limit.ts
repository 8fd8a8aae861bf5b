import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { sha256 } from '../../auth/tokens.js';
import type { Logger } from '../../core/logger.js';

export interface ApiRateLimits {
  /** Requests a token may make per window. */
  points: number;
  windowSeconds: number;
}

export interface ApiRateLimiter {
  /** Counts one request of the token; the seconds to wait when it is over its limit. */
  consume(token: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
  close(): Promise<void>;
}

/**
 * Per API token (issue 8), keyed by the token's hash so that no token sits in Redis or memory.
 * With REDIS_URL every instance behind a load balancer shares the count; should Redis fail, each
 * instance falls back to its own in-memory count rather than refusing or waving through.
 */
export function apiRateLimiter(
  limits: ApiRateLimits,
  redisUrl: string | undefined,
  log: Logger,
): ApiRateLimiter {
  const options = {
    keyPrefix: 'cb:api-rate',
    points: limits.points,
    duration: limits.windowSeconds,
  };
  const memory = new RateLimiterMemory(options);
  let redis: Redis | null = null;
  let limiter: RateLimiterMemory | RateLimiterRedis = memory;
  if (redisUrl) {
    // No offline queue: a request must not wait for Redis to come back (rate-limiter-flexible's advice).
    redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', (err: Error) =>
      log.warn({ err: err.message, role: 'rate-limit' }, 'redis connection error'),
    );
    limiter = new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory });
  }
  return {
    async consume(token) {
      try {
        await limiter.consume(sha256(token));
        return { ok: true };
      } catch (res) {
        if (res instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
        }
        throw res;
      }
    },
    async close() {
      await redis?.quit().catch(() => undefined);
    },
  };
}
