import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { randomToken } from '../src/platform/crypto';
import { buildTestApp, enableTwoFactor, linkToken, newPerson, TestClient, totpCode, type TestApp } from './test-app';

/**
 * Session ids (issue 10): at least 128 random bits, a new id at every log-in (the id a device had
 * before — its own earlier session, someone else's on a shared computer, the pending step of a
 * two-step log-in — stops working), and log-out tells the browser to clear the site's data.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const password = 'correct horse battery staple';

/** A client of its own that starts with these cookies (as a browser holding them would). */
function withCookies(cookies: Record<string, string>): TestClient {
  const client = new TestClient(t.app);
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  for (const [name, value] of Object.entries(cookies)) {
    jar.set(name, value);
  }
  return client;
}

const withCookie = (session: string) => withCookies({ twofold_session: session });

async function works(cookie: string): Promise<boolean> {
  const answer = await withCookie(cookie).get('/api/me');
  expect([200, 401]).toContain(answer.status);
  return answer.status === 200;
}

describe('session ids', () => {
  it('are 256 random bits from the operating system’s generator, and only their hash is stored', async () => {
    const tokens = Array.from({ length: 2_000 }, () => randomToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens.slice(0, 50)) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    // Over 2,000 ids every bit position is set about half the time (a stuck or short source would show).
    const ones = new Array<number>(256).fill(0);
    for (const token of tokens) {
      const bytes = Buffer.from(token, 'base64url');
      for (let bit = 0; bit < 256; bit += 1) {
        ones[bit]! += (bytes[bit >> 3]! >> (bit & 7)) & 1;
      }
    }
    expect(Math.min(...ones)).toBeGreaterThan(850);
    expect(Math.max(...ones)).toBeLessThan(1_150);

    const person = await newPerson(t);
    const cookie = person.sessionCookie()!;
    expect(Buffer.from(cookie, 'base64url')).toHaveLength(32);
    const stored = await sql<{ id: string }>`select id from sessions where user_id = ${person.userId}`.execute(t.database.db);
    expect(stored.rows.map((row) => row.id)).not.toContain(cookie);
    expect(stored.rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a new session id at every log-in', () => {
  it('replaces the id the device had before: the old one stops working at once', async () => {
    const person = await newPerson(t);
    const before = person.sessionCookie()!;
    expect(await works(before)).toBe(true);
    const login = await person.post('/api/auth/login', { email: person.email, password });
    expect(login.status).toBe(200);
    const after = person.sessionCookie()!;
    expect(after).not.toBe(before);
    expect(await works(after)).toBe(true);
    expect(await works(before)).toBe(false);
    const sessions = await sql<{ n: number }>`select count(*)::int as n from sessions where user_id = ${person.userId}`.execute(
      t.database.db,
    );
    expect(sessions.rows[0]!.n).toBe(1);
  });

  it('ends someone else’s session left on a shared device when another person logs in or finishes signing up there', async () => {
    const first = await newPerson(t, 'First');
    const second = await newPerson(t, 'Second');
    const left = first.sessionCookie()!;
    // The second person logs in on the device that still holds the first person's cookie.
    const shared = withCookie(left);
    expect((await shared.post('/api/auth/login', { email: second.email, password })).status).toBe(200);
    expect(shared.sessionCookie()).not.toBe(left);
    expect(await works(left)).toBe(false);
    expect((await shared.get('/api/me')).body.user.id).toBe(second.userId);

    // Finishing a sign-up there does the same.
    const stillLeft = second.sessionCookie()!;
    const device = withCookie(stillLeft);
    const email = `rotation-${Date.now()}@example.org`;
    expect((await device.post('/api/auth/signup', { email, password, displayName: 'Third', timeZone: 'UTC' })).status).toBe(202);
    const confirmed = await device.post('/api/auth/confirm', { token: linkToken(t.outbox, email, /\/confirm\?token=([A-Za-z0-9_-]+)/) });
    expect(confirmed.status).toBe(201);
    expect(device.sessionCookie()).not.toBe(stillLeft);
    expect(await works(stillLeft)).toBe(false);
    expect(await works(device.sessionCookie()!)).toBe(true);
  });

  it('in a two-step log-in: neither the earlier session nor the pending step’s cookie is the session after, and neither works after', async () => {
    const person = await newPerson(t);
    const { secret } = await enableTwoFactor(person);
    const before = person.sessionCookie()!;
    const step = await person.post('/api/auth/login', { email: person.email, password });
    expect(step.status).toBe(202);
    const pending = (step.raw.cookies as Array<{ name: string; value: string }>).find((c) => c.name === 'twofold_pending_login')!.value;
    // The pending step is no session.
    expect(await works(pending)).toBe(false);
    const done = await person.post('/api/auth/login/two-factor', { code: totpCode(secret, 1) });
    expect(done.status).toBe(200);
    const after = person.sessionCookie()!;
    expect([before, pending]).not.toContain(after);
    expect(await works(after)).toBe(true);
    expect(await works(before)).toBe(false);
    // The pending step cannot be used again, even with a fresh code.
    const replayed = await withCookies({ twofold_pending_login: pending }).post('/api/auth/login/two-factor', {
      code: totpCode(secret, 2),
    });
    expect(replayed.status).toBe(401);
    expect(replayed.headers['set-cookie'] ?? '').not.toContain('twofold_session=');
  });

  it('a wrong password changes nothing: the device keeps its session', async () => {
    const person = await newPerson(t);
    const before = person.sessionCookie()!;
    expect((await person.post('/api/auth/login', { email: person.email, password: 'not the right password' })).status).toBe(401);
    expect(person.sessionCookie()).toBe(before);
    expect(await works(before)).toBe(true);
  });
});

describe('log-out clears site data', () => {
  const value = '"cache", "cookies", "storage"';

  it('sends Clear-Site-Data "cache", "cookies", "storage" on log-out and log-out everywhere, and the cookie is gone', async () => {
    const person = await newPerson(t);
    // A second device of the same person.
    const other = new TestClient(t.app);
    expect((await other.post('/api/auth/login', { email: person.email, password })).status).toBe(200);
    const out = await person.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers['clear-site-data']).toBe(value);
    expect(String(out.headers['set-cookie'])).toMatch(/twofold_session=;.*Expires=Thu, 01 Jan 1970/);

    expect((await other.get('/api/me')).status).toBe(200);
    const everywhere = await other.post('/api/auth/logout-everywhere');
    expect(everywhere.status).toBe(204);
    expect(everywhere.headers['clear-site-data']).toBe(value);
  });

  it('also when the session had already ended (a tab left open), but never on a refused request or any other route', async () => {
    const person = await newPerson(t);
    await sql`update sessions set last_seen_at = now() - interval '2 hours' where user_id = ${person.userId}`.execute(t.database.db);
    const late = await person.post('/api/auth/logout');
    expect(late.status).toBe(401);
    expect(late.headers['clear-site-data']).toBe(value);

    const victim = await newPerson(t);
    const forged = await victim.post('/api/auth/logout', undefined, { csrf: false });
    expect(forged.status).toBe(403);
    expect(forged.headers['clear-site-data']).toBeUndefined();
    expect(await works(victim.sessionCookie()!)).toBe(true);

    const login = await victim.post('/api/auth/login', { email: victim.email, password });
    expect(login.status).toBe(200);
    expect(login.headers['clear-site-data']).toBeUndefined();
    expect((await victim.get('/api/me')).headers['clear-site-data']).toBeUndefined();
  });
});
