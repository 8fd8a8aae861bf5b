import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from 'rate-limiter-flexible';
import type { ThrottleConfig } from '../core/config.js';
import { DomainError, ErrorCode } from '../core/errors.js';

/**
 * Sign-in throttling (issue 8): slows a password guesser without letting a pupil lock a teacher
 * out. Only failures are counted (a wrong password, a wrong TOTP code), under three keys:
 *
 * 1. (login, address) — or (login, known device): after a few free failures each further one
 *    doubles a short delay (1 s, 2 s, 4 s … up to a minute). A success clears it. This is the
 *    counter a single guesser meets first.
 * 2. address, over every login: a pupil trying many classmates' accounts from one network. The
 *    threshold is high because a whole school may sit behind one address; once crossed, that
 *    address waits for the rest of the window.
 * 3. login, from anywhere: a much higher threshold, and then only a delay of seconds per failure,
 *    never a lockout of hours — a distributed guesser is slowed, the owner is not shut out.
 *
 * A sign-in from a device the account has signed in from before (the client keeps a random
 * device id in a long-lived cookie; its hash is on the session rows) skips counters 2 and 3, so
 * the teacher at their usual computer signs in while someone elsewhere hammers their login. Its
 * own failures still count under key 1 (by device), so a stolen device id buys no free guesses.
 *
 * Counters and delays are kept in Redis when REDIS_URL is set (every instance sees the same
 * counts), in memory otherwise. Keys count the login as typed (normalised), whether or not it
 * exists, so the answers never tell whether a login exists.
 */
export interface ThrottleKeys {
  login: string;
  address: string | null;
  /** Set when the device is known to this login: counters 2 and 3 are skipped. */
  knownDevice: string | null;
}

export class SignInThrottle {
  private readonly pair: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  private readonly account: RateLimiterAbstract;
  /** Blocks under each key: `get` tells whether and how long. */
  private readonly blocks: RateLimiterAbstract;

  constructor(
    private readonly config: ThrottleConfig,
    store: { redis?: Redis; prefix: string },
  ) {
    const make = (name: string, duration: number) => {
      // Counters only (`penalty` never refuses); the refusals come from `blocks`.
      const options = { points: 1_000_000, duration, keyPrefix: `${store.prefix}:${name}` };
      const memory = new RateLimiterMemory(options);
      return store.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: store.redis,
            // Redis down: count in this process rather than wait or let everyone through.
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          })
        : memory;
    };
    this.pair = make('pair', config.pairWindowSeconds);
    this.address = make('address', config.addressWindowSeconds);
    this.account = make('account', config.accountWindowSeconds);
    const longest = Math.max(
      config.pairWindowSeconds,
      config.addressWindowSeconds,
      config.accountWindowSeconds,
    );
    const blockOptions = { points: 1, duration: longest, keyPrefix: `${store.prefix}:block` };
    this.blocks = store.redis
      ? new RateLimiterRedis({
          ...blockOptions,
          storeClient: store.redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory(blockOptions),
        })
      : new RateLimiterMemory(blockOptions);
  }

  private keysOf(keys: ThrottleKeys) {
    const pair = keys.knownDevice
      ? `${keys.login}|device:${keys.knownDevice}`
      : `${keys.login}|ip:${keys.address ?? 'unknown'}`;
    return {
      pair: `pair:${pair}`,
      address: keys.knownDevice ? null : `address:${keys.address ?? 'unknown'}`,
      account: keys.knownDevice ? null : `account:${keys.login}`,
    };
  }

  /** Refuses with TOO_MANY_ATTEMPTS while any of the caller's keys is held back. */
  async check(keys: ThrottleKeys): Promise<void> {
    const names = Object.values(this.keysOf(keys)).filter((k): k is string => k !== null);
    const held = await Promise.all(names.map((k) => this.blocks.get(k)));
    const waitMs = Math.max(
      0,
      ...held.map((r) => (r && r.consumedPoints > 1 ? r.msBeforeNext : 0)),
    );
    if (waitMs > 0) {
      throw tooManyAttempts(Math.ceil(waitMs / 1000));
    }
  }

  /** Counts one failure under each of the caller's keys and starts any delay it earns. */
  async failed(keys: ThrottleKeys): Promise<void> {
    const k = this.keysOf(keys);
    const c = this.config;
    const pair = await this.pair.penalty(k.pair, 1);
    const over = pair.consumedPoints - c.pairFreeFailures;
    if (over > 0) {
      await this.blocks.block(k.pair, Math.min(2 ** (over - 1), c.pairMaxDelaySeconds));
    }
    if (k.address) {
      const address = await this.address.penalty(k.address, 1);
      if (address.consumedPoints >= c.addressFailures) {
        await this.blocks.block(k.address, remainingSeconds(address));
      }
    }
    if (k.account) {
      const account = await this.account.penalty(k.account, 1);
      if (account.consumedPoints >= c.accountFailures) {
        await this.blocks.block(k.account, c.accountDelaySeconds);
      }
    }
  }

  /** A success ends the (login, address/device) delay; the wider counters run their window. */
  async succeeded(keys: ThrottleKeys): Promise<void> {
    const k = this.keysOf(keys);
    await Promise.all([this.pair.delete(k.pair), this.blocks.delete(k.pair)]);
  }
}

const remainingSeconds = (r: RateLimiterRes) => Math.max(1, Math.ceil(r.msBeforeNext / 1000));

export function tooManyAttempts(retryAfter: number): DomainError {
  return new DomainError(ErrorCode.TOO_MANY_ATTEMPTS, 'auth.tooManyAttempts', {
    params: { seconds: retryAfter },
    details: { retryAfter },
  });
}
