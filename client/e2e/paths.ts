import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const clientRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(clientRoot, '..');
/** Gitignored, like the rest of test-results/. */
export const screenshotDir = resolve(repoRoot, 'test-results/screenshots');

/**
 * The environment for the SvelteKit processes the tests start: without vitest's own variables
 * (VITEST*, TEST, NODE_ENV=test), since SvelteKit's vite plugin behaves differently when it sees
 * them, and a production NODE_ENV as in a deployment.
 */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VITEST') && key !== 'TEST' && key !== 'NODE_ENV') {
      env[key] = value;
    }
  }
  return { ...env, NODE_ENV: 'production', ...extra };
}
