import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name = 'classbook'): Logger {
  return pino({
    name,
    level,
    // Never log credentials or tokens, even at debug level.
    redact: ['req.headers.authorization', '*.password', '*.token'],
  });
}
