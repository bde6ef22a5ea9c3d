import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Boundary, boundaryInputSchema } from '@twofold/core/together/boundaries.schemas';
import type { Db, DbOrTx } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { publishCoupleEvent } from '../../platform/events';
import { encryptionContext } from '../../db/encrypted-columns';
import type { BoundariesTable } from '../../db/together-tables';
import { requireJointAccess, type JointAccess } from '../../access/together';

type BoundaryValues = z.output<typeof boundaryInputSchema>;
type BoundaryRow = Omit<BoundariesTable, 'id' | 'createdAt' | 'updatedAt' | 'respondedAt'> & {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  respondedAt: Date | null;
};

const textContext = (id: string) => encryptionContext('boundaries', id, 'text');

function toBoundary(row: BoundaryRow, cipher: Cipher, actor: Pick<Actor, 'userId'>): Boundary {
  const isMine = row.authorId === actor.userId;
  return {
    id: row.id,
    authorId: row.authorId,
    kind: row.kind,
    text: cipher.decrypt(row.textCiphertext, textContext(row.id)),
    reviewDate: row.reviewDate,
    response: row.response,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: { edit: isMine, respond: !isMine },
  };
}

function boundariesOf(db: DbOrTx, access: JointAccess) {
  return db
    .selectFrom('boundaries')
    .selectAll()
    .where('coupleId', '=', access.coupleId)
    .where('authorId', 'in', access.partnerIds)
    .where('createdAt', '>=', access.since);
}

/** Both partners' boundaries, newest first. Both partners. */
export async function findBoundaries(db: Db, cipher: Cipher, actor: Actor): Promise<Boundary[]> {
  return boundaryListOf(db, cipher, await requireJointAccess(db, actor), actor);
}

/** The pair's boundaries as `actor` sees them (for the care team, whose caller decided access: its first partner). */
export async function boundaryListOf(db: DbOrTx, cipher: Cipher, access: JointAccess, actor: Pick<Actor, 'userId'>): Promise<Boundary[]> {
  const rows = await boundariesOf(db, access).orderBy('createdAt', 'desc').execute();
  return rows.map((row) => toBoundary(row, cipher, actor));
}

/** The actor states a boundary of their own. */
export async function stateBoundary(db: Db, cipher: Cipher, actor: Actor, input: BoundaryValues): Promise<Boundary> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor);
    const id = randomUUID();
    const row = await tx
      .insertInto('boundaries')
      .values({
        id,
        coupleId: access.coupleId,
        authorId: actor.userId,
        kind: input.kind,
        textCiphertext: cipher.encrypt(input.text, textContext(id)),
        reviewDate: input.reviewDate,
        response: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishCoupleEvent(tx, access.coupleId, { type: 'boundary.updated', actorId: actor.userId, data: { boundaryId: id } });
    return toBoundary(row, cipher, actor);
  });
}

async function findBoundaryRow(db: DbOrTx, access: JointAccess, actor: Actor, id: string): Promise<BoundaryRow> {
  const row = await boundariesOf(db, access).where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new DomainError('not-found', 'No such boundary.');
  }
  return row;
}

/**
 * Only its author changes a boundary (`forbidden` for the partner); a changed boundary asks the
 * partner for a fresh answer, so the old answer is cleared.
 */
export async function changeBoundary(db: Db, cipher: Cipher, actor: Actor, id: string, input: BoundaryValues): Promise<Boundary> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, async (scope) => {
      await findBoundaryRow(tx, scope, actor, id);
    });
    const row = await findBoundaryRow(tx, access, actor, id);
    if (row.authorId !== actor.userId) {
      throw new DomainError('forbidden', 'Only the partner who stated a boundary changes it. You can acknowledge it or ask to talk.');
    }
    const saved = await tx
      .updateTable('boundaries')
      .set({
        kind: input.kind,
        textCiphertext: cipher.encrypt(input.text, textContext(id)),
        reviewDate: input.reviewDate,
        response: null,
        respondedAt: null,
        updatedAt: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .where('authorId', '=', actor.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishCoupleEvent(tx, access.coupleId, { type: 'boundary.updated', actorId: actor.userId, data: { boundaryId: id } });
    return toBoundary(saved, cipher, actor);
  });
}

/** The other partner acknowledges a boundary or asks to talk about it (not its author: `forbidden`). */
export async function respondToBoundary(
  db: Db,
  cipher: Cipher,
  actor: Actor,
  id: string,
  response: 'acknowledged' | 'talk',
): Promise<Boundary> {
  return db.transaction().execute(async (tx) => {
    const access = await requireJointAccess(tx, actor, async (scope) => {
      await findBoundaryRow(tx, scope, actor, id);
    });
    const row = await findBoundaryRow(tx, access, actor, id);
    if (row.authorId === actor.userId) {
      throw new DomainError('forbidden', 'Your partner answers your boundaries; you answer theirs.');
    }
    const saved = await tx
      .updateTable('boundaries')
      .set({ response, respondedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await publishCoupleEvent(tx, access.coupleId, { type: 'boundary.updated', actorId: actor.userId, data: { boundaryId: id } });
    return toBoundary(saved, cipher, actor);
  });
}
