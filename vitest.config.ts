import { defineConfig } from 'vitest/config';

const nodeProject = (name: string, include: string[]) => ({
  test: { name, include, environment: 'node' as const },
});

export default defineConfig({
  test: {
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
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
    ],
  },
});
