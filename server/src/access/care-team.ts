import { sql } from 'kysely';
import { type Audience, type DataKind, dataKindIds } from '@twofold/core/sharing/data-kinds';
import type { DbOrTx } from '../platform/db';
import type { Actor } from '../platform/sessions';
import { appendAuditEntry } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { careTeamRelationSql, isVisible, requireProgramRole } from './access';

/**
 * The care team's side of `access/`, for pages that look at many people at once (caseload,
 * couple overview, reports). The rule is the one `readAs` applies to a single read
 * (`isVisible` with `relation = 'clinician'`): a clinician sees a kind of a partner's data only
 *   - as an active clinician of the program, with two-step sign-in,
 *   - for a couple assigned to them in that program (`couple_clinicians`),
 *   - while that partner is a current member of the couple with accepted, not ended, enrollment,
 *   - while the partner's sharing setting for the kind includes the care team, and
 *   - while the partner's consent record for the kind with that program is current (not revoked,
 *     not expired).
 * Decided in SQL on every request: a revocation or deactivation is effective at the next request.
 */

/**
 * SQL: the (owner_id, kind) pairs `clinicianId` may read in `programId` right now, as a derived
 * table to join in a larger query: `join ${careTeamVisibleKindsSql(id, p)} as v on v.owner_id = …`.
 * `together` appears per partner: joint work needs BOTH partners' rows (`readJointAsCareTeam`).
 */
export function careTeamVisibleKindsSql(clinicianId: string, programId: string) {
  return sql`(
    select c.owner_id, c.kind
    from care_consents c
    join ${careTeamRelationSql(clinicianId)} as r on r.user_id = c.owner_id and r.program_id = c.program_id
    join sharing_settings ss on ss.owner_id = c.owner_id and ss.kind = c.kind and ss.audience in ('care-team', 'both')
    where c.program_id = ${programId} and c.ended_at is null and c.expires_at > now()
  )`;
}

/**
 * For one clinician and many people of one program, the kinds each person's data the clinician
 * may read right now: one query, whatever the number of people. People with nothing visible (or
 * not the clinician's at all) map to an empty set. Reads nothing clinical and audits nothing: the
 * caller appends an audit entry for each kind it then discloses (`appendCareTeamReads`).
 */
export async function careTeamVisibleKinds(
  db: DbOrTx,
  clinicianId: string,
  programId: string,
  ownerIds: readonly string[],
): Promise<Map<string, Set<DataKind>>> {
  const visible = new Map<string, Set<DataKind>>(ownerIds.map((id) => [id, new Set<DataKind>()]));
  if (ownerIds.length === 0) {
    return visible;
  }
  const { rows } = await sql<{ ownerId: string; kind: DataKind; audience: Audience }>`
    select v.owner_id, v.kind, ss.audience
    from ${careTeamVisibleKindsSql(clinicianId, programId)} as v
    join sharing_settings ss on ss.owner_id = v.owner_id and ss.kind = v.kind
    where v.owner_id = any(${sql.val([...ownerIds])}::uuid[])`.execute(db);
  const registered = new Set<string>(dataKindIds);
  for (const row of rows) {
    // The same pure rule as a single read, so a kind the registry does not allow never slips through.
    if (registered.has(row.kind) && isVisible('clinician', row.audience, row.kind, true)) {
      visible.get(row.ownerId)?.add(row.kind);
    }
  }
  return visible;
}

export interface CoupleCareAccess {
  programId: string;
  coupleId: string;
  /** The couple's current partners who accepted enrollment in the program (zero, one or two). */
  enrolledPartnerIds: string[];
}

/**
 * The actor is a clinician of `coupleId` in `programId` right now: active, two-step sign-in,
 * assigned to the couple. Anyone else, an admin who is not also the couple's clinician included,
 * gets `not-found`, like a couple that does not exist. Says nothing about which data may be read:
 * ask `careTeamVisibleKinds` or read through `readAs`.
 */
export async function requireCoupleClinician(db: DbOrTx, actor: Actor, programId: string, coupleId: string): Promise<CoupleCareAccess> {
  await requireProgramRole(db, actor, programId, ['clinician']).catch((error: unknown) => {
    // Not a clinician here (an admin only, say): the couple does not exist for them.
    throw error instanceof DomainError && error.code === 'not-program-staff'
      ? new DomainError('not-found', 'Nothing to show here.')
      : error;
  });
  const rows = await sql<{ userId: string | null }>`
    select r.user_id
    from couple_clinicians cc
    left join ${careTeamRelationSql(actor.userId)} as r on r.couple_id = cc.couple_id and r.program_id = cc.program_id
    where cc.program_id = ${programId} and cc.couple_id = ${coupleId} and cc.clinician_id = ${actor.userId}`.execute(db);
  if (rows.rows.length === 0) {
    throw new DomainError('not-found', 'Nothing to show here.');
  }
  return {
    programId,
    coupleId,
    enrolledPartnerIds: rows.rows.flatMap((row) => (row.userId ? [row.userId] : [])).sort(),
  };
}

/**
 * Appends one audit entry per (person, kind) a clinician was shown, in person-id order (so two
 * clinicians writing at once never wait on each other in a cycle). Call in the transaction that
 * read the data, after deciding with `careTeamVisibleKinds` in that same transaction.
 */
export async function appendCareTeamReads(
  tx: DbOrTx,
  clinicianId: string,
  programId: string,
  reads: ReadonlyArray<{ ownerId: string; kind: string }>,
): Promise<void> {
  const sorted = [...reads].sort((x, y) => (x.ownerId === y.ownerId ? x.kind.localeCompare(y.kind) : x.ownerId < y.ownerId ? -1 : 1));
  for (const read of sorted) {
    await appendAuditEntry(tx, {
      actorId: clinicianId,
      subjectId: read.ownerId,
      kind: read.kind,
      action: 'read',
      purpose: 'treatment',
      relation: 'clinician',
      programId,
    });
  }
}
