import { sql } from 'kysely';
import type { Caseload, Program } from '@twofold/core/programs/program.schemas';
import type { CreatedInvite } from '@twofold/core/couples/couple.schemas';
import type { Db, Tx } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import { DomainError } from '../../platform/errors';
import { requireMembership, requireProgramRole, requireTwoFactor } from '../../access/access';
import { createInvite } from '../invites/invite-links';
import { endConsentsOnLeaving, grantConsentsInTx } from '../consents/consents.service';
import type { Cipher } from '../../platform/crypto';
import type { EnrollmentConsentInput } from '@twofold/core/programs/consent.schemas';

export interface InviteSettings {
  ttlDays: number;
  publicUrl: string;
}

/** Creates a program; the actor becomes its admin (staff use two-step sign-in, so it must be on). */
export async function createProgram(db: Db, actor: Actor, name: string): Promise<Program> {
  await requireTwoFactor(db, actor);
  const programId = await db.transaction().execute(async (tx) => {
    const program = await tx.insertInto('programs').values({ name, createdBy: actor.userId }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('programStaff').values({ programId: program.id, userId: actor.userId, role: 'admin' }).execute();
    return program.id;
  });
  return findProgram(db, actor, programId);
}

/** A program as its staff see it: names, roles and counts, never clinical content. */
export async function findProgram(db: Db, actor: Actor, programId: string): Promise<Program> {
  const myRole = await requireProgramRole(db, actor, programId, ['admin', 'clinician']);
  const [program, staff, enrolled] = await Promise.all([
    db.selectFrom('programs').select(['id', 'name', 'createdAt']).where('id', '=', programId).executeTakeFirstOrThrow(),
    db
      .selectFrom('programStaff')
      .innerJoin('users', 'users.id', 'programStaff.userId')
      .select(['users.id as userId', 'users.displayName', 'programStaff.role', 'programStaff.active'])
      .where('programStaff.programId', '=', programId)
      .orderBy('programStaff.createdAt')
      .execute(),
    db
      .selectFrom('programEnrollments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('programId', '=', programId)
      .where('acceptedAt', 'is not', null)
      .where('endedAt', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  // A person may hold both roles (an admin who is also a clinician): each active one counts.
  const myRoles = staff.filter((member) => member.userId === actor.userId && member.active).map((member) => member.role);
  return {
    id: program.id,
    name: program.name,
    createdAt: program.createdAt.toISOString(),
    myRole,
    staff,
    counts: {
      clinicians: staff.filter((member) => member.role === 'clinician' && member.active).length,
      enrolledPartners: Number(enrolled.n),
    },
    can: {
      inviteClinician: myRoles.includes('admin'),
      inviteCouple: myRoles.includes('clinician'),
      viewCaseload: myRoles.includes('clinician'),
      administer: myRoles.includes('admin'),
    },
  };
}

export async function inviteClinician(db: Db, actor: Actor, programId: string, settings: InviteSettings): Promise<CreatedInvite> {
  await requireProgramRole(db, actor, programId, ['admin']);
  return createInvite(db, { kind: 'clinician', coupleId: null, programId, createdBy: actor.userId, ...settings });
}

/** A clinician's link inviting one couple into the program; each partner then accepts for themselves. */
export async function inviteCouple(db: Db, actor: Actor, programId: string, settings: InviteSettings): Promise<CreatedInvite> {
  await requireProgramRole(db, actor, programId, ['clinician']);
  return createInvite(db, { kind: 'program-couple', coupleId: null, programId, createdBy: actor.userId, ...settings });
}

export async function joinProgramAsClinician(tx: Tx, actor: Actor, programId: string): Promise<void> {
  const added = await tx
    .insertInto('programStaff')
    .values({ programId, userId: actor.userId, role: 'clinician' })
    .onConflict((oc) => oc.columns(['programId', 'userId', 'role']).doNothing())
    .returning('userId')
    .executeTakeFirst();
  if (!added) {
    throw new DomainError('conflict', 'You are already a clinician of this program.');
  }
}

/**
 * Binds a program-couple invite to the actor's couple: the actor accepts for themselves, and
 * their partner sees the invitation and decides for themselves (nobody consents for another).
 */
export async function enrollFromInvite(tx: Tx, actor: Actor, programId: string, invitedBy: string): Promise<string> {
  const { coupleId } = await requireMembership(tx, actor);
  const members = await tx
    .selectFrom('coupleMembers')
    .select('userId')
    .where('coupleId', '=', coupleId)
    .where('leftAt', 'is', null)
    .execute();
  const existing = await tx
    .selectFrom('programEnrollments')
    .select('userId')
    .where('programId', '=', programId)
    .where('coupleId', '=', coupleId)
    .where('endedAt', 'is', null)
    .execute();
  if (existing.length > 0) {
    throw new DomainError('conflict', 'Your couple is already invited to this program. Accept it from your couple page.');
  }
  await tx
    .insertInto('programEnrollments')
    .values(
      members.map((member) => ({
        programId,
        coupleId,
        userId: member.userId,
        invitedBy,
        acceptedAt: member.userId === actor.userId ? sql<Date>`now()` : null,
      })),
    )
    .execute();
  // The clinician who invited the couple cares for it: the couple is on their caseload at once.
  await tx
    .insertInto('coupleClinicians')
    .columns(['programId', 'coupleId', 'clinicianId', 'assignedBy'])
    .expression((eb) =>
      eb
        .selectFrom('programStaff')
        .select([eb.val(programId).as('programId'), eb.val(coupleId).as('coupleId'), 'userId', eb.val(invitedBy).as('assignedBy')])
        .where('programId', '=', programId)
        .where('userId', '=', invitedBy)
        .where('role', '=', 'clinician')
        .where('active', '=', true),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  return coupleId;
}

/**
 * The actor accepts, for themselves, a program their couple was invited to. With `consent`, in the
 * same transaction, they grant the program access to the kinds they chose (features/consents):
 * without it the program's clinicians see nothing of theirs until they consent.
 */
export async function acceptEnrollment(
  db: Db,
  deps: { cipher: Cipher },
  actor: Actor,
  programId: string,
  consent?: EnrollmentConsentInput,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { coupleId } = await requireMembership(tx, actor);
    const result = await tx
      .updateTable('programEnrollments')
      .set({ acceptedAt: sql<Date>`now()` })
      .where('programId', '=', programId)
      .where('coupleId', '=', coupleId)
      .where('userId', '=', actor.userId)
      .where('endedAt', 'is', null)
      .where('acceptedAt', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw new DomainError('not-found', 'There is no invitation from this program waiting for you.');
    }
    if (consent && consent.kinds.length > 0) {
      await grantConsentsInTx(tx, deps, actor.userId, { ...consent, programId });
    }
  });
}

/** The actor leaves a program, for themselves, at once: its clinicians lose access to their data. */
export async function endEnrollment(db: Db, actor: Actor, programId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('programEnrollments')
      .set({ endedAt: sql<Date>`now()` })
      .where('programId', '=', programId)
      .where('userId', '=', actor.userId)
      .where('endedAt', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw new DomainError('not-found', 'You are not in this program.');
    }
    await endConsentsOnLeaving(tx, actor.userId, programId);
  });
}

/** The couples of a program assigned to the actor, a clinician of it: names and who has accepted, nothing clinical. */
export async function findCaseload(db: Db, actor: Actor, programId: string): Promise<Caseload> {
  await requireProgramRole(db, actor, programId, ['clinician']);
  const rows = await db
    .selectFrom('programEnrollments as e')
    .innerJoin('coupleClinicians as cc', (join) =>
      join.onRef('cc.programId', '=', 'e.programId').onRef('cc.coupleId', '=', 'e.coupleId').on('cc.clinicianId', '=', actor.userId),
    )
    .innerJoin('coupleMembers as m', (join) =>
      join.onRef('m.coupleId', '=', 'e.coupleId').onRef('m.userId', '=', 'e.userId').on('m.leftAt', 'is', null),
    )
    .innerJoin('users', 'users.id', 'e.userId')
    .select(['e.coupleId', 'users.id', 'users.displayName', 'e.acceptedAt'])
    .where('e.programId', '=', programId)
    .where('e.endedAt', 'is', null)
    .orderBy('e.invitedAt')
    .orderBy('users.displayName')
    .execute();
  const couples = new Map<string, Caseload['couples'][number]>();
  for (const row of rows) {
    const couple = couples.get(row.coupleId) ?? { coupleId: row.coupleId, partners: [] };
    couple.partners.push({ id: row.id, displayName: row.displayName, enrollment: row.acceptedAt ? 'accepted' : 'invited' });
    couples.set(row.coupleId, couple);
  }
  return { couples: [...couples.values()] };
}
