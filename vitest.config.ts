import { defineConfig } from 'vitest/config';

/**
 * Tests start real platforms and databases, print real PDFs and run property checks: give them room on
 * a busy machine (CI shares two cores between every project).
 */
const testTimeout = 20_000;

/**
 * No on-disk module cache: tests that read their folder's sources through `import.meta.glob` (the
 * message-coverage tests) were served a cached transform that missed files added since.
 */
const fsModuleCache = false;

const nodeProject = (name: string, include: string[]) => ({
  test: { name, include, environment: 'node' as const, testTimeout, fsModuleCache },
});

export default defineConfig({
  test: {
    fsModuleCache,
    projects: [
      nodeProject('shared', ['shared/**/*.test.ts']),
      nodeProject('server', ['server/**/*.test.ts']),
      nodeProject('electron', ['electron/**/*.test.ts']),
      {
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['renderer/test-setup.ts'],
          testTimeout,
          fsModuleCache,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout,
          environment: 'node',
          setupFiles: ['renderer/test-setup.ts'],
          fsModuleCache,
        },
      },
    ],
  },
});
