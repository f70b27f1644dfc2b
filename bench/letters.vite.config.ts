import { defineConfig } from 'vite';

/** Builds the in-browser letter printing check (bench/commitmentPrintBrowser.ts); never part of the app. */
export default defineConfig({
  root: 'bench/letters',
  base: './',
  build: {
    outDir: '../../dist/bench-letters',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4000,
  },
  logLevel: 'warn',
});
