import { sql } from 'kysely';
import type { Db, DbOrTx } from './db';
import { hashToken, randomToken } from './crypto';

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

export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function endAllSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}
