/** GET /sync/v1/stream: Server-Sent Events telling a device which of its feeds moved. */
import type { FastifyInstance } from 'fastify';
import { syncPaths, syncStreamEvents } from '../../shared/sync/protocol.ts';
import { sha256Hex } from '../auth/secrets.ts';
import { problem } from '../problem.ts';
import type { PlatformContext } from './context.ts';
import { bearerToken, deviceAuthentication, deviceOf } from './guards.ts';

export function registerStreamRoute(app: FastifyInstance, context: PlatformContext): void {
  app.get(syncPaths.stream, { onRequest: deviceAuthentication(context) }, async (request, reply) => {
    const device = deviceOf(request);
    const tokenHash = sha256Hex(bearerToken(request));
    const max = context.streams.maxPerToken;
    if (context.streams.countForToken(tokenHash) >= max) {
      reply.header('retry-after', '60');
      throw problem('tooManyStreams', { max });
    }
    reply.hijack();
    const response = reply.raw;
    // Headers set by hooks (cross-origin) go out with the stream's own.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) response.setHeader(name, value);
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const write = (text: string) => {
      if (!response.writableEnded) response.write(text);
    };
    // A (re)connecting client may have missed changes: it pulls everything on RESYNC.
    write(`retry: 3000\nevent: ${syncStreamEvents.resync}\ndata: {}\n\n`);
    const unsubscribe = context.hub.subscribe(device.county, (change) => {
      write(`event: ${syncStreamEvents.change}\ndata: ${JSON.stringify(change)}\n\n`);
    });
    const heartbeat = setInterval(() => write(': heartbeat\n\n'), context.heartbeatMs);
    const cleanUp = () => {
      clearInterval(heartbeat);
      unsubscribe();
      forget();
    };
    const forget = context.streams.add({
      deviceId: device.id,
      tokenHash,
      end: () => {
        cleanUp();
        response.end();
      },
    });
    response.on('close', cleanUp);
    request.log.info({ deviceId: device.id }, 'sync stream opened');
  });
}
