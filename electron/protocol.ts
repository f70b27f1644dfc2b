import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { withoutMetaPolicies } from './csp.ts';
import { appHost, appScheme } from './origin.ts';

/** Registered before `app.ready`: a standard, secure scheme gets an origin, storage and fetch like https. */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export interface AppProtocolOptions {
  /** The renderer build (`dist/renderer`), holding index.html. */
  rootDir: string;
  /** The Content-Security-Policy header value sent with every response (it changes with the platform). */
  csp: () => string;
}

type Resolution = { kind: 'file'; path: string } | { kind: 'missing' } | { kind: 'refused' };

/**
 * Serves the renderer build for `protocol.handle('app', …)`. Any path that could leave `rootDir`
 * (dot segments, encoded separators, drive letters, symlinks pointing outside) gets 404; a missing
 * path without a file extension is a client-side route and gets index.html.
 */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  let realRoot: string | null = null;
  const headers = (contentType: string): Record<string, string> => ({
    'Content-Type': contentType,
    'Content-Security-Policy': options.csp(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  const status = (code: number, text: string) =>
    new Response(text, { status: code, headers: headers('text/plain; charset=utf-8') });

  async function serve(path: string, method: string): Promise<Response> {
    const extension = extname(path).toLowerCase();
    const contentType = mimeTypes[extension] ?? 'application/octet-stream';
    // The header is the page's only policy: a meta policy (the browser build's) would narrow it further.
    const content = async () =>
      extension === '.html'
        ? withoutMetaPolicies(await readFile(path, 'utf8'))
        : new Uint8Array(await readFile(path));
    const body = method === 'HEAD' ? null : await content();
    return new Response(body, { status: 200, headers: headers(contentType) });
  }

  return async (request) => {
    const url = new URL(request.url);
    if (url.host.toLowerCase() !== appHost) return status(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405, 'Method not allowed');
    const segments = decodePathSegments(url.pathname);
    if (segments === null) return status(404, 'Not found');
    try {
      realRoot ??= await realpath(options.rootDir);
      const resolution = await resolveInside(realRoot, segments);
      if (resolution.kind === 'file') return await serve(resolution.path, request.method);
      if (resolution.kind === 'missing' && isClientRoute(segments)) {
        return await serve(join(realRoot, 'index.html'), request.method);
      }
      return status(404, 'Not found');
    } catch (error) {
      if (isMissingFileError(error)) return status(404, 'Not found');
      console.error(`app protocol: cannot serve ${url.pathname}:`, error);
      return status(500, 'Internal error');
    }
  };
}

/** Splits and decodes a URL path; null when any segment could step outside or name another root. */
export function decodePathSegments(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (decoded === '.' || decoded === '..' || /[/\\:\0]/.test(decoded)) return null;
    segments.push(decoded);
  }
  return segments;
}

async function resolveInside(realRoot: string, segments: string[]): Promise<Resolution> {
  const candidate = join(realRoot, ...segments);
  if (!isWithin(realRoot, candidate)) return { kind: 'refused' };
  let real: string;
  try {
    real = await realpath(candidate);
  } catch (error) {
    if (isMissingFileError(error)) return { kind: 'missing' };
    throw error;
  }
  if (!isWithin(realRoot, real)) return { kind: 'refused' };
  return (await stat(real)).isFile() ? { kind: 'file', path: real } : { kind: 'missing' };
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function isClientRoute(segments: string[]): boolean {
  const last = segments.at(-1);
  return last === undefined || extname(last) === '';
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
