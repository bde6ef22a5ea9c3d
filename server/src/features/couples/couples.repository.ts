import { sql, type Expression } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { reusableQuery, type DbOrTx } from '../../platform/db';
import { inSession } from '../../platform/sessions';

/** The actor's current couple with everything the couple page shows, in one query. */
export async function findCoupleViewOf(db: DbOrTx, userId: string) {
  return (await coupleViewOf(db, userId))[0];
}

// Built once: the page is read on every visit, and building this query cost more than running it.
const coupleViewOf = reusableQuery((db: DbOrTx, userId: string) => coupleView(db, userId));

/**
 * The same, for the person of a session cookie not yet checked, in one statement with the session
 * check (`inSession`): one round trip for the whole request.
 */
export const coupleViewInSession = reusableQuery((db: DbOrTx, sessionId: string, sessionPolicy: string) =>
  inSession(sessionId, sessionPolicy, (actorId) => coupleView(db, actorId)),
);

/** `userId`: a value, or the session's user id as an SQL expression. */
function coupleView(db: DbOrTx, userId: string | Expression<string>) {
  return db
    .selectFrom('coupleMembers as me')
    .innerJoin('couples', 'couples.id', 'me.coupleId')
    .where('me.userId', '=', userId)
    .where('me.leftAt', 'is', null)
    .select((eb) => [
      'couples.id',
      'couples.createdAt',
      jsonArrayFrom(
        eb
          .selectFrom('coupleMembers as m')
          .innerJoin('users', 'users.id', 'm.userId')
          .select(['users.id', 'users.displayName', 'm.joinedAt'])
          .whereRef('m.coupleId', '=', 'couples.id')
          .where('m.leftAt', 'is', null)
          .orderBy('m.joinedAt'),
      ).as('partners'),
      jsonObjectFrom(
        eb
          .selectFrom('invites')
          .select(['invites.id', 'invites.expiresAt'])
          .whereRef('invites.coupleId', '=', 'couples.id')
          .where('invites.kind', '=', 'partner')
          .where('invites.usedAt', 'is', null)
          .where('invites.revokedAt', 'is', null)
          .where('invites.expiresAt', '>', sql<Date>`now()`)
          .orderBy('invites.createdAt', 'desc')
          .limit(1),
      ).as('pendingInvite'),
      jsonArrayFrom(
        eb
          .selectFrom('programEnrollments as e')
          .innerJoin('programs', 'programs.id', 'e.programId')
          .select(['programs.id', 'programs.name', 'e.acceptedAt'])
          .whereRef('e.coupleId', '=', 'couples.id')
          .where('e.userId', '=', userId)
          .where('e.endedAt', 'is', null)
          .orderBy('programs.name'),
      ).as('programs'),
      jsonArrayFrom(
        eb
          .selectFrom('coupleNotices as n')
          .select(['n.id', 'n.code', 'n.createdAt'])
          .whereRef('n.coupleId', '=', 'couples.id')
          .where('n.userId', '=', userId)
          .where('n.dismissedAt', 'is', null)
          .orderBy('n.createdAt', 'desc'),
      ).as('notices'),
    ]);
}

export async function countActiveMembersForUpdate(db: DbOrTx, coupleId: string): Promise<number> {
  // Locks the couple row, so two invite acceptances cannot both become the second partner.
  await db.selectFrom('couples').select('id').where('id', '=', coupleId).forUpdate().executeTakeFirst();
  const row = await db
    .selectFrom('coupleMembers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('coupleId', '=', coupleId)
    .where('leftAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
