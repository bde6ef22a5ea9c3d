import type { ApiProblem } from './problem';
import { offlineProblem, problemFromResponse } from './problem';

/**
 * The one way the web app talks to the Twofold server. Same origin only, cookies for the session,
 * a CSRF token on every state-changing request (fetched once, refreshed after a
 * `csrf-token-invalid` answer and retried once), and every failure turned into an ApiProblem.
 */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A 401 is an expected answer here (e.g. "am I logged in?"): don't send the person to log in. */
  expectUnauthenticated?: boolean;
  signal?: AbortSignal;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when the session ended (a 401 from a call that needed one). Returns an unsubscribe. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

let csrfToken: Promise<string> | null = null;

async function fetchCsrfToken(): Promise<string> {
  const response = await send('/api/csrf-token', { method: 'GET' });
  if (!response.ok) {
    throw await problemFromResponse(response);
  }
  const body = (await response.json()) as { token: string };
  return body.token;
}

function csrf(refresh = false): Promise<string> {
  if (refresh || csrfToken === null) {
    csrfToken = fetchCsrfToken();
    csrfToken.catch(() => {
      csrfToken = null;
    });
  }
  return csrfToken;
}

/** Forget the CSRF token (tests, and after logging out when the server rotates the cookie). */
export function resetApiClient(): void {
  csrfToken = null;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw offlineProblem();
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const changesState = method !== 'GET';
  const attempt = async (refreshCsrf: boolean): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    if (changesState) {
      headers['x-csrf-token'] = await csrf(refreshCsrf);
    }
    return send(path, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  };

  let response = await attempt(false);
  let problem: ApiProblem | null = null;
  if (!response.ok) {
    problem = await problemFromResponse(response);
    if (changesState && problem.code === 'csrf-token-invalid') {
      response = await attempt(true);
      problem = response.ok ? null : await problemFromResponse(response);
    }
  }
  if (problem) {
    if (problem.code === 'unauthenticated' && !options.expectUnauthenticated) {
      for (const listener of unauthenticatedListeners) {
        listener();
      }
    }
    throw problem;
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) => apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
