import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode, Problem, ProblemFieldError } from '@twofold/core/problem';
import { isDatabaseUnavailable } from './db-errors';

/** What a service throws when a rule says no. It never carries an HTTP status; `statusByCode` does. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: ProblemFieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The one table from error code to HTTP status. */
export const statusByCode: Record<ErrorCode, number> = {
  'validation-failed': 400,
  unauthenticated: 401,
  'csrf-token-invalid': 403,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'invalid-credentials': 401,
  'email-unavailable': 409,
  'invite-invalid': 410,
  'already-in-couple': 409,
  'couple-full': 409,
  'not-in-couple': 409,
  'cannot-invite-self': 409,
  'not-program-staff': 403,
  // The couple's safety screens do not open joint features (yet); says nothing about whose or why.
  'joint-features-closed': 409,
  // Program staff without two-step sign-in: nothing of their program until they set it up.
  'two-factor-required': 403,
  'two-factor-code-invalid': 401,
  'reset-link-invalid': 410,
  'rate-limited': 429,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'service-busy': 503,
  'internal-error': 500,
};

const titles: Record<ErrorCode, string> = {
  'validation-failed': 'Some answers need another look.',
  unauthenticated: 'Please log in.',
  'csrf-token-invalid': 'This page is out of date. Reload it and try again.',
  forbidden: 'This is not available to you.',
  'not-found': 'Not found.',
  conflict: 'This changed in the meantime.',
  'invalid-credentials': 'That e-mail and password do not match an account.',
  'email-unavailable': 'An account cannot be created with that e-mail address.',
  'invite-invalid': 'This invite link is no longer valid.',
  'already-in-couple': 'You are already in a couple space.',
  'couple-full': 'This couple space already has two partners.',
  'not-in-couple': 'You are not in a couple space.',
  'cannot-invite-self': 'This is your own invite.',
  'not-program-staff': 'Only program staff can do this.',
  'joint-features-closed': 'Your shared space is not open yet.',
  'two-factor-required': 'Set up two-step sign-in first: program staff need it to open their program.',
  'two-factor-code-invalid': 'That code did not work.',
  'reset-link-invalid': 'This link has expired or was already used.',
  'rate-limited': 'Too many attempts. Please wait a minute and try again.',
  'payload-too-large': 'That is more than the server accepts at once.',
  'unsupported-media-type': 'Send JSON (Content-Type: application/json).',
  'service-busy': 'Twofold is busy. Please try again in a moment.',
  'internal-error': 'Something went wrong on our side. Your last change may not have been saved.',
};

export function problemFor(code: ErrorCode, request: FastifyRequest, detail?: string, errors?: ProblemFieldError[]): Problem {
  return {
    type: `about:blank#${code}`,
    title: titles[code],
    status: statusByCode[code],
    ...(detail === undefined ? {} : { detail }),
    instance: request.url.split('?')[0],
    code,
    ...(errors === undefined ? {} : { errors }),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** A key as one JSON Pointer (RFC 6901) reference token. */
export function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Maps everything thrown in a request to problem+json. Unknown errors never reach the client. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return sendProblem(reply, problemFor(error.code, request, error.message, error.fieldErrors));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.flatMap((issue) => {
        const base = issue.instancePath === '/' ? '' : issue.instancePath;
        const keys = issue.keyword === 'unrecognized_keys' ? (issue.params['keys'] as string[]) : null;
        return keys
          ? keys.map((key) => ({ pointer: `${base}/${escapePointer(key)}`, message: 'This field is not allowed.' }))
          : [{ pointer: base || '/', message: issue.message ?? 'Invalid value.' }];
      });
      const where = error.validationContext === 'body' ? '' : ` (${error.validationContext})`;
      return sendProblem(reply, problemFor('validation-failed', request, `The request${where} did not pass validation.`, errors));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, problemFor('internal-error', request));
    }
    if (isDatabaseUnavailable(error)) {
      // PostgreSQL is down, restarting or recovering: the pool reconnects by itself (db.ts).
      request.log.warn({ err: error }, 'database unavailable');
      const detail =
        'The database cannot be reached at the moment. Try again shortly; if you were saving something, check whether it is there.';
      return sendProblem(reply.header('retry-after', '2'), problemFor('service-busy', request, detail));
    }
    const known = mapFrameworkError(error);
    if (known) {
      return sendProblem(reply, problemFor(known.code, request, known.detail));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problemFor('internal-error', request));
  });
}

function mapFrameworkError(error: FastifyError): { code: ErrorCode; detail?: string } | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported-media-type' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload-too-large' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'validation-failed', detail: 'The request body is empty; send a JSON object.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'validation-failed', detail: 'The Content-Length header does not match the body.' };
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return { code: 'csrf-token-invalid' };
    default:
      break;
  }
  if (error.statusCode === 429) {
    return { code: 'rate-limited' };
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { code: 'validation-failed', detail: 'The request body is not valid JSON.' };
  }
  if (error.statusCode === 404) {
    return { code: 'not-found' };
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return { code: 'validation-failed', detail: 'The request could not be read.' };
  }
  return null;
}
