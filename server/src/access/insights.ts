import type { DataKind } from '@twofold/core/sharing/data-kinds';
import type { Db, DbOrTx } from '../platform/db';
import type { Actor } from '../platform/sessions';
import { DomainError } from '../platform/errors';
import { decideRead, findMembership, readAs } from './access';
import { jointFeaturesOpen } from './joint-features';

const kind: DataKind = 'insights';

/**
 * Whose days go into one person's insights (issue 9: "only from data each partner shares for
 * insights"). The subject's own days always, read as `viewer` may read the subject's insights
 * (`readAs`: the subject, or someone they share insights with; audited). The partner's days only
 *   - while the two are current partners and their joint features are open (safety before
 *     togetherness: a positive safety screen keeps each partner's insights their own),
 *   - when the partner shares insights with the subject (the partner agreed that their days may
 *     explain the subject's), and
 *   - when `viewer` may read the partner's insights too (a clinician needs the partner's own
 *     consent as well); read through `readAs`, so a disclosure to anyone but the partner is audited.
 * When any of these fails the answer is the same "not included", never why.
 */
export async function readInsightDays<T>(
  db: Db,
  viewer: Actor,
  subjectId: string,
  read: (db: DbOrTx, ownerId: string) => Promise<T>,
): Promise<{ subject: T; partner: T | null; partnerId: string | null }> {
  const subject = await readAs(db, viewer, subjectId, kind, (tx) => read(tx, subjectId));
  const partnerId = await currentPartnerOf(db, subjectId);
  if (partnerId === null) {
    return { subject, partner: null, partnerId: null };
  }
  const agreed = (await decideRead(db, subjectId, partnerId, kind)) !== null;
  const membership = agreed ? await findMembership(db, subjectId) : null;
  if (!membership || !(await jointFeaturesOpen(db, membership.coupleId))) {
    return { subject, partner: null, partnerId };
  }
  try {
    return { subject, partner: await readAs(db, viewer, partnerId, kind, (tx) => read(tx, partnerId)), partnerId };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') {
      return { subject, partner: null, partnerId };
    }
    throw error;
  }
}

async function currentPartnerOf(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('coupleMembers as me')
    .innerJoin('coupleMembers as other', 'other.coupleId', 'me.coupleId')
    .select('other.userId')
    .where('me.userId', '=', userId)
    .where('me.leftAt', 'is', null)
    .where('other.leftAt', 'is', null)
    .where('other.userId', '!=', userId)
    .executeTakeFirst();
  return row?.userId ?? null;
}
