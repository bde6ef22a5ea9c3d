import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/test-app';
import { openCouple, tableText, restoreClock } from '../../../test/communication-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(restoreClock);

describe('the speaker–listener exercise', () => {
  it('passes the floor only after the listener paraphrased and the speaker confirmed, and sums up at the end', async () => {
    const { a, b } = await openCouple(t);
    const started = await a.post('/api/couple/exercise', { topic: 'Weekend plans', turnSeconds: 120 });
    expect(started.status).toBe(201);
    const ex = started.body.exercise;
    expect(ex).toMatchObject({ topic: 'Weekend plans', turnSeconds: 120, myRole: 'speaker', version: 0 });
    expect(ex.turn).toMatchObject({ number: 1, speaker: 'me', step: 'speaking' });
    expect(Date.parse(ex.turn.endsAt) - Date.parse(ex.turn.startedAt)).toBe(120_000);

    // Both phones show the same turn and the same countdown.
    const seen = (await b.get('/api/couple/exercise')).body.exercise;
    expect(seen.turn).toMatchObject({ speaker: 'partner', startedAt: ex.turn.startedAt, endsAt: ex.turn.endsAt });
    expect(seen).toMatchObject({ myRole: 'listener', can: { paraphrase: true, confirm: false, pass: false, end: true } });

    // Out of turn: the speaker cannot paraphrase, the listener cannot pass or confirm.
    expect((await a.post('/api/couple/exercise/paraphrase', {})).status).toBe(403);
    expect((await b.post('/api/couple/exercise/pass', {})).status).toBe(403);
    expect((await b.post('/api/couple/exercise/confirm', { verdict: 'yes' })).status).toBe(403);
    // The floor does not pass before a paraphrase.
    expect((await a.post('/api/couple/exercise/pass', {})).status).toBe(409);

    const paraphrased = await b.post('/api/couple/exercise/paraphrase', { text: 'You would like a quiet Saturday.' });
    expect(paraphrased.status).toBe(200);
    expect(paraphrased.body.exercise.turn).toMatchObject({ step: 'awaiting-confirmation', paraphrase: 'You would like a quiet Saturday.' });
    expect((await a.post('/api/couple/exercise/pass', {})).status).toBe(409);
    const notQuite = await a.post('/api/couple/exercise/confirm', { verdict: 'not-quite' });
    expect(notQuite.body.exercise.turn).toMatchObject({ step: 'speaking', paraphraseAttempts: 1 });
    await b.post('/api/couple/exercise/paraphrase', {});
    const yes = await a.post('/api/couple/exercise/confirm', { verdict: 'yes' });
    expect(yes.body.exercise).toMatchObject({ turn: { step: 'confirmed', paraphraseAttempts: 2, paraphrase: null }, can: { pass: true } });
    expect((await b.post('/api/couple/exercise/pass', {})).status).toBe(403);
    const passed = await a.post('/api/couple/exercise/pass', {});
    expect(passed.body.exercise).toMatchObject({ myRole: 'listener', turn: { number: 2, speaker: 'partner', step: 'speaking' } });

    // Turn two: Blake speaks, Alex listens.
    expect((await a.post('/api/couple/exercise/paraphrase', { text: 'You need a plan for Sunday.' })).status).toBe(200);
    expect((await b.post('/api/couple/exercise/confirm', { verdict: 'yes' })).status).toBe(200);
    expect((await b.post('/api/couple/exercise/pass', {})).status).toBe(200);

    const ended = await b.post('/api/couple/exercise/end', {});
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ topic: 'Weekend plans', totals: { turns: 3, confirmedParaphrases: 2 } });
    expect(ended.body.turns.map((turn: { speaker: string }) => turn.speaker)).toEqual(['partner', 'me', 'partner']);
    expect((await a.get('/api/couple/exercise')).body.exercise).toBeNull();
    const history = await a.get('/api/couple/exercises');
    expect(history.body.exercises[0]).toMatchObject({ id: ex.id, totals: { turns: 3, confirmedParaphrases: 2 } });
    expect(history.body.exercises[0].turns.map((turn: { speaker: string }) => turn.speaker)).toEqual(['me', 'partner', 'me']);

    // Free text is ciphertext at rest; events carry ids and small facts only.
    expect(await tableText(t, 'speaker_listener_sessions')).not.toContain('Weekend');
    expect(await tableText(t, 'speaker_listener_turns')).not.toContain('Saturday');
    const events = await t.database.db.selectFrom('coupleEvents').select(['type', 'data']).where('type', 'like', 'exercise.%').execute();
    expect(events.map((event) => event.type)).toContain('exercise.ended');
    expect(JSON.stringify(events)).not.toMatch(/Weekend|Saturday|Sunday/);
  });

  it('lets the second partner know one is running, and the first speaker can be the partner', async () => {
    const { a, b } = await openCouple(t);
    const started = await a.post('/api/couple/exercise', { firstSpeaker: 'partner', turnSeconds: 60 });
    expect(started.body.exercise).toMatchObject({ myRole: 'listener', topic: null, turn: { speaker: 'partner' } });
    const second = await b.post('/api/couple/exercise', {});
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('conflict');
    expect((await a.post('/api/couple/exercise/end', {})).status).toBe(200);
    expect((await a.post('/api/couple/exercise/end', {})).status).toBe(409);
  });

  it('refuses an action taken on an old screen (version check)', async () => {
    const { a, b } = await openCouple(t);
    const started = await a.post('/api/couple/exercise', {});
    await b.post('/api/couple/exercise/paraphrase', { version: 0 });
    const stale = await b.post('/api/couple/exercise/end', { version: 0 });
    expect(stale.status).toBe(409);
    expect((await a.get('/api/couple/exercise')).body.exercise.id).toBe(started.body.exercise.id);
  });

  it('gives one consistent result when both phones tap at once', async () => {
    const { a, b } = await openCouple(t);
    const starts = await Promise.all([a.post('/api/couple/exercise', {}), b.post('/api/couple/exercise', {})]);
    expect(starts.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const active = await t.database.db
      .selectFrom('speakerListenerSessions')
      .select('id')
      .where('status', '=', 'active')
      .where('startedBy', 'in', [a.userId!, b.userId!])
      .execute();
    expect(active).toHaveLength(1);
    const speaker = starts[0]!.status === 201 ? a : b;
    const listener = speaker === a ? b : a;
    const twice = await Promise.all([
      listener.post('/api/couple/exercise/paraphrase', { version: 0 }),
      listener.post('/api/couple/exercise/paraphrase', { version: 0 }),
    ]);
    expect(twice.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect((await speaker.get('/api/couple/exercise')).body.exercise.turn.paraphraseAttempts).toBe(1);
    await speaker.post('/api/couple/exercise/confirm', { verdict: 'yes' });
    // The speaker passes while the listener ends: one wins, the other sees the changed state.
    const race = await Promise.all([
      speaker.post('/api/couple/exercise/pass', { version: 2 }),
      listener.post('/api/couple/exercise/end', { version: 2 }),
    ]);
    expect(race.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const ends = await Promise.all([a.post('/api/couple/exercise/end', {}), b.post('/api/couple/exercise/end', {})]);
    expect(ends.map((answer) => answer.status).sort()).toEqual(race[1]!.status === 200 ? [409, 409] : [200, 409]);
  });

  it('refuses bad input with the field at fault and saves nothing', async () => {
    const { a, b } = await openCouple(t);
    const before = await tableText(t, 'speaker_listener_sessions');
    for (const [body, pointer] of [
      [{ turnSeconds: 5 }, '/turnSeconds'],
      [{ topic: 'x'.repeat(201) }, '/topic'],
      [{ firstSpeaker: 'them' }, '/firstSpeaker'],
      [{ speakerId: b.userId }, '/speakerId'],
    ] as const) {
      const answer = await a.post('/api/couple/exercise', body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await tableText(t, 'speaker_listener_sessions')).toBe(before);
    await a.post('/api/couple/exercise', {});
    const long = await b.post('/api/couple/exercise/paraphrase', { text: 'x'.repeat(1001) });
    expect(long.body.errors[0].pointer).toBe('/text');
    expect((await b.post('/api/couple/exercise/confirm', { verdict: 'maybe' })).body.errors[0].pointer).toBe('/verdict');
    expect((await a.get('/api/couple/exercise')).body.exercise.turn.paraphraseAttempts).toBe(0);
  });
});
