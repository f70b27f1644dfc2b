/**
 * Problems: errors from the numbered catalogue (shared/sync/errors.ts), thrown anywhere in the server and
 * turned into `{ code, error, message, details? }` responses by the error handler. Errors that Fastify
 * or its plugins raise for bad input are mapped onto the catalogue too; anything else is a 500.1.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { formatSyncMessage, syncMessages } from '../shared/sync/messages.ts';
import {
  type SyncErrorName,
  type SyncErrorResponse,
  syncErrorCodes,
  syncErrorStatus,
} from '../shared/sync/errors.ts';

export type ProblemDetails = Record<string, string | number>;

export class Problem extends Error {
  readonly errorName: SyncErrorName;
  readonly details: ProblemDetails | undefined;

  constructor(errorName: SyncErrorName, details?: ProblemDetails) {
    super(formatSyncMessage(syncMessages.en[`syncError.${errorName}`], details));
    this.errorName = errorName;
    this.details = details;
  }

  get status(): number {
    return syncErrorStatus(this.errorName);
  }

  toResponse(): SyncErrorResponse {
    const body: SyncErrorResponse = {
      code: syncErrorCodes[this.errorName],
      error: this.errorName,
      message: this.message,
    };
    if (this.details) body.details = this.details;
    return body;
  }
}

export function problem(errorName: SyncErrorName, details?: ProblemDetails): Problem {
  return new Problem(errorName, details);
}

/** SQLSTATE classes and socket errors that mean the database cannot be reached right now. */
function isDatabaseUnavailable(error: { code?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300'].includes(code) ||
    code.startsWith('08')
  );
}

/** Maps what Fastify, its body parsers and @fastify/compress throw onto the catalogue. */
export function toProblem(error: FastifyError, request: FastifyRequest, bodyLimit: number): Problem | null {
  if (error instanceof Problem) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem('invalidJson');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('invalidBody', { reason: 'the body is empty' });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem('invalidBody', { reason: 'the body does not match its Content-Length' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('bodyTooLarge', { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem('unsupportedMediaType', { contentType: request.headers['content-type'] ?? '(none)' });
    case 'FST_CP_ERR_INVALID_CONTENT_ENCODING':
      return problem('unsupportedMediaType', {
        contentType: `Content-Encoding: ${request.headers['content-encoding'] ?? ''}`,
      });
    case 'FST_CP_ERR_INVALID_CONTENT':
      return problem('invalidEncoding', { encoding: request.headers['content-encoding'] ?? '' });
    case 'FST_ERR_BAD_URL':
      return problem('invalidQuery', { reason: 'the URL is not valid' });
  }
  if (isDatabaseUnavailable(error)) return problem('unavailable');
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return problem('invalidBody', { reason: error.message });
  }
  return null;
}

export function sendProblem(reply: FastifyReply, failure: Problem): FastifyReply {
  return reply.code(failure.status).type('application/json; charset=utf-8').send(failure.toResponse());
}
