import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test-app';
import { buildScenario, routeCatalog, type Scenario } from './route-catalog';
import { dumpDatabase } from './fuzz/dump';

/**
 * Bad input on every state-changing route, sent by the person the route is for (the owner):
 * malformed JSON, wrong types, unknown and prototype-polluting fields, a body where none belongs,
 * oversized bodies, a wrong content type and a malformed id. Each gets a clear 4xx problem with
 * the field at fault where there is one, and the database is exactly as before.
 */

let t: TestApp;
let s: Scenario;
beforeAll(async () => {
  t = await buildTestApp();
  s = await buildScenario(t);
});
afterAll(async () => {
  await t.close();
});

const dump = () => dumpDatabase(t);

const unsafe = routeCatalog.filter((row) => row.method !== 'GET');

interface BadRequest {
  name: string;
  payload?: string;
  body?: unknown;
  contentType?: string;
  expectStatus: number;
  pointer?: string;
}

function badRequestsFor(example: unknown): BadRequest[] {
  const cases: BadRequest[] = [
    { name: 'malformed JSON', payload: '{"helps": "unterminated', expectStatus: 400 },
    { name: 'a JSON array instead of an object', body: [1, 2, 3], expectStatus: 400 },
    { name: 'a JSON string instead of an object', payload: '"just a string"', expectStatus: 400 },
    { name: 'an unknown field', body: { ...(example as object), isAdmin: true }, expectStatus: 400, pointer: '/isAdmin' },
    {
      name: 'a __proto__ key',
      payload: `{"__proto__": {"isAdmin": true}${example ? ',' + JSON.stringify(example).slice(1) : '}'}`,
      expectStatus: 400,
    },
    { name: 'a constructor.prototype key', payload: '{"constructor": {"prototype": {"isAdmin": true}}}', expectStatus: 400 },
    { name: 'an oversized body', body: { ...(example as object), padding: 'x'.repeat(70 * 1024) }, expectStatus: 413 },
    { name: 'a non-JSON content type', payload: 'helps=1', contentType: 'application/x-www-form-urlencoded', expectStatus: 415 },
    { name: 'deep nesting', payload: '{"a":'.repeat(2000) + '1' + '}'.repeat(2000), expectStatus: 400 },
  ];
  if (example && typeof example === 'object') {
    for (const [key, value] of Object.entries(example)) {
      const wrong = typeof value === 'string' ? { $ne: null } : 'not-the-right-type';
      cases.push({ name: `a wrong type for ${key}`, body: { ...example, [key]: wrong }, expectStatus: 400, pointer: `/${key}` });
      if (typeof value === 'string') {
        cases.push({
          name: `a huge string for ${key}`,
          body: { ...example, [key]: '\u{1F600}\u0000\u202E' + 'x'.repeat(60_000) },
          expectStatus: 400,
          pointer: `/${key}`,
        });
      }
    }
  }
  return cases;
}

describe('bad input changes nothing', () => {
  for (const row of unsafe) {
    it(`${row.method} ${row.url}`, async () => {
      const { url, body: example } = row.request(s);
      const before = await dump();
      for (const bad of badRequestsFor(example)) {
        const payload = bad.payload ?? JSON.stringify(bad.body);
        const answer = await s.owner.request(row.method, url, {
          payload,
          headers: { 'content-type': bad.contentType ?? 'application/json' },
        });
        expect(answer.status, `${bad.name}: ${JSON.stringify(answer.body)}`).toBe(bad.expectStatus);
        expect(answer.headers['content-type']).toContain('application/problem+json');
        expect(JSON.stringify(answer.body)).not.toMatch(/at .*\.(ts|js):\d+|node_modules|stack/i);
        if (bad.pointer) {
          expect(
            answer.body.errors.map((e: { pointer: string }) => e.pointer),
            bad.name,
          ).toContain(bad.pointer);
        }
      }
      expect(await dump()).toBe(before);
    });
  }

  it('answers a malformed id in a path with the parameter at fault', async () => {
    const answer = await s.owner.get('/api/programs/not-a-uuid');
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ pointer: '/programId' })]);
    expect((await s.owner.get('/api/me/sharing/unknown-kind')).status).toBe(404);
    expect((await s.owner.put('/api/me/sharing/unknown-kind', { audience: 'partner' })).body.errors).toEqual([
      expect.objectContaining({ pointer: '/kind' }),
    ]);
  });
});
