import { clock, todayIn } from '../../platform/local-date';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/test-app';
import { openCouple, tableText, clockAheadByHours, restoreClock } from '../../../test/communication-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(restoreClock);

describe('the daily connection question', () => {
  it('shows each partner the other’s answer only after answering themselves', async () => {
    const { a, b } = await openCouple(t);
    const first = await a.get('/api/couple/connection-question');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ myAnswer: null, partner: { hasAnswered: false, answer: null } });
    expect(first.body.question.es).not.toBe('');
    expect((await b.get('/api/couple/connection-question')).body.questionId).toBe(first.body.questionId);

    const answered = await a.post('/api/couple/connection-question/answer', { answer: 'Our walk by the river.' });
    expect(answered.status).toBe(201);
    expect(answered.body.myAnswer.text).toBe('Our walk by the river.');
    const bBefore = await b.get('/api/couple/connection-question');
    expect(bBefore.body.partner).toEqual({ hasAnswered: true, answer: null });
    expect(JSON.stringify(bBefore.body)).not.toContain('river');

    const bAnswered = await b.post('/api/couple/connection-question/answer', { answer: 'Cooking together on Sunday.' });
    expect(bAnswered.body.partner.answer.text).toBe('Our walk by the river.');
    expect((await a.get('/api/couple/connection-question')).body.partner.answer.text).toBe('Cooking together on Sunday.');
    expect((await a.post('/api/couple/connection-question/answer', { answer: 'Again' })).status).toBe(409);
    expect(await tableText(t, 'connection_answers')).not.toMatch(/river|Sunday/);
    const events = await t.database.db.selectFrom('coupleEvents').select('data').where('type', '=', 'connection.answered').execute();
    expect(JSON.stringify(events)).not.toMatch(/river|Sunday/);
  });

  it('asks a new question on a new day, the same for both partners', async () => {
    const { a, b } = await openCouple(t);
    const ids = new Set<string>();
    for (let day = 0; day < 6; day += 1) {
      clockAheadByHours(24 * day);
      const [mine, theirs] = await Promise.all([a.get('/api/couple/connection-question'), b.get('/api/couple/connection-question')]);
      expect(mine.body.questionId).toBe(theirs.body.questionId);
      expect(mine.body.date).toBe(todayIn('America/Chicago', clock.now()));
      ids.add(mine.body.questionId);
    }
    expect(ids.size).toBeGreaterThan(1);
  });

  it('refuses an empty or overlong answer and saves nothing', async () => {
    const { a } = await openCouple(t);
    for (const answer of ['   ', 'x'.repeat(1001)]) {
      const bad = await a.post('/api/couple/connection-question/answer', { answer });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].pointer).toBe('/answer');
    }
    expect((await a.get('/api/couple/connection-question')).body.myAnswer).toBeNull();
  });
});
