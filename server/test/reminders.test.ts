import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { instrumentIds } from '@twofold/core/assessments/instruments';
import { defaultReminderSettings, type ReminderSettingsInput } from '@twofold/core/reminders/reminder.schemas';
import { allowedReminderTexts } from '@twofold/core/reminders/reminder-messages';
import { clock } from '../src/platform/local-date';
import { ConfigError, loadConfig } from '../src/platform/config';
import { deliverSend, sweepReminders, type SendJob } from '../src/features/reminders/reminders.service';
import { createCapturingPushSender } from '../src/features/reminders/push-sender';
import { buildTestApp, newPerson, type TestApp, type TestClient } from './test-app';
import { answerSafetyScreen, harkPositive, newOpenCouple, signContract } from './together-helpers';

/**
 * Reminders through the API and the sweep, with a controlled clock. The test people live in
 * America/Chicago (UTC-6 in November): 20:00 there is 02:00 UTC the next day.
 */
let t: TestApp;
const realNow = clock.now;
let sends: SendJob[] = [];

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  clock.now = realNow;
  sends = [];
});

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
  channels: { inApp: true, email: true, push: true },
  ...change,
});
async function kindsShown(person: TestClient): Promise<string[]> {
  const answer = await person.get('/api/me/reminders');
  expect(answer.status).toBe(200);
  return answer.body.reminders.map((r: { kind: string }) => r.kind);
}

describe('reminder settings', () => {
  it('starts from the defaults in my own time zone and keeps what I save', async () => {
    const person = await newPerson(t);
    const fresh = await person.get('/api/me/reminder-settings');
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ settings: defaultReminderSettings, timeZone: 'America/Chicago', updatedAt: null });
    expect(fresh.body.waitingKinds).toEqual([]);
    expect(fresh.body.push).toEqual({ publicKey: null });
    const mine = settings({ checkIn: { enabled: true, time: '21:15' }, medication: { enabled: true, times: ['08:00', '20:00'] } });
    const saved = await person.put('/api/me/reminder-settings', mine);
    expect(saved.status).toBe(200);
    expect((await person.get('/api/me/reminder-settings')).body.settings).toEqual(mine);
  });

  it('refuses times that are not HH:MM, repeated medication times and equal quiet-hour ends', async () => {
    const person = await newPerson(t);
    for (const bad of [
      settings({ checkIn: { enabled: true, time: '25:00' } }),
      settings({ medication: { enabled: true, times: ['08:00', '08:00'] } }),
      settings({ quietHours: { enabled: true, start: '22:00', end: '22:00' } }),
    ]) {
      expect((await person.put('/api/me/reminder-settings', bad)).status).toBe(400);
    }
  });
});

describe('the sweep', () => {
  it('shows a check-in once at my chosen time, however often it is swept, and sends each channel once', async () => {
    setClock('2026-11-25T12:00:00Z');
    const person = await newPerson(t);
    await person.put('/api/me/reminder-settings', settings({ checkIn: { enabled: true, time: '20:00' } }));
    await sweepAt('2026-11-26T01:59:00Z');
    expect(await kindsShown(person)).toEqual([]);
    await Promise.all([
      sweepAt('2026-11-26T02:00:30Z'),
      sweepReminders(t.database.db, at('2026-11-26T02:00:30Z'), {
        enqueueSends: async (_tx, q) => void sends.push(...q),
        offeredInstruments: instrumentIds,
      }),
    ]);
    await sweepAt('2026-11-26T02:01:00Z');
    expect(await kindsShown(person)).toEqual(['check-in']);
    const mine = sends.filter((send) => send.personId === person.userId);
    expect(mine.map((send) => `${send.channel} ${send.showing}`).sort()).toEqual(['email 1', 'push 1']);
  });

  it('does not remind me of a check-in I already did that day', async () => {
    setClock('2026-11-25T12:00:00Z');
    const person = await newPerson(t);
    await person.put('/api/me/reminder-settings', settings({ checkIn: { enabled: true, time: '20:00' } }));
    setClock('2026-11-26T01:00:00Z');
    const checkin = { mood: 3, craving: 2, used: false, sleep: 3, stress: 2, closeness: 4, conflict: 'none' };
    expect((await person.put('/api/me/checkins/2026-11-25', checkin)).status).toBeLessThan(300);
    const result = await sweepAt('2026-11-26T02:00:30Z');
    expect(result.skipped).toBeGreaterThanOrEqual(1);
    expect(await kindsShown(person)).toEqual([]);
  });

  it("reminds each partner of the Trust Discussion at the contract's time, whatever the other did, only while joint features are open", async () => {
    const couple = await newOpenCouple(t);
    await signContract(couple); // agreed at 20:30
    setClock('2026-11-25T12:00:00Z');
    for (const person of [couple.a, couple.b]) {
      await person.put('/api/me/reminder-settings', settings({ trustDiscussion: { enabled: true } }));
    }
    // Alex already said their part today; Blake did nothing. Both get the same reminder.
    setClock('2026-11-26T02:10:00Z');
    expect((await couple.a.put('/api/couple/trust-discussions/2026-11-25/mine', { stated: true, thanked: false })).status).toBe(200);
    await sweepAt('2026-11-26T02:30:30Z');
    expect(await kindsShown(couple.a)).toEqual(['trust-discussion']);
    expect(await kindsShown(couple.b)).toEqual(['trust-discussion']);
    const [aList, bList] = [(await couple.a.get('/api/me/reminders')).body, (await couple.b.get('/api/me/reminders')).body];
    expect(aList.reminders[0].id).not.toBe(bList.reminders[0].id);
    // A positive safety screen closes joint features: no Trust Discussion reminder the next day.
    await answerSafetyScreen(couple.b, harkPositive);
    await sweepAt('2026-11-27T02:30:30Z');
    expect(await kindsShown(couple.a)).toEqual(['trust-discussion']);
  });

  it('reminds both partners of the plan review on the review date of the plan in force', async () => {
    setClock('2026-11-25T12:00:00Z');
    const couple = await newOpenCouple(t);
    const section = { warningSigns: [], highRiskSituations: [], iWillDo: ['Call my sponsor'], partnerCanDo: [], partnerWillNot: [] };
    const shared = { lapseResponses: { firstHour: [], firstDay: [], firstWeek: [] }, supports: [], groups: [], reviewDate: '2026-12-01' };
    const v1 = (await couple.a.put('/api/couple/plan/my-section', { baseVersionId: null, section })).body.latest.id;
    const v2 = (await couple.b.put('/api/couple/plan/shared', { baseVersionId: v1, shared })).body.latest.id;
    await couple.a.post(`/api/couple/plan/versions/${v2}/sign`);
    expect((await couple.b.post(`/api/couple/plan/versions/${v2}/sign`)).body.signedByBothAt).not.toBeNull();
    for (const person of [couple.a, couple.b]) {
      await person.put('/api/me/reminder-settings', settings({ planReview: { enabled: true, time: '10:00' } }));
    }
    await sweepAt('2026-11-30T16:00:30Z'); // the day before: nothing
    expect(await kindsShown(couple.a)).toEqual([]);
    await sweepAt('2026-12-01T16:00:30Z'); // 10:00 in Chicago on the review date
    expect(await kindsShown(couple.a)).toEqual(['plan-review']);
    expect(await kindsShown(couple.b)).toEqual(['plan-review']);
    await sweepAt('2026-12-02T16:00:30Z'); // once per review date
    expect(await kindsShown(couple.a)).toEqual(['plan-review']);
  });

  it('catches up after downtime: drops a check-in rather than send it at night, keeps a due questionnaire for the morning', async () => {
    setClock('2026-11-25T12:00:00Z'); // 06:00 in Chicago
    const person = await newPerson(t);
    await person.put('/api/me/assessment-schedules/phq-9', { everyDays: 14 }); // never answered: due today
    await person.put(
      '/api/me/reminder-settings',
      settings({
        checkIn: { enabled: true, time: '20:00' },
        medication: { enabled: true, times: ['21:00'] },
        assessmentDue: { enabled: true, time: '10:00' },
        quietHours: { enabled: true, start: '22:00', end: '07:00' },
      }),
    );
    // The server was down from 06:00 until 23:30 Chicago time (05:30 UTC next day), inside quiet hours.
    const back = await sweepAt('2026-11-26T05:30:00Z');
    expect(back).toMatchObject({ planned: 3, shown: 0, dropped: 2, waiting: 1 });
    expect(await kindsShown(person)).toEqual([]);
    await sweepAt('2026-11-26T12:59:00Z'); // 06:59: still quiet
    expect(await kindsShown(person)).toEqual([]);
    await sweepAt('2026-11-26T13:00:00Z'); // 07:00: quiet hours end
    expect(await kindsShown(person)).toEqual(['assessment-due']);
  });

  it('plans again from now when I change my settings: nothing fires at the old time', async () => {
    setClock('2026-11-25T12:00:00Z');
    const person = await newPerson(t);
    await person.put('/api/me/reminder-settings', settings({ medication: { enabled: true, times: ['08:00', '09:00'] } }));
    await sweepAt('2026-11-25T14:00:30Z'); // 08:00 local: shown
    setClock('2026-11-25T14:30:00Z');
    await person.put('/api/me/reminder-settings', settings({ medication: { enabled: true, times: ['08:00', '10:00'] } }));
    await sweepAt('2026-11-25T15:00:30Z'); // the old 09:00
    expect(await kindsShown(person)).toEqual(['medication']);
    await sweepAt('2026-11-25T16:00:30Z'); // the new 10:00
    expect(await kindsShown(person)).toEqual(['medication', 'medication']);
  });
});

describe('my in-app reminders', () => {
  it('snoozes and dismisses only my own; my partner gets a 404 for my reminder as for none', async () => {
    setClock('2026-11-25T12:00:00Z');
    const couple = await newOpenCouple(t);
    await couple.a.put('/api/me/reminder-settings', settings({ checkIn: { enabled: true, time: '20:00' } }));
    await sweepAt('2026-11-26T02:00:30Z');
    const [reminder] = (await couple.a.get('/api/me/reminders')).body.reminders;
    expect(reminder.kind).toBe('check-in');
    expect(await kindsShown(couple.b)).toEqual([]);
    expect((await couple.b.post(`/api/me/reminders/${reminder.id}/dismiss`)).status).toBe(404);
    expect((await couple.b.post(`/api/me/reminders/${reminder.id}/snooze`, { for: '1-hour' })).status).toBe(404);
    expect(await kindsShown(couple.a)).toEqual(['check-in']);

    const snoozed = await couple.a.post(`/api/me/reminders/${reminder.id}/snooze`, { for: '10-minutes' });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.snoozedUntil).toBe('2026-11-26T02:10:30.000Z');
    expect(await kindsShown(couple.a)).toEqual([]);
    await sweepAt('2026-11-26T02:10:30Z');
    expect(await kindsShown(couple.a)).toEqual(['check-in']);
    expect(sends.filter((s) => s.personId === couple.a.userId).map((s) => s.showing)).toEqual([1, 1, 2, 2]);

    expect((await couple.a.post(`/api/me/reminders/${reminder.id}/dismiss`)).status).toBe(204);
    expect(await kindsShown(couple.a)).toEqual([]);
    expect((await couple.a.post(`/api/me/reminders/${reminder.id}/dismiss`)).status).toBe(404);
  });

  it('registers and forgets my devices; nobody else can forget them', async () => {
    const couple = await newOpenCouple(t);
    const device = { endpoint: 'https://push.example.org/send/abc123', keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } };
    const registered = await couple.a.post('/api/me/push-subscriptions', device);
    expect(registered.status).toBe(201);
    // The same device again keeps one subscription.
    expect((await couple.a.post('/api/me/push-subscriptions', device)).body.id).toBe(registered.body.id);
    expect((await couple.a.post('/api/me/push-subscriptions', { ...device, endpoint: 'http://push.example.org/x' })).status).toBe(400);
    expect((await couple.b.delete(`/api/me/push-subscriptions/${registered.body.id}`)).status).toBe(404);
    expect((await couple.a.delete(`/api/me/push-subscriptions/${registered.body.id}`)).status).toBe(204);
    expect((await couple.a.delete(`/api/me/push-subscriptions/${registered.body.id}`)).status).toBe(404);
  });
});

describe('outgoing messages', () => {
  it('e-mail and push carry only the fixed neutral words, once per showing even when the job runs again', async () => {
    setClock('2026-11-25T12:00:00Z');
    const person = await newPerson(t);
    await person.put('/api/me/reminder-settings', settings({ checkIn: { enabled: true, time: '20:00' } }));
    await person.post('/api/me/push-subscriptions', {
      endpoint: 'https://push.example.org/send/device1',
      keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) },
    });
    await sweepAt('2026-11-26T02:00:30Z');
    const push = createCapturingPushSender();
    const context = {
      mailer: { send: (m: (typeof t.outbox)[number]) => Promise.resolve(void t.outbox.push(m)) },
      push,
      publicUrl: 'http://twofold.test',
    };
    const mine = sends.filter((send) => send.personId === person.userId);
    for (const job of [...mine, ...mine]) {
      await deliverSend(t.database.db, context, job);
    }
    const mails = t.outbox.filter((m) => m.to === person.email && !m.text.includes('token='));
    expect(mails).toHaveLength(1);
    expect(allowedReminderTexts.has(mails[0]!.subject)).toBe(true);
    expect(mails[0]!.text).toBe('You have a reminder in Twofold.\n\nhttp://twofold.test/reminders');
    expect(push.sent).toHaveLength(1);
    const payload = JSON.parse(push.sent[0]!.payload) as Record<string, string>;
    expect(Object.values(payload).every((text) => allowedReminderTexts.has(text))).toBe(true);
  });
});

describe('the job queue on this database', () => {
  it('runs the sweep and the e-mail through pg-boss in a running app', async () => {
    const running = await buildTestApp({ REMINDERS_SWEEP_SECONDS: '1' });
    try {
      const person = await newPerson(running);
      // No quiet hours, whatever the real hour is now.
      await person.put(
        '/api/me/reminder-settings',
        settings({
          medication: { enabled: true, times: ['08:00'] },
          channels: { inApp: true, email: true, push: false },
          quietHours: { enabled: false, start: '22:00', end: '07:00' },
        }),
      );
      // A reminder whose moment is now (the real clock): the app's own jobs must show it and send its e-mail.
      const now = new Date();
      await running.database.db
        .insertInto('reminders')
        .values({
          personId: person.userId!,
          kind: 'medication',
          occurrenceKey: 'medication now',
          localDate: '2026-11-25',
          dueAt: now,
          plannedAt: now,
          deliverAt: now,
          state: 'scheduled',
        })
        .execute();
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && !running.outbox.some((m) => m.to === person.email && m.subject === 'A reminder from Twofold')) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(running.outbox.filter((m) => m.to === person.email && m.subject === 'A reminder from Twofold')).toHaveLength(1);
      expect(await kindsShown(person)).toEqual(['medication']);
    } finally {
      await running.close();
    }
  }, 40_000);
});

describe('reminder configuration', () => {
  const publicKey = 'B'.repeat(87);
  const privateKey = 'A'.repeat(43);

  it('runs the jobs every minute by default, none in tests unless asked, and push only with both VAPID keys', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).reminders).toEqual({ sweepSeconds: 60, vapid: null });
    expect(loadConfig({ NODE_ENV: 'test' }).reminders.sweepSeconds).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', REMINDERS_SWEEP_SECONDS: '1' }).reminders.sweepSeconds).toBe(1);
    const keys = { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: 'mailto:ops@example.org' };
    expect(loadConfig(keys).reminders.vapid).toEqual({ publicKey, privateKey, subject: 'mailto:ops@example.org' });
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: publicKey })).toThrow(ConfigError);
    expect(() => loadConfig({ ...keys, VAPID_SUBJECT: 'ops@example.org' })).toThrow(ConfigError);
  });
});
