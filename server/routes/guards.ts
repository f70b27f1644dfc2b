/** Checks every device request passes before it touches data: protocol, token, collection, schema version. */
import type { FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import {
  type CollectionName,
  type CollectionScope,
  collectionPlan,
  isCollectionName,
} from '../../shared/base/collections.ts';
import type { DocumentValidator } from '../../shared/sync/documentValidators.ts';
import { syncHeaders, syncProtocolVersion } from '../../shared/sync/protocol.ts';
import type { DeviceIdentity } from '../accounts/devices.ts';
import { looksLikeDeviceToken } from '../auth/secrets.ts';
import type { SignInKey } from '../auth/signInThrottle.ts';
import { Problem, problem } from '../problem.ts';
import type { PlatformContext } from './context.ts';

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** An outdated or foreign client is told to update before anything else happens. */
export function checkProtocol(request: FastifyRequest): void {
  const received = header(request, syncHeaders.protocol);
  if (received !== String(syncProtocolVersion)) {
    throw problem('protocolMismatch', { expected: syncProtocolVersion, received: received ?? '(none)' });
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `deviceAuthentication` before the body is read. */
    device: DeviceIdentity | null;
  }
}

/** The request's bearer token, when it has the form of a device token. */
export function bearerToken(request: FastifyRequest): string {
  const authorization = header(request, syncHeaders.authorization);
  if (!authorization) throw problem('missingCredentials');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match || !looksLikeDeviceToken(match[1]!)) throw problem('invalidToken');
  return match[1]!;
}

/** The device of the request's bearer token. */
export function requireDevice(context: PlatformContext, request: FastifyRequest): Promise<DeviceIdentity> {
  return context.devices.authenticate(bearerToken(request));
}

/**
 * An onRequest hook checking protocol and token before the body is read, so that callers without a
 * valid token learn nothing about how bodies are parsed. Handlers read the device with `deviceOf`.
 */
export function deviceAuthentication(context: PlatformContext) {
  return async (request: FastifyRequest): Promise<void> => {
    checkProtocol(request);
    request.device = await requireDevice(context, request);
  };
}

export function deviceOf(request: FastifyRequest): DeviceIdentity {
  if (!request.device) throw new Error(`${request.url}: the route does not authenticate devices`);
  return request.device;
}

export interface ServedCollection {
  name: CollectionName;
  scope: CollectionScope;
  schemaVersion: number;
  validate: DocumentValidator;
}

export function servedCollections(context: PlatformContext): ServedCollection[] {
  return Object.keys(context.validators).map((name) => requireServedCollection(context, name));
}

export function requireServedCollection(context: PlatformContext, name: string): ServedCollection {
  if (!isCollectionName(name)) throw problem('unknownCollection', { collection: name.slice(0, 100) });
  const validate = context.validators[name];
  if (!validate) throw problem('collectionNotServed', { collection: name });
  const schemaVersion = context.schemaVersions[name] ?? collectionPlan[name].schemaVersion;
  return { name, scope: collectionPlan[name].scope, schemaVersion, validate };
}

/** The client's schema version of the collection must be the platform's. */
export function checkSchemaVersion(request: FastifyRequest, collection: ServedCollection): void {
  const raw = header(request, syncHeaders.schemaVersion);
  if (raw === undefined || !/^\d{1,6}$/.test(raw))
    throw problem('invalidHeader', { header: syncHeaders.schemaVersion });
  const received = Number(raw);
  const expected = collection.schemaVersion;
  const details = { collection: collection.name, expected, received };
  if (received < expected) throw problem('clientSchemaOutdated', details);
  if (received > expected) throw problem('platformSchemaOutdated', details);
}

/** A short, readable account of why a body or query failed its schema. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((item) => `${item.path.length > 0 ? item.path.join('.') : '(root)'}: ${item.message}`)
    .join('; ');
}

/**
 * Runs a sign-in (`attempt` throws a 401 problem when the secret is wrong) unless earlier failures of
 * one of the keys make it wait; counts a failure against every key, and clears an account's failures
 * on success. Throttled and failed attempts are counted in /metrics and logged.
 */
export async function throttledSignIn<T>(
  context: PlatformContext,
  request: FastifyRequest,
  keys: readonly SignInKey[],
  attempt: () => Promise<T>,
): Promise<T> {
  const kind = keys[0]!.kind;
  try {
    await context.signIns.check(keys);
  } catch (error) {
    if (error instanceof Problem) {
      context.metrics.signInRefusals.inc({ kind, reason: error.errorName });
      request.log.warn({ keys, refusal: error.errorName }, 'sign-in attempt refused');
    }
    throw error;
  }
  try {
    const result = await attempt();
    for (const key of keys) if (key.kind === 'operator') await context.signIns.succeed(key);
    return result;
  } catch (error) {
    if (error instanceof Problem && error.status === 401) {
      const failures = await context.signIns.fail(keys);
      context.metrics.signInFailures.inc({ kind });
      request.log.warn({ keys, failures, error: error.errorName }, 'sign-in failed');
    }
    throw error;
  }
}
