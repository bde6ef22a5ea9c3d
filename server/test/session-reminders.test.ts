import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { instrumentIds } from '@twofold/core/assessments/instruments';
import { defaultReminderSettings, type ReminderSettingsInput } from '@twofold/core/reminders/reminder.schemas';
import { clock } from '../src/platform/local-date';
import { sweepReminders, type SendJob } from '../src/features/reminders/reminders.service';
import { buildTestApp, enroll, newCouple, newProgram, type TestApp, type TestClient } from './test-app';

/**
 * Session reminders (issue 9) from sessions the care team scheduled (issue 8), through the API and
 * the sweep, with a controlled clock. The people live in America/Chicago (UTC-6 in November,
 * UTC-5 from 2026-03-08 02:00). Each test's sessions are on their own days, so sweeps of one test
 * do not reach another's.
 */
let t: TestApp;
const realNow = clock.now;
let sends: SendJob[] = [];
let c: Awaited<ReturnType<typeof newProgram>> & { a: TestClient; b: TestClient; coupleId: string; base: string };

const at = (iso: string) => Temporal.Instant.from(iso);
function setClock(iso: string) {
  const instant = at(iso);
  clock.now = () => instant;
}
async function sweepAt(iso: string) {
  setClock(iso);
  return sweepReminders(t.database.db, at(iso), {
    enqueueSends: async (_tx, queued) => {
      sends.push(...queued);
    },
    offeredInstruments: instrumentIds,
  });
}
const settings = (change: Partial<ReminderSettingsInput>): ReminderSettingsInput => ({
  ...defaultReminderSettings,
  channels: { inApp: true, email: true, push: false },
  quietHours: { enabled: true, start: '22:00', end: '07:00' },
  ...change,
});
async function sessionReminders(person: TestClient): Promise<string[]> {
  const answer = await person.get('/api/me/reminders');
  return answer.body.reminders.filter((r: { kind: string }) => r.kind === 'session').map((r: { dueAt: string }) => r.dueAt);
}
async function dismissAll(person: TestClient) {
  for (const reminder of (await person.get('/api/me/reminders')).body.reminders) {
    await person.post(`/api/me/reminders/${reminder.id}/dismiss`);
  }
}
const schedule = async (body: Record<string, unknown>) => {
  const answer = await c.clinician.post(`${c.base}/sessions`, { place: 'Clinic', durationMinutes: 50, ...body });
  expect(answer.status).toBe(201);
  return answer.body.id as string;
};

beforeAll(async () => {
  t = await buildTestApp();
  setClock('2026-11-20T15:00:00Z');
  const program = await newProgram(t);
  const couple = await newCouple(t, ['Alex', 'Blake']);
  await enroll(couple, program);
  c = { ...program, ...couple, base: `/api/programs/${program.programId}/couples/${couple.coupleId}` };
});
afterAll(async () => {
  clock.now = realNow;
  await t.close();
});

describe('session reminders', () => {
  it('come the chosen time before each session to the person who asked, never for the other partner’s individual session', async () => {
    setClock('2026-11-20T15:00:00Z');
    expect((await c.a.put('/api/me/reminder-settings', settings({ session: { enabled: true, leadMinutes: 60 } }))).status).toBe(200);
    expect((await c.a.get('/api/me/reminder-settings')).body.waitingKinds).toEqual([]);
    // Blake keeps session reminders off.
    await schedule({ format: 'joint', start: { date: '2026-11-24', time: '17:30' } });
    await schedule({ format: 'individual', partnerId: c.b.userId, start: { date: '2026-11-24', time: '19:00' } });
    await sweepAt('2026-11-24T22:29:00Z');
    expect(await sessionReminders(c.a)).toEqual([]);
    sends = [];
    const result = await sweepAt('2026-11-24T22:31:00Z');
    expect(result.shown).toBe(1);
    expect(await sessionReminders(c.a)).toEqual(['2026-11-24T22:30:00.000Z']);
    expect(sends).toEqual([expect.objectContaining({ personId: c.a.userId, channel: 'email' })]);
    // Blake's individual session at 19:00 (01:00 UTC): nothing for Alex, nothing for Blake (off).
    await sweepAt('2026-11-25T01:30:00Z');
    expect(await sessionReminders(c.a)).toEqual(['2026-11-24T22:30:00.000Z']);
    expect(await sessionReminders(c.b)).toEqual([]);
    // Each sweep again changes nothing: shown exactly once.
    await sweepAt('2026-11-25T01:31:00Z');
    expect(await sessionReminders(c.a)).toHaveLength(1);
    await dismissAll(c.a);
  });

  it('follows a rescheduled session to its new time, and says nothing for a cancelled one', async () => {
    setClock('2026-11-21T15:00:00Z');
    const moved = await schedule({ format: 'joint', start: { date: '2026-11-26', time: '10:00' } });
    const dropped = await schedule({ format: 'joint', start: { date: '2026-11-26', time: '14:00' } });
    await c.clinician.put(`/api/programs/${c.programId}/sessions/${moved}`, {
      start: { date: '2026-11-26', time: '12:00' },
      durationMinutes: 50,
      place: 'Clinic',
      videoUrl: null,
    });
    await c.clinician.post(`/api/programs/${c.programId}/sessions/${dropped}/cancel`);
    await sweepAt('2026-11-26T15:01:00Z');
    expect(await sessionReminders(c.a)).toEqual([]);
    await sweepAt('2026-11-26T17:01:00Z');
    expect(await sessionReminders(c.a)).toEqual(['2026-11-26T17:00:00.000Z']);
    await sweepAt('2026-11-26T19:01:00Z');
    expect(await sessionReminders(c.a)).toEqual(['2026-11-26T17:00:00.000Z']);
    await dismissAll(c.a);
  });

  it('moved after its reminder was planned, the old reminder is skipped and the new time reminded of', async () => {
    setClock('2026-11-27T15:00:00Z');
    const session = await schedule({ format: 'joint', start: { date: '2026-11-28', time: '10:00' } });
    // Quiet hours 08:30–09:30 hold the 09:00 reminder back, already planned, when the session moves.
    await c.a.put(
      '/api/me/reminder-settings',
      settings({ session: { enabled: true, leadMinutes: 60 }, quietHours: { enabled: true, start: '08:30', end: '09:30' } }),
    );
    // 09:00 falls in quiet hours: planned, waiting until 09:30.
    const waiting = await sweepAt('2026-11-28T15:01:00Z');
    expect(waiting.waiting).toBe(1);
    await c.clinician.put(`/api/programs/${c.programId}/sessions/${session}`, {
      start: { date: '2026-11-28', time: '13:00' },
      durationMinutes: 50,
      place: 'Clinic',
      videoUrl: null,
    });
    const skipped = await sweepAt('2026-11-28T15:31:00Z');
    expect(skipped.skipped).toBe(1);
    expect(await sessionReminders(c.a)).toEqual([]);
    await sweepAt('2026-11-28T18:01:00Z');
    expect(await sessionReminders(c.a)).toEqual(['2026-11-28T18:00:00.000Z']);
    await dismissAll(c.a);
  });

  it('respects quiet hours, and is dropped rather than shown once the session has begun', async () => {
    setClock('2026-11-29T15:00:00Z');
    await c.a.put('/api/me/reminder-settings', settings({ session: { enabled: true, leadMinutes: 30 } }));
    // 07:15 session, reminder due 06:45 inside quiet hours (until 07:00): it comes at 07:00.
    await schedule({ format: 'joint', start: { date: '2026-12-01', time: '07:15' } });
    const quiet = await sweepAt('2026-12-01T12:46:00Z');
    expect(quiet.waiting).toBe(1);
    expect(await sessionReminders(c.a)).toEqual([]);
    await sweepAt('2026-12-01T13:00:00Z');
    expect(await sessionReminders(c.a)).toEqual(['2026-12-01T12:45:00.000Z']);
    await dismissAll(c.a);
    // A server down from before a reminder until after its session started: nothing comes late.
    await schedule({ format: 'joint', start: { date: '2026-12-02', time: '10:00' } });
    const late = await sweepAt('2026-12-02T16:10:00Z');
    expect(late.shown).toBe(0);
    expect(await sessionReminders(c.a)).toEqual([]);
  });

  it('the day before comes at the same time on my clock across the spring-forward change', async () => {
    setClock('2026-03-01T15:00:00Z');
    await c.a.put('/api/me/reminder-settings', settings({ session: { enabled: true, leadMinutes: 1440 } }));
    // 09:00 CDT on 2026-03-08 is 14:00 UTC; the day before at 09:00 CST is 15:00 UTC on the 7th (23 hours before).
    await schedule({ format: 'joint', start: { date: '2026-03-08', time: '09:00' } });
    await sweepAt('2026-03-07T14:59:00Z');
    expect(await sessionReminders(c.a)).toEqual([]);
    await sweepAt('2026-03-07T15:00:00Z');
    expect(await sessionReminders(c.a)).toEqual(['2026-03-07T15:00:00.000Z']);
  });
});
