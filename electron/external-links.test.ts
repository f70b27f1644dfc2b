import { describe, expect, it } from 'vitest';
import { createExternalLinkOpener } from './external-links.ts';

function opener(answer: boolean) {
  const opened: string[] = [];
  const asked: string[] = [];
  const open = createExternalLinkOpener({
    platformUrl: () => 'https://credit.city.example.gov.cn:8443/sync/',
    openExternal: async (url) => {
      opened.push(url);
    },
    confirmLink: async (url) => {
      asked.push(url);
      return answer;
    },
  });
  return { open, opened, asked };
}

describe('createExternalLinkOpener', () => {
  it('opens the vetted sites and the platform server without asking', async () => {
    const { open, opened, asked } = opener(false);
    for (const url of [
      'https://www.creditchina.gov.cn/xinyongxinxi/',
      'https://www.mohurd.gov.cn/gongkai/',
      'https://credit.city.example.gov.cn:8443/help',
    ]) {
      expect(await open(url)).toBe(true);
    }
    expect(opened).toHaveLength(3);
    expect(asked).toEqual([]);
  });

  it('asks before opening any other https link, and opens it only when the user agrees', async () => {
    const declined = opener(false);
    expect(await declined.open('https://evil.example/collect')).toBe(false);
    expect(declined.asked).toEqual(['https://evil.example/collect']);
    expect(declined.opened).toEqual([]);
    const agreed = opener(true);
    expect(await agreed.open('https://www.creditchina.gov.cn.evil.example/')).toBe(true);
    expect(agreed.asked).toEqual(['https://www.creditchina.gov.cn.evil.example/']);
  });

  it('never opens plain http, other schemes or links with credentials, and does not ask', async () => {
    const { open, opened, asked } = opener(true);
    for (const url of [
      'http://www.creditchina.gov.cn/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:pw@www.mohurd.gov.cn/',
      'not a url',
    ]) {
      expect(await open(url)).toBe(false);
    }
    expect(opened).toEqual([]);
    expect(asked).toEqual([]);
  });
});
