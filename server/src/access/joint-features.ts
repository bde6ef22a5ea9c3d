import { sql } from 'kysely';
import type { DbOrTx } from '../platform/db';

/**
 * Safety before togetherness (PRODUCT.md, principle 3): the couple's joint features open only
 * when both partners have answered their private relationship-safety screen and neither screen
 * is positive, unless the person or their clinician reopened them after a positive one. The
 * answer says nothing about which partner or why: the other partner only learns "not yet".
 * Every joint feature asks this one function.
 */
export async function jointFeaturesOpen(db: DbOrTx, coupleId: string): Promise<boolean> {
  const { rows } = await sql<{ members: number; ready: number }>`
    select count(*)::int as members,
      count(*) filter (where s.positive = false or s.reopened_at is not null)::int as ready
    from couple_members m
    left join safety_screens s on s.owner_id = m.user_id
    where m.couple_id = ${coupleId} and m.left_at is null`.execute(db);
  const row = rows[0];
  return row !== undefined && row.members === 2 && row.ready === 2;
}
