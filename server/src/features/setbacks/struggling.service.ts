import { randomUUID } from 'node:crypto';
import type { StrugglingNote, Struggling } from '@twofold/core/setbacks/struggling.schemas';
import type { Db, DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { publishCoupleEvent } from '../../platform/events';
import { clock } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import { requireJointAccess, type JointAccess } from '../../access/together';
import { readMyPlanPart } from './plan.service';

const messageContext = (id: string) => encryptionContext('struggling_notes', id, 'message');
/** Notes older than this no longer show as someone reaching out now. */
const noteDays = 7;

/** The joint access of the actor, or null when the couple has not formed or its joint features are closed. */
async function jointAccessOrNull(db: DbOrTx, actor: Actor): Promise<JointAccess | null> {
  try {
    return await requireJointAccess(db, actor);
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'not-in-couple' || error.code === 'joint-features-closed')) {
      return null;
    }
    throw error;
  }
}

/**
 * What "I'm struggling" offers the actor: their own part of the plan (when there is one) and the
 * partner they may send a note to — only while the couple has formed and its joint features are
 * open. Works for anyone signed in; nothing here reads anyone else's data.
 */
export async function findStruggling(db: Db, cipher: Cipher, actor: Actor): Promise<Struggling> {
  const [plan, access] = await Promise.all([readMyPlanPart(db, cipher, actor.userId), jointAccessOrNull(db, actor)]);
  if (!access) {
    return { plan, partner: null };
  }
  const partner = await db.selectFrom('users').select(['id', 'displayName']).where('id', '=', access.partnerId).executeTakeFirst();
  return { plan, partner: partner ? { id: partner.id, name: partner.displayName } : null };
}

/**
 * The actor chose to tell their partner they are struggling: the note is stored exactly as written
 * (encrypted) and announced live to the couple (`struggling.told`, the note id only). Only between
 * the two current partners, while joint features are open (409 otherwise).
 */
export async function tellPartnerStruggling(db: Db, cipher: Cipher, actor: Actor, message: string): Promise<StrugglingNote> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    const id = randomUUID();
    const createdAt = new Date(clock.now().epochMilliseconds);
    await tx
      .insertInto('strugglingNotes')
      .values({
        id,
        coupleId: access.coupleId,
        fromId: actor.userId,
        toId: access.partnerId,
        messageCiphertext: cipher.encrypt(message, messageContext(id)),
        createdAt,
      })
      .execute();
    const me = await tx.selectFrom('users').select('displayName').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    await publishCoupleEvent(tx, access.coupleId, { type: 'struggling.told', actorId: actor.userId, data: { noteId: id } });
    return { id, fromId: actor.userId, fromName: me.displayName, message, at: createdAt.toISOString(), read: false };
  });
}

/**
 * Notes my CURRENT partner sent me in the last 7 days, newest first; none when the couple has not
 * formed or its joint features are closed, and none written before this pair was formed.
 */
export async function findStrugglingNotesToMe(db: Db, cipher: Cipher, actor: Actor): Promise<StrugglingNote[]> {
  const access = await jointAccessOrNull(db, actor);
  if (!access) {
    return [];
  }
  const since = new Date(Math.max(access.since.getTime(), clock.now().epochMilliseconds - noteDays * 86_400_000));
  const rows = await db
    .selectFrom('strugglingNotes')
    .innerJoin('users', 'users.id', 'strugglingNotes.fromId')
    .select([
      'strugglingNotes.id',
      'strugglingNotes.fromId',
      'strugglingNotes.messageCiphertext',
      'strugglingNotes.createdAt',
      'strugglingNotes.readAt',
      'users.displayName',
    ])
    .where('strugglingNotes.coupleId', '=', access.coupleId)
    .where('strugglingNotes.toId', '=', actor.userId)
    .where('strugglingNotes.fromId', '=', access.partnerId)
    .where('strugglingNotes.createdAt', '>=', since)
    .orderBy('strugglingNotes.createdAt', 'desc')
    .limit(20)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    fromId: row.fromId,
    fromName: row.displayName,
    message: cipher.decrypt(row.messageCiphertext, messageContext(row.id)),
    at: row.createdAt.toISOString(),
    read: row.readAt !== null,
  }));
}

/** The recipient marks a note as seen; anyone else gets `not-found`, like a missing note. */
export async function markStrugglingNoteRead(db: Db, actor: Actor, id: string): Promise<void> {
  const result = await db
    .updateTable('strugglingNotes')
    .set({ readAt: new Date(clock.now().epochMilliseconds) })
    .where('id', '=', id)
    .where('toId', '=', actor.userId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
}
