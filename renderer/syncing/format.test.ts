import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/index.ts';
import { problemMessage } from './format.ts';

describe('sync problems in the user’s language', () => {
  it('says an unreachable platform in Chinese, without the browser’s English message', async () => {
    const zh = await createI18n('zh-CN');
    const message = problemMessage(zh.t, {
      collection: null,
      error: null,
      message: 'Failed to fetch',
      details: {},
      at: '2026-12-01T00:00:00.000Z',
      retryAt: null,
    });
    expect(message).toContain('无法连接市级平台');
    expect(message).not.toMatch(/[A-Za-z]/);
  });
});
