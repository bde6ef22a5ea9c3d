import { sql } from 'kysely';
import type { ReminderKind, ReminderSettingsInput } from '@twofold/core/reminders/reminder.schemas';
import type { DbOrTx, Tx } from '../../platform/db';

/**
 * Queries of the reminders feature. Every read of a person's reminders is filtered by
 * `person_id`; the sweep's reads of other tables are the person's own facts for their own
 * reminders (their check-ins, schedules, their couple's contract time), never their partner's state.
 */

export interface SettingsRow {
  personId: string;
  settings: ReminderSettingsInput;
  plannedUntil: Date;
  updatedAt: Date;
}

export async function findSettingsRow(db: DbOrTx, personId: string): Promise<SettingsRow | undefined> {
  return db.selectFrom('reminderSettings').selectAll().where('personId', '=', personId).executeTakeFirst();
}

export async function findTimeZone(db: DbOrTx, personId: string): Promise<string> {
  const row = await db.selectFrom('users').select('timeZone').where('id', '=', personId).executeTakeFirstOrThrow();
  return row.timeZone;
}

/**
 * Saves settings and plans afresh from `now`: occurrences not yet shown at all (never a snoozed
 * one) are removed, so a changed time never fires at the old one.
 */
export async function saveSettingsRow(tx: Tx, personId: string, settings: ReminderSettingsInput, now: Date): Promise<SettingsRow> {
  const values = { settings: JSON.stringify(settings), plannedUntil: now, updatedAt: now };
  const row = await tx
    .insertInto('reminderSettings')
    .values({ personId, ...values })
    .onConflict((oc) => oc.column('personId').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.deleteFrom('reminders').where('personId', '=', personId).where('state', '=', 'scheduled').where('shownAt', 'is', null).execute();
  return row;
}

export interface PlanningRow extends SettingsRow {
  timeZone: string;
}

/** People whose reminders are planned only up to before `now`, locked; another process skips them. */
export async function claimPeopleToPlan(tx: Tx, now: Date, limit: number): Promise<PlanningRow[]> {
  return tx
    .selectFrom('reminderSettings as s')
    .innerJoin('users as u', 'u.id', 's.personId')
    .select(['s.personId', 's.settings', 's.plannedUntil', 's.updatedAt', 'u.timeZone'])
    .where('s.plannedUntil', '<', now)
    .orderBy('s.plannedUntil')
    .limit(limit)
    .forUpdate('s')
    .skipLocked()
    .execute();
}

export async function markPlannedUntil(tx: Tx, personIds: string[], now: Date): Promise<void> {
  if (personIds.length > 0) {
    await tx.updateTable('reminderSettings').set({ plannedUntil: now }).where('personId', 'in', personIds).execute();
  }
}

/** The contract time of each person's current couple: the newest version both signed since this pair was formed. */
export async function findDiscussionTimes(
  db: DbOrTx,
  personIds: string[],
): Promise<Array<{ personId: string; coupleId: string; discussionTime: string | null }>> {
  if (personIds.length === 0) {
    return [];
  }
  const { rows } = await sql<{ personId: string; coupleId: string; discussionTime: string | null }>`
    select m.user_id as person_id, m.couple_id,
      (select cv.discussion_time from contract_versions cv
        where cv.couple_id = m.couple_id and cv.signed_by_both_at is not null
          and cv.created_at >= (select max(x.joined_at) from couple_members x where x.couple_id = m.couple_id and x.left_at is null)
        order by cv.version desc limit 1) as discussion_time
    from couple_members m
    where m.user_id in (${sql.join(personIds)}) and m.left_at is null`.execute(db);
  return rows;
}

/** Each person's scheduled questionnaires with the local day of their last answer. */
export async function findAssessmentSchedules(
  db: DbOrTx,
  personIds: string[],
): Promise<Array<{ ownerId: string; instrumentId: string; everyDays: number; lastDate: string | null; updatedAt: Date }>> {
  if (personIds.length === 0) {
    return [];
  }
  const { rows } = await sql<{ ownerId: string; instrumentId: string; everyDays: number; lastDate: string | null; updatedAt: Date }>`
    select s.owner_id, s.instrument_id, s.every_days, s.updated_at,
      (select max(r.local_date) from assessment_responses r where r.owner_id = s.owner_id and r.instrument_id = s.instrument_id)::text as last_date
    from assessment_schedules s
    where s.owner_id in (${sql.join(personIds)})`.execute(db);
  return rows;
}

export interface NewOccurrence {
  personId: string;
  kind: ReminderKind;
  occurrenceKey: string;
  localDate: string;
  dueAt: Date;
  plannedAt: Date;
}

/** Inserts occurrences; one already there (planned by another process, or before) stays as it is. */
export async function insertOccurrences(tx: Tx, rows: NewOccurrence[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await tx
    .insertInto('reminders')
    .values(rows.map((row) => ({ ...row, deliverAt: row.plannedAt, state: 'scheduled' as const })))
    .onConflict((oc) => oc.columns(['personId', 'occurrenceKey']).doNothing())
    .execute();
}

export interface DueRow {
  id: string;
  personId: string;
  kind: ReminderKind;
  occurrenceKey: string;
  localDate: string;
  plannedAt: Date;
  /** Null for a person who never saved settings: the defaults apply. */
  settings: ReminderSettingsInput | null;
  timeZone: string;
  showings: number;
}

/** Reminders whose moment has come, locked; another process skips them. */
export async function claimDue(tx: Tx, now: Date, limit: number): Promise<DueRow[]> {
  return (
    tx
      .selectFrom('reminders as r')
      // A person who never saved settings has the defaults (the service parses a missing row as them):
      // the weekly summary's notice reaches them in the app, the only kind planned without settings.
      .leftJoin('reminderSettings as s', 's.personId', 'r.personId')
      .innerJoin('users as u', 'u.id', 'r.personId')
      .select(['r.id', 'r.personId', 'r.kind', 'r.occurrenceKey', 'r.localDate', 'r.plannedAt', 'r.showings', 's.settings', 'u.timeZone'])
      .where('r.state', '=', 'scheduled')
      .where('r.deliverAt', '<=', now)
      .orderBy('r.deliverAt')
      .limit(limit)
      .forUpdate('r')
      .skipLocked()
      .execute()
  );
}

export async function hasCheckedIn(db: DbOrTx, personId: string, localDate: string): Promise<boolean> {
  const row = await db
    .selectFrom('checkins')
    .select('ownerId')
    .where('ownerId', '=', personId)
    .where('localDate', '=', localDate)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setOutcome(
  tx: Tx,
  id: string,
  outcome:
    | { state: 'shown'; shownAt: Date; inApp: boolean; showings: number }
    | { state: 'dropped' | 'skipped' }
    | { state: 'scheduled'; deliverAt: Date },
): Promise<void> {
  await tx
    .updateTable('reminders')
    .set(outcome.state === 'shown' ? { ...outcome, dismissedAt: null } : outcome)
    .where('id', '=', id)
    .execute();
}

/** Records that a channel is about to carry this showing; false when it already did (a retried job). */
export async function claimSend(db: DbOrTx, reminderId: string, channel: 'email' | 'push', showing: number): Promise<boolean> {
  const row = await db
    .insertInto('reminderSends')
    .values({ reminderId, channel, showing })
    .onConflict((oc) => oc.doNothing())
    .returning('reminderId')
    .executeTakeFirst();
  return row !== undefined;
}

export async function releaseSend(db: DbOrTx, reminderId: string, channel: 'email' | 'push', showing: number): Promise<void> {
  await db
    .deleteFrom('reminderSends')
    .where('reminderId', '=', reminderId)
    .where('channel', '=', channel)
    .where('showing', '=', showing)
    .execute();
}

export async function findInApp(
  db: DbOrTx,
  personId: string,
): Promise<Array<{ id: string; kind: ReminderKind; dueAt: Date; shownAt: Date | null }>> {
  return db
    .selectFrom('reminders')
    .select(['id', 'kind', 'dueAt', 'shownAt'])
    .where('personId', '=', personId)
    .where('state', '=', 'shown')
    .where('inApp', '=', true)
    .where('dismissedAt', 'is', null)
    .orderBy('shownAt', 'desc')
    .limit(50)
    .execute();
}

/** Dismisses one of the person's shown reminders; false when there is none with this id for them. */
export async function dismiss(db: DbOrTx, personId: string, id: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('reminders')
    .set({ dismissedAt: now })
    .where('id', '=', id)
    .where('personId', '=', personId)
    .where('state', '=', 'shown')
    .where('dismissedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Puts one of the person's shown reminders back to come again at `until`; false when there is none. */
export async function snooze(db: DbOrTx, personId: string, id: string, until: Date): Promise<boolean> {
  const row = await db
    .updateTable('reminders')
    .set({ state: 'scheduled', plannedAt: until, deliverAt: until })
    .where('id', '=', id)
    .where('personId', '=', personId)
    .where('state', '=', 'shown')
    .where('dismissedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findEmail(db: DbOrTx, personId: string): Promise<string> {
  const row = await db.selectFrom('users').select('email').where('id', '=', personId).executeTakeFirstOrThrow();
  return row.email;
}

export async function savePushSubscription(
  db: DbOrTx,
  personId: string,
  subscription: { endpoint: string; p256dh: string; auth: string },
): Promise<string> {
  const row = await db
    .insertInto('pushSubscriptions')
    .values({ personId, ...subscription })
    .onConflict((oc) => oc.columns(['personId', 'endpoint']).doUpdateSet({ p256dh: subscription.p256dh, auth: subscription.auth }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deletePushSubscription(db: DbOrTx, personId: string, id: string): Promise<boolean> {
  const row = await db
    .deleteFrom('pushSubscriptions')
    .where('id', '=', id)
    .where('personId', '=', personId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deletePushEndpoint(db: DbOrTx, personId: string, endpoint: string): Promise<void> {
  await db.deleteFrom('pushSubscriptions').where('personId', '=', personId).where('endpoint', '=', endpoint).execute();
}

export async function findPushSubscriptions(
  db: DbOrTx,
  personId: string,
): Promise<Array<{ endpoint: string; p256dh: string; auth: string }>> {
  return db.selectFrom('pushSubscriptions').select(['endpoint', 'p256dh', 'auth']).where('personId', '=', personId).execute();
}
