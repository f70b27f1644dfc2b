import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  browserContentSecurityPolicy,
  desktopContentSecurityPolicy,
  effectivePolicies,
  withoutMetaPolicies,
} from './csp.ts';
import { createAppProtocolHandler } from './protocol.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('desktopContentSecurityPolicy', () => {
  it('locks everything to the app and connects only to the configured platform', () => {
    const policy = directives(desktopContentSecurityPolicy('https://credit.city.example.gov.cn/api/'));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://credit.city.example.gov.cn']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('allows a plain-http LAN platform and nothing else: no other https host, no local services', () => {
    const connect = directives(desktopContentSecurityPolicy('http://10.1.2.3:8080/sync')).get('connect-src');
    expect(connect).toEqual(["'self'", 'http://10.1.2.3:8080']);
    expect(connect).not.toContain('https:');
    expect(connect?.some((source) => /127\.0\.0\.1|localhost/.test(source))).toBe(false);
  });

  it('connects only to the app itself before a platform is chosen', () => {
    expect(directives(desktopContentSecurityPolicy('')).get('connect-src')).toEqual(["'self'"]);
    expect(directives(desktopContentSecurityPolicy('not a url')).get('connect-src')).toEqual(["'self'"]);
  });

  it('never allows script eval or inline scripts', () => {
    for (const policy of [
      desktopContentSecurityPolicy('http://10.1.2.3:8080/'),
      browserContentSecurityPolicy,
    ]) {
      const script = directives(policy).get('script-src') ?? [];
      expect(script).not.toContain("'unsafe-eval'");
      expect(script).not.toContain("'unsafe-inline'");
    }
  });
});

describe('one policy per shell, from this module', () => {
  const projectDir = fileURLToPath(new URL('..', import.meta.url));

  /** renderer/index.html as the Vite build transforms it, with the project's own vite.config.ts. */
  async function builtIndexHtml(): Promise<string> {
    const server = await createServer({
      configFile: join(projectDir, 'vite.config.ts'),
      logLevel: 'silent',
      server: { middlewareMode: true, ws: false },
      appType: 'custom',
    });
    try {
      const source = readFileSync(join(projectDir, 'renderer/index.html'), 'utf8');
      return await server.transformIndexHtml('/index.html', source);
    } finally {
      await server.close();
    }
  }

  it('the browser build carries exactly the browser policy as its meta element', async () => {
    expect(effectivePolicies(null, await builtIndexHtml())).toEqual([browserContentSecurityPolicy]);
  });

  it('over app:// the header alone applies, so a LAN platform is not narrowed away by the meta policy', async () => {
    const root = mkdtempSync(join(tmpdir(), 'creditdesk-csp-'));
    try {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), await builtIndexHtml());
      const policy = desktopContentSecurityPolicy('http://10.1.2.3:8080/');
      const handler = createAppProtocolHandler({ rootDir: root, csp: () => policy });
      for (const url of ['app://creditdesk/', 'app://creditdesk/index.html', 'app://creditdesk/subjects']) {
        const response = await handler(new Request(url));
        const html = await response.text();
        expect(html).toContain('<div id="root">');
        expect(effectivePolicies(response.headers.get('content-security-policy'), html)).toEqual([policy]);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('withoutMetaPolicies removes only the policy element', () => {
    const html = `<head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;">\n<meta charset="UTF-8" /></head>`;
    expect(effectivePolicies(null, html)).toEqual(["default-src 'self'"]);
    expect(withoutMetaPolicies(html)).toBe('<head><meta charset="UTF-8" /></head>');
  });
});
