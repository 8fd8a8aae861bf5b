import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: embedded database, in-process bus, migrations on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      databaseUrl: undefined,
      redisUrl: undefined,
      migrateOnStart: true,
      seedDemo: false,
    });
  });

  it('does not migrate on start in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).migrateOnStart).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', MIGRATE_ON_START: 'true' }).migrateOnStart).toBe(
      true,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({
      databaseUrl: undefined,
      port: 4000,
    });
  });

  it('names every bad value in one message', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'yes' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
      expect(message).toContain('SEED_DEMO');
    }
  });

  it('issue 8: CORS_ORIGINS is a list of exact origins, defaulting to CLIENT_ORIGIN; no wildcard', () => {
    expect(loadConfig({ CLIENT_ORIGIN: 'https://a.example' }).corsOrigins).toEqual([
      'https://a.example',
    ]);
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example:8443' }).corsOrigins,
    ).toEqual(['https://a.example', 'https://b.example:8443']);
    for (const bad of ['*', 'https://*.example', 'https://a.example/path']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS/);
    }
  });
});
