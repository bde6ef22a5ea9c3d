import type { Db, DbOrTx, Tx } from '../platform/db';
import type { Actor } from '../platform/sessions';
import { appendAuditEntry } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { requireCoupleClinician } from './care-team';

/**
 * Who may schedule sessions and assign homework for a couple, and read them back (issue 8): an
 * active clinician of the program (with two-step sign-in) assigned to the couple, for the partners of the couple who
 * accepted enrollment in that program for themselves, have not ended it, and are still in the
 * couple. A partner who has not accepted (or left) is not in care: nothing is scheduled or assigned
 * to them, and their items do not show. Anyone else gets `not-found`, like an unknown couple.
 */

export interface PartnerInCare {
  id: string;
  displayName: string;
  timeZone: string;
}

export interface CoupleInCare {
  programId: string;
  coupleId: string;
  partners: PartnerInCare[];
}

const notFound = () => new DomainError('not-found', 'Nothing to show here.');

/** The partners of `coupleId` in care at `programId` right now (accepted, not ended, still members). */
export async function findPartnersInCare(db: DbOrTx, programId: string, coupleId: string): Promise<PartnerInCare[]> {
  return db
    .selectFrom('programEnrollments as e')
    .innerJoin('coupleMembers as m', (join) =>
      join.onRef('m.coupleId', '=', 'e.coupleId').onRef('m.userId', '=', 'e.userId').on('m.leftAt', 'is', null),
    )
    .innerJoin('users as u', 'u.id', 'e.userId')
    .select(['u.id', 'u.displayName', 'u.timeZone'])
    .where('e.programId', '=', programId)
    .where('e.coupleId', '=', coupleId)
    .where('e.acceptedAt', 'is not', null)
    .where('e.endedAt', 'is', null)
    .orderBy('u.displayName')
    .execute();
}

/**
 * Requires the actor to be a clinician of `programId` assigned to the couple (`couple_clinicians`,
 * `requireCoupleClinician`) and the couple to have at least one partner in care there. Throws
 * `not-found` (or `two-factor-required` from the program check) otherwise; an admin who is not
 * the couple's clinician gets `not-found` too.
 */
export async function requireCoupleInCare(db: DbOrTx, actor: Actor, programId: string, coupleId: string): Promise<CoupleInCare> {
  await requireCoupleClinician(db, actor, programId, coupleId);
  const partners = await findPartnersInCare(db, programId, coupleId);
  if (partners.length === 0) {
    throw notFound();
  }
  return { programId, coupleId, partners };
}

/** The care-team records read here, as named in the audit trail (core `careRecordKinds`). */
export type CareRecordKind = 'care-sessions' | 'care-homework';

/**
 * Reads a couple's care records (sessions with attendance, homework with completion) for a
 * clinician of the program: checks as `requireCoupleInCare`, then reads and appends one audit entry
 * per partner in care, in one transaction, so each partner's access log shows the read.
 */
export async function readCoupleCareRecords<T>(
  db: Db,
  actor: Actor,
  programId: string,
  coupleId: string,
  kind: CareRecordKind,
  read: (tx: Tx, couple: CoupleInCare) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const couple = await requireCoupleInCare(tx, actor, programId, coupleId);
    const result = await read(tx, couple);
    for (const partner of couple.partners) {
      await appendAuditEntry(tx, {
        actorId: actor.userId,
        subjectId: partner.id,
        kind,
        action: 'read',
        purpose: 'treatment',
        relation: 'clinician',
        programId,
      });
    }
    return result;
  });
}
