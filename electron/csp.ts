/**
 * The one source of the app's Content-Security-Policy. The desktop shell sends `desktopContentSecurityPolicy`
 * as a header with every `app://` response (and strips the browser's meta policy from served HTML, see
 * protocol.ts); the Vite build writes `browserContentSecurityPolicy` into index.html as a meta element
 * for the plain-browser build (vite.config.ts).
 */

/**
 * Everything but connections. Mantine injects <style> elements, hence 'unsafe-inline' for styles only.
 * 'wasm-unsafe-eval' lets WebAssembly modules compile (hash-wasm's Argon2 and SHA-256, which key
 * derivation and the audit chain need) without allowing JavaScript eval.
 */
const fixedDirectives = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The origin of an http(s) URL, or null for '' and anything else. */
export function platformOrigin(platformUrl: string): string | null {
  try {
    const url = new URL(platformUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The desktop app's policy: the page may connect to itself and to the one configured platform server
 * (an https server or a plain-http county LAN server), nowhere else, so injected script can neither send
 * data to another host nor probe local services. `frame-ancestors` only works in a header.
 */
export function desktopContentSecurityPolicy(platformUrl: string): string {
  const origin = platformOrigin(platformUrl);
  const connect = origin === null ? "connect-src 'self'" : `connect-src 'self' ${origin}`;
  return [...fixedDirectives, connect, "frame-ancestors 'none'"].join('; ');
}

/**
 * The plain-browser build's policy (a meta element, so no `frame-ancestors`): the platform is chosen in
 * the page at enrollment and the bundle is built once for every county, so any https server and a server
 * on this machine may be reached.
 */
export const browserContentSecurityPolicy = [
  ...fixedDirectives,
  "connect-src 'self' http://127.0.0.1:* http://localhost:* https:",
].join('; ');

/** `<meta http-equiv="Content-Security-Policy" …>` elements, as Vite writes them into index.html. */
const metaPolicyPattern = /<meta\s+http-equiv=["']?content-security-policy["']?[^>]*>\s*/gi;

/** The page without its meta policies: served over app://, the header alone applies. */
export function withoutMetaPolicies(html: string): string {
  return html.replace(metaPolicyPattern, '');
}

/** Every policy a page served with `headerPolicy` is subject to: the header and each meta element. */
export function effectivePolicies(headerPolicy: string | null, html: string): string[] {
  const metas = [...html.matchAll(metaPolicyPattern)].map(
    (match) => /content=(["'])(.*?)\1/i.exec(match[0])?.[2] ?? '',
  );
  return [...(headerPolicy === null ? [] : [headerPolicy]), ...metas.map(decodeAttribute)];
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
