import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { buildTestApp, enroll, newCouple, newPerson, newProgram, type TestApp, type TestClient } from '../../../test/test-app';
import { clock } from '../../platform/local-date';

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

/** Pretend it is this wall-clock time in Chicago (the test people's time zone). */
function setChicagoTime(isoLocal: string): void {
  const instant = Temporal.PlainDateTime.from(isoLocal).toZonedDateTime('America/Chicago').toInstant();
  clock.now = () => instant;
}

const checkin = { mood: 3, craving: 4, used: false, sleep: 3, stress: 3, closeness: 4, conflict: 'none' };

async function inRecoverySince(person: TestClient, date: string) {
  await person.put('/api/me/intake', {
    inRecovery: true,
    substances: ['alcohol'],
    otherSubstance: '',
    recoveryStartDate: date,
    supportNote: '',
  });
}

describe('daily check-in', () => {
  it('files a check-in at 23:30 and one at 00:30 local time under two different days', async () => {
    const person = await newPerson(t);
    setChicagoTime('2026-06-10T23:30');
    expect((await person.put('/api/me/checkins/2026-06-10', checkin)).status).toBe(200);
    setChicagoTime('2026-06-11T00:30');
    expect((await person.put('/api/me/checkins/2026-06-12', checkin)).body.errors[0].pointer).toBe('/date');
    const next = await person.put('/api/me/checkins/2026-06-11', { ...checkin, mood: 5 });
    expect(next.body).toMatchObject({ date: '2026-06-11', mood: 5, isLate: false });
    const list = await person.get('/api/me/checkins?from=2026-06-01&to=2026-06-30');
    expect(list.body.today).toBe('2026-06-11');
    expect(list.body.checkins.map((c: { date: string }) => c.date)).toEqual(['2026-06-10', '2026-06-11']);
  });

  it('keeps local days right across the daylight-saving change', async () => {
    const person = await newPerson(t);
    // US clocks sprang forward at 02:00 on 2026-03-08; 23:30 that day is still March 8.
    setChicagoTime('2026-03-08T23:30');
    expect((await person.put('/api/me/checkins/2026-03-08', checkin)).status).toBe(200);
    expect((await person.put('/api/me/checkins/2026-03-09', checkin)).status).toBe(400);
  });

  it('saves twice as one, and lets today be edited all day', async () => {
    const person = await newPerson(t);
    setChicagoTime('2026-07-01T08:00');
    const [first, second] = await Promise.all([
      person.put('/api/me/checkins/2026-07-01', checkin),
      person.put('/api/me/checkins/2026-07-01', checkin),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    setChicagoTime('2026-07-01T21:00');
    await person.put('/api/me/checkins/2026-07-01', { ...checkin, craving: 8, note: 'hard evening' });
    const rows = await t.database.db.selectFrom('checkins').selectAll().where('ownerId', '=', person.userId!).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.craving).toBe(8);
    expect(rows[0]!.noteCiphertext).not.toContain('hard evening');
  });

  it('fills a missed day later, marked late, and keeps it from being rewritten on later days', async () => {
    const person = await newPerson(t);
    setChicagoTime('2026-08-05T09:00');
    const late = await person.put('/api/me/checkins/2026-08-03', checkin);
    expect(late.body.isLate).toBe(true);
    expect((await person.put('/api/me/checkins/2026-08-03', { ...checkin, mood: 1 })).status).toBe(200);
    setChicagoTime('2026-08-06T09:00');
    const rewrite = await person.put('/api/me/checkins/2026-08-03', { ...checkin, mood: 5 });
    expect(rewrite.status).toBe(409);
  });

  it('refuses a day before the recovery start, an unknown substance, an out-of-range craving and a 10 kB note', async () => {
    const person = await newPerson(t);
    setChicagoTime('2026-09-10T09:00');
    await inRecoverySince(person, '2026-09-01');
    const cases: Array<[string, unknown, string]> = [
      ['2026-08-31', checkin, '/date'],
      ['2026-09-05', { ...checkin, used: true, substancesUsed: ['kryptonite'] }, '/substancesUsed/0'],
      ['2026-09-05', { ...checkin, used: true, substancesUsed: [] }, '/substancesUsed'],
      ['2026-09-05', { ...checkin, craving: 11 }, '/craving'],
      ['2026-09-05', { ...checkin, note: 'x'.repeat(10_000) }, '/note'],
      ['2026-09-05', { ...checkin, triggerIds: ['8d4c9a3e-1c1b-4f3e-9a55-5d8a1d6f0b11'] }, '/triggerIds'],
    ];
    for (const [date, body, pointer] of cases) {
      const answer = await person.put(`/api/me/checkins/${date}`, body);
      expect(answer.status, pointer).toBe(400);
      expect(answer.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect((await person.get('/api/me/checkins?from=2026-08-01&to=2026-09-30')).body.checkins).toEqual([]);
  });

  it('takes triggers only from my own list', async () => {
    const { a, b } = await newCouple(t);
    const mine = (await a.get('/api/me/triggers')).body.triggers;
    expect(mine.map((x: { label: string }) => x.label)).toContain('Conflict with my partner');
    const theirs = (await b.get('/api/me/triggers')).body.triggers;
    setChicagoTime('2026-09-10T09:00');
    expect((await a.put('/api/me/checkins/2026-09-10', { ...checkin, triggerIds: [mine[1].id] })).status).toBe(200);
    expect((await a.put('/api/me/checkins/2026-09-10', { ...checkin, triggerIds: [theirs[1].id] })).status).toBe(400);
  });
});

describe('counters and milestones', () => {
  it('count from the start date, keep total sober days through a lapse, and celebrate milestones', async () => {
    const person = await newPerson(t);
    setChicagoTime('2026-10-01T09:00');
    await inRecoverySince(person, '2026-09-01');
    await person.put('/api/me/checkins/2026-09-20', { ...checkin, used: true, substancesUsed: ['alcohol'] });
    const summary = (await person.get('/api/me/recovery-summary')).body;
    expect(summary).toMatchObject({ today: '2026-10-01', daysSinceLastUse: 11, totalSoberDays: 30, lastUseDate: '2026-09-20' });
    expect(summary.milestones[0]).toEqual({ counter: 'total', days: 30, reachedOn: '2026-10-01' });
    expect(summary.nextMilestone).toEqual({ counter: 'current', days: 30, inDays: 19 });
  });

  it('show the partner the milestones only when shared, and let them send encouragement the owner sees', async () => {
    const { a, b } = await newCouple(t, ['Alex', 'Blake']);
    setChicagoTime('2026-10-01T09:00');
    await inRecoverySince(a, '2026-09-24');
    expect((await b.get(`/api/people/${a.userId}/recovery-summary`)).status).toBe(404);
    expect((await b.post(`/api/people/${a.userId}/encouragements`, { message: 'Proud of you', milestoneDays: 7 })).status).toBe(404);
    await a.put('/api/me/sharing/milestones', { audience: 'partner' });
    const seen = await b.get(`/api/people/${a.userId}/recovery-summary`);
    expect(seen.body).toMatchObject({ daysSinceLastUse: 8, can: { encourage: true }, encouragements: [] });
    expect((await b.post(`/api/people/${a.userId}/encouragements`, { message: 'Proud of you', milestoneDays: 7 })).status).toBe(204);
    expect((await a.get('/api/me/recovery-summary')).body.encouragements).toEqual([
      expect.objectContaining({ fromName: 'Blake', message: 'Proud of you', milestoneDays: 7 }),
    ]);
  });
});

describe('sharing check-ins', () => {
  it('shows the partner shared check-ins without the private note, and nothing once revoked', async () => {
    const { a, b } = await newCouple(t);
    setChicagoTime('2026-10-02T09:00');
    await a.put('/api/me/checkins/2026-10-02', { ...checkin, note: 'only mine' });
    const url = `/api/people/${a.userId}/checkins?from=2026-10-01&to=2026-10-02`;
    expect((await b.get(url)).status).toBe(404);
    await a.put('/api/me/sharing/checkins', { audience: 'partner' });
    const shared = await b.get(url);
    expect(shared.body.checkins).toEqual([expect.objectContaining({ date: '2026-10-02', craving: 4, note: '', can: { edit: false } })]);
    expect(JSON.stringify(shared.body)).not.toContain('only mine');
    await a.put('/api/me/sharing/checkins', { audience: 'private' });
    expect((await b.get(url)).status).toBe(404);
  });

  it('lets nobody but the owner write a check-in', async () => {
    const { a, b } = await newCouple(t);
    await a.put('/api/me/sharing/checkins', { audience: 'both' });
    const attempt = await b.request('PUT', `/api/people/${a.userId}/checkins/2026-10-02`, { body: checkin });
    expect(attempt.status).toBe(404);
  });
});

describe('journal', () => {
  it('is searchable by its owner, never shown to the partner, and shows a clinician only single shared entries', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    await enroll(couple, program);
    const { a, b } = couple;
    const first = await a.post('/api/me/journal', { title: 'Monday', body: 'Talked about the café argument.' });
    await a.post('/api/me/journal', { title: 'Tuesday', body: 'Quiet day.' });
    expect((await a.get('/api/me/journal?q=CAFE')).body.entries.map((e: { title: string }) => e.title)).toEqual(['Monday']);
    await a.put('/api/me/sharing/support-preferences', { audience: 'both' });
    expect((await b.get(`/api/people/${a.userId}/journal`)).status).toBe(404);
    expect((await program.clinician.get(`/api/people/${a.userId}/journal`)).body.entries).toEqual([]);
    await a.put(`/api/me/journal/${first.body.id}/sharing`, { sharedWithCareTeam: true });
    expect((await program.clinician.get(`/api/people/${a.userId}/journal`)).body.entries.map((e: { title: string }) => e.title)).toEqual([
      'Monday',
    ]);
    expect((await b.get(`/api/people/${a.userId}/journal`)).status).toBe(404);
    const log = (await a.get('/api/me/access-log')).body.events;
    expect(log[0]).toMatchObject({ kind: 'journal', viewer: { relation: 'clinician' }, purpose: 'treatment' });
  });
});

describe('trigger log, coping and goals', () => {
  it('grows my trigger list from the log', async () => {
    const person = await newPerson(t);
    await person.post('/api/me/trigger-log', {
      occurredAt: '2026-10-01T18:00:00-05:00',
      triggerLabel: 'Payday',
      aboutRelationship: false,
      intensity: 7,
      outcome: 'partly',
      whatIDid: 'Called my sister',
    });
    const triggers = (await person.get('/api/me/triggers')).body.triggers;
    expect(triggers.find((x: { label: string }) => x.label === 'Payday')).toMatchObject({ timesLogged: 1 });
    expect((await person.get('/api/me/trigger-log')).body.entries[0]).toMatchObject({
      triggerLabel: 'Payday',
      whatIDid: 'Called my sister',
    });
  });

  it('shows which coping tools helped most', async () => {
    const person = await newPerson(t);
    const run = (tool: string, before: number, after: number | null) =>
      person.post('/api/me/coping-runs', {
        tool,
        urgeBefore: before,
        urgeAfter: after,
        durationSeconds: 120,
        startedAt: '2026-10-01T18:00:00Z',
      });
    await run('breathing', 8, 4);
    await run('breathing', 6, 4);
    await run('grounding', 5, null);
    const stats = (await person.get('/api/me/coping-runs')).body;
    expect(stats.byTool.find((x: { tool: string }) => x.tool === 'breathing')).toEqual({
      tool: 'breathing',
      runs: 2,
      completedRuns: 2,
      averageDrop: 3,
    });
    expect(stats.byTool.find((x: { tool: string }) => x.tool === 'grounding')).toMatchObject({
      runs: 1,
      completedRuns: 0,
      averageDrop: null,
    });
  });

  it('lets only the owner tick off a goal step', async () => {
    const { a, b } = await newCouple(t);
    const goal = await a.post('/api/me/goals', { title: 'Run 5k', steps: [{ title: 'Buy shoes' }, { title: 'Run 1k' }] });
    await a.put('/api/me/sharing/goals', { audience: 'partner' });
    const stepUrl = `/api/me/goals/${goal.body.id}/steps/${goal.body.steps[0].id}/done`;
    expect((await b.put(stepUrl, { done: true })).status).toBe(404);
    expect((await a.put(stepUrl, { done: true })).body.steps[0].doneAt).not.toBeNull();
    expect((await b.get(`/api/people/${a.userId}/goals`)).body.goals[0]).toMatchObject({ title: 'Run 5k', can: { edit: false } });
  });
});
