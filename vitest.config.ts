import { defineConfig } from 'vitest/config';

/** Server and integration tests start real platforms and databases: give them room on a busy machine. */
const slowTestTimeout = 20_000;

const nodeProject = (name: string, include: string[], testTimeout?: number) => ({
  test: { name, include, environment: 'node' as const, testTimeout },
});

export default defineConfig({
  test: {
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
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: slowTestTimeout,
          environment: 'node',
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
    ],
  },
});
