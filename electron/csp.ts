/** Where the renderer may always connect: itself, a platform server on this machine, and any https server. */
const baseConnectSources = ["'self'", 'http://127.0.0.1:*', 'http://localhost:*', 'https:'];

/**
 * The Content-Security-Policy sent with every `app://` response. `platformUrl` adds the configured
 * platform server's origin when it is plain http on another host (a county LAN server, for instance).
 * Mantine injects <style> elements, hence 'unsafe-inline' for styles only; 'wasm-unsafe-eval' lets
 * WebAssembly modules (hash-wasm) compile without allowing JavaScript eval.
 */
export function contentSecurityPolicy(platformUrl: string): string {
  const connectSources = [...baseConnectSources];
  const platformOrigin = platformUrl === '' ? null : new URL(platformUrl).origin;
  if (
    platformOrigin?.startsWith('http://') &&
    !connectSources.some((source) => sourceCovers(source, platformOrigin))
  ) {
    connectSources.push(platformOrigin);
  }
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src ${connectSources.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sourceCovers(source: string, origin: string): boolean {
  if (!source.endsWith(':*')) return false;
  return origin.startsWith(`${source.slice(0, -2)}:`);
}
