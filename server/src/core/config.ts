import { resolve } from 'node:path';
import { z } from 'zod';

/** Where the repo keeps local state (embedded PostgreSQL data); ignored by git. */
export const repoRoot = resolve(import.meta.dirname, '../../..');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  APP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default(resolve(repoRoot, '.data')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 14),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 7),
  CLIENT_ORIGIN: z.string().url().default('http://localhost:5173'),
  MIGRATE_ON_START: z.enum(['true', 'false']).optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('false'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Classbook <no-reply@classbook.local>'),
  // Sign-in defences (issue 8): see auth/throttle.ts and auth/session-policy.ts for the reasons.
  // Exact origins only: a wildcard would let any site read what a bearer of a token may read.
  CORS_ORIGINS: z
    .string()
    .refine(
      (v) => v.split(',').every((o) => !o.trim() || /^https?:\/\/[^/*\s]+$/.test(o.trim())),
      'comma-separated origins like https://school.example (scheme and host, no path, no *)',
    )
    .optional(),
  TRUSTED_PROXIES: z.string().default('127.0.0.1,::1,::ffff:127.0.0.1'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 60),
  SESSION_STAFF_TTL_HOURS: z.coerce.number().int().positive().default(12),
  SESSION_STAFF_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  SIGNIN_PAIR_FREE_FAILURES: z.coerce.number().int().positive().default(5),
  SIGNIN_PAIR_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  SIGNIN_PAIR_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(60),
  SIGNIN_ADDRESS_FAILURES: z.coerce.number().int().positive().default(200),
  SIGNIN_ADDRESS_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  SIGNIN_ACCOUNT_FAILURES: z.coerce.number().int().positive().default(50),
  SIGNIN_ACCOUNT_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60),
  SIGNIN_ACCOUNT_DELAY_SECONDS: z.coerce.number().int().positive().default(10),
  TOTP_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (32 bytes)')
    .optional(),
  // Requests per API token (analytics tools, issue 8) per window.
  API_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
});

/** Sign-in throttling (auth/throttle.ts): failures counted per key within a window. */
export interface ThrottleConfig {
  /** Per (login, address or known device): failures allowed before a delay starts. */
  pairFreeFailures: number;
  pairWindowSeconds: number;
  /** The delay doubles with each further failure up to this. */
  pairMaxDelaySeconds: number;
  /** Per address over every login (a pupil hammering many accounts from one network). */
  addressFailures: number;
  addressWindowSeconds: number;
  /** Per login from anywhere: a much higher threshold, and then only a short delay. */
  accountFailures: number;
  accountWindowSeconds: number;
  accountDelaySeconds: number;
}

/** Session lifetimes (auth/session-policy.ts): staff sessions are shorter than families'. */
export interface SessionLifetimes {
  familyTtlHours: number;
  familyIdleMinutes: number;
  staffTtlHours: number;
  staffIdleMinutes: number;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Absent: the app runs on an embedded PostgreSQL kept under `dataDir`. */
  databaseUrl?: string;
  /**
   * The connection requests run on, as `classbook_app` under row security (issue 8). Absent: the
   * database's server as `classbook_app`, password derived from DATABASE_URL's (core/db.ts).
   */
  appDatabaseUrl?: string;
  /** Absent: live events stay in-process. */
  redisUrl?: string;
  dataDir: string;
  logLevel: string;
  sessionTtlHours: number;
  invitationTtlHours: number;
  clientOrigin: string;
  /** Apply pending versioned migrations at start (default: yes, except in production). */
  migrateOnStart: boolean;
  /** Seed the demo school when the database has no school yet. */
  seedDemo: boolean;
  /** Absent: e-mail (digests) is written to `DATA_DIR/outbox` instead of being sent. */
  smtpUrl?: string;
  mailFrom: string;
  /** Browser origins allowed to call /graphql across origins (CORS_ORIGINS; default CLIENT_ORIGIN). */
  corsOrigins: string[];
  /** Peers whose X-Forwarded-For is believed (the SvelteKit server, a reverse proxy). */
  trustedProxies: string[];
  sessionLifetimes: SessionLifetimes;
  throttle: ThrottleConfig;
  /** 32-byte key (hex) that encrypts TOTP secrets at rest; absent: stored unencrypted. */
  totpEncryptionKey?: string;
  /** Requests an API token may make per window (HTTP 429 past it). */
  apiRateLimit: { points: number; windowSeconds: number };
}

export class ConfigError extends Error {}

/** Parses the environment once, at start-up; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.APP_DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    invitationTtlHours: e.INVITATION_TTL_HOURS,
    clientOrigin: e.CLIENT_ORIGIN,
    migrateOnStart: (e.MIGRATE_ON_START ?? String(e.NODE_ENV !== 'production')) === 'true',
    seedDemo: e.SEED_DEMO === 'true',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    corsOrigins: e.CORS_ORIGINS ? list(e.CORS_ORIGINS) : [e.CLIENT_ORIGIN],
    trustedProxies: list(e.TRUSTED_PROXIES),
    sessionLifetimes: {
      familyTtlHours: e.SESSION_TTL_HOURS,
      familyIdleMinutes: e.SESSION_IDLE_MINUTES,
      staffTtlHours: e.SESSION_STAFF_TTL_HOURS,
      staffIdleMinutes: e.SESSION_STAFF_IDLE_MINUTES,
    },
    throttle: {
      pairFreeFailures: e.SIGNIN_PAIR_FREE_FAILURES,
      pairWindowSeconds: e.SIGNIN_PAIR_WINDOW_SECONDS,
      pairMaxDelaySeconds: e.SIGNIN_PAIR_MAX_DELAY_SECONDS,
      addressFailures: e.SIGNIN_ADDRESS_FAILURES,
      addressWindowSeconds: e.SIGNIN_ADDRESS_WINDOW_SECONDS,
      accountFailures: e.SIGNIN_ACCOUNT_FAILURES,
      accountWindowSeconds: e.SIGNIN_ACCOUNT_WINDOW_SECONDS,
      accountDelaySeconds: e.SIGNIN_ACCOUNT_DELAY_SECONDS,
    },
    totpEncryptionKey: e.TOTP_ENCRYPTION_KEY,
    apiRateLimit: { points: e.API_RATE_LIMIT, windowSeconds: e.API_RATE_LIMIT_WINDOW_SECONDS },
  };
}
