import { describe, expect, it, vi } from 'vitest';
import { api, onUnauthenticated } from './api-client';
import { ApiProblem } from './problem';

function problemResponse(status: number, code: string) {
  return new Response(JSON.stringify({ type: 'about:blank', title: 't', status, code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

describe('api client', () => {
  it('fetches a fresh CSRF token after csrf-token-invalid and retries once', async () => {
    let tokens = 0;
    const sent: (string | undefined)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init: RequestInit) => {
        if (path === '/api/csrf-token') {
          tokens += 1;
          return new Response(JSON.stringify({ token: `t${tokens}` }), { status: 200 });
        }
        const token = (init.headers as Record<string, string>)['x-csrf-token'];
        sent.push(token);
        return token === 't2' ? new Response(null, { status: 204 }) : problemResponse(403, 'csrf-token-invalid');
      }),
    );
    await expect(api.post('/api/couple/leave')).resolves.toBeUndefined();
    expect(sent).toEqual(['t1', 't2']);
  });

  it('turns a 401 into an ApiProblem and tells the app the session ended', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problemResponse(401, 'unauthenticated')),
    );
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    await expect(api.get('/api/couple')).rejects.toBeInstanceOf(ApiProblem);
    expect(listener).toHaveBeenCalledTimes(1);
    await expect(api.get('/api/me', { expectUnauthenticated: true })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('reports an unreachable server as offline, not as a crash', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/api/me')).rejects.toMatchObject({ offline: true });
  });
});
