import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newCouple, newPerson, type TestApp } from '../../../test/test-app';
import { answerHark, openCouple, restoreClock } from '../../../test/communication-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(restoreClock);

const jointRoutes: Array<[string, string, unknown?]> = [
  ['GET', '/api/couple/exercise'],
  ['POST', '/api/couple/exercise', {}],
  ['POST', '/api/couple/exercise/paraphrase', {}],
  ['POST', '/api/couple/exercise/confirm', { verdict: 'yes' }],
  ['POST', '/api/couple/exercise/pass', {}],
  ['POST', '/api/couple/exercise/end', {}],
  ['GET', '/api/couple/exercises'],
  ['GET', '/api/couple/pause'],
  ['POST', '/api/couple/pause'],
  ['POST', '/api/couple/pause/ready'],
  ['PUT', '/api/couple/pause-settings', { coolDownMinutes: 30 }],
  ['GET', '/api/couple/connection-question'],
  ['POST', '/api/couple/connection-question/answer', { answer: 'Our walk by the river.' }],
];

describe('joint routes', () => {
  it('refuse until both safety screens open joint features, and a person outside a couple', async () => {
    const couple = await newCouple(t);
    await answerHark(couple.a);
    const alone = await newPerson(t);
    for (const [method, url, body] of jointRoutes) {
      const closed = await couple.b.request(method, url, body === undefined ? {} : { body });
      expect(closed.status, `${method} ${url}`).toBe(409);
      expect(closed.body.code).toBe('joint-features-closed');
      const outside = await alone.request(method, url, body === undefined ? {} : { body });
      expect(outside.body.code, `${method} ${url}`).toBe('not-in-couple');
    }
    // A positive screen keeps them closed, and says nothing about whose.
    await answerHark(couple.b, true);
    const answer = await couple.a.get('/api/couple/pause');
    expect(answer.body.code).toBe('joint-features-closed');
    expect(JSON.stringify(answer.body)).not.toMatch(/positive|screen|hark/i);
  });

  it('show a partner who left nothing at once, and the one who stayed only that joint features are closed', async () => {
    const { a, b } = await openCouple(t);
    await a.post('/api/couple/exercise', { topic: 'Weekend plans' });
    await a.post('/api/couple/pause');
    await a.post('/api/couple/connection-question/answer', { answer: 'The lake.' });
    expect((await b.post('/api/couple/leave')).status).toBeLessThan(300);
    for (const [method, url, body] of jointRoutes) {
      const left = await b.request(method, url, body === undefined ? {} : { body });
      expect(left.body.code, `${method} ${url}`).toBe('not-in-couple');
      expect(JSON.stringify(left.body)).not.toMatch(/Weekend|lake/);
      const stayed = await a.request(method, url, body === undefined ? {} : { body });
      expect(stayed.body.code, `${method} ${url}`).toBe('joint-features-closed');
    }
  });
  it('show a new partner nothing the previous pair did together', async () => {
    const { a, b } = await openCouple(t);
    await a.post('/api/couple/exercise', { topic: 'Old pair topic' });
    await a.post('/api/couple/pause');
    await b.post('/api/couple/connection-question/answer', { answer: 'Old pair answer' });
    await b.post('/api/couple/leave');
    const c = await newPerson(t, 'Casey');
    const invite = await a.post('/api/couple/invites');
    expect((await c.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
    await answerHark(c);
    for (const person of [a, c]) {
      expect((await person.get('/api/couple/exercise')).body.exercise).toBeNull();
      expect((await person.get('/api/couple/pause')).body.pause).toBeNull();
      const today = await person.get('/api/couple/connection-question');
      expect(today.body.partner.hasAnswered).toBe(false);
      expect(JSON.stringify(today.body)).not.toContain('Old pair');
    }
    // The old pair's running exercise does not block the new pair's first one.
    expect((await c.post('/api/couple/exercise', {})).status).toBe(201);
  });
});
