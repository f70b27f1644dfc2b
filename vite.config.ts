import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { browserContentSecurityPolicy } from './electron/csp.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * Writes the plain-browser build's Content-Security-Policy into index.html from electron/csp.ts, the one
 * source of the policy. The desktop shell removes it and sends its own as a header (electron/protocol.ts).
 */
const contentSecurityPolicyMeta: Plugin = {
  name: 'creditdesk-content-security-policy',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: browserContentSecurityPolicy },
      injectTo: 'head-prepend',
    },
  ],
};

/** Builds the renderer: the same bundle runs in Electron (app:// scheme) and in a plain browser. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
  },
  preview: { host: '127.0.0.1' },
});
