import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newPerson, type TestApp } from '../../test/test-app';

let local: TestApp;
let production: TestApp;
beforeAll(async () => {
  local = await buildTestApp();
  production = await buildTestApp({ SECURE_COOKIES: 'true' });
});
afterAll(async () => {
  await local.close();
  await production.close();
});

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
}

describe('security headers', () => {
  const cases: Array<[string, string, string, unknown?]> = [
    ['a successful answer', 'GET', '/api/health'],
    ['an unknown API route', 'GET', '/api/no-such-route'],
    ['a missing session', 'GET', '/api/me'],
    ['a failed validation', 'POST', '/api/auth/login', { email: 'not-an-email' }],
    ['a missing CSRF token', 'POST', '/api/couple'],
    ['malformed JSON', 'PUT', '/api/me/support-preferences', '{'],
  ];

  for (const [name, method, url, payload] of cases) {
    it(`are on ${name}, with no-store`, async () => {
      const answer = await local.app.inject({
        method: method as 'GET',
        url,
        ...(payload === undefined
          ? {}
          : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
      });
      expect(answer.statusCode).toBeGreaterThanOrEqual(200);
      expectSecurityHeaders(answer.headers);
      expect(answer.headers['cache-control']).toBe('no-store');
    });
  }

  it('are on a page outside the API', async () => {
    const answer = await local.app.inject({ method: 'GET', url: '/some/page' });
    expectSecurityHeaders(answer.headers);
  });

  it('send HSTS and Secure cookies only outside local development', async () => {
    expect((await local.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    const hsts = (await production.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security'];
    expect(hsts).toContain('max-age=63072000');
    const person = await newPerson(production);
    const login = await person.post('/api/auth/login', { email: person.email, password: 'correct horse battery staple' });
    expect(String(login.headers['set-cookie'])).toMatch(/twofold_session=[^;]+;.*Secure/);
  });

  it('never show a stack trace, even for an unexpected error', async () => {
    const person = await newPerson(local);
    await local.database.db.schema.dropTable('support_preferences').execute();
    const answer = await person.get('/api/me/support-preferences');
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      type: 'about:blank#internal-error',
      title: expect.any(String),
      status: 500,
      instance: '/api/me/support-preferences',
      code: 'internal-error',
    });
    expectSecurityHeaders(answer.headers);
  });
});
