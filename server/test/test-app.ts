import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { Secret, TOTP } from 'otpauth';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/platform/config';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/platform/db';
import { createCipher, generateKey } from '../src/platform/crypto';
import { createCapturingMailer, type MailMessage } from '../src/platform/mailer';

/**
 * The database the API tests run on: PGlite always (project "api-pglite"), PostgreSQL when
 * TEST_DATABASE_URL is set (project "api-postgres"). Each test app gets a database of its own:
 * an in-memory PGlite, or a fresh PostgreSQL database that is dropped on close.
 */
export const testDialect = process.env['TWOFOLD_TEST_DIALECT'] === 'postgres' ? 'postgres' : 'pglite';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  outbox: MailMessage[];
  /** The key the app encrypts with (base64). */
  encryptionKey: string;
  close(): Promise<void>;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { target, drop } = await freshDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://twofold.test',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    RATE_LIMIT_ACCOUNT_ATTEMPTS: '1000',
    ...env,
  });
  const database = await openDatabase(target);
  await migrateToLatest(database.db);
  const mailer = createCapturingMailer();
  const encryptionKey = generateKey();
  const app = await buildApp({ config, database, cipher: createCipher(encryptionKey), mailer, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    outbox: mailer.outbox,
    encryptionKey,
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

async function freshDatabase(): Promise<{ target: Parameters<typeof openDatabase>[0]; drop: () => Promise<void> }> {
  if (testDialect === 'pglite') {
    return { target: { kind: 'pglite', dataDir: null }, drop: async () => {} };
  }
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) {
    throw new Error('TEST_DATABASE_URL must be set for the PostgreSQL test project.');
  }
  const name = `twofold_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

/** A browser-like client: keeps its cookies, fetches and sends the CSRF token like the web app. */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  userId: string | null = null;
  email: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request<T = any>(
    method: string,
    url: string,
    options: { body?: unknown; payload?: string; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<Answer<T>> {
    const isUnsafe = method !== 'GET' && method !== 'HEAD';
    if (isUnsafe && options.csrf !== false && this.csrfToken === null) {
      this.csrfToken = (await this.request<{ token: string }>('GET', '/api/csrf-token')).body.token;
    }
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (isUnsafe && options.csrf !== false && this.csrfToken) {
      headers['x-csrf-token'] = this.csrfToken;
    }
    let payload: string | undefined = options.payload;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const raw = await this.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
    for (const cookie of raw.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const isCleared = cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (isCleared) {
        this.cookies.delete(cookie.name);
      } else {
        this.cookies.set(cookie.name, cookie.value);
      }
    }
    const text = raw.body;
    const body = text && String(raw.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text;
    return { status: raw.statusCode, body: body as T, headers: raw.headers, raw };
  }

  get = <T = any>(url: string, options?: { headers?: Record<string, string> }) => this.request<T>('GET', url, options);
  post = <T = any>(url: string, body?: unknown, options?: { headers?: Record<string, string>; csrf?: boolean }) =>
    this.request<T>('POST', url, { ...options, body });
  put = <T = any>(url: string, body?: unknown) => this.request<T>('PUT', url, { body });
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, { body });
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);

  sessionCookie(): string | undefined {
    return this.cookies.get('twofold_session');
  }

  /** The Cookie header this client sends (for a request outside `inject`, e.g. an event stream). */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

let counter = 0;

/** Signs a new person up through the real e-mail link and returns their logged-in client. */
export async function newPerson(t: TestApp, displayName = 'Sam'): Promise<TestClient> {
  const client = new TestClient(t.app);
  counter += 1;
  const email = `person${counter}-${randomBytes(3).toString('hex')}@example.org`;
  const signup = await client.post('/api/auth/signup', {
    email,
    password: 'correct horse battery staple',
    displayName,
    timeZone: 'America/Chicago',
  });
  if (signup.status !== 202) {
    throw new Error(`sign-up answered ${signup.status}: ${JSON.stringify(signup.body)}`);
  }
  const token = linkToken(t.outbox, email, /\/confirm\?token=([A-Za-z0-9_-]+)/);
  const confirmed = await client.post('/api/auth/confirm', { token });
  if (confirmed.status !== 201) {
    throw new Error(`confirm answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  }
  client.userId = confirmed.body.user.id;
  client.email = email;
  return client;
}

export function linkToken(outbox: MailMessage[], to: string, pattern: RegExp): string {
  const message = [...outbox].reverse().find((m) => m.to === to && pattern.test(m.text));
  const token = message?.text.match(pattern)?.[1];
  if (!token) {
    throw new Error(`no message to ${to} matching ${pattern}`);
  }
  return token;
}

/** Two partners in one couple space: `a` created it and invited `b`. */
export async function newCouple(
  t: TestApp,
  names: [string, string] = ['Alex', 'Blake'],
): Promise<{ a: TestClient; b: TestClient; coupleId: string }> {
  const a = await newPerson(t, names[0]);
  const b = await newPerson(t, names[1]);
  const couple = await a.post('/api/couple');
  const invite = await a.post('/api/couple/invites');
  const accepted = await b.post(`/api/invites/${invite.body.token}/accept`);
  if (accepted.status !== 200) {
    throw new Error(`accept answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  }
  return { a, b, coupleId: couple.body.id };
}

/** A current TOTP code for a base32 secret; `stepsAhead` 1 gives the next step's (accepted too), as a code never works twice. */
export function totpCode(secret: string, stepsAhead = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepsAhead * 30_000 });
}

/** Turns two-step sign-in on for a signed-in client; returns the secret and the recovery codes. */
export async function enableTwoFactor(client: TestClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await client.post('/api/me/two-factor');
  if (started.status !== 201) {
    throw new Error(`two-factor enrolment answered ${started.status}: ${JSON.stringify(started.body)}`);
  }
  const confirmed = await client.post('/api/me/two-factor/confirm', { code: totpCode(started.body.secret) });
  if (confirmed.status !== 200) {
    throw new Error(`two-factor confirmation answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  }
  return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

/**
 * A program with an admin and a clinician, and the clinician's couple-invite link. Both use
 * two-step sign-in, as program staff must.
 */
export async function newProgram(t: TestApp, name = 'Riverside Couples Program') {
  const admin = await newPerson(t, 'Avery (admin)');
  await enableTwoFactor(admin);
  const program = await admin.post('/api/programs', { name });
  const clinicianInvite = await admin.post(`/api/programs/${program.body.id}/clinician-invites`);
  const clinician = await newPerson(t, 'Dr. Casey');
  await clinician.post(`/api/invites/${clinicianInvite.body.token}/accept`);
  await enableTwoFactor(clinician);
  return { admin, clinician, programId: program.body.id as string };
}

/**
 * Enrolls both partners of a couple into a program (each accepts for themselves), the way the web
 * app's acceptance form does it: the form lists the kinds each person already shares with the care
 * team, ticked, and they submit it — so each consents (treatment, one year) to exactly those kinds.
 * Kinds shared with the care team after this are consented to by the sharing change itself.
 * The inviting clinician is assigned to the couple.
 */
export async function enroll(
  couple: { a: TestClient; b: TestClient },
  program: { clinician: TestClient; programId: string },
): Promise<void> {
  const invite = await program.clinician.post(`/api/programs/${program.programId}/couple-invites`);
  await couple.a.post(`/api/invites/${invite.body.token}/accept`);
  const kindsA = await careTeamKinds(couple.a);
  if (kindsA.length > 0) {
    const granted = await couple.a.post('/api/me/consents', { programId: program.programId, kinds: kindsA, purpose: 'treatment' });
    if (granted.status !== 201) {
      throw new Error(`consent answered ${granted.status}: ${JSON.stringify(granted.body)}`);
    }
  }
  const kindsB = await careTeamKinds(couple.b);
  const accepted = await couple.b.post(`/api/programs/${program.programId}/enrollment`, {
    consent: { kinds: kindsB, purpose: 'treatment' },
  });
  if (accepted.status !== 204) {
    throw new Error(`enrollment answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  }
}

/** The kinds a person shares with the care team now (what the acceptance form ticks for them). */
async function careTeamKinds(client: TestClient): Promise<string[]> {
  const sharing = await client.get('/api/me/sharing');
  return (sharing.body.settings as { kind: string; audience: string }[])
    .filter((setting) => setting.audience === 'care-team' || setting.audience === 'both')
    .map((setting) => setting.kind);
}
