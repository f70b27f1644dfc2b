import { readFile, rename, writeFile } from 'node:fs/promises';
import { desktopContentSecurityPolicy, platformOrigin } from './csp.ts';

/** Where the page may connect: the platform server chosen in the app, kept in `userData/platform.json`. */
export interface PlatformAccess {
  /** The platform URL the page may reach ('' when none yet). */
  current(): string;
  /** The Content-Security-Policy for it, computed when the platform was set. */
  policy(): string;
  /** True when `url` is on the platform the page may already reach. */
  allows(url: string): boolean;
  /** Remembers another platform; the window must restart for its policy to apply. */
  change(url: string): Promise<void>;
}

async function readStoredUrl(filePath: string): Promise<string | null> {
  try {
    const { platformUrl } = JSON.parse(await readFile(filePath, 'utf8')) as { platformUrl?: unknown };
    return typeof platformUrl === 'string' && platformOrigin(platformUrl) !== null ? platformUrl : null;
  } catch {
    return null;
  }
}

/**
 * The platform chosen in the app (stored) wins over the one the shell was started with
 * (`CREDITDESK_PLATFORM_URL`), which serves as the first choice of a fresh profile.
 */
export async function openPlatformAccess(filePath: string, startUrl: string): Promise<PlatformAccess> {
  let url = (await readStoredUrl(filePath)) ?? startUrl;
  let policy = desktopContentSecurityPolicy(url);
  return {
    current: () => url,
    policy: () => policy,
    allows: (candidate) => {
      const origin = platformOrigin(candidate);
      return origin !== null && origin === platformOrigin(url);
    },
    async change(next) {
      const temporary = `${filePath}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify({ platformUrl: next })}\n`, { mode: 0o600 });
      await rename(temporary, filePath);
      url = next;
      policy = desktopContentSecurityPolicy(next);
    },
  };
}
