import { defineConfig } from 'vite';

/** Builds the in-browser dashboard figures benchmark (bench/dashboardFigures.ts); never part of the app. */
export default defineConfig({
  root: 'bench/figures',
  base: './',
  build: {
    outDir: '../../dist/bench-figures',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4000,
  },
  logLevel: 'warn',
});
