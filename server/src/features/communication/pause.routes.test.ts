import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/test-app';
import { advanceClock, openCouple, tableText, restoreClock } from '../../../test/communication-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(restoreClock);

describe('the conflict pause', () => {
  it('shows both phones the same pause, never who called it, and ends when both are ready', async () => {
    const { a, b } = await openCouple(t);
    const called = await a.post('/api/couple/pause');
    expect(called.status).toBe(201);
    const pause = called.body.pause;
    expect(pause).toMatchObject({ status: 'active', minutes: 20, me: { ready: false }, can: { markReady: true } });
    expect(Date.parse(pause.endsAt) - Date.parse(pause.startedAt)).toBe(20 * 60_000);
    const seen = await b.get('/api/couple/pause');
    expect(seen.body.pause).toMatchObject({ id: pause.id, endsAt: pause.endsAt, groundingId: pause.groundingId });
    expect(JSON.stringify(seen.body)).not.toContain(a.userId);
    expect(JSON.stringify(called.body)).not.toContain(a.userId);
    expect(await tableText(t, 'conflict_pauses')).not.toContain(a.userId);

    // Calling again while it runs is the same pause.
    const again = await b.post('/api/couple/pause');
    expect(again.status).toBe(200);
    expect(again.body.pause.id).toBe(pause.id);

    // One partner ready: the pause goes on, and the other is not told.
    const aReady = await a.post('/api/couple/pause/ready');
    expect(aReady.body.pause).toMatchObject({ status: 'active', me: { ready: true }, can: { markReady: false } });
    expect((await b.get('/api/couple/pause')).body.pause).toMatchObject({ status: 'active', me: { ready: false } });
    const both = await b.post('/api/couple/pause/ready');
    expect(both.body.pause).toMatchObject({ status: 'ended', endReason: 'both-ready' });
    expect((await a.get('/api/couple/pause')).body.pause).toMatchObject({ status: 'ended', endReason: 'both-ready' });
    expect((await a.post('/api/couple/pause/ready')).status).toBe(409);
    const events = await t.database.db.selectFrom('coupleEvents').select(['type', 'data']).where('type', 'like', 'pause.%').execute();
    expect(events.map((event) => event.type).filter((type) => type !== 'pause.settings-updated')).toEqual(
      expect.arrayContaining(['pause.started', 'pause.updated']),
    );
  });

  it('ends when the time is over, even if nobody marked ready, and a new one can be called', async () => {
    const { a, b } = await openCouple(t);
    const first = await a.post('/api/couple/pause');
    advanceClock(20.5);
    const over = await b.get('/api/couple/pause');
    expect(over.body.pause).toMatchObject({ id: first.body.pause.id, status: 'ended', endReason: 'time-over', can: { markReady: false } });
    expect((await b.post('/api/couple/pause/ready')).status).toBe(409);
    const next = await b.post('/api/couple/pause');
    expect(next.status).toBe(201);
    expect(next.body.pause.id).not.toBe(first.body.pause.id);
    advanceClock(20.5 + 20 + 61);
    expect((await a.get('/api/couple/pause')).body.pause).toBeNull();
  });

  it('changes the cool-down only when both partners chose the same minutes', async () => {
    const { a, b } = await openCouple(t);
    expect((await a.get('/api/couple/pause')).body.settings).toEqual({ coolDownMinutes: 20, proposal: null });
    const proposed = await a.put('/api/couple/pause-settings', { coolDownMinutes: 45 });
    expect(proposed.body).toEqual({ coolDownMinutes: 20, proposal: { minutes: 45, proposedByMe: true } });
    expect((await b.get('/api/couple/pause')).body.settings.proposal).toEqual({ minutes: 45, proposedByMe: false });
    expect((await a.post('/api/couple/pause')).body.pause.minutes).toBe(20);
    await a.post('/api/couple/pause/ready');
    await b.post('/api/couple/pause/ready');
    expect((await b.put('/api/couple/pause-settings', { coolDownMinutes: 45 })).body).toEqual({ coolDownMinutes: 45, proposal: null });
    expect((await b.post('/api/couple/pause')).body.pause.minutes).toBe(45);
    // Choosing the agreed value declines a proposal.
    await b.put('/api/couple/pause-settings', { coolDownMinutes: 60 });
    expect((await a.put('/api/couple/pause-settings', { coolDownMinutes: 45 })).body).toEqual({ coolDownMinutes: 45, proposal: null });
    for (const coolDownMinutes of [10, 61, 30.5]) {
      const bad = await a.put('/api/couple/pause-settings', { coolDownMinutes });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].pointer).toBe('/coolDownMinutes');
    }
  });

  it('calls one pause when both phones call at once', async () => {
    const { a, b } = await openCouple(t);
    const calls = await Promise.all([a.post('/api/couple/pause'), b.post('/api/couple/pause')]);
    expect(calls.map((answer) => answer.status).sort()).toEqual([200, 201]);
    expect(calls[0]!.body.pause.id).toBe(calls[1]!.body.pause.id);
    const readies = await Promise.all([a.post('/api/couple/pause/ready'), b.post('/api/couple/pause/ready')]);
    expect(readies.map((answer) => answer.status)).toEqual([200, 200]);
    expect((await a.get('/api/couple/pause')).body.pause).toMatchObject({ status: 'ended', endReason: 'both-ready' });
  });
});
