import { Temporal } from 'temporal-polyfill';
import {
  defaultReminderSettings,
  reminderSettingsInputSchema,
  waitingReminderKinds,
  type InAppReminders,
  type PushSubscriptionInput,
  type ReminderSettings,
  type ReminderSettingsInput,
  type SnoozeChoice,
} from '@twofold/core/reminders/reminder.schemas';
import { outgoingReminder } from '@twofold/core/reminders/reminder-messages';
import type { Db, Tx } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import type { Mailer } from '../../platform/mailer';
import { DomainError } from '../../platform/errors';
import { clock, addDays, todayIn } from '../../platform/local-date';
import { assertOwnerWrite } from '../../access/access';
import { findPlanReviewDates } from '../setbacks/plan.service';
import { jointFeaturesOpen } from '../../access/joint-features';
import {
  maxLookBackMinutes,
  decideFiring,
  occurrencesBetween,
  parseSessionOccurrenceKey,
  snoozeUntil,
  type ReminderFacts,
} from './reminder-schedule';
import { findSessionStartsFor, isSessionStillOn } from '../care-sessions/care-sessions.service';
import * as repo from './reminders.repository';
import type { PushSender } from './push-sender';

/**
 * Reminders: each person's own settings, their in-app list, their devices, and the sweep that
 * plans and shows reminders. Only the person reads or changes their reminders: every function
 * taking an `actor` acts on `actor.userId` alone (`assertOwnerWrite` for changes), and an id that
 * is not theirs answers `not-found`, like one that does not exist.
 */

const toDate = (instant: Temporal.Instant) => new Date(instant.epochMilliseconds);
const toInstant = (date: Date) => Temporal.Instant.fromEpochMilliseconds(date.getTime());
const notFound = () => new DomainError('not-found', 'Not found.');

/** The settings in force: stored ones parsed again (a row from an older shape falls back to the defaults). */
function parseSettings(stored: unknown): ReminderSettingsInput {
  const parsed = reminderSettingsInputSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultReminderSettings;
}

/** My reminder settings (defaults, all off but in-app, until I save), with my time zone and the push key. */
export async function findMyReminderSettings(db: Db, actor: Actor, pushPublicKey: string | null): Promise<ReminderSettings> {
  const [row, timeZone] = await Promise.all([
    repo.findSettingsRow(db, actor.userId),
    actor.timeZone ?? repo.findTimeZone(db, actor.userId),
  ]);
  return {
    settings: row ? parseSettings(row.settings) : defaultReminderSettings,
    timeZone,
    waitingKinds: [...waitingReminderKinds],
    push: { publicKey: pushPublicKey },
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

/** Saves my reminder settings; planning starts again from now, so nothing fires at an old time. */
export async function saveMyReminderSettings(
  db: Db,
  actor: Actor,
  input: ReminderSettingsInput,
  pushPublicKey: string | null,
): Promise<ReminderSettings> {
  assertOwnerWrite(actor, actor.userId);
  const now = toDate(clock.now());
  await db.transaction().execute((tx) => repo.saveSettingsRow(tx, actor.userId, input, now));
  return findMyReminderSettings(db, actor, pushPublicKey);
}

/** My reminders shown in the app and not dismissed, newest first. */
export async function findMyReminders(db: Db, actor: Actor): Promise<InAppReminders> {
  const rows = await repo.findInApp(db, actor.userId);
  return {
    reminders: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      dueAt: row.dueAt.toISOString(),
      shownAt: (row.shownAt ?? row.dueAt).toISOString(),
    })),
  };
}

/** Dismisses one of my shown reminders. Throws `not-found` for any other id. */
export async function dismissMyReminder(db: Db, actor: Actor, reminderId: string): Promise<void> {
  assertOwnerWrite(actor, actor.userId);
  if (!(await repo.dismiss(db, actor.userId, reminderId, toDate(clock.now())))) {
    throw notFound();
  }
}

/** Snoozes one of my shown reminders: it leaves the list and comes again (quiet hours still apply). Throws `not-found` for any other id. */
export async function snoozeMyReminder(db: Db, actor: Actor, reminderId: string, choice: SnoozeChoice): Promise<{ snoozedUntil: string }> {
  assertOwnerWrite(actor, actor.userId);
  const timeZone = actor.timeZone ?? (await repo.findTimeZone(db, actor.userId));
  const until = toDate(snoozeUntil(choice, clock.now(), timeZone));
  if (!(await repo.snooze(db, actor.userId, reminderId, until))) {
    throw notFound();
  }
  return { snoozedUntil: until.toISOString() };
}

/** Registers this device for my push reminders (the same device again keeps one subscription). */
export async function registerPushSubscription(db: Db, actor: Actor, input: PushSubscriptionInput): Promise<{ id: string }> {
  assertOwnerWrite(actor, actor.userId);
  const id = await repo.savePushSubscription(db, actor.userId, { endpoint: input.endpoint, ...input.keys });
  return { id };
}

/** Forgets one of my devices. Throws `not-found` for any other id. */
export async function unregisterPushSubscription(db: Db, actor: Actor, subscriptionId: string): Promise<void> {
  assertOwnerWrite(actor, actor.userId);
  if (!(await repo.deletePushSubscription(db, actor.userId, subscriptionId))) {
    throw notFound();
  }
}

/** A message to send on one channel for one showing of a reminder: ids only. */
export interface SendJob {
  reminderId: string;
  personId: string;
  channel: 'email' | 'push';
  showing: number;
}

export interface SweepOptions {
  /** Queues the outgoing messages in the same transaction that shows the reminders (pg-boss `insert` with this transaction). */
  enqueueSends: (tx: Tx, sends: SendJob[]) => Promise<void>;
  /** Questionnaires this deployment offers: a switched-off one is never due. */
  offeredInstruments: readonly string[];
  batchSize?: number;
}

export interface SweepResult {
  planned: number;
  shown: number;
  dropped: number;
  skipped: number;
  waiting: number;
}

/**
 * One sweep at `now`, safe to run in any number of processes at once:
 * 1. plan: for each person not yet planned up to `now` (rows locked, others skipped), the
 *    occurrences due since their last planning become rows, unique per person and slot;
 * 2. fire: each row whose moment has come (locked, others skipped) is shown, dropped (too late
 *    for its kind), skipped (nothing left to remind of) or put off to the end of quiet hours.
 * A row leaves `scheduled` in the transaction that locked it, so it is shown exactly once.
 */
export async function sweepReminders(db: Db, now: Temporal.Instant, options: SweepOptions): Promise<SweepResult> {
  const result: SweepResult = { planned: 0, shown: 0, dropped: 0, skipped: 0, waiting: 0 };
  const batchSize = options.batchSize ?? 200;
  const at = toDate(now);
  for (;;) {
    const claimed = await db.transaction().execute(async (tx) => {
      const people = await repo.claimPeopleToPlan(tx, at, batchSize);
      const facts = await findFacts(tx, people, options.offeredInstruments, now);
      const rows = people.flatMap((person) => {
        const settings = parseSettings(person.settings);
        return occurrencesBetween(settings, facts.get(person.personId)!, person.timeZone, toInstant(person.plannedUntil), now).map(
          (occurrence) => ({
            personId: person.personId,
            kind: occurrence.kind,
            occurrenceKey: occurrence.occurrenceKey,
            localDate: occurrence.localDate,
            dueAt: toDate(occurrence.dueAt),
            plannedAt: toDate(occurrence.dueAt),
          }),
        );
      });
      await repo.insertOccurrences(tx, rows);
      await repo.markPlannedUntil(
        tx,
        people.map((person) => person.personId),
        at,
      );
      result.planned += rows.length;
      return people.length;
    });
    if (claimed < batchSize) {
      break;
    }
  }
  for (;;) {
    const claimed = await db.transaction().execute(async (tx) => {
      const due = await repo.claimDue(tx, at, batchSize);
      const sends: SendJob[] = [];
      for (const row of due) {
        const settings = parseSettings(row.settings);
        if (!(await stillApplies(tx, row, settings, now))) {
          await repo.setOutcome(tx, row.id, { state: 'skipped' });
          result.skipped += 1;
          continue;
        }
        const decision = decideFiring(row.kind, toInstant(row.plannedAt), now, settings.quietHours, row.timeZone);
        if (decision.action === 'drop') {
          await repo.setOutcome(tx, row.id, { state: 'dropped' });
          result.dropped += 1;
        } else if (decision.action === 'wait') {
          await repo.setOutcome(tx, row.id, { state: 'scheduled', deliverAt: toDate(decision.until) });
          result.waiting += 1;
        } else {
          const showing = row.showings + 1;
          await repo.setOutcome(tx, row.id, { state: 'shown', shownAt: at, inApp: settings.channels.inApp, showings: showing });
          result.shown += 1;
          if (settings.channels.email) {
            sends.push({ reminderId: row.id, personId: row.personId, channel: 'email', showing });
          }
          if (settings.channels.push) {
            sends.push({ reminderId: row.id, personId: row.personId, channel: 'push', showing });
          }
        }
      }
      if (sends.length > 0) {
        await options.enqueueSends(tx, sends);
      }
      return due.length;
    });
    if (claimed < batchSize) {
      break;
    }
  }
  return result;
}

/** The facts each person's reminders depend on: their own, and their couple's agreed time while joint features are open. */
async function findFacts(
  tx: Tx,
  people: repo.PlanningRow[],
  offered: readonly string[],
  now: Temporal.Instant,
): Promise<Map<string, ReminderFacts>> {
  const ids = people.map((person) => person.personId);
  const facts = new Map<string, ReminderFacts>(
    ids.map((id) => [id, { trustDiscussionTime: null, assessmentsDue: [], planReviewDate: null, sessions: [] }]),
  );
  const wantsTrust = people.filter((person) => parseSettings(person.settings).trustDiscussion.enabled).map((person) => person.personId);
  const openCouples = new Map<string, boolean>();
  for (const row of await repo.findDiscussionTimes(tx, wantsTrust)) {
    if (row.discussionTime === null) {
      continue;
    }
    if (!openCouples.has(row.coupleId)) {
      openCouples.set(row.coupleId, await jointFeaturesOpen(tx, row.coupleId));
    }
    if (openCouples.get(row.coupleId)) {
      facts.get(row.personId)!.trustDiscussionTime = row.discussionTime;
    }
  }
  const wantsAssessments = people.filter((person) => parseSettings(person.settings).assessmentDue.enabled);
  const zones = new Map(wantsAssessments.map((person) => [person.personId, person.timeZone]));
  for (const schedule of await repo.findAssessmentSchedules(
    tx,
    wantsAssessments.map((person) => person.personId),
  )) {
    if (!offered.includes(schedule.instrumentId)) {
      continue;
    }
    // As the schedules page says: due `everyDays` after the last answer, or today when never answered.
    const dueDate =
      schedule.lastDate === null
        ? todayIn(zones.get(schedule.ownerId)!, toInstant(schedule.updatedAt))
        : addDays(schedule.lastDate, schedule.everyDays);
    facts.get(schedule.ownerId)!.assessmentsDue.push({ instrumentId: schedule.instrumentId, dueDate });
  }
  const wantsPlanReview = people.filter((person) => parseSettings(person.settings).planReview.enabled).map((person) => person.personId);
  for (const review of await findPlanReviewDates(tx, wantsPlanReview)) {
    facts.get(review.personId)!.planReviewDate = review.reviewDate;
  }
  // Sessions whose reminder may fall in this planning window: starting from the look-back to a day
  // and an hour ahead (the longest lead is the day before; a day is 25 hours across a DST change).
  const wantsSessions = people.filter((person) => parseSettings(person.settings).session.enabled).map((person) => person.personId);
  for (const session of await findSessionStartsFor(
    tx,
    wantsSessions,
    now.subtract({ minutes: maxLookBackMinutes }),
    now.add({ hours: 26 }),
  )) {
    facts.get(session.personId)!.sessions.push({ sessionId: session.sessionId, startsAt: session.startsAt });
  }
  return facts;
}

/**
 * "Your weekly summary is ready": one notice per person and week, written by the weekly job in
 * the transaction that stores the summaries (features/weekly-summaries). It is shown by the sweep
 * like any reminder: quiet hours, the person's channels (defaults when they never saved settings),
 * neutral words outside the app, and only if they did not turn it off.
 */
export async function queueWeeklySummaryNotices(
  tx: Tx,
  notices: ReadonlyArray<{ personId: string; weekStart: string; localDate: string }>,
  now: Temporal.Instant,
): Promise<void> {
  const at = toDate(now);
  await repo.insertOccurrences(
    tx,
    notices.map((notice) => ({
      personId: notice.personId,
      kind: 'weekly-summary' as const,
      occurrenceKey: `weekly-summary ${notice.weekStart}`,
      localDate: notice.localDate,
      dueAt: at,
      plannedAt: at,
    })),
  );
}

/** Whether there is still something to remind of at showing time: my check-in not done yet, the Trust Discussion still on, the session still on. */
async function stillApplies(tx: Tx, row: repo.DueRow, settings: ReminderSettingsInput, now: Temporal.Instant): Promise<boolean> {
  switch (row.kind) {
    case 'check-in':
      return settings.checkIn.enabled && !(await repo.hasCheckedIn(tx, row.personId, row.localDate));
    case 'trust-discussion': {
      if (!settings.trustDiscussion.enabled) {
        return false;
      }
      const [couple] = await repo.findDiscussionTimes(tx, [row.personId]);
      return couple !== undefined && couple.discussionTime !== null && (await jointFeaturesOpen(tx, couple.coupleId));
    }
    case 'medication':
      return settings.medication.enabled;
    case 'assessment-due':
      return settings.assessmentDue.enabled;
    case 'plan-review':
      return settings.planReview.enabled && (await findPlanReviewDates(tx, [row.personId])).length > 0;
    case 'weekly-summary':
      return settings.weeklySummary.enabled;
    case 'session': {
      // Still on at that start (not moved, not cancelled, still mine), and not begun yet.
      const session = parseSessionOccurrenceKey(row.occurrenceKey);
      return (
        settings.session.enabled &&
        session !== null &&
        Temporal.Instant.compare(now, session.startsAt) < 0 &&
        (await isSessionStillOn(tx, row.personId, session.sessionId, session.startsAt))
      );
    }
  }
}

export interface SendContext {
  mailer: Mailer;
  push: PushSender | null;
  publicUrl: string;
}

/**
 * Sends one channel's message for one showing. The send is recorded first, so a job that runs
 * again (a retry after a crash) does not send twice; if sending fails, the record is removed and
 * the error thrown, and the queue retries. The words are the fixed, neutral ones.
 */
export async function deliverSend(db: Db, context: SendContext, job: SendJob): Promise<void> {
  if (!(await repo.claimSend(db, job.reminderId, job.channel, job.showing))) {
    return;
  }
  try {
    const message = outgoingReminder(job.channel);
    if (job.channel === 'email') {
      const to = await repo.findEmail(db, job.personId);
      await context.mailer.send({ to, subject: message.title, text: `${message.body}.\n\n${context.publicUrl}${message.path}` });
    } else if (context.push !== null) {
      const payload = JSON.stringify({ title: message.title, body: message.body, path: message.path });
      for (const target of await repo.findPushSubscriptions(db, job.personId)) {
        if ((await context.push.send(target, payload)) === 'gone') {
          await repo.deletePushEndpoint(db, job.personId, target.endpoint);
        }
      }
    }
  } catch (error) {
    await repo.releaseSend(db, job.reminderId, job.channel, job.showing);
    throw error;
  }
}
