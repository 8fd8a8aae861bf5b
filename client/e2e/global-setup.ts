import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { cleanEnv, clientRoot } from './paths.js';

/**
 * Once per run: build the client with adapter-node, so that the tests drive the same server that
 * ships (no dev-server dependency optimisation reloading pages mid-test). Takes a few seconds.
 */
export default async function buildClient(): Promise<void> {
  const vite = resolve(clientRoot, 'node_modules/vite/bin/vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: clientRoot,
    env: cleanEnv({}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('exit', done);
  });
  if (code !== 0) {
    throw new Error(`e2e: building the client failed (exit ${code}):\n${output}`);
  }
}
