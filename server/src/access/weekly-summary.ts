import { sql } from 'kysely';
import type { Audience } from '@twofold/core/sharing/data-kinds';
import type { Db, DbOrTx } from '../platform/db';
import type { Actor } from '../platform/sessions';
import { DomainError } from '../platform/errors';
import { isVisible, readAs } from './access';
import { jointFeaturesOpen } from './joint-features';

/**
 * What may enter one person's weekly summary, and what of a stored summary may still be shown
 * (issue 9). The summary is the person's own; the only other person whose data is near it is their
 * partner, and the rules are the ones the rest of Twofold applies:
 *
 * - the couple part (Trust Discussion, appreciations, activities) is joint work both current
 *   partners see while joint features are open (`together.ts`), only items written since this pair
 *   formed, and the partner's appreciations only once they told them;
 * - the insight may draw on the partner's check-in ratings only as `insights.ts` allows: current
 *   partners, joint features open, and the partner shares `insights` with the person;
 * - on every read both are asked again: a partner who left, closed joint features or stopped
 *   sharing insights is no longer behind anything shown, and an insight that drew on the partner's
 *   days is read through `readAs` (the partner's `insights`), so it is audited like the insights page.
 */

export interface SummaryPair {
  personId: string;
  coupleId: string;
  partnerId: string;
  /** When this pair formed: the later of the two `joined_at`. */
  since: Date;
  jointOpen: boolean;
  /** The partner's days may enter the person's insight. */
  partnerDaysAllowed: boolean;
}

/**
 * For many people at once (the weekly job): each one's current partner, whether their joint features
 * are open, and whether the partner's days may enter their insight. One statement; people without
 * a current partner are absent from the answer.
 */
export async function findSummaryPairs(db: DbOrTx, personIds: readonly string[]): Promise<Map<string, SummaryPair>> {
  if (personIds.length === 0) {
    return new Map();
  }
  const { rows } = await sql<{
    personId: string;
    coupleId: string;
    partnerId: string;
    since: Date;
    ready: number;
    partnerAudience: Audience | null;
  }>`
    select me.user_id as person_id, me.couple_id, other.user_id as partner_id,
      greatest(me.joined_at, other.joined_at) as since,
      (select count(*)::int from safety_screens s
        where s.owner_id in (me.user_id, other.user_id) and (s.positive = false or s.reopened_at is not null)) as ready,
      (select audience from sharing_settings where owner_id = other.user_id and kind = 'insights') as partner_audience
    from couple_members me
    join couple_members other on other.couple_id = me.couple_id and other.left_at is null and other.user_id <> me.user_id
    where me.user_id = any(${sql.val([...personIds])}::uuid[]) and me.left_at is null`.execute(db);
  // Joint features open: both current members answered the safety screen and neither is positive
  // (or it was reopened) — the rule of access/joint-features.ts, for many couples in one statement.
  return new Map(
    rows.map((row) => {
      const jointOpen = row.ready === 2;
      return [
        row.personId,
        {
          personId: row.personId,
          coupleId: row.coupleId,
          partnerId: row.partnerId,
          since: new Date(row.since),
          jointOpen,
          partnerDaysAllowed: jointOpen && isVisible('partner', row.partnerAudience ?? 'private', 'insights'),
        },
      ];
    }),
  );
}

/** Whether the actor's current couple is `coupleId`, with `partnerId` as the partner, and joint features open. */
async function isSamePairOpen(db: DbOrTx, actor: Actor, coupleId: string, partnerId: string): Promise<boolean> {
  const row = await db
    .selectFrom('coupleMembers as me')
    .innerJoin('coupleMembers as other', 'other.coupleId', 'me.coupleId')
    .select('me.coupleId')
    .where('me.userId', '=', actor.userId)
    .where('me.leftAt', 'is', null)
    .where('other.userId', '=', partnerId)
    .where('other.leftAt', 'is', null)
    .where('me.coupleId', '=', coupleId)
    .executeTakeFirst();
  return row !== undefined && (await jointFeaturesOpen(db, coupleId));
}

export interface StoredSummaryScope {
  coupleId: string | null;
  partnerId: string | null;
  partnerIncluded: boolean;
}

/**
 * What of one of the actor's own stored summaries may be shown now: the couple part while the same
 * pair is current with joint features open; an insight drawn on the partner's days while, in
 * addition, the partner still shares `insights` with the actor (read through `readAs`, audited).
 */
export async function decideStoredSummary(
  db: Db,
  actor: Actor,
  scope: StoredSummaryScope,
): Promise<{ showCouple: boolean; showInsight: boolean }> {
  const pairOpen =
    scope.coupleId !== null && scope.partnerId !== null && (await isSamePairOpen(db, actor, scope.coupleId, scope.partnerId));
  if (!scope.partnerIncluded) {
    return { showCouple: pairOpen, showInsight: true };
  }
  if (!pairOpen || scope.partnerId === null) {
    return { showCouple: pairOpen, showInsight: false };
  }
  try {
    await readAs(db, actor, scope.partnerId, 'insights', () => Promise.resolve(true));
    return { showCouple: true, showInsight: true };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') {
      return { showCouple: true, showInsight: false };
    }
    throw error;
  }
}
