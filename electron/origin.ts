/** The privileged scheme and host the packaged renderer is served from: `app://creditdesk/…`. */
export const appScheme = 'app';
export const appHost = 'creditdesk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/`;

/**
 * Decides whether a URL belongs to the app itself. Compares scheme and host with a real URL parser
 * (Node reports the origin of a custom scheme as 'null', and prefix checks let `app://creditdesk.evil` in).
 * `devOrigin` is the Vite dev server origin when one is configured.
 */
export function createAppUrlMatcher(devOrigin: string | null): (url: string) => boolean {
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.username !== '' || parsed.password !== '') return false;
    if (parsed.protocol === `${appScheme}:`) return parsed.host.toLowerCase() === appHost;
    return devOrigin !== null && parsed.origin === devOrigin;
  };
}
