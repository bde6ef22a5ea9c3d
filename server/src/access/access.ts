import { type RawBuilder, sql } from 'kysely';
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

/**
 * Pure rule: given who the viewer is to the owner, the owner's setting and (for a clinician)
 * whether the owner has a current consent record for this kind with the clinician's program,
 * may they see it? A clinician needs both: the care-team side of the setting AND a current
 * consent (purpose, until a date, not revoked). Moving the setting away from the care team
 * revokes the consent, and revoking the consent takes the care team out of the setting
 * (features/consents), so the two agree; an expired consent denies on its own.
 */
export function isVisible(relation: Relation | null, audience: Audience, kind: DataKind, hasConsent = false): boolean {
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
      return includesCareTeam(effective) && hasConsent;
  }
}

interface RelationFacts {
  relation: Relation | null;
  audience: Audience;
  programId: string | null;
  /** For a clinician: the owner has a current consent for this kind with `programId`. */
  hasConsent: boolean;
}

/**
 * Works out, in one query, how `viewerId` relates to `ownerId` right now and the owner's setting
 * for `kind`: a current partner (both active members of one couple) or a clinician of the owner
 * (`careTeamRelationSql`: active clinician with two-step sign-in in a program where the owner has
 * accepted enrollment for themselves and not ended it, assigned to the owner's couple there), and
 * whether the owner's consent for `kind` with that program is current.
 * With `lockChain`, the same statement also takes the lock on the owner's audit chain (held to
 * the end of the transaction), so that appending the audit entry later costs one statement.
 */
async function findRelation(db: DbOrTx, viewerId: string, ownerId: string, kind: DataKind, lockChain = false): Promise<RelationFacts> {
  if (viewerId === ownerId) {
    return { relation: 'self', audience: 'private', programId: null, hasConsent: false };
  }
  const { rows } = await sql<{ audience: Audience | null; isPartner: boolean; programId: string | null; hasConsent: boolean | null }>`
    select
      ${lockChain ? sql`${lockAuditChain(ownerId)} as chain_lock,` : sql``}
      (select audience from sharing_settings where owner_id = ${ownerId} and kind = ${kind}) as audience,
      exists (
        select 1 from couple_members viewer
        join couple_members owner on owner.couple_id = viewer.couple_id
        where viewer.user_id = ${viewerId} and viewer.left_at is null
          and owner.user_id = ${ownerId} and owner.left_at is null
      ) as is_partner,
      care.program_id,
      care.has_consent
    from (select 1) as one
    left join lateral (
      select e.program_id, ${hasCurrentConsentSql(sql`e.user_id`, sql`e.program_id`, sql`${kind}`)} as has_consent
      from ${careTeamRelationSql(viewerId)} as e
      where e.user_id = ${ownerId}
      order by has_consent desc
      limit 1
    ) as care on true`.execute(db);
  const row = rows[0];
  const relation: Relation | null = row?.isPartner ? 'partner' : row?.programId ? 'clinician' : null;
  return {
    relation,
    audience: row?.audience ?? 'private',
    programId: relation === 'clinician' ? (row?.programId ?? null) : null,
    hasConsent: relation === 'clinician' && row?.hasConsent === true,
  };
}

/**
 * SQL: the people `clinicianId` is a clinician of right now, one row per (person, program):
 * columns `user_id`, `couple_id`, `program_id`. The clinician is active in the program with
 * two-step sign-in and assigned to the couple there (`couple_clinicians`); the person is a
 * current member of that couple and has accepted enrollment for themselves and not ended it.
 * A program admin is not a clinician unless they also hold the clinician role. Use it as a
 * derived table: `from ${careTeamRelationSql(id)} as e`.
 */
export function careTeamRelationSql(clinicianId: string | RawBuilder<unknown>) {
  return sql`(
    select e.user_id, e.couple_id, e.program_id
    from program_enrollments e
    join couple_members m on m.couple_id = e.couple_id and m.user_id = e.user_id and m.left_at is null
    join couple_clinicians cc on cc.program_id = e.program_id and cc.couple_id = e.couple_id and cc.clinician_id = ${clinicianId}
    join program_staff s on s.program_id = e.program_id and s.user_id = cc.clinician_id and s.role = 'clinician' and s.active
    where e.accepted_at is not null and e.ended_at is null
      and exists (select 1 from two_factor_credentials t where t.user_id = s.user_id and t.confirmed_at is not null)
  )`;
}

/**
 * SQL boolean: `ownerId` has a current consent record (not ended, not expired) granting
 * `programId` access to `kind`. The arguments are SQL expressions (columns or parameters).
 */
export function hasCurrentConsentSql(ownerId: RawBuilder<unknown>, programId: RawBuilder<unknown>, kind: RawBuilder<unknown>) {
  return sql<boolean>`exists (
    select 1 from care_consents c
    where c.owner_id = ${ownerId} and c.program_id = ${programId} and c.kind = ${kind}
      and c.ended_at is null and c.expires_at > now()
  )`;
}

/** May `viewerId` see `kind` data of `ownerId` right now? Null when not. */
export async function decideRead(db: DbOrTx, viewerId: string, ownerId: string, kind: DataKind): Promise<ReadDecision | null> {
  const facts = await findRelation(db, viewerId, ownerId, kind);
  if (facts.relation === null || !isVisible(facts.relation, facts.audience, kind, facts.hasConsent)) {
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
    if (facts.relation === null || !isVisible(facts.relation, facts.audience, kind, facts.hasConsent)) {
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
 * The actor's role in a program, required to be one of `roles` (a person may hold both roles: an
 * admin who is also a clinician). Someone outside the program, or deactivated, gets `not-found`,
 * so program ids do not reveal themselves. Staff must use two-step sign-in (TOTP): without it,
 * they get `two-factor-required` and nothing of the program. Returns the first of `roles` held.
 */
export async function requireProgramRole(db: DbOrTx, actor: Actor, programId: string, roles: StaffRole[]): Promise<StaffRole> {
  const rows = await db
    .selectFrom('programStaff')
    .leftJoin('twoFactorCredentials as t', (join) => join.onRef('t.userId', '=', 'programStaff.userId').on('t.confirmedAt', 'is not', null))
    .select(['programStaff.role', 't.userId as twoFactorUserId'])
    .where('programStaff.programId', '=', programId)
    .where('programStaff.userId', '=', actor.userId)
    .where('programStaff.active', '=', true)
    .execute();
  if (rows.length === 0) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
  if (rows[0]!.twoFactorUserId === null) {
    throw new DomainError('two-factor-required', 'Set up two-step sign-in in Settings, then come back.');
  }
  const held = roles.find((role) => rows.some((row) => row.role === role));
  if (!held) {
    throw new DomainError('not-program-staff', `Only a program ${roles.join(' or ')} can do this.`);
  }
  return held;
}
