import { describe, expect, it } from 'vitest';
import { readShellConfig } from './config.ts';
import { createAppUrlMatcher } from './origin.ts';

describe('readShellConfig', () => {
  it('defaults to the packaged renderer, no platform and no demo', () => {
    expect(readShellConfig({}, false)).toEqual({
      config: {
        rendererDevUrl: null,
        platformUrl: '',
        demo: false,
        demoEnrollmentCode: '',
        userDataDir: null,
      },
      warnings: [],
    });
  });

  it('reads every variable in development', () => {
    const { config, warnings } = readShellConfig(
      {
        CREDITDESK_RENDERER_URL: 'http://localhost:5173',
        CREDITDESK_PLATFORM_URL: 'http://127.0.0.1:8787',
        CREDITDESK_DEMO: '1',
        CREDITDESK_USER_DATA_DIR: '/tmp/creditdesk-profile',
      },
      false,
    );
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      rendererDevUrl: 'http://localhost:5173/',
      platformUrl: 'http://127.0.0.1:8787/',
      demo: true,
      demoEnrollmentCode: '',
      userDataDir: '/tmp/creditdesk-profile',
    });
  });

  it('ignores the development-only variables in a packaged app', () => {
    const { config, warnings } = readShellConfig(
      { CREDITDESK_RENDERER_URL: 'http://localhost:5173', CREDITDESK_USER_DATA_DIR: '/tmp/x' },
      true,
    );
    expect(config.rendererDevUrl).toBeNull();
    expect(config.userDataDir).toBeNull();
    expect(warnings).toHaveLength(2);
  });

  it.each([
    ['CREDITDESK_RENDERER_URL', 'https://cdn.example.com/app'],
    ['CREDITDESK_RENDERER_URL', 'file:///tmp/index.html'],
    ['CREDITDESK_PLATFORM_URL', 'ftp://platform'],
    ['CREDITDESK_PLATFORM_URL', 'https://user:pass@platform.example'],
    ['CREDITDESK_PLATFORM_URL', 'not a url'],
    ['CREDITDESK_USER_DATA_DIR', 'relative/profile'],
  ])('rejects %s=%s with a warning', (name, value) => {
    const { config, warnings } = readShellConfig({ [name]: value }, false);
    expect(warnings).toHaveLength(1);
    expect(config).toEqual(readShellConfig({}, false).config);
  });
});

describe('createAppUrlMatcher', () => {
  const packaged = createAppUrlMatcher(null);
  const dev = createAppUrlMatcher('http://localhost:5173');

  it.each(['app://creditdesk/', 'app://creditdesk/subjects/1?x=1#y', 'app://CREDITDESK/index.html'])(
    'accepts %s',
    (url) => expect(packaged(url)).toBe(true),
  );

  it.each([
    'app://creditdesk.evil/',
    'app://evil/',
    'app://user@creditdesk/',
    'https://creditdesk/',
    'file:///etc/passwd',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'not a url',
  ])('rejects %s without a dev server', (url) => expect(packaged(url)).toBe(false));

  it('accepts the dev server origin only when configured', () => {
    expect(dev('http://localhost:5173/subjects')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://127.0.0.1:5173/')).toBe(false);
    expect(dev('app://creditdesk/')).toBe(true);
  });
});
