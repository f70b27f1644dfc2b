import { defineConfig } from 'vite';

/** Builds the in-browser list pages benchmark (bench/listPages.ts); never part of the app. */
export default defineConfig({
  root: 'bench/listPages',
  base: './',
  build: {
    outDir: '../../dist/bench-list-pages',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4000,
  },
  logLevel: 'warn',
});
