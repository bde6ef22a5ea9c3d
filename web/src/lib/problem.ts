import { errorCodes, problemSchema, type ErrorCode, type Problem } from '@twofold/core/problem';

/**
 * An API answer that was not a success, parsed once from application/problem+json (RFC 9457).
 * `offline` is set when no answer came back at all (the network or the server is down).
 */
export class ApiProblem extends Error {
  readonly problem: Problem;
  readonly offline: boolean;

  constructor(problem: Problem, options: { offline?: boolean } = {}) {
    super(problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
    this.offline = options.offline ?? false;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }

  /** Field errors keyed by the first segment of their JSON pointer ("/email" → "email"). */
  get fieldErrors(): Record<string, string> {
    return fieldErrorsOf(this.problem);
  }
}

export function isApiProblem(value: unknown): value is ApiProblem {
  return value instanceof ApiProblem;
}

export function hasCode(value: unknown, code: ErrorCode): boolean {
  return isApiProblem(value) && value.code === code;
}

export function fieldErrorsOf(problem: Problem): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const field = decodePointerSegment(error.pointer.split('/')[1] ?? '');
    if (field !== '' && result[field] === undefined) {
      result[field] = error.message;
    }
  }
  return result;
}

function decodePointerSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'invite-invalid',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'service-busy',
};

/** Reads a failed response into an ApiProblem, whatever shape it came in. */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) {
    return new ApiProblem(parsed.data);
  }
  // Not our problem shape (a proxy, an unknown code): keep the status, pick the closest code.
  const raw = (body ?? {}) as { code?: unknown; title?: unknown; detail?: unknown };
  const code =
    typeof raw.code === 'string' && (errorCodes as readonly string[]).includes(raw.code)
      ? (raw.code as ErrorCode)
      : (codeByStatus[response.status] ?? 'internal-error');
  return new ApiProblem({
    type: 'about:blank',
    title: typeof raw.title === 'string' ? raw.title : response.statusText || 'Request failed',
    status: response.status,
    code,
    ...(typeof raw.detail === 'string' ? { detail: raw.detail } : {}),
  });
}

export function offlineProblem(): ApiProblem {
  return new ApiProblem(
    { type: 'about:blank', title: 'Twofold could not be reached.', status: 0, code: 'service-busy' },
    { offline: true },
  );
}
