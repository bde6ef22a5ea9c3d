import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createCipher } from '../../platform/crypto';
import { createCapturingMailer } from '../../platform/mailer';
import { buildTestApp, newPerson, TestClient, type TestApp } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('system', () => {
  it('reports health with the database state', async () => {
    const answer = await new TestClient(t.app).get('/api/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok', database: { dialect: expect.stringMatching(/^(pglite|postgres)$/), reachable: true } });
  });

  it('serves the crisis lines of the configured region', async () => {
    const answer = await new TestClient(t.app).get('/api/crisis-resources');
    expect(answer.body.region).toBe('US');
    expect(answer.body.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '988 Suicide & Crisis Lifeline', phone: '988' }),
        expect.objectContaining({ name: 'SAMHSA National Helpline', phone: '1-800-662-4357' }),
      ]),
    );
  });

  it('describes every API route in the OpenAPI document, and serves interactive docs', async () => {
    const client = new TestClient(t.app);
    const doc = (await client.get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const routes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(routes.sort());
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    const docs = await client.get('/api/docs/');
    expect(docs.status).toBe(200);
    expect(String(docs.body)).toContain('swagger');
  });

  it('keeps no state in the server process: a second instance on the same database serves the same session', async () => {
    const second = await buildApp({
      config: t.config,
      database: t.database,
      cipher: createCipher(t.encryptionKey),
      mailer: createCapturingMailer(),
      logger: false,
    });
    try {
      const person = await newPerson(t);
      const cookie = `twofold_session=${person.sessionCookie()}`;
      const me = await second.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect(me.json().user.id).toBe(person.userId);
      expect((await person.post('/api/auth/logout')).status).toBe(204);
      expect((await second.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    } finally {
      await second.close();
    }
  });
});
