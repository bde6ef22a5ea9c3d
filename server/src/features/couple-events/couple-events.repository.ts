import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db';

/**
 * Of these (session, couple) pairs, those whose session is live (not ended, not idle longer than
 * `idleMinutes`, the check of platform/sessions.ts) and whose person is a current member of that
 * couple. One query for any number of open streams.
 */
export async function liveMemberSessions(
  db: DbOrTx,
  pairs: Array<{ sessionId: string; coupleId: string }>,
  idleMinutes: number,
): Promise<Set<string>> {
  if (pairs.length === 0) {
    return new Set();
  }
  const { rows } = await sql<{ sessionId: string; coupleId: string }>`
    select s.id as session_id, m.couple_id
    from sessions s
    join couple_members m on m.user_id = s.user_id and m.left_at is null
    where s.id = any(${[...new Set(pairs.map((pair) => pair.sessionId))]}::text[])
      and s.expires_at > now()
      and s.last_seen_at > now() - make_interval(mins => ${idleMinutes})`.execute(db);
  return new Set(rows.map((row) => `${row.sessionId} ${row.coupleId}`));
}
