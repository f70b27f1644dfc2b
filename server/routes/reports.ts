/**
 * Reports on the platform: devices register the reports they issue (authenticated); anyone verifies a
 * code or a PDF, on the public /verify page or through its JSON endpoints, within the per-address limits
 * of verifyLimits.ts.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { normalizeVerificationCode } from '../../shared/reports/code.ts';
import {
  type ReportRegistrationResponse,
  reportLimits,
  reportPaths,
  reportRegistrationSchema,
  type VerificationAnswer,
} from '../../shared/reports/protocol.ts';
import { problem } from '../problem.ts';
import { registerReport, verifyCode, verifyFile } from '../reports/registry.ts';
import { verifyLimiters } from '../reports/verifyLimits.ts';
import { pageLanguage, renderVerifyPage } from '../reports/verifyPage.ts';
import type { PlatformContext } from './context.ts';
import { describeZodError, deviceAuthentication, deviceOf } from './guards.ts';

async function answerForCode(context: PlatformContext, raw: string): Promise<VerificationAnswer> {
  const code = normalizeVerificationCode(raw);
  if (!code) return { genuine: false, reason: 'invalidCode' };
  return verifyCode(context.db, context.reportKey, code);
}

export function registerReportRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.post(reportPaths.register, { onRequest: deviceAuthentication(context) }, async (request) => {
    const parsed = reportRegistrationSchema.safeParse(request.body);
    if (!parsed.success) throw problem('invalidBody', { reason: describeZodError(parsed.error) });
    const device = deviceOf(request);
    const registered: ReportRegistrationResponse = await registerReport(
      context.db,
      context.reportKey,
      device,
      parsed.data,
    );
    request.log.info({ deviceId: device.id, code: registered.code }, 'report registered');
    return registered;
  });

  app.get(reportPaths.publicKey, async () => ({
    algorithm: 'Ed25519',
    publicKey: context.reportKey.publicKey,
  }));

  app.register(async (scope) => {
    const limits = await verifyLimiters(scope, context.verifyLimits);
    const refuse = (reply: FastifyReply, seconds: number) => {
      reply.header('retry-after', String(seconds));
      return problem('verifyThrottled', { seconds });
    };

    scope.get<{ Params: { code: string } }>('/verify/v1/codes/:code', async (request, reply) => {
      const wait = await limits.lookup(request);
      if (wait > 0) throw refuse(reply, wait);
      return answerForCode(context, request.params.code);
    });

    scope.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: reportLimits.fileBytes },
      (_request, body, done) => done(null, body),
    );
    scope.post(reportPaths.verifyFile, { bodyLimit: reportLimits.fileBytes }, async (request, reply) => {
      const wait = await limits.upload(request);
      if (wait > 0) throw refuse(reply, wait);
      if (!Buffer.isBuffer(request.body)) {
        throw problem('unsupportedMediaType', { contentType: request.headers['content-type'] ?? '(none)' });
      }
      return verifyFile(context.db, context.reportKey, request.body);
    });

    scope.get<{ Querystring: { code?: string; lang?: string } }>(
      reportPaths.verifyPage,
      async (request, reply) => {
        const language = pageLanguage(request.query.lang, request.headers['accept-language']);
        const code = (request.query.code ?? '').slice(0, 40);
        const wait = code.trim() ? await limits.lookup(request) : 0;
        const answer = code.trim() && wait === 0 ? await answerForCode(context, code) : null;
        if (wait > 0) reply.code(429).header('retry-after', String(wait));
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(
            renderVerifyPage(language, {
              code,
              answer,
              publicKey: context.reportKey.publicKey,
              waitSeconds: wait,
            }),
          );
      },
    );
  });
}
