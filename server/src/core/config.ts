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
});

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
  };
}
