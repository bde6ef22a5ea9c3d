import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app';

// The gate is only installed on the embedded database; PostgreSQL's pool does its job there.
describe('database gate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ DB_QUEUE_LIMIT: '2' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 503 service-busy with Retry-After once the queue is full, and serves everyone it admitted', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => t.app.inject({ method: 'GET', url: '/api/health' })));
    const busy = answers.filter((answer) => answer.statusCode === 503);
    const served = answers.filter((answer) => answer.statusCode === 200);
    expect(busy.length).toBeGreaterThan(0);
    expect(served.length + busy.length).toBe(30);
    for (const answer of busy) {
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.json()).toMatchObject({ status: 503, code: 'service-busy' });
    }
  });

  it('gives every slot back: after a burst, requests pass again one by one', async () => {
    await Promise.all(Array.from({ length: 30 }, () => t.app.inject({ method: 'GET', url: '/api/health' })));
    for (let i = 0; i < 10; i += 1) {
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    }
  });

  it('lets the web app and the API docs pass without a slot', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => t.app.inject({ method: 'GET', url: '/api/docs/json' })));
    expect(answers.every((answer) => answer.statusCode !== 503)).toBe(true);
  });
});
