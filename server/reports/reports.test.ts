import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reportPaths, signedReportText } from '../../shared/reports/protocol.ts';
import { syntheticSubject } from '../fixtures/subjects.ts';
import { createRows, http, protocolHeaders, type TestDevice, usePlatform } from '../test/harness.ts';

const pdf = new TextEncoder().encode('%PDF-1.7\n% a credit report\n%%EOF\n');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function registration(subjectId: string, overrides: Record<string, string> = {}) {
  return {
    code: 'K7QF-3MZP-W9RX',
    contentHash: sha256(pdf),
    subjectId,
    reportNumber: 'XYBG-400001-20261001-K7QF',
    officeName: '测试县住房和城乡建设局',
    issuedAt: '2026-10-01T02:00:00.000Z',
    ...overrides,
  };
}

function register(device: TestDevice, body: unknown) {
  return http<Record<string, unknown>>(`${device.url}${reportPaths.register}`, {
    method: 'POST',
    headers: {
      ...protocolHeaders(),
      authorization: `Bearer ${device.token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

function verifyBytes(url: string, bytes: Uint8Array) {
  return http<Record<string, unknown>>(`${url}${reportPaths.verifyFile}`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf' },
    body: bytes,
  });
}

describe('report registration and /verify', () => {
  const env = usePlatform('pglite');
  let home: TestDevice;
  let other: TestDevice;
  let subjectId: string;

  it('registers a report of a subject of the device’s county and signs it with the city key', async () => {
    const county = await env.newCounty();
    home = await env.enroll(county);
    other = await env.enroll(await env.newCounty());
    const subject = syntheticSubject(county);
    subjectId = subject.id;
    const pushed = await home.push('subjects', createRows([subject]));
    expect(pushed.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });

    const registered = await register(home, registration(subjectId));
    expect(registered.status).toBe(200);
    const key = await http<{ algorithm: string; publicKey: string }>(`${env.url}${reportPaths.publicKey}`);
    expect(key.body.algorithm).toBe('Ed25519');
    const publicKey = await webcrypto.subtle.importKey(
      'raw',
      Buffer.from(key.body.publicKey, 'base64url'),
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
    const signed = signedReportText({ ...registration(subjectId), county });
    const valid = await webcrypto.subtle.verify(
      'Ed25519',
      publicKey,
      Buffer.from(String(registered.body.signature), 'base64url'),
      Buffer.from(signed, 'utf8'),
    );
    expect(valid).toBe(true);
    // Registering again (a retry after a lost answer) changes nothing.
    expect((await register(home, registration(subjectId))).body.signature).toBe(registered.body.signature);
  });

  it('answers a code with genuine, the issuing office and the issue time, nothing more', async () => {
    const answer = await http(`${env.url}${reportPaths.verifyCode('k7qf 3mzp w9rx')}`);
    expect(answer.body).toEqual({
      genuine: true,
      code: 'K7QF-3MZP-W9RX',
      officeName: '测试县住房和城乡建设局',
      countyName: expect.stringMatching(/^测试县\d+$/),
      issuedAt: '2026-10-01T02:00:00.000Z',
    });
  });

  it('tells an unknown code and a malformed code apart', async () => {
    expect((await http(`${env.url}${reportPaths.verifyCode('AAAA-BBBB-CCCC')}`)).body).toEqual({
      genuine: false,
      reason: 'unknownCode',
    });
    expect((await http(`${env.url}${reportPaths.verifyCode('hello')}`)).body).toEqual({
      genuine: false,
      reason: 'invalidCode',
    });
  });

  it('accepts the registered PDF and refuses it with one byte altered', async () => {
    expect((await verifyBytes(env.url, pdf)).body).toMatchObject({ genuine: true, code: 'K7QF-3MZP-W9RX' });
    const altered = pdf.slice();
    altered[12] = altered[12]! ^ 1;
    expect((await verifyBytes(env.url, altered)).body).toEqual({ genuine: false, reason: 'notRegistered' });
    expect((await verifyBytes(env.url, new TextEncoder().encode('not a pdf'))).body).toEqual({
      genuine: false,
      reason: 'notPdf',
    });
  });

  it('refuses a report on a subject of another county, an unknown subject and a code already used', async () => {
    const foreign = await register(other, registration(subjectId, { code: 'AAAA-BBBB-CCCD' }));
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe('reportSubjectOutsideCounty');
    const unknown = await register(
      home,
      registration('0190a000-0000-7000-8000-00000000ffff', { code: 'AAAA-BBBB-CCCE' }),
    );
    expect(unknown.status).toBe(409);
    expect(unknown.body.error).toBe('reportSubjectNotSynced');
    const taken = await register(home, registration(subjectId, { contentHash: 'a'.repeat(64) }));
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('reportCodeTaken');
    expect((await http(`${env.url}${reportPaths.verifyCode('AAAA-BBBB-CCCD')}`)).body).toMatchObject({
      genuine: false,
    });
  });

  it('refuses registration without a device token', async () => {
    const anonymous = await http<{ error: string }>(`${env.url}${reportPaths.register}`, {
      method: 'POST',
      headers: { ...protocolHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify(registration(subjectId)),
    });
    expect(anonymous.status).toBe(401);
  });

  it('serves the /verify page in Chinese and English without the report’s subject or number', async () => {
    const zh = await http<string>(`${env.url}${reportPaths.verifyPage}?code=K7QF-3MZP-W9RX`, {
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.headers.get('content-type')).toContain('text/html');
    expect(zh.body).toContain('报告真实有效');
    expect(zh.body).toContain('测试县住房和城乡建设局');
    expect(zh.body).toContain('2026-10-01 10:00');
    expect(zh.body).not.toContain(subjectId);
    expect(zh.body).not.toContain('XYBG-');
    const en = await http<string>(`${env.url}${reportPaths.verifyPage}?lang=en&code=AAAA-BBBB-CCCC`);
    expect(en.body).toContain('No report carries this code');
    const unchecked = await http<string>(`${env.url}${reportPaths.verifyPage}?lang=en`);
    expect(unchecked.body).toContain('Verify a credit report');
    expect(unchecked.body).not.toContain('No report carries this code');
    expect(unchecked.body).not.toContain('<strong>The report is genuine</strong>');
  });
});

describe('rate limits on /verify', () => {
  const env = usePlatform('pglite', { verifyLimits: { lookups: 3, uploads: 2, windowMs: 60_000 } });

  it('answers code lookups up to the limit per address, then a clear page in either language', async () => {
    for (let i = 0; i < 2; i++) {
      const answer = await http(`${env.url}/verify/v1/codes/AAAA-BBBB-CCCC`);
      expect(answer).toMatchObject({ status: 200, body: { genuine: false, reason: 'unknownCode' } });
    }
    // The page without a code is not a lookup.
    expect((await http(`${env.url}${reportPaths.verifyPage}`)).status).toBe(200);
    const third = await http<string>(`${env.url}${reportPaths.verifyPage}?code=AAAA-BBBB-CCCC`);
    expect(third.status).toBe(200);
    expect(third.body).toContain('未找到该核验码');

    const zh = await http<string>(`${env.url}${reportPaths.verifyPage}?code=AAAA-BBBB-CCCC`);
    expect(zh.status).toBe(429);
    expect(Number(zh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(zh.body).toMatch(/核验次数过多：本网络短时间内核验了太多次，请在 \d+ 秒后重试。/);
    expect(zh.body).not.toContain('未找到该核验码');
    const en = await http<string>(`${env.url}${reportPaths.verifyPage}?lang=en&code=AAAA-BBBB-CCCC`);
    expect(en.status).toBe(429);
    expect(en.body).toMatch(/Too many verifications: .* Try again in \d+ seconds\./);
    const json = await http<Record<string, unknown>>(`${env.url}/verify/v1/codes/AAAA-BBBB-CCCC`);
    expect(json).toMatchObject({
      status: 429,
      body: { error: 'verifyThrottled', code: 429.4, details: { seconds: expect.any(Number) } },
    });
  });

  it('counts uploads apart from lookups', async () => {
    for (let i = 0; i < 2; i++) {
      expect(await verifyBytes(env.url, pdf)).toMatchObject({
        status: 200,
        body: { genuine: false, reason: 'notRegistered' },
      });
    }
    const refused = await verifyBytes(env.url, pdf);
    expect(refused).toMatchObject({ status: 429, body: { error: 'verifyThrottled' } });
  });
});

describe('rate limits on /verify behind a reverse proxy', () => {
  const lookup = (url: string, client: string) =>
    http(`${url}/verify/v1/codes/AAAA-BBBB-CCCC`, { headers: { 'x-forwarded-for': client } });
  const limits = { lookups: 2, uploads: 2, windowMs: 60_000 };
  const trusting = usePlatform('pglite', { verifyLimits: limits, trustProxy: '127.0.0.1' });
  const untrusting = usePlatform('pglite', { verifyLimits: limits });

  it('counts per client named in X-Forwarded-For when the proxy is trusted', async () => {
    for (let i = 0; i < 2; i++) expect((await lookup(trusting.url, '203.0.113.7')).status).toBe(200);
    expect((await lookup(trusting.url, '203.0.113.7')).status).toBe(429);
    // Another client behind the same proxy still gets its answers.
    expect((await lookup(trusting.url, '198.51.100.20')).status).toBe(200);
  });

  it('ignores X-Forwarded-For by default: a client cannot escape the limit by writing it', async () => {
    for (let i = 0; i < 2; i++) expect((await lookup(untrusting.url, `203.0.113.${i}`)).status).toBe(200);
    expect((await lookup(untrusting.url, '203.0.113.99')).status).toBe(429);
  });
});
