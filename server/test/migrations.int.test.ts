import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrm, migrateUp, withDatabase } from '../src/core/db.js';
import { migrations } from '../src/migrations/index.js';

describe('migrations', () => {
  let db: { url: string; drop(): Promise<void> };
  let orm: MikroORM;

  beforeAll(async () => {
    // An empty database, not the migrated template: migrations must build everything from nothing.
    const serverUrl = inject('dbServerUrl');
    const name = `cb_t_${inject('templateDb').replace(/^cb_tpl_/, '')}_empty${process.pid}`;
    const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    db = {
      url: withDatabase(serverUrl, name),
      drop: async () => {
        const c = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
    orm = await createOrm(db.url);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  it('apply in order from an empty database', async () => {
    const applied = await migrateUp(orm);
    expect(applied).toEqual(migrations.map((m) => m.name));
    expect(applied.length).toBeGreaterThan(0);
    expect(await migrateUp(orm)).toEqual([]);
  });

  it('leave the schema exactly as the entities describe it', async () => {
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
    expect(diff.trim()).toBe('');
  });
});
