import { defineConfig } from 'vite';

/** Builds the in-browser photo bench (bench/photos.ts); never part of the app. */
export default defineConfig({
  root: 'bench/photos',
  base: './',
  build: {
    outDir: '../../dist/bench-photos',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 6000,
  },
  logLevel: 'warn',
});
