import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { defaultReminderSettings, type ReminderSettingsInput } from '@twofold/core/reminders/reminder.schemas';
import {
  afterQuietHours,
  decideFiring,
  isQuiet,
  occurrencesBetween,
  parseSessionOccurrenceKey,
  sessionReminderAt,
  snoozeUntil,
  zonedInstant,
  type ReminderFacts,
} from './reminder-schedule';

const at = (iso: string) => Temporal.Instant.from(iso);
const noFacts: ReminderFacts = { trustDiscussionTime: null, assessmentsDue: [], planReviewDate: null, sessions: [] };
const settings = (change: Partial<ReminderSettingsInput>): ReminderSettingsInput => ({ ...defaultReminderSettings, ...change });
const checkInAt = (time: string) => settings({ checkIn: { enabled: true, time } });

/** What hourly sweeps from `from` to `to` plan, one window after the other, as the server does. */
function hourly(s: ReminderSettingsInput, timeZone: string, from: string, to: string) {
  const found = [];
  for (let start = at(from); Temporal.Instant.compare(start, at(to)) < 0; start = start.add({ hours: 1 })) {
    found.push(...occurrencesBetween(s, noFacts, timeZone, start, start.add({ hours: 1 })));
  }
  return found;
}

describe('when reminders are due', () => {
  it('puts a daily time on each local day of the person, in their own time zone', () => {
    const found = hourly(checkInAt('20:00'), 'America/Chicago', '2026-11-24T12:00:00Z', '2026-11-26T12:00:00Z');
    // 20:00 in Chicago (UTC-6 in November) is 02:00 UTC the next day.
    expect(found.map((o) => [o.occurrenceKey, o.dueAt.toString()])).toEqual([
      ['check-in 2026-11-24 20:00', '2026-11-25T02:00:00Z'],
      ['check-in 2026-11-25 20:00', '2026-11-26T02:00:00Z'],
    ]);
    const tokyo = occurrencesBetween(checkInAt('20:00'), noFacts, 'Asia/Tokyo', at('2026-11-24T12:00:00Z'), at('2026-11-25T12:00:00Z'));
    expect(tokyo.map((o) => o.dueAt.toString())).toEqual(['2026-11-25T11:00:00Z']);
  });

  it('keeps the wall-clock time across daylight-saving changes, once per day', () => {
    // Europe/Madrid: clocks go forward on 2026-03-29 (02:00 → 03:00) and back on 2026-10-25 (03:00 → 02:00).
    const spring = hourly(checkInAt('08:00'), 'Europe/Madrid', '2026-03-27T12:00:00Z', '2026-03-30T12:00:00Z');
    expect(spring.map((o) => o.dueAt.toString())).toEqual(['2026-03-28T07:00:00Z', '2026-03-29T06:00:00Z', '2026-03-30T06:00:00Z']);
    const autumn = hourly(checkInAt('08:00'), 'Europe/Madrid', '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z');
    expect(autumn.map((o) => o.dueAt.toString())).toEqual(['2026-10-25T07:00:00Z', '2026-10-26T07:00:00Z']);
  });

  it('moves a time that does not exist on the spring-forward day forward, and fires a repeated one once', () => {
    const skipped = occurrencesBetween(
      checkInAt('02:30'),
      noFacts,
      'Europe/Madrid',
      at('2026-03-28T12:00:00Z'),
      at('2026-03-29T12:00:00Z'),
    );
    expect(skipped.map((o) => o.dueAt.toString())).toEqual(['2026-03-29T01:30:00Z']); // 03:30 local summer time
    const repeated = hourly(checkInAt('02:30'), 'Europe/Madrid', '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z');
    expect(repeated).toHaveLength(1);
    expect(repeated[0]!.dueAt.toString()).toBe('2026-10-25T00:30:00Z'); // the first 02:30 (summer time)
  });

  it('takes the window as (from, to]: a sweep never plans the same slot twice', () => {
    const first = occurrencesBetween(checkInAt('20:00'), noFacts, 'UTC', at('2026-11-25T19:00:00Z'), at('2026-11-25T20:00:00Z'));
    const second = occurrencesBetween(checkInAt('20:00'), noFacts, 'UTC', at('2026-11-25T20:00:00Z'), at('2026-11-25T21:00:00Z'));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });

  it('plans the Trust Discussion only when the couple has an agreed time, and medication at each time', () => {
    const on = settings({ trustDiscussion: { enabled: true }, medication: { enabled: true, times: ['08:00', '20:00'] } });
    const from = at('2026-11-25T00:00:00Z');
    const to = at('2026-11-25T23:59:00Z');
    expect(occurrencesBetween(on, noFacts, 'UTC', from, to).map((o) => o.kind)).toEqual(['medication', 'medication']);
    const withContract = occurrencesBetween(on, { ...noFacts, trustDiscussionTime: '19:30' }, 'UTC', from, to);
    expect(withContract.map((o) => `${o.kind} ${o.dueAt.toString()}`)).toEqual([
      'medication 2026-11-25T08:00:00Z',
      'trust-discussion 2026-11-25T19:30:00Z',
      'medication 2026-11-25T20:00:00Z',
    ]);
  });

  it('reminds of a due questionnaire once for its due date, also when it is already overdue', () => {
    const on = settings({ assessmentDue: { enabled: true, time: '10:00' } });
    const facts = { ...noFacts, assessmentsDue: [{ instrumentId: 'phq-9', dueDate: '2026-11-20' }] };
    const found = occurrencesBetween(on, facts, 'UTC', at('2026-11-25T00:00:00Z'), at('2026-11-25T12:00:00Z'));
    expect(found.map((o) => o.occurrenceKey)).toEqual(['assessment-due phq-9 2026-11-20']);
    const onTheDay = occurrencesBetween(
      on,
      { ...facts, assessmentsDue: [{ instrumentId: 'phq-9', dueDate: '2026-11-26' }] },
      'UTC',
      at('2026-11-25T00:00:00Z'),
      at('2026-11-26T12:00:00Z'),
    );
    expect(onTheDay.map((o) => o.dueAt.toString())).toEqual(['2026-11-26T10:00:00Z']);
  });

  it('reminds of the plan review on its date, only when the couple has a plan in force with one', () => {
    const on = settings({ planReview: { enabled: true, time: '18:00' } });
    const window = [at('2026-11-25T00:00:00Z'), at('2026-11-25T23:00:00Z')] as const;
    expect(occurrencesBetween(on, noFacts, 'UTC', ...window)).toEqual([]);
    const found = occurrencesBetween(on, { ...noFacts, planReviewDate: '2026-11-25' }, 'UTC', ...window);
    expect(found.map((o) => `${o.occurrenceKey} ${o.dueAt.toString()}`)).toEqual(['plan-review 2026-11-25 2026-11-25T18:00:00Z']);
  });

  it('plans no session reminder without a session, nor kinds turned off', () => {
    const waiting = settings({ session: { enabled: true, leadMinutes: 60 } });
    expect(occurrencesBetween(waiting, noFacts, 'UTC', at('2026-11-20T00:00:00Z'), at('2026-11-25T00:00:00Z'))).toEqual([]);
    const off = { ...noFacts, trustDiscussionTime: '20:00', planReviewDate: '2026-11-24' };
    expect(occurrencesBetween(defaultReminderSettings, off, 'UTC', at('2026-11-24T00:00:00Z'), at('2026-11-24T23:00:00Z'))).toEqual([]);
  });

  it('looks back at most a day after a long outage', () => {
    const found = occurrencesBetween(checkInAt('20:00'), noFacts, 'UTC', at('2026-11-01T00:00:00Z'), at('2026-11-25T21:00:00Z'));
    expect(found.map((o) => o.localDate)).toEqual(['2026-11-25']);
  });
});

describe('quiet hours, lateness and snooze', () => {
  const quiet = { enabled: true, start: '22:00', end: '07:00' };

  it('knows quiet hours across midnight in the person’s time zone', () => {
    expect(isQuiet(at('2026-11-25T23:30:00Z'), quiet, 'UTC')).toBe(true);
    expect(isQuiet(at('2026-11-25T06:59:00Z'), quiet, 'UTC')).toBe(true);
    expect(isQuiet(at('2026-11-25T07:00:00Z'), quiet, 'UTC')).toBe(false);
    expect(isQuiet(at('2026-11-25T23:30:00Z'), { ...quiet, enabled: false }, 'UTC')).toBe(false);
    // 23:30 UTC is 17:30 in Chicago: not quiet there.
    expect(isQuiet(at('2026-11-25T23:30:00Z'), quiet, 'America/Chicago')).toBe(false);
    expect(isQuiet(at('2026-11-25T13:00:00Z'), { enabled: true, start: '12:00', end: '14:00' }, 'UTC')).toBe(true);
  });

  it('moves a reminder due in quiet hours to their end, on the right day', () => {
    expect(afterQuietHours(at('2026-11-25T23:00:00Z'), quiet, 'UTC').toString()).toBe('2026-11-26T07:00:00Z');
    expect(afterQuietHours(at('2026-11-26T03:00:00Z'), quiet, 'UTC').toString()).toBe('2026-11-26T07:00:00Z');
    expect(afterQuietHours(at('2026-11-26T12:00:00Z'), quiet, 'UTC').toString()).toBe('2026-11-26T12:00:00Z');
  });

  it('shows a reminder on time, waits out quiet hours, and drops one later than its kind allows', () => {
    const due = at('2026-11-25T21:00:00Z');
    expect(decideFiring('check-in', due, at('2026-11-25T21:00:30Z'), quiet, 'UTC')).toEqual({ action: 'show' });
    // Back up at 21:40 after downtime: 40 minutes late, still fine.
    expect(decideFiring('check-in', due, at('2026-11-25T21:40:00Z'), quiet, 'UTC')).toEqual({ action: 'show' });
    // Back up at 23:30: quiet until 07:00, which is 10 hours late for a check-in: dropped, not sent at night.
    expect(decideFiring('check-in', due, at('2026-11-25T23:30:00Z'), quiet, 'UTC')).toEqual({ action: 'drop' });
    // A due questionnaire waits for the morning instead.
    expect(decideFiring('assessment-due', due, at('2026-11-25T23:30:00Z'), quiet, 'UTC')).toEqual({
      action: 'wait',
      until: at('2026-11-26T07:00:00Z'),
    });
    // Medication more than an hour late is dropped (it could lead to a double dose).
    expect(decideFiring('medication', due, at('2026-11-25T22:05:00Z'), { ...quiet, enabled: false }, 'UTC')).toEqual({ action: 'drop' });
  });

  it('snoozes for ten minutes, an hour, or to the same local time tomorrow across a DST change', () => {
    const now = at('2026-10-24T18:00:00Z'); // 20:00 in Madrid (summer time)
    expect(snoozeUntil('10-minutes', now, 'Europe/Madrid').toString()).toBe('2026-10-24T18:10:00Z');
    expect(snoozeUntil('1-hour', now, 'Europe/Madrid').toString()).toBe('2026-10-24T19:00:00Z');
    // Tomorrow 20:00 in Madrid is winter time: 19:00 UTC.
    expect(snoozeUntil('tomorrow', now, 'Europe/Madrid').toString()).toBe('2026-10-25T19:00:00Z');
    expect(zonedInstant('2026-10-25', '20:00', 'Europe/Madrid').toString()).toBe('2026-10-25T19:00:00Z');
  });
});

describe('session reminders', () => {
  const id = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5';
  const sessionAt = (iso: string): ReminderFacts => ({ ...noFacts, sessions: [{ sessionId: id, startsAt: at(iso) }] });
  const lead = (leadMinutes: 15 | 30 | 60 | 120 | 1440) => settings({ session: { enabled: true, leadMinutes } });

  it('comes the chosen number of minutes before the session', () => {
    const found = occurrencesBetween(
      lead(60),
      sessionAt('2026-11-25T16:00:00Z'),
      'America/Chicago',
      at('2026-11-25T00:00:00Z'),
      at('2026-11-26T00:00:00Z'),
    );
    expect(found).toEqual([
      { kind: 'session', occurrenceKey: `session ${id} 2026-11-25T16:00:00Z`, localDate: '2026-11-25', dueAt: at('2026-11-25T15:00:00Z') },
    ]);
    expect(parseSessionOccurrenceKey(found[0]!.occurrenceKey)).toEqual({ sessionId: id, startsAt: at('2026-11-25T16:00:00Z') });
  });

  it('the day before comes at the same local time across the spring-forward change (23 hours before)', () => {
    // Chicago moves its clocks forward on 2026-03-08 at 02:00: a 09:00 session that day is reminded of at 09:00 on the 7th.
    const start = zonedInstant('2026-03-08', '09:00', 'America/Chicago');
    const due = sessionReminderAt(start, 1440, 'America/Chicago');
    expect(due.toZonedDateTimeISO('America/Chicago').toPlainDateTime().toString()).toBe('2026-03-07T09:00:00');
    expect(due.until(start).total('hours')).toBe(23);
  });

  it('the day before comes at the same local time across the fall-back change (25 hours before)', () => {
    // Clocks go back on 2026-11-01 at 02:00.
    const start = zonedInstant('2026-11-01', '09:00', 'America/Chicago');
    const due = sessionReminderAt(start, 1440, 'America/Chicago');
    expect(due.toZonedDateTimeISO('America/Chicago').toPlainDateTime().toString()).toBe('2026-10-31T09:00:00');
    expect(due.until(start).total('hours')).toBe(25);
  });

  it('minutes before are exact minutes, even across the change in the night', () => {
    // 02:30 does not exist on 2026-03-08 in Chicago; a session at 03:15 CDT, 60 minutes before is 01:15 CST.
    const start = zonedInstant('2026-03-08', '03:15', 'America/Chicago');
    const due = sessionReminderAt(start, 60, 'America/Chicago');
    expect(due.until(start).total('minutes')).toBe(60);
    expect(due.toZonedDateTimeISO('America/Chicago').toPlainTime().toString()).toBe('01:15:00');
  });

  it('is not planned when session reminders are off, and the local date is the session day on my clock', () => {
    const facts = sessionAt('2026-11-26T03:00:00Z');
    const window = [at('2026-11-25T00:00:00Z'), at('2026-11-26T04:00:00Z')] as const;
    expect(occurrencesBetween(defaultReminderSettings, facts, 'America/Los_Angeles', ...window)).toEqual([]);
    const [found] = occurrencesBetween(lead(15), facts, 'America/Los_Angeles', ...window);
    expect(found?.localDate).toBe('2026-11-25');
  });
});
