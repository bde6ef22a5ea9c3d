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

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
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
 * Finds the live session for a cookie value: it must be younger than the absolute limit and used
 * within the idle timeout. Checked against the database on every request, so a revoked session
 * ends at once. `last_seen_at` is written at most once a minute, by a second statement only then:
 * most requests are one plain read (a data-modifying statement in the same query cost every
 * request about 0.2 ms on the embedded database, docs/BENCHMARKS.md). The person's time zone
 * comes with it (their "today" decides what they may write), saving features a round trip.
 */
export async function findActiveSession(db: Db, token: string, policy: SessionPolicy): Promise<Actor | null> {
  const id = hashToken(token);
  const result = await sql<{ userId: string; timeZone: string; isStale: boolean }>`
    select s.user_id, u.time_zone, s.last_seen_at < now() - interval '1 minute' as is_stale
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id}
      and s.expires_at > now()
      and s.last_seen_at > now() - make_interval(mins => ${policy.idleMinutes})`.execute(db);
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
 * statement of its own before it. The check is the same as `findActiveSession`'s.
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
 * Build it once (`reusableQuery`), with the session id and `String(idleMinutes)` as its values.
 */
export function inSession<Row>(
  sessionId: string,
  idleMinutes: string,
  query: (actorId: RawBuilder<string>) => Compilable<Row>,
): RawBuilder<Partial<Row> & SessionColumns> {
  return sql<Partial<Row> & SessionColumns>`
    with twofold_session as (
      select s.user_id, u.time_zone, s.last_seen_at < now() - interval '1 minute' as is_stale
      from sessions s join users u on u.id = s.user_id
      where s.id = ${sessionId}
        and s.expires_at > now()
        and s.last_seen_at > now() - make_interval(mins => ${idleMinutes}::int)
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
