/** The OpenAPI 3.1 description of the platform, generated from the zod schemas of the shared contract. */
import { provisionsResponseSchema } from '../shared/provisions/protocol.ts';
import { type ZodType, z } from 'zod';
import {
  auditProblemListResponseSchema,
  deviceInfoSchema,
  deviceListResponseSchema,
  enrollmentCodeRequestSchema,
  enrollmentCodeResponseSchema,
} from '../shared/sync/adminProtocol.ts';
import { syncErrorResponseSchema } from '../shared/sync/errors.ts';
import {
  blobPutResponseSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  healthResponseSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  sessionResponseSchema,
  syncHeaders,
  syncLimits,
  syncProtocolVersion,
} from '../shared/sync/protocol.ts';

function json(schema: ZodType, io: 'input' | 'output' = 'output') {
  return { 'application/json': { schema: z.toJSONSchema(schema, { target: 'draft-2020-12', io }) } };
}

const errorResponse = {
  description: 'A numbered error (see the catalogue)',
  content: json(syncErrorResponseSchema),
};
const errors = { '4XX': errorResponse, '5XX': errorResponse };

const protocolHeader = {
  name: syncHeaders.protocol,
  in: 'header',
  required: true,
  schema: { type: 'string', const: String(syncProtocolVersion) },
};
const schemaVersionHeader = {
  name: syncHeaders.schemaVersion,
  in: 'header',
  required: true,
  description: 'collectionPlan[collection].schemaVersion of the client',
  schema: { type: 'string', pattern: '^[0-9]+$' },
};
const collectionParameter = { name: 'collection', in: 'path', required: true, schema: { type: 'string' } };
const hashParameter = {
  name: 'sha256',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
};
const device = [{ deviceToken: [] }];
const operator = [{ operatorPassword: [] }];

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'CreditDesk city platform',
      version,
      description:
        'Sync protocol of CreditDesk devices (RxDB replication: pull by checkpoint, push with conflict ' +
        `detection, change stream). Protocol version ${syncProtocolVersion}.`,
    },
    components: {
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: 'Token from POST /sync/v1/enroll' },
        operatorPassword: { type: 'http', scheme: 'basic' },
      },
    },
    paths: {
      '/sync/v1/enroll': {
        post: {
          summary:
            'Trade a one-time enrollment code for a device token; a retry with the same requestKey returns the same device with a fresh token',
          parameters: [protocolHeader],
          requestBody: { required: true, content: json(enrollRequestSchema, 'input') },
          responses: { 201: { description: 'Enrolled', content: json(enrollResponseSchema) }, ...errors },
        },
      },
      '/sync/v1/session': {
        get: {
          summary: 'The device, its county and the served collections',
          security: device,
          parameters: [protocolHeader],
          responses: { 200: { description: 'Session', content: json(sessionResponseSchema) }, ...errors },
        },
      },
      '/sync/v1/provisions': {
        get: {
          summary:
            'The device’s commitment serial blocks (a first one if it holds none) and the city’s matching key',
          security: device,
          parameters: [protocolHeader],
          responses: {
            200: { description: 'Provisions', content: json(provisionsResponseSchema) },
            ...errors,
          },
        },
      },
      '/sync/v1/provisions/serial-blocks': {
        post: {
          summary: 'One more serial block for the device (409.4 none free in the county, 409.5 device limit)',
          security: device,
          parameters: [protocolHeader],
          responses: {
            200: { description: 'Provisions', content: json(provisionsResponseSchema) },
            ...errors,
          },
        },
      },
      '/sync/v1/{collection}/pull': {
        get: {
          summary: 'Documents written after a checkpoint, in write order',
          security: device,
          parameters: [
            protocolHeader,
            schemaVersionHeader,
            collectionParameter,
            {
              name: 'checkpoint',
              in: 'query',
              schema: { type: 'string' },
              description:
                'JSON {"sequence":n,"epoch":e} as last answered, or n; absent from the beginning. A checkpoint from before a restore is answered 409.1 (pull again from the beginning)',
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: syncLimits.maxPullLimit },
            },
          ],
          responses: {
            200: { description: 'A page of the feed', content: json(pullResponseSchema) },
            ...errors,
          },
        },
      },
      '/sync/v1/{collection}/push': {
        post: {
          summary: `Write up to ${syncLimits.maxPushRows} documents; answers conflicts and refusals`,
          security: device,
          parameters: [protocolHeader, schemaVersionHeader, collectionParameter],
          requestBody: { required: true, content: json(pushRequestSchema, 'input') },
          responses: { 200: { description: 'Outcome', content: json(pushResponseSchema) }, ...errors },
        },
      },
      '/sync/v1/stream': {
        get: {
          summary:
            'Server-Sent Events: RESYNC on connect, change {collection, sequence} on writes; at most 4 per token (429.1), ended when the device is revoked',
          security: device,
          parameters: [protocolHeader],
          responses: {
            200: { description: 'Event stream', content: { 'text/event-stream': {} } },
            ...errors,
          },
        },
      },
      '/blobs/{sha256}': {
        put: {
          summary: 'Upload an attachment addressed by its SHA-256',
          security: device,
          parameters: [protocolHeader, hashParameter],
          requestBody: { required: true, content: { 'application/octet-stream': {} } },
          responses: {
            200: { description: 'Already held by the county', content: json(blobPutResponseSchema) },
            201: { description: 'Stored', content: json(blobPutResponseSchema) },
            ...errors,
          },
        },
        get: {
          summary: 'Download an attachment the county holds',
          security: device,
          parameters: [protocolHeader, hashParameter],
          responses: {
            200: { description: 'The bytes', content: { 'application/octet-stream': {} } },
            ...errors,
          },
        },
        head: {
          summary: 'Whether the county holds an attachment',
          security: device,
          parameters: [protocolHeader, hashParameter],
          responses: { 200: { description: 'Held' }, ...errors },
        },
      },
      '/admin/v1/enrollment-codes': {
        post: {
          summary: 'Issue a one-time enrollment code',
          security: operator,
          parameters: [protocolHeader],
          requestBody: { content: json(enrollmentCodeRequestSchema, 'input') },
          responses: {
            201: { description: 'Issued', content: json(enrollmentCodeResponseSchema) },
            ...errors,
          },
        },
      },
      '/admin/v1/devices': {
        get: {
          summary: 'Devices of the operator’s county (or of any county for city operators)',
          security: operator,
          parameters: [protocolHeader, { name: 'county', in: 'query', schema: { type: 'string' } }],
          responses: { 200: { description: 'Devices', content: json(deviceListResponseSchema) }, ...errors },
        },
      },
      '/admin/v1/devices/{deviceId}/revoke': {
        post: {
          summary: 'Revoke a device token',
          security: operator,
          parameters: [
            protocolHeader,
            { name: 'deviceId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: { 200: { description: 'Revoked', content: json(deviceInfoSchema) }, ...errors },
        },
      },
      '/admin/v1/audit-problems': {
        get: {
          summary: 'Problems found verifying arriving audit chains, newest first',
          security: operator,
          parameters: [
            protocolHeader,
            { name: 'county', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: {
            200: { description: 'Problems', content: json(auditProblemListResponseSchema) },
            ...errors,
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness and database check',
          responses: { 200: { description: 'Healthy', content: json(healthResponseSchema) }, ...errors },
        },
      },
      '/metrics': {
        get: { summary: 'Prometheus metrics', responses: { 200: { description: 'Text format 0.0.4' } } },
      },
    },
  };
}
