import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  Appreciation,
  Commitment,
  CommitmentInput,
  appreciationChangeSchema,
  appreciationInputSchema,
  commitmentListSchema,
} from '@twofold/core/together/accountability.schemas';
import type { Db, DbOrTx, Tx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { publishCoupleEvent } from '../../platform/events';
import { addDays, clock, todayIn, type LocalDate } from '../../platform/local-date';
import { encryptionContext } from '../../db/encrypted-columns';
import type { AppreciationsTable, CommitmentsTable } from '../../db/together-tables';
import { requireJointAccess, type JointAccess } from '../../access/together';

type CommitmentRow = Omit<CommitmentsTable, 'id' | 'createdAt' | 'outcomeAt' | 'acknowledgedAt'> & {
  id: string;
  createdAt: Date;
  outcomeAt: Date | null;
  acknowledgedAt: Date | null;
};
type AppreciationRow = Omit<AppreciationsTable, 'id' | 'createdAt' | 'toldAt'> & { id: string; createdAt: Date; toldAt: Date | null };

/** How far back an appreciation or Caring Day can still be written down. */
const appreciationLateDays = 30;

const commitmentContext = (id: string) => encryptionContext('commitments', id, 'text');
const appreciationContext = (id: string) => encryptionContext('appreciations', id, 'text');

function fieldError(pointer: string, message: string): DomainError {
  return new DomainError('validation-failed', message, [{ pointer, message }]);
}

// Commitments -------------------------------------------------------------------------------

function toCommitment(row: CommitmentRow, cipher: Cipher, actor: Pick<Actor, 'userId'>): Commitment {
  const isMine = row.authorId === actor.userId;
  return {
    id: row.id,
    authorId: row.authorId,
    text: cipher.decrypt(row.textCiphertext, commitmentContext(row.id)),
    dueDate: row.dueDate,
    outcome: row.outcome,
    outcomeAt: row.outcomeAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    can: { report: isMine, acknowledge: !isMine && row.acknowledgedAt === null, edit: isMine },
  };
}

/** The couple's commitments of the current pair, visible to both partners. */
function commitmentsOf(db: DbOrTx, access: JointAccess) {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('coupleId', '=', access.coupleId)
    .where('authorId', 'in', access.partnerIds)
    .where('createdAt', '>=', access.since);
}

/** Both partners' commitments and each one's follow-through (kept / missed / open). Both partners. */
export async function findCommitments(db: Db, cipher: Cipher, actor: Actor): Promise<z.infer<typeof commitmentListSchema>> {
  return commitmentListOf(db, cipher, await requireJointAccess(db, actor), actor);
}

/**
 * The pair's commitments and follow-through as `viewer` sees them (its first partner's view for the
 * care team, whose caller decided access and drops the `can` flags).
 */
export async function commitmentListOf(
  db: DbOrTx,
  cipher: Cipher,
  access: JointAccess,
  actor: Pick<Actor, 'userId'>,
): Promise<z.infer<typeof commitmentListSchema>> {
  const rows = await commitmentsOf(db, access).execute();
  const commitments = rows
    .map((row) => toCommitment(row, cipher, actor))
    .sort(
      (a, b) =>
        Number(a.outcome !== null) - Number(b.outcome !== null) ||
        (a.outcome === null ? a.dueDate.localeCompare(b.dueDate) : b.createdAt.localeCompare(a.createdAt)),
    );
  const followThrough = access.partnerIds.map((partnerId) => {
    const theirs = commitments.filter((commitment) => commitment.authorId === partnerId);
    return {
      partnerId,
      kept: theirs.filter((c) => c.outcome === 'kept').length,
      missed: theirs.filter((c) => c.outcome === 'missed').length,
      open: theirs.filter((c) => c.outcome === null).length,
    };
  });
  return { commitments, followThrough };
}

async function findCommitment(db: DbOrTx, access: JointAccess, actor: Actor, id: string): Promise<CommitmentRow> {
  const row = await commitmentsOf(db, access).where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new DomainError('not-found', 'No such commitment.');
  }
  return row;
}

/** The actor makes a commitment for themselves ("I will … by …"). */
export async function makeCommitment(db: Db, cipher: Cipher, actor: Actor, input: CommitmentInput): Promise<Commitment> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    const id = randomUUID();
    const row = await tx
      .insertInto('commitments')
      .values({
        id,
        coupleId: access.coupleId,
        authorId: actor.userId,
        textCiphertext: cipher.encrypt(input.text, commitmentContext(id)),
        dueDate: input.dueDate,
        outcome: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishCoupleEvent(tx, access.coupleId, { type: 'commitment.updated', actorId: actor.userId, data: { commitmentId: id } });
    return toCommitment(row, cipher, actor);
  });
}

/**
 * Kept, missed, or back to open: reported only by the partner who made the commitment (the other
 * partner gets `forbidden`: nobody scores the other, PRODUCT.md principle 2).
 */
export async function reportCommitment(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  id: string,
  outcome: 'kept' | 'missed' | null,
): Promise<Commitment> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, async (scope) => {
      await findCommitment(tx, scope, actor, id);
    });
    const row = await findCommitment(tx, access, actor, id);
    if (row.authorId !== actor.userId) {
      throw new DomainError('forbidden', 'Only the partner who made a commitment says how it went.');
    }
    const saved = await tx
      .updateTable('commitments')
      .set({ outcome, outcomeAt: outcome === null ? null : sql<Date>`now()` })
      .where('id', '=', id)
      .where('authorId', '=', actor.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishCoupleEvent(tx, access.coupleId, { type: 'commitment.updated', actorId: actor.userId, data: { commitmentId: id } });
    return toCommitment(saved, cipher, actor);
  });
}

/** The other partner acknowledges a commitment (once; again changes nothing). Not one's own. */
export async function acknowledgeCommitment(db: Db, cipher: Cipher, actor: Actor, id: string): Promise<Commitment> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, async (scope) => {
      await findCommitment(tx, scope, actor, id);
    });
    const row = await findCommitment(tx, access, actor, id);
    if (row.authorId === actor.userId) {
      throw new DomainError('forbidden', 'Your partner acknowledges your commitments; you acknowledge theirs.');
    }
    const saved = await tx
      .updateTable('commitments')
      .set({ acknowledgedAt: sql<Date>`coalesce(acknowledged_at, now())` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishCoupleEvent(tx, access.coupleId, { type: 'commitment.updated', actorId: actor.userId, data: { commitmentId: id } });
    return toCommitment(saved, cipher, actor);
  });
}

/**
 * Locks the actor's commitment for this transaction and returns it: `not-found` for an id that
 * is none of the pair's, `forbidden` for the other partner's (only its author changes it).
 */
async function lockOwnCommitment(tx: Tx, access: JointAccess, actor: Actor, id: string, action: string): Promise<CommitmentRow> {
  const row = await commitmentsOf(tx, access).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) {
    throw new DomainError('not-found', 'No such commitment.');
  }
  if (row.authorId !== actor.userId) {
    throw new DomainError('forbidden', `Only the partner who made a commitment ${action} it.`);
  }
  return row;
}

/** The author changes the words or the date of their commitment; how it went stays as reported. */
export async function changeCommitment(db: Db, cipher: Cipher, actor: Actor, id: string, input: CommitmentInput): Promise<Commitment> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, async (scope) => {
      await findCommitment(tx, scope, actor, id);
    });
    await lockOwnCommitment(tx, access, actor, id, 'changes');
    const saved = await tx
      .updateTable('commitments')
      .set({ textCiphertext: cipher.encrypt(input.text, commitmentContext(id)), dueDate: input.dueDate })
      .where('id', '=', id)
      .where('authorId', '=', actor.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishCoupleEvent(tx, access.coupleId, { type: 'commitment.updated', actorId: actor.userId, data: { commitmentId: id } });
    return toCommitment(saved, cipher, actor);
  });
}

/** The author deletes their commitment (it leaves the follow-through history too). */
export async function deleteCommitment(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, async (scope) => {
      await findCommitment(tx, scope, actor, id);
    });
    await lockOwnCommitment(tx, access, actor, id, 'deletes');
    await tx.deleteFrom('commitments').where('id', '=', id).where('authorId', '=', actor.userId).execute();
    await publishCoupleEvent(tx, access.coupleId, { type: 'commitment.deleted', actorId: actor.userId, data: { commitmentId: id } });
  });
}

// Appreciations and Caring Days ----------------------------------------------------------------

function toAppreciation(row: AppreciationRow, cipher: Cipher, actor: Actor): Appreciation {
  return {
    id: row.id,
    authorId: row.authorId,
    kind: row.kind,
    date: row.localDate,
    text: cipher.decrypt(row.textCiphertext, appreciationContext(row.id)),
    toldAt: row.toldAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    can: { tell: row.authorId === actor.userId && row.toldAt === null, edit: row.authorId === actor.userId },
  };
}

/**
 * Mine, and my partner's that they told me, between two days. An untold entry of the partner is
 * filtered out in SQL: it never leaves the database for anyone but its writer.
 */
export async function findAppreciations(db: Db, cipher: Cipher, actor: Actor, from: LocalDate, to: LocalDate): Promise<Appreciation[]> {
  const access = await requireJointAccess(db, actor);
  const rows = await db
    .selectFrom('appreciations')
    .selectAll()
    .where('coupleId', '=', access.coupleId)
    .where('createdAt', '>=', access.since)
    .where('localDate', '>=', from)
    .where('localDate', '<=', to)
    .where((eb) =>
      eb.or([eb('authorId', '=', actor.userId), eb.and([eb('authorId', '=', access.partnerId), eb('toldAt', 'is not', null)])]),
    )
    .orderBy('localDate', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map((row) => toAppreciation(row, cipher, actor));
}

/** Writes down an appreciation or a Caring Day of the actor's, told to the partner or not. */
export async function recordAppreciation(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  input: z.output<typeof appreciationInputSchema>,
): Promise<Appreciation> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    await assertWritableDay(tx, actor, input.date);
    const id = randomUUID();
    const row = await tx
      .insertInto('appreciations')
      .values({
        id,
        coupleId: access.coupleId,
        authorId: actor.userId,
        kind: input.kind,
        localDate: input.date,
        textCiphertext: cipher.encrypt(input.text, appreciationContext(id)),
        toldAt: input.told ? sql<Date>`now()` : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // An untold entry raises no event: the partner's stream must not learn that it exists.
    if (input.told) {
      await publishCoupleEvent(tx, access.coupleId, { type: 'appreciation.told', actorId: actor.userId, data: { appreciationId: id } });
    }
    return toAppreciation(row, cipher, actor);
  });
}

/** The writer tells their partner about an entry (once; telling cannot be undone). */
export async function tellAppreciation(db: Db, cipher: Cipher, actor: Actor, id: string): Promise<Appreciation> {
  return db.transaction().execute(async (tx) => {
    // Ids that name no entry the actor can see answer not-found, before the joint-features gate.
    const access = await requireJointAccess(tx, actor, async (scope) => {
      const visible = await tx
        .selectFrom('appreciations')
        .select('id')
        .where('id', '=', id)
        .where('coupleId', '=', scope.coupleId)
        .where('createdAt', '>=', scope.since)
        .where((eb) =>
          eb.or([eb('authorId', '=', actor.userId), eb.and([eb('authorId', '=', scope.partnerId), eb('toldAt', 'is not', null)])]),
        )
        .executeTakeFirst();
      if (!visible) {
        throw new DomainError('not-found', 'No such entry.');
      }
    });
    // Only the writer's own entries: the partner's untold ones are as absent as they look.
    const row = await tx
      .updateTable('appreciations')
      .set({ toldAt: sql<Date>`coalesce(told_at, now())` })
      .where('id', '=', id)
      .where('coupleId', '=', access.coupleId)
      .where('authorId', '=', actor.userId)
      .where('createdAt', '>=', access.since)
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const isPartners = await tx
        .selectFrom('appreciations')
        .select('id')
        .where('id', '=', id)
        .where('coupleId', '=', access.coupleId)
        .where('authorId', '=', access.partnerId)
        .where('toldAt', 'is not', null)
        .where('createdAt', '>=', access.since)
        .executeTakeFirst();
      if (isPartners) {
        throw new DomainError('forbidden', 'Only the one who wrote it can tell it.');
      }
      throw new DomainError('not-found', 'No such entry.');
    }
    await publishCoupleEvent(tx, access.coupleId, { type: 'appreciation.told', actorId: actor.userId, data: { appreciationId: id } });
    return toAppreciation(row, cipher, actor);
  });
}

/** Ids that name no entry the actor can see (the partner's untold ones included) answer not-found, before the gate. */
function appreciationVisible(tx: DbOrTx, actor: Actor, id: string) {
  return async (scope: JointAccess): Promise<void> => {
    const visible = await tx
      .selectFrom('appreciations')
      .select('id')
      .where('id', '=', id)
      .where('coupleId', '=', scope.coupleId)
      .where('createdAt', '>=', scope.since)
      .where((eb) =>
        eb.or([eb('authorId', '=', actor.userId), eb.and([eb('authorId', '=', scope.partnerId), eb('toldAt', 'is not', null)])]),
      )
      .executeTakeFirst();
    if (!visible) {
      throw new DomainError('not-found', 'No such entry.');
    }
  };
}

/**
 * Locks the actor's own entry; the partner's told entry is `forbidden` (only its writer changes
 * it), their untold one was already refused as absent.
 */
async function lockOwnAppreciation(tx: Tx, access: JointAccess, actor: Actor, id: string): Promise<AppreciationRow> {
  const row = await tx
    .selectFrom('appreciations')
    .selectAll()
    .where('id', '=', id)
    .where('coupleId', '=', access.coupleId)
    .where('createdAt', '>=', access.since)
    .forUpdate()
    .executeTakeFirst();
  if (!row || (row.authorId !== actor.userId && row.toldAt === null)) {
    throw new DomainError('not-found', 'No such entry.');
  }
  if (row.authorId !== actor.userId) {
    throw new DomainError('forbidden', 'Only the one who wrote it changes it.');
  }
  return row;
}

/**
 * The writer changes an entry (kind, day, words), within the same days as writing one. A told
 * entry's change reaches the partner's screen; an untold one's raises no event.
 */
export async function changeAppreciation(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  id: string,
  input: z.output<typeof appreciationChangeSchema>,
): Promise<Appreciation> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, appreciationVisible(tx, actor, id));
    await lockOwnAppreciation(tx, access, actor, id);
    await assertWritableDay(tx, actor, input.date);
    const row = await tx
      .updateTable('appreciations')
      .set({ kind: input.kind, localDate: input.date, textCiphertext: cipher.encrypt(input.text, appreciationContext(id)) })
      .where('id', '=', id)
      .where('authorId', '=', actor.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (row.toldAt !== null) {
      await publishCoupleEvent(tx, access.coupleId, { type: 'appreciation.updated', actorId: actor.userId, data: { appreciationId: id } });
    }
    return toAppreciation(row, cipher, actor);
  });
}

/** The writer deletes an entry; a told one disappears from the partner's screen too. */
export async function deleteAppreciation(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, appreciationVisible(tx, actor, id));
    const row = await lockOwnAppreciation(tx, access, actor, id);
    await tx.deleteFrom('appreciations').where('id', '=', id).where('authorId', '=', actor.userId).execute();
    if (row.toldAt !== null) {
      await publishCoupleEvent(tx, access.coupleId, { type: 'appreciation.deleted', actorId: actor.userId, data: { appreciationId: id } });
    }
  });
}

async function assertWritableDay(db: DbOrTx, actor: Actor, date: LocalDate): Promise<void> {
  const today = todayIn(actor.timeZone ?? (await findTimeZone(db, actor.userId)), clock.now());
  if (date > today) {
    throw fieldError('/date', 'This day has not come yet.');
  }
  if (date < addDays(today, -appreciationLateDays)) {
    throw fieldError('/date', `A day can be written down up to ${appreciationLateDays} days later.`);
  }
}

async function findTimeZone(db: DbOrTx, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('timeZone').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.timeZone;
}
