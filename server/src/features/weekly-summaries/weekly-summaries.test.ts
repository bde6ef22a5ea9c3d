import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { instrumentIds } from '@twofold/core/assessments/instruments';
import { allowedReminderTexts } from '@twofold/core/reminders/reminder-messages';
import { buildTestApp, newPerson, newProgram, type TestApp, type TestClient } from '../../../test/test-app';
import { answerSafetyScreen, harkPositive, newOpenCouple, signContract } from '../../../test/together-helpers';
import { addDays, clock } from '../../platform/local-date';
import { createCapturingMailer } from '../../platform/mailer';
import { sweepReminders, deliverSend, type SendJob } from '../reminders/reminders.service';
import { computeWeeklySummaries, dueWeek } from './weekly-summaries.service';

/**
 * Weekly summaries with a controlled clock: the job at Monday 06:00 in each person's own time
 * zone (across a DST change), what goes in, and the partner as a possible adversary — nothing of
 * theirs enters my summary unless the sharing rules let it, and a change of mind applies at once.
 * Weeks are in the future of any real clock, so the accounts (created now) existed before them.
 */
let t: TestApp;
const realNow = clock.now;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  clock.now = realNow;
});

const at = (iso: string) => Temporal.Instant.from(iso);
const setClock = (instant: Temporal.Instant) => {
  clock.now = () => instant;
};
const noonIn = (date: string, timeZone = 'America/Chicago') =>
  Temporal.PlainDateTime.from(`${date}T12:00`).toZonedDateTime(timeZone).toInstant();
const computeAt = (iso: string) => computeWeeklySummaries(t.database.db, at(iso), { batchSize: 3 });

interface Day {
  mood?: number;
  craving?: number;
  stress?: number;
  closeness?: number;
  conflict?: 'none' | 'some' | 'high';
  used?: boolean;
}
/** Check-ins for consecutive days from `first`, written the day after the last (late days are allowed). */
async function checkins(person: TestClient, first: string, days: Day[], timeZone = 'America/Chicago'): Promise<void> {
  setClock(noonIn(addDays(first, days.length), timeZone));
  for (const [index, day] of days.entries()) {
    const used = day.used ?? false;
    const body = {
      mood: day.mood ?? 3,
      craving: day.craving ?? 2,
      used,
      substancesUsed: used ? ['alcohol'] : [],
      sleep: 3,
      stress: day.stress ?? 3,
      closeness: day.closeness ?? 3,
      conflict: day.conflict ?? 'none',
      note: 'a private note',
    };
    const answer = await person.put(`/api/me/checkins/${addDays(first, index)}`, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
}
const copingRun = async (person: TestClient, tool: string, startedAt: string, urgeBefore: number, urgeAfter: number) => {
  const answer = await person.post('/api/me/coping-runs', { tool, urgeBefore, urgeAfter, urgeDuring: [], durationSeconds: 120, startedAt });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
};
async function summaries(person: TestClient) {
  const answer = await person.get('/api/me/weekly-summaries');
  expect(answer.status).toBe(200);
  return answer.body;
}
async function summaryCount(personId: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('weeklySummaries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('personId', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the week that is due', () => {
  it('is the week ended last Sunday, from Monday 06:00 in the zone, across a DST change', () => {
    expect(dueWeek('America/Chicago', at('2026-12-14T11:59:00Z'))).toBeNull(); // Monday 05:59 CST
    expect(dueWeek('America/Chicago', at('2026-12-14T12:00:00Z'))).toEqual({ start: '2026-12-07', end: '2026-12-13' });
    expect(dueWeek('America/Chicago', at('2026-12-20T12:00:00Z'))).toEqual({ start: '2026-12-07', end: '2026-12-13' });
    // DST began on Sunday 14 March 2027: Monday 06:00 is now 11:00 UTC.
    expect(dueWeek('America/Chicago', at('2027-03-15T10:59:00Z'))).toBeNull();
    expect(dueWeek('America/Chicago', at('2027-03-15T11:00:00Z'))).toEqual({ start: '2027-03-08', end: '2027-03-14' });
    expect(dueWeek('Pacific/Auckland', at('2026-12-13T17:00:00Z'))).toEqual({ start: '2026-12-07', end: '2026-12-13' });
    // DST ended on Sunday 1 November 2026: that week had a 25-hour day, and Monday 06:00 is 12:00 UTC again.
    expect(dueWeek('America/Chicago', at('2026-11-02T11:59:00Z'))).toBeNull();
    expect(dueWeek('America/Chicago', at('2026-11-02T12:00:00Z'))).toEqual({ start: '2026-10-26', end: '2026-11-01' });
    // Europe changed a week earlier (25 October): Monday 06:00 in Madrid is 05:00 UTC on 2 November.
    expect(dueWeek('Europe/Madrid', at('2026-11-02T04:59:00Z'))).toBeNull();
    expect(dueWeek('Europe/Madrid', at('2026-11-02T05:00:00Z'))).toEqual({ start: '2026-10-26', end: '2026-11-01' });
  });
});

describe('the weekly job', () => {
  it('writes my summary at Monday 06:00 my time, once however often it runs, with my week in it', async () => {
    const me = await newPerson(t, 'Robin');
    await me.put('/api/me/intake', {
      inRecovery: true,
      substances: ['alcohol'],
      otherSubstance: '',
      recoveryStartDate: '2026-01-01',
      supportNote: '',
    });
    const week = '2026-12-07';
    await checkins(me, '2026-11-30', [...Array(7).fill({ craving: 2, mood: 3 })]);
    await checkins(me, week, [
      { craving: 5, mood: 4, conflict: 'high' },
      { craving: 5, mood: 4, conflict: 'high' },
      { craving: 5, mood: 4, used: true },
      { craving: 5, mood: 4 },
      { craving: 5, mood: 4 },
    ]);
    setClock(noonIn('2026-12-14'));
    await copingRun(me, 'breathing', '2026-12-09T18:00:00Z', 7, 3);
    await copingRun(me, 'breathing', '2026-12-10T18:00:00Z', 6, 6);
    await copingRun(me, 'grounding', '2026-11-20T18:00:00Z', 8, 2);

    await computeAt('2026-12-14T11:59:00Z');
    expect(await summaryCount(me.userId!)).toBe(0);
    await Promise.all([computeAt('2026-12-14T12:00:00Z'), computeAt('2026-12-14T12:00:00Z')]);
    await computeAt('2026-12-15T09:00:00Z');
    expect(await summaryCount(me.userId!)).toBe(1);

    const { latest, previous } = await summaries(me);
    expect(previous).toBeNull();
    expect(latest).toMatchObject({
      weekStart: '2026-12-07',
      weekEnd: '2026-12-13',
      mine: {
        checkinDays: 5,
        soberDays: 4,
        highConflictDays: 2,
        mood: { thisWeek: 4, previousWeek: 3 },
        craving: { thisWeek: 5, previousWeek: 2 },
        coping: [{ tool: 'breathing', times: 2, helped: 1 }],
      },
      couple: null,
      coupleHidden: false,
      insightHidden: false,
      // Two high-conflict days: a communication skill before anything else.
      suggestion: { kind: 'communication-skill', id: 'i-statements', reason: 'high-conflict-week' },
    });
    // 12 days of check-ins: below the minimum sample, so no finding, only how many days there are.
    expect(latest.insight).toMatchObject({ fit: { status: 'not-enough-days', needed: 14 }, windowDays: 90 });
  });

  it('suggests the coping tool that helped me before when my craving rose', async () => {
    const me = await newPerson(t, 'Kai');
    await checkins(me, '2026-11-30', [...Array(7).fill({ craving: 1 })]);
    await checkins(me, '2026-12-07', [...Array(7).fill({ craving: 3 })]);
    setClock(noonIn('2026-12-14'));
    await copingRun(me, 'grounding', '2026-11-20T18:00:00Z', 8, 2);
    await copingRun(me, 'grounding', '2026-11-27T18:00:00Z', 7, 3);
    await copingRun(me, 'breathing', '2026-12-01T18:00:00Z', 7, 4);
    await computeAt('2026-12-14T12:00:00Z');
    const { latest } = await summaries(me);
    expect(latest.suggestion).toEqual({ kind: 'coping-tool', id: 'grounding', reason: 'helped-before' });
    expect(latest.mine.coping).toEqual([]);
  });

  it('keeps each person to their own time zone and counts their days across the spring DST change', async () => {
    const me = await newPerson(t, 'Noa');
    const away = await newPerson(t, 'Ari');
    expect((await away.patch('/api/me', { timeZone: 'Pacific/Auckland' })).status).toBe(200);
    await checkins(me, '2027-03-08', [...Array(7).fill({ craving: 1 })]);
    await checkins(away, '2027-03-08', [...Array(3).fill({ craving: 1 })], 'Pacific/Auckland');
    setClock(noonIn('2027-03-16'));
    // Sunday 23:30 CDT (the short day) is in the week; the Sunday before at 23:30 CST is not.
    await copingRun(me, 'urge-surfing', '2027-03-15T04:30:00Z', 6, 2);
    await copingRun(me, 'urge-surfing', '2027-03-08T05:30:00Z', 6, 2);

    // Monday 06:00 in Auckland (UTC+13) comes first: Ari's summary, not Noa's.
    await computeAt('2027-03-14T17:00:00Z');
    expect(await summaryCount(away.userId!)).toBe(1);
    expect(await summaryCount(me.userId!)).toBe(0);
    await computeAt('2027-03-15T10:59:00Z');
    expect(await summaryCount(me.userId!)).toBe(0);
    await computeAt('2027-03-15T11:00:00Z');
    const { latest } = await summaries(me);
    expect(latest.weekStart).toBe('2027-03-08');
    expect(latest.mine.checkinDays).toBe(7);
    expect(latest.mine.coping).toEqual([{ tool: 'urge-surfing', times: 1, helped: 1 }]);
    expect((await summaries(away)).latest.mine.checkinDays).toBe(3);
  });

  it('leaves out staff and people who joined after the week ended', async () => {
    const { clinician } = await newProgram(t);
    await checkins(clinician, '2026-12-07', [{ craving: 1 }]);
    const newcomer = await newPerson(t, 'Late');
    await checkins(newcomer, '2026-11-23', [{ craving: 1 }]);
    await computeAt('2026-12-14T12:00:00Z');
    expect(await summaryCount(clinician.userId!)).toBe(0);
    // The week of 16 November ended before this account existed (the real clock is later).
    await computeAt('2026-11-23T13:00:00Z');
    expect(await summaryCount(newcomer.userId!)).toBe(0);
    expect((await summaries(newcomer)).latest).toBeNull();
  });
});

describe('the notice that the summary is ready', () => {
  const sends: SendJob[] = [];
  const sweepAt = (iso: string) =>
    sweepReminders(t.database.db, at(iso), {
      enqueueSends: async (_tx, queued) => void sends.push(...queued),
      offeredInstruments: instrumentIds,
    });

  it('comes in the app after my quiet hours, even without reminder settings, and says nothing outside it', async () => {
    const me = await newPerson(t, 'Jo');
    const withEmail = await newPerson(t, 'Max');
    await checkins(me, '2026-12-07', [{ craving: 1 }]);
    await checkins(withEmail, '2026-12-07', [{ craving: 1 }]);
    setClock(noonIn('2026-12-14'));
    const saved = await withEmail.get('/api/me/reminder-settings');
    expect(saved.body.settings.weeklySummary).toEqual({ enabled: true });
    await withEmail.put('/api/me/reminder-settings', {
      ...saved.body.settings,
      channels: { inApp: true, email: true, push: false },
      quietHours: { enabled: false, start: '22:00', end: '07:00' },
    });
    await computeAt('2026-12-14T12:00:00Z');
    setClock(at('2026-12-14T12:00:30Z'));
    await sweepAt('2026-12-14T12:00:30Z');
    // 06:00 is inside the default quiet hours (22:00–07:00): Jo's notice waits until 07:00.
    expect((await me.get('/api/me/reminders')).body.reminders).toEqual([]);
    expect((await withEmail.get('/api/me/reminders')).body.reminders.map((r: { kind: string }) => r.kind)).toEqual(['weekly-summary']);
    setClock(at('2026-12-14T13:00:30Z'));
    await sweepAt('2026-12-14T13:00:30Z');
    expect((await me.get('/api/me/reminders')).body.reminders.map((r: { kind: string }) => r.kind)).toEqual(['weekly-summary']);

    const mail = sends.find((send) => send.personId === withEmail.userId && send.channel === 'email')!;
    expect(mail).toBeDefined();
    const mailer = createCapturingMailer();
    await deliverSend(t.database.db, { mailer, push: null, publicUrl: 'http://twofold.test' }, mail);
    const message = mailer.outbox.find((m) => m.to === withEmail.email)!;
    expect(allowedReminderTexts.has(message.subject)).toBe(true);
    expect(message.text).not.toMatch(/summary|craving|mood|sober|conflict/i);
  });

  it('is not shown when I turned it off', async () => {
    const me = await newPerson(t, 'Lee');
    await checkins(me, '2026-12-07', [{ craving: 1 }]);
    setClock(noonIn('2026-12-14'));
    const saved = await me.get('/api/me/reminder-settings');
    await me.put('/api/me/reminder-settings', { ...saved.body.settings, weeklySummary: { enabled: false } });
    await computeAt('2026-12-14T12:00:00Z');
    await sweepAt('2026-12-14T13:30:00Z');
    expect((await me.get('/api/me/reminders')).body.reminders).toEqual([]);
    expect((await summaries(me)).latest.weekStart).toBe('2026-12-07');
  });
});

describe('my partner as a possible adversary', () => {
  /** 28 days for both; Blake's craving is 9 every day, a value Alex's own days never have. */
  async function fourWeeks(a: TestClient, b: TestClient, first: string) {
    const days = (n: number, f: (i: number) => Day) => Array.from({ length: n }, (_, i) => f(i));
    await checkins(
      a,
      first,
      days(28, (i) => ({
        craving: 1 + (i % 4),
        stress: 1 + ((i * 3) % 5),
        closeness: 1 + ((i * 2) % 5),
        mood: 2 + (i % 3),
        conflict: i % 5 === 0 ? 'high' : 'none',
      })),
    );
    await checkins(
      b,
      first,
      days(28, (i) => ({ craving: 9, stress: 1 + ((i * 7) % 5), closeness: 2, mood: 1, conflict: i % 3 === 0 ? 'high' : 'some' })),
    );
  }

  it('puts only what I may see into my summary, and applies a change of mind at once', async () => {
    const { a, b, coupleId } = await newOpenCouple(t);
    await signContract(couple(a, b));
    const weekStart = '2026-12-07';
    await fourWeeks(a, b, '2026-11-16');
    setClock(noonIn('2026-12-14'));
    // Blake's coping and Trust Discussion parts; appreciations both ways, one of Blake's untold.
    await copingRun(b, 'contact-support', '2026-12-09T18:00:00Z', 9, 1);
    for (const date of ['2026-12-08', '2026-12-09', '2026-12-10']) {
      await t.database.db
        .insertInto('trustDiscussionParts')
        .values([
          { coupleId, partnerId: a.userId!, localDate: date, stated: true, thanked: false },
          { coupleId, partnerId: b.userId!, localDate: date, stated: false, thanked: true },
        ])
        .execute();
    }
    await t.database.db
      .insertInto('trustDiscussionParts')
      .values({ coupleId, partnerId: a.userId!, localDate: '2026-12-13', stated: true, thanked: false })
      .execute();
    for (const [who, told] of [
      [b, true],
      [b, true],
      [b, false],
      [a, false],
    ] as const) {
      const answer = await who.post('/api/couple/appreciations', { kind: 'appreciation', date: '2026-12-12', text: 'thank you', told });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    }
    const done = await a.post('/api/couple/activities', { title: 'A walk by the lake', plannedFor: '2026-12-12' });
    await b.post('/api/couple/activities', { title: 'Cinema', plannedFor: '2026-12-16' });
    await t.database.db
      .updateTable('coupleActivities')
      .set({ doneAt: new Date('2026-12-12T20:00:00Z'), doneBy: a.userId! })
      .where('id', '=', done.body.id)
      .execute();

    await computeAt('2026-12-14T12:00:00Z');
    const mine = (await summaries(a)).latest;
    expect(mine.weekStart).toBe(weekStart);
    expect(mine.couple).toEqual({
      trustDiscussion: { daysDone: 3, daysCounted: 7, streak: 0 },
      appreciations: { fromMe: 1, toMe: 2 },
      activities: { done: 1, planned: 1 },
    });
    // Blake shares nothing for insights: my insight is mine alone, and nothing of Blake's is in my week.
    expect(mine.insight.fit.status).toBe('ok');
    expect(mine.insight.fit.partner).toBeNull();
    expect(mine.mine.coping).toEqual([]);
    expect(mine.mine.craving.thisWeek).toBeLessThan(9);
    const theirs = (await summaries(b)).latest;
    expect(theirs.couple.appreciations).toEqual({ fromMe: 3, toMe: 0 });
    expect(theirs.mine.craving.thisWeek).toBe(9);
    expect(theirs.mine.coping).toEqual([{ tool: 'contact-support', times: 1, helped: 1 }]);
    expect(JSON.stringify(theirs)).not.toContain(mine.id);

    // Blake shares insights with me: next week's insight may use Blake's days, and reading it is audited.
    expect((await b.put('/api/me/sharing/insights', { audience: 'partner' })).status).toBe(200);
    await fourWeeks(a, b, '2026-12-14');
    await computeAt('2026-12-21T12:00:00Z');
    const auditBefore = await auditCount(a.userId!, b.userId!);
    const shared = (await summaries(a)).latest;
    expect(shared.weekStart).toBe('2026-12-14');
    expect(shared.insight.fit.partner).not.toBeNull();
    expect(await auditCount(a.userId!, b.userId!)).toBe(auditBefore + 1);

    // Blake stops sharing: the insight that drew on Blake's days is no longer shown; the couple part still is.
    expect((await b.put('/api/me/sharing/insights', { audience: 'private' })).status).toBe(200);
    const revoked = (await summaries(a)).latest;
    expect(revoked).toMatchObject({ insight: null, insightHidden: true, coupleHidden: false });
    expect(revoked.couple).not.toBeNull();

    // Blake leaves: the couple part of my summaries is no longer shown either.
    expect((await b.post('/api/couple/leave')).status).toBe(204);
    const left = await summaries(a);
    expect(left.latest).toMatchObject({ couple: null, coupleHidden: true, insight: null, insightHidden: true });
    expect(left.previous).toMatchObject({ couple: null, coupleHidden: true, insightHidden: false });
  });

  it('has no couple part while joint features are closed, and never says why', async () => {
    const { a, b } = await newOpenCouple(t);
    await answerSafetyScreen(b, harkPositive);
    await checkins(a, '2026-12-07', [{ craving: 1 }]);
    await computeAt('2026-12-14T12:00:00Z');
    const mine = (await summaries(a)).latest;
    expect(mine).toMatchObject({ couple: null, coupleHidden: false });
    expect(JSON.stringify(mine)).not.toMatch(/safety|screen|positive/i);
  });
});

const couple = (a: TestClient, b: TestClient) => ({ a, b });

async function auditCount(actorId: string, subjectId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from audit_events where actor_id = ${actorId}::uuid and subject_id = ${subjectId}::uuid and kind = 'insights'`.execute(
    t.database.db,
  );
  return rows[0]!.n;
}
