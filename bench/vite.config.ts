import { defineConfig } from 'vite';

/** Builds the in-browser benchmarks (`npm run bench`); never part of the app. */
export default defineConfig({
  root: 'bench/browser',
  base: './',
  build: {
    minify: !process.env.BENCH_PROFILE,
    outDir: '../../dist/bench',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4000,
  },
  logLevel: 'warn',
});
