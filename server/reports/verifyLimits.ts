/**
 * Rate limits on the public /verify endpoints, per client address (@fastify/rate-limit): code lookups
 * (the page with a code, and the JSON lookup) and PDF uploads are counted apart, so a bank checking many
 * codes by hand is not stopped by its own uploads, and guessing codes or hashing big files in bulk is.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface VerifyLimits {
  /** Code lookups per window. */
  lookups: number;
  /** PDF uploads per window. */
  uploads: number;
  windowMs: number;
}

export const defaultVerifyLimits: VerifyLimits = { lookups: 30, uploads: 10, windowMs: 60_000 };

/** 0 when the request may go ahead, else the whole seconds until it may. */
export type VerifyLimiter = (request: FastifyRequest) => Promise<number>;

export async function verifyLimiters(
  scope: FastifyInstance,
  limits: VerifyLimits,
): Promise<{ lookup: VerifyLimiter; upload: VerifyLimiter }> {
  await scope.register(rateLimit, { global: false });
  const limiter = (kind: string, max: number): VerifyLimiter => {
    const check = scope.createRateLimit({
      max,
      timeWindow: limits.windowMs,
      keyGenerator: (request) => `${kind}:${request.ip}`,
    });
    return async (request) => {
      const state = await check(request);
      return !state.isAllowed && state.isExceeded ? Math.max(1, state.ttlInSeconds) : 0;
    };
  };
  return { lookup: limiter('lookup', limits.lookups), upload: limiter('upload', limits.uploads) };
}
