import { defineConfig } from 'vitest/config';

// One test command for the whole repo (`pnpm test`): server suites and browser tests, with a JSON
// report that .ci/run turns into its `N passed, N failed` line.
const graphqlAlias = {
  // Two copies of graphql under vitest break `instanceof` checks (STACK.md).
  graphql: 'graphql/index.js',
};

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'server',
          root: 'server',
          include: ['src/**/*.test.ts', 'seeds/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: graphqlAlias },
        test: {
          // The client's pure modules and stores (issue 6), without a browser.
          name: 'client',
          root: 'client',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          // The benchmark's data generator (pure, no database); the benchmark itself is `pnpm bench`.
          name: 'bench',
          root: 'bench',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias: graphqlAlias },
        test: {
          name: 'e2e',
          root: 'client',
          include: ['e2e/**/*.e2e.test.ts'],
          // The server's global setup migrates the template database that startTestApp clones;
          // ours builds the client once (adapter-node) for the tests to start.
          globalSetup: ['../server/test/global-setup.ts', 'e2e/global-setup.ts'],
          setupFiles: ['../server/test/setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
