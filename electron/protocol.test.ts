import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, decodePathSegments } from './protocol.ts';

const csp = "default-src 'self'";
const indexHtml = '<!doctype html><title>CreditDesk</title>';
const secret = 'TOP-SECRET-OUTSIDE-ROOT';
let base: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'creditdesk-protocol-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), indexHtml);
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app-1a2b.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), secret);
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'page'), secret);
  symlinkSync(join(base, 'secret.txt'), join(root, 'link-out.txt'));
  symlinkSync(join(base, 'outside'), join(root, 'linkdir'));
  symlinkSync(join(root, 'assets', 'app-1a2b.js'), join(root, 'alias.js'));
  handler = createAppProtocolHandler({ rootDir: root, csp: () => csp });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (path: string, init?: RequestInit) => handler(new Request(`app://creditdesk${path}`, init));

describe('app:// protocol handler', () => {
  it('serves index.html for the root with the CSP and nosniff headers', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(indexHtml);
  });

  it('serves assets with their content type', async () => {
    const script = await get('/assets/app-1a2b.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('/assets/app-1a2b.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('follows a symlink that stays inside the root', async () => {
    expect(await (await get('/alias.js')).text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client routes but not for missing files', async () => {
    const route = await get('/subjects/0192-abc?tab=records');
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(indexHtml);
    const missing = await get('/assets/missing-9f9f.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(csp);
  });

  it.each([
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2Ftmp%2Fsecret.txt',
    '/C:%5Csecret.txt',
    '/assets%00/app-1a2b.js',
    '/%E0%A4%A',
    '/link-out.txt',
    '/linkdir/page',
  ])('answers 404 and never the outside file for %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(secret);
  });

  it('keeps dot segments the URL parser resolved inside the root', async () => {
    const response = await get('/assets/../../secret.txt');
    expect(response.status).toBe(404);
  });

  it('refuses other hosts and methods', async () => {
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await get('/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('/index.html', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('never returns the outside file whatever the path', async () => {
    const piece = fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E',
      '%2f',
      '%5c',
      '/',
      '\\',
      'assets',
      'secret.txt',
      'linkdir',
      'page',
      '%00',
      'C:',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        const response = await get(`/${pieces.join('')}`);
        expect(await response.text()).not.toContain(secret);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodePathSegments', () => {
  it('decodes ordinary segments and drops empty ones', () => {
    expect(decodePathSegments('/assets//%E4%BF%A1%E7%94%A8.svg')).toEqual(['assets', '信用.svg']);
  });

  it.each(['/a/%2e%2e/b', '/a/.', '/a%2fb', '/a%5Cb', '/c%3A', '/a%00', '/%ZZ'])('rejects %s', (path) => {
    expect(decodePathSegments(path)).toBeNull();
  });
});
