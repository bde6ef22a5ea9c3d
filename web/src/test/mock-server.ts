import { vi } from 'vitest';

/**
 * A fake Twofold server at the edge: the global fetch. Each route answers JSON (or problem+json);
 * every request is recorded so tests can check what the app sent.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, e.g. "?q=walk" ('' when none). */
  search: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (
  request: RecordedRequest,
  params: Record<string, string>,
) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

export function problem(status: number, code: string, title: string, errors?: { pointer: string; message: string }[]) {
  return { status, body: { type: `about:blank#${code}`, title, status, code, ...(errors ? { errors } : {}) } };
}

export function mockServer(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const compiled = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/:([A-Za-z]+)/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
    return { method, regex, names, handler };
  });
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      search: url.search,
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    if (method === 'GET' && url.pathname === '/api/csrf-token' && !routes['GET /api/csrf-token']) {
      return json(200, { token: 'csrf-test-token' });
    }
    for (const route of compiled) {
      const match = route.method === method ? route.regex.exec(url.pathname) : null;
      if (match) {
        const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
        const answer = await route.handler(request, params);
        return json(answer.status, answer.body);
      }
    }
    return json(404, problem(404, 'not-found', 'Not found.').body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

function json(status: number, body: unknown): Response {
  if (status === 204 || body === undefined) {
    return new Response(null, { status });
  }
  const isProblem = status >= 400;
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json' },
  });
}

export const ids = {
  alex: '11111111-1111-4111-8111-111111111111',
  blake: '22222222-2222-4222-8222-222222222222',
  couple: '33333333-3333-4333-8333-333333333333',
  program: '44444444-4444-4444-8444-444444444444',
  invite: '55555555-5555-4555-8555-555555555555',
  notice: '66666666-6666-4666-8666-666666666666',
};

export const alexMe = {
  user: { id: ids.alex, email: 'alex@example.org', displayName: 'Alex', locale: 'en', timeZone: 'America/Chicago' },
  coupleId: ids.couple,
  staff: [],
};

/** Alex and Blake's couple space as `GET /api/couple` answers Alex. */
export const alexAndBlake = {
  id: ids.couple,
  createdAt: '2026-11-20T09:00:00.000Z',
  partners: [
    { id: ids.alex, displayName: 'Alex', isMe: true, joinedAt: '2026-11-20T09:00:00.000Z' },
    { id: ids.blake, displayName: 'Blake', isMe: false, joinedAt: '2026-11-21T09:00:00.000Z' },
  ],
  pendingInvite: null,
  programs: [],
  notices: [],
  can: { invite: false, leave: true },
};
