/** Device endpoints of the sync protocol: enrollment, session, pull and push (see shared/sync/protocol.ts). */
import type { FastifyInstance } from 'fastify';
import {
  enrollRequestSchema,
  type PullResponse,
  type PushResponse,
  parseCheckpointParam,
  pullQuerySchema,
  pushRequestSchema,
  type SessionResponse,
  syncLimits,
  syncPaths,
  syncProtocolVersion,
} from '../../shared/sync/protocol.ts';
import { getCounty } from '../accounts/counties.ts';
import { type DeviceIdentity, enrollDevice } from '../accounts/devices.ts';
import { deviceProvisions } from '../accounts/provisions.ts';
import { provisionPaths, type ProvisionsResponse } from '../../shared/provisions/protocol.ts';
import type { SignInKey } from '../auth/signInThrottle.ts';
import { problem } from '../problem.ts';
import { verifyArrivedEntries } from '../sync/auditTrail.ts';
import { promoteBlackListings } from '../sync/cityBlackList.ts';
import { type CollectionRules, pullDocuments, pushDocuments } from '../sync/documentStore.ts';
import { bothAuthorities, loadBlobHolding } from '../sync/blobHolding.ts';
import { loadWriteAuthority } from '../sync/writeAuthority.ts';
import { loadValidationContext } from '../sync/validationContext.ts';
import type { PlatformContext } from './context.ts';
import {
  type ServedCollection,
  checkProtocol,
  checkSchemaVersion,
  describeZodError,
  deviceAuthentication,
  throttledSignIn,
  deviceOf,
  requireServedCollection,
  servedCollections,
} from './guards.ts';

/**
 * What a device's push of a county collection must pass besides validation: its authors' permissions,
 * and for the audit trail append-only storage and chain verification on arrival.
 */
function pushRules(
  context: PlatformContext,
  collection: ServedCollection,
  device: DeviceIdentity,
  promoted: number[],
): CollectionRules {
  const rules: CollectionRules = {
    validate: collection.validate,
    uniqueField: context.uniqueFields[collection.name],
    authorize: async (tx, documents) =>
      bothAuthorities(
        await loadWriteAuthority(tx, device.county, collection.name, documents),
        await loadBlobHolding(tx, device.county, collection.name, documents),
      ),
  };
  if (collection.name === 'auditLog') {
    rules.appendOnly = true;
    rules.afterWrite = (tx, written) => verifyArrivedEntries(tx, device.county, device.id, written);
  }
  if (collection.name === 'listings') {
    rules.afterWrite = async (tx, written) => {
      const sequence = await promoteBlackListings(tx, device.county, written, new Date(), context.today());
      if (sequence !== null) promoted.push(sequence);
      return [];
    };
  }
  return rules;
}

export function registerSyncRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.post(syncPaths.enroll, async (request, reply) => {
    checkProtocol(request);
    const parsed = enrollRequestSchema.safeParse(request.body);
    if (!parsed.success) throw problem('invalidBody', { reason: describeZodError(parsed.error) });
    const keys: SignInKey[] = [{ kind: 'enrollmentAddress', key: request.ip }];
    const { repeated, ...enrolled } = await throttledSignIn(context, request, keys, () =>
      enrollDevice(context.db, parsed.data),
    );
    if (repeated) {
      // The token the client never received stops working at once.
      context.devices.forget(enrolled.deviceId);
      context.streams.closeDevice(enrolled.deviceId);
    }
    const message = repeated ? 'device enrollment repeated, token replaced' : 'device enrolled';
    request.log.info({ deviceId: enrolled.deviceId, county: enrolled.county.code }, message);
    return reply.code(201).send(enrolled);
  });

  const authenticated = { onRequest: deviceAuthentication(context) };

  app.get(syncPaths.session, authenticated, async (request): Promise<SessionResponse> => {
    const device = deviceOf(request);
    const collections = servedCollections(context).map(({ name, schemaVersion, scope }) => ({
      name,
      schemaVersion,
      scope,
    }));
    return {
      deviceId: device.id,
      deviceName: device.name,
      county: await getCounty(context.db, device.county),
      protocolVersion: syncProtocolVersion,
      collections,
    };
  });

  app.get(
    provisionPaths.provisions,
    authenticated,
    async (request): Promise<ProvisionsResponse> => deviceProvisions(context.db, deviceOf(request)),
  );

  app.post(provisionPaths.serialBlocks, authenticated, async (request): Promise<ProvisionsResponse> => {
    const device = deviceOf(request);
    const provisions = await deviceProvisions(context.db, device, true);
    request.log.info({ deviceId: device.id, blocks: provisions.serialBlocks }, 'serial block given');
    return provisions;
  });

  app.get<{ Params: { collection: string } }>(
    '/sync/v1/:collection/pull',
    authenticated,
    async (request): Promise<PullResponse> => {
      const device = deviceOf(request);
      const collection = requireServedCollection(context, request.params.collection);
      checkSchemaVersion(request, collection);
      const query = pullQuerySchema.safeParse(request.query);
      if (!query.success) throw problem('invalidQuery', { reason: describeZodError(query.error) });
      const checkpoint = parseCheckpointParam(query.data.checkpoint);
      if (!checkpoint.ok)
        throw problem('invalidCheckpoint', { checkpoint: String(query.data.checkpoint).slice(0, 100) });
      const result = await pullDocuments(context.db, {
        collection: collection.name,
        county: collection.scope === 'city' ? null : device.county,
        after: checkpoint.checkpoint,
        limit: query.data.limit,
        epoch: context.epoch,
      });
      context.metrics.pulled.inc({ collection: collection.name }, result.documents.length);
      return { ...result, epoch: context.epoch };
    },
  );

  app.post<{ Params: { collection: string } }>(
    '/sync/v1/:collection/push',
    authenticated,
    async (request): Promise<PushResponse> => {
      const device = deviceOf(request);
      const collection = requireServedCollection(context, request.params.collection);
      checkSchemaVersion(request, collection);
      if (collection.scope === 'city') throw problem('cityScopeReadOnly', { collection: collection.name });
      const rows = (request.body as { rows?: unknown } | null)?.rows;
      if (Array.isArray(rows) && rows.length > syncLimits.maxPushRows) {
        throw problem('tooManyRows', { count: rows.length, max: syncLimits.maxPushRows });
      }
      const parsed = pushRequestSchema.safeParse(request.body);
      if (!parsed.success) throw problem('invalidBody', { reason: describeZodError(parsed.error) });
      // What the collection's validator reads (its descriptor's `validationContext`), as the platform holds it now.
      const validation = await loadValidationContext(context.db, collection.name, context.today());
      // City-list entries the push promoted (shared/lists/cityBlackList.ts): their city-feed sequences.
      const promoted: number[] = [];
      const outcome = await pushDocuments(context.db, pushRules(context, collection, device, promoted), {
        collection: collection.name,
        county: device.county,
        deviceId: device.id,
        rows: parsed.data.rows,
        context: validation,
      });
      const labels = (outcome: string) => ({ collection: collection.name, outcome });
      context.maintenance.noteWrites(outcome.written);
      context.metrics.pushed.inc(labels('written'), outcome.written);
      context.metrics.pushed.inc(labels('unchanged'), outcome.unchanged);
      context.metrics.pushed.inc(labels('conflict'), outcome.conflicts.length);
      context.metrics.pushed.inc(labels('rejected'), outcome.rejected.length);
      for (const { issues } of outcome.rejected) {
        for (const code of new Set(issues.map((found) => found.code))) {
          if (code.startsWith('permission.') || code === 'auditLog.appendOnly') {
            context.metrics.refusals.inc({ collection: collection.name, code });
          }
        }
      }
      for (const code of outcome.flagged) context.metrics.auditProblems.inc({ code });
      if (outcome.flagged.length > 0) {
        request.log.warn({ deviceId: device.id, problems: outcome.flagged }, 'audit chain problems flagged');
      }
      if (outcome.lastSequence !== null) {
        context.hub.publish({
          collection: collection.name,
          county: device.county,
          sequence: outcome.lastSequence,
        });
      }
      if (promoted.length > 0) {
        context.hub.publish({ collection: 'reference', county: null, sequence: Math.max(...promoted) });
      }
      return { conflicts: outcome.conflicts, rejected: outcome.rejected, epoch: context.epoch };
    },
  );
}
