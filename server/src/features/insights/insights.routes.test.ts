import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { buildTestApp, newCouple, newPerson, type TestApp, type TestClient } from '../../../test/test-app';
import { harkNegative } from '../../../test/together-catalog';
import { addDays, clock } from '../../platform/local-date';

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

const today = '2026-06-30';
function setChicagoNoon(date: string): void {
  clock.now = () => Temporal.PlainDateTime.from(`${date}T12:00`).toZonedDateTime('America/Chicago').toInstant();
}

const harkPositive = { H: 1, A: 0, R: 0, K: 0 };

/**
 * 60 days of check-ins for both partners, made so the answer is known: A's craving is 6 the day
 * after a day A called high-conflict and 2 otherwise (+1 on some days, so it varies); B's conflict
 * is high on other, unrelated days (22 and 18 high days of 60), and has no effect.
 */
async function sixtyDays(a: TestClient, b: TestClient): Promise<void> {
  const first = addDays(today, -59);
  let previousHigh = false;
  for (let i = 0; i < 60; i += 1) {
    const date = addDays(first, i);
    const aHigh = (i * 7) % 11 < 4;
    const bHigh = (i * 5) % 13 < 4;
    const craving = (previousHigh ? 6 : 2) + ((i * 3) % 4 === 1 ? 1 : 0);
    previousHigh = aHigh;
    const base = { mood: 3, used: false, sleep: 3, stress: 3, closeness: 3, note: 'a private note' };
    expect((await a.put(`/api/me/checkins/${date}`, { ...base, craving, conflict: aHigh ? 'high' : 'none' })).status).toBe(200);
    expect((await b.put(`/api/me/checkins/${date}`, { ...base, craving: 1 + (i % 3), conflict: bHigh ? 'high' : 'some' })).status).toBe(
      200,
    );
  }
}

async function screened(...people: TestClient[]): Promise<void> {
  for (const person of people) {
    expect(
      (await person.post('/api/me/assessments', { instrumentId: 'hark', submissionId: randomUUID(), answers: harkNegative })).status,
    ).toBe(201);
  }
}

async function auditRowsAbout(subjectId: string): Promise<Array<{ actorId: string; kind: string }>> {
  const { rows } = await sql<{ actorId: string; kind: string }>`
    select actor_id, kind from audit_events where subject_id = ${subjectId}::uuid order by id`.execute(t.database.db);
  return rows;
}

type Fit = { status: string; days: number; actor?: { estimate: number; lower: number; upper: number }; partner?: unknown };
const conflictInsight = (body: { insights: Array<{ id: string; fit: Fit }> }) =>
  body.insights.find((insight) => insight.id === 'conflict-next-day-craving')!.fit;

describe('insights', () => {
  it('says "not enough days yet" with no check-ins, and draws an empty 60-day chart', async () => {
    setChicagoNoon(today);
    const person = await newPerson(t);
    const answer = await person.get('/api/me/insights');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ subjectId: person.userId, to: today, from: addDays(today, -364), partnerIncluded: false });
    expect(answer.body.insights.map((i: { fit: Fit }) => i.fit.status)).toEqual(['not-enough-days', 'not-enough-days', 'not-enough-days']);
    expect(answer.body.chart).toHaveLength(60);
    expect(answer.body.chart.every((day: { craving: number | null }) => day.craving === null)).toBe(true);
  });

  it('finds the known effect in the couple’s own days, uses the partner’s days only when shared, and audits that read', async () => {
    setChicagoNoon(today);
    const { a, b } = await newCouple(t);
    await screened(a, b);
    await sixtyDays(a, b);

    // B shares nothing: A's insight is A's own (actor only), and B's days are not read.
    const alone = await a.get('/api/me/insights');
    expect(alone.body.partnerIncluded).toBe(false);
    const own = conflictInsight(alone.body);
    expect(own).toMatchObject({ status: 'ok', days: 59, partner: null });
    expect(own.actor!.estimate).toBeCloseTo(4, 0);
    expect(own.actor!.lower).toBeGreaterThan(0);
    expect(alone.body.chart.every((day: { partnerConflict: string | null }) => day.partnerConflict === null)).toBe(true);
    expect(await auditRowsAbout(b.userId!)).toEqual([]);

    // B shares insights with A: both partners' days, and B's conflict shows no effect on A's craving.
    expect((await b.put('/api/me/sharing/insights', { audience: 'partner' })).status).toBe(200);
    const together = await a.get('/api/me/insights');
    expect(together.body.partnerIncluded).toBe(true);
    const dyadic = conflictInsight(together.body) as Fit & { partner: { lower: number; upper: number } };
    expect(dyadic.status).toBe('ok');
    expect(dyadic.actor!.estimate).toBeCloseTo(4, 0);
    expect(dyadic.actor!.lower).toBeGreaterThan(3);
    expect(dyadic.partner.lower).toBeLessThan(0);
    expect(dyadic.partner.upper).toBeGreaterThan(0);
    expect(together.body.chart.at(-1)).toEqual({ date: today, craving: 3, conflict: 'none', partnerConflict: 'some' });
    // Only ratings: never a note, the use answer or triggers.
    expect(JSON.stringify(together.body)).not.toContain('private note');
    expect(Object.keys(together.body.chart[0]).sort()).toEqual(['conflict', 'craving', 'date', 'partnerConflict']);
    expect(await auditRowsAbout(b.userId!)).toEqual([{ actorId: a.userId, kind: 'insights' }]);

    // Revoked: from the very next request, B's days are out again.
    expect((await b.put('/api/me/sharing/insights', { audience: 'private' })).status).toBe(200);
    expect((await a.get('/api/me/insights')).body).toEqual(alone.body);
  });

  it('keeps each partner’s insights their own while joint features are closed, and never says why', async () => {
    setChicagoNoon(today);
    const { a, b } = await newCouple(t);
    await screened(a);
    expect((await b.put('/api/me/sharing/insights', { audience: 'partner' })).status).toBe(200);
    // B has not answered the safety screen: not included.
    const missing = await a.get('/api/me/insights');
    expect(missing.body.partnerIncluded).toBe(false);
    // B's screen is positive: the same answer, byte for byte.
    expect((await b.post('/api/me/assessments', { instrumentId: 'hark', submissionId: randomUUID(), answers: harkPositive })).status).toBe(
      201,
    );
    const positive = await a.get('/api/me/insights');
    expect(JSON.stringify(positive.body)).toBe(JSON.stringify(missing.body));
    expect(await auditRowsAbout(b.userId!)).toEqual([]);
  });

  it('shows a partner’s insights only while they share them, and nothing after they leave', async () => {
    setChicagoNoon(today);
    const { a, b } = await newCouple(t);
    await screened(a, b);
    const path = `/api/people/${a.userId}/insights`;
    expect((await b.get(path)).status).toBe(404);
    expect((await a.put('/api/me/sharing/insights', { audience: 'partner' })).status).toBe(200);
    const shared = await b.get(path);
    expect(shared.status).toBe(200);
    expect(shared.body.subjectId).toBe(a.userId);
    expect(await auditRowsAbout(a.userId!)).toEqual([{ actorId: b.userId, kind: 'insights' }]);
    expect((await a.put('/api/me/sharing/insights', { audience: 'private' })).status).toBe(200);
    expect((await b.get(path)).status).toBe(404);
    expect((await a.put('/api/me/sharing/insights', { audience: 'both' })).status).toBe(200);
    expect((await b.get(path)).status).toBe(200);
    expect((await a.post('/api/couple/leave')).status).toBe(204);
    expect((await b.get(path)).status).toBe(404);
    // A stranger asking for anyone's insights gets what a missing person gets.
    const stranger = await newPerson(t);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.get(`/api/people/${randomUUID()}/insights`)).status).toBe(404);
  });
});
