import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('locks everything to the app except the platform server connections', () => {
    const policy = directives(contentSecurityPolicy(''));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:*',
      'http://localhost:*',
      'https:',
    ]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows script eval or inline scripts', () => {
    const script = directives(contentSecurityPolicy('http://10.1.2.3:8080/')).get('script-src') ?? [];
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
  });

  it('adds a plain-http platform server on another host', () => {
    const connect = directives(contentSecurityPolicy('http://10.1.2.3:8080/api/')).get('connect-src');
    expect(connect).toContain('http://10.1.2.3:8080');
  });

  it('adds nothing for servers the base sources already cover', () => {
    const base = contentSecurityPolicy('');
    expect(contentSecurityPolicy('https://platform.example.gov.cn/')).toBe(base);
    expect(contentSecurityPolicy('http://127.0.0.1:8787/')).toBe(base);
    expect(contentSecurityPolicy('http://localhost:3000')).toBe(base);
  });
});
