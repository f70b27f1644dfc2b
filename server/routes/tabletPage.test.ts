import { describe, expect, it } from 'vitest';
import { enrollmentFromQuery } from '../../shared/sync/enrollmentLink.ts';
import { syncPaths } from '../../shared/sync/protocol.ts';
import { addOperator } from '../accounts/operators.ts';
import { http, protocolHeaders, usePlatform } from '../test/harness.ts';
import { tabletPagePath } from './tabletPage.ts';

const shellUrl = 'https://field.example.cn/creditdesk/';
const password = 'correct horse battery';
const basic = (username: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

async function page(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, html: await response.text() };
}

describe('the operators’ page for tablets', () => {
  const env = usePlatform('pglite', { fieldShellUrl: shellUrl });

  it('asks the browser for an operator’s credentials', async () => {
    const asked = await page(`${env.url}${tabletPagePath}`);
    expect(asked.status).toBe(401);
    expect(asked.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(asked.html).toContain('运维账号');
    const wrong = await page(`${env.url}${tabletPagePath}?lang=en`, {
      headers: { authorization: basic('nobody') },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('operator account');
  });

  it('shows the shell’s address with its QR code, and issues a code that enrolls a tablet once', async () => {
    const county = await env.newCounty();
    await addOperator(env.platform.database, { username: `tablets-${county}`, password, county });
    const authorization = basic(`tablets-${county}`);
    const shown = await page(`${env.url}${tabletPagePath}`, { headers: { authorization } });
    expect(shown.status).toBe(200);
    expect(shown.html).toContain(`href="${shellUrl}"`);
    expect(shown.html).toMatch(/data-testid="shell-qr"><svg/);
    expect(shown.html).toContain('生成登记码');
    expect(
      (await page(`${env.url}${tabletPagePath}?lang=en`, { headers: { authorization } })).html,
    ).toContain('Issue an enrolment code');

    // Another site's form cannot make the operator's browser issue a code.
    const post = (origin: string) =>
      page(`${env.url}${tabletPagePath}`, {
        method: 'POST',
        headers: { authorization, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      });
    expect((await post('https://elsewhere.example')).status).toBe(403);
    const issued = await post(env.url);
    expect(issued.status).toBe(201);
    const href = /href="([^"]+)" data-testid="enrollment-link"/.exec(issued.html)?.[1] ?? '';
    const link = href.replaceAll('&amp;', '&');
    const parts = enrollmentFromQuery(new URL(link).search);
    expect(parts).toMatchObject({ platform: env.url, county });
    expect(issued.html).toContain(`data-testid="enrollment-code">${parts!.code}<`);

    // The link's code is the platform's ordinary enrolment code: it enrolls one device, once.
    const enroll = () =>
      http<{ deviceId: string }>(`${env.url}${syncPaths.enroll}`, {
        method: 'POST',
        headers: { ...protocolHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify({ code: parts!.code, deviceName: 'inspection tablet' }),
      });
    expect((await enroll()).status).toBe(201);
    expect((await enroll()).status).toBe(401);
  });

  it('lets a city operator choose the county', async () => {
    const county = await env.newCounty();
    await addOperator(env.platform.database, { username: 'city-tablets', password, county: null });
    const authorization = basic('city-tablets');
    const shown = await page(`${env.url}${tabletPagePath}`, { headers: { authorization } });
    expect(shown.html).toContain(`<option value="${county}">`);
    const issue = (body: string) =>
      page(`${env.url}${tabletPagePath}`, {
        method: 'POST',
        headers: { authorization, origin: env.url, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    expect((await issue('')).status).toBe(400);
    const issued = await issue(`county=${county}`);
    expect(issued.status).toBe(201);
    expect(issued.html).toContain(`enrollCounty=${county}`);
  });
});
