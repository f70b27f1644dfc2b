import { defineConfig } from 'vitest/config';

/** Server and integration tests start real platforms and databases: give them room on a busy machine. */
const slowTestTimeout = 20_000;

/**
 * No on-disk module cache: tests that read their folder's sources through `import.meta.glob` (the
 * message-coverage tests) were served a cached transform that missed files added since.
 */
const fsModuleCache = false;

const nodeProject = (name: string, include: string[], testTimeout?: number) => ({
  test: { name, include, environment: 'node' as const, testTimeout, fsModuleCache },
});

export default defineConfig({
  test: {
    fsModuleCache,
    projects: [
      nodeProject('shared', ['shared/**/*.test.ts']),
      nodeProject('server', ['server/**/*.test.ts'], slowTestTimeout),
      nodeProject('electron', ['electron/**/*.test.ts']),
      {
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['renderer/test-setup.ts'],
          fsModuleCache,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: slowTestTimeout,
          environment: 'node',
          setupFiles: ['renderer/test-setup.ts'],
          fsModuleCache,
        },
      },
    ],
  },
});
