// R-DATA-1: the backup commands pick a pg_dump that can read the server (its major or newer).
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pgToolFor } from './pg-tools.js';

let root: string;

/** A stand-in client tool that only answers --version, as Debian's do. */
async function fakeTool(major: number) {
  const bin = join(root, String(major), 'bin');
  await mkdir(bin, { recursive: true });
  const path = join(bin, 'pg_dump');
  await writeFile(path, `#!/bin/sh\necho "pg_dump (PostgreSQL) ${major}.3 (Debian)"\n`);
  await chmod(path, 0o755);
  return path;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'classbook-pg-'));
  await fakeTool(14);
  await fakeTool(16);
  await fakeTool(17);
  vi.stubEnv('PG_BIN_DIR', '');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

describe('choosing pg_dump (R-DATA-1)', () => {
  it("R-DATA-1: the server's own major version first", async () => {
    expect(await pgToolFor('pg_dump', 16, root)).toBe(join(root, '16', 'bin', 'pg_dump'));
  });

  it('R-DATA-1: else the oldest newer one installed beside it, never an older one', async () => {
    expect(await pgToolFor('pg_dump', 15, root)).toBe(join(root, '16', 'bin', 'pg_dump'));
  });

  it('R-DATA-1: none new enough: an error that says what to install', async () => {
    await expect(pgToolFor('pg_dump', 99, root)).rejects.toThrow(
      /no pg_dump for PostgreSQL 99.*install the PostgreSQL 99 client tools or point PG_BIN_DIR at them/,
    );
  });

  it('R-DATA-1: PG_BIN_DIR, when set, is the only place looked at', async () => {
    vi.stubEnv('PG_BIN_DIR', join(root, '14', 'bin'));
    try {
      await expect(pgToolFor('pg_dump', 16, root)).rejects.toThrow(
        `found only ${join(root, '14', 'bin', 'pg_dump')} (PostgreSQL 14)`,
      );
      expect(await pgToolFor('pg_dump', 14, root)).toBe(join(root, '14', 'bin', 'pg_dump'));
    } finally {
      vi.stubEnv('PG_BIN_DIR', '');
    }
  });
});
