// Writes schema/schema.graphql from the server's code. `--check` fails when the file differs.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../core/config.js';
import { buildBareSchema, printSdl } from '../core/schema.js';

const target = resolve(repoRoot, 'schema/schema.graphql');
const sdl = printSdl(
  await buildBareSchema({ auth: { sessionTtlHours: 1, invitationTtlHours: 1 } }),
);
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== sdl) {
    console.error('schema/schema.graphql is out of date: run `pnpm schema:emit`');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
} else {
  writeFileSync(target, sdl);
  console.log(`wrote ${target}`);
}
