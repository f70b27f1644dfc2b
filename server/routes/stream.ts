/** GET /sync/v1/stream: Server-Sent Events telling a device which of its feeds moved. */
import type { FastifyInstance } from 'fastify';
import { syncPaths, syncStreamEvents } from '../../shared/sync/protocol.ts';
import type { PlatformContext } from './context.ts';
import { checkProtocol, requireDevice } from './guards.ts';

/** Registers the stream route; the returned function ends every open stream (call it before closing). */
export function registerStreamRoute(app: FastifyInstance, context: PlatformContext): () => void {
  const open = new Set<() => void>();

  app.get(syncPaths.stream, async (request, reply) => {
    checkProtocol(request);
    const device = await requireDevice(context, request);
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
      open.delete(end);
    };
    const end = () => {
      cleanUp();
      response.end();
    };
    open.add(end);
    response.on('close', cleanUp);
    request.log.info({ deviceId: device.id }, 'sync stream opened');
  });

  return () => {
    for (const end of [...open]) end();
  };
}
