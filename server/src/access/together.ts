import { includesCareTeam, type Audience } from '@twofold/core/sharing/data-kinds';
import type { Db, DbOrTx, Tx } from '../platform/db';
import type { Actor } from '../platform/sessions';
import { appendAuditEntry } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { sql } from 'kysely';
import { requireMembership } from './access';
import { requireCoupleClinician } from './care-team';
import { jointFeaturesOpen } from './joint-features';

/**
 * Who may see and change the couple's joint work (Recovery Contract, Trust Discussion calendar,
 * commitments, appreciations, boundaries, shared goals and activities).
 *
 * - Only the two current partners of the actor's CURRENT couple: every joint query is scoped by
 *   `coupleId` from this function, asked on every request, so a partner who leaves loses access at once.
 * - Only items written since this pair of partners was formed (`since`): a couple space outlives
 *   a partner who left, and a new partner must not read what the previous pair wrote together.
 * - Only while the safety screens open joint features (`jointFeaturesOpen`), else `joint-features-closed`.
 *   A route on one item passes `assertItemExists`, asked before the gate (see below).
 */
export interface JointAccess {
  coupleId: string;
  /** The other current partner. */
  partnerId: string;
  /** Both current partners, the actor first. */
  partnerIds: [string, string];
  /** When the current pair of partners was formed: the later of their two `joined_at`. */
  since: Date;
}

export async function requireJointAccess(
  db: DbOrTx,
  actor: Actor,
  assertItemExists?: (access: JointAccess) => Promise<void>,
): Promise<JointAccess> {
  const membership = await requireMembership(db, actor);
  const members = await db
    .selectFrom('coupleMembers')
    .select(['userId', 'joinedAt'])
    .where('coupleId', '=', membership.coupleId)
    .where('leftAt', 'is', null)
    .execute();
  const partner = members.find((member) => member.userId !== actor.userId);
  if (!partner) {
    throw closed();
  }
  const since = new Date(Math.max(...members.map((member) => member.joinedAt.getTime())));
  const access: JointAccess = {
    coupleId: membership.coupleId,
    partnerId: partner.userId,
    partnerIds: [actor.userId, partner.userId],
    since,
  };
  // An id that is not the couple's answers not-found before the gate is asked, so that an id of
  // someone else's answers exactly like one that does not exist, whatever the gate says right now.
  await assertItemExists?.(access);
  if (!(await jointFeaturesOpen(db, membership.coupleId))) {
    throw closed();
  }
  return access;
}

function closed(): DomainError {
  return new DomainError('joint-features-closed', 'Shared features open once each of you has answered a short private check-in.');
}

/**
 * Pure rule for the care team: joint items are written by two people, so they reach the care team
 * only when BOTH partners share the kind `together` with it.
 */
export function isJointVisibleToCareTeam(settings: readonly [Audience, Audience]): boolean {
  return settings.every(includesCareTeam);
}

export interface CareTeamJointAccess extends JointAccess {
  programId: string;
}

/**
 * A clinician reads a couple's joint work: decides, reads and audits in one transaction, on every
 * request (a partner who revokes `together` from the care team, leaves the program or the couple
 * closes it at the next request). Allowed only for an active clinician of `programId` with
 * two-step sign-in assigned to the couple (`requireCoupleClinician`), for the couple's two CURRENT
 * partners, both with accepted enrollment in that program not ended, both sharing `together` with
 * the care team (`isJointVisibleToCareTeam`) and both with a current consent for `together` with
 * the program. Anything else answers `not-found`, the same as a couple that does
 * not exist. The joint-features gate is the partners' protection from each other, not from their
 * clinician: it is not asked here. One audit row per partner whose joint work was disclosed.
 */
export async function readJointAsCareTeam<T>(
  db: Db,
  actor: Actor,
  programId: string,
  coupleId: string,
  read: (tx: Tx, access: CareTeamJointAccess) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await requireCoupleClinician(tx, actor, programId, coupleId);
    const members = await tx
      .selectFrom('coupleMembers as m')
      .leftJoin('programEnrollments as e', (join) =>
        join
          .onRef('e.coupleId', '=', 'm.coupleId')
          .onRef('e.userId', '=', 'm.userId')
          .on('e.programId', '=', programId)
          .on('e.acceptedAt', 'is not', null)
          .on('e.endedAt', 'is', null),
      )
      .leftJoin('sharingSettings as s', (join) => join.onRef('s.ownerId', '=', 'm.userId').on('s.kind', '=', 'together'))
      .leftJoin('careConsents as c', (join) =>
        join
          .onRef('c.ownerId', '=', 'm.userId')
          .on('c.programId', '=', programId)
          .on('c.kind', '=', 'together')
          .on('c.endedAt', 'is', null)
          .on('c.expiresAt', '>', sql<Date>`now()`),
      )
      .select(['m.userId', 'm.joinedAt', 'e.programId as enrolledIn', 's.audience', 'c.id as consentId'])
      .where('m.coupleId', '=', coupleId)
      .where('m.leftAt', 'is', null)
      .orderBy('m.joinedAt')
      .orderBy('m.userId')
      .execute();
    const [first, second] = members;
    if (
      members.length !== 2 ||
      !first ||
      !second ||
      members.some((member) => member.enrolledIn === null || member.consentId === null) ||
      !isJointVisibleToCareTeam([(first.audience ?? 'private') as Audience, (second.audience ?? 'private') as Audience])
    ) {
      throw new DomainError('not-found', 'Nothing to show here.');
    }
    const access: CareTeamJointAccess = {
      coupleId,
      programId,
      partnerId: second.userId,
      partnerIds: [first.userId, second.userId],
      since: new Date(Math.max(first.joinedAt.getTime(), second.joinedAt.getTime())),
    };
    const result = await read(tx, access);
    // Each partner's chain in id order, so two clinicians reading at once never wait on each other in a cycle.
    for (const subjectId of [...access.partnerIds].sort()) {
      await appendAuditEntry(tx, {
        actorId: actor.userId,
        subjectId,
        kind: 'together',
        action: 'read',
        purpose: 'treatment',
        relation: 'clinician',
        programId,
      });
    }
    return result;
  });
}
