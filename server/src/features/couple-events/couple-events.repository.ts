import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db';
import { liveSessionRule, liveSessionSource, sessionPolicyValue, type SessionPolicy } from '../../platform/sessions';

/**
 * Of these (session, couple) pairs, those whose session is live (`liveSessionRule` of
 * platform/sessions.ts: the idle timeout and lifetime of the person's role) and whose person is a
 * current member of that couple. One query for any number of open streams.
 */
export async function liveMemberSessions(
  db: DbOrTx,
  pairs: Array<{ sessionId: string; coupleId: string }>,
  policy: SessionPolicy,
): Promise<Set<string>> {
  if (pairs.length === 0) {
    return new Set();
  }
  const { rows } = await sql<{ sessionId: string; coupleId: string }>`
    select s.id as session_id, m.couple_id
    from ${liveSessionSource()}
    join couple_members m on m.user_id = s.user_id and m.left_at is null
    where s.id = any(${[...new Set(pairs.map((pair) => pair.sessionId))]}::text[])
      and ${liveSessionRule(sessionPolicyValue(policy))}`.execute(db);
  return new Set(rows.map((row) => `${row.sessionId} ${row.coupleId}`));
}
