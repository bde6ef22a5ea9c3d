import { Temporal } from 'temporal-polyfill';
import type { ReminderKind, ReminderSettingsInput, SnoozeChoice } from '@twofold/core/reminders/reminder.schemas';

/**
 * Pure rules of when a reminder is due, when it may be shown, and when it is too late to be
 * worth showing. Times are wall-clock times in the person's own IANA time zone: a daily 20:00
 * stays 20:00 across a daylight-saving change, and each local day has each slot exactly once.
 */

export interface ReminderFacts {
  /** The agreed Trust Discussion time, HH:MM, while the person's couple has a contract in force and joint features are open. */
  trustDiscussionTime: string | null;
  /** Questionnaires from the person's schedules and the local day each is next due. */
  assessmentsDue: Array<{ instrumentId: string; dueDate: string }>;
  /** The review date of the couple's Continuing Recovery Plan in force, while joint features are open. */
  planReviewDate: string | null;
  /** Scheduled sessions with the care team the person takes part in, starting soon (features/care-sessions). */
  sessions: Array<{ sessionId: string; startsAt: Temporal.Instant }>;
}

/**
 * When a session's reminder is due: `leadMinutes` before its start, or with 1440 the day before at
 * the same time on the person's clock (so across a DST change it is 23 or 25 hours before, and the
 * reminder comes at the hour the person expects).
 */
export function sessionReminderAt(startsAt: Temporal.Instant, leadMinutes: number, timeZone: string): Temporal.Instant {
  const start = startsAt.toZonedDateTimeISO(timeZone);
  return (leadMinutes === 1440 ? start.subtract({ days: 1 }) : start.subtract({ minutes: leadMinutes })).toInstant();
}

export interface Occurrence {
  kind: ReminderKind;
  occurrenceKey: string;
  localDate: string;
  dueAt: Temporal.Instant;
}

/**
 * How late a reminder may still be shown (catch-up after downtime, or after waiting for quiet
 * hours to end). Later than this it is dropped: a check-in prompt at 07:00 for last night, or a
 * medication prompt hours after the dose (it could lead to a double dose), does more harm than
 * good. A due questionnaire is still due the next morning.
 */
export const maxLatenessMinutes: Record<ReminderKind, number> = {
  'check-in': 3 * 60,
  'trust-discussion': 2 * 60,
  'assessment-due': 24 * 60,
  session: 60,
  medication: 60,
  'plan-review': 24 * 60,
  // "Your weekly summary is ready": written by the weekly job (features/weekly-summaries), never planned here.
  'weekly-summary': 24 * 60,
};

/** Planning never looks further back than this (after a long outage): anything older would be dropped anyway. */
export const maxLookBackMinutes = Math.max(...Object.values(maxLatenessMinutes));

/** The instant of `time` (HH:MM) on `date` in `timeZone`; a time skipped by a DST change moves forward, a repeated one is the first. */
export function zonedInstant(date: string, time: string, timeZone: string): Temporal.Instant {
  return Temporal.PlainDate.from(date)
    .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) })
    .toInstant();
}

/** Local dates from the day of `from` to the day of `to`, inclusive, in `timeZone`. */
function localDates(from: Temporal.Instant, to: Temporal.Instant, timeZone: string): string[] {
  const first = from.toZonedDateTimeISO(timeZone).toPlainDate();
  const last = to.toZonedDateTimeISO(timeZone).toPlainDate();
  const dates: string[] = [];
  for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) {
    dates.push(day.toString());
  }
  return dates;
}

/**
 * Every occurrence whose due time falls in (from, to], for the kinds the person turned on.
 * A session's occurrence is keyed by the session and its start, so a rescheduled session is
 * reminded of again at its new time (the old row is skipped: the session is no longer on then).
 */
export function occurrencesBetween(
  settings: ReminderSettingsInput,
  facts: ReminderFacts,
  timeZone: string,
  from: Temporal.Instant,
  to: Temporal.Instant,
): Occurrence[] {
  const earliest = to.subtract({ minutes: maxLookBackMinutes });
  const start = Temporal.Instant.compare(from, earliest) < 0 ? earliest : from;
  const inWindow = (at: Temporal.Instant) => Temporal.Instant.compare(at, start) > 0 && Temporal.Instant.compare(at, to) <= 0;
  const found: Occurrence[] = [];
  const today = to.toZonedDateTimeISO(timeZone).toPlainDate().toString();
  const daily = (kind: ReminderKind, time: string, date: string, label = `${date} ${time}`) => {
    const dueAt = zonedInstant(date, time, timeZone);
    if (inWindow(dueAt)) {
      found.push({ kind, occurrenceKey: `${kind} ${label}`, localDate: date, dueAt });
    }
  };
  for (const date of localDates(start, to, timeZone)) {
    if (settings.checkIn.enabled) {
      daily('check-in', settings.checkIn.time, date);
    }
    if (settings.trustDiscussion.enabled && facts.trustDiscussionTime !== null) {
      daily('trust-discussion', facts.trustDiscussionTime, date);
    }
    if (settings.medication.enabled) {
      for (const time of settings.medication.times) {
        daily('medication', time, date);
      }
    }
    if (settings.assessmentDue.enabled) {
      for (const due of facts.assessmentsDue) {
        // Once per due date, at the chosen time; one already overdue is reminded of on the current day.
        if (due.dueDate === date || (due.dueDate < date && date === today)) {
          daily('assessment-due', settings.assessmentDue.time, date, `${due.instrumentId} ${due.dueDate}`);
        }
      }
    }
    const review = facts.planReviewDate;
    if (settings.planReview.enabled && review !== null && (review === date || (review < date && date === today))) {
      // Like a due questionnaire: once per review date, on the day or, when overdue, on the current day.
      daily('plan-review', settings.planReview.time, date, review);
    }
  }
  if (settings.session.enabled) {
    for (const session of facts.sessions) {
      const dueAt = sessionReminderAt(session.startsAt, settings.session.leadMinutes, timeZone);
      if (inWindow(dueAt)) {
        const localDate = session.startsAt.toZonedDateTimeISO(timeZone).toPlainDate().toString();
        found.push({ kind: 'session', occurrenceKey: sessionOccurrenceKey(session.sessionId, session.startsAt), localDate, dueAt });
      }
    }
  }
  return found.sort((a, b) => Temporal.Instant.compare(a.dueAt, b.dueAt));
}

/** `session <id> <start>`: one reminder per session and start time. */
export function sessionOccurrenceKey(sessionId: string, startsAt: Temporal.Instant): string {
  return `session ${sessionId} ${startsAt.toString()}`;
}

/** The session and start a session reminder is for, read back from its key. */
export function parseSessionOccurrenceKey(key: string): { sessionId: string; startsAt: Temporal.Instant } | null {
  const [kind, sessionId, start] = key.split(' ');
  if (kind !== 'session' || sessionId === undefined || start === undefined) {
    return null;
  }
  return { sessionId, startsAt: Temporal.Instant.from(start) };
}

type QuietHours = ReminderSettingsInput['quietHours'];

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether `at` falls in the quiet hours [start, end) on the person's clock; the window may cross midnight. */
export function isQuiet(at: Temporal.Instant, quiet: QuietHours, timeZone: string): boolean {
  if (!quiet.enabled) {
    return false;
  }
  const local = at.toZonedDateTimeISO(timeZone);
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** `at`, or the end of the quiet hours it falls into. */
export function afterQuietHours(at: Temporal.Instant, quiet: QuietHours, timeZone: string): Temporal.Instant {
  if (!isQuiet(at, quiet, timeZone)) {
    return at;
  }
  const local = at.toZonedDateTimeISO(timeZone);
  const today = local.toPlainDate();
  const endToday = zonedInstant(today.toString(), quiet.end, timeZone);
  return Temporal.Instant.compare(endToday, at) > 0 ? endToday : zonedInstant(today.add({ days: 1 }).toString(), quiet.end, timeZone);
}

export type FireDecision = { action: 'show' } | { action: 'drop' } | { action: 'wait'; until: Temporal.Instant };

/**
 * What to do with a reminder whose time has come (`now` ≥ its deliver time): wait while it is
 * quiet for the person, drop it when it is later than its kind allows (measured from when it was
 * planned to be shown), show it otherwise.
 */
export function decideFiring(
  kind: ReminderKind,
  plannedAt: Temporal.Instant,
  now: Temporal.Instant,
  quiet: QuietHours,
  timeZone: string,
): FireDecision {
  const showAt = afterQuietHours(now, quiet, timeZone);
  const lateMinutes = plannedAt.until(showAt, { largestUnit: 'minutes' }).minutes;
  if (lateMinutes > maxLatenessMinutes[kind]) {
    return { action: 'drop' };
  }
  return Temporal.Instant.compare(showAt, now) > 0 ? { action: 'wait', until: showAt } : { action: 'show' };
}

/** When a snoozed reminder comes back: in 10 minutes, in an hour, or tomorrow at the same local time. */
export function snoozeUntil(choice: SnoozeChoice, now: Temporal.Instant, timeZone: string): Temporal.Instant {
  switch (choice) {
    case '10-minutes':
      return now.add({ minutes: 10 });
    case '1-hour':
      return now.add({ hours: 1 });
    case 'tomorrow':
      return now.toZonedDateTimeISO(timeZone).add({ days: 1 }).toInstant();
  }
}
