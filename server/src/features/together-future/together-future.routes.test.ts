import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { buildTestApp, newCouple, newPerson, type TestApp } from '../../../test/test-app';
import { answerSafetyScreen, newOpenCouple, signContract } from '../../../test/together-helpers';
import { clock, todayIn } from '../../platform/local-date';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
const realNow = clock.now;
afterEach(() => {
  clock.now = realNow;
});

const goal = {
  title: 'A weekend at the lake',
  targetDate: '2027-06-01',
  milestones: [{ title: 'Save $300' }, { title: 'Book the cabin' }],
};

describe('shared goals', () => {
  it('either partner adds and ticks milestones; two taps at once give one result; reaching all is celebrated', async () => {
    const { a, b } = await newOpenCouple(t);
    const created = await b.post('/api/couple/goals', goal);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ createdBy: b.userId, title: 'A weekend at the lake', reachedAt: null });
    const [first, second] = created.body.milestones;

    const taps = await Promise.all([
      a.put(`/api/couple/goals/${created.body.id}/milestones/${first.id}/done`, { done: true }),
      b.put(`/api/couple/goals/${created.body.id}/milestones/${first.id}/done`, { done: true }),
    ]);
    expect(taps.map((tap) => tap.status)).toEqual([200, 200]);
    const [afterA, afterB] = taps.map((tap) => tap.body.milestones[0]);
    expect(afterA.doneAt).not.toBeNull();
    // Both answers agree on one tick: one time, one partner.
    const final = (await a.get('/api/couple/goals')).body.goals[0].milestones[0];
    expect([afterA.doneBy, afterB.doneBy]).toContain(final.doneBy);
    expect(afterB).toEqual(final);

    await a.put(`/api/couple/goals/${created.body.id}/milestones/${second.id}/done`, { done: true });
    const reached = (await b.get('/api/couple/goals')).body.goals[0];
    expect(reached.reachedAt).not.toBeNull();
    const celebrations = (await b.get('/api/couple/celebrations')).body.celebrations;
    expect(celebrations.map((c: { kind: string }) => c.kind).sort()).toEqual(['goal-reached', 'milestone', 'milestone']);
    // Unticking takes the celebration away again.
    await b.put(`/api/couple/goals/${created.body.id}/milestones/${second.id}/done`, { done: false });
    expect((await a.get('/api/couple/goals')).body.goals[0].reachedAt).toBeNull();

    // A milestone of another couple's goal is not found.
    const other = await newOpenCouple(t);
    expect((await other.a.put(`/api/couple/goals/${created.body.id}/milestones/${first.id}/done`, { done: true })).status).toBe(404);
  });

  it('refuses bad input with the field at fault and saves nothing', async () => {
    const { a, coupleId } = await newOpenCouple(t);
    const bad = await a.post('/api/couple/goals', { title: '', milestones: [{ title: 'x', done: true }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/milestones/0/done', '/title']);
    expect(await t.database.db.selectFrom('coupleGoals').select('id').where('coupleId', '=', coupleId).execute()).toEqual([]);
  });
});

describe('Shared Rewarding Activities', () => {
  it('planned, done, and rated by each partner for themselves only', async () => {
    const { a, b } = await newOpenCouple(t);
    const planned = await a.post('/api/couple/activities', { title: 'Picnic in the park', plannedFor: '2026-12-05' });
    expect(planned.body).toMatchObject({ createdBy: a.userId, doneAt: null, ratings: [], can: { rate: false } });
    const id = planned.body.id;
    expect((await b.put(`/api/couple/activities/${id}/ratings/mine`, { rating: 5 })).status).toBe(409);
    const done = await b.put(`/api/couple/activities/${id}/done`, { done: true });
    expect(done.body).toMatchObject({ doneBy: b.userId, can: { rate: true } });
    await b.put(`/api/couple/activities/${id}/ratings/mine`, { rating: 5 });
    await a.put(`/api/couple/activities/${id}/ratings/mine`, { rating: 3 });
    const again = await a.put(`/api/couple/activities/${id}/ratings/mine`, { rating: 4 });
    expect(again.body.ratings.sort((x: { rating: number }, y: { rating: number }) => x.rating - y.rating)).toEqual([
      { partnerId: a.userId, rating: 4 },
      { partnerId: b.userId, rating: 5 },
    ]);
    expect((await a.put(`/api/couple/activities/${id}/ratings/mine`, { rating: 6 })).body.errors[0].pointer).toBe('/rating');
  });

  it('closed joint features refuse, and an ex-partner sees nothing', async () => {
    const closed = await newCouple(t);
    expect((await closed.a.get('/api/couple/activities')).body.code).toBe('joint-features-closed');
    expect((await closed.a.get('/api/couple/celebrations')).body.code).toBe('joint-features-closed');

    const { a, b } = await newOpenCouple(t);
    await a.post('/api/couple/activities', { title: 'Cook together', plannedFor: null });
    await b.post('/api/couple/leave');
    expect((await b.get('/api/couple/activities')).body.code).toBe('not-in-couple');
    const invite = await a.post('/api/couple/invites');
    const casey = await newPerson(t, 'Casey');
    await casey.post(`/api/invites/${invite.body.token}/accept`);
    await answerSafetyScreen(casey);
    expect((await casey.get('/api/couple/activities')).body.activities).toEqual([]);
    expect((await casey.get('/api/couple/goals')).body.goals).toEqual([]);
  });
});

describe('celebrations', () => {
  it('include the signed contract and Trust Discussion streaks, shown to both', async () => {
    const couple = await newOpenCouple(t);
    await signContract(couple);
    const start = todayIn('America/Chicago');
    const then = Temporal.Now.instant().add({ hours: 24 * 7 });
    clock.now = () => then;
    for (let day = 0; day < 7; day += 1) {
      const date = Temporal.PlainDate.from(start).add({ days: day }).toString();
      await couple.a.put(`/api/couple/trust-discussions/${date}/mine`, { stated: true, thanked: false });
      await couple.b.put(`/api/couple/trust-discussions/${date}/mine`, { stated: false, thanked: true });
    }
    for (const partner of [couple.a, couple.b]) {
      const kinds = (await partner.get('/api/couple/celebrations')).body.celebrations.map((c: { kind: string; days: number | null }) => [
        c.kind,
        c.days,
      ]);
      expect(kinds).toEqual([
        ['contract-signed', null],
        ['trust-streak', 7],
      ]);
    }
  });
});
