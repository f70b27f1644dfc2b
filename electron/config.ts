import { isAbsolute } from 'node:path';

/** How the shell was started: read once from the environment in `main.ts`. */
export interface ShellConfig {
  /** Vite dev server URL to load instead of `dist/renderer` (development only), or null. */
  rendererDevUrl: string | null;
  /** Platform server URL handed to the renderer through appInfo(); '' when none was given. */
  platformUrl: string;
  /** True when started with demo data (`npm start`). */
  demo: boolean;
  /** With `demo`: the demo platform's one-time enrollment code, or ''. */
  demoEnrollmentCode: string;
  /** Separate profile directory for tests and demos (development only), or null for the OS default. */
  userDataDir: string | null;
}

export type ShellEnvironment = Readonly<Record<string, string | undefined>>;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    const httpLike = url.protocol === 'http:' || url.protocol === 'https:';
    return httpLike && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Reads CREDITDESK_RENDERER_URL, CREDITDESK_PLATFORM_URL, CREDITDESK_DEMO (+ CREDITDESK_DEMO_ENROLLMENT_CODE)
 * and CREDITDESK_USER_DATA_DIR.
 * A packaged app ignores the development-only variables, so nobody can point an installed copy at
 * foreign code or a foreign profile through the environment. Rejected values come back as warnings.
 */
export function readShellConfig(
  env: ShellEnvironment,
  isPackaged: boolean,
): { config: ShellConfig; warnings: string[] } {
  const warnings: string[] = [];
  const config: ShellConfig = {
    rendererDevUrl: null,
    platformUrl: '',
    demo: env.CREDITDESK_DEMO === '1',
    demoEnrollmentCode:
      env.CREDITDESK_DEMO === '1' ? (env.CREDITDESK_DEMO_ENROLLMENT_CODE ?? '').slice(0, 64) : '',
    userDataDir: null,
  };

  const devUrl = env.CREDITDESK_RENDERER_URL;
  if (devUrl) {
    const parsed = parseHttpUrl(devUrl);
    if (isPackaged) warnings.push('CREDITDESK_RENDERER_URL is ignored in a packaged app');
    else if (!parsed || !loopbackHosts.has(parsed.hostname)) {
      warnings.push(`CREDITDESK_RENDERER_URL must be an http(s) URL on this machine: ${devUrl}`);
    } else config.rendererDevUrl = parsed.href;
  }

  const platformUrl = env.CREDITDESK_PLATFORM_URL;
  if (platformUrl) {
    const parsed = parseHttpUrl(platformUrl);
    if (parsed) config.platformUrl = parsed.href;
    else warnings.push(`CREDITDESK_PLATFORM_URL must be an http(s) URL without credentials: ${platformUrl}`);
  }

  const userDataDir = env.CREDITDESK_USER_DATA_DIR;
  if (userDataDir) {
    if (isPackaged) warnings.push('CREDITDESK_USER_DATA_DIR is ignored in a packaged app');
    else if (!isAbsolute(userDataDir))
      warnings.push(`CREDITDESK_USER_DATA_DIR must be absolute: ${userDataDir}`);
    else config.userDataDir = userDataDir;
  }
  return { config, warnings };
}
