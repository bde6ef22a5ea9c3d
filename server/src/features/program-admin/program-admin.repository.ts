import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db';

/** Staff of a program, one row per person and role. */
export async function findStaffRows(db: DbOrTx, programId: string) {
  return db
    .selectFrom('programStaff as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['s.userId', 'u.displayName', 's.role', 's.active', 's.createdAt'])
    .where('s.programId', '=', programId)
    .orderBy('s.createdAt')
    .execute();
}

/** Couples with an enrollment in the program not ended: names and enrollment state only. */
export async function findEnrolledPartners(db: DbOrTx, programId: string) {
  return db
    .selectFrom('programEnrollments as e')
    .innerJoin('coupleMembers as m', (join) =>
      join.onRef('m.coupleId', '=', 'e.coupleId').onRef('m.userId', '=', 'e.userId').on('m.leftAt', 'is', null),
    )
    .innerJoin('users as u', 'u.id', 'e.userId')
    .select(['e.coupleId', 'u.id', 'u.displayName', 'e.acceptedAt', 'e.invitedAt'])
    .where('e.programId', '=', programId)
    .where('e.endedAt', 'is', null)
    .orderBy('e.invitedAt')
    .orderBy('u.displayName')
    .execute();
}

export async function findAssignments(db: DbOrTx, programId: string) {
  return db.selectFrom('coupleClinicians').select(['coupleId', 'clinicianId']).where('programId', '=', programId).execute();
}

/** How many people have at least one current consent to the program: a number, nothing else. */
export async function countPeopleWithConsent(db: DbOrTx, programId: string): Promise<number> {
  const row = await db
    .selectFrom('careConsents')
    .select(sql<string>`count(distinct owner_id)`.as('n'))
    .where('programId', '=', programId)
    .where('endedAt', 'is', null)
    .where('expiresAt', '>', sql<Date>`now()`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setClinicianActive(db: DbOrTx, programId: string, userId: string, active: boolean): Promise<boolean> {
  const result = await db
    .updateTable('programStaff')
    .set({ active })
    .where('programId', '=', programId)
    .where('userId', '=', userId)
    .where('role', '=', 'clinician')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Gives an active admin of the program the clinician role too; false when they are not one. */
export async function addClinicianRoleToAdmin(db: DbOrTx, programId: string, userId: string): Promise<boolean> {
  const added = await db
    .insertInto('programStaff')
    .columns(['programId', 'userId', 'role'])
    .expression((eb) =>
      eb
        .selectFrom('programStaff')
        .select(['programId', 'userId', eb.val('clinician').as('role')])
        .where('programId', '=', programId)
        .where('userId', '=', userId)
        .where('role', '=', 'admin')
        .where('active', '=', true),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('userId')
    .executeTakeFirst();
  return added !== undefined;
}

/** Is the couple in the program now (an enrollment not ended)? Taken under a row lock. */
export async function isCoupleInProgram(db: DbOrTx, programId: string, coupleId: string): Promise<boolean> {
  const row = await db
    .selectFrom('programEnrollments')
    .select('coupleId')
    .where('programId', '=', programId)
    .where('coupleId', '=', coupleId)
    .where('endedAt', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of `ids` are clinicians of the program (active or not). */
export async function findClinicianIds(db: DbOrTx, programId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('programStaff')
    .select('userId')
    .where('programId', '=', programId)
    .where('role', '=', 'clinician')
    .where('userId', 'in', [...ids])
    .execute();
  return new Set(rows.map((row) => row.userId));
}

export async function replaceAssignments(
  db: DbOrTx,
  programId: string,
  coupleId: string,
  clinicianIds: readonly string[],
  assignedBy: string,
): Promise<void> {
  let removal = db.deleteFrom('coupleClinicians').where('programId', '=', programId).where('coupleId', '=', coupleId);
  if (clinicianIds.length > 0) {
    removal = removal.where('clinicianId', 'not in', [...clinicianIds]);
  }
  await removal.execute();
  if (clinicianIds.length > 0) {
    await db
      .insertInto('coupleClinicians')
      .values(clinicianIds.map((clinicianId) => ({ programId, coupleId, clinicianId, assignedBy })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
