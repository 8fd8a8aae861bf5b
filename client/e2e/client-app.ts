import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cleanEnv, clientRoot, screenshotDir } from './paths.js';

export interface ClientApp {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  /** Headers every browser context must send: see PROTOCOL_HEADER below. */
  browserHeaders: Record<string, string>;
  /** What the server printed, for a failing test's message. */
  output(): string;
  close(): Promise<void>;
}

/**
 * The built client (global-setup.ts builds it) as its own Node process on a free port, talking to
 * the API at `apiUrl`.
 */
export async function startClientApp(apiUrl: string): Promise<ClientApp> {
  const child = spawn(process.execPath, [resolve(clientRoot, 'build/index.js')], {
    cwd: clientRoot,
    env: cleanEnv({
      CLASSBOOK_API_URL: apiUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      // adapter-node 6 takes every request for https unless a trusted proxy header says otherwise,
      // and a form posted from http://… then fails SvelteKit's CSRF origin check (403). The tests
      // stand in for the TLS-terminating proxy: the browser says which protocol it used.
      PROTOCOL_HEADER: 'x-forwarded-proto',
      // adapter-node otherwise waits up to 30 s for open connections when told to stop.
      SHUTDOWN_TIMEOUT: '1',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`e2e: the client did not start:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`e2e: the client exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    browserHeaders: { 'x-forwarded-proto': 'http' },
    output: () => output,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Debian's Chromium (no browser download is possible on the CI machines). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** Saves `test-results/screenshots/<name>-phone.png` and `<name>-desktop.png`. */
export async function screenshots(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  const original = page.viewportSize();
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: resolve(screenshotDir, `${name}-${size}.png`), fullPage: true });
  }
  if (original) {
    await page.setViewportSize(original);
  }
}
