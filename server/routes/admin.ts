/**
 * The operator API (shared/sync/adminProtocol.ts): enrollment codes, devices and audit problems, behind
 * HTTP Basic auth.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  adminPaths,
  type AuditProblemListResponse,
  auditProblemListQuerySchema,
  type DeviceInfo,
  type DeviceListResponse,
  deviceListQuerySchema,
  type EnrollmentCodeResponse,
  enrollmentCodeRequestSchema,
} from '../../shared/sync/adminProtocol.ts';
import { isUuid } from '../../shared/base/uuid.ts';
import { createEnrollmentCode, getDevice, listDevices, revokeDevice } from '../accounts/devices.ts';
import { authenticateOperator, type Operator } from '../accounts/operators.ts';
import type { SignInKey } from '../auth/signInThrottle.ts';
import { problem } from '../problem.ts';
import { listAuditProblems } from '../sync/auditTrail.ts';
import type { PlatformContext } from './context.ts';
import { checkProtocol, describeZodError, header, throttledSignIn } from './guards.ts';

async function requireOperator(context: PlatformContext, request: FastifyRequest): Promise<Operator> {
  checkProtocol(request);
  return operatorOfBasicAuth(context, request);
}

/** The operator HTTP Basic credentials name, sign-ins throttled; the operator pages use it too. */
export async function operatorOfBasicAuth(
  context: PlatformContext,
  request: FastifyRequest,
): Promise<Operator> {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header(request, 'authorization') ?? '');
  if (!match) throw problem('missingCredentials');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1 || decoded.includes('\u0000')) throw problem('operatorAuthFailed');
  const username = decoded.slice(0, colon);
  const keys: SignInKey[] = [
    { kind: 'operator', key: username },
    { kind: 'operatorAddress', key: request.ip },
  ];
  return throttledSignIn(context, request, keys, async () => {
    const operator = await authenticateOperator(context.db, username, decoded.slice(colon + 1));
    if (!operator) throw problem('operatorAuthFailed');
    return operator;
  });
}

/** The county an operator acts on: their own, or the requested one for city operators. */
function actingCounty(operator: Operator, requested: string | undefined): string | null {
  if (operator.county === null) return requested ?? null;
  if (requested !== undefined && requested !== operator.county)
    throw problem('countyForbidden', { county: requested });
  return operator.county;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set before the body is read on operator routes. */
    operator: Operator | null;
  }
}

function operatorOf(request: FastifyRequest): Operator {
  if (!request.operator) throw new Error(`${request.url}: the route does not authenticate operators`);
  return request.operator;
}

export function registerAdminRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.decorateRequest('operator', null);
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      request.operator = await requireOperator(context, request);
    });
    registerOperatorRoutes(scope, context);
  });
}

function registerOperatorRoutes(app: FastifyInstance, context: PlatformContext): void {
  app.post(adminPaths.enrollmentCodes, async (request, reply) => {
    const operator = operatorOf(request);
    const parsed = enrollmentCodeRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw problem('invalidBody', { reason: describeZodError(parsed.error) });
    const county = actingCounty(operator, parsed.data.county);
    if (county === null) throw problem('invalidBody', { reason: 'county: required for city operators' });
    const issued: EnrollmentCodeResponse = await createEnrollmentCode(context.db, {
      county,
      createdBy: operator.id,
      expiresAt: new Date(Date.now() + parsed.data.validHours * 3_600_000),
    });
    request.log.info({ operator: operator.username, county }, 'enrollment code issued');
    return reply.code(201).send(issued);
  });

  app.get(adminPaths.devices, async (request): Promise<DeviceListResponse> => {
    const operator = operatorOf(request);
    const query = deviceListQuerySchema.safeParse(request.query);
    if (!query.success) throw problem('invalidQuery', { reason: describeZodError(query.error) });
    return { devices: await listDevices(context.db, actingCounty(operator, query.data.county)) };
  });

  app.get(adminPaths.auditProblems, async (request): Promise<AuditProblemListResponse> => {
    const operator = operatorOf(request);
    const query = auditProblemListQuerySchema.safeParse(request.query);
    if (!query.success) throw problem('invalidQuery', { reason: describeZodError(query.error) });
    const county = actingCounty(operator, query.data.county);
    return { problems: await listAuditProblems(context.db, county, query.data.limit) };
  });

  app.post<{ Params: { deviceId: string } }>(
    '/admin/v1/devices/:deviceId/revoke',
    async (request): Promise<DeviceInfo> => {
      const operator = operatorOf(request);
      const { deviceId } = request.params;
      if (!isUuid(deviceId)) throw problem('deviceNotFound', { deviceId: deviceId.slice(0, 100) });
      const device = await getDevice(context.db, deviceId);
      actingCounty(operator, device.county);
      const revoked = await revokeDevice(context.db, device.id);
      context.devices.forget(device.id);
      context.streams.closeDevice(device.id);
      request.log.info({ operator: operator.username, deviceId: device.id }, 'device revoked');
      return revoked;
    },
  );
}
