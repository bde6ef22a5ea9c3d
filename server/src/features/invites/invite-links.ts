import { sql } from 'kysely';
import type { CreatedInvite, InviteKind } from '@twofold/core/couples/couple.schemas';
import type { DbOrTx } from '../../platform/db';
import { hashToken, randomToken } from '../../platform/crypto';

export interface NewInvite {
  kind: InviteKind;
  coupleId: string | null;
  programId: string | null;
  createdBy: string;
  ttlDays: number;
  publicUrl: string;
}

/** Stores a new single-use invite (only the token's hash) and returns the link, shown once. */
export async function createInvite(db: DbOrTx, invite: NewInvite): Promise<CreatedInvite> {
  const token = randomToken();
  const row = await db
    .insertInto('invites')
    .values({
      tokenHash: hashToken(token),
      kind: invite.kind,
      coupleId: invite.coupleId,
      programId: invite.programId,
      createdBy: invite.createdBy,
      expiresAt: sql<Date>`now() + make_interval(days => ${invite.ttlDays})`,
    })
    .returning(['id', 'expiresAt'])
    .executeTakeFirstOrThrow();
  return { id: row.id, token, url: `${invite.publicUrl}/join/${token}`, expiresAt: row.expiresAt.toISOString() };
}
