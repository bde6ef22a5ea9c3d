import { sql } from 'kysely';
import {
  type Audience,
  type DataKind,
  allowedAudiences,
  dataKindIds,
  hasEntrySharing,
  hasToldEntries,
  includesCareTeam,
  includesPartner,
} from '@twofold/core/sharing/data-kinds';
import type { StaffRole } from '@twofold/core/auth/auth.schemas';
import type { Db, DbOrTx, Tx } from '../platform/db';
import type { Actor } from '../platform/sessions';
import { appendAuditEntry, lockAuditChain } from '../platform/audit';
import { DomainError } from '../platform/errors';

/**
 * The one place that decides who may see or change whose data. Every read of another person's
 * data goes through `readAs`, which decides, reads and appends to the audit trail in one
 * transaction. Anything not allowed here is denied, and denial looks exactly like absence (404).
 */

export type Relation = 'self' | 'partner' | 'clinician';

export interface ReadDecision {
  relation: Relation;
  programId: string | null;
}

const registeredKinds = new Set<string>(dataKindIds);

/** Pure rule: given who the viewer is to the owner and the owner's setting, may they see it? */
export function isVisible(relation: Relation | null, audience: Audience, kind: DataKind): boolean {
  if (relation === null || !registeredKinds.has(kind)) {
    return false;
  }
  // A setting the registry does not allow for this kind counts as private, whatever is stored.
  const effective = allowedAudiences(kind).includes(audience) ? audience : 'private';
  switch (relation) {
    case 'self':
      return true;
    case 'partner':
      return includesPartner(effective);
    case 'clinician':
      return includesCareTeam(effective);
  }
}

interface RelationFacts {
  relation: Relation | null;
  audience: Audience;
  programId: string | null;
}

/**
 * Works out, in one query, how `viewerId` relates to `ownerId` right now and the owner's setting
 * for `kind`: a current partner (both active members of one couple) or a clinician active in a
 * program where the owner has accepted enrollment for themselves and not ended it.
 * With `lockChain`, the same statement also takes the lock on the owner's audit chain (held to
 * the end of the transaction), so that appending the audit entry later costs one statement.
 */
async function findRelation(db: DbOrTx, viewerId: string, ownerId: string, kind: DataKind, lockChain = false): Promise<RelationFacts> {
  if (viewerId === ownerId) {
    return { relation: 'self', audience: 'private', programId: null };
  }
  const { rows } = await sql<{ audience: Audience | null; isPartner: boolean; programId: string | null }>`
    select
      ${lockChain ? sql`${lockAuditChain(ownerId)} as chain_lock,` : sql``}
      (select audience from sharing_settings where owner_id = ${ownerId} and kind = ${kind}) as audience,
      exists (
        select 1 from couple_members viewer
        join couple_members owner on owner.couple_id = viewer.couple_id
        where viewer.user_id = ${viewerId} and viewer.left_at is null
          and owner.user_id = ${ownerId} and owner.left_at is null
      ) as is_partner,
      (
        select e.program_id from program_enrollments e
        join couple_members m on m.couple_id = e.couple_id and m.user_id = e.user_id and m.left_at is null
        join program_staff s on s.program_id = e.program_id
        where e.user_id = ${ownerId} and e.accepted_at is not null and e.ended_at is null
          and s.user_id = ${viewerId} and s.role = 'clinician' and s.active
          and exists (select 1 from two_factor_credentials t where t.user_id = s.user_id and t.confirmed_at is not null)
        limit 1
      ) as program_id`.execute(db);
  const row = rows[0];
  const relation: Relation | null = row?.isPartner ? 'partner' : row?.programId ? 'clinician' : null;
  return { relation, audience: row?.audience ?? 'private', programId: relation === 'clinician' ? (row?.programId ?? null) : null };
}

/** May `viewerId` see `kind` data of `ownerId` right now? Null when not. */
export async function decideRead(db: DbOrTx, viewerId: string, ownerId: string, kind: DataKind): Promise<ReadDecision | null> {
  const facts = await findRelation(db, viewerId, ownerId, kind);
  if (facts.relation === null || !isVisible(facts.relation, facts.audience, kind)) {
    return null;
  }
  return { relation: facts.relation, programId: facts.programId };
}

/**
 * Reads `kind` data of `ownerId` for `actor`: decides, reads, and (for anyone but the owner)
 * records the access in the audit trail, all in one transaction. Throws `not-found` when the
 * actor may not see it, exactly as when there is nothing to see.
 */
export async function readAs<T>(
  db: Db,
  actor: Actor,
  ownerId: string,
  kind: DataKind,
  read: (tx: DbOrTx, decision: ReadDecision) => Promise<T | undefined>,
): Promise<T> {
  if (actor.userId === ownerId) {
    // The owner reading their own data: nothing to decide and nothing to audit, so no transaction.
    const own = await read(db, { relation: 'self', programId: null });
    if (own === undefined) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    return own;
  }
  return db.transaction().execute(async (tx) => {
    const facts = await findRelation(tx, actor.userId, ownerId, kind, true);
    if (facts.relation === null || !isVisible(facts.relation, facts.audience, kind)) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    const decision: ReadDecision = { relation: facts.relation, programId: facts.programId };
    const result = await read(tx, decision);
    if (result === undefined) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        subjectId: ownerId,
        kind,
        action: 'read',
        purpose: decision.relation === 'clinician' ? 'treatment' : 'partner-support',
        relation: decision.relation === 'clinician' ? 'clinician' : 'partner',
        programId: decision.programId,
      },
      { isChainLocked: true },
    );
    return result;
  });
}

/**
 * Reads the entries of a kind that stays private as a whole but whose owner shared single entries
 * with the care team (the journal). Only a clinician with a current relation to the owner gets
 * anything; `read` must return only the entries the owner shared. Audited like `readAs`.
 */
export async function readEntriesSharedWithCareTeam<T>(
  db: Db,
  actor: Actor,
  ownerId: string,
  kind: DataKind,
  read: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const facts = await findRelation(tx, actor.userId, ownerId, kind, true);
    if (facts.relation !== 'clinician' || !hasEntrySharing(kind)) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    const result = await read(tx);
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        subjectId: ownerId,
        kind,
        action: 'read',
        purpose: 'treatment',
        relation: 'clinician',
        programId: facts.programId,
      },
      { isChainLocked: true },
    );
    return result;
  });
}

/** Who a single told entry was told to: a named partner (the partner at the time) and/or the care team. */
export interface ToldTo {
  partnerId: string | null;
  careTeam: boolean;
}

/**
 * Pure rule for kinds told entry by entry (lapse reports): the viewer sees an entry when they are
 * its owner, the current partner it was told to by name, or a clinician with a current relation to
 * the owner while it is told to the care team. A former partner, or a later one, sees nothing.
 */
export function isToldTo(relation: Relation, viewerId: string, told: ToldTo): boolean {
  switch (relation) {
    case 'self':
      return true;
    case 'partner':
      return told.partnerId === viewerId;
    case 'clinician':
      return told.careTeam;
  }
}

/**
 * Reads entries of a kind that stays private as a whole but whose owner tells single entries to
 * the partner and/or the care team (lapse reports). Works out how the actor relates to the owner
 * right now (owner, current partner, clinician of an accepted enrollment) — anyone else gets
 * `not-found` — and passes it to `read`, which must return only entries told to this viewer
 * (filter with `isToldTo`'s rule in SQL), or `undefined` for "nothing here" (404, like absence).
 * A read by anyone but the owner that discloses something (`isDisclosure`, e.g. a non-empty list)
 * is appended to the audit trail in the same transaction: an empty list tells nothing, and the
 * owner's access log is not filled with reads of nothing each time the partner opens a screen.
 */
export async function readToldEntries<T>(
  db: Db,
  actor: Actor,
  ownerId: string,
  kind: DataKind,
  read: (tx: DbOrTx, decision: ReadDecision) => Promise<T | undefined>,
  isDisclosure: (result: T) => boolean = () => true,
): Promise<T> {
  if (!hasToldEntries(kind)) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
  if (actor.userId === ownerId) {
    const own = await read(db, { relation: 'self', programId: null });
    if (own === undefined) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    return own;
  }
  return db.transaction().execute(async (tx) => {
    const facts = await findRelation(tx, actor.userId, ownerId, kind, true);
    if (facts.relation === null) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    const decision: ReadDecision = { relation: facts.relation, programId: facts.programId };
    const result = await read(tx, decision);
    if (result === undefined) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    if (!isDisclosure(result)) {
      return result;
    }
    await appendAuditEntry(
      tx,
      {
        actorId: actor.userId,
        subjectId: ownerId,
        kind,
        action: 'read',
        purpose: decision.relation === 'clinician' ? 'treatment' : 'partner-support',
        relation: decision.relation === 'clinician' ? 'clinician' : 'partner',
        programId: decision.programId,
      },
      { isChainLocked: true },
    );
    return result;
  });
}

/**
 * Writes to a partner's own data are theirs alone: nobody logs, edits or scores on behalf of
 * another person (PRODUCT.md, "support without surveillance").
 */
export function assertOwnerWrite(actor: Actor, ownerId: string): void {
  if (actor.userId !== ownerId) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
}

export interface Membership {
  coupleId: string;
  joinedAt: Date;
}

/** The couple the actor is in now, if any. */
export async function findMembership(db: DbOrTx, userId: string): Promise<Membership | null> {
  const row = await db
    .selectFrom('coupleMembers')
    .select(['coupleId', 'joinedAt'])
    .where('userId', '=', userId)
    .where('leftAt', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

export async function requireMembership(db: DbOrTx, actor: Actor): Promise<Membership> {
  const membership = await findMembership(db, actor.userId);
  if (!membership) {
    throw new DomainError('not-in-couple', 'Create a couple space or join one with an invite first.');
  }
  return membership;
}

/** Program staff must use two-step sign-in: someone about to become staff (creating a program) too. */
export async function requireTwoFactor(db: DbOrTx, actor: Actor): Promise<void> {
  const row = await db
    .selectFrom('twoFactorCredentials')
    .select('userId')
    .where('userId', '=', actor.userId)
    .where('confirmedAt', 'is not', null)
    .executeTakeFirst();
  if (!row) {
    throw new DomainError('two-factor-required', 'Set up two-step sign-in in Settings, then come back.');
  }
}

/**
 * The actor's role in a program, required to be one of `roles`. Someone outside the program
 * gets `not-found`, so program ids do not reveal themselves. Staff must use two-step sign-in
 * (TOTP): without it, they get `two-factor-required` and nothing of the program.
 */
export async function requireProgramRole(db: DbOrTx, actor: Actor, programId: string, roles: StaffRole[]): Promise<StaffRole> {
  const row = await db
    .selectFrom('programStaff')
    .leftJoin('twoFactorCredentials as t', (join) => join.onRef('t.userId', '=', 'programStaff.userId').on('t.confirmedAt', 'is not', null))
    .select(['programStaff.role', 't.userId as twoFactorUserId'])
    .where('programStaff.programId', '=', programId)
    .where('programStaff.userId', '=', actor.userId)
    .where('programStaff.active', '=', true)
    .executeTakeFirst();
  if (!row) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
  if (row.twoFactorUserId === null) {
    throw new DomainError('two-factor-required', 'Set up two-step sign-in in Settings, then come back.');
  }
  if (!roles.includes(row.role)) {
    throw new DomainError('not-program-staff', `Only a program ${roles.join(' or ')} can do this.`);
  }
  return row.role;
}
