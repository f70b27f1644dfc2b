/** The Fastify application: plugins, error mapping, metrics hooks and routes. */
import compress from '@fastify/compress';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { syncHeaders, syncLimits } from '../shared/sync/protocol.ts';
import { problem, sendProblem, toProblem } from './problem.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerBlobRoutes } from './routes/blobs.ts';
import { registerReportRoutes } from './routes/reports.ts';
import type { PlatformContext } from './routes/context.ts';
import { registerStreamRoute } from './routes/stream.ts';
import { registerSyncRoutes } from './routes/sync.ts';
import { registerSystemRoutes } from './routes/system.ts';
import { registerTabletPage } from './routes/tabletPage.ts';

export interface AppOptions {
  logLevel: string;
  version: string;
  /** Reverse proxies whose X-Forwarded-For is believed (see PlatformOptions.trustProxy). */
  trustProxy?: string;
}

/**
 * Devices authenticate with bearer tokens, never cookies, so any origin may call the API (the app's
 * renderer runs from file:// or a dev server). Preflights are answered for every path.
 */
function allowCrossOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.origin) {
      reply
        .header('access-control-allow-origin', '*')
        .header('access-control-expose-headers', 'content-length, etag');
    }
  });
  app.options('*', async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, HEAD, POST, PUT, OPTIONS')
      .header(
        'access-control-allow-headers',
        [
          'authorization',
          'content-type',
          'content-encoding',
          syncHeaders.protocol,
          syncHeaders.schemaVersion,
        ].join(', '),
      )
      .header('access-control-max-age', '600')
      .send(),
  );
}

export async function buildApp(context: PlatformContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: syncLimits.maxBodyBytes,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });

  // Only JSON (and octet-stream for blobs) bodies are accepted; other types are 415.
  app.removeContentTypeParser('text/plain');
  // Replies up to 1 MB (every pull page) are compressed in one call: streamed through the threadpool,
  // pulls under load finished hundreds of milliseconds after their handler (measured with 200 clients).
  await app.register(compress, {
    global: true,
    encodings: ['gzip', 'deflate'],
    threshold: 1024,
    syncThreshold: 1024 * 1024,
  });
  allowCrossOrigin(app);
  app.decorateRequest('device', null);

  app.setErrorHandler((error, request, reply) => {
    const bodyLimit = request.routeOptions.bodyLimit ?? syncLimits.maxBodyBytes;
    let failure = toProblem(error as FastifyError, request, bodyLimit);
    if (failure?.errorName === 'bodyTooLarge' && request.routeOptions.url?.startsWith('/blobs/')) {
      failure = problem('blobTooLarge', { limit: bodyLimit });
    }
    if (!failure || failure.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, failure ?? problem('internal'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem('notFound', { method: request.method, url: request.url.split('?')[0]!.slice(0, 200) }),
    ),
  );

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(unmatched)';
    context.metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    context.metrics.latency.observe({ route }, reply.elapsedTime / 1000);
  });
  context.metrics.addGauge('creditdesk_sync_streams', 'Open sync event streams.', () => context.streams.size);

  registerSystemRoutes(app, context, options.version);
  registerSyncRoutes(app, context);
  registerBlobRoutes(app, context);
  registerAdminRoutes(app, context);
  registerTabletPage(app, context);
  registerReportRoutes(app, context);
  registerStreamRoute(app, context);
  app.addHook('preClose', async () => context.streams.closeAll());
  return app;
}
