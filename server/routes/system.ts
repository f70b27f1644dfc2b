import type { FastifyInstance } from 'fastify';
import { type HealthResponse, syncPaths, syncProtocolVersion } from '../../shared/sync/protocol.ts';
import { buildOpenApiDocument } from '../openapi.ts';
import { problem } from '../problem.ts';
import type { PlatformContext } from './context.ts';

export function registerSystemRoutes(app: FastifyInstance, context: PlatformContext, version: string): void {
  app.get(syncPaths.health, async (request): Promise<HealthResponse> => {
    try {
      await context.db.query('SELECT 1');
    } catch (error) {
      request.log.error({ err: error }, 'database check failed');
      throw problem('unavailable');
    }
    return { status: 'ok', protocolVersion: syncProtocolVersion, database: context.db.backend };
  });

  app.get(syncPaths.metrics, async (_request, reply) =>
    reply.type('text/plain; version=0.0.4; charset=utf-8').send(context.metrics.render()),
  );

  const openApi = buildOpenApiDocument(version);
  app.get(syncPaths.openApi, async () => openApi);
}
