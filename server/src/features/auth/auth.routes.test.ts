import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, linkToken, newPerson, TestClient, type TestApp } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = 'correct horse battery staple';

describe('sign-up', () => {
  it('answers the same for a new and a known address, and e-mails each what fits', async () => {
    const known = await newPerson(t, 'Known');
    const fresh = new TestClient(t.app);
    const forNew = await fresh.post('/api/auth/signup', { email: 'new.person@example.org', password, displayName: 'New' });
    const forKnown = await fresh.post('/api/auth/signup', { email: known.email!.toUpperCase(), password, displayName: 'Other' });
    expect(forNew.status).toBe(202);
    expect(forKnown.status).toBe(202);
    expect(forKnown.body).toEqual(forNew.body);
    expect(forKnown.raw.cookies.find((c: { name: string }) => c.name === 'twofold_session')).toBeUndefined();
    expect(t.outbox.at(-1)).toMatchObject({ to: known.email, subject: expect.stringContaining('tried to sign up') });
    expect(t.outbox.at(-1)!.text).not.toContain('/confirm?token=');
  });

  it('creates the account only when the e-mailed link is opened, and the link works once', async () => {
    const client = new TestClient(t.app);
    await client.post('/api/auth/signup', {
      email: 'link@example.org',
      password,
      displayName: 'Link',
      locale: 'es',
      timeZone: 'Europe/Madrid',
    });
    expect(await t.database.db.selectFrom('users').select('id').where('email', '=', 'link@example.org').executeTakeFirst()).toBeUndefined();
    const token = linkToken(t.outbox, 'link@example.org', /\/confirm\?token=([A-Za-z0-9_-]+)/);
    const confirmed = await client.post('/api/auth/confirm', { token });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.user).toMatchObject({ email: 'link@example.org', displayName: 'Link', locale: 'es', timeZone: 'Europe/Madrid' });
    const cookie = confirmed.raw.cookies.find((c: { name: string }) => c.name === 'twofold_session') as Record<string, unknown>;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await client.post('/api/auth/confirm', { token })).body.code).toBe('invite-invalid');
  });

  it('stores passwords as argon2id hashes', async () => {
    const person = await newPerson(t);
    const row = await t.database.db.selectFrom('users').select('passwordHash').where('id', '=', person.userId!).executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
  });

  it('keeps an invite link through sign-up as the only allowed next step', async () => {
    const client = new TestClient(t.app);
    const bad = await client.post('/api/auth/signup', {
      email: 'next@example.org',
      password,
      displayName: 'N',
      next: 'https://evil.example/',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/next' })]);
    const good = await client.post('/api/auth/signup', {
      email: 'next@example.org',
      password,
      displayName: 'N',
      next: '/join/abcdefghijklmnopqrstu',
    });
    expect(good.status).toBe(202);
    expect(t.outbox.at(-1)!.text).toContain('&next=%2Fjoin%2Fabcdefghijklmnopqrstu');
  });

  it('refuses a short password with the field at fault', async () => {
    const answer = await new TestClient(t.app).post('/api/auth/signup', {
      email: 'short@example.org',
      password: 'short',
      displayName: 'S',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.body.errors).toEqual([{ pointer: '/password', message: expect.stringContaining('12') }]);
  });
});

describe('log-in and sessions', () => {
  it('gives one answer for an unknown address and a wrong password', async () => {
    const person = await newPerson(t);
    const client = new TestClient(t.app);
    const wrongPassword = await client.post('/api/auth/login', { email: person.email, password: 'not the password at all' });
    const unknown = await client.post('/api/auth/login', { email: 'nobody@example.org', password: 'not the password at all' });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect({ ...wrongPassword.body, instance: undefined }).toEqual({ ...unknown.body, instance: undefined });
  });

  it('logs in, logs out, and the old cookie no longer works', async () => {
    const person = await newPerson(t);
    const client = new TestClient(t.app);
    expect((await client.post('/api/auth/login', { email: person.email, password })).status).toBe(200);
    const cookie = client.sessionCookie()!;
    expect((await client.get('/api/me')).body.user.id).toBe(person.userId);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `twofold_session=${cookie}` } });
    expect(replay.statusCode).toBe(401);
    expect((await person.get('/api/me')).status).toBe(200);
  });

  it('accepts the address with stray spaces and capitals, as autofill sends it', async () => {
    const person = await newPerson(t);
    const answer = await new TestClient(t.app).post('/api/auth/login', {
      email: `  ${person.email!.toUpperCase()} `,
      password: 'correct horse battery staple',
    });
    expect(answer.status).toBe(200);
  });

  it('logs out everywhere', async () => {
    const person = await newPerson(t);
    const phone = new TestClient(t.app);
    await phone.post('/api/auth/login', { email: person.email, password });
    expect((await person.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await person.get('/api/me')).status).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const person = await newPerson(t);
    await sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${person.userId}`.execute(t.database.db);
    const answer = await person.get('/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('unauthenticated');
  });

  it('stores only a hash of the session token', async () => {
    const person = await newPerson(t);
    const rows = await t.database.db.selectFrom('sessions').select('id').where('userId', '=', person.userId!).execute();
    expect(rows.map((r) => r.id)).not.toContain(person.sessionCookie());
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const person = await newPerson(t);
    const answer = await person.post('/api/couple', undefined, { csrf: false });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('csrf-token-invalid');
    const forged = await person.post('/api/couple', undefined, { csrf: false, headers: { 'x-csrf-token': 'forged-token-value' } });
    expect(forged.status).toBe(403);
    expect((await person.get('/api/couple')).body.code).toBe('not-in-couple');
  });

  it('changes my name, language and time zone, and rejects an unknown zone', async () => {
    const person = await newPerson(t);
    const changed = await person.patch('/api/me', { displayName: 'Sam R.', locale: 'es', timeZone: 'America/New_York' });
    expect(changed.body.user).toMatchObject({ displayName: 'Sam R.', locale: 'es', timeZone: 'America/New_York' });
    const bad = await person.patch('/api/me', { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/timeZone' })]);
  });
});

describe('rate limits', () => {
  it('limits log-in attempts per minute', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
    try {
      const client = new TestClient(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push((await client.post('/api/auth/login', { email: 'x@example.org', password: 'whatever-password' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const last = await client.post('/api/auth/login', { email: 'x@example.org', password: 'whatever-password' });
      expect(last.body.code).toBe('rate-limited');
    } finally {
      await limited.close();
    }
  });
});
