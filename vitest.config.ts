import { defineConfig } from 'vitest/config';

/**
 * Four kinds of test: unit (pure, fast), integration (each file gets its own database: the
 * embedded one always, PostgreSQL too when DATABASE_URL is set), faults (parts killed and a
 * PostgreSQL server of the test's own stopped part-way) and e2e (the built system in
 * headless Chromium, with axe-core on every page).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'apps/**/*.test.{ts,tsx}', 'content/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/build/**', '**/*.integration.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/**/*.integration.test.{ts,tsx}', 'db/**/*.integration.test.ts', 'apps/**/*.integration.test.{ts,tsx}', 'scripts/**/*.integration.test.ts'],
          exclude: ['**/node_modules/**', '**/build/**'],
          environment: 'node',
          globalSetup: ['db/src/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'faults',
          include: ['faults/**/*.faults.test.ts', 'apps/**/*.faults.test.ts'],
          exclude: ['**/node_modules/**', '**/build/**'],
          environment: 'node',
          globalSetup: ['faults/support/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // One system under test, shared by every journey: run the files one at a time. (Two at
          // a time was tried: on two cores the browser, the system and the runner then contend,
          // and the whole took longer.)
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
