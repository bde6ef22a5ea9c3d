import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/test-app';
import { newOpenCouple } from '../../../test/together-helpers';

/**
 * Changing and deleting shared goals and activities (only their author), milestones added to an
 * existing goal (either partner, attributed), and the celebrations of milestones: shown to both,
 * once, whatever two taps did.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function eventsOf(coupleId: string, type: string) {
  return t.database.db
    .selectFrom('coupleEvents')
    .select(['type', 'actorId', 'data'])
    .where('coupleId', '=', coupleId)
    .where('type', '=', type)
    .orderBy('id')
    .execute();
}

const goal = { title: 'A weekend at the lake', targetDate: null, milestones: [{ title: 'Save $300' }] };

describe('shared goals: changes by their author, milestones by either partner', () => {
  it('only the goal’s author changes or deletes it; the other partner gets 403 and the goal stays as it was', async () => {
    const { a, b, coupleId } = await newOpenCouple(t);
    const created = await a.post('/api/couple/goals', goal);
    const id = created.body.id;
    expect(created.body.can).toEqual({ edit: true, addMilestone: true });
    expect((await b.get('/api/couple/goals')).body.goals[0].can).toEqual({ edit: false, addMilestone: true });

    const refused = await b.put(`/api/couple/goals/${id}`, { title: 'Not your words', targetDate: null });
    expect(refused.status).toBe(403);
    expect((await b.delete(`/api/couple/goals/${id}`)).status).toBe(403);
    expect((await a.get('/api/couple/goals')).body.goals[0].title).toBe('A weekend at the lake');

    const changed = await a.put(`/api/couple/goals/${id}`, { title: 'A weekend by the sea', targetDate: '2027-07-01' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: 'A weekend by the sea', targetDate: '2027-07-01', createdBy: a.userId });
    expect(changed.body.milestones).toHaveLength(1);
    expect((await b.get('/api/couple/goals')).body.goals[0].title).toBe('A weekend by the sea');
    expect((await eventsOf(coupleId, 'goal.updated')).at(-1)).toMatchObject({ actorId: a.userId, data: { goalId: id } });

    expect((await a.delete(`/api/couple/goals/${id}`)).status).toBe(204);
    expect((await b.get('/api/couple/goals')).body.goals).toEqual([]);
    expect((await a.delete(`/api/couple/goals/${id}`)).status).toBe(404);
    expect(await eventsOf(coupleId, 'goal.deleted')).toEqual([{ type: 'goal.deleted', actorId: a.userId, data: { goalId: id } }]);
    expect(await t.database.db.selectFrom('coupleGoalMilestones').select('id').where('goalId', '=', id).execute()).toEqual([]);
  });

  it('either partner adds milestones to an existing goal, each attributed, each in its own place even at the same moment', async () => {
    const { a, b } = await newOpenCouple(t);
    const created = await a.post('/api/couple/goals', goal);
    const id = created.body.id;
    const adds = await Promise.all([
      a.post(`/api/couple/goals/${id}/milestones`, { title: 'Book the cabin' }),
      b.post(`/api/couple/goals/${id}/milestones`, { title: 'Ask for Friday off' }),
    ]);
    expect(adds.map((answer) => answer.status)).toEqual([201, 201]);
    const milestones = (await b.get('/api/couple/goals')).body.goals[0].milestones;
    expect(milestones.map((m: { title: string }) => m.title).slice(0, 1)).toEqual(['Save $300']);
    expect(milestones.map((m: { title: string }) => m.title).sort()).toEqual(['Ask for Friday off', 'Book the cabin', 'Save $300']);
    const addedBy = Object.fromEntries(milestones.map((m: { title: string; addedBy: string | null }) => [m.title, m.addedBy]));
    expect(addedBy).toEqual({ 'Save $300': null, 'Book the cabin': a.userId, 'Ask for Friday off': b.userId });
    const positions = await t.database.db.selectFrom('coupleGoalMilestones').select('position').where('goalId', '=', id).execute();
    expect(positions.map((row) => row.position).sort()).toEqual([0, 1, 2]);

    // A goal holds at most 20 milestones.
    for (let n = 3; n < 20; n += 1) {
      expect((await a.post(`/api/couple/goals/${id}/milestones`, { title: `Step ${n}` })).status).toBe(201);
    }
    const full = await b.post(`/api/couple/goals/${id}/milestones`, { title: 'One too many' });
    expect(full.status).toBe(409);
    expect((await a.get('/api/couple/goals')).body.goals[0].can.addMilestone).toBe(false);
    const bad = await a.post(`/api/couple/goals/${id}/milestones`, { title: '  ', done: true });
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/done', '/title']);
  });

  it('a goal of another couple is not found, for changes and new milestones alike', async () => {
    const { a } = await newOpenCouple(t);
    const other = await newOpenCouple(t);
    const id = (await a.post('/api/couple/goals', goal)).body.id;
    expect((await other.a.put(`/api/couple/goals/${id}`, { title: 'x', targetDate: null })).status).toBe(404);
    expect((await other.a.delete(`/api/couple/goals/${id}`)).status).toBe(404);
    expect((await other.b.post(`/api/couple/goals/${id}/milestones`, { title: 'x' })).status).toBe(404);
  });

  it('two taps on the same milestone celebrate it once, the same on both phones, with one event', async () => {
    const { a, b, coupleId } = await newOpenCouple(t);
    const created = await b.post('/api/couple/goals', { ...goal, milestones: [{ title: 'Save $300' }, { title: 'Book the cabin' }] });
    const [first] = created.body.milestones;
    const before = (await eventsOf(coupleId, 'goal.updated')).length;
    await Promise.all([
      a.put(`/api/couple/goals/${created.body.id}/milestones/${first.id}/done`, { done: true }),
      b.put(`/api/couple/goals/${created.body.id}/milestones/${first.id}/done`, { done: true }),
      a.put(`/api/couple/goals/${created.body.id}/milestones/${first.id}/done`, { done: true }),
    ]);
    const ticks = (await eventsOf(coupleId, 'goal.updated')).slice(before);
    expect(ticks).toHaveLength(1);
    const [seenByA, seenByB] = await Promise.all([a.get('/api/couple/celebrations'), b.get('/api/couple/celebrations')]);
    expect(seenByA.body).toEqual(seenByB.body);
    const milestoneCelebrations = seenByA.body.celebrations.filter((c: { kind: string }) => c.kind === 'milestone');
    expect(milestoneCelebrations).toEqual([expect.objectContaining({ milestoneId: first.id, title: 'Save $300' })]);
    expect(ticks[0]!.actorId).toBe((await a.get('/api/couple/goals')).body.goals[0].milestones[0].doneBy);
  });
});

describe('Shared Rewarding Activities: changes by the partner who planned them', () => {
  it('only the planner changes or deletes an activity; deleting takes both ratings with it', async () => {
    const { a, b, coupleId } = await newOpenCouple(t);
    const planned = await b.post('/api/couple/activities', { title: 'Picnic', plannedFor: '2026-12-05' });
    const id = planned.body.id;
    expect(planned.body.can).toEqual({ rate: false, edit: true });
    expect((await a.get('/api/couple/activities')).body.activities[0].can).toEqual({ rate: false, edit: false });
    expect((await a.put(`/api/couple/activities/${id}`, { title: 'Not yours', plannedFor: null })).status).toBe(403);
    expect((await a.delete(`/api/couple/activities/${id}`)).status).toBe(403);

    const changed = await b.put(`/api/couple/activities/${id}`, { title: 'Picnic by the river', plannedFor: '2026-12-06' });
    expect(changed.body).toMatchObject({ title: 'Picnic by the river', plannedFor: '2026-12-06', createdBy: b.userId });
    expect((await eventsOf(coupleId, 'activity.updated')).at(-1)).toMatchObject({ actorId: b.userId, data: { activityId: id } });

    await a.put(`/api/couple/activities/${id}/done`, { done: true });
    await a.put(`/api/couple/activities/${id}/ratings/mine`, { rating: 5 });
    expect((await b.delete(`/api/couple/activities/${id}`)).status).toBe(204);
    expect((await a.get('/api/couple/activities')).body.activities).toEqual([]);
    expect(await t.database.db.selectFrom('activityRatings').select('rating').where('activityId', '=', id).execute()).toEqual([]);
    expect(await eventsOf(coupleId, 'activity.deleted')).toHaveLength(1);
  });

  it('a change and a delete at the same moment leave one consistent state', async () => {
    const { a } = await newOpenCouple(t);
    const id = (await a.post('/api/couple/activities', { title: 'Cook together', plannedFor: null })).body.id;
    const [changed, deleted] = await Promise.all([
      a.put(`/api/couple/activities/${id}`, { title: 'Cook pasta together', plannedFor: null }),
      a.delete(`/api/couple/activities/${id}`),
    ]);
    expect(deleted.status).toBe(204);
    // Either the change came first (and was then deleted) or it found nothing left to change.
    expect([200, 404]).toContain(changed.status);
    expect((await a.get('/api/couple/activities')).body.activities).toEqual([]);

    const other = (await a.post('/api/couple/activities', { title: 'Walk', plannedFor: null })).body.id;
    const both = await Promise.all([
      a.put(`/api/couple/activities/${other}`, { title: 'Walk at dawn', plannedFor: null }),
      a.put(`/api/couple/activities/${other}`, { title: 'Walk at dusk', plannedFor: null }),
    ]);
    expect(both.map((answer) => answer.status)).toEqual([200, 200]);
    const final = (await a.get('/api/couple/activities')).body.activities[0].title;
    expect(['Walk at dawn', 'Walk at dusk']).toContain(final);
  });
});
