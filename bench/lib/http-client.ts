/**
 * A small browser-like HTTP client for an out-of-process server: keeps its cookies and sends the
 * CSRF token on state-changing requests, like the web app does.
 */
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  userId: string | null = null;
  email: string | null = null;

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Points the client at another server (the same data after a restart); cookies stay. */
  moveTo(baseUrl: string): HttpClient {
    const moved = new HttpClient(baseUrl);
    for (const [name, value] of this.cookies) {
      moved.cookies.set(name, value);
    }
    moved.csrfToken = this.csrfToken;
    moved.userId = this.userId;
    moved.email = this.email;
    return moved;
  }

  async request<T = any>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Answer<T>> {
    const isUnsafe = method !== 'GET' && method !== 'HEAD';
    if (isUnsafe && this.csrfToken === null) {
      this.csrfToken = (await this.request<{ token: string }>('GET', '/api/csrf-token', undefined, signal)).body.token;
    }
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) {
      headers['cookie'] = this.cookieHeader();
    }
    if (isUnsafe && this.csrfToken) {
      headers['x-csrf-token'] = this.csrfToken;
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const answer = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
    for (const cookie of answer.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const isCleared = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (isCleared) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
    const text = await answer.text();
    const isJson = (answer.headers.get('content-type') ?? '').includes('json');
    return { status: answer.status, body: (text && isJson ? JSON.parse(text) : text) as T, headers: answer.headers };
  }

  get = <T = any>(path: string, signal?: AbortSignal) => this.request<T>('GET', path, undefined, signal);
  post = <T = any>(path: string, body?: unknown, signal?: AbortSignal) => this.request<T>('POST', path, body, signal);
  put = <T = any>(path: string, body?: unknown, signal?: AbortSignal) => this.request<T>('PUT', path, body, signal);
}

/** Anything that can wait for a log line of the server (the e-mailed link is logged without SMTP). */
export interface LogSource {
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Signs a person up through the real e-mailed link (read from the server's log, which needs
 * LOG_LEVEL=info and no SMTP_URL) and returns their logged-in client.
 */
export async function signUpPerson(baseUrl: string, log: LogSource, email: string, displayName: string): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const signup = await client.post('/api/auth/signup', {
    email,
    password: 'correct horse battery staple',
    displayName,
    timeZone: 'America/Chicago',
  });
  if (signup.status !== 202) {
    throw new Error(`sign-up answered ${signup.status}: ${JSON.stringify(signup.body)}`);
  }
  const [, token] = await log.waitForLog(new RegExp(`to ${escape(email)}:[^"]*\\/confirm\\?token=([A-Za-z0-9_-]+)`));
  const confirmed = await client.post('/api/auth/confirm', { token });
  if (confirmed.status !== 201) {
    throw new Error(`confirm answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  }
  client.userId = confirmed.body.user.id;
  client.email = email;
  return client;
}

/** Two partners in one couple space: `a` created it and invited `b`, who accepted. */
export async function makeCouple(a: HttpClient, b: HttpClient): Promise<string> {
  const couple = await a.post('/api/couple');
  if (couple.status !== 201) {
    throw new Error(`POST /api/couple answered ${couple.status}`);
  }
  const invite = await a.post('/api/couple/invites');
  const accepted = await b.post(`/api/invites/${invite.body.token}/accept`);
  if (accepted.status !== 200) {
    throw new Error(`accept answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  }
  return couple.body.id as string;
}
