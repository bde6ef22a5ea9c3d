import { sql, type Compilable, type RawBuilder } from 'kysely';
import type { Db, DbOrTx } from './db';
import { hashToken, randomToken } from './crypto';
import { DomainError } from './errors';
import { sessionsEndedChannel } from './events';

export interface Actor {
  userId: string;
  sessionId: string;
  /** The person's IANA time zone, read with the session on every request (absent outside a request). */
  timeZone?: string;
}

/**
 * How long a session lives. Staff (a clinician or program admin with an active role in any
 * program) reach other people's clinical data, so their sessions idle out sooner and live shorter;
 * the role is read with the session on every request, so gaining or losing it applies at once.
 */
export interface SessionPolicy {
  /** Idle timeout for everyone without an active staff role (partners): SESSION_IDLE_MINUTES. */
  idleMinutes: number;
  /** Absolute lifetime for them, from log-in: SESSION_MAX_HOURS. */
  maxHours: number;
  /** Idle timeout while the person has an active staff role: SESSION_STAFF_IDLE_MINUTES (15). */
  staffIdleMinutes: number;
  /** Absolute lifetime while the person has an active staff role: SESSION_STAFF_MAX_HOURS (12). */
  staffMaxHours: number;
}

/**
 * The policy as one SQL value (an int array literal), so a statement built once (`reusableQuery`)
 * takes it as a single parameter: `{idle, max hours, staff idle, staff max hours}`.
 */
export function sessionPolicyValue(policy: SessionPolicy): string {
  return `{${policy.idleMinutes},${policy.maxHours},${policy.staffIdleMinutes},${policy.staffMaxHours}}`;
}

/**
 * THE session rules, in one place. Every check of a session reads `sessions s` through
 * `liveSessionSource` and keeps the rows that pass `liveSessionRule`: a request's check
 * (`findActiveSession`), the one-statement check of hot routes (`inSession`) and the re-check of
 * open event streams (features/couple-events). A session is live when its row exists (log-out
 * deletes it), it is younger than the absolute lifetime of the person's role, and it was used
 * within the role's idle timeout. `policy` is `sessionPolicyValue(...)`, bound as a value.
 */
export function liveSessionSource(): RawBuilder<unknown> {
  return sql`sessions s
    left join lateral (
      select true as is_staff from program_staff ps where ps.user_id = s.user_id and ps.active limit 1
    ) twofold_role on true`;
}

export function liveSessionRule(policy: string): RawBuilder<boolean> {
  const limit = (index: number) => sql`(${policy}::int[])[${sql.lit(index)}]`;
  const isStaff = sql`twofold_role.is_staff is not null`;
  return sql<boolean>`s.expires_at > now()
    and s.created_at > now() - make_interval(hours => case when ${isStaff} then ${limit(4)} else ${limit(2)} end)
    and s.last_seen_at > now() - make_interval(mins => case when ${isStaff} then ${limit(3)} else ${limit(1)} end)`;
}

/** Starts a session and returns the cookie value; only its hash is stored. */
export async function createSession(db: DbOrTx, userId: string, policy: SessionPolicy): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      userId,
      lastSeenAt: sql<Date>`now()`,
      expiresAt: sql<Date>`now() + make_interval(hours => ${policy.maxHours})`,
    })
    .execute();
  return token;
}

/**
 * Finds the live session for a cookie value (`liveSessionRule`: the absolute lifetime and idle
 * timeout of the person's role). Checked against the database on every request, so a revoked session
 * ends at once. `last_seen_at` is written at most once a minute, by a second statement only then:
 * most requests are one plain read (a data-modifying statement in the same query cost every
 * request about 0.2 ms on the embedded database, docs/BENCHMARKS.md). The person's time zone
 * comes with it (their "today" decides what they may write), saving features a round trip.
 */
export async function findActiveSession(db: Db, token: string, policy: SessionPolicy): Promise<Actor | null> {
  const id = hashToken(token);
  const result = await sql<{ userId: string; timeZone: string; isStale: boolean }>`
    select s.user_id, u.time_zone, s.last_seen_at < now() - interval '1 minute' as is_stale
    from ${liveSessionSource()} join users u on u.id = s.user_id
    where s.id = ${id} and ${liveSessionRule(sessionPolicyValue(policy))}`.execute(db);
  const row = result.rows[0];
  if (!row) {
    return null;
  }
  if (row.isStale) {
    await sql`update sessions set last_seen_at = now() where id = ${id} and last_seen_at < now() - interval '1 minute'`.execute(db);
  }
  return { userId: row.userId, sessionId: id, timeZone: row.timeZone };
}

/**
 * A session cookie not yet checked: on routes marked `config: { sessionInQuery: true }` the
 * session is checked in the same statement as the route's one query (`inSession`), not by a
 * statement of its own before it. The check is the same as `findActiveSession`'s (`liveSessionRule`).
 */
export interface SessionClaim {
  /** The hash of the cookie value, as stored in `sessions.id`. */
  sessionId: string;
  policy: SessionPolicy;
}

/** The columns `inSession` adds to each row, as the CamelCase plugin names them. */
export interface SessionColumns {
  twofoldSessionUserId: string;
  twofoldSessionTimeZone: string;
  twofoldSessionIsStale: boolean;
  /** True on a row of the query's own; null on the one row for a live session when it found nothing. */
  twofoldRow: boolean | null;
}

/**
 * One statement: the session check of `findActiveSession`, and `query` run for the session's
 * person only. `query` receives the session's user id as an SQL expression (`twofold_session.user_id`)
 * and must use it wherever it means "the actor"; it never sees an unchecked id. The session
 * comes first, as the outer side of a lateral join: for a cookie with no live session the
 * statement returns no row and `query` is not run at all. A live session whose query finds
 * nothing gives one row with `twofoldRow` null. For a read-only `query` (a `select`): a
 * data-modifying statement cannot stand in a lateral join.
 *
 * Build it once (`reusableQuery`), with the session id and `sessionPolicyValue(policy)` as its values.
 */
export function inSession<Row>(
  sessionId: string,
  policy: string,
  query: (actorId: RawBuilder<string>) => Compilable<Row>,
): RawBuilder<Partial<Row> & SessionColumns> {
  return sql<Partial<Row> & SessionColumns>`
    with twofold_session as (
      select s.user_id, u.time_zone, s.last_seen_at < now() - interval '1 minute' as is_stale
      from ${liveSessionSource()} join users u on u.id = s.user_id
      where s.id = ${sessionId} and ${liveSessionRule(policy)}
    )
    select twofold_session.user_id as twofold_session_user_id, twofold_session.time_zone as twofold_session_time_zone,
      twofold_session.is_stale as twofold_session_is_stale, twofold_query.*
    from twofold_session
    left join lateral (select true as twofold_row, q.* from (${query(sql<string>`twofold_session.user_id`)}) q) twofold_query on true`;
}

/**
 * The actor and the query's own rows from what `inSession` returned; `unauthenticated` when the
 * session has ended. Writes `last_seen_at` when over a minute old, as `findActiveSession` does.
 */
export async function actorFromSessionRows<Row>(
  db: Db,
  claim: SessionClaim,
  rows: Array<Partial<Row> & SessionColumns>,
): Promise<{ actor: Actor; rows: Row[] }> {
  const first = rows[0];
  if (!first) {
    throw new DomainError('unauthenticated', 'Your session has ended. Please log in again.');
  }
  if (first.twofoldSessionIsStale) {
    await sql`update sessions set last_seen_at = now() where id = ${claim.sessionId} and last_seen_at < now() - interval '1 minute'`.execute(
      db,
    );
  }
  const actor = { userId: first.twofoldSessionUserId, sessionId: claim.sessionId, timeZone: first.twofoldSessionTimeZone };
  const own = rows
    .filter((row) => row.twofoldRow === true)
    .map((row) => {
      const copy: Partial<SessionColumns> = { ...row };
      delete copy.twofoldSessionUserId;
      delete copy.twofoldSessionTimeZone;
      delete copy.twofoldSessionIsStale;
      delete copy.twofoldRow;
      return copy as unknown as Row;
    });
  return { actor, rows: own };
}

/**
 * Starts a session in place of the one this device had: every log-in goes through here with the
 * cookie value the request carried (if any). That old id ends at once, whoever it belonged to, so
 * an id known before log-in (planted by someone else, or left on a shared computer) is never the
 * one after it. The new id is 256 random bits (`randomToken`).
 */
export async function rotateSession(db: DbOrTx, userId: string, policy: SessionPolicy, previousToken: string | undefined): Promise<string> {
  if (previousToken && previousToken.length <= 128) {
    await endSession(db, hashToken(previousToken));
  }
  return createSession(db, userId, policy);
}

/** Ends one session; the person's open event streams are told at once (platform/events.ts). */
export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await sql`
    with ended as (delete from sessions where id = ${sessionId} returning user_id)
    select pg_notify(${sessionsEndedChannel}, user_id::text) from ended`.execute(db);
}

export async function endAllSessions(db: DbOrTx, userId: string): Promise<void> {
  await sql`
    with ended as (delete from sessions where user_id = ${userId} returning user_id)
    select pg_notify(${sessionsEndedChannel}, user_id::text) from ended`.execute(db);
}
