/**
 * Content-addressed attachments: PUT/GET/HEAD /blobs/:sha256. The platform verifies the hash of every
 * upload and serves a blob only to counties that uploaded it themselves.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type BlobPutResponse, blobHashSchema, syncLimits } from '../../shared/sync/protocol.ts';
import { sha256Hex } from '../auth/secrets.ts';
import { toNumber } from '../db/database.ts';
import { problem } from '../problem.ts';
import type { PlatformContext } from './context.ts';
import { deviceAuthentication, deviceOf } from './guards.ts';

type BlobRequest = FastifyRequest<{ Params: { sha256: string } }>;

function requireHash(request: BlobRequest): string {
  const parsed = blobHashSchema.safeParse(request.params.sha256);
  if (!parsed.success) throw problem('invalidBlobHash');
  return parsed.data;
}

export function registerBlobRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.register(async (scope) => {
    scope.addHook('onRequest', deviceAuthentication(context));
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: syncLimits.maxBlobBytes },
      (_request, body, done) => done(null, body),
    );

    /** The blob's size when the device's county holds it. */
    async function heldSize(request: BlobRequest, sha256: string): Promise<number> {
      const device = deviceOf(request);
      const { rows } = await context.db.query<{ size: unknown }>(
        'SELECT size FROM blob_holders WHERE sha256 = $1 AND county = $2',
        [sha256, device.county],
      );
      const size = await context.blobs.size(sha256);
      if (!rows[0] || size === null) throw problem('blobNotFound', { sha256 });
      return toNumber(rows[0].size);
    }

    function blobHeaders(reply: FastifyReply, sha256: string, size: number): FastifyReply {
      return reply
        .type('application/octet-stream')
        .header('content-length', size)
        .header('etag', `"${sha256}"`)
        .header('cache-control', 'private, max-age=31536000, immutable');
    }

    scope.head<{ Params: { sha256: string } }>('/blobs/:sha256', async (request, reply) => {
      const sha256 = requireHash(request);
      const size = await heldSize(request, sha256);
      return blobHeaders(reply, sha256, size).send();
    });

    scope.get<{ Params: { sha256: string } }>('/blobs/:sha256', async (request, reply) => {
      const sha256 = requireHash(request);
      const size = await heldSize(request, sha256);
      return blobHeaders(reply, sha256, size).send(context.blobs.read(sha256));
    });

    scope.put<{ Params: { sha256: string } }>(
      '/blobs/:sha256',
      { bodyLimit: syncLimits.maxBlobBytes },
      async (request, reply): Promise<BlobPutResponse> => {
        const sha256 = requireHash(request);
        const device = deviceOf(request);
        // An empty body arrives as no body at all.
        const data = request.body === undefined ? Buffer.alloc(0) : request.body;
        if (!Buffer.isBuffer(data)) {
          throw problem('unsupportedMediaType', { contentType: request.headers['content-type'] ?? '(none)' });
        }
        const actual = sha256Hex(data);
        if (actual !== sha256) throw problem('blobHashMismatch', { expected: sha256, actual });
        await context.blobs.put(sha256, data);
        const inserted = await context.db.query(
          `INSERT INTO blob_holders (sha256, county, size, device_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (sha256, county) DO NOTHING`,
          [sha256, device.county, data.length, device.id],
        );
        const created = inserted.rowCount > 0;
        context.metrics.blobsStored.inc({ outcome: created ? 'stored' : 'present' });
        reply.code(created ? 201 : 200);
        return { sha256, size: data.length };
      },
    );
  });
}
