/**
 * The operators' page for tablets (`/admin/tablet`): how to install the field shell on a tablet (its
 * address and a QR code of it) and a one-time enrolment code with a QR code of the enrolment link the
 * shell opens filled in (shared/sync/enrollmentLink.ts). The code is the platform's ordinary device
 * enrolment code (accounts/devices.ts). HTTP Basic auth as for the operator API, with the browser's
 * sign-in prompt; a code is issued only by a POST from this page's own origin.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { enrollmentLink } from '../../shared/sync/enrollmentLink.ts';
import type { CountyInfo } from '../../shared/sync/protocol.ts';
import { listCounties } from '../accounts/counties.ts';
import { createEnrollmentCode } from '../accounts/devices.ts';
import type { Operator } from '../accounts/operators.ts';
import { Problem } from '../problem.ts';
import { operatorOfBasicAuth } from './admin.ts';
import type { PlatformContext } from './context.ts';
import { header } from './guards.ts';
import { type PageLanguage, tabletPageText } from './tabletPageText.ts';

export const tabletPagePath = '/admin/tablet';
/** How long a code issued on the page stays valid. */
export const tabletCodeHours = 24;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

const qrSvg = (text: string) => QRCode.toString(text, { type: 'svg', margin: 1, width: 240 });

function languageOf(request: FastifyRequest): PageLanguage {
  return (request.query as { lang?: string }).lang === 'en' ? 'en' : 'zh-CN';
}

/** The platform's address as the browser reached it (behind a TLS proxy, the scheme it forwarded). */
function originOf(request: FastifyRequest): string {
  const scheme = header(request, 'x-forwarded-proto') === 'https' ? 'https' : request.protocol;
  return `${scheme}://${header(request, 'host') ?? ''}`;
}

/** Whether the request comes from a page of this platform's own host (any scheme a proxy may change). */
function fromOwnPage(request: FastifyRequest): boolean {
  const origin = header(request, 'origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === header(request, 'host');
  } catch {
    return false;
  }
}

interface Issued {
  code: string;
  county: string;
  expiresAt: string;
}

async function render(
  context: PlatformContext,
  request: FastifyRequest,
  operator: Operator,
  issued: Issued | null,
): Promise<string> {
  const language = languageOf(request);
  const text = tabletPageText[language];
  const shellUrl = context.fieldShellUrl;
  const counties = operator.county === null ? await listCounties(context.db) : [];
  const other = language === 'en' ? 'zh-CN' : 'en';
  const install = shellUrl
    ? `<p>${text.installSteps}</p>
      <p><a href="${escapeHtml(shellUrl)}" data-testid="shell-url">${escapeHtml(shellUrl)}</a></p>
      <figure data-testid="shell-qr">${await qrSvg(shellUrl)}<figcaption>${text.shellQr}</figcaption></figure>`
    : `<p class="warn">${text.noShellUrl}</p>`;
  const countyInput =
    operator.county === null
      ? `<label>${text.county} <select name="county" required>${counties
          .map(
            (county: CountyInfo) =>
              `<option value="${county.code}">${escapeHtml(county.name[language])} (${county.code})</option>`,
          )
          .join('')}</select></label>`
      : `<p>${text.countyFixed} ${escapeHtml(operator.county)}</p>`;
  let code = '';
  if (issued) {
    const link = shellUrl
      ? enrollmentLink(shellUrl, { platform: originOf(request), county: issued.county, code: issued.code })
      : '';
    code = `<section class="issued" data-testid="issued">
      <p>${text.issued}</p>
      <p class="code" data-testid="enrollment-code">${escapeHtml(issued.code)}</p>
      <p>${text.expires.replace('{{at}}', escapeHtml(new Date(issued.expiresAt).toLocaleString(language, { timeZone: 'Asia/Shanghai' })))}</p>
      ${
        link
          ? `<figure data-testid="enrollment-qr">${await qrSvg(link)}<figcaption>${text.enrollQr}</figcaption></figure>
             <p><a href="${escapeHtml(link)}" data-testid="enrollment-link">${text.enrollLink}</a></p>`
          : `<p>${text.enrollManually.replace('{{platform}}', escapeHtml(originOf(request)))}</p>`
      }
    </section>`;
  }
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<style>
  body { font-family: system-ui, "Microsoft YaHei", "PingFang SC", sans-serif; max-width: 760px; margin: 2rem auto; padding: 0 1rem; color: #212529; line-height: 1.6; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
  section { border: 1px solid #dee2e6; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
  figure { margin: 0.5rem 0; } figure svg { width: 240px; height: 240px; }
  figcaption { color: #868e96; font-size: 0.9rem; }
  button { font-size: 1rem; padding: 0.6rem 1.2rem; border: 0; border-radius: 6px; background: #1c7ed6; color: #fff; cursor: pointer; }
  .code { font: 700 1.8rem ui-monospace, monospace; letter-spacing: 0.1em; }
  .warn { color: #e8590c; } .issued { background: #f1f8ff; }
  nav { text-align: right; }
</style>
</head>
<body>
<nav><a href="?lang=${other}">${text.otherLanguage}</a></nav>
<h1>${text.title}</h1>
<p>${text.intro}</p>
<h2>${text.installTitle}</h2>
<section>${install}</section>
<h2>${text.enrollTitle}</h2>
<section>
  <p>${text.enrollSteps.replace('{{hours}}', String(tabletCodeHours))}</p>
  <form method="post" action="${tabletPagePath}?lang=${language}">
    ${countyInput}
    <button type="submit">${text.issue}</button>
  </form>
  ${code}
</section>
<p><small>${text.signedInAs} ${escapeHtml(operator.username)}</small></p>
</body>
</html>`;
}

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'",
    )
    .send(html);
}

/** The operator, or a 401 page asking the browser for the operator's name and password. */
async function pageOperator(
  context: PlatformContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Operator | null> {
  try {
    return await operatorOfBasicAuth(context, request);
  } catch (error) {
    if (!(error instanceof Problem) || error.status !== 401) throw error;
    reply.header('www-authenticate', 'Basic realm="CreditDesk platform", charset="UTF-8"');
    await sendPage(
      reply,
      401,
      `<!doctype html><meta charset="utf-8"><p>${tabletPageText[languageOf(request)].signIn}</p>`,
    );
    return null;
  }
}

export function registerTabletPage(app: FastifyInstance, context: PlatformContext): void {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    scope.get(tabletPagePath, async (request, reply) => {
      const operator = await pageOperator(context, request, reply);
      if (!operator) return reply;
      return sendPage(reply, 200, await render(context, request, operator, null));
    });

    scope.post(tabletPagePath, async (request, reply) => {
      const operator = await pageOperator(context, request, reply);
      if (!operator) return reply;
      const text = tabletPageText[languageOf(request)];
      // Browsers send the operator's credentials with any site's form: only this page may issue a code.
      if (!fromOwnPage(request)) {
        return sendPage(reply, 403, `<!doctype html><meta charset="utf-8"><p>${text.foreignOrigin}</p>`);
      }
      const requested = (request.body as { county?: string } | undefined)?.county ?? '';
      const county = operator.county ?? requested;
      if (!/^\d{6}$/.test(county)) {
        return sendPage(reply, 400, `<!doctype html><meta charset="utf-8"><p>${text.countyRequired}</p>`);
      }
      const issued = await createEnrollmentCode(context.db, {
        county,
        createdBy: operator.id,
        expiresAt: new Date(Date.now() + tabletCodeHours * 3_600_000),
      });
      request.log.info({ operator: operator.username, county }, 'enrollment code issued for a tablet');
      return sendPage(reply, 201, await render(context, request, operator, issued));
    });
  });
}
