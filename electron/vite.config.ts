// Builds the main process (ESM) and the preload (CommonJS: sandboxed preloads cannot be ESM) into
// dist/electron. Used as `vite build -c electron/vite.config.ts`; the renderer has its own config.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/electron', import.meta.url));
/** Everything else (zod, shared/) is bundled: the packaged app ships no node_modules. */
const external = ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

function nodeBundle(entry: string, format: 'es' | 'cjs', fileName: string): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true, external },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      rolldownOptions: {
        input: fileURLToPath(new URL(entry, import.meta.url)),
        external,
        output: { format, entryFileNames: fileName, codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  environments: {
    main: nodeBundle('./main.ts', 'es', 'main.js'),
    preload: nodeBundle('./preload.ts', 'cjs', 'preload.cjs'),
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.main!);
      await builder.build(builder.environments.preload!);
    },
  },
});
