import type { ProgramAdmin } from '@twofold/core/programs/program-admin.schemas';
import type { StaffRole } from '@twofold/core/auth/auth.schemas';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { requireProgramRole } from '../../access/access';
import {
  countPeopleWithConsent,
  findAssignments,
  findClinicianIds,
  findEnrolledPartners,
  findStaffRows,
  isCoupleInProgram,
  replaceAssignments,
  setClinicianActive,
  addClinicianRoleToAdmin,
} from './program-admin.repository';

/**
 * The program admin's view (issue 8): staff with their roles and caseload sizes, the couples in
 * the program with their assigned clinicians, and counts. Names and enrollment state only — no
 * clinical content: an admin reads a partner's data only as a clinician assigned to the couple,
 * through `access/` like any clinician. Admins only; anyone outside the program gets `not-found`.
 */
export async function findProgramAdmin(db: Db, actor: Actor, programId: string): Promise<ProgramAdmin> {
  await requireProgramRole(db, actor, programId, ['admin']);
  const [program, staffRows, partners, assignments, withConsent] = await Promise.all([
    db.selectFrom('programs').select(['id', 'name']).where('id', '=', programId).executeTakeFirstOrThrow(),
    findStaffRows(db, programId),
    findEnrolledPartners(db, programId),
    findAssignments(db, programId),
    countPeopleWithConsent(db, programId),
  ]);
  const couples = new Map<string, ProgramAdmin['couples'][number]>();
  for (const row of partners) {
    const couple = couples.get(row.coupleId) ?? { coupleId: row.coupleId, partners: [], clinicianIds: [] };
    couple.partners.push({ id: row.id, displayName: row.displayName, enrollment: row.acceptedAt ? 'accepted' : 'invited' });
    couples.set(row.coupleId, couple);
  }
  const caseloadSize = new Map<string, number>();
  for (const assignment of assignments) {
    const couple = couples.get(assignment.coupleId);
    if (couple) {
      couple.clinicianIds.push(assignment.clinicianId);
      caseloadSize.set(assignment.clinicianId, (caseloadSize.get(assignment.clinicianId) ?? 0) + 1);
    }
  }
  const staff = new Map<string, ProgramAdmin['staff'][number]>();
  for (const row of staffRows) {
    const member = staff.get(row.userId) ?? {
      userId: row.userId,
      displayName: row.displayName,
      roles: [] as StaffRole[],
      clinicianActive: null,
      assignedCouples: caseloadSize.get(row.userId) ?? 0,
      isMe: row.userId === actor.userId,
    };
    member.roles.push(row.role);
    if (row.role === 'clinician') {
      member.clinicianActive = row.active;
    }
    staff.set(row.userId, member);
  }
  const staffList = [...staff.values()];
  const coupleList = [...couples.values()];
  return {
    programId: program.id,
    name: program.name,
    staff: staffList,
    couples: coupleList,
    counts: {
      activeClinicians: staffList.filter((member) => member.clinicianActive === true).length,
      deactivatedClinicians: staffList.filter((member) => member.clinicianActive === false).length,
      couples: coupleList.length,
      unassignedCouples: coupleList.filter((couple) => couple.clinicianIds.length === 0).length,
      acceptedPartners: partners.filter((row) => row.acceptedAt !== null).length,
      invitedPartners: partners.filter((row) => row.acceptedAt === null).length,
      partnersWithConsent: withConsent,
    },
  };
}

/**
 * An admin deactivates (or reactivates) a clinician of the program. A deactivated clinician loses
 * every couple at once: `access/` asks for an active clinician on every request. Their other role
 * (admin), if any, stays. `active: true` for an admin of the program who is not a clinician makes
 * them one too (small practices: the admin also sees couples, only those assigned to them).
 * Anyone else answers `not-found`.
 */
export async function updateClinician(db: Db, actor: Actor, programId: string, userId: string, active: boolean): Promise<ProgramAdmin> {
  await requireProgramRole(db, actor, programId, ['admin']);
  const changed =
    (await setClinicianActive(db, programId, userId, active)) || (active && (await addClinicianRoleToAdmin(db, programId, userId)));
  if (!changed) {
    throw new DomainError('not-found', 'There is no such clinician in this program.');
  }
  return findProgramAdmin(db, actor, programId);
}

/**
 * An admin sets which clinicians care for a couple of the program (replacing the list). Each must
 * be a clinician of the program (`/clinicianIds` otherwise); a couple not in the program answers
 * `not-found`. Assignment alone shows a clinician nothing: each partner's consent decides.
 */
export async function assignClinicians(
  db: Db,
  actor: Actor,
  programId: string,
  coupleId: string,
  clinicianIds: readonly string[],
): Promise<ProgramAdmin> {
  await db.transaction().execute(async (tx) => {
    await requireProgramRole(tx, actor, programId, ['admin']);
    if (!(await isCoupleInProgram(tx, programId, coupleId))) {
      throw new DomainError('not-found', 'This couple is not in the program.');
    }
    const unique = [...new Set(clinicianIds)];
    const clinicians = await findClinicianIds(tx, programId, unique);
    const unknown = unique.findIndex((id) => !clinicians.has(id));
    if (unknown >= 0) {
      throw new DomainError('validation-failed', 'Choose clinicians of this program.', [
        { pointer: `/clinicianIds/${unknown}`, message: 'Not a clinician of this program.' },
      ]);
    }
    await replaceAssignments(tx, programId, coupleId, unique, actor.userId);
  });
  return findProgramAdmin(db, actor, programId);
}
