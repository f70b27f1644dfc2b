import { describe, expect, it } from 'vitest';
import { guardWebContents, restrictPermissions } from './guards.ts';
import { createAppUrlMatcher } from './origin.ts';
import { FakeSession, FakeWebContents } from '../test/electron-fakes/fakes.ts';

const isAppUrl = createAppUrlMatcher(null);

function guarded() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  guardWebContents(contents.asElectron(), { isAppUrl, openLink: (url) => opened.push(url) });
  return { contents, opened };
}

describe('guardWebContents', () => {
  it('lets navigation stay inside the app', () => {
    const { contents } = guarded();
    expect(contents.emitPreventable('will-navigate', 'app://creditdesk/subjects')).toBe(false);
    expect(contents.emitPreventable('will-redirect', 'app://creditdesk/')).toBe(false);
  });

  it.each(['https://example.com/', 'http://127.0.0.1:8787/', 'file:///etc/passwd', 'app://creditdesk.evil/'])(
    'blocks navigation and redirects to %s',
    (url) => {
      const { contents } = guarded();
      expect(contents.emitPreventable('will-navigate', url)).toBe(true);
      expect(contents.emitPreventable('will-redirect', url)).toBe(true);
    },
  );

  it('blocks every <webview>', () => {
    expect(guarded().contents.emitPreventable('will-attach-webview')).toBe(true);
  });

  it('denies every new window and hands the link to the opener, which decides (external-links.ts)', () => {
    const { contents, opened } = guarded();
    const open = (url: string) =>
      contents.windowOpenHandler?.({
        url,
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: '', policy: 'default' },
      });
    const urls = [
      'https://www.mohurd.gov.cn/',
      'http://insecure.example/',
      'javascript:alert(1)',
      'app://creditdesk/',
    ];
    for (const url of urls) expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual(urls);
  });
});

describe('restrictPermissions', () => {
  const session = new FakeSession();
  restrictPermissions(session.asElectron(), isAppUrl);

  it('grants the app clipboard writing and persistent storage only', async () => {
    expect(await session.request('clipboard-sanitized-write', 'app://creditdesk/subjects')).toBe(true);
    expect(await session.request('persistent-storage', 'app://creditdesk/')).toBe(true);
    expect(session.check('clipboard-sanitized-write', 'app://creditdesk')).toBe(true);
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'unknown'])(
    'denies %s even to the app',
    async (permission) => {
      expect(await session.request(permission, 'app://creditdesk/')).toBe(false);
      expect(session.check(permission, 'app://creditdesk')).toBe(false);
    },
  );

  it('denies everything to other origins', async () => {
    expect(await session.request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(session.check('persistent-storage', 'https://evil.example')).toBe(false);
  });
});
