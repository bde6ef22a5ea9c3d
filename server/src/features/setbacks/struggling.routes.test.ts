import { Temporal } from 'temporal-polyfill';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newCouple, newPerson, type TestApp, type TestClient } from '../../../test/test-app';
import { answerSafetyScreen, harkPositive, newOpenCouple } from '../../../test/together-helpers';
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

function setChicagoTime(isoLocal: string): void {
  const instant = Temporal.PlainDateTime.from(isoLocal).toZonedDateTime('America/Chicago').toInstant();
  clock.now = () => instant;
}

const calmDay = { mood: 4, craving: 2, used: false, sleep: 4, stress: 2, closeness: 4, conflict: 'none' };

async function checkIn(person: TestClient, date: string, change: object): Promise<void> {
  const answer = await person.put(`/api/me/checkins/${date}`, { ...calmDay, ...change });
  expect(answer.status).toBe(200);
}

async function writeMySection(person: TestClient, section: object): Promise<void> {
  const plan = await person.get('/api/couple/plan');
  const answer = await person.put('/api/couple/plan/my-section', { baseVersionId: plan.body.latest?.id ?? null, section });
  expect(answer.status).toBe(200);
}

describe("I'm struggling", () => {
  it('works for a person alone: no plan, no partner to tell', async () => {
    const person = await newPerson(t);
    expect((await person.get('/api/me/struggling')).body).toEqual({ plan: null, partner: null });
    expect((await person.post('/api/me/struggling/partner-note', { message: 'Hard day' })).body.code).toBe('not-in-couple');
    expect((await person.get('/api/me/struggling-notes')).body).toEqual({ notes: [] });
  });

  it('offers no partner while joint features are closed, and sends nothing then', async () => {
    const { a, b } = await newCouple(t);
    await answerSafetyScreen(a);
    await answerSafetyScreen(b, harkPositive);
    expect((await a.get('/api/me/struggling')).body.partner).toBeNull();
    expect((await a.post('/api/me/struggling/partner-note', { message: 'Hard day' })).body.code).toBe('joint-features-closed');
    expect((await b.get('/api/me/struggling-notes')).body).toEqual({ notes: [] });
  });

  it('shows my own part of the plan (never my partner’s section) and my partner to tell', async () => {
    const { a, b } = await newOpenCouple(t);
    await writeMySection(a, { warningSigns: [{ kind: 'feeling', text: 'Lonely evenings' }], iWillDo: ['Call my sponsor'] });
    await writeMySection(b, { warningSigns: [{ kind: 'thought', text: 'blake-private-sign' }] });
    const answer = await a.get('/api/me/struggling');
    expect(answer.body.partner).toEqual({ id: b.userId, name: 'Blake' });
    expect(answer.body.plan.mySection).toMatchObject({ warningSigns: [{ text: 'Lonely evenings' }], iWillDo: ['Call my sponsor'] });
    expect(JSON.stringify(answer.body)).not.toContain('blake-private-sign');
  });

  it('sends my partner exactly the note I wrote, live and stored, only to them; only they mark it seen', async () => {
    const { a, b } = await newOpenCouple(t);
    const other = await newOpenCouple(t);
    const sent = await a.post('/api/me/struggling/partner-note', { message: '  Rough night. Could you sit with me?  ' });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toBe('Rough night. Could you sit with me?');
    const event = await t.database.db.selectFrom('coupleEvents').select(['type', 'data']).where('type', '=', 'struggling.told').execute();
    expect(event.map((e) => e.data)).toContainEqual({ noteId: sent.body.id });
    expect(JSON.stringify(event)).not.toContain('Rough night');
    const notes = (await b.get('/api/me/struggling-notes')).body.notes;
    expect(notes).toEqual([
      {
        id: sent.body.id,
        fromId: a.userId,
        fromName: 'Alex',
        message: 'Rough night. Could you sit with me?',
        at: sent.body.at,
        read: false,
      },
    ]);
    // Not to the sender, not to anyone else; only the recipient marks it.
    expect((await a.get('/api/me/struggling-notes')).body.notes).toEqual([]);
    expect((await other.a.get('/api/me/struggling-notes')).body.notes).toEqual([]);
    expect((await a.put(`/api/me/struggling-notes/${sent.body.id}/read`)).status).toBe(404);
    expect((await other.b.put(`/api/me/struggling-notes/${sent.body.id}/read`)).status).toBe(404);
    expect((await b.put(`/api/me/struggling-notes/${sent.body.id}/read`)).status).toBe(204);
    expect((await b.get('/api/me/struggling-notes')).body.notes[0].read).toBe(true);
    expect((await a.post('/api/me/struggling/partner-note', { message: '   ' })).status).toBe(400);
  });

  it('a note stops showing after 7 days, and once the partner has left', async () => {
    const { a, b } = await newOpenCouple(t);
    const sentAt = realNow();
    clock.now = () => sentAt;
    await a.post('/api/me/struggling/partner-note', { message: 'Hard day' });
    clock.now = () => sentAt.add({ seconds: 7 * 86_400 - 60 });
    const early = await b.get('/api/me/struggling-notes');
    expect(early.status, JSON.stringify(early.body)).toBe(200);
    expect(early.body.notes).toHaveLength(1);
    clock.now = () => sentAt.add({ seconds: 7 * 86_400 + 60 });
    expect((await b.get('/api/me/struggling-notes')).body.notes).toHaveLength(0);
    clock.now = realNow;
    await a.post('/api/me/struggling/partner-note', { message: 'Hard day again' });
    expect((await b.get('/api/me/struggling-notes')).body.notes.map((n: { message: string }) => n.message)).toEqual([
      'Hard day again',
      'Hard day',
    ]);
    await a.post('/api/couple/leave');
    expect((await b.get('/api/me/struggling-notes')).body.notes).toHaveLength(0);
  });
});

describe('warning-sign watch', () => {
  it('matches my watched warning signs against my own check-ins, only for me', async () => {
    setChicagoTime('2026-06-10T20:00');
    const { a, b } = await newOpenCouple(t);
    await writeMySection(a, {
      warningSigns: [
        { kind: 'behaviour', text: 'Three nights of poor sleep', watch: { signal: 'sleep-poor', days: 3 } },
        { kind: 'feeling', text: 'Craving creeping up', watch: { signal: 'craving-rising', days: 3 } },
        { kind: 'situation', text: 'Payday' },
      ],
    });
    // Blake's check-ins would match, but Blake's plan part has no watch: nothing of Alex's reaches Blake.
    for (const [date, sleep, craving] of [
      ['2026-06-08', 1, 2],
      ['2026-06-09', 2, 3],
      ['2026-06-10', 1, 3],
    ] as const) {
      await checkIn(a, date, { sleep, craving });
      await checkIn(b, date, { sleep, craving });
    }
    const mine = await a.get('/api/me/warning-sign-watch');
    expect(mine.body).toEqual({
      today: '2026-06-10',
      matches: [
        {
          index: 0,
          kind: 'behaviour',
          text: 'Three nights of poor sleep',
          signal: 'sleep-poor',
          days: 3,
          from: '2026-06-08',
          to: '2026-06-10',
        },
      ],
    });
    expect((await b.get('/api/me/warning-sign-watch')).body).toEqual({ today: '2026-06-10', matches: [] });
    expect(JSON.stringify((await b.get('/api/me/warning-sign-watch')).body)).not.toContain('poor sleep');

    // The next morning, before today's check-in, the run still ends yesterday; a missed day breaks it.
    setChicagoTime('2026-06-11T08:00');
    expect((await a.get('/api/me/warning-sign-watch')).body.matches).toHaveLength(1);
    setChicagoTime('2026-06-12T08:00');
    expect((await a.get('/api/me/warning-sign-watch')).body.matches).toEqual([]);
  });

  it('answers with no matches for a person without a plan or check-ins', async () => {
    const person = await newPerson(t);
    expect((await person.get('/api/me/warning-sign-watch')).body.matches).toEqual([]);
  });
});
