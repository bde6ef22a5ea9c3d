import { sql } from 'kysely';
import type { Db, DbOrTx } from './db';
import { hashToken, randomToken } from './crypto';

export interface Actor {
  userId: string;
  sessionId: string;
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
 * Finds the live session for a cookie value in one round trip: it must be younger than the
 * absolute limit and used within the idle timeout. `last_seen_at` is written at most once a
 * minute, in the same statement, so most requests only read.
 */
export async function findActiveSession(db: Db, token: string, policy: SessionPolicy): Promise<Actor | null> {
  const id = hashToken(token);
  const result = await sql<{ userId: string }>`
    with live as (
      select id, user_id from sessions
      where id = ${id}
        and expires_at > now()
        and last_seen_at > now() - make_interval(mins => ${policy.idleMinutes})
    ), touched as (
      update sessions set last_seen_at = now()
      where id in (select id from live) and last_seen_at < now() - interval '1 minute'
    )
    select user_id from live`.execute(db);
  const row = result.rows[0];
  return row ? { userId: row.userId, sessionId: id } : null;
}

export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function endAllSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}
