import { sql } from 'kysely';
import type { Audience } from '@twofold/core/sharing/data-kinds';
import type { DbOrTx } from '../../platform/db';
import type { ConsentEndReason, ConsentPurpose } from '../../db/database';

/** Programs `ownerId` is in now: accepted enrollment, not ended, still a member of that couple. */
export async function findCurrentPrograms(db: DbOrTx, ownerId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('programEnrollments as e')
    .innerJoin('coupleMembers as m', (join) =>
      join.onRef('m.coupleId', '=', 'e.coupleId').onRef('m.userId', '=', 'e.userId').on('m.leftAt', 'is', null),
    )
    .innerJoin('programs as p', 'p.id', 'e.programId')
    .select(['p.id', 'p.name'])
    .where('e.userId', '=', ownerId)
    .where('e.acceptedAt', 'is not', null)
    .where('e.endedAt', 'is', null)
    .orderBy('p.name')
    .execute();
}

/** The open (not ended) consents of one person for one kind, with whether each is still in its window. */
export async function findOpenConsents(db: DbOrTx, ownerId: string, kind: string) {
  return db
    .selectFrom('careConsents')
    .select(['id', 'programId', sql<boolean>`expires_at > now()`.as('isCurrent')])
    .where('ownerId', '=', ownerId)
    .where('kind', '=', kind)
    .where('endedAt', 'is', null)
    .execute();
}

/** Ends the open consents of a person matching `programId` (all programs when null) and `kinds` (all when null). */
export async function endConsents(
  db: DbOrTx,
  ownerId: string,
  reason: ConsentEndReason,
  filter: { programId?: string | null; kinds?: readonly string[] | null; ids?: readonly string[] },
): Promise<number> {
  let query = db
    .updateTable('careConsents')
    .set({ endedAt: sql<Date>`now()`, endReason: reason })
    .where('ownerId', '=', ownerId)
    .where('endedAt', 'is', null);
  if (filter.programId) {
    query = query.where('programId', '=', filter.programId);
  }
  if (filter.kinds) {
    if (filter.kinds.length === 0) {
      return 0;
    }
    query = query.where('kind', 'in', [...filter.kinds]);
  }
  if (filter.ids) {
    if (filter.ids.length === 0) {
      return 0;
    }
    query = query.where('id', 'in', [...filter.ids]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface NewConsentRow {
  id: string;
  ownerId: string;
  programId: string;
  kind: string;
  purpose: ConsentPurpose;
  purposeNoteCiphertext: string | null;
  expiresAt: Date;
}

export async function insertConsents(db: DbOrTx, rows: NewConsentRow[]): Promise<void> {
  if (rows.length > 0) {
    await db.insertInto('careConsents').values(rows).execute();
  }
}

/** The person's setting for a kind, `private` when never set. */
export async function findAudience(db: DbOrTx, ownerId: string, kind: string): Promise<Audience> {
  const row = await db
    .selectFrom('sharingSettings')
    .select('audience')
    .where('ownerId', '=', ownerId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.audience ?? 'private';
}

/** Every consent a person gave, newest first, with the program's name. */
export async function findConsentsOf(db: DbOrTx, ownerId: string) {
  return db
    .selectFrom('careConsents as c')
    .innerJoin('programs as p', 'p.id', 'c.programId')
    .select([
      'c.id',
      'c.programId',
      'p.name as programName',
      'c.kind',
      'c.purpose',
      'c.purposeNoteCiphertext',
      'c.grantedAt',
      'c.expiresAt',
      'c.endedAt',
      'c.endReason',
      sql<boolean>`c.expires_at > now()`.as('inWindow'),
    ])
    .where('c.ownerId', '=', ownerId)
    .orderBy('c.grantedAt', 'desc')
    .orderBy('c.kind')
    .execute();
}

/**
 * The clinicians' reads of a person's data made under each of their consents: audit entries of
 * that kind and program, relation clinician, inside the consent's window (from granted to the
 * earlier of ended and expires). One query; newest first, at most `limit` in all.
 */
export async function findAccessesUnderConsents(db: DbOrTx, ownerId: string, limit = 1000) {
  return db
    .selectFrom('careConsents as c')
    .innerJoin('auditEvents as a', (join) =>
      join
        .on('a.subjectId', '=', ownerId)
        .onRef('a.kind', '=', 'c.kind')
        .onRef('a.programId', '=', 'c.programId')
        .on('a.relation', '=', 'clinician')
        .on('a.action', '=', 'read')
        .onRef('a.at', '>=', 'c.grantedAt')
        .on('a.at', '<', sql<Date>`least(c.expires_at, coalesce(c.ended_at, 'infinity'::timestamptz))`),
    )
    .leftJoin('users as u', 'u.id', 'a.actorId')
    .select(['c.id as consentId', 'a.at', 'a.actorId', 'a.kind', 'u.displayName'])
    .where('c.ownerId', '=', ownerId)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

/** Clinicians' reads of single entries the person told the care team (kinds told entry by entry). */
export async function findEntryDisclosures(db: DbOrTx, ownerId: string, kinds: readonly string[], limit = 200) {
  return db
    .selectFrom('auditEvents as a')
    .leftJoin('users as u', 'u.id', 'a.actorId')
    .leftJoin('programs as p', 'p.id', 'a.programId')
    .select(['a.at', 'a.actorId', 'a.kind', 'u.displayName', 'a.programId', 'p.name as programName'])
    .where('a.subjectId', '=', ownerId)
    .where('a.relation', '=', 'clinician')
    .where('a.action', '=', 'read')
    .where('a.kind', 'in', [...kinds])
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}
