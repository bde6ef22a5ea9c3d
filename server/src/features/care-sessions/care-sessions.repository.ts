import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../platform/db';
import type { CareAttendance, CareSessionFormat } from '../../db/care-tables';

/** Kysely queries for sessions with the care team and calendar feeds. No rules here: see the service. */

export interface SessionRow {
  id: string;
  programId: string;
  coupleId: string;
  clinicianId: string | null;
  clinicianName: string | null;
  format: CareSessionFormat;
  partnerId: string | null;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  videoUrl: string | null;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  updatedAt: Date;
}

export interface ParticipantRow {
  sessionId: string;
  personId: string;
  displayName: string;
  attendance: CareAttendance | null;
}

const sessionColumns = [
  's.id',
  's.programId',
  's.coupleId',
  's.clinicianId',
  'c.displayName as clinicianName',
  's.format',
  's.partnerId',
  's.startsAt',
  's.durationMinutes',
  's.place',
  's.videoUrl',
  's.status',
  's.sequence',
  's.updatedAt',
] as const;

/**
 * A session a participant may still see (or be reminded of, or find in their feed): an individual
 * one, one that has begun, or a joint one whose participants are all still members of the couple.
 * When a partner leaves, the future joint sessions disappear for both at once: neither learns where
 * the other will be (the care team sees and cancels them).
 */
const stillJoint = (now: Date) => sql<boolean>`(
  s.format = 'individual' or s.starts_at <= ${now}::timestamptz or not exists (
    select 1 from care_session_participants q
    where q.session_id = s.id and not exists (
      select 1 from couple_members m where m.couple_id = q.couple_id and m.user_id = q.person_id and m.left_at is null)))`;

function sessions(db: DbOrTx) {
  return db.selectFrom('careSessions as s').leftJoin('users as c', 'c.id', 's.clinicianId').select(sessionColumns);
}

export async function insertSession(
  tx: Tx,
  row: {
    programId: string;
    coupleId: string;
    clinicianId: string;
    format: CareSessionFormat;
    partnerId: string | null;
    startsAt: Date;
    durationMinutes: number;
    place: string | null;
    videoUrl: string | null;
  },
  participantIds: string[],
): Promise<string> {
  const { id } = await tx
    .insertInto('careSessions')
    .values({ ...row, createdBy: row.clinicianId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('careSessionParticipants')
    .values(participantIds.map((personId) => ({ sessionId: id, coupleId: row.coupleId, personId })))
    .execute();
  return id;
}

/** A couple's sessions in a program, oldest first, that involve only the given people (those in care). */
export async function findSessionsOfCouple(db: DbOrTx, programId: string, coupleId: string, personIds: string[]): Promise<SessionRow[]> {
  return sessions(db)
    .where('s.programId', '=', programId)
    .where('s.coupleId', '=', coupleId)
    .where((eb) => eb.or([eb('s.partnerId', 'is', null), eb('s.partnerId', 'in', personIds)]))
    .orderBy('s.startsAt')
    .execute();
}

/** The sessions a person takes part in (their participant rows only), starting after `since`. */
export async function findSessionsOfPerson(db: DbOrTx, personId: string, since: Date, now: Date): Promise<SessionRow[]> {
  return sessions(db)
    .innerJoin('careSessionParticipants as p', 'p.sessionId', 's.id')
    .where('p.personId', '=', personId)
    .where('s.startsAt', '>=', since)
    .where(stillJoint(now))
    .orderBy('s.startsAt')
    .execute();
}

/** The sessions a clinician runs in a program, starting after `since`. */
export async function findSessionsOfClinician(db: DbOrTx, programId: string, clinicianId: string, since: Date): Promise<SessionRow[]> {
  return sessions(db)
    .where('s.programId', '=', programId)
    .where('s.clinicianId', '=', clinicianId)
    .where('s.startsAt', '>=', since)
    .orderBy('s.startsAt')
    .execute();
}

export async function findSession(db: DbOrTx, programId: string, sessionId: string): Promise<SessionRow | undefined> {
  return sessions(db).where('s.programId', '=', programId).where('s.id', '=', sessionId).executeTakeFirst();
}

/** The same session, its row locked until the end of the transaction (two edits apply one after the other). */
export async function lockSession(
  tx: Tx,
  programId: string,
  sessionId: string,
): Promise<{ coupleId: string; partnerId: string | null } | undefined> {
  return tx
    .selectFrom('careSessions')
    .select(['coupleId', 'partnerId'])
    .where('programId', '=', programId)
    .where('id', '=', sessionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function findParticipants(db: DbOrTx, sessionIds: string[]): Promise<ParticipantRow[]> {
  if (sessionIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('careSessionParticipants as p')
    .innerJoin('users as u', 'u.id', 'p.personId')
    .select(['p.sessionId', 'p.personId', 'u.displayName', 'p.attendance'])
    .where('p.sessionId', 'in', sessionIds)
    .orderBy('u.displayName')
    .execute();
}

export async function updateSession(
  tx: Tx,
  sessionId: string,
  change: { startsAt: Date; durationMinutes: number; place: string | null; videoUrl: string | null; updatedAt: Date },
): Promise<void> {
  await tx
    .updateTable('careSessions')
    .set({ ...change, sequence: sql<number>`sequence + 1` })
    .where('id', '=', sessionId)
    .execute();
}

export async function cancelSession(tx: Tx, sessionId: string, at: Date): Promise<boolean> {
  const result = await tx
    .updateTable('careSessions')
    .set({ status: 'cancelled', cancelledAt: at, updatedAt: at, sequence: sql<number>`sequence + 1` })
    .where('id', '=', sessionId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setAttendance(
  tx: Tx,
  sessionId: string,
  personId: string,
  attendance: CareAttendance | null,
  by: string,
  at: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('careSessionParticipants')
    .set({ attendance, attendanceRecordedAt: attendance === null ? null : at, attendanceRecordedBy: attendance === null ? null : by })
    .where('sessionId', '=', sessionId)
    .where('personId', '=', personId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The sessions of one calendar feed, from `since` on: those the person takes part in, and those
 * they run as a clinician while still active in the program. Two indexed reads (by participant,
 * by clinician and start) rather than one OR, which would scan every session since `since`.
 */
export async function findFeedSessions(db: DbOrTx, personId: string, since: Date, now: Date): Promise<SessionRow[]> {
  const [taking, running] = await Promise.all([
    findSessionsOfPerson(db, personId, since, now),
    sessions(db)
      .innerJoin('programStaff as st', (join) =>
        join
          .onRef('st.programId', '=', 's.programId')
          .onRef('st.userId', '=', 's.clinicianId')
          .on('st.role', '=', 'clinician')
          .on('st.active', '=', true),
      )
      .where('s.clinicianId', '=', personId)
      .where('s.startsAt', '>=', since)
      .execute(),
  ]);
  const byId = new Map([...taking, ...running].map((row) => [row.id, row]));
  return [...byId.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Upcoming scheduled sessions of these people (as participants) starting in [from, to], for reminders. */
export async function findSessionStarts(
  db: DbOrTx,
  personIds: string[],
  from: Date,
  to: Date,
  now: Date,
): Promise<Array<{ personId: string; sessionId: string; startsAt: Date }>> {
  if (personIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('careSessionParticipants as p')
    .innerJoin('careSessions as s', 's.id', 'p.sessionId')
    .select(['p.personId', 's.id as sessionId', 's.startsAt'])
    .where('p.personId', 'in', personIds)
    .where('s.status', '=', 'scheduled')
    .where('s.startsAt', '>=', from)
    .where('s.startsAt', '<=', to)
    .where(stillJoint(now))
    .execute();
}

/** Whether the person still takes part in this scheduled session starting at `startsAt`. */
export async function isSessionOn(db: DbOrTx, personId: string, sessionId: string, startsAt: Date, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('careSessionParticipants as p')
    .innerJoin('careSessions as s', 's.id', 'p.sessionId')
    .select('s.id')
    .where('p.personId', '=', personId)
    .where('s.id', '=', sessionId)
    .where('s.status', '=', 'scheduled')
    .where('s.startsAt', '=', startsAt)
    .where(stillJoint(now))
    .executeTakeFirst();
  return row !== undefined;
}

export async function findTimeZone(db: DbOrTx, personId: string): Promise<string> {
  const row = await db.selectFrom('users').select('timeZone').where('id', '=', personId).executeTakeFirstOrThrow();
  return row.timeZone;
}

export async function findFeed(db: DbOrTx, personId: string): Promise<{ createdAt: Date } | undefined> {
  return db.selectFrom('calendarFeeds').select('createdAt').where('personId', '=', personId).executeTakeFirst();
}

/** Stores a person's feed token hash, replacing (revoking) the one before. */
export async function replaceFeed(db: DbOrTx, personId: string, tokenHash: string, at: Date): Promise<void> {
  await db
    .insertInto('calendarFeeds')
    .values({ personId, tokenHash, createdAt: at })
    .onConflict((oc) => oc.column('personId').doUpdateSet({ tokenHash, createdAt: at }))
    .execute();
}

export async function deleteFeed(db: DbOrTx, personId: string): Promise<boolean> {
  const result = await db.deleteFrom('calendarFeeds').where('personId', '=', personId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function findFeedOwner(db: DbOrTx, tokenHash: string): Promise<{ personId: string; timeZone: string } | undefined> {
  return db
    .selectFrom('calendarFeeds as f')
    .innerJoin('users as u', 'u.id', 'f.personId')
    .select(['f.personId', 'u.timeZone'])
    .where('f.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}
