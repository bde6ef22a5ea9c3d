import { sql } from 'kysely';
import type { Couple, CreatedInvite } from '@twofold/core/couples/couple.schemas';
import type { Db, Tx } from '../../platform/db';
import { actorFromSessionRows, sessionPolicyValue, type Actor, type SessionClaim } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { findMembership, requireMembership } from '../../access/access';
import { resetPartnerSharing } from '../sharing/sharing.service';
import { endConsentsOnLeaving } from '../consents/consents.service';
import { createInvite } from '../invites/invite-links';
import { publishCoupleEvent } from '../../platform/events';
import { countActiveMembersForUpdate, coupleViewInSession, findCoupleViewOf } from './couples.repository';

const iso = (value: string | Date) => new Date(value).toISOString();

/** The actor's couple space. Throws `not-in-couple` when they have none. */
export async function findMyCouple(db: Db, actor: Actor): Promise<Couple> {
  return toCouple(await findCoupleViewOf(db, actor.userId), actor);
}

/**
 * The couple space of the person whose session cookie this is, checked in the same statement
 * (one round trip: `GET /api/couple` is read on every visit). 401 when the session has ended.
 */
export async function findMyCoupleInSession(db: Db, claim: SessionClaim): Promise<Couple> {
  const { actor, rows } = await actorFromSessionRows<CoupleView>(
    db,
    claim,
    await coupleViewInSession(db, claim.sessionId, sessionPolicyValue(claim.policy)),
  );
  return toCouple(rows[0], actor);
}

type CoupleView = NonNullable<Awaited<ReturnType<typeof findCoupleViewOf>>>;

function toCouple(row: CoupleView | undefined, actor: Actor): Couple {
  if (!row) {
    throw new DomainError('not-in-couple', 'You are not in a couple space yet.');
  }
  const isFull = row.partners.length >= 2;
  return {
    id: row.id,
    createdAt: iso(row.createdAt),
    partners: row.partners.map((p) => ({ id: p.id, displayName: p.displayName, isMe: p.id === actor.userId, joinedAt: iso(p.joinedAt) })),
    pendingInvite: row.pendingInvite && !isFull ? { id: row.pendingInvite.id, expiresAt: iso(row.pendingInvite.expiresAt) } : null,
    programs: row.programs.map((p) => ({ id: p.id, name: p.name, myEnrollment: p.acceptedAt ? 'accepted' : 'invited' })),
    notices: row.notices.map((n) => ({ id: n.id, code: n.code, at: iso(n.createdAt) })),
    can: { invite: !isFull, leave: true },
  };
}

/** Creates a couple space with the actor as its first partner. */
export async function createCouple(db: Db, actor: Actor): Promise<Couple> {
  await db.transaction().execute(async (tx) => {
    if (await findMembership(tx, actor.userId)) {
      throw new DomainError('already-in-couple', 'You are already in a couple space.');
    }
    const couple = await tx.insertInto('couples').values({ createdBy: actor.userId }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('coupleMembers').values({ coupleId: couple.id, userId: actor.userId }).execute();
  });
  return findMyCouple(db, actor);
}

/** Makes a single-use link for the other partner; any earlier pending link stops working. */
export async function invitePartner(db: Db, actor: Actor, ttlDays: number, publicUrl: string): Promise<CreatedInvite> {
  return db.transaction().execute(async (tx) => {
    const membership = await requireMembership(tx, actor);
    if ((await countActiveMembersForUpdate(tx, membership.coupleId)) >= 2) {
      throw new DomainError('couple-full', 'Your couple space already has two partners.');
    }
    await revokePendingPartnerInvites(tx, membership.coupleId);
    return createInvite(tx, {
      kind: 'partner',
      coupleId: membership.coupleId,
      programId: null,
      createdBy: actor.userId,
      ttlDays,
      publicUrl,
    });
  });
}

export async function revokePartnerInvite(db: Db, actor: Actor, inviteId: string): Promise<void> {
  const membership = await requireMembership(db, actor);
  const result = await db
    .updateTable('invites')
    .set({ revokedAt: sql<Date>`now()` })
    .where('id', '=', inviteId)
    .where('coupleId', '=', membership.coupleId)
    .where('kind', '=', 'partner')
    .where('usedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new DomainError('not-found', 'No such invite.');
  }
}

async function revokePendingPartnerInvites(tx: Tx, coupleId: string): Promise<void> {
  await tx
    .updateTable('invites')
    .set({ revokedAt: sql<Date>`now()` })
    .where('coupleId', '=', coupleId)
    .where('kind', '=', 'partner')
    .where('usedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .execute();
}

/**
 * Adds the actor to `coupleId` as the second partner (called when a partner invite is used).
 * A person alone in a space of their own moves over; a person with a partner must leave first.
 */
export async function joinCouple(tx: Tx, actor: Actor, coupleId: string): Promise<void> {
  const current = await findMembership(tx, actor.userId);
  if (current?.coupleId === coupleId) {
    throw new DomainError('cannot-invite-self', 'This invite is for your partner to use.');
  }
  if (current) {
    if ((await countActiveMembersForUpdate(tx, current.coupleId)) > 1) {
      throw new DomainError('already-in-couple', 'You are in a couple space with a partner. Leave it first to join another.');
    }
    await endMembership(tx, actor.userId);
  }
  if ((await countActiveMembersForUpdate(tx, coupleId)) !== 1) {
    throw new DomainError('couple-full', 'This couple space already has two partners.');
  }
  await tx.insertInto('coupleMembers').values({ coupleId, userId: actor.userId }).execute();
  await revokePendingPartnerInvites(tx, coupleId);
  await publishCoupleEvent(tx, coupleId, { type: 'couple.joined', actorId: actor.userId });
}

/** Ends the person's current couple membership (they keep their own data). */
async function endMembership(tx: Tx, userId: string): Promise<void> {
  await tx
    .updateTable('coupleMembers')
    .set({ leftAt: sql<Date>`now()` })
    .where('userId', '=', userId)
    .where('leftAt', 'is', null)
    .execute();
}

/**
 * The actor leaves their couple, alone and at once. From this moment the other partner sees
 * nothing of theirs (access/ checks current membership on every request); the leaver keeps
 * their own data, and what they had shared with "partner" goes back to private so that it is
 * not shown to a future partner without a fresh choice. The other partner gets a plain notice.
 */
export async function leaveCouple(db: Db, actor: Actor): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const membership = await requireMembership(tx, actor);
    await endMembership(tx, actor.userId);
    await tx
      .updateTable('programEnrollments')
      .set({ endedAt: sql<Date>`now()` })
      .where('userId', '=', actor.userId)
      .where('coupleId', '=', membership.coupleId)
      .where('endedAt', 'is', null)
      .execute();
    await endConsentsOnLeaving(tx, actor.userId, null);
    await revokePendingPartnerInvites(tx, membership.coupleId);
    await resetPartnerSharing(tx, actor.userId);
    const others = await tx
      .selectFrom('coupleMembers')
      .select('userId')
      .where('coupleId', '=', membership.coupleId)
      .where('leftAt', 'is', null)
      .execute();
    if (others.length > 0) {
      await tx
        .insertInto('coupleNotices')
        .values(others.map((other) => ({ coupleId: membership.coupleId, userId: other.userId, code: 'partner-left' as const })))
        .execute();
    }
    // The other partner's open screen learns at once; the leaver's own streams close (no longer a member).
    await publishCoupleEvent(tx, membership.coupleId, { type: 'couple.left', actorId: actor.userId });
  });
}

export async function dismissNotice(db: Db, actor: Actor, noticeId: string): Promise<void> {
  const result = await db
    .updateTable('coupleNotices')
    .set({ dismissedAt: sql<Date>`now()` })
    .where('id', '=', noticeId)
    .where('userId', '=', actor.userId)
    .where('dismissedAt', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new DomainError('not-found', 'No such notice.');
  }
}
