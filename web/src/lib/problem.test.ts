import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, problemFromResponse } from './problem';

describe('problem parsing', () => {
  it('reads application/problem+json with its field errors keyed by pointer', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'about:blank#validation-failed',
        title: 'Some answers need another look.',
        status: 400,
        code: 'validation-failed',
        errors: [
          { pointer: '/email', message: 'Enter an e-mail address.' },
          { pointer: '/email', message: 'A second message is ignored.' },
          { pointer: '/a~1b', message: 'Escaped pointer.' },
        ],
      }),
      { status: 400, headers: { 'content-type': 'application/problem+json' } },
    );
    const problem = await problemFromResponse(response);
    expect(problem.code).toBe('validation-failed');
    expect(problem.fieldErrors).toEqual({ email: 'Enter an e-mail address.', 'a/b': 'Escaped pointer.' });
  });

  it('keeps the status of an answer that is not a problem (a proxy error page)', async () => {
    const problem = await problemFromResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(problem.status).toBe(502);
    expect(problem.code).toBe('internal-error');
    const limited = await problemFromResponse(new Response('{}', { status: 429 }));
    expect(limited.code).toBe('rate-limited');
  });

  it('ignores a root pointer for fields', () => {
    expect(
      fieldErrorsOf({ type: 't', title: 't', status: 400, code: 'validation-failed', errors: [{ pointer: '/', message: 'Body' }] }),
    ).toEqual({});
  });
});
