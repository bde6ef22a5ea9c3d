import { sql } from 'kysely';
import type { AcceptedInvite, InvitePreview } from '@twofold/core/couples/couple.schemas';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import { hashToken } from '../../platform/crypto';
import { DomainError } from '../../platform/errors';
import { joinCouple } from '../couples/couples.service';
import { joinProgramAsClinician, enrollFromInvite } from '../programs/programs.service';

/**
 * The one answer for every link that does not work: expired, used, withdrawn, or never made. A
 * guessed token is told nothing more than a used one (no "not known" to confirm that guessing
 * missed rather than came late), and guesses are limited per address and per account
 * (invites.routes.ts).
 */
const invalid = () =>
  new DomainError('invite-invalid', 'This invite link is no longer valid: it expired, was used or withdrawn. Ask for a new one.');

/** What an invite link is for, so the person can decide before they sign up or accept. */
export async function previewInvite(db: Db, token: string): Promise<InvitePreview> {
  const row = await db
    .selectFrom('invites')
    .innerJoin('users', 'users.id', 'invites.createdBy')
    .leftJoin('programs', 'programs.id', 'invites.programId')
    .select([
      'invites.kind',
      'invites.expiresAt',
      'invites.usedAt',
      'invites.revokedAt',
      'users.displayName',
      'programs.name as programName',
    ])
    .where('invites.tokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= new Date()) {
    throw invalid();
  }
  return { kind: row.kind, invitedBy: row.displayName, programName: row.programName, expiresAt: row.expiresAt.toISOString() };
}

/**
 * Uses an invite for the actor: claiming it and acting on it happen in one transaction, so a link
 * works exactly once even when two people open it at the same moment.
 */
export async function acceptInvite(db: Db, actor: Actor, token: string): Promise<AcceptedInvite> {
  return db.transaction().execute(async (tx) => {
    const invite = await tx
      .updateTable('invites')
      .set({ usedAt: sql<Date>`now()`, usedBy: actor.userId })
      .where('tokenHash', '=', hashToken(token))
      .where('usedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', sql<Date>`now()`)
      .returningAll()
      .executeTakeFirst();
    if (!invite) {
      throw invalid();
    }
    if (invite.createdBy === actor.userId) {
      throw new DomainError('cannot-invite-self', 'This invite is for someone else to use.');
    }
    switch (invite.kind) {
      case 'partner':
        await joinCouple(tx, actor, invite.coupleId!);
        return { kind: invite.kind, coupleId: invite.coupleId, programId: null };
      case 'clinician':
        await joinProgramAsClinician(tx, actor, invite.programId!);
        return { kind: invite.kind, coupleId: null, programId: invite.programId };
      case 'program-couple': {
        const coupleId = await enrollFromInvite(tx, actor, invite.programId!, invite.createdBy);
        return { kind: invite.kind, coupleId, programId: invite.programId };
      }
    }
  });
}
